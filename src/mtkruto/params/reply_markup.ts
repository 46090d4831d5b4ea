/** MTKruto 0.216's ReplyMarkup (with `type`) → mtcute's ReplyMarkup (methods.md §A.1, §B.15). */
import type {
  InlineKeyboardMarkup,
  ReplyKeyboardForceReply,
  ReplyKeyboardHide,
  ReplyKeyboardMarkup,
  ReplyMarkup,
} from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import { toInlineKeyboard } from "./inline_keyboard.ts";
import { toReplyKeyboard } from "./reply_keyboard.ts";
import {
  at,
  optionalBoolean,
  optionalString,
  readObject,
  readType,
} from "./read.ts";

const MARKUP_TYPES = [
  "inlineKeyboard",
  "keyboard",
  "removeKeyboard",
  "forceReply",
] as const;

/** A ReplyMarkup → mtcute's: inline → "inline", keyboard → "reply", removeKeyboard → "reply_hide", forceReply → "force_reply". */
export function toReplyMarkup(value: unknown, path: string): ReplyMarkup {
  const markup = readObject(value, path);
  const type = readType(markup, path, MARKUP_TYPES);
  switch (type) {
    case "inlineKeyboard": {
      const inline: InlineKeyboardMarkup = {
        type: "inline",
        buttons: toInlineKeyboard(
          markup.inlineKeyboard,
          at(path, "inlineKeyboard"),
        ),
      };
      return inline;
    }
    case "keyboard": {
      const reply: ReplyKeyboardMarkup = omitUndefined({
        type: "reply",
        buttons: toReplyKeyboard(markup.keyboard, at(path, "keyboard")),
        persistent: optionalBoolean(markup, "isPersistent", path),
        resize: optionalBoolean(markup, "isResized", path),
        singleUse: optionalBoolean(markup, "isOneTime", path),
        placeholder: optionalString(markup, "inputFieldPlaceholder", path),
        selective: optionalBoolean(markup, "isSelective", path),
      });
      return reply;
    }
    case "removeKeyboard": {
      const hide: ReplyKeyboardHide = omitUndefined({
        type: "reply_hide",
        selective: optionalBoolean(markup, "isSelective", path),
      });
      return hide;
    }
    case "forceReply": {
      const force: ReplyKeyboardForceReply = omitUndefined({
        type: "force_reply",
        placeholder: optionalString(markup, "inputFieldPlaceholder", path),
        selective: optionalBoolean(markup, "isSelective", path),
      });
      return force;
    }
  }
}

/** A ReplyMarkup that must be an inline keyboard (inline results, inline message edits). */
export function toInlineReplyMarkup(
  value: unknown,
  path: string,
): InlineKeyboardMarkup {
  const markup = toReplyMarkup(value, path);
  if (!("type" in markup) || markup.type !== "inline") {
    throw new InputError(
      `${path} must be an inline keyboard ({"type": "inlineKeyboard", "inlineKeyboard": […]}); got a reply markup of type ${
        JSON.stringify((value as { type?: unknown }).type)
      }`,
    );
  }
  return markup;
}
