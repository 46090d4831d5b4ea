/** Test helpers: a fake session that records pushes, and calls whose results must be encodable by mtcute. */
import type { tl } from "@mtcute/core";
import { __tlWriterMap, TlBinaryWriter } from "@mtcute/core/utils.js";
import type { RpcCall, Session } from "../contract.ts";
import type { World } from "./world.ts";

/** A session as the protocol layer would hand it over, recording what the world pushes. */
export class FakeSession implements Session {
  static #count = 0;
  readonly sessionId = String(++FakeSession.#count);
  readonly pushes: tl.TypeUpdates[] = [];
  accountId: number | undefined = undefined;
  connected = true;
  disconnects = 0;

  constructor(
    readonly authKeyId = FakeSession.#count.toString(16).padStart(16, "0"),
  ) {}

  push(object: tl.TypeUpdates): void {
    encodable(object);
    if (this.connected) this.pushes.push(object);
  }

  disconnect(): void {
    this.disconnects++;
  }
}

/** Serializes every TL object in `value` with mtcute's writer, which throws on missing required fields. */
export function encodable<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(encodable);
  else if (typeof value === "object" && value !== null && "_" in value) {
    TlBinaryWriter.serializeObject(__tlWriterMap, value as { _: string });
  }
  return value;
}

/** Calls `params._` on the world as `session`; the result is checked to be encodable. */
export async function invoke<M extends tl.RpcMethod>(
  world: World,
  session: FakeSession,
  params: M,
  options: { withoutUpdates?: boolean } = {},
): Promise<
  M["_"] extends keyof tl.RpcCallReturn ? tl.RpcCallReturn[M["_"]] : unknown
> {
  const call: RpcCall = {
    session,
    method: params._,
    params: params as unknown as RpcCall["params"],
    withoutUpdates: options.withoutUpdates ?? false,
    authorize(accountId) {
      session.accountId = accountId;
    },
  };
  // deno-lint-ignore no-explicit-any
  return encodable(await world.call(call)) as any;
}

/** Logs a fresh session in as a new bot; returns the bot's id, token and session. */
export async function botSession(world: World, username = "test_bot") {
  const bot = world.state.accounts.createBot({ username });
  const session = new FakeSession();
  await invoke(world, session, {
    _: "auth.importBotAuthorization",
    flags: 0,
    apiId: 1,
    apiHash: "x",
    botAuthToken: bot.botToken!,
  });
  return { bot, session };
}

/** Logs a fresh session in as `userId` (no code round trip; login itself is tested elsewhere). */
export function userSession(userId: number): FakeSession {
  const session = new FakeSession();
  session.accountId = userId;
  return session;
}

/** The `InputPeer` `viewerId` uses for `targetId`. */
export function inputPeer(
  world: World,
  viewerId: number,
  targetId: number,
): tl.RawInputPeerUser {
  return {
    _: "inputPeerUser",
    userId: targetId,
    accessHash: world.state.accounts.accessHash(viewerId, targetId),
  };
}
