/**
 * What the benchmarks share: the emulator process with a user, bots started
 * the way a real user would start them, and direct mtcute clients built with
 * the gateway's own client factory (so both sides use identical settings).
 */
import type { TelegramClient } from "@mtcute/core/client.js";
import { sessionPath } from "../../src/client_id.ts";
import {
  createHostContext,
  createTelegramClient,
} from "../../src/telegram/client_factory.ts";
import type { HostContext } from "../../src/telegram/client_factory.ts";
import type { Bot, Dc, Gateway, WireUpdate } from "../e2e/harness.ts";

export type { Bot, Dc, Gateway, WireUpdate };
export { messageTexts, startDc, startGateway } from "../e2e/harness.ts";

/** Options for every direct client of one run (the gateway's CLI defaults, as the harness passes them). */
export async function directContext(dc: Dc): Promise<HostContext> {
  return await createHostContext({
    apiId: 1,
    apiHash: "e2e",
    dataDir: await Deno.makeTempDir({ prefix: "mtkruto-bench-direct-" }),
    dc: { host: "127.0.0.1", port: dc.port },
    dcKeyPem: await Deno.readTextFile(dc.publicKeyPath),
    testMode: false,
    logLevel: 1,
  });
}

let directCount = 0;

/** A logged-in direct bot client (its session is a sqlite file, as in the gateway). */
export async function directBot(
  context: HostContext,
  bot: Bot,
): Promise<TelegramClient> {
  const client = createTelegramClient(
    sessionPath(context.config.dataDir, `direct-${++directCount}`),
    context,
  );
  await client.start({ botToken: bot.token });
  await caughtUp(client);
  return client;
}

/**
 * Waits (bounded) until mtcute's updates manager has its initial state: an
 * update arriving before that is folded into the state, not dispatched. The
 * gateway's hosts wait the same way after login.
 */
async function caughtUp(client: TelegramClient): Promise<void> {
  const manager = (client as unknown as {
    _client: { updates?: { catchingUp: boolean } };
  })._client.updates;
  const deadline = performance.now() + 15_000;
  while (manager?.catchingUp && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Closes direct clients and removes their sessions. */
export async function closeDirect(
  context: HostContext,
  clients: TelegramClient[],
): Promise<void> {
  await Promise.all(clients.map((client) => client.destroy().catch(() => {})));
  await Deno.remove(context.config.dataDir, { recursive: true }).catch(
    () => {},
  );
}

let botCount = 0;

/** Creates a bot in the emulator. */
export function createBot(dc: Dc, prefix: string): Promise<Bot> {
  return dc.control<Bot>("POST", "/bots", {
    username: `${prefix}${++botCount}_bot`,
  });
}

let userCount = 0;

/** Creates a user in the emulator. */
export async function createUser(dc: Dc): Promise<number> {
  const { id } = await dc.control<{ id: number }>("POST", "/users", {
    phone: `1555${String(Date.now() + ++userCount).slice(-7)}`,
    firstName: "Bench",
  });
  return id;
}

/** Sends `text` from a user to a bot through the control API, as the user's app would. */
export function say(
  dc: Dc,
  { from, to, text }: { from: number; to: number; text: string },
): Promise<unknown> {
  return dc.control("POST", "/messages", { from, to, text });
}

/** The path of `method` for `bot` on a gateway. */
export function botPath(bot: Bot, method: string): string {
  return `/bot${bot.token}/${method}`;
}

/** POSTs JSON arguments to a gateway method; throws unless the answer is a 200. */
export async function gatewayCall<T = unknown>(
  gateway: Gateway,
  bot: Bot,
  method: string,
  args: unknown[] = [],
): Promise<T> {
  const response = await gateway.fetch(botPath(bot, method), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method}: ${response.status} ${text.slice(0, 200)}`);
  }
  return JSON.parse(text) as T;
}

/** Has the user start a gateway bot (so the bot knows the user), and drains its queue. */
export async function startGatewayBot(
  { dc, gateway, bot, userId }: {
    dc: Dc;
    gateway: Gateway;
    bot: Bot;
    userId: number;
  },
): Promise<void> {
  await gatewayCall(gateway, bot, "getMe");
  await say(dc, { from: userId, to: bot.id, text: "/start" });
  const updates = await gatewayCall<{ updateId: number }[]>(
    gateway,
    bot,
    "getUpdates",
    [{ timeout: 10 }],
  );
  if (!updates.length) throw new Error("the bot did not get /start");
  // timeout 0: answer at once (without one, an empty queue waits --poll-timeout).
  await gatewayCall(gateway, bot, "getUpdates", [{
    offset: updates.at(-1)!.updateId + 1,
    timeout: 0,
  }]);
}

/** Has the user start a direct bot: waits until its client saw /start (and so the user). */
export async function startDirectBot(
  { dc, client, bot, userId }: {
    dc: Dc;
    client: TelegramClient;
    bot: Bot;
    userId: number;
  },
): Promise<void> {
  const seen = Promise.withResolvers<void>();
  const handler = () => seen.resolve();
  client.onNewMessage.add(handler);
  const timer = setTimeout(
    () => seen.reject(new Error("the direct bot did not get /start")),
    10_000,
  );
  try {
    await say(dc, { from: userId, to: bot.id, text: "/start" });
    await seen.promise;
  } finally {
    clearTimeout(timer);
    client.onNewMessage.remove(handler);
  }
}
