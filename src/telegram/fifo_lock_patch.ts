/**
 * mtcute 0.30.3 numbers each upload part before taking the lock that orders
 * the reads, and that lock (`AsyncLock` from @fuman/utils, the version mtcute
 * itself uses) lets a newcomer overtake waiters: right after `release()`, a
 * fresh `acquire()` finds the queue empty and goes first. Parts then go out
 * under each other's numbers and large uploads arrive corrupted. This makes
 * the lock first-come, first-served: `release()` hands it straight to the
 * oldest waiter. Patched once per module instance (each worker, each process).
 */
import { AsyncLock } from "@fuman/utils";

interface FifoState {
  _held?: boolean;
  _waiters?: (() => void)[];
}

let patched = false;

/** Makes every AsyncLock first-come, first-served; a no-op after the first call. */
export function makeAsyncLocksFifo(): void {
  if (patched) return;
  patched = true;
  const prototype = AsyncLock.prototype as unknown as {
    acquire(this: FifoState): Promise<void>;
    release(this: FifoState): void;
  };
  prototype.acquire = function () {
    if (!this._held) {
      this._held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => (this._waiters ??= []).push(resolve));
  };
  prototype.release = function () {
    if (!this._held) throw new Error("Nothing to release");
    const next = this._waiters?.shift();
    // The lock stays held and passes to the oldest waiter, so nobody can cut in.
    if (next) next();
    else this._held = false;
  };
}
