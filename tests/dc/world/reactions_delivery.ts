/**
 * How reactions reach clients (core.telegram.org/api/reactions). The reactor
 * gets `updateMessageReactions` (no pts) as its call's result, pushed to its
 * other sessions; the message's author, if another user, gets it pushed
 * ("message authors will receive an updateMessageReactions update"), while
 * other viewers fetch reactions (`messages.getMessagesReactions`, and who
 * reacted with `messages.getMessageReactionsList`). What a chat does not
 * allow (`reactions_settings.ts`) is refused. Bots get
 * qts updates about users' reactions only: `updateBotMessageReaction` in
 * their private chats and in groups and supergroups they administer,
 * `updateBotMessageReactions` (the new totals) in broadcast channels they
 * administer, whose reactions are anonymous; reactions by bots are not
 * reported.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type Chat, isModerator } from "./chats.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { type BoxMessage, referencedChatKeys } from "./mailboxes.ts";
import { peerKind, tlPeer } from "./peer_keys.ts";
import { messageInChat } from "./peers.ts";
import { emitQts } from "./qts.ts";
import {
  availableReactions,
  checkedReactions,
  DISTINCT_REACTIONS,
  peerReactions,
  reactionCounts,
  reactionKey,
  reactionsUpdateView,
  recentReactorIds,
  setReactions,
} from "./reactions.ts";
import type { WorldState } from "./state.ts";

/** A `messages.sendReaction` call: `reactorId` sets `reactions` (none removes its own) on message `msgId` of its chat `peerKey`. */
export interface ReactionChange {
  reactorId: number;
  peerKey: number;
  msgId: number;
  reactions?: tl.TypeReaction[];
  big?: boolean;
}

/** The group or channel `peerKey` names, undefined for private chats. */
function chatOf(state: WorldState, peerKey: number): Chat | undefined {
  return peerKind(peerKey) === "user" ? undefined : state.chats.get(peerKey);
}

function isBroadcast(state: WorldState, message: BoxMessage): boolean {
  return chatOf(state, message.peerId)?.type === "channel";
}

/** `viewerId`'s copy of `message`: a channel's one message, or the copy in the viewer's box. */
function copyOf(
  state: WorldState,
  message: BoxMessage,
  viewerId: number,
): BoxMessage | undefined {
  return peerKind(message.ownerId) === "channel"
    ? message
    : state.mailboxes.counterpart(message, viewerId);
}

