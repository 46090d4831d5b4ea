/**
 * Bot keyboards as Telegram stores them: only bots' markup is kept (users'
 * is ignored), buttons are checked, and the input-only buttons
 * (`inputKeyboardButtonUserProfile`, `inputKeyboardButtonUrlAuth`,
 * `inputKeyboardButtonRequestPeer`) become their message forms.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import { resolveUser } from "./peers.ts";
import type { WorldState } from "./state.ts";

const MAX_BUTTONS = 100;
const MAX_ROW_BUTTONS = 8;
const MAX_CALLBACK_DATA = 64;
const URL_SCHEMES = ["http:", "https:", "tg:", "ton:"];

/** Buttons allowed in an inline keyboard (under a message). */
const INLINE_BUTTONS = new Set<tl.TypeKeyboardButton["_"]>([
  "keyboardButtonUrl",
  "keyboardButtonCallback",
  "keyboardButtonSwitchInline",
  "keyboardButtonGame",
  "keyboardButtonBuy",
  "keyboardButtonUrlAuth",
  "inputKeyboardButtonUrlAuth",
  "keyboardButtonUserProfile",
  "inputKeyboardButtonUserProfile",
  "keyboardButtonWebView",
  "keyboardButtonCopy",
]);

/** Buttons allowed in a reply keyboard (instead of the user's keyboard). */
const REPLY_BUTTONS = new Set<tl.TypeKeyboardButton["_"]>([
  "keyboardButton",
  "keyboardButtonRequestPhone",
  "keyboardButtonRequestGeoLocation",
  "keyboardButtonRequestPoll",
  "keyboardButtonRequestPeer",
  "inputKeyboardButtonRequestPeer",
  "keyboardButtonWebView",
  "keyboardButtonSimpleWebView",
]);

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RpcFailure(400, "BUTTON_URL_INVALID");
  }
  if (!URL_SCHEMES.includes(parsed.protocol)) {
    throw new RpcFailure(400, "BUTTON_URL_INVALID");
  }
}

function storedButton(
  state: WorldState,
  bot: Account,
  button: tl.TypeKeyboardButton,
  buttonId: number,
): tl.TypeKeyboardButton {
  if (!button.text.trim()) throw new RpcFailure(400, "BUTTON_TEXT_INVALID");
  switch (button._) {
    case "keyboardButtonCallback":
      if (button.data.length < 1 || button.data.length > MAX_CALLBACK_DATA) {
        throw new RpcFailure(400, "BUTTON_DATA_INVALID");
      }
      return button;
    case "keyboardButtonUrl":
    case "keyboardButtonWebView":
    case "keyboardButtonSimpleWebView":
      checkUrl(button.url);
      return button;
    case "keyboardButtonUrlAuth":
    case "inputKeyboardButtonUrlAuth":
      checkUrl(button.url);
      return {
        _: "keyboardButtonUrlAuth",
        style: button.style,
        text: button.text,
        fwdText: button.fwdText,
        url: button.url,
        buttonId,
      };
    case "inputKeyboardButtonUserProfile":
      return {
        _: "keyboardButtonUserProfile",
        style: button.style,
        text: button.text,
        userId: resolveUser(state, bot.id, button.userId),
      };
    case "inputKeyboardButtonRequestPeer":
      return {
        _: "keyboardButtonRequestPeer",
        style: button.style,
        text: button.text,
        buttonId: button.buttonId,
        peerType: button.peerType,
        maxQuantity: button.maxQuantity,
      };
    default:
      return button;
  }
}

function storedRows(
  state: WorldState,
  bot: Account,
  rows: tl.TypeKeyboardButtonRow[],
  allowed: Set<tl.TypeKeyboardButton["_"]>,
): tl.RawKeyboardButtonRow[] {
  const total = rows.reduce((sum, row) => sum + row.buttons.length, 0);
  if (
    total > MAX_BUTTONS ||
    rows.some((row) => row.buttons.length > MAX_ROW_BUTTONS)
  ) {
    throw new RpcFailure(400, "REPLY_MARKUP_TOO_LONG");
  }
  let nextButtonId = 0;
  return rows.map((row) => ({
    _: "keyboardButtonRow",
    buttons: row.buttons.map((button) => {
      if (!allowed.has(button._)) {
        throw new RpcFailure(400, "BUTTON_TYPE_INVALID");
      }
      return storedButton(state, bot, button, ++nextButtonId);
    }),
  }));
}

/** The markup to store for a message `sender` sends: `undefined` for users (Telegram ignores theirs), checked and converted for bots. */
export function resolveReplyMarkup(
  state: WorldState,
  sender: Account,
  markup: tl.TypeReplyMarkup | undefined,
): tl.TypeReplyMarkup | undefined {
  if (!markup || sender.kind !== "bot") return undefined;
  switch (markup._) {
    case "replyInlineMarkup":
      if (markup.rows.every((row) => row.buttons.length === 0)) {
        throw new RpcFailure(400, "REPLY_MARKUP_INVALID");
      }
      return {
        ...markup,
        rows: storedRows(state, sender, markup.rows, INLINE_BUTTONS),
      };
    case "replyKeyboardMarkup":
      if (markup.rows.every((row) => row.buttons.length === 0)) {
        throw new RpcFailure(400, "REPLY_MARKUP_INVALID");
      }
      return {
        ...markup,
        rows: storedRows(state, sender, markup.rows, REPLY_BUTTONS),
      };
    default:
      return markup;
  }
}

/** Whether `markup` is an inline keyboard (the only kind an inline result may carry, and what makes Telegram report its inline message id). */
export function isInlineKeyboard(
  markup: tl.TypeReplyMarkup | undefined,
): markup is tl.RawReplyInlineMarkup {
  return markup?._ === "replyInlineMarkup";
}

/** The callback (or game) button of `markup` that a press with `data` hits; `DATA_INVALID` if there is none. */
export function pressedButton(
  markup: tl.TypeReplyMarkup | undefined,
  press: { data?: Uint8Array; game?: boolean },
): tl.RawKeyboardButtonCallback | tl.RawKeyboardButtonGame {
  const buttons = isInlineKeyboard(markup)
    ? markup.rows.flatMap((row) => row.buttons)
    : [];
  const found = buttons.find((button) =>
    press.game
      ? button._ === "keyboardButtonGame"
      : button._ === "keyboardButtonCallback" && press.data !== undefined &&
        button.data.length === press.data.length &&
        button.data.every((byte, i) => byte === press.data![i])
  );
  if (!found) throw new RpcFailure(400, "DATA_INVALID");
  return found as tl.RawKeyboardButtonCallback | tl.RawKeyboardButtonGame;
}
