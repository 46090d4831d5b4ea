/** The gateway's error classes: each carries its HTTP status and its `x-error-type`. */

/** Every `x-error-type` the gateway sends, documented in the README. */
export const ERROR_TYPES = {
  /** The request itself is wrong: bad arguments, unknown method, bad JSON, unsupported content. */
  input: "input",
  /** Telegram answered with an RPC error; the status is Telegram's code. */
  rpc: "rpc",
  /** The request conflicts with another one (e.g. a second getUpdates). */
  conflict: "conflict",
  /** The client's session was rejected by Telegram (revoked token, logged out). */
  unauthorized: "unauthorized",
  /** The request took longer than the gateway waits. */
  timeout: "timeout",
  /** The client's worker stopped or the server is shutting down; retrying later may work. */
  unavailable: "unavailable",
} as const;

/** The value of an `x-error-type` header. */
export type ErrorType = typeof ERROR_TYPES[keyof typeof ERROR_TYPES];

/** Base of all errors that are rendered with their own status and message. */
export class GatewayError extends Error {
  override name = "GatewayError";
  constructor(
    message: string,
    readonly status: number,
    readonly type: ErrorType,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 400: the request's arguments or body are wrong. */
export class InputError extends GatewayError {
  override name = "InputError";
  constructor(
    message: string,
    status = 400,
    headers: Record<string, string> = {},
  ) {
    super(message, status, ERROR_TYPES.input, headers);
  }
}

/** 404: no such method or client. */
export class NotFoundError extends InputError {
  override name = "NotFoundError";
  constructor(message: string) {
    super(message, 404);
  }
}

/** 405: the HTTP method is not GET or POST. */
export class MethodNotAllowedError extends InputError {
  override name = "MethodNotAllowedError";
  constructor(method: string, allow: readonly string[]) {
    super(
      `HTTP method ${method} is not allowed; use ${allow.join(" or ")}`,
      405,
      { allow: allow.join(", ") },
    );
  }
}

/** 413: the body is larger than the configured limit. */
export class PayloadTooLargeError extends InputError {
  override name = "PayloadTooLargeError";
  constructor(limit: number) {
    super(`Request body exceeds the limit of ${limit} bytes`, 413);
  }
}

/** 415: the POST body's Content-Type is not one we read. */
export class UnsupportedMediaTypeError extends InputError {
  override name = "UnsupportedMediaTypeError";
  constructor(contentType: string) {
    super(
      `Unsupported Content-Type ${
        JSON.stringify(contentType)
      }; use application/json or multipart/form-data`,
      415,
    );
  }
}

/** Telegram's own error, passed on with its code and text. */
export class RpcError extends GatewayError {
  override name = "RpcError";
  constructor(
    readonly code: number,
    readonly text: string,
    readonly retryAfter?: number,
  ) {
    super(
      text,
      code >= 400 && code <= 599 ? code : 500,
      ERROR_TYPES.rpc,
      retryAfter !== undefined ? { "retry-after": String(retryAfter) } : {},
    );
  }
}

/** 409: another request holds what this one needs. */
export class ConflictError extends GatewayError {
  override name = "ConflictError";
  constructor(message: string) {
    super(message, 409, ERROR_TYPES.conflict);
  }
}

/** 401: Telegram no longer accepts this client's session. */
export class UnauthorizedError extends GatewayError {
  override name = "UnauthorizedError";
  constructor(message: string) {
    super(message, 401, ERROR_TYPES.unauthorized);
  }
}

/** 504: the gateway gave up waiting. */
export class TimeoutError extends GatewayError {
  override name = "TimeoutError";
  constructor(message: string) {
    super(message, 504, ERROR_TYPES.timeout);
  }
}

/** 503: the client cannot serve right now (its worker restarted, the server is stopping). */
export class UnavailableError extends GatewayError {
  override name = "UnavailableError";
  constructor(message: string) {
    super(message, 503, ERROR_TYPES.unavailable);
  }
}

/** 408: the request's body stopped arriving (`--body-timeout`); the connection is closed after it. */
export class RequestTimeoutError extends GatewayError {
  override name = "RequestTimeoutError";
  constructor(message: string) {
    // The rest of the body may still come: only closing tells where the next request starts.
    super(message, 408, ERROR_TYPES.timeout, { connection: "close" });
  }
}
