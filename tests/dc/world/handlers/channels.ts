/** `channels.*` and `updates.getChannelDifference`: supergroups and channels. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { deleteChannelMessages } from "../channels.ts";
import {
  channelDialog,
  fullChannel,
  toChannelParticipant,
  toTlChat,
} from "../chat_views.ts";
import {
  type Chat,
  type ChatMember,
  isModerator,
  requireReader,
} from "../chats.ts";
import { type BoxMessage, referencedChatKeys } from "../mailboxes.ts";
import { peerKind } from "../peer_keys.ts";
import { resolveChannel, resolvePeer } from "../peers.ts";
import { messagesBody } from "./history.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
} from "./types.ts";

const MAX_PARTICIPANTS_LIMIT = 200;
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

/** The members a `channels.getParticipants` filter selects (nobody is banned or kicked in this world). */
function filterMembers(
  ctx: AuthorizedContext,
  chat: Chat,
  filter: tl.TypeChannelParticipantsFilter,
): ChatMember[] {
  const members = [...chat.members.values()];
  const nameMatches = (member: ChatMember, q: string) => {
    const account = ctx.state.accounts.get(member.userId);
    const wanted = q.toLowerCase();
    return [account?.firstName, account?.username].some((name) =>
      name?.toLowerCase().includes(wanted)
    );
  };
  switch (filter._) {
    case "channelParticipantsAdmins":
      return members.filter((m) => m.role !== "member");
    case "channelParticipantsBots":
      return members.filter((m) =>
        ctx.state.accounts.get(m.userId)?.kind === "bot"
      );
    case "channelParticipantsKicked":
    case "channelParticipantsBanned":
      return [];
    case "channelParticipantsSearch":
    case "channelParticipantsContacts":
    case "channelParticipantsMentions":
      return members.filter((m) => !filter.q || nameMatches(m, filter.q));
    default:
      return members;
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
  "channels.getParticipant": loggedIn((ctx, params) => {
    const chat = readableChannel(ctx, params.channel);
    const userId = resolvePeer(ctx.state, ctx.self.id, params.participant);
    const member = peerKind(userId) === "user"
      ? chat.members.get(userId)
      : undefined;
    if (!member) throw new RpcFailure(400, "USER_NOT_PARTICIPANT");
    return {
      _: "channels.channelParticipant",
      participant: toChannelParticipant(chat, member, ctx.self.id),
      chats: [toTlChat(ctx.state, chat, ctx.self.id)],
      users: ctx.state.users(
        [userId, member.inviterId ?? userId, chat.creatorId],
        ctx.self.id,
      ),
    };
  }),
  "channels.getParticipants": loggedIn((ctx, params) => {
    const chat = readableChannel(ctx, params.channel);
    // broadcast channels show their subscribers to admins only
    if (chat.type === "channel" && !isModerator(chat, ctx.self.id)) {
      throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
    }
    if (params.limit < 0 || params.offset < 0) {
      throw new RpcFailure(400, "LIMIT_INVALID");
    }
    const selected = filterMembers(ctx, chat, params.filter);
    const page = selected.slice(
      params.offset,
      params.offset + Math.min(params.limit, MAX_PARTICIPANTS_LIMIT),
    );
    return {
      _: "channels.channelParticipants",
      count: selected.length,
      participants: page.map((member) =>
        toChannelParticipant(chat, member, ctx.self.id)
      ),
      chats: [toTlChat(ctx.state, chat, ctx.self.id)],
      users: ctx.state.users(page.map((m) => m.userId), ctx.self.id),
    };
  }),
};
