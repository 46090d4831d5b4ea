/** Builds the gateway's responses: JSON bodies, and the one place errors become HTTP. */
import { GatewayError } from "../errors.ts";
import { RawJson } from "../raw_json.ts";

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Bytes of randomness in a request id: 72 bits, 12 base64url characters. */
const REQUEST_ID_BYTES = 9;

/**
 * A response whose body is `value` as JSON (`undefined` becomes `null`, RawJson is sent as is);
 * throws TypeError if `value` holds a bigint or a cycle.
 */
export function jsonResponse(
  value: unknown,
  status = 200,
  headers?: HeadersInit,
): Response {
  const merged = new Headers(headers);
  merged.set("content-type", JSON_CONTENT_TYPE);
  return new Response(
    value instanceof RawJson ? value.text : JSON.stringify(value) ?? "null",
    {
      status,
      headers: merged,
    },
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

/** A short random id that ties a response to the server's log lines. Never throws. */
export function newRequestId(): string {
  return crypto.getRandomValues(new Uint8Array(REQUEST_ID_BYTES)).toBase64({
    alphabet: "base64url",
  });
}

/** Response() rejects statuses outside 200–599, and an error must not read as success. */
function _isErrorStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 599;
}
