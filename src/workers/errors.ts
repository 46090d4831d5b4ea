/** Errors as data across the worker boundary, and back into error classes. */
import { GatewayError } from "../errors.ts";
import type { ErrorType } from "../errors.ts";
import type { SerializedError } from "./protocol.ts";

/** Turns any thrown value into data that `postMessage` can carry. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof GatewayError) {
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      errorType: error.type,
      headers: error.headers,
    };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  return { name: err.name, message: err.stack ?? err.message };
}

/** An unexpected error from a worker; its message is logged, never sent to a client. */
export class WorkerInternalError extends Error {
  override name = "WorkerInternalError";
}

/** Rebuilds a thrown value from data: a GatewayError keeps its status, type and headers. */
export function deserializeError(data: SerializedError): Error {
  if (data.status !== undefined && data.errorType !== undefined) {
    const error = new GatewayError(
      data.message,
      data.status,
      data.errorType as ErrorType,
      data.headers,
    );
    error.name = data.name;
    return error;
  }
  return new WorkerInternalError(`${data.name}: ${data.message}`);
}
