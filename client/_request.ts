/** One HTTP call to the gateway: encode, fetch within a deadline, map errors, retry FLOOD_WAIT. */
import { deadline, sleep } from "./_abort.ts";
import {
  errorFromResponse,
  MtkrutoError,
  NetworkError,
  RpcError,
} from "./errors.ts";
import { encodeArguments } from "./files.ts";

/** Automatic retries of `FLOOD_WAIT_<n>` answers. */
export interface FloodWaitOptions {
  /** How many times one call is retried after a FLOOD_WAIT (default 0: never). */
  maxRetries?: number;
  /** Longer waits are not waited for: the RpcError is thrown (default 60 seconds). */
  maxWaitSeconds?: number;
}

/** Options of one call, overriding the client's. */
export interface CallOptions {
  /** Aborts the call; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Milliseconds until the call fails with a `NetworkError` (`timedOut`). */
  timeoutMs?: number;
  /** FLOOD_WAIT retries for this call. */
  floodWait?: FloodWaitOptions;
  /** Extra request headers for this call (e.g. `Range`). */
  headers?: HeadersInit;
}

/** What every call needs from the client. */
export interface RequestConfig {
  /** The endpoint without a trailing slash. */
  endpoint: string;
  fetch: typeof fetch;
  timeoutMs: number;
  floodWait: Required<FloodWaitOptions>;
  headers?: HeadersInit;
}

/**
 * Calls `method` with `args` and hands the OK response to `read`, whose
 * result is returned. With `bodyOutlivesCall`, the timeout stops once the
 * headers arrived while the caller's signal still aborts the body (for
 * streamed downloads); with `bytesAsFiles`, bare bytes are uploaded as files
 * (MTKruto's methods). Throws NetworkError, a GatewayError subclass, TypeError
 * for arguments JSON cannot carry, or the signal's reason when aborted.
 */
export async function request<T>(
  config: RequestConfig,
  method: string,
  args: unknown[],
  options: CallOptions & { bodyOutlivesCall?: boolean; bytesAsFiles?: boolean },
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const floodWait = { ...config.floodWait, ...options.floodWait };
  const { body, contentType } = await encodeArguments(args, {
    bytesAsFiles: options.bytesAsFiles,
  });
  const headers = new Headers(config.headers);
  new Headers(options.headers).forEach((value, key) => headers.set(key, value));
  if (contentType) headers.set("content-type", contentType);
  for (let attempt = 0;; attempt++) {
    try {
      return await attemptOnce(
        config,
        method,
        { body, headers },
        options,
        read,
      );
    } catch (error) {
      const wait = error instanceof RpcError ? error.floodWait : undefined;
      if (
        wait === undefined || attempt >= floodWait.maxRetries ||
        wait > floodWait.maxWaitSeconds
      ) throw error;
      await sleep(wait * 1000, options.signal);
    }
  }
}

async function attemptOnce<T>(
  config: RequestConfig,
  method: string,
  init: { body: BodyInit; headers: Headers },
  options: CallOptions & { bodyOutlivesCall?: boolean; bytesAsFiles?: boolean },
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const limit = deadline(timeoutMs, options.signal);
  const fail = (error: unknown, what: string): unknown => {
    if (error instanceof MtkrutoError) return error;
    if (limit.timedOut) {
      return new NetworkError(
        `${method}: no answer within ${timeoutMs} ms`,
        method,
        { cause: error, timedOut: true },
      );
    }
    if (options.signal?.aborted) return options.signal.reason;
    // Some runtimes put the URL in fetch's message; the endpoint holds a secret.
    const detail = String(error).split(config.endpoint).join("<endpoint>");
    return new NetworkError(`${method}: ${what}: ${detail}`, method, {
      cause: error,
    });
  };
  let keepFollowing = false;
  try {
    let response: Response;
    try {
      response = await config.fetch(`${config.endpoint}/${method}`, {
        method: "POST",
        headers: init.headers,
        body: init.body,
        signal: limit.signal,
      });
    } catch (error) {
      throw fail(error, "the request failed");
    }
    if (!response.ok) throw await errorFromResponse(response, method);
    try {
      const result = await read(response);
      keepFollowing = options.bodyOutlivesCall ?? false;
      return result;
    } catch (error) {
      throw fail(error, "reading the answer failed");
    }
  } finally {
    limit.clear({ detach: !keepFollowing });
  }
}
