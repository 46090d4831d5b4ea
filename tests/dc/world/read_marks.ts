/**
 * Read marks beyond `messages.readHistory` (which `delivery.ts` handles):
 * reading supergroups and channels (`channels.readHistory`), chats marked
 * unread by hand (`messages.markDialogUnread`), and the read dates Telegram
 * hands out: of one's own private message (`messages.getOutboxReadDate`) and
 * of one's message in a small group (`messages.getMessageReadParticipants`).
 * Read marks and their dates live in the readers' boxes (`mailboxes.ts`).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Chat } from "./chats.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { bareId, peerKind, tlPeer } from "./peer_keys.ts";
import { messageInChat } from "./peers.ts";
import type { WorldState } from "./state.ts";

/** Groups larger than this show no read participants (appConfig `chat_read_mark_size_threshold`). */
export const READ_MARK_SIZE_THRESHOLD = 100;
/** How long read participants are kept (appConfig `chat_read_mark_expire_period`, seconds). */
export const READ_MARK_EXPIRE_PERIOD = 7 * 24 * 60 * 60;
/** How long private read dates are kept (appConfig `pm_read_date_expire_period`, seconds). */
export const PM_READ_DATE_EXPIRE_PERIOD = 7 * 24 * 60 * 60;

/** The chats each account marked unread by hand. */
export class UnreadMarks {
  readonly #marks = new Map<number, Set<number>>();

  /** Sets or clears the mark of `peerKey` in `accountId`'s list; whether it changed. */
  set(accountId: number, peerKey: number, unread: boolean): boolean {
    let marks = this.#marks.get(accountId);
    if (!marks) this.#marks.set(accountId, marks = new Set());
    if (marks.has(peerKey) === unread) return false;
    if (unread) marks.add(peerKey);
    else marks.delete(peerKey);
    return true;
  }

  has(accountId: number, peerKey: number): boolean {
    return this.#marks.get(accountId)?.has(peerKey) ?? false;
  }

  /** The chats `accountId` marked unread, in the order it marked them. */
  of(accountId: number): number[] {
    return [...this.#marks.get(accountId) ?? []];
  }
}

/** Marks or unmarks the chat `peerKey` unread for `accountId`; its other sessions get `updateDialogUnreadMark`. */
export function markDialogUnread(
  ctx: DeliveryContext,
  options: { accountId: number; peerKey: number; unread: boolean },
): void {
  const { accountId, peerKey, unread } = options;
  if (!ctx.state.unreadMarks.set(accountId, peerKey, unread)) return;
  const update: tl.RawUpdateDialogUnreadMark = {
    _: "updateDialogUnreadMark",
    unread: unread || undefined,
    peer: { _: "dialogPeer", peer: tlPeer(peerKey) },
  };
  ctx.sessions.push(
    accountId,
    { _: "updateShort", update, date: now() },
    ctx.caller,
  );
}

/**
 * Marks `chat` (a supergroup or channel) read by `readerId` up to `maxId`
 * (0: everything). The reader's other sessions get `updateReadChannelInbox`;
 * in a supergroup the sender of the last message read gets
 * `updateReadChannelOutbox`.
 */
export function readChannelHistory(
  ctx: DeliveryContext,
  options: { readerId: number; chat: Chat; maxId: number },
): void {
  const { state } = ctx;
  const { readerId, chat } = options;
  if (!chat.members.has(readerId)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
  const maxId = options.maxId > 0 ? options.maxId : Number.MAX_SAFE_INTEGER;
  const mark = state.mailboxes.markRead(readerId, chat.key, maxId);
  if (mark === undefined) return;
  const date = now();
  const inbox: tl.RawUpdateReadChannelInbox = {
    _: "updateReadChannelInbox",
    channelId: bareId(chat.key),
    maxId: mark,
    stillUnreadCount: state.mailboxes.unreadCount(readerId, chat.key),
    pts: state.channelLogs.pts(chat.key),
  };
  ctx.sessions.push(
    readerId,
    { _: "updateShort", update: inbox, date },
    ctx.caller,
  );
  const senderId = state.mailboxes.get(chat.key, mark)?.senderId;
  if (chat.type === "supergroup" && senderId !== undefined) {
    const outbox: tl.RawUpdateReadChannelOutbox = {
      _: "updateReadChannelOutbox",
      channelId: bareId(chat.key),
      maxId: mark,
    };
    ctx.sessions.push(senderId, { _: "updateShort", update: outbox, date });
  }
}

/** When the other side of the private chat `peerKey` read `ownerId`'s message `id` (`messages.getOutboxReadDate`). */
export function outboxReadDate(
  state: WorldState,
  options: { ownerId: number; peerKey: number; id: number },
): number {
  const { ownerId, peerKey } = options;
  if (peerKind(peerKey) !== "user" || peerKey === ownerId) {
    throw new RpcFailure(400, "PEER_ID_INVALID");
  }
  const message = messageInChat(state, ownerId, peerKey, options.id);
  if (!message || message.senderId !== ownerId) {
    throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  }
  if (message.date < now() - PM_READ_DATE_EXPIRE_PERIOD) {
    throw new RpcFailure(400, "MESSAGE_TOO_OLD");
  }
  const theirs = state.mailboxes.counterpart(message, peerKey);
  const date = theirs &&
    state.mailboxes.readDate(peerKey, ownerId, theirs.id);
  if (date === undefined) throw new RpcFailure(400, "MESSAGE_NOT_READ_YET");
  return date;
}

/**
 * Who of a group or supergroup (of at most 100 members) read `viewerId`'s
 * message `id` and when, newest first (`messages.getMessageReadParticipants`);
 * only for one's own messages of the last 7 days.
 */
export function readParticipants(
  state: WorldState,
  options: { viewerId: number; chat: Chat; id: number },
): tl.RawReadParticipantDate[] {
  const { viewerId, chat } = options;
  if (chat.type === "channel") throw new RpcFailure(400, "PEER_ID_INVALID");
  if (chat.members.size > READ_MARK_SIZE_THRESHOLD) {
    throw new RpcFailure(400, "CHAT_TOO_BIG");
  }
  const message = messageInChat(state, viewerId, chat.key, options.id);
  if (!message || message.senderId !== viewerId || message.action) {
    throw new RpcFailure(400, "MSG_ID_INVALID");
  }
  if (message.date < now() - READ_MARK_EXPIRE_PERIOD) {
    throw new RpcFailure(400, "MSG_TOO_OLD");
  }
  return [...chat.members.keys()].flatMap((memberId) => {
    if (memberId === viewerId) return [];
    // a basic group's members read their own copies; a supergroup has one box
    const copy = chat.type === "group"
      ? state.mailboxes.counterpart(message, memberId)
      : message;
    const date = copy && state.mailboxes.readDate(memberId, chat.key, copy.id);
    return date === undefined
      ? []
      : [{ _: "readParticipantDate" as const, userId: memberId, date }];
  }).sort((a, b) => b.date - a.date);
}
