/** Starts the DC emulator and the gateway as real processes for end-to-end tests. */
import { assertEquals } from "../assert.ts";
import type { StatsSnapshot } from "../../src/stats/snapshot.ts";
import { spawnDeno } from "./process.ts";
import type { Child } from "./process.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** A running DC emulator process and its control API. */
export interface Dc {
  port: number;
  publicKeyPath: string;
  stateDir: string;
  child: Child;
  /** Calls the control API; throws on a non-2xx answer. */
  control<T = unknown>(
    method: "GET" | "POST" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<T>;
  stop(): Promise<void>;
}

/** Starts `tests/dc/main.ts` on free ports with a fresh state directory. */
export async function startDc(
  { protocolDebug = false }: {
    /** Logs why the emulator closes connections (DC_PROTOCOL_DEBUG). */
    protocolDebug?: boolean;
  } = {},
): Promise<Dc> {
  const stateDir = await Deno.makeTempDir({ prefix: "mtkruto-dc-" });
  const child = spawnDeno(`${ROOT}tests/dc/main.ts`, [
    "--port",
    "0",
    "--control-port",
    "0",
    "--state-dir",
    stateDir,
  ], protocolDebug ? { env: { DC_PROTOCOL_DEBUG: "1" } } : {});
  const [, port, controlUrl, publicKeyPath] = await child.waitFor(
    /mtproto [\d.]+:(\d+), control (http:\/\/[\d.]+:\d+), public key (\S+)/,
    60_000,
  );
  return {
    port: Number(port),
    publicKeyPath,
    stateDir,
    child,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${controlUrl}${path}`, {
        method,
        headers: body === undefined
          ? {}
          : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(
          `DC control ${method} ${path}: ${response.status} ${text}`,
        );
      }
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async stop() {
      await child.stop();
      await Deno.remove(stateDir, { recursive: true }).catch(() => {});
    },
  };
}

/** The CLI flags that point the server (or --add-user) at the emulator with a data directory. */
export function clientArgs(
  dc: Pick<Dc, "port" | "publicKeyPath">,
  dataDir: string,
): string[] {
  return [
    "--api-id",
    "1",
    "--api-hash",
    "e2e",
    "--data-dir",
    dataDir,
    "--dc",
    `127.0.0.1:${dc.port}`,
    "--dc-key",
    dc.publicKeyPath,
  ];
}

/** A running gateway process. */
export interface Gateway {
  url: string;
  dataDir: string;
  child: Child;
  /** `fetch` relative to the gateway's URL. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** The stats as JSON (`/stats` with `Accept: application/json`). */
  stats(): Promise<StatsSnapshot>;
  /** Stops the process (SIGTERM: a clean shutdown; SIGKILL: a crash). */
  stop(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
}

/** Options of `startGateway`. */
export interface GatewayOptions {
  dc: Dc;
  workers?: number;
  /** Reuse a data directory (to test restarts); a fresh temp dir otherwise. */
  dataDir?: string;
  extraArgs?: string[];
  /** The gateway's `ulimit -n`. */
  openFileLimit?: number;
}

/** Starts `main.ts` with its real CLI against the emulator, on a free port. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const dataDir = options.dataDir ??
    await Deno.makeTempDir({ prefix: "mtkruto-data-" });
  const child = spawnDeno(`${ROOT}main.ts`, [
    ...clientArgs(options.dc, dataDir),
    "--hostname",
    "127.0.0.1",
    "--port",
    "0",
    "--workers",
    String(options.workers ?? 1),
    ...(options.extraArgs ?? []),
  ], { openFileLimit: options.openFileLimit });
  const [, url] = await child.waitFor(
    /listening on (http:\/\/[\d.]+:\d+)\//,
    60_000,
  );
  return {
    url,
    dataDir,
    child,
    fetch: (path, init) => fetch(`${url}${path}`, init),
    stats: () =>
      fetch(`${url}/stats`, { headers: { accept: "application/json" } })
        .then((response) => response.json()),
    stop: (signal) => child.stop(signal),
  };
}

/** Reads a response as JSON together with its status and error type. */
export async function readJson(
  response: Response,
): Promise<{ status: number; errorType: string | null; body: unknown }> {
  return {
    status: response.status,
    errorType: response.headers.get("x-error-type"),
    body: await response.json(),
  };
}

/** An update as getUpdates and webhooks deliver it: MTKruto's `Update` with the gateway's `updateId`. */
export interface WireUpdate {
  updateId: number;
  type: string;
  /** The payload of a `message` update (MTKruto's Message). */
  message?: {
    type: string;
    id: number;
    text?: string;
    isOutgoing: boolean;
    chat: { id: number; type: string };
    from: { id: number };
  };
  [key: string]: unknown;
}

/** Each update's message text: the `text` of a `message` update, undefined for any other update. */
export function messageTexts(updates: unknown): (string | undefined)[] {
  return (updates as WireUpdate[]).map((update) =>
    update.type === "message" ? update.message?.text : undefined
  );
}

/** A bot account of the emulator. */
export interface Bot {
  id: number;
  token: string;
}

/** What `withWorld` sets up: an emulator with a bot and a user, and a gateway in front of it. */
export interface World {
  dc: Dc;
  gateway: Gateway;
  bot: Bot;
  userId: number;
}

/**
 * Runs `fn` against a fresh emulator (one bot, one user) and gateway, and
 * stops both after; on failure, prints both processes' output to help.
 */
export async function withWorld(
  fn: (world: World) => Promise<void>,
  { workers = 1, gatewayArgs = [] }: {
    workers?: number;
    gatewayArgs?: string[];
  } = {},
): Promise<void> {
  const dc = await startDc();
  // Tests may replace world.gateway (a restart), so cleanup stops whatever is there at the end.
  let world: World | undefined;
  try {
    const bot = await dc.control<Bot>("POST", "/bots", { username: "e2e_bot" });
    const { id: userId } = await dc.control<{ id: number }>("POST", "/users", {
      phone: "15550001",
      firstName: "Alice",
      username: "alice",
    });
    const gateway = await startGateway({ dc, workers, extraArgs: gatewayArgs });
    world = { dc, gateway, bot, userId };
    await fn(world);
  } catch (error) {
    console.error(
      `--- gateway output ---\n${world?.gateway.child.output()}\n--- emulator output ---\n${dc.child.output()}`,
    );
    throw error;
  } finally {
    await world?.gateway.stop();
    if (world) {
      await Deno.remove(world.gateway.dataDir, { recursive: true }).catch(
        () => {},
      );
    }
    await dc.stop();
  }
}

/** How many times the bot logged in with its token, from the emulator's call log. */
export async function botLogins(dc: Dc, bot: Bot): Promise<number> {
  const calls = await dc.control<string[]>("GET", `/calls?account=${bot.id}`);
  return calls.filter((name) => name === "auth.importBotAuthorization").length;
}

/** Has the user start the bot, as on Telegram, so that the bot may message the user. */
export async function startBot(
  { dc, gateway, bot, userId }: {
    dc: Dc;
    gateway: Gateway;
    bot: Bot;
    userId: number;
  },
) {
  await gateway.fetch(`/bot${bot.token}/getMe`).then((r) => r.body?.cancel());
  await dc.control("POST", "/messages", {
    from: userId,
    to: bot.id,
    text: "/start",
  });
  const updates: WireUpdate[] = await gateway.fetch(
    `/bot${bot.token}/getUpdates?timeout=10`,
  ).then((r) => r.json());
  // MTKruto's shape: a private chat is named by the user's id, who is also the sender.
  assertEquals(
    updates.map((u) => [
      u.type,
      u.message?.text,
      u.message?.chat.id,
      u.message?.chat.type,
      u.message?.from.id,
    ]),
    [["message", "/start", userId, "private", userId]],
  );
}

/** Polls `condition` every 50 ms until it holds; resolves with the ms it took, throws naming `what` after `timeoutMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}
