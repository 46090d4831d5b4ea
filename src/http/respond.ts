/** Builds the gateway's responses: JSON bodies, and the one place errors become HTTP. */
import { GatewayError } from "../errors.ts";
import { RawJson } from "../raw_json.ts";

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** 48 random bits, fixed per process, so ids from different runs of the server differ. */
const REQUEST_ID_PREFIX = crypto.getRandomValues(new Uint8Array(6)).toBase64({
  alphabet: "base64url",
});
let requestCount = 0;

/**
 * A response whose body is `value` as JSON (`undefined` becomes `null`, RawJson is sent as is);
 * throws TypeError if `value` holds a bigint or a cycle.
 */
export function jsonResponse(
  value: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(
    value instanceof RawJson ? value.text : JSON.stringify(value) ?? "null",
    { status, headers: { ...headers, "content-type": JSON_CONTENT_TYPE } },
  );
}

/**
 * The response for a failed request: a GatewayError's status, message,
 * `x-error-type` and headers; anything else a detail-free 500, logged with
 * the request id. Never throws.
 */
export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof GatewayError && _isErrorStatus(error.status)) {
    return jsonResponse(error.message, error.status, {
      ...error.headers,
      "x-error-type": error.type,
      "x-request-id": requestId,
    });
  }
  console.error(`Request ${requestId} failed with an internal error:`, error);
  return jsonResponse(`Internal server error (request ${requestId})`, 500, {
    "x-request-id": requestId,
  });
}

/**
 * A short id that ties a response to the server's log lines: the process's random
 * prefix and a counter (no randomness per request: ids need to be unique, not secret).
 */
export function newRequestId(): string {
  return REQUEST_ID_PREFIX + (++requestCount).toString(36);
}

/** Response() rejects statuses outside 200–599, and an error must not read as success. */
function _isErrorStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 599;
}
