/**
 * What most params share: chat ids, file sources, parse modes, link
 * previews, replies, and the send, keyboard, text and caption key groups.
 *
 * @module
 */
import type { InputFile } from "../../files.ts";
import type { MessageEntity } from "../types.ts";
import type { InputReplyMarkup } from "./keyboards.ts";

// ─── Identifiers and files ──────────────────────────────────────────────

/**
 * A chat: its marked id as a number (users > 0, basic groups < 0, channels
 * and supergroups -100…), `"me"`, a username (`"@name"`, `"name"`, a t.me
 * link) or a phone number (a string starting with `"+"` or a digit). A
 * numeric string is a phone number, never an id.
 */
export type ID = number | string;

/** Bytes the client uploads as a multipart file part (wrap them in an {@linkcode InputFile} to name them). */
export type FileUpload =
  | Blob
  | File
  | Uint8Array
  | ReadableStream<Uint8Array>
  | InputFile;

/**
 * A file: a file id (of a file of the kind sent), an http(s) URL Telegram
 * fetches, or bytes to upload. Local paths and other URL schemes, which
 * MTKruto itself reads, are refused by the gateway.
 */
export type FileSource = string | FileUpload;

/** How a text is parsed: Bot API HTML, or "Markdown" (Telegram's MarkdownV2); null or left out is plain text. */
export type ParseMode = "HTML" | "Markdown";

/** When a photo or video self-destructs: after it was opened, or a number of seconds after that. */
export type SelfDestructOption = "afterOpen" | number;

// ─── Text, link previews and replies ────────────────────────────────────

/** How a message's link preview is shown. MessageLinkPreview results (other `type`s) are refused. */
export interface InputLinkPreview {
  /** Always "input". */
  type: "input";
  /** Whether no preview is shown. */
  isDisabled?: boolean;
  /** The URL to preview instead of the text's first link. */
  url?: string;
  /** The size of the preview's media. */
  mediaSize?: "small" | "large";
  /** Whether the preview is shown above the text. */
  isAboveText?: boolean;
}

/** The part of the replied message that is quoted. */
export interface InputReplyQuote {
  /** The quoted text, as it is in the replied message. */
  text: string;
  /** Its entities. */
  entities?: MessageEntity[];
  /** Where it starts in the replied message (UTF-16 code units). */
  offset?: number;
}

/** A reply to a message, possibly quoting it or naming one of its poll options or checklist items. */
export interface ReplyToMessage {
  /** Always "message". */
  type: "message";
  /** The replied message's id. */
  messageId: number;
  /** The quoted part of it. */
  quote?: InputReplyQuote;
  /** The index of the poll option replied to. */
  pollOptionIndex?: number;
  /** The id of the checklist item replied to. */
  checklistItemId?: number;
}

/** A reply to a story of the chat the message is sent to. */
export interface ReplyToStory {
  /** Always "story". */
  type: "story";
  /** The chat that posted the story. */
  chatId: ID;
  /** The story's id. */
  storyId: number;
}

/** What a message replies to. MTKruto's `{type: "ephemeralMessage"}` is refused by the gateway. */
export type ReplyTo = ReplyToMessage | ReplyToStory;

// ─── Shared parameter groups ────────────────────────────────────────────

/**
 * What every send takes (MTKruto's send-common params). MTKruto's
 * ephemeral-message keys (`receiverId`, `callbackQueryId`) are refused.
 */
export interface SendCommonParams {
  /** The message or story replied to. */
  replyTo?: ReplyTo;
  /** The forum topic (its first message's id) the message goes to. */
  messageThreadId?: number;
  /** The direct-messages topic (the user's id) the message goes to, in a channel's direct messages. */
  directMessagesTopicId?: number;
  /** Whether the message is sent without a notification. */
  isSilent?: boolean;
  /** Whether the message cannot be forwarded or saved. */
  isContentProtected?: boolean;
  /** The chat the message is sent as (users only). */
  sendAs?: ID;
  /** When the message is sent, in Unix seconds: schedules it (users only). */
  sendAt?: number;
  /** The message effect's id, as a decimal string. */
  effectId?: string;
  /** The business connection the message is sent on behalf of (bots only). */
  businessConnectionId?: string;
  /** Whether the message is a paid broadcast, beyond the usual limits (bots only). */
  isPaidBroadcast?: boolean;
}

/** The keyboard a message gets. */
export interface ReplyMarkupParams {
  /** The keyboard (bots only). */
  replyMarkup?: InputReplyMarkup;
}

/** A text's formatting. */
export interface TextParams {
  /** How the text is parsed; null or left out is plain text. */
  parseMode?: ParseMode | null;
  /** The text's entities (kept besides parsed ones). */
  entities?: MessageEntity[];
  /** How the link preview is shown. */
  linkPreview?: InputLinkPreview;
}

/** A medium's caption. */
export interface CaptionParams {
  /** The caption. */
  caption?: string;
  /** The caption's entities (kept besides parsed ones). */
  captionEntities?: MessageEntity[];
  /** How the caption is parsed; null or left out is plain text. */
  parseMode?: ParseMode | null;
}
