/**
 * What the end-to-end tests of MTKruto's message methods beyond the seed's
 * share (mtkruto_messages_extra_test.ts,
 * mtkruto_messages_extra_scheduled_test.ts): Alice's calls, the refusals,
 * the control API's views of queues, boxes and read marks, and Bob.
 */
import { assertEquals } from "../assert.ts";
import { readJson, until } from "./harness.ts";
import type { Dc } from "./harness.ts";
import { type ChatsWorld, type Message, ok } from "./_chats_world.ts";

/** What every test here passes to Deno.test. */
export const options = { sanitizeOps: false, sanitizeResources: false };

/** A message in a box, as the control API shows it. */
export interface ControlMessage {
  id: number;
  from: number;
  text: string;
  date: number;
}

/** A Message with the flag scheduled messages carry. */
export type MaybeScheduled = Message & { isScheduled?: true };

/** How a chat stands as to a user's reading, as the control API shows it. */
export interface ReadState {
  readInboxMaxId: number;
  unreadCount: number;
  unreadMark: boolean;
  readAt?: number;
}

/** Calls `method` as `base`; its status, error type and error text, for the failures. */
export async function refusal(
  world: ChatsWorld,
  base: string,
  method: string,
  args: unknown[],
) {
  const { status, errorType, body } = await readJson(
    await world.gateway.fetch(`${base}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(args),
    }),
  );
  return { status, errorType, error: body };
}

/** Alice's call of `method`, failing the test on any error. */
export function alice<T = Message>(
  world: ChatsWorld,
  method: string,
  args: unknown[],
): Promise<T> {
  return ok<T>(world.gateway, world.userBase, method, args);
}

/** Asserts that `method` called as `base` fails with a 400 of `errorType` saying `error`. */
export async function assertRefused(
  world: ChatsWorld,
  base: string,
  method: string,
  args: unknown[],
  errorType: "input" | "rpc",
  error: string,
): Promise<void> {
  assertEquals(await refusal(world, base, method, args), {
    status: 400,
    errorType,
    error,
  });
}

/** The bot's endpoint. */
export const botBase = (world: ChatsWorld) => `/bot${world.bot.token}`;
/** Now, in Unix seconds. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `user`'s schedule queue for chat `peer`, as the emulator holds it. */
export function scheduled(dc: Dc, user: number, peer: number) {
  return dc.control<ControlMessage[]>(
    "GET",
    `/messages/scheduled?user=${user}&peer=${peer}`,
  );
}

/** The chat `peer` in `user`'s box (the channel's for supergroups and channels), oldest first. */
export function box(dc: Dc, user: number, peer: number) {
  return dc.control<ControlMessage[]>(
    "GET",
    `/messages?user=${user}&peer=${peer}`,
  );
}

/** How the chat `peer` stands as to `user`'s reading. */
export function readState(dc: Dc, user: number, peer: number) {
  return dc.control<ReadState>(
    "GET",
    `/messages/read-state?user=${user}&peer=${peer}`,
  );
}

/** Bob, a user of the emulator whose account Alice's client knows (he wrote to her); his id and his message's id in her box. */
export async function withBob(world: ChatsWorld) {
  const { dc, userId } = world;
  const { id: bob } = await dc.control<{ id: number }>("POST", "/users", {
    phone: "15550002",
    firstName: "Bob",
    username: "bob_reader",
  });
  const { recipientMessageId } = await dc.control<
    { recipientMessageId: number }
  >("POST", "/messages", { from: bob, to: userId, text: "hi Alice" });
  await until(
    async () =>
      (await refusal(world, world.userBase, "getHistory", [bob])).status ===
        200,
    10_000,
    "Alice's client to learn Bob",
  );
  return { bob, fromBob: recipientMessageId };
}
