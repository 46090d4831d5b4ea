/**
 * Reading and managing messages: history, search, forwarding, deleting and
 * pinning.
 *
 * @module
 */
import type { ID } from "./common.ts";

// ─── Reading ────────────────────────────────────────────────────────────

/** Which messages a search returns. */
export type MessageSearchFilter =
  | "empty"
  | "animations"
  | "audios"
  | "documents"
  | "photos"
  | "videos"
  | "voiceMessages"
  | "photosAndVideos"
  | "links"
  | "chatPhotos"
  | "videoNotes"
  | "voiceMessagesAndVideoNotes"
  | "mentions"
  | "pinned";

/** getHistory's params. MTKruto's `takeoutId` is not taken. */
export interface GetHistoryParams {
  /** The message to start from (exclusive; default: the newest). */
  offsetId?: number;
  /** The date to start from, in Unix seconds. */
  offsetDate?: number;
  /** How many messages to shift the start by (negative: newer ones). */
  addOffset?: number;
  /** How many messages, 1–100 (default 100). */
  limit?: number;
}

/** searchMessages's params. */
export interface SearchMessagesParams {
  /** The chat searched; left out, private chats and basic groups are. */
  chatId?: ID;
  /** The text searched for. */
  query?: string;
  /** Only messages from this sender. */
  from?: ID;
  /** Which kind of messages (default "empty": all). */
  filter?: MessageSearchFilter;
  /** The message id to search before. */
  offset?: number;
  /** How many messages to shift the start by. */
  addOffset?: number;
  /** Only messages of this forum topic. */
  threadId?: number;
  /** How many messages, 1–100 (default 100). */
  limit?: number;
}

// ─── Managing ───────────────────────────────────────────────────────────

/**
 * forwardMessages's and forwardMessage's params. MTKruto 0.216 also reads
 * `replyTo`, `effectId` and `isPaidBroadcast`; the gateway does not.
 */
export interface ForwardMessagesParams {
  /** The forum topic the copies go to. */
  messageThreadId?: number;
  /** Whether they are sent without a notification. */
  isSilent?: boolean;
  /** Whether they cannot be forwarded or saved. */
  isContentProtected?: boolean;
  /** Whether the original senders' names are left out. */
  isSenderNameDropped?: boolean;
  /** Whether media captions are left out. */
  isCaptionDropped?: boolean;
  /** The chat they are sent as (users only). */
  sendAs?: ID;
  /** When they are sent, in Unix seconds: schedules them (users only). */
  sendAt?: number;
}

/** deleteMessages's params. */
export interface DeleteMessagesParams {
  /** Whether the messages are deleted only for the own account. */
  isOnlyForMe?: boolean;
}

/** deleteMessage's params. */
export type DeleteMessageParams = DeleteMessagesParams;

/** pinMessage's params. MTKruto's `businessConnectionId` is not taken. */
export interface PinMessageParams {
  /** Whether members are not notified. */
  isSilent?: boolean;
  /** Whether a private chat's message is pinned for both sides (always so for bots). */
  isForBothSides?: boolean;
}

/** unpinMessage's params: none; MTKruto's `businessConnectionId` is not taken. */
export type UnpinMessageParams = Record<string, never>;

/** unpinMessages's params. */
export interface UnpinMessagesParams {
  /** Only the messages of this forum topic. */
  topicId?: number;
}
