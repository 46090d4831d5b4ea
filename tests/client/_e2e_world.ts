/** What the client's end-to-end tests share: the harness' world with a Client of its bot, and waiting helpers. */
import { withWorld } from "../e2e/harness.ts";
import type { Dc, World } from "../e2e/harness.ts";
import type { ControlMessage } from "../dc/control.ts";
import { Client, type ClientOptions } from "../../client/mod.ts";

/** Test options: the gateway and emulator processes outlive a test's own ops. */
export const options = { sanitizeOps: false, sanitizeResources: false };

/** A world with a Client of its bot; `newClient` makes more, as a restarted bot would. */
export type ClientWorld = World & {
  client: Client;
  /** The bot's endpoint, `<gateway>/bot<TOKEN>`. */
  endpoint: string;
  newClient(options?: ClientOptions): Client;
};

/** The harness' world (bot `@e2e_bot`, user `@alice`) with a Client of the bot. */
export function withClient(
  fn: (world: ClientWorld) => Promise<void>,
  worldOptions: { gatewayArgs?: string[] } = {},
): Promise<void> {
  return withWorld((world) => {
    const endpoint = `${world.gateway.url}/bot${world.bot.token}`;
    const newClient = (clientOptions: ClientOptions = {}) =>
      new Client(endpoint, { timeoutMs: 30_000, ...clientOptions });
    return fn({ ...world, endpoint, newClient, client: newClient() });
  }, worldOptions);
}

/**
 * Starts `client` (long polling), runs `fn`, then stops it. A middleware
 * error fails the test (after `fn`, or at once if `fn` is waiting), rather
 * than being logged while the test waits in vain.
 */
export async function whileStarted(
  client: Client,
  fn: () => Promise<void>,
): Promise<void> {
  const errors: unknown[] = [];
  const failed = Promise.withResolvers<never>();
  // Raced below; without a failure nobody awaits it.
  failed.promise.catch(() => {});
  await client.start({
    onError(error) {
      errors.push(error);
      failed.reject(error);
    },
  });
  try {
    await Promise.race([fn(), failed.promise]);
  } finally {
    await client.stop();
  }
  if (errors.length) throw errors[0];
}

/** Resolves with what `fn` gives when it first returns something other than undefined; rejects after `timeoutMs`. */
export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Nothing happened within ${timeoutMs} ms`);
}

/** Waits until the gateway has no update left to deliver to the client's webhook (each was answered 200). */
export async function webhookQueueEmptied(client: Client): Promise<void> {
  await eventually(async () =>
    (await client.getWebhookInfo()).pendingUpdateCount === 0 ? true : undefined
  );
}

/** The user writes `text` to the bot, as the user's own app would; resolves with the message's id in the user's box. */
export async function userSays(
  { dc, userId, bot }: Pick<World, "dc" | "userId" | "bot">,
  text: string,
): Promise<number> {
  const sent = await dc.control<{ id: number }>("POST", "/messages", {
    from: userId,
    to: bot.id,
    text,
  });
  return sent.id;
}

/** Sends `message` from the user to the bot, then waits until `received()` (at most `timeoutMs`). */
export async function sendAndWait(
  dc: Dc,
  message: { from: number; to: number; text: string },
  received: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  await dc.control("POST", "/messages", message);
  await eventually(async () => await received() || undefined, timeoutMs);
}

/** The messages of the chat with `peer` in `user`'s box, oldest first (the emulator's view). */
export function chatWith(
  dc: Dc,
  user: number,
  peer: number,
): Promise<ControlMessage[]> {
  return dc.control<ControlMessage[]>(
    "GET",
    `/messages?user=${user}&peer=${peer}`,
  );
}

/** The texts the bot wrote to the user, as the user's box holds them, oldest first. */
export async function botTextsInUserBox(
  { dc, userId, bot }: Pick<World, "dc" | "userId" | "bot">,
): Promise<string[]> {
  const chat = await chatWith(dc, userId, bot.id);
  return chat.filter((m) => m.from === bot.id).map((m) => m.text);
}

/** Waits until the bot has written `count` messages to the user; resolves with their texts. */
export function botTextsOnceThereAre(
  world: Pick<World, "dc" | "userId" | "bot">,
  count: number,
  timeoutMs = 30_000,
): Promise<string[]> {
  return eventually(async () => {
    const texts = await botTextsInUserBox(world);
    return texts.length >= count ? texts : undefined;
  }, timeoutMs);
}

/** The user's press of a callback button under message `messageId` of the user's box; resolves with the bot's answer. */
export async function userPresses(
  { dc, userId, bot }: Pick<World, "dc" | "userId" | "bot">,
  messageId: number,
  data: string,
): Promise<{ message?: string; alert?: boolean; url?: string }> {
  const { answer } = await dc.control<
    { answer: { message?: string; alert?: boolean; url?: string } }
  >("POST", "/callback-queries", {
    from: userId,
    peer: bot.id,
    messageId,
    data,
  });
  return answer;
}

/** The bytes of a stream, read to its end. */
export async function readAll(
  body: ReadableStream<Uint8Array>,
): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}
