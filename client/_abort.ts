/** Bounded waits: a timeout merged with the caller's AbortSignal, and an abortable sleep. */

/** A signal that aborts when the caller's signal does or when `timeoutMs` passes. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Whether it was the timeout (not the caller) that aborted. */
  readonly timedOut: boolean;
  /** Stops the timer; with `detach`, also stops following the caller's signal. */
  clear(options?: { detach?: boolean }): void;
}

/**
 * Starts a deadline. Written without `AbortSignal.any`/`AbortSignal.timeout`
 * so it runs on every runtime with AbortController, and so the two causes can
 * be told apart. Never throws.
 */
export function deadline(
  timeoutMs: number,
  callerSignal?: AbortSignal,
): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const follow = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) follow();
  else callerSignal?.addEventListener("abort", follow, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`Timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clear({ detach = true } = {}) {
      clearTimeout(timer);
      if (detach) callerSignal?.removeEventListener("abort", follow);
    },
  };
}

/**
 * Waits `ms` milliseconds; rejects with the signal's reason as soon as it
 * aborts (at once if it already has).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
