/** Turns mtcute's errors into the gateway's error classes at the point where they leave mtcute. */
import {
  MtArgumentError,
  MtEmptyError,
  MtInvalidPeerTypeError,
  MtMessageNotFoundError,
  MtPeerNotFoundError,
  tl,
} from "@mtcute/core";
import {
  GatewayError,
  InputError,
  RpcError,
  UnauthorizedError,
} from "../errors.ts";

/** Telegram errors that mean the session is gone for good: the client is unloaded. */
export const SESSION_REJECTED_TEXTS = new Set([
  "AUTH_KEY_UNREGISTERED",
  "AUTH_KEY_INVALID",
  "AUTH_KEY_PERM_EMPTY",
  "SESSION_REVOKED",
  "SESSION_EXPIRED",
  "USER_DEACTIVATED",
  "USER_DEACTIVATED_BAN",
  "ACCESS_TOKEN_INVALID",
  "ACCESS_TOKEN_EXPIRED",
  "BOT_TOKEN_INVALID",
]);

// mtcute rewrites e.g. FLOOD_WAIT_5 to FLOOD_WAIT_%d and keeps 5 in a field.
const ARGUMENT_FIELDS = [
  "seconds",
  "newDc",
  "dc",
  "codeLength",
  "minutes",
  "which",
] as const;

/** Telegram's original error text, e.g. `FLOOD_WAIT_5`. */
export function originalErrorText(error: tl.RpcError): string {
  if (!error.text.includes("%d")) return error.text;
  const fields = error as unknown as Record<string, unknown>;
  const value = ARGUMENT_FIELDS.map((field) => fields[field]).find((v) =>
    typeof v === "number"
  );
  return value === undefined
    ? error.text
    : error.text.replace("%d", String(value));
}

/** mtcute's RpcError.is, which throws for null and undefined (it reads `.constructor`): anything can be thrown. */
function isRpcError(error: unknown): error is tl.RpcError {
  return error !== null && error !== undefined && tl.RpcError.is(error);
}

/** Whether Telegram has rejected the session behind this error. */
export function isSessionRejected(error: unknown): boolean {
  return isRpcError(error) && SESSION_REJECTED_TEXTS.has(error.text);
}

/** Maps an error thrown by mtcute to a GatewayError; returns anything unknown unchanged (→ 500). */
export function fromMtcuteError(error: unknown): unknown {
  if (error instanceof GatewayError) return error;
  if (isRpcError(error)) {
    const text = originalErrorText(error);
    if (SESSION_REJECTED_TEXTS.has(error.text)) {
      return new UnauthorizedError(
        `Telegram rejected this client's session: ${text}`,
      );
    }
    const seconds = (error as { seconds?: unknown }).seconds;
    const retryAfter =
      error.text === "FLOOD_WAIT_%d" && typeof seconds === "number"
        ? seconds
        : undefined;
    return new RpcError(error.code, text, retryAfter);
  }
  if (
    error instanceof MtPeerNotFoundError ||
    error instanceof MtMessageNotFoundError
  ) {
    return new InputError(error.message, 404);
  }
  if (
    error instanceof MtArgumentError ||
    error instanceof MtInvalidPeerTypeError || error instanceof MtEmptyError
  ) {
    return new InputError(error.message);
  }
  return error;
}
