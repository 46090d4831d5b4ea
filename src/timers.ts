/**
 * Waits that always clear their timer and drop their abort listener, in the
 * shape of Deno std's `@std/async` (`delay`, `deadline`), plus the retry
 * back-off. One place for them keeps a forgotten clearTimeout from holding a
 * process (or a test's sanitizer) open.
 */

/** Options of `delay`. */
export interface DelayOptions {
  /** Ends the wait early: `delay` then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Resolves after `ms`; rejects with `signal.reason` if it aborts first (or
 * already has). With `ms` Infinity no timer is set: only the signal ends it.
 */
export function delay(
  ms: number,
  { signal }: DelayOptions = {},
): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    // setTimeout would fire an infinite wait at once.
    const timer = ms === Infinity ? undefined : setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Options of `deadline`. */
export interface DeadlineOptions {
  /** Ends the wait early: `deadline` then rejects with `abortError`'s result. */
  signal?: AbortSignal;
  /**
   * Called once when `ms` pass first; its result is the rejection. Default: a
   * DOMException named "TimeoutError", as `AbortSignal.timeout` uses.
   */
  error?: () => unknown;
  /** Called once when `signal` aborts first; its result is the rejection. Default: the signal's reason. */
  abortError?: (reason: unknown) => unknown;
}

/**
 * Settles as `promise` does, unless `ms` pass or `signal` aborts first. The
 * promise itself runs on (nothing can stop it here); a caller that can stop
 * the work does so in `error` / `abortError`.
 */
export function deadline<T>(
  promise: Promise<T>,
  ms: number,
  {
    signal,
    error = () => new DOMException(`Timed out after ${ms} ms`, "TimeoutError"),
    abortError = (reason) => reason,
  }: DeadlineOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const settle = (finish: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      finish();
    };
    const onAbort = () => settle(() => reject(abortError(signal!.reason)));
    const timer = setTimeout(() => settle(() => reject(error())), ms);
    // Handled either way, so a rejection after the deadline is not reported as unhandled.
    promise.then(
      (value) => settle(() => resolve(value)),
      (reason) => settle(() => reject(reason)),
    );
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Options of `retryDelay`. */
export interface BackoffOptions {
  /** The delay before the first retry. */
  initialMs: number;
  /** The longest delay, before jitter. */
  maxMs: number;
  /** Growth from one retry to the next (default 2). */
  multiplier?: number;
  /** The share of each delay left to chance, 0 to 1 (default 0): 0.5 waits between half and all of it. */
  jitter?: number;
  /** Numbers in [0, 1) (default `Math.random`). */
  random?: () => number;
}

/** The wait before retry `attempt` (1 for the first): exponential, capped at `maxMs`, then jittered. */
export function retryDelay(attempt: number, options: BackoffOptions): number {
  const {
    initialMs,
    maxMs,
    multiplier = 2,
    jitter = 0,
    random = Math.random,
  } = options;
  const capped = Math.min(maxMs, initialMs * multiplier ** (attempt - 1));
  // Jitter only shortens the wait, so `maxMs` stays a bound.
  return capped * (1 - jitter + random() * jitter);
}
