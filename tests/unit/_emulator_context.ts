/** The host context worker-side unit tests use: the gateway's own, pointed at an in-process DC emulator. */
import { createHostContext } from "../../src/telegram/client_factory.ts";
import type { HostContext } from "../../src/telegram/client_factory.ts";
import type { WorkerConfig } from "../../src/workers/protocol.ts";
import type { Emulator } from "../dc/mod.ts";

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