/** Reactions in a supergroup or channel are for its members (`CHANNEL_PRIVATE`); resolving a basic group's peer checked membership already. */
function requireMember(
  state: WorldState,
  viewerId: number,
  peerKey: number,
): void {
  const chat = chatOf(state, peerKey);
  if (chat && peerKind(peerKey) === "channel" && !chat.members.has(viewerId)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
}

/** The message a reaction is for: `MESSAGE_ID_INVALID` for none or a service message. */
function reactedMessage(
  state: WorldState,
  viewerId: number,
  peerKey: number,
  msgId: number,
): BoxMessage {
  requireMember(state, viewerId, peerKey);
  const message = messageInChat(state, viewerId, peerKey, msgId);
  // service messages take reactions only when flagged so, which none here is
  if (!message || message.action) {
    throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  }
  return message;
}

/** The `updates` carrying `updateMessageReactions` for each of `viewerId`'s `copies`. */
function reactionsUpdates(
  ctx: DeliveryContext,
  viewerId: number,
  copies: BoxMessage[],
): tl.RawUpdates {
  const { state } = ctx;
  const updates = copies.map((copy): tl.RawUpdateMessageReactions => ({
    _: "updateMessageReactions",
    peer: tlPeer(copy.peerId),
    msgId: copy.id,
    reactions: reactionsUpdateView(copy, viewerId),
  }));
  const userIds = copies.flatMap((copy) => [
    copy.peerId,
    ...(copy.post ? [] : [copy.senderId]),
    ...recentReactorIds(copy),
  ]);
  return {
    _: "updates",
    updates,
    users: state.users(
      [viewerId, ...userIds].filter((id) => peerKind(id) === "user"),
      viewerId,
    ),
    chats: state.chatObjects(copies.flatMap(referencedChatKeys), viewerId),
    date: now(),
    seq: 0,
  };
}

/** The bots to tell about a reaction to `message` by a user: the bot of a private chat, the bot admins of a group or channel. */
function botsToTell(
  state: WorldState,
  message: BoxMessage,
  reactorId: number,
): number[] {
  if (state.accounts.get(reactorId)?.kind === "bot") return [];
  const isBot = (id: number) =>
    id !== reactorId && state.accounts.get(id)?.kind === "bot";
  const chat = chatOf(state, message.peerId);
  if (!chat) return isBot(message.peerId) ? [message.peerId] : [];
  return [...chat.members.keys()].filter((id) =>
    isBot(id) && isModerator(chat, id)
  );
}

/** Sends `botId` the qts update about `reactorId`'s change from `old` to `current` on `message`. */
function tellBot(
  ctx: DeliveryContext,
  botId: number,
  change: {
    message: BoxMessage;
    reactorId: number;
    old: tl.TypeReaction[];
    current: tl.TypeReaction[];
    date: number;
  },
): void {
  const { state } = ctx;
  const copy = copyOf(state, change.message, botId);
  if (!copy) return;
  const chatKeys = referencedChatKeys(copy);
  if (isBroadcast(state, copy)) {
    emitQts(ctx, botId, {
      userIds: [],
      chatKeys,
      build: (qts): tl.RawUpdateBotMessageReactions => ({
        _: "updateBotMessageReactions",
        peer: tlPeer(copy.peerId),
        msgId: copy.id,
        date: change.date,
        reactions: reactionCounts(copy),
        qts,
      }),
    });
    return;
  }
  emitQts(ctx, botId, {
    userIds: [change.reactorId, copy.peerId].filter((id) =>
      peerKind(id) === "user"
    ),
    chatKeys,
    build: (qts): tl.RawUpdateBotMessageReaction => ({
      _: "updateBotMessageReaction",
      peer: tlPeer(copy.peerId),
      msgId: copy.id,
      date: change.date,
      actor: tlPeer(change.reactorId),
      oldReactions: change.old,
      newReactions: change.current,
      qts,
    }),
  });
}

/** `messages.sendReaction`; returns the reactor's `updates` (`updateMessageReactions`). */
export function sendReaction(
  ctx: DeliveryContext,
  change: ReactionChange,
): tl.RawUpdates {
  const { state } = ctx;
  const { reactorId } = change;
  const message = reactedMessage(
    state,
    reactorId,
    change.peerKey,
    change.msgId,
  );
  const settings = chatOf(state, change.peerKey)?.reactionSettings;
  const current = checkedReactions(
    change.reactions,
    availableReactions(settings),
  );
  const date = now();
  const old = setReactions(
    state.mailboxes.copies(message),
    reactorId,
    current,
    {
      date,
      big: change.big === true,
      distinctLimit: settings?.limit ?? DISTINCT_REACTIONS,
    },
  );
  const result = reactionsUpdates(ctx, reactorId, [message]);
  ctx.sessions.push(reactorId, result, ctx.caller);
  const authorId = message.senderId;
  const authorCopy = copyOf(state, message, authorId);
  if (
    authorId !== reactorId && !message.post && authorCopy &&
    state.accounts.get(authorId)?.kind === "user"
  ) {
    ctx.sessions.push(
      authorId,
      reactionsUpdates(ctx, authorId, [authorCopy]),
    );
  }
  for (const botId of botsToTell(state, message, reactorId)) {
    tellBot(ctx, botId, { message, reactorId, old, current, date });
  }
  return result;
}

/** `messages.getMessagesReactions`: `updateMessageReactions` for each of `ids` in `viewerId`'s chat `peerKey` that exists. */
export function messagesReactions(
  ctx: DeliveryContext,
  query: { viewerId: number; peerKey: number; ids: number[] },
): tl.RawUpdates {
  const { state } = ctx;
  const { viewerId, peerKey } = query;
  requireMember(state, viewerId, peerKey);
  const copies = query.ids.flatMap((id) => {
    const message = messageInChat(state, viewerId, peerKey, id);
    return message && !message.action ? [message] : [];
  });
  return reactionsUpdates(ctx, viewerId, copies);
}

/** A `messages.getMessageReactionsList` call: a page of who reacted to message `msgId` of `viewerId`'s chat `peerKey`. */
export interface ReactionListQuery {
  viewerId: number;
  peerKey: number;
  msgId: number;
  /** Only this reaction. */
  reaction?: tl.TypeReaction;
  /** The previous page's `next_offset`. */
  offset?: string;
  limit: number;
}

/** The most entries one `messages.getMessageReactionsList` page holds. */
const MAX_LIST_LIMIT = 100;

/**
 * `messages.getMessageReactionsList`: every reaction on the message, newest
 * first, `limit` (1–100, `LIMIT_INVALID`) from `offset` (`OFFSET_INVALID`
 * unless a `next_offset` of this list), with the reactors' users. Broadcast
 * channels' reactions are anonymous (403 `BROADCAST_FORBIDDEN`); a missing
 * or service message is `MSG_ID_INVALID`.
 */
export function messageReactionsList(
  ctx: DeliveryContext,
  query: ReactionListQuery,
): tl.messages.RawMessageReactionsList {
  const { state } = ctx;
  const { viewerId, peerKey, limit } = query;
  requireMember(state, viewerId, peerKey);
  if (chatOf(state, peerKey)?.type === "channel") {
    throw new RpcFailure(403, "BROADCAST_FORBIDDEN");
  }
  const message = messageInChat(state, viewerId, peerKey, query.msgId);
  if (!message || message.action) throw new RpcFailure(400, "MSG_ID_INVALID");
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new RpcFailure(400, "LIMIT_INVALID");
  }
  const wanted = query.reaction && reactionKey(query.reaction);
  const all = peerReactions(message, viewerId).filter((entry) =>
    wanted === undefined || reactionKey(entry.reaction) === wanted
  );
  // next_offset is the index where the next page starts, written as digits
  const start = query.offset ? Number(query.offset) : 0;
  if (
    (query.offset && String(start) !== query.offset) || start < 0 ||
    start > all.length
  ) {
    throw new RpcFailure(400, "OFFSET_INVALID");
  }
  const page = all.slice(start, start + limit);
  const end = start + page.length;
  return {
    _: "messages.messageReactionsList",
    count: all.length,
    reactions: page,
    chats: [],
    users: state.users(
      page.flatMap((entry) =>
        entry.peerId._ === "peerUser" ? [entry.peerId.userId] : []
      ),
      viewerId,
    ),
    nextOffset: end < all.length ? String(end) : undefined,
  };
}
