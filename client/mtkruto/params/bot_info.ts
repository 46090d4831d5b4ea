/**
 * A bot's commands and texts: the commands setMyCommands takes, the scopes
 * they apply in, and the params of the setMy…/getMy…/deleteMyCommands
 * methods.
 *
 * @module
 */
import type { ID } from "./common.ts";

// ─── Commands ───────────────────────────────────────────────────────────

/** A command setMyCommands sets; Telegram refuses commands that are not 1–32 of a-z, 0-9 and _, and descriptions not of 1–256 characters. */
export interface InputBotCommand {
  /** The command, without the slash. */
  command: string;
  /** What the command does, as the command menu shows it. */
  description: string;
  /** Ephemeral commands need a newer TL layer than the gateway's: only false is taken. */
  isEphemeral?: false;
}

/** Where a list of commands applies (Bot API's BotCommandScope). */
export type BotCommandScope =
  | {
    /** Every chat, every private chat, every group and supergroup, or the administrators of every group and supergroup. */
    type:
      | "default"
      | "allPrivateChats"
      | "allGroupChats"
      | "allChatAdministrators";
  }
  | {
    /** One chat, or the administrators of one group or supergroup. */
    type: "chat" | "chatAdministrators";
    /** The chat. */
    chatId: ID;
  }
  | {
    /** One member of one group or supergroup. */
    type: "chatMember";
    /** The group or supergroup. */
    chatId: ID;
    /** The member's user id. */
    userId: number;
  };

/** setMyCommands' params: which list the commands replace. */
export interface SetMyCommandsParams {
  /** A two-letter ISO 639-1 code; left out, the list for users of languages without one of their own. */
  languageCode?: string;
  /** The scope (default: `{type: "default"}`). */
  scope?: BotCommandScope;
}

/** getMyCommands' params: which list to read (exactly that one: nothing falls back). */
export type GetMyCommandsParams = SetMyCommandsParams;

/** deleteMyCommands' params: which list to delete. */
export type DeleteMyCommandsParams = SetMyCommandsParams;

// ─── Name, description and short description ────────────────────────────

/** setMyName's params; an empty name removes the language's own one. */
export interface SetMyNameParams {
  /** The name (0–64 characters); left out, the name stays as it is. */
  name?: string;
  /** A two-letter ISO 639-1 code; left out, the bot's fallback name. */
  languageCode?: string;
}

/** setMyDescription's params: the text an empty chat with the bot shows; empty removes the language's own one. */
export interface SetMyDescriptionParams {
  /** The description (0–512 characters); left out, it stays as it is. */
  description?: string;
  /** A two-letter ISO 639-1 code; left out, the fallback description. */
  languageCode?: string;
}

/** setMyShortDescription's params: the text of the bot's profile and of shared links to it; empty removes the language's own one. */
export interface SetMyShortDescriptionParams {
  /** The short description (0–120 characters); left out, it stays as it is. */
  shortDescription?: string;
  /** A two-letter ISO 639-1 code; left out, the fallback short description. */
  languageCode?: string;
}

/** The params of getMyName, getMyDescription and getMyShortDescription: which language's text to read. */
export interface GetMyTextParams {
  /** A two-letter ISO 639-1 code; left out, the fallback language. */
  languageCode?: string;
}

/** getMyName's params. */
export type GetMyNameParams = GetMyTextParams;

/** getMyDescription's params. */
export type GetMyDescriptionParams = GetMyTextParams;

/** getMyShortDescription's params. */
export type GetMyShortDescriptionParams = GetMyTextParams;
