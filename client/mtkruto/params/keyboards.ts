/**
 * Keyboards as sent: inline keyboards (with login-URL buttons that may ask
 * for write access), reply keyboards, their removal and forced replies.
 *
 * @module
 */
import type {
  ButtonStyle,
  InlineKeyboardButton,
  KeyboardButton,
  KeyboardButtonRequestChat,
} from "../types.ts";

// ─── Keyboards ──────────────────────────────────────────────────────────

/** Where a login-URL button leads. MTKruto's `botUsername` is refused: the sending bot logs in. */
export interface InputLoginUrl {
  /** The URL that receives the user's authorization data. */
  url: string;
  /** The button's text in forwarded messages. */
  forwardText?: string;
  /** Whether the bot asks for permission to message the user. */
  requestWriteAccess?: boolean;
}

/** An inline button that logs the user in on a website. */
export interface InputInlineKeyboardButtonLoginUrl {
  /** Always "loginUrl". */
  type: "loginUrl";
  /** The label. */
  text: string;
  /** The colour and icon. */
  style?: ButtonStyle;
  /** The login URL. */
  loginUrl: InputLoginUrl;
}

/** An inline button as sent: as messages carry it, with a login URL that may ask for write access. */
export type InputInlineKeyboardButton =
  | Exclude<InlineKeyboardButton, { type: "loginUrl" }>
  | InputInlineKeyboardButtonLoginUrl;

/** A reply-keyboard button that asks the user to pick a chat; `isOwner` may be left out. */
export interface InputKeyboardButtonRequestChat
  extends Omit<KeyboardButtonRequestChat, "isOwner"> {
  /** Whether only chats the user owns may be picked. */
  isOwner?: boolean;
}

/** A reply-keyboard button that asks the user to create a poll. */
export interface InputKeyboardButtonRequestPoll {
  /** Always "requestPoll". */
  type: "requestPoll";
  /** The label. */
  text: string;
  /** The colour and icon. */
  style?: ButtonStyle;
  /** The kind of poll asked for; left out, the user picks. */
  pollType?: "regular" | "quiz";
}

/** A reply-keyboard button as sent. */
export type InputKeyboardButton =
  | Exclude<KeyboardButton, { type: "requestChat" | "requestPoll" }>
  | InputKeyboardButtonRequestChat
  | InputKeyboardButtonRequestPoll;

/** Buttons under the message. */
export interface InputInlineKeyboardMarkup {
  /** Always "inlineKeyboard". */
  type: "inlineKeyboard";
  /** Rows of buttons. */
  inlineKeyboard: InputInlineKeyboardButton[][];
}

/** A keyboard in place of the user's. */
export interface InputReplyKeyboardMarkup {
  /** Always "keyboard". */
  type: "keyboard";
  /** Rows of buttons. */
  keyboard: InputKeyboardButton[][];
  /** Whether the keyboard stays after a button was pressed. */
  isPersistent?: boolean;
  /** Whether the keyboard is made as small as its buttons allow. */
  isResized?: boolean;
  /** Whether the keyboard hides after one use. */
  isOneTime?: boolean;
  /** The placeholder of the input field while the keyboard shows. */
  inputFieldPlaceholder?: string;
  /** Whether only mentioned users and the replied message's sender see it. */
  isSelective?: boolean;
}

/** Removes a reply keyboard. */
export interface InputRemoveKeyboard {
  /** Always "removeKeyboard". */
  type: "removeKeyboard";
  /** Whether it is removed only for mentioned users and the replied message's sender. */
  isSelective?: boolean;
}

/** Makes the user's client show a reply field. */
export interface InputForceReply {
  /** Always "forceReply". */
  type: "forceReply";
  /** The placeholder of the reply field. */
  inputFieldPlaceholder?: string;
  /** Whether only mentioned users and the replied message's sender get it. */
  isSelective?: boolean;
}

/**
 * A keyboard as sent (MTKruto's ReplyMarkup, its flags optional). Inline
 * messages take inline keyboards only.
 */
export type InputReplyMarkup =
  | InputInlineKeyboardMarkup
  | InputReplyKeyboardMarkup
  | InputRemoveKeyboard
  | InputForceReply;
