/**
 * Saved Messages: the paging params of getSavedChats and getSavedMessages.
 *
 * @module
 */
import type { ID } from "./common.ts";

/**
 * getSavedChats' params. MTKruto's `addOffset` is not taken (MTKruto 0.216
 * itself never sends it: messages.getSavedDialogs has no such offset).
 */
export interface GetSavedChatsParams {
  /** The top message of the last chat of an earlier page: the list goes on after it (0 or left out: from the newest). */
  offsetId?: number;
  /** That message's date, in Unix seconds (0 or left out: from the newest). */
  offsetDate?: number;
  /** That chat. */
  offsetChatId?: ID;
  /** How many chats, 1–100 (default 100). */
  limit?: number;
  /** Whether to leave the pinned chats out. */
  excludePinned?: boolean;
}

/** getSavedMessages' params. */
export interface GetSavedMessagesParams {
  /** The message to start from (exclusive; 0 or left out: the newest). */
  offsetId?: number;
  /** The date to start from, in Unix seconds. */
  offsetDate?: number;
  /** How many messages to shift the start by (negative: newer ones). */
  addOffset?: number;
  /** How many messages, 1–100 (default 100). */
  limit?: number;
}
