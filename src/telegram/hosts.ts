/** The clients hosted by one worker: created once on first use, unloaded on rejection or shutdown. */
import { UnavailableError } from "../errors.ts";
import type { ClientStats } from "../workers/client_stats.ts";
import type { ClientRef, UploadedFile } from "../workers/protocol.ts";
import { sessionPath } from "./client_factory.ts";
import type { HostContext } from "./client_factory.ts";
import { ClientHost, needsStartAtBoot } from "./client_host.ts";
import { dispatch } from "./dispatch.ts";
import { fromMtcuteError, isSessionRejected } from "./rpc_errors.ts";

/** Options of `ClientHosts`. */
export interface ClientHostsOptions {
  context: HostContext;
  /** Told when a client is gone, so the front can forget where it was pinned. */
  onUnloaded(clientId: string): void;
}

/** Every client of a worker, keyed by client id. */
export class ClientHosts {
  // Promises, so that concurrent first calls for one id share one login.
  readonly #hosts = new Map<string, Promise<ClientHost>>();

  constructor(readonly options: ClientHostsOptions) {}

  get size(): number {
    return this.#hosts.size;
  }

  #open(ref: ClientRef): Promise<ClientHost> {
    let host = this.#hosts.get(ref.id);
    if (!host) {
      host = ClientHost.open(ref, this.options.context);
      this.#hosts.set(ref.id, host);
      host.catch(() => {
        // A client that failed to start keeps nothing in memory.
        if (this.#hosts.get(ref.id) === host) {
          this.#hosts.delete(ref.id);
          this.options.onUnloaded(ref.id);
        }
      });
    }
    return host;
  }

  /** Calls `method` on the client for `ref`, creating it first if needed. Throws gateway errors. */
  async call(
    ref: ClientRef,
    method: string,
    args: unknown[],
    options: { signal: AbortSignal; uploads?: UploadedFile[] },
  ): Promise<unknown> {
    const host = await this.#open(ref);
    try {
      return await dispatch(host, method, args, options);
    } catch (error) {
      const mapped = fromMtcuteError(error);
      if (isSessionRejected(error)) {
        await this.#unload(
          ref.id,
          (h) =>
            h.ref.kind === "bot"
              ? h.discard(mapped as Error)
              : h.close(mapped as Error),
        );
      }
      throw mapped;
    }
  }

  /** Starts the client if its session has a webhook or queued updates; returns whether it did. */
  async boot(ref: ClientRef): Promise<boolean> {
    if (this.#hosts.has(ref.id)) return true;
    if (
      !needsStartAtBoot(
        sessionPath(this.options.context.config.dataDir, ref.id),
      )
    ) {
      this.options.onUnloaded(ref.id);
      return false;
    }
    await this.#open(ref);
    return true;
  }

  async #unload(
    clientId: string,
    how: (host: ClientHost) => Promise<void>,
  ): Promise<void> {
    const pending = this.#hosts.get(clientId);
    if (!pending) return;
    this.#hosts.delete(clientId);
    this.options.onUnloaded(clientId);
    const host = await pending.catch(() => undefined);
    if (host) {
      await how(host).catch((error) =>
        console.error(`closing a client failed: ${error}`)
      );
    }
  }

  /** Stats of every client that is up (those still logging in are left out). */
  async stats(worker: number): Promise<ClientStats[]> {
    const hosts = await Promise.all(
      [...this.#hosts.values()].map((host) => host.catch(() => undefined)),
    );
    return hosts.filter((host) => host !== undefined).map((host) =>
      host.stats(worker)
    );
  }

  /** Closes every client (sessions are flushed to disk). */
  async closeAll(): Promise<void> {
    const reason = new UnavailableError("The server is shutting down");
    await Promise.all(
      [...this.#hosts.keys()].map((id) =>
        this.#unload(id, (host) => host.close(reason))
      ),
    );
  }
}
