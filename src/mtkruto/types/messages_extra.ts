/**
 * Results of the message methods beyond the seed's (MTKruto 0.216.0's
 * types/0_message_counters.ts, 0_message_viewer.ts, A_saved_chat.ts,
 * B_saved_chats.ts): a message's counters, who viewed a message, and the
 * chats of Saved Messages.
 */
import type { tl } from "@mtcute/core";
import type { Message } from "./message_types.ts";
import type { ChatP } from "./peers.ts";

/** The counters of a message. */
export interface MessageCounters {
  /** The number of times the message was viewed. */
  views: number;
  /** The number of replies made to the message. */
  replies: number;
  /** The number of times the message was forwarded. */
  forwards: number;
}

/** A message's viewer. */
export interface MessageViewer {
  /** The user identifier of the message viewer. */
  userId: number;
  /** The point in time when the message was viewed. */
  viewedAt: number;
}

/** Information on a saved chat. */
export interface SavedChat {
  /** The chat. */
  chat: ChatP;
  /** The chat's last saved message. */
  lastMessage: Message;
  /** Whether the chat is pinned. */
  isPinned: boolean;
}

/** A list of saved chats. */
export interface SavedChats {
  /** The saved chats. */
  chats: SavedChat[];
  /** The total count of saved chats. */
  total: number;
}

/** MessageCounters from `messageViews` (MTKruto counts what Telegram leaves out as 0). */
export function renderMessageCounters(
  views: tl.RawMessageViews,
): MessageCounters {
  return {
    views: views.views ?? 0,
    replies: views.replies?.replies ?? 0,
    forwards: views.forwards ?? 0,
  };
}

/** A MessageViewer from a `readParticipantDate`. */
export function renderMessageViewer(
  participant: tl.RawReadParticipantDate,
): MessageViewer {
  return { userId: participant.userId, viewedAt: participant.date };
}

/** A SavedChat from its `savedDialog`, once its chat and top message are rendered. */
export function renderSavedChat(
  dialog: tl.TypeSavedDialog,
  chat: ChatP,
  lastMessage: Message,
): SavedChat {
  const isPinned = dialog._ === "savedDialog" ? dialog.pinned ?? false : false;
  return { chat, lastMessage, isPinned };
}
