/**
 * The chat list (core.telegram.org/api/dialogs, /api/folders): each
 * account's dialogs, newest top message first, in peer folder 0 (the main
 * list) or 1 (the archive, shown in the main list as one pinned
 * `dialogFolder`), and the inactive channels of
 * `channels.getInactiveChannels`.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { channelDialog } from "./chat_views.ts";
import { type Chat, isChannel } from "./chats.ts";
import { draftIn } from "./drafts.ts";
import type { BoxMessage } from "./mailboxes.ts";
import {
  referencedChatKeys,
  referencedUserIds,
  toTlMessage,
} from "./mailboxes.ts";
import { peerKind, tlPeer } from "./peer_keys.ts";
import type { WorldState } from "./state.ts";

/** The archive's id and the title Telegram gives it. */
export const ARCHIVE_FOLDER = 1;
const ARCHIVE_TITLE = "Archived Chats";

/** Which peer folder each account put its chats in (absent: the main list). */
export class DialogFolders {
  readonly #folders = new Map<number, Map<number, number>>();

  /** The folder of `peerKey` in `accountId`'s list. */
  of(accountId: number, peerKey: number): number {
    return this.#folders.get(accountId)?.get(peerKey) ?? 0;
  }

  /** Moves the chat to folder 0 or 1 (`FOLDER_ID_INVALID` otherwise). */
  move(accountId: number, peerKey: number, folderId: number): void {
    if (folderId !== 0 && folderId !== ARCHIVE_FOLDER) {
      throw new RpcFailure(400, "FOLDER_ID_INVALID");
    }
    let folders = this.#folders.get(accountId);
    if (!folders) this.#folders.set(accountId, folders = new Map());
    if (folderId === 0) folders.delete(peerKey);
    else folders.set(peerKey, folderId);
  }
}

const foldersByState = new WeakMap<WorldState, DialogFolders>();

/** The peer folders of a world state (kept beside it, so a reset clears them). */
export function foldersOf(state: WorldState): DialogFolders {
  let folders = foldersByState.get(state);
  if (!folders) foldersByState.set(state, folders = new DialogFolders());
  return folders;
}

/** One chat of an account's list, with its newest message. */
export interface DialogEntry {
  peerKey: number;
  top: BoxMessage;
  folderId: number;
}

/** The messages of `peerKey` as `viewerId` sees them, oldest first: the channel's box for channels, its own otherwise. */
function chatMessages(
  state: WorldState,
  viewerId: number,
  peerKey: number,
): BoxMessage[] {
  const owner = peerKind(peerKey) === "channel" ? peerKey : viewerId;
  return state.mailboxes.chat(owner, peerKey);
}

/** Newest first, as Telegram sorts dialogs: by the top message's date, then (dates being seconds) by which message came later anywhere. */
function newestFirst(a: DialogEntry, b: DialogEntry): number {
  // pair keys count every message of the world in order, whatever its box
  return b.top.date - a.top.date || b.top.pairKey - a.top.pairKey;
}

/**
 * Every chat of `viewerId`'s list that has a message, newest first: private
 * chats and basic groups from its box (groups only while they exist), the
 * supergroups and channels it is in.
 */
export function dialogEntries(
  state: WorldState,
  viewerId: number,
): DialogEntry[] {
  const folders = foldersOf(state);
  const channels = state.chats.ofMember(viewerId).filter(isChannel);
  const keys = [
    ...state.mailboxes.peers(viewerId).filter((key) =>
      peerKind(key) === "user"
        ? state.accounts.get(key) !== undefined
        : state.chats.get(key) !== undefined
    ),
    ...channels.map((chat) => chat.key),
  ];
  return keys.flatMap((peerKey) => {
    const top = chatMessages(state, viewerId, peerKey).at(-1);
    return top
      ? [{ peerKey, top, folderId: folders.of(viewerId, peerKey) }]
      : [];
  }).sort(newestFirst);
}

/** The highest id of the viewer's own messages in a private chat that the other side has read. */
function readOutboxMaxId(
  state: WorldState,
  viewerId: number,
  peerKey: number,
): number {
  if (peerKind(peerKey) !== "user" || peerKey === viewerId) return 0;
  const theirMark = state.mailboxes.readMark(peerKey, viewerId);
  const read = state.mailboxes.chat(viewerId, peerKey).filter((message) => {
    if (message.senderId !== viewerId) return false;
    const theirs = state.mailboxes.counterpart(message, peerKey);
    return theirs !== undefined && theirs.id <= theirMark;
  });
  return read.at(-1)?.id ?? 0;
}

/** The TL dialog of an entry, as its account sees it. */
export function toTlDialog(
  state: WorldState,
  viewerId: number,
  entry: DialogEntry,
): tl.RawDialog {
  const folderId = entry.folderId || undefined;
  const unreadMark = state.unreadMarks.has(viewerId, entry.peerKey) ||
    undefined;
  const draft = draftIn(state, viewerId, entry.peerKey);
  const chat = state.chats.get(entry.peerKey);
  if (chat && isChannel(chat)) {
    return {
      ...channelDialog(state, chat, viewerId),
      folderId,
      unreadMark,
      draft,
    };
  }
  return {
    _: "dialog",
    unreadMark,
    draft,
    peer: tlPeer(entry.peerKey),
    topMessage: entry.top.id,
    readInboxMaxId: state.mailboxes.readMark(viewerId, entry.peerKey),
    readOutboxMaxId: readOutboxMaxId(state, viewerId, entry.peerKey),
    unreadCount: state.mailboxes.unreadCount(viewerId, entry.peerKey),
    unreadMentionsCount: 0,
    unreadReactionsCount: 0,
    unreadPollVotesCount: 0,
    notifySettings: { _: "peerNotifySettings" },
    folderId,
  };
}

