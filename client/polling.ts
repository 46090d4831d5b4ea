/**
 * Long polling: `getUpdates` in a loop, handlers per update type, offsets confirmed
 * only after the handlers finished, back-off on network and server errors.
 */
import { sleep } from "./_abort.ts";
import type { CallOptions } from "./_request.ts";
import {
  ConflictError,
  GatewayError,
  NetworkError,
  RpcError,
  TimeoutError,
  UnavailableError,
} from "./errors.ts";
import {
  deliverUpdate,
  UpdateHandlerError,
  type UpdateKind,
  type UpdateReceiver,
} from "./updates.ts";
import type { Update } from "./updates.ts";

/** `getUpdates`' options, as the gateway takes them. */
export interface GetUpdatesParams {
  /** Seconds to wait when no update is queued (0–600; 0 answers at once; left out, the gateway waits its `--poll-timeout`, 60 s by default). */
  timeout?: number;
  /** Confirms every update below it and returns those from it on. */
  offset?: number;
  /** At most this many updates (1–100; default 100). */
  limit?: number;
  /** Only these update types are queued from now on. */
  allowedUpdates?: readonly UpdateKind[];
  /** Empties the queue first. */
  dropPendingUpdates?: boolean;
}

/** Where the loop gets updates from (a `Client`). */
export interface UpdateSource {
  getUpdates(
    params: GetUpdatesParams,
    options?: CallOptions,
  ): Promise<Update[]>;
}

/** Options of {@linkcode runPolling}. */
export interface PollingOptions {
  /** Stops the loop; the promise then resolves. */
  signal?: AbortSignal;
  /** Long-poll seconds per request (default 30). */
  timeout?: number;
  /** Updates per request (default 100). */
  limit?: number;
  /** Only these update types are queued (default: what the gateway was last told, else all). */
  allowedUpdates?: readonly UpdateKind[];
  /** Start after emptying the queue (default false). */
  dropPendingUpdates?: boolean;
  /** First update id to ask for (default 0: the oldest unconfirmed one). */
  offset?: number;
  /** First retry delay after a failed request, doubling per failure (default 1,000 ms). */
  minBackoffMs?: number;
  /** Longest retry delay (default 30,000 ms; a longer Retry-After still wins). */
  maxBackoffMs?: number;
  /**
   * Called when a handler throws; the update is then confirmed and the loop
   * goes on. Without it (the default) the loop stops: the promise rejects
   * with an UpdateHandlerError, and the update comes again next time.
   */
  onError?: (error: unknown, update: Update) => unknown;
  /** Called before waiting to retry a failed `getUpdates` (default: nothing). */
  onRetry?: (error: unknown, delayMs: number) => void;
}

/** How long a last `getUpdates` that only confirms the handled updates may take. */
const CONFIRM_TIMEOUT_MS = 10_000;

/**
 * Polls until `signal` aborts (resolves) or a non-retryable error happens
 * (rejects): ConflictError when another poller or a webhook holds the updates,
 * UnauthorizedError, InputError, or UpdateHandlerError (see `onError`).
 * Updates are handled one at a time, in order. On the way out, updates
 * already handled are confirmed with one last short `getUpdates`.
 */
export async function runPolling(
  source: UpdateSource,
  handlers: UpdateReceiver,
  options: PollingOptions = {},
): Promise<void> {
  const {
    signal,
    timeout = 30,
    limit = 100,
    allowedUpdates,
    minBackoffMs = 1_000,
    maxBackoffMs = 30_000,
    onError,
    onRetry,
  } = options;
  checkInteger("timeout", timeout, 0, 600);
  checkInteger("limit", limit, 1, 100);
  let offset = options.offset ?? 0;
  let confirmed = offset;
  let dropPendingUpdates = options.dropPendingUpdates || undefined;
  let failures = 0;
  try {
    while (!signal?.aborted) {
      let updates: Update[];
      try {
        updates = await source.getUpdates(
          { timeout, offset, limit, allowedUpdates, dropPendingUpdates },
          { signal },
        );
      } catch (error) {
        if (signal?.aborted) break;
        const delay = retryDelay(error, ++failures, minBackoffMs, maxBackoffMs);
        if (delay === undefined) throw error;
        onRetry?.(error, delay);
        await sleep(delay, signal).catch(() => {});
        continue;
      }
      failures = 0;
      confirmed = offset;
      dropPendingUpdates = undefined;
      for (const update of updates) {
        if (signal?.aborted) break;
        try {
          await deliverUpdate(update, handlers);
        } catch (error) {
          if (!onError) throw new UpdateHandlerError(update, error);
          await onError(error, update);
        }
        offset = update.updateId + 1;
      }
    }
  } finally {
    if (offset > confirmed) {
      await source.getUpdates({ offset, timeout: 0, limit: 1 }, {
        timeoutMs: CONFIRM_TIMEOUT_MS,
      }).catch(() => {});
    }
  }
}

/**
 * The wait before retrying a failed `getUpdates`, or `undefined` when the
 * error must stop the loop. FLOOD_WAIT waits as long as Telegram says.
 */
export function retryDelay(
  error: unknown,
  failures: number,
  minBackoffMs: number,
  maxBackoffMs: number,
): number | undefined {
  if (error instanceof ConflictError) return undefined;
  if (error instanceof RpcError) {
    const wait = error.floodWait;
    return wait === undefined ? undefined : wait * 1000;
  }
  const retryable = error instanceof NetworkError ||
    error instanceof TimeoutError || error instanceof UnavailableError ||
    (error instanceof GatewayError && error.type === null &&
      (error.status >= 500 || error.status === 429));
  if (!retryable) return undefined;
  const backoff = Math.min(maxBackoffMs, minBackoffMs * 2 ** (failures - 1));
  const retryAfter = error instanceof GatewayError && error.retryAfter
    ? error.retryAfter * 1000
    : 0;
  return Math.max(backoff, retryAfter);
}

function checkInteger(name: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `Invalid polling option ${name}: expected an integer from ${min} to ${max}, got ${value}`,
    );
  }
}
