/** `getUpdates`: long polling over a client's durable queue, one poller at a time. */
import { ConflictError } from "../errors.ts";
import { delay } from "../timers.ts";
import type { GetUpdatesParams } from "./params.ts";
import type { StoredUpdate, UpdateStore } from "./store.ts";

/** Long polling for one client. */
export class LongPoll {
  readonly #store: UpdateStore;
  /** One per sleeping poll: aborting it ends that sleep early. */
  #wake = new Set<AbortController>();
  #current?: AbortController;
  /** The highest id the previous call returned: confirmed by the next call without `offset`. */
  #lastReturned?: number;

  constructor(store: UpdateStore) {
    this.#store = store;
  }

  /** Whether a poll is waiting right now. */
  get waiting(): boolean {
    return this.#current !== undefined;
  }

  /** Wakes the waiting poll: an update was queued. */
  notify(): void {
    for (const wake of this.#wake) wake.abort();
  }

  /** Ends the waiting poll (if any) with `reason`. */
  cancel(reason: Error): void {
    this.#current?.abort(reason);
  }

  /**
   * Returns queued updates, waiting up to `params.timeout` seconds for one.
   * A newer call ends this one with ConflictError (409); `signal` (the HTTP
   * client went away) ends it without marking anything as returned.
   */
  async poll(
    params: GetUpdatesParams,
    signal?: AbortSignal,
  ): Promise<StoredUpdate[]> {
    // Only when a poll waits: an error's stack costs more than the rest of an answered poll.
    if (this.#current) {
      this.cancel(
        new ConflictError(
          "Terminated by another getUpdates request for this client",
        ),
      );
    }
    const controller = new AbortController();
    this.#current = controller;
    const stop = signal
      ? AbortSignal.any([controller.signal, signal])
      : controller.signal;
    try {
      if (params.dropPendingUpdates) this.#store.clear();
      if (params.offset !== undefined) this.#store.confirmBelow(params.offset);
      else if (this.#lastReturned !== undefined) {
        this.#store.confirmBelow(this.#lastReturned + 1);
      }
      this.#lastReturned = undefined;

      const deadline = Date.now() + params.timeout * 1000;
      while (true) {
        stop.throwIfAborted();
        const updates = this.#store.read({
          fromId: params.offset ?? 0,
          limit: params.limit,
        });
        if (updates.length || Date.now() >= deadline) {
          this.#lastReturned = updates.at(-1)?.updateId;
          return updates;
        }
        await this.#sleep(deadline - Date.now(), stop);
      }
    } finally {
      if (this.#current === controller) this.#current = undefined;
    }
  }

  /** Waits up to `ms`, ending early on `notify` or when `signal` aborts. */
  async #sleep(ms: number, signal: AbortSignal): Promise<void> {
    const wake = new AbortController();
    this.#wake.add(wake);
    try {
      await delay(ms, { signal: AbortSignal.any([signal, wake.signal]) });
    } catch {
      // Woken or aborted: the poll's loop tells which.
    } finally {
      this.#wake.delete(wake);
    }
  }
}
