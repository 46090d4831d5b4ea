/** What the login tells the operator: where a code went, and Telegram's refusals in words. */
import type { SentCode } from "@mtcute/core";
import { MtcuteError, tl } from "@mtcute/core";
import { originalErrorText } from "../telegram/rpc_errors.ts";
import { CommandError } from "./errors.ts";

// Partial: "success" is not a code (mtcute turns it into a logged-in user).
const CODE_DESTINATIONS: Partial<Record<SentCode["type"], string>> = {
  app: "to your Telegram app on another device",
  sms: "by SMS",
  call: "by a phone call that will read it out",
  flash_call: "as a flash call",
  missed_call: "as the last digits of the number of a missed call",
  email: "to the account's login email",
  email_required: "nowhere yet: the account must set up a login email first",
  fragment: "by SMS through Fragment",
  firebase: "by SMS",
  sms_word: "by SMS, as a word",
  sms_phrase: "by SMS, as a phrase",
};

/** "The login code was sent by SMS (5 digits)." and the like. */
export function describeSentCode(sent: SentCode): string {
  const where = CODE_DESTINATIONS[sent.type] ?? `by ${sent.type}`;
  const unit = sent.type === "sms_word" || sent.type === "sms_phrase"
    ? "characters"
    : "digits";
  const length = sent.length > 0 ? ` (${sent.length} ${unit})` : "";
  return `The login code was sent ${where}${length}.`;
}

/** Refusals that end the login, in words; anything else is shown as Telegram's error text. */
const FATAL_REASONS: Record<string, string> = {
  PHONE_NUMBER_BANNED: "Telegram has banned this phone number.",
  PHONE_NUMBER_FLOOD:
    "Too many login attempts for this phone number; try again later.",
  PHONE_PASSWORD_FLOOD: "Too many wrong passwords; try again later.",
  PHONE_NUMBER_UNOCCUPIED:
    "No Telegram account uses this phone number; sign up with an official Telegram app first.",
  API_ID_INVALID:
    "Telegram rejected the app's credentials; check --api-id and --api-hash.",
  API_ID_PUBLISHED_FLOOD:
    "Telegram does not accept this --api-id any more; use your own app's credentials.",
};

/** Turns an error that ends the login into a CommandError; returns other errors unchanged. */
export function explainLoginFailure(error: unknown): unknown {
  if (error instanceof CommandError) return error;
  // mtcute's own refusals (e.g. "payment is required to sign in") are worded for people already.
  if (error instanceof MtcuteError) {
    return new CommandError(`The login failed: ${error.message}`);
  }
  if (!tl.RpcError.is(error)) return error;
  if (error.text === "FLOOD_WAIT_%d") {
    const seconds = (error as { seconds?: number }).seconds;
    return new CommandError(
      `Telegram asks to wait ${
        seconds ?? "a while"
      } seconds before trying again.`,
    );
  }
  const text = originalErrorText(error);
  return new CommandError(
    FATAL_REASONS[error.text] ?? `Telegram refused the login: ${text}.`,
  );
}
