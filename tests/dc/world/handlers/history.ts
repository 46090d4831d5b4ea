/** `messages.*` that read boxes: `getMessages`, `getHistory` and `search`. */
import type { tl } from "@mtcute/core";
import { requireChat, requireReader } from "../chats.ts";
import {
  type BoxMessage,
  referencedChatKeys,
  referencedUserIds,
  toTlMessage,
} from "../mailboxes.ts";
import { peerKind } from "../peer_keys.ts";
import { resolvePeer } from "../peers.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
  usersOnly,
} from "./types.ts";

const MAX_HISTORY_LIMIT = 100;

/** Finds what an `InputMessage` points at in the caller's box. */
function findMessage(
  ctx: AuthorizedContext,
  input: tl.TypeInputMessage,
): BoxMessage | undefined {
  const { mailboxes } = ctx.state;
  switch (input._) {
    case "inputMessageID":
      return mailboxes.get(ctx.self.id, input.id);
    case "inputMessageReplyTo": {
      const replyToId = mailboxes.get(ctx.self.id, input.id)?.replyToId;
      return replyToId === undefined
        ? undefined
        : mailboxes.get(ctx.self.id, replyToId);
    }
    default:
      return undefined;
  }
}

/** The `messages`, `chats` and `users` of a `messages.Messages` answer, as the caller sees them. */
export function messagesBody(
  ctx: AuthorizedContext,
  messages: BoxMessage[],
): Pick<tl.messages.RawMessages, "messages" | "topics" | "chats" | "users"> {
  const viewerId = ctx.self.id;
  return {
    messages: messages.map((message) => toTlMessage(message, viewerId)),
    topics: [],
    chats: ctx.state.chatObjects(
      messages.flatMap(referencedChatKeys),
      viewerId,
    ),
    users: ctx.state.users(messages.flatMap(referencedUserIds), viewerId),
  };
}

/** The chat `peerId` as the caller sees it, oldest first: the channel's box for channels (readers only), the caller's own otherwise. */
function chatMessages(ctx: AuthorizedContext, peerId: number): BoxMessage[] {
  if (peerKind(peerId) !== "channel") {
    return ctx.state.mailboxes.chat(ctx.self.id, peerId);
  }
  requireReader(requireChat(ctx.state.chats, peerId), ctx.self.id);
  return ctx.state.mailboxes.chat(peerId, peerId);
}

/** A page of `chat` as `messages.messages`, `messages.messagesSlice` or (for channels) `messages.channelMessages`. */
export function pageResult(
  ctx: AuthorizedContext,
  peerId: number,
  page: BoxMessage[],
  total: number,
): tl.messages.TypeMessages {
  const body = messagesBody(ctx, page);
  if (peerKind(peerId) === "channel") {
    return {
      _: "messages.channelMessages",
      pts: ctx.state.channelLogs.pts(peerId),
      count: total,
      ...body,
    };
  }
  return page.length === total
    ? { _: "messages.messages", ...body }
    : { _: "messages.messagesSlice", count: total, ...body };
}

/** Telegram's history paging: newest first, from `offset_id`/`offset_date`, shifted by `add_offset`, within `(min_id, max_id)`. */
export function historyPage(
  chat: BoxMessage[],
  params: Pick<
    tl.messages.RawGetHistoryRequest,
    "offsetId" | "offsetDate" | "addOffset" | "limit" | "maxId" | "minId"
  >,
): BoxMessage[] {
  const newestFirst = [...chat].reverse();
  let start = 0;
  if (params.offsetDate) {
    start = newestFirst.findIndex((m) => m.date < params.offsetDate);
  } else if (params.offsetId) {
    start = newestFirst.findIndex((m) => m.id < params.offsetId);
  }
  if (start === -1) start = newestFirst.length;
  start = Math.max(0, start + params.addOffset);
  const limit = params.limit > 0
    ? Math.min(params.limit, MAX_HISTORY_LIMIT)
    : MAX_HISTORY_LIMIT;
  return newestFirst.slice(start, start + limit)
    .filter((m) =>
      (!params.maxId || m.id < params.maxId) &&
      (!params.minId || m.id > params.minId)
    );
}

/** Handlers of the `messages` namespace that read message boxes. */
export const historyHandlers: HandlerTable = {
  "messages.getMessages": loggedIn((ctx, params) => {
    const found = params.id.map((input) => findMessage(ctx, input));
    const present = found.filter((message) => message !== undefined);
    return {
      _: "messages.messages",
      ...messagesBody(ctx, present),
      messages: found.map((message, index): tl.TypeMessage =>
        message ? toTlMessage(message) : {
          _: "messageEmpty",
          id: (params.id[index] as { id?: number }).id ?? 0,
        }
      ),
    };
  }),
  "messages.getHistory": usersOnly((ctx, params) => {
    const peerId = resolvePeer(ctx.state, ctx.self.id, params.peer);
    const chat = chatMessages(ctx, peerId);
    return pageResult(ctx, peerId, historyPage(chat, params), chat.length);
  }),
  // basic: a case-insensitive substring of the text, optionally one sender and a date range; filters other than empty match nothing
  "messages.search": usersOnly((ctx, params) => {
    const peerId = resolvePeer(ctx.state, ctx.self.id, params.peer);
    const query = params.q.toLowerCase();
    const fromId = params.fromId &&
      resolvePeer(ctx.state, ctx.self.id, params.fromId);
    const matches = chatMessages(ctx, peerId).filter((m) =>
      params.filter._ === "inputMessagesFilterEmpty" && !m.action &&
      m.text.toLowerCase().includes(query) &&
      (fromId === undefined || m.senderId === fromId) &&
      (!params.minDate || m.date >= params.minDate) &&
      (!params.maxDate || m.date <= params.maxDate)
    );
    const page = historyPage(matches, { ...params, offsetDate: 0 });
    return pageResult(ctx, peerId, page, matches.length);
  }),
};
