/** `channels.*` and `updates.getChannelDifference`: supergroups and channels. */
import type { tl } from "@mtcute/core";
import { deleteChannelMessages } from "../channels.ts";
import { channelDialog, fullChannel, toTlChat } from "../chat_views.ts";
import { type Chat, requireReader } from "../chats.ts";
import { type BoxMessage, referencedChatKeys } from "../mailboxes.ts";
import { resolveChannel } from "../peers.ts";
import { messagesBody } from "./history.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
} from "./types.ts";

/** How many of the latest messages `channelDifferenceTooLong` carries at most. */
const TOO_LONG_MESSAGES = 100;

/** The channel an `InputChannel` names, if the caller may read it. */
function readableChannel(
  ctx: AuthorizedContext,
  input: tl.TypeInputChannel,
): Chat {
  const chat = resolveChannel(ctx.state, ctx.self.id, input);
  requireReader(chat, ctx.self.id);
  return chat;
}

/** What an `InputMessage` points at in the channel's box. */
function findChannelMessage(
  ctx: AuthorizedContext,
  chat: Chat,
  input: tl.TypeInputMessage,
): BoxMessage | undefined {
  const { mailboxes } = ctx.state;
  switch (input._) {
    case "inputMessageID":
      return mailboxes.get(chat.key, input.id);
    case "inputMessageReplyTo": {
      const replyToId = mailboxes.get(chat.key, input.id)?.replyToId;
      return replyToId === undefined
        ? undefined
        : mailboxes.get(chat.key, replyToId);
    }
    case "inputMessagePinned":
      return mailboxes.chat(chat.key, chat.key).findLast((m) => m.pinned);
    default:
      return undefined;
  }
}

/** Handlers of the `channels` namespace and the channel difference. */
export const channelsHandlers: HandlerTable = {
  "updates.getChannelDifference": loggedIn((ctx, params) => {
    const chat = readableChannel(ctx, params.channel);
    const viewerId = ctx.self.id;
    const { state } = ctx;
    return state.channelLogs.difference(chat.key, viewerId, params, {
      users: (ids) => state.users(ids, viewerId),
      chats: (keys) => state.chatObjects(keys, viewerId),
      tooLong: () => {
        const latest = state.mailboxes.chat(chat.key, chat.key).slice(
          -Math.min(Math.max(params.limit, 1), TOO_LONG_MESSAGES),
        );
        const body = messagesBody(ctx, latest);
        return {
          dialog: channelDialog(state, chat, viewerId),
          messages: body.messages,
        };
      },
    });
  }),
  "channels.getChannels": loggedIn((ctx, params) => ({
    _: "messages.chats",
    chats: params.id.map((input) =>
      toTlChat(
        ctx.state,
        resolveChannel(ctx.state, ctx.self.id, input),
        ctx.self.id,
      )
    ),
  })),
  "channels.getFullChannel": loggedIn((ctx, params) =>
    fullChannel(ctx.state, readableChannel(ctx, params.channel), ctx.self.id)
  ),
  "channels.getMessages": loggedIn((ctx, params) => {
    const chat = readableChannel(ctx, params.channel);
    const found = params.id.map((input) =>
      findChannelMessage(ctx, chat, input)
    );
    const present = found.filter((message) => message !== undefined);
    const body = messagesBody(ctx, present);
    return {
      _: "messages.channelMessages",
      pts: ctx.state.channelLogs.pts(chat.key),
      count: present.length,
      ...body,
      chats: ctx.state.chatObjects(
        [chat.key, ...present.flatMap(referencedChatKeys)],
        ctx.self.id,
      ),
      messages: found.map((message, index): tl.TypeMessage => {
        if (message) return body.messages[present.indexOf(message)];
        const input = params.id[index];
        return { _: "messageEmpty", id: "id" in input ? input.id : 0 };
      }),
    };
  }),
  "channels.deleteMessages": loggedIn((ctx, params) =>
    deleteChannelMessages(ctx, {
      deleterId: ctx.self.id,
      chat: resolveChannel(ctx.state, ctx.self.id, params.channel),
      ids: params.id,
    })
  ),
};
