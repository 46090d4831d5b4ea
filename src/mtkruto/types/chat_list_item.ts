/** ChatListItem: one entry of `getChats` (types.md §13), from a TL dialog and its peers. */
import type { tl } from "@mtcute/core";
import type { Message } from "./message.ts";
import { omitUndefined } from "./omit_undefined.ts";
import {
  type ChatP,
  markedPeerId,
  peerChatP,
  type PeerLookup,
} from "./peers.ts";

/** A peer folder (the archive is folder 1). */
export interface ChatFolder {
  id: number;
  title: string;
}

/** A chat of the chat list, or a folder with the chat at its top. */
export interface ChatListItem {
  /** Set when the item is a folder (the unread counts then count the folder's chats). */
  folder?: ChatFolder;
  chat: ChatP;
  lastMessage?: Omit<Message, "replyToMessage">;
  unreadChatCount?: number;
  unreadMessageCount?: number;
  unreadMutedChatCount?: number;
  unreadMutedMessageCount?: number;
}

/** The top message id of a dialog, keyed as `lastMessages` keys it. */
export function topMessageKey(dialog: tl.TypeDialog): string {
  return `${markedPeerId(dialog.peer)}:${dialog.topMessage}`;
}

/** The ChatListItem of a dialog; `lastMessages` holds the rendered top messages by `topMessageKey`. */
export function renderChatListItem(
  dialog: tl.TypeDialog,
  peers: PeerLookup,
  lastMessages: ReadonlyMap<string, Message>,
): ChatListItem {
  const message = lastMessages.get(topMessageKey(dialog));
  // MTKruto builds the last message without fetching what it replies to.
  const lastMessage = message && { ...message, replyToMessage: undefined };
  const folder = dialog._ === "dialogFolder" ? dialog : undefined;
  return omitUndefined({
    folder: folder && { id: folder.folder.id, title: folder.folder.title },
    chat: peerChatP(peers, dialog.peer),
    lastMessage: lastMessage && omitUndefined(lastMessage),
    unreadChatCount: folder?.unreadUnmutedPeersCount,
    unreadMessageCount: folder?.unreadUnmutedMessagesCount,
    unreadMutedChatCount: folder?.unreadMutedPeersCount,
    unreadMutedMessageCount: folder?.unreadMutedMessagesCount,
  });
}
