/**
 * Which Telegram API functions `invoke` refuses: those that would hijack or
 * leak the session, or corrupt the state mtcute keeps for it.
 */
import { InputError } from "../errors.ts";

/** Whole namespaces refused by prefix. */
export const REFUSED_PREFIXES = [
  // Sign-in, sign-out, authorization export/import, key binding.
  "auth.",
] as const;

/** Individual functions refused. */
export const REFUSED_FUNCTIONS = [
  // Connection setup is done by mtcute; wrapping calls would change its state.
  "initConnection",
  "invokeWithLayer",
  "invokeWithoutUpdates",
  "invokeAfterMsg",
  "invokeAfterMsgs",
  "invokeWithMessagesRange",
  "invokeWithTakeout",
  "invokeWithBusinessConnection",
  "invokeWithGooglePlayIntegrity",
  "invokeWithApnsSecret",
  "invokeWithReCaptcha",
  // Upload internals: parts belong to mtcute's own upload streams.
  "upload.saveFilePart",
  "upload.saveBigFilePart",
  // Sessions of the account: listing is fine, killing the gateway's own is not.
  "account.resetAuthorization",
  "auth.resetAuthorizations",
  // Takeout sessions and password changes could lock the operator out.
  "account.initTakeoutSession",
  "account.updatePasswordSettings",
  "account.deleteAccount",
  // The update state is owned by mtcute's updates loop.
  "updates.getState",
  "updates.getDifference",
  "updates.getChannelDifference",
] as const;

const REFUSED = new Set<string>(REFUSED_FUNCTIONS);

/** Throws `InputError` (403) when `name` (an mtcute `_`) may not be invoked remotely. */
export function assertInvokable(name: string): void {
  // MTProto service functions belong to the connection; only ping is harmless.
  if (name.startsWith("mt_") && name !== "mt_ping") {
    throw new InputError(
      `${name.slice(3)} is an MTProto service function and cannot be invoked`,
      403,
    );
  }
  if (
    REFUSED.has(name) ||
    REFUSED_PREFIXES.some((prefix) => name.startsWith(prefix))
  ) {
    throw new InputError(
      `${name} cannot be invoked through the gateway: it would hijack or corrupt the session`,
      403,
    );
  }
}
