/**
 * The errors the client throws: `NetworkError` when no answer arrived, and a
 * `GatewayError` subclass per `x-error-type` when the server answered with
 * an error status.
 *
 * ```
 * MtkrutoError
 * ├── NetworkError          fetch failed, the body broke off, or the client's own timeout
 * └── GatewayError          any non-2xx answer (500s and unknown types as is)
 *     ├── InputError        x-error-type: input (400, 403, 404, 405, 413, 415)
 *     ├── RpcError          x-error-type: rpc (Telegram's code and text)
 *     ├── UnauthorizedError x-error-type: unauthorized (401)
 *     ├── ConflictError     x-error-type: conflict (409)
 *     ├── TimeoutError      x-error-type: timeout (504)
 *     └── UnavailableError  x-error-type: unavailable (503)
 * ```
 */

/** Every `x-error-type` the server sends (kept equal to the server's by tests/client/contract_test.ts). */
export const ERROR_TYPES = {
  input: "input",
  rpc: "rpc",
  conflict: "conflict",
  unauthorized: "unauthorized",
  timeout: "timeout",
  unavailable: "unavailable",
} as const;

/** The value of an `x-error-type` header. */
export type ErrorType = typeof ERROR_TYPES[keyof typeof ERROR_TYPES];

/** Base of every error this library throws on purpose. */
export class MtkrutoError extends Error {
  override name = "MtkrutoError";
}

/** No usable answer: the request could not be sent, it timed out locally, or the body broke off. */
export class NetworkError extends MtkrutoError {
  override name = "NetworkError";
  /** Whether the client's own `timeoutMs` ran out (the server may still run the call). */
  readonly timedOut: boolean;

  constructor(
    message: string,
    /** The method that was called. */
    readonly method: string,
    options?: {
      cause?: unknown;
      /** Whether the client's own `timeoutMs` ran out. */
      timedOut?: boolean;
    },
  ) {
    super(message, { cause: options?.cause });
    this.timedOut = options?.timedOut ?? false;
  }
}

/** What every error answer carries. */
export interface GatewayErrorInit {
  /** The method that was called. */
  method: string;
  /** The HTTP status. */
  status: number;
  /** `x-error-type`, or `null` when absent (internal errors). */
  type: string | null;
  /** `x-request-id`: quote it when reporting a problem, it finds the server's log line. */
  requestId: string | null;
  /** `Retry-After` in seconds, when the server sent it. */
  retryAfter?: number;
}

/** The server answered with an error status; subclasses tell the `x-error-type` apart. */
export class GatewayError extends MtkrutoError {
  override name = "GatewayError";
  readonly method: string;
  readonly status: number;
  readonly type: string | null;
  readonly requestId: string | null;
  /** Seconds to wait before retrying, from `Retry-After` (e.g. with FLOOD_WAIT). */
  readonly retryAfter?: number;

  constructor(message: string, init: GatewayErrorInit) {
    super(message);
    this.method = init.method;
    this.status = init.status;
    this.type = init.type;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

/** The request was wrong: arguments, JSON, method name, content type or size. */
export class InputError extends GatewayError {
  override name = "InputError";
}

/** Telegram's own error, e.g. `FLOOD_WAIT_5` (420) or `MESSAGE_ID_INVALID` (400). */
export class RpcError extends GatewayError {
  override name = "RpcError";
  /** Telegram's error code (the HTTP status). */
  get code(): number {
    return this.status;
  }
  /** Telegram's error text, e.g. `FLOOD_WAIT_5`. */
  get text(): string {
    return this.message;
  }
  /** Whether this is the error `text`, e.g. `err.is("MESSAGE_NOT_MODIFIED")`. */
  is(text: string): boolean {
    return this.message === text;
  }
  /** Seconds to wait for a `FLOOD_WAIT_<n>` (or `FLOOD_PREMIUM_WAIT_<n>`), else `undefined`. */
  get floodWait(): number | undefined {
    const match = /^FLOOD_(?:PREMIUM_)?WAIT_(\d+)$/.exec(this.message);
    if (!match) return undefined;
    return this.retryAfter ?? Number(match[1]);
  }
}

/** Telegram rejected the client's session or token (401). */
export class UnauthorizedError extends GatewayError {
  override name = "UnauthorizedError";
}

/** Another request holds what this one needs, e.g. a second `getUpdates` or a set webhook (409). */
export class ConflictError extends GatewayError {
  override name = "ConflictError";
}

/** The server gave up waiting for the client within its `--request-timeout` (504). */
export class TimeoutError extends GatewayError {
  override name = "TimeoutError";
}

/** The client's worker restarted during the call; retrying may work (503). */
export class UnavailableError extends GatewayError {
  override name = "UnavailableError";
}

const CLASSES: Record<ErrorType, typeof GatewayError> = {
  input: InputError,
  rpc: RpcError,
  conflict: ConflictError,
  unauthorized: UnauthorizedError,
  timeout: TimeoutError,
  unavailable: UnavailableError,
};

/**
 * Reads `Retry-After`: delay-seconds or an HTTP date, as seconds from `now`.
 * Returns `undefined` when absent or malformed. Never throws.
 */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The error for a non-2xx response, by its `x-error-type`; reads the body
 * (a JSON string, or any text from a proxy in between). Never throws.
 */
export async function errorFromResponse(
  response: Response,
  method: string,
): Promise<GatewayError> {
  let message: string;
  try {
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch { /* a proxy's HTML or plain text: keep it as is */ }
    message = typeof parsed === "string" ? parsed : text;
  } catch (error) {
    message = `(the error body could not be read: ${error})`;
  }
  if (message === "") message = `HTTP ${response.status}`;
  const type = response.headers.get("x-error-type");
  const init: GatewayErrorInit = {
    method,
    status: response.status,
    type,
    requestId: response.headers.get("x-request-id"),
    retryAfter: parseRetryAfter(response.headers.get("retry-after")),
  };
  const ErrorClass = type !== null && Object.hasOwn(CLASSES, type)
    ? CLASSES[type as ErrorType]
    : GatewayError;
  return new ErrorClass(message, init);
}
