/** The clients hosted by one worker: created once on first use, unloaded when idle, rejected or shutting down. */
import { UnavailableError } from "../errors.ts";
import type { ClientStats } from "../workers/client_stats.ts";
import { sessionPath } from "../client_id.ts";
import type { ClientRef } from "../client_id.ts";
import type { UploadedFile } from "../workers/protocol.ts";
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

/** Longest pause between two looks for idle clients. */
const MAX_IDLE_SWEEP_MS = 30_000;

/** Every client of a worker, keyed by client id. */
export class ClientHosts {
  // Promises, so that concurrent first calls for one id share one login.
  readonly #hosts = new Map<string, Promise<ClientHost>>();
  /** The logged-in ones, for the idle sweep. */
  readonly #loaded = new Map<string, ClientHost>();
  /** Clients being closed: opening one again waits, so two never share a session file. */
  readonly #closing = new Map<string, Promise<void>>();
  readonly #sweep?: ReturnType<typeof setInterval>;

  constructor(readonly options: ClientHostsOptions) {
    const idleMs = options.context.config.idleTimeoutMs ?? 0;
    if (idleMs > 0) {
      const sweep = setInterval(
        () => this.#unloadIdle(idleMs),
        Math.min(Math.max(idleMs / 4, 50), MAX_IDLE_SWEEP_MS),
      );
      // The sweep alone must not keep the worker alive.
      Deno.unrefTimer(sweep);
      this.#sweep = sweep;
    }
  }

  get size(): number {
    return this.#hosts.size;
  }

  #open(ref: ClientRef): Promise<ClientHost> {
    let host = this.#hosts.get(ref.id);
    if (!host) {
      const closing = this.#closing.get(ref.id);
      host = closing
        ? closing.then(() => ClientHost.open(ref, this.options.context))
        : ClientHost.open(ref, this.options.context);
      this.#hosts.set(ref.id, host);
      const opening = host;
      host.then((opened) => {
        if (this.#hosts.get(ref.id) === opening) {
          this.#loaded.set(ref.id, opened);
        }
      }, () => {
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
    host.activeCalls++;
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
    } finally {
      host.activeCalls--;
      host.lastUsed = Date.now();
    }
  }

  /** Unloads clients without calls for `idleMs` whose updates do not keep them (a webhook, a queue). */
  #unloadIdle(idleMs: number): void {
    const now = Date.now();
    for (const [clientId, host] of this.#loaded) {
      if (
        host.activeCalls === 0 && now - host.lastUsed >= idleMs &&
        !host.updates.active
      ) {
        // The session is saved on close; the next call logs in from it and catches up. The
        // front keeps the client pinned here, so that call cannot start it on another worker.
        void this.#unload(
          clientId,
          (h) => h.close(new UnavailableError("The client was unloaded")),
          { keepPin: true },
        );
      }
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
    { keepPin = false }: { keepPin?: boolean } = {},
  ): Promise<void> {
    const pending = this.#hosts.get(clientId);
    if (!pending) return;
    this.#hosts.delete(clientId);
    this.#loaded.delete(clientId);
    if (!keepPin) this.options.onUnloaded(clientId);
    const closed = (async () => {
      const host = await pending.catch(() => undefined);
      if (host) {
        await how(host).catch((error) =>
          console.error(`closing a client failed: ${error}`)
        );
      }
    })();
    this.#closing.set(clientId, closed);
    await closed;
    if (this.#closing.get(clientId) === closed) this.#closing.delete(clientId);
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
    clearInterval(this.#sweep);
    const reason = new UnavailableError("The server is shutting down");
    await Promise.all(
      [...this.#hosts.keys()].map((id) =>
        this.#unload(id, (host) => host.close(reason))
      ),
    );
  }
}
