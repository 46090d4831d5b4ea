/** Builds mtcute clients the same way everywhere: worker hosts and `--add-user`. */
import { TelegramClient } from "@mtcute/core/client.js";
import type { ICryptoProvider } from "@mtcute/core/utils.js";
import { addPublicKey } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import type { WorkerConfig } from "../workers/protocol.ts";
import { VERSION } from "../version.ts";
import { WorkerPlatform } from "./platform.ts";
import { failUncreatableDcs } from "./dc_creation_patch.ts";
import { makeAsyncLocksFifo } from "./fifo_lock_patch.ts";
import { keepIdleConnectionsOpen } from "./ping_delay_patch.ts";
import { skipPongAcks } from "./pong_ack_patch.ts";
import {
  releaseDeadBuffers,
  releaseUploadedParts,
} from "./buffer_release_patch.ts";
import { openSqliteStorage } from "./sqlite_storage.ts";
import { LazyFilePools } from "./lazy_file_pools.ts";
import { DenoTcpTransport } from "./deno_tcp.ts";
import type { SessionDatabase } from "../storage/session_database.ts";
import { limitOpenDatabases } from "../storage/session_database.ts";
import { DescriptorBudget, unlimitedDescriptors } from "../descriptors.ts";

/** What every client of a process or worker shares. */
export interface HostContext {
  config: WorkerConfig;
  platform: WorkerPlatform;
  crypto: ICryptoProvider;
  /** The process's file descriptors: new clients and transfers are refused near the limit. */
  descriptors: DescriptorBudget;
}

/** Prepares the shared crypto provider (and the custom DC key, which mtcute keeps per module instance). */
export async function createHostContext(
  config: WorkerConfig,
): Promise<HostContext> {
  makeAsyncLocksFifo();
  keepIdleConnectionsOpen();
  skipPongAcks();
  releaseDeadBuffers();
  const crypto = new NodeCryptoProvider();
  await crypto.initialize();
  if (config.dcKeyPem) addPublicKey(crypto, config.dcKeyPem);
  const shared = config.descriptors;
  const descriptors = shared
    ? new DescriptorBudget(shared.plan, shared.buffer)
    : unlimitedDescriptors();
  limitOpenDatabases(descriptors.plan.databasesPerThread);
  return {
    config,
    crypto,
    platform: new WorkerPlatform(config.logLevel),
    descriptors,
  };
}

/** A new mtcute client whose session lives in the client's database (or the sqlite file at a path). */
export function createTelegramClient(
  database: SessionDatabase | string,
  { config, platform, crypto, descriptors }: HostContext,
  { ownActionsAsUpdates = false, seated = false }: {
    /** Also dispatch the updates caused by the client's own calls (a user account's sent messages). */
    ownActionsAsUpdates?: boolean;
    /** The caller has counted one descriptor for the client's main connection. */
    seated?: boolean;
  } = {},
): TelegramClient {
  const dc = config.dc;
  const pools = new LazyFilePools(descriptors);
  const client = new TelegramClient({
    apiId: config.apiId,
    apiHash: config.apiHash,
    storage: openSqliteStorage(database),
    transport: new DenoTcpTransport(descriptors, seated),
    crypto,
    platform,
    network: {
      connectionCount: pools.connectionCount,
      middlewares: [releaseUploadedParts, ...pools.middlewares],
    },
    testMode: config.testMode,
    logLevel: config.logLevel,
    defaultDcs: dc
      ? {
        main: { id: 2, ipAddress: dc.host, port: dc.port },
        media: { id: 2, ipAddress: dc.host, port: dc.port, mediaOnly: true },
      }
      : undefined,
    // Fetches what arrived while the client was down (mtcute drops it otherwise).
    updates: { catchUp: true, disableNoDispatch: ownActionsAsUpdates },
    initConnectionOptions: {
      appVersion: VERSION,
      deviceModel: platform.getDeviceModel(),
    },
  });
  failUncreatableDcs(client);
  pools.attach(client);
  return client;
}
