/** `messages.*` that read boxes: `getMessages` and `getHistory`. */
import type { tl } from "@mtcute/core";
import {
  type BoxMessage,
  referencedUserIds,
  toTlMessage,
} from "../mailboxes.ts";
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

function usersOf(
  ctx: AuthorizedContext,
  messages: BoxMessage[],
): tl.TypeUser[] {
  return ctx.state.users(messages.flatMap(referencedUserIds), ctx.self.id);
}

/** Telegram's history paging: newest first, from `offset_id`/`offset_date`, shifted by `add_offset`, within `(min_id, max_id)`. */
function historyPage(
  chat: BoxMessage[],
  params: tl.messages.RawGetHistoryRequest,
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
      messages: found.map((message, index): tl.TypeMessage =>
        message ? toTlMessage(message) : {
          _: "messageEmpty",
          id: (params.id[index] as { id?: number }).id ?? 0,
        }
      ),
      topics: [],
      chats: [],
      users: usersOf(ctx, present),
    };
  }),
  "messages.getHistory": usersOnly((ctx, params) => {
    const peerId = resolvePeer(ctx.state, ctx.self.id, params.peer);
    const chat = ctx.state.mailboxes.chat(ctx.self.id, peerId);
    const page = historyPage(chat, params);
    const body = {
      messages: page.map(toTlMessage),
      topics: [],
      chats: [],
      users: usersOf(ctx, page),
    };
    return page.length === chat.length
      ? { _: "messages.messages", ...body }
      : { _: "messages.messagesSlice", count: chat.length, ...body };
  }),
};
