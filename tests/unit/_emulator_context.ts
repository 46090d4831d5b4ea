/** The host context worker-side unit tests use: the gateway's own, pointed at an in-process DC emulator. */
import { createHostContext } from "../../src/telegram/client_factory.ts";
import type { HostContext } from "../../src/telegram/client_factory.ts";
import type { WorkerConfig } from "../../src/workers/protocol.ts";
import { botClientId } from "../../src/client_id.ts";
import type { ClientRef } from "../../src/client_id.ts";
import { ClientHost } from "../../src/telegram/client_host.ts";
import { type Emulator, startEmulator } from "../dc/mod.ts";

/** A host context whose clients log in to `emulator` and keep their sessions in `dataDir`. */
export function emulatorHostContext(
  emulator: Emulator,
  dataDir: string,
  extra: Partial<WorkerConfig> = {},
): Promise<HostContext> {
  return createHostContext({
    apiId: 1,
    apiHash: "unit",
    dataDir,
    dc: { host: "127.0.0.1", port: emulator.port },
    dcKeyPem: emulator.publicKeyPem,
    testMode: false,
    logLevel: 0,
    ...extra,
  });
}

/** The client ref of an emulator bot with `token`. */
export function botRef(token: string): ClientRef & { token: string } {
  return { kind: "bot", id: botClientId(token)!, token };
}

/**
 * Runs `fn` with a fresh in-process emulator, a data directory and a host
 * context on them (`extra` config on top); `cleanup` runs first once `fn` is
 * done, then the emulator and the directory go.
 */
export async function withEmulatorContext(
  prefix: string,
  extra: Partial<WorkerConfig>,
  fn: (
    world: { emulator: Emulator; dataDir: string; context: HostContext },
  ) => Promise<void>,
  cleanup: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const emulator = await startEmulator({ controlPort: false });
  const dataDir = await Deno.makeTempDir({ prefix: `mtkruto-${prefix}-` });
  try {
    const context = await emulatorHostContext(emulator, dataDir, extra);
    await fn({ emulator, dataDir, context });
  } finally {
    await cleanup();
    await emulator.close();
    await Deno.remove(dataDir, { recursive: true });
  }
}

/** Runs `fn` with a logged-in bot host on a fresh in-process emulator; everything is closed after. */
export function withEmulatorBot(
  username: string,
  fn: (
    world: { emulator: Emulator; host: ClientHost; botId: number },
  ) => Promise<void>,
): Promise<void> {
  let host: ClientHost | undefined;
  return withEmulatorContext(username, {}, async ({ emulator, context }) => {
    const bot = emulator.control.createBot({ username });
    host = await ClientHost.open(botRef(bot.token), context);
    await fn({ emulator, host, botId: bot.id });
  }, async () => await host?.close(new Error("test over")));
}
