/** One hosted Telegram client: its mtcute instance and session file. */
import { TelegramClient } from "@mtcute/core/client.js";
import type { ICryptoProvider } from "@mtcute/core/utils.js";
import { TcpTransport } from "@mtcute/node";
import { join } from "node:path";
import { NotFoundError } from "../errors.ts";
import type { ClientRef, WorkerConfig } from "../workers/protocol.ts";
import { VERSION } from "../version.ts";
import type { WorkerPlatform } from "./platform.ts";
import { fromMtcuteError } from "./rpc_errors.ts";
import { openSqliteStorage } from "./sqlite_storage.ts";

/** What every client of a worker shares. */
export interface HostContext {
  config: WorkerConfig;
  platform: WorkerPlatform;
  crypto: ICryptoProvider;
}

/** The session file of a client. */
export function sessionPath(dataDir: string, clientId: string): string {
  return join(dataDir, `${clientId}.sqlite`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

async function removeSessionFiles(path: string): Promise<void> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    await Deno.remove(path + suffix).catch(() => {});
  }
}

function createClient(
  path: string,
  { config, platform, crypto }: HostContext,
): TelegramClient {
  const dc = config.dc;
  return new TelegramClient({
    apiId: config.apiId,
    apiHash: config.apiHash,
    storage: openSqliteStorage(path),
    transport: new TcpTransport(),
    crypto,
    platform,
    testMode: config.testMode,
    logLevel: config.logLevel,
    defaultDcs: dc
      ? {
        main: { id: 2, ipAddress: dc.host, port: dc.port },
        media: { id: 2, ipAddress: dc.host, port: dc.port, mediaOnly: true },
      }
      : undefined,
    initConnectionOptions: {
      appVersion: VERSION,
      deviceModel: platform.getDeviceModel(),
    },
  });
}

/** A logged-in client, ready for calls. */
export class ClientHost {
  lastUsed = Date.now();

  private constructor(
    readonly ref: ClientRef,
    readonly client: TelegramClient,
    readonly path: string,
  ) {}

  /**
   * Opens the client's session, logging a bot in with its token when the
   * session is new. Throws NotFoundError for an unknown user id and the
   * mapped Telegram error (e.g. 401) when login fails; a failed first login
   * leaves nothing on disk.
   */
  static async open(ref: ClientRef, context: HostContext): Promise<ClientHost> {
    const path = sessionPath(context.config.dataDir, ref.id);
    const existed = await exists(path);
    if (ref.kind === "user" && !existed) {
      throw new NotFoundError("No user client with this id");
    }
    await Deno.mkdir(context.config.dataDir, { recursive: true });
    const client = createClient(path, context);
    client.onError.add((error) =>
      console.error(`client error: ${error.stack ?? error}`)
    );
    try {
      if (ref.kind === "bot") {
        await client.start({ botToken: ref.token });
      } else {
        const me = await client.getMe();
        await client.notifyLoggedIn(me.raw);
      }
    } catch (error) {
      await client.destroy().catch(() => {});
      if (!existed) await removeSessionFiles(path);
      throw fromMtcuteError(error);
    }
    return new ClientHost(ref, client, path);
  }

  /** Closes the connection and flushes the session to disk. */
  async close(): Promise<void> {
    await this.client.destroy();
  }

  /** Closes the client and deletes its session (for bots whose token Telegram rejected). */
  async discard(): Promise<void> {
    await this.close().catch(() => {});
    await removeSessionFiles(this.path);
  }
}
