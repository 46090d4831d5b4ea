/**
 * Plain mtcute clients (no gateway) pointed at a running emulator: in-memory
 * or sqlite-backed sessions, no logging, all destroyed by `close()`.
 */
import { MemoryStorage } from "@mtcute/core";
import { addPublicKey } from "@mtcute/core/utils.js";
import { TelegramClient } from "@mtcute/node";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { openSqliteStorage } from "../../src/telegram/sqlite_storage.ts";

/** Where the emulator listens and the key it signs with (an in-process `Emulator` is one). */
export interface EmulatorAddress {
  readonly port: number;
  readonly publicKeyPem: string;
}

/** How one client is built. */
export interface EmulatorClientOptions {
  /** Keep the session in this sqlite file (so a new client can resume it); in memory otherwise. */
  sessionFile?: string;
  /** mtcute's `updates.catchUp`: fetch what arrived while the client was down. */
  catchUp?: boolean;
  /** Wrap every call in `invokeWithoutUpdates`. */
  disableUpdates?: boolean;
}

/** Builds mtcute clients for one emulator and destroys them all on `close()`. */
export class EmulatorClients {
  readonly #clients = new Set<TelegramClient>();

  private constructor(readonly emulator: EmulatorAddress) {}

  /** Trusts the emulator's RSA key (mtcute keeps keys per module instance) and returns the factory. */
  static async for(emulator: EmulatorAddress): Promise<EmulatorClients> {
    const crypto = new NodeCryptoProvider();
    await crypto.initialize();
    addPublicKey(crypto, emulator.publicKeyPem);
    return new EmulatorClients(emulator);
  }

  /** A new, not yet connected client. */
  client(options: EmulatorClientOptions = {}): TelegramClient {
    const dc = { id: 2, ipAddress: "127.0.0.1", port: this.emulator.port };
    const storage = options.sessionFile
      ? openSqliteStorage(options.sessionFile)
      : new MemoryStorage();
    const client = new TelegramClient({
      apiId: 1,
      apiHash: "x",
      storage,
      defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
      logLevel: Number(Deno.env.get("DC_TEST_MTCUTE_LOG") ?? 0),
      disableUpdates: options.disableUpdates,
      updates: options.catchUp ? { catchUp: true } : undefined,
    });
    this.#clients.add(client);
    return client;
  }

  /** Destroys `client` (closing its storage) and forgets it. */
  async destroy(client: TelegramClient): Promise<void> {
    this.#clients.delete(client);
    await client.destroy();
  }

  /** Destroys every client still open. */
  async close(): Promise<void> {
    for (const client of [...this.#clients]) await this.destroy(client);
  }
}