/** The archive as the main list shows it: one pinned `dialogFolder` at its newest chat, with the unread totals. */
function archiveFolder(
  archived: tl.RawDialog[],
  top: DialogEntry,
): tl.RawDialogFolder {
  const unread = archived.filter((dialog) => dialog.unreadCount > 0);
  return {
    _: "dialogFolder",
    pinned: true,
    folder: { _: "folder", id: ARCHIVE_FOLDER, title: ARCHIVE_TITLE },
    peer: tlPeer(top.peerKey),
    topMessage: top.top.id,
    unreadMutedPeersCount: 0,
    unreadUnmutedPeersCount: unread.length,
    unreadMutedMessagesCount: 0,
    unreadUnmutedMessagesCount: unread.reduce(
      (sum, dialog) => sum + dialog.unreadCount,
      0,
    ),
  };
}

/** What a dialog list shows besides its dialogs: the top messages and every user and chat they and the dialogs name. */
export function dialogsBody(
  state: WorldState,
  viewerId: number,
  entries: DialogEntry[],
): Pick<tl.messages.RawDialogs, "messages" | "chats" | "users"> {
  const tops = entries.map((entry) => entry.top);
  const peerKeys = entries.map((entry) => entry.peerKey);
  return {
    messages: tops.map((message) => toTlMessage(message, viewerId)),
    chats: state.chatObjects(
      [...peerKeys, ...tops.flatMap(referencedChatKeys)],
      viewerId,
    ),
    users: state.users(
      [viewerId, ...peerKeys, ...tops.flatMap(referencedUserIds)],
      viewerId,
    ),
  };
}

/** Where a `messages.getDialogs` page starts. */
export interface DialogsPage {
  /** 0 or 1; undefined lists the main list (with the archive folder). */
  folderId?: number;
  offsetDate: number;
  offsetId: number;
  /** The peer key of `offset_peer`, when it names a chat of the list. */
  offsetPeer?: number;
  limit: number;
  excludePinned?: boolean;
}

const MAX_DIALOGS_LIMIT = 100;

/** Whether an entry comes after the page's offset: after `offsetPeer` when it is in the list, else older than the offset date and id. */
function afterOffset(
  entries: DialogEntry[],
  page: DialogsPage,
): DialogEntry[] {
  const index = page.offsetPeer === undefined
    ? -1
    : entries.findIndex((entry) => entry.peerKey === page.offsetPeer);
  if (index !== -1) return entries.slice(index + 1);
  if (page.offsetDate <= 0 && page.offsetId <= 0) return entries;
  return entries.filter((entry) =>
    page.offsetDate > 0
      ? entry.top.date < page.offsetDate ||
        (entry.top.date === page.offsetDate && entry.top.id < page.offsetId)
      : entry.top.id < page.offsetId
  );
}

/** `messages.getDialogs`: a page of a folder's list; the first page of the main list starts with the archive, when it holds chats. */
export function getDialogs(
  state: WorldState,
  viewerId: number,
  page: DialogsPage,
): tl.messages.RawDialogs | tl.messages.RawDialogsSlice {
  const folderId = page.folderId ?? 0;
  const all = dialogEntries(state, viewerId);
  const listed = all.filter((entry) => entry.folderId === folderId);
  const limit = Math.min(Math.max(page.limit, 1), MAX_DIALOGS_LIMIT);
  const rest = afterOffset(listed, page);
  const entries = rest.slice(0, limit);
  const dialogs: tl.TypeDialog[] = entries.map((entry) =>
    toTlDialog(state, viewerId, entry)
  );
  const archived = all.filter((entry) => entry.folderId === ARCHIVE_FOLDER);
  const firstPage = rest.length === listed.length;
  const bodyEntries = [...entries];
  if (folderId === 0 && firstPage && !page.excludePinned && archived.length) {
    dialogs.unshift(
      archiveFolder(
        archived.map((entry) => toTlDialog(state, viewerId, entry)),
        archived[0],
      ),
    );
    bodyEntries.push(archived[0]);
  }
  const body = dialogsBody(state, viewerId, bodyEntries);
  return entries.length === listed.length
    ? { _: "messages.dialogs", dialogs, ...body }
    : { _: "messages.dialogsSlice", count: listed.length, dialogs, ...body };
}

/** The date `viewerId` was last active in a channel it is in: its last message there, else when it joined. */
function lastActivity(state: WorldState, chat: Chat, viewerId: number): number {
  const own = state.mailboxes.chat(chat.key, chat.key).filter((message) =>
    message.senderId === viewerId
  );
  return own.at(-1)?.date ?? chat.members.get(viewerId)?.date ?? chat.date;
}

/** `channels.getInactiveChannels`: the supergroups and channels the user is in, least recently active first. */
export function inactiveChannels(
  state: WorldState,
  viewerId: number,
): tl.messages.RawInactiveChats {
  const channels = state.chats.ofMember(viewerId).filter(isChannel).map((
    chat,
  ) => ({ chat, date: lastActivity(state, chat, viewerId) })).sort((a, b) =>
    a.date - b.date
  );
  return {
    _: "messages.inactiveChats",
    dates: channels.map(({ date }) => date),
    chats: state.chatObjects(channels.map(({ chat }) => chat.key), viewerId),
    users: [],
  };
}
