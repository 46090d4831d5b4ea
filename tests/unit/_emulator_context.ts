/** The host context worker-side unit tests use: the gateway's own, pointed at an in-process DC emulator. */
import { createHostContext } from "../../src/telegram/client_factory.ts";
import type { HostContext } from "../../src/telegram/client_factory.ts";
import type { WorkerConfig } from "../../src/workers/protocol.ts";
import { botClientId } from "../../src/client_id.ts";
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

/** Runs `fn` with a logged-in bot host on a fresh in-process emulator; everything is closed after. */
export async function withEmulatorBot(
  username: string,
  fn: (
    world: { emulator: Emulator; host: ClientHost; botId: number },
  ) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator({ controlPort: false });
  const dataDir = await Deno.makeTempDir({ prefix: `mtkruto-${username}-` });
  let host: ClientHost | undefined;
  try {
    const context = await emulatorHostContext(emulator, dataDir);
    const bot = emulator.control.createBot({ username });
    host = await ClientHost.open({
      kind: "bot",
      id: botClientId(bot.token)!,
      token: bot.token,
    }, context);
    await fn({ emulator, host, botId: bot.id });
  } finally {
    await host?.close(new Error("test over"));
    await emulator.close();
    await Deno.remove(dataDir, { recursive: true });
  }
}
