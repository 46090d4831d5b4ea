/**
 * ReplyMarkup in MTKruto's shape (types.md §10.1), from TL reply markups.
 *
 * Deliberate divergence: MTKruto fails the whole message when a keyboard
 * holds a button kind it does not know (request-peer or user-profile buttons
 * in an inline keyboard, for instance), so the update is dropped. We skip
 * such a button instead and keep the message; a row left empty is kept too,
 * so row positions still match Telegram's.
 */
import type { tl } from "@mtcute/core";
import {
  type InlineKeyboardButton,
  renderInlineKeyboardButton,
} from "./inline_keyboard_button.ts";
import {
  type KeyboardButton,
  renderKeyboardButton,
} from "./keyboard_button.ts";

export type { InlineKeyboardButton } from "./inline_keyboard_button.ts";
export type { KeyboardButton } from "./keyboard_button.ts";

/** A message's keyboard, told apart by `type`. */
export type ReplyMarkup =
  | { type: "inlineKeyboard"; inlineKeyboard: InlineKeyboardButton[][] }
  | {
    type: "keyboard";
    isResized: boolean;
    isOneTime: boolean;
    isSelective: boolean;
    isPersistent: boolean;
    keyboard: KeyboardButton[][];
  }
  | { type: "removeKeyboard"; isSelective?: true }
  | { type: "forceReply"; inputFieldPlaceholder?: string; isSelective?: true };

/** Rows of rendered buttons; buttons the renderer has nothing for are left out. */
function renderRows<T>(
  rows: readonly tl.TypeKeyboardButtonRow[],
  renderButton: (button: tl.TypeKeyboardButton) => T | undefined,
): T[][] {
  return rows.map((row) => {
    const rendered: T[] = [];
    for (const button of row.buttons) {
      const one = renderButton(button);
      if (one !== undefined) rendered.push(one);
    }
    return rendered;
  });
}

/** The ReplyMarkup of a TL reply markup (undefined only for a kind newer than this code). */
export function renderReplyMarkup(
  markup: tl.TypeReplyMarkup,
): ReplyMarkup | undefined {
  switch (markup._) {
    case "replyInlineMarkup":
      return {
        type: "inlineKeyboard",
        inlineKeyboard: renderRows(markup.rows, renderInlineKeyboardButton),
      };
    case "replyKeyboardMarkup":
      // The TL placeholder is not read back: MTKruto never shows inputFieldPlaceholder here.
      return {
        type: "keyboard",
        isResized: markup.resize ?? false,
        isOneTime: markup.singleUse ?? false,
        isSelective: markup.selective ?? false,
        isPersistent: markup.persistent ?? false,
        keyboard: renderRows(markup.rows, renderKeyboardButton),
      };
    case "replyKeyboardHide":
      return markup.selective
        ? { type: "removeKeyboard", isSelective: true }
        : { type: "removeKeyboard" };
    case "replyKeyboardForceReply": {
      const forceReply: ReplyMarkup = { type: "forceReply" };
      if (markup.placeholder) {
        forceReply.inputFieldPlaceholder = markup.placeholder;
      }
      if (markup.selective) forceReply.isSelective = true;
      return forceReply;
    }
    default:
      return undefined;
  }
}
