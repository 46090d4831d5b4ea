/** MTKruto 0.216's InlineKeyboardButton (with `type`) → TL keyboard buttons (methods.md §A.1, §B.15). */
import type { tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import { toButtonStyle } from "./button_style.ts";
import {
  at,
  given,
  optionalBoolean,
  optionalString,
  readArray,
  readObject,
  readType,
  requiredObject,
  requiredString,
} from "./read.ts";

const INLINE_BUTTON_TYPES = [
  "url",
  "callbackData",
  "miniApp",
  "loginUrl",
  "switchInlineQuery",
  "switchInlineQueryCurrentChat",
  "switchInlineQueryChosenChats",
  "callbackGame",
  "pay",
  "copy",
] as const;

/** Telegram's limit on a button's callback data. */
const MAX_CALLBACK_DATA_BYTES = 64;

/** Rows of inline buttons (`inlineKeyboard`) → rows of TL buttons. */
export function toInlineKeyboard(
  value: unknown,
  path: string,
): tl.TypeKeyboardButton[][] {
  return readArray(value, path).map((row, rowIndex) =>
    readArray(row, at(path, rowIndex)).map((button, index) =>
      toInlineButton(button, at(at(path, rowIndex), index))
    )
  );
}

/** One InlineKeyboardButton → its TL button. */
export function toInlineButton(
  value: unknown,
  path: string,
): tl.TypeKeyboardButton {
  const button = readObject(value, path);
  const type = readType(button, path, INLINE_BUTTON_TYPES);
  const text = requiredString(button, "text", path);
  const style = toButtonStyle(button.style, at(path, "style"));
  const base = { text, style };
  switch (type) {
    case "url":
      return omitUndefined({
        _: "keyboardButtonUrl" as const,
        ...base,
        url: requiredString(button, "url", path, { nonEmpty: true }),
      });
    case "callbackData":
      return omitUndefined({
        _: "keyboardButtonCallback" as const,
        ...base,
        data: callbackData(button, path),
      });
    case "miniApp":
      return omitUndefined({
        _: "keyboardButtonWebView" as const,
        ...base,
        url: requiredString(button, "url", path, { nonEmpty: true }),
      });
    case "loginUrl":
      return loginButton(button, path, base);
    case "switchInlineQuery":
    case "switchInlineQueryCurrentChat":
      return omitUndefined({
        _: "keyboardButtonSwitchInline" as const,
        ...base,
        samePeer: type === "switchInlineQueryCurrentChat" || undefined,
        query: requiredString(button, "inlineQuery", path),
      });
    case "switchInlineQueryChosenChats":
      return omitUndefined({
        _: "keyboardButtonSwitchInline" as const,
        ...base,
        query: requiredString(button, "inlineQuery", path),
        peerTypes: chosenPeerTypes(button, path),
      });
    case "callbackGame":
      return omitUndefined({ _: "keyboardButtonGame" as const, ...base });
    case "pay":
      return omitUndefined({ _: "keyboardButtonBuy" as const, ...base });
    case "copy":
      return omitUndefined({
        _: "keyboardButtonCopy" as const,
        ...base,
        copyText: requiredString(button, "textToCopy", path),
      });
  }
}

function callbackData(
  button: Record<string, unknown>,
  path: string,
): Uint8Array {
  const data = new TextEncoder().encode(
    requiredString(button, "callbackData", path),
  );
  if (data.length > MAX_CALLBACK_DATA_BYTES) {
    throw new InputError(
      `${
        at(path, "callbackData")
      } must be at most ${MAX_CALLBACK_DATA_BYTES} bytes in UTF-8; got ${data.length}`,
    );
  }
  return data;
}

function loginButton(
  button: Record<string, unknown>,
  path: string,
  base: { text: string; style?: tl.RawKeyboardButtonStyle },
): tl.RawInputKeyboardButtonUrlAuth {
  const loginPath = at(path, "loginUrl");
  const login = requiredObject(button, "loginUrl", path);
  if (given(login, "botUsername")) {
    // The button needs the bot as an input user, which takes a lookup no converter can make.
    throw new InputError(
      `${
        at(loginPath, "botUsername")
      } is not supported by this server; leave it out to log in with the bot that sends the message`,
    );
  }
  return omitUndefined({
    _: "inputKeyboardButtonUrlAuth" as const,
    ...base,
    url: requiredString(login, "url", loginPath, { nonEmpty: true }),
    fwdText: optionalString(login, "forwardText", loginPath),
    requestWriteAccess:
      optionalBoolean(login, "requestWriteAccess", loginPath) || undefined,
    bot: { _: "inputUserSelf" },
  });
}

/** The chat kinds a "switchInlineQueryChosenChats" button offers, as MTKruto maps them. */
function chosenPeerTypes(
  button: Record<string, unknown>,
  path: string,
): tl.TypeInlineQueryPeerType[] {
  const isUser = optionalBoolean(button, "isUser", path);
  const isBot = optionalBoolean(button, "isBot", path);
  const isGroup = optionalBoolean(button, "isGroup", path);
  const isChannel = optionalBoolean(button, "isChannel", path);
  const types: tl.TypeInlineQueryPeerType[] = [];
  if (isUser) types.push({ _: "inlineQueryPeerTypePM" });
  if (isBot) types.push({ _: "inlineQueryPeerTypeBotPM" });
  if (isGroup) {
    types.push({ _: "inlineQueryPeerTypeChat" }, {
      _: "inlineQueryPeerTypeMegagroup" as const,
    });
  }
  if (isChannel) types.push({ _: "inlineQueryPeerTypeBroadcast" });
  if (types.length === 0) {
    throw new InputError(
      `${path}: a switchInlineQueryChosenChats button must allow at least one chat type (isUser, isBot, isGroup or isChannel)`,
    );
  }
  return types;
}
