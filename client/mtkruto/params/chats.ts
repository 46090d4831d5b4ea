/**
 * Chats: the chat list, creating chats, opening them, and what their admins
 * set (photo, slow mode, signatures).
 *
 * @module
 */
import type { ChatListItem } from "../types.ts";
import type { ID } from "./common.ts";
import type { UploadParams } from "./media.ts";

/** getChats' params. */
export interface GetChatsParams {
  /** The chat list: "main" (default) or "archived". */
  from?: "main" | "archived";
  /** An item of an earlier page to continue after (the gateway reads its `chat.id` and its `lastMessage`'s `id` and `date`). */
  after?: ChatListItem;
  /** How many chats, 1–100 (default 100). */
  limit?: number;
}

/** createGroup's params. */
export interface CreateGroupParams {
  /** Who to add to the new group. */
  users?: ID[];
  /** After how many seconds its messages are deleted (0 or left out: never). */
  messageTtl?: number;
}

/** createSupergroup's params. */
export interface CreateSupergroupParams {
  /** Its description, at most 255 characters. */
  description?: string;
  /** Whether it is a forum (with topics). */
  isForum?: boolean;
  /** After how many seconds its messages are deleted (0 or left out: never). */
  messageTtl?: number;
}

/** createChannel's params. */
export interface CreateChannelParams {
  /** Its description, at most 255 characters. */
  description?: string;
  /** After how many seconds its posts are deleted (0 or left out: never). */
  messageTtl?: number;
}

/** setChatPhoto's params: how the uploaded photo is described. */
export type SetChatPhotoParams = UploadParams;

/** enableSignatures' params. */
export interface EnableSignaturesParams {
  /** Whether the posts also link their authors' profiles. */
  showAuthorProfile?: boolean;
}

/** openChat's params. */
export interface OpenChatParams {
  /** Seconds between polls, above 0 (checked; the gateway polls at Telegram's pace). */
  timeout?: number;
}

/** How often members of a supergroup in slow mode may send. */
export type SlowModeDuration = "10s" | "30s" | "1m" | "5m" | "15m" | "1h";
