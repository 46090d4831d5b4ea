/**
 * mtcute builds every connection pool of a DC when the client connects:
 * besides the main connection, 4 upload and 2 + 2 download sessions, each
 * with its buffers, emitters, bound handlers and auth key copies — about
 * half of an idle client's heap, though most hosted clients never send a
 * file. Here the file pools start empty (through mtcute's `connectionCount`
 * option) and get their usual sizes on the client's first file transfer,
 * announced by the two ways mtcute reaches a pool: `getPoolSize` (an upload
 * or download sizes its workers with it) and a call with a pool `kind`.
 * A transfer is refused (503) when the process is too near its descriptor
 * limit for the sockets it may open.
 */
import { networkMiddlewares } from "@mtcute/core";
import type { ConnectionKind, RpcCallMiddleware } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import type { DescriptorBudget } from "../descriptors.ts";
import { TRANSFER_DESCRIPTORS } from "../descriptors.ts";

/** What this uses of mtcute's network manager (public there, but not exported). */
interface PoolSizes {
  params: { isPremium?: boolean };
  getPoolSize(kind: ConnectionKind, dcId?: number): number;
  setIsPremium(isPremium: boolean): void;
}

/** mtcute's default pool sizes (its documented TDLib logic), used once the pools are opened. */
function defaultPoolSize(
  kind: ConnectionKind,
  dcId: number,
  isPremium: boolean,
): number {
  switch (kind) {
    case "main":
      // 0: mtcute decides (from the server's tmp_sessions).
      return 0;
    case "upload":
      return isPremium || (dcId !== 2 && dcId !== 4) ? 8 : 4;
    case "download":
      return isPremium ? 8 : 2;
    case "downloadSmall":
      return 2;
  }
}

/** One client's file pools: empty until its first file transfer. */
export class LazyFilePools {
  #opened = false;

  constructor(readonly descriptors: DescriptorBudget) {}

  /** The `network.connectionCount` option. */
  readonly connectionCount = (
    kind: ConnectionKind,
    dcId: number,
    isPremium: boolean,
  ): number =>
    kind === "main" || this.#opened
      ? defaultPoolSize(kind, dcId, isPremium)
      : 0;

  /** The `network.middlewares` option: mtcute's own, then the one that opens the pools. */
  readonly middlewares: RpcCallMiddleware[] = [
    ...networkMiddlewares.basic(),
    (context, next) => {
      if (context.params?.kind && context.params.kind !== "main") {
        this.#open(context.manager as unknown as PoolSizes);
      }
      return next(context);
    },
  ];

  /** Opens the pools before mtcute sizes an upload or download by them (each transfer asks, once, at its start). */
  attach(client: TelegramClient): void {
    const network = (client as unknown as {
      _client: { mt: { network: PoolSizes } };
    })._client.mt.network;
    const poolSize = network.getPoolSize.bind(network);
    network.getPoolSize = (kind: ConnectionKind, dcId?: number) => {
      if (kind !== "main") {
        if (!this.descriptors.hasRoom("transfer", TRANSFER_DESCRIPTORS)) {
          throw this.descriptors.exhausted("transfer");
        }
        this.#open(network);
      }
      return poolSize(kind, dcId);
    };
  }

  #open(network: PoolSizes): void {
    if (this.#opened) return;
    this.#opened = true;
    // mtcute re-reads every DC's pool sizes from connectionCount here (and creates the sessions).
    network.setIsPremium(network.params.isPremium ?? false);
  }
}
