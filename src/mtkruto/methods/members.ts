/** Chat members: looking them up, banning, restricting, promoting and adding them (methods.md §B.6). */
import { type InputPeerLike, Long, PeersIndex, type tl } from "@mtcute/core";
import {
  isInputPeerChannel,
  isInputPeerChat,
  isInputPeerUser,
  toInputChannel,
  toInputUser,
} from "@mtcute/core/utils.js";
import { InputError, RpcError } from "../../errors.ts";
import {
  fullBan,
  toBanOptions,
  toHistoryLimit,
  toMemberRestriction,
  toMembersPage,
  toPromotion,
} from "../params/members.ts";
import { channelOf, chatIdsParam, nameOf, userOf } from "./peers.ts";
import { type ChatMember, renderParticipant } from "../types/chat_member.ts";
import { renderFailedInvitation } from "../types/chat_member_invitation.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, optionsParam } from "./params.ts";

const NOT_A_CHAT = "Expected a channel, supergroup, or group ID.";

/** Hands an `updates` answer to mtcute, as its own methods do, so its update state follows. */
function applied(call: DialectCall, updates: tl.TypeUpdates): void {
  call.client.handleClientUpdate(updates);
}

/** A basic group's participants and the users they name (`messages.getFullChat`). */
async function groupParticipants(
  call: DialectCall,
  chatId: number,
): Promise<{ participants: tl.TypeChatParticipant[]; peers: PeersIndex }> {
  const full = await call.client.call({ _: "messages.getFullChat", chatId });
  const participants = full.fullChat._ === "chatFull" &&
      full.fullChat.participants._ === "chatParticipants"
    ? full.fullChat.participants.participants
    : [];
  return { participants, peers: PeersIndex.from(full) };
}

/** A chat's members: a page of a supergroup's or channel's (`filter`), or every member of a basic group that `keep` keeps. */
async function membersOf(
  call: DialectCall,
  chatId: InputPeerLike,
  query: {
    filter: tl.TypeChannelParticipantsFilter;
    offset: number;
    limit: number;
    keep: (member: ChatMember) => boolean;
  },
): Promise<ChatMember[]> {
  const peer = await call.client.resolvePeer(chatId);
  if (isInputPeerChannel(peer)) {
    const result = await call.client.call({
      _: "channels.getParticipants",
      channel: toInputChannel(peer),
      filter: query.filter,
      offset: query.offset,
      limit: query.limit,
      hash: Long.ZERO,
    });
    // a hash of 0 never matches, so Telegram always sends the list
    if (result._ !== "channels.channelParticipants") return [];
    const peers = PeersIndex.from(result);
    return result.participants.map((p) => renderParticipant(peers, p));
  }
  if (isInputPeerChat(peer)) {
    const { participants, peers } = await groupParticipants(call, peer.chatId);
    return participants.map((p) => renderParticipant(peers, p)).filter(
      query.keep,
    );
  }
  throw new InputError(`${NOT_A_CHAT} Got a user ID instead.`);
}

/** `memberId` banned from a chat: a supergroup or channel with every right taken, a basic group by removal. */
async function ban(
  call: DialectCall,
  chatId: InputPeerLike,
  memberId: InputPeerLike,
  params: Record<string, unknown>,
): Promise<void> {
  const options = toBanOptions(params);
  const chat = await call.client.resolvePeer(chatId);
  const member = await call.client.resolvePeer(memberId);
  if (isInputPeerChannel(chat)) {
    // MTKruto deletes the member's messages first, ignoring failures (and skips it for bots, which may not)
    if (options.deleteMessages && !call.isBot) {
      await call.client.deleteUserHistory({
        chatId: chat,
        participantId: member,
      })
        .catch(() => {});
    }
    applied(
      call,
      await call.client.call({
        _: "channels.editBanned",
        channel: toInputChannel(chat),
        participant: member,
        bannedRights: fullBan(options.until),
      }),
    );
    return;
  }
  if (!isInputPeerChat(chat)) throw new InputError(NOT_A_CHAT);
  if (!isInputPeerUser(member)) {
    throw new InputError(`Invalid user ID: ${nameOf(memberId)}`);
  }
  applied(
    call,
    await call.client.call({
      _: "messages.deleteChatUser",
      chatId: chat.chatId,
      userId: toInputUser(member),
      revokeHistory: options.deleteMessages || undefined,
    }),
  );
}

/** Lifts every ban and restriction of `memberId` in a supergroup or channel. */
async function unban(
  call: DialectCall,
  chatId: InputPeerLike,
  memberId: InputPeerLike,
): Promise<void> {
  const channel = await channelOf(call, chatId);
  applied(
    call,
    await call.client.call({
      _: "channels.editBanned",
      channel,
      participant: await call.client.resolvePeer(memberId),
      bannedRights: { _: "chatBannedRights", untilDate: 0 },
    }),
  );
}

/** The users an invitation could not add, as FailedInvitations (its updates handed to mtcute). */
function failures(result: tl.messages.RawInvitedUsers, call: DialectCall) {
  applied(call, result.updates);
  return result.missingInvitees.map(renderFailedInvitation);
}

/** The member methods. */
export const MEMBER_METHODS: DialectMethod[] = [
  defineMethod(
    "getChatMember",
    "both",
    [chatIdParam(), chatIdParam("userId")],
    "ChatMember",
    async (call, chatId, userId) => {
      const peer = await call.client.resolvePeer(chatId);
      if (isInputPeerChannel(peer)) {
        const result = await call.client.call({
          _: "channels.getParticipant",
          channel: toInputChannel(peer),
          participant: await call.client.resolvePeer(userId),
        });
        return renderParticipant(PeersIndex.from(result), result.participant);
      }
      if (!isInputPeerChat(peer)) {
        throw new InputError(`${NOT_A_CHAT} Got a user ID instead.`);
      }
      const user = await userOf(call, userId);
      const { participants, peers } = await groupParticipants(
        call,
        peer.chatId,
      );
      const isWanted = (participant: tl.TypeChatParticipant) => {
        if ("userId" in user) return participant.userId === user.userId;
        // the account itself: Telegram flags its own user object `self`
        const own = peers.user(participant.userId);
        return own._ === "user" && own.self === true;
      };
      const found = participants.find(isWanted);
      // Telegram's own error for a user who is not in the chat, as channels answer it
      if (!found) throw new RpcError(400, "USER_NOT_PARTICIPANT");
      return renderParticipant(peers, found);
    },
  ),
  defineMethod(
    "getChatAdministrators",
    "both",
    [chatIdParam()],
    "ChatMember[]",
    (call, chatId) =>
      membersOf(call, chatId, {
        filter: { _: "channelParticipantsAdmins" },
        offset: 0,
        limit: 100,
        keep: (member) =>
          member.status === "creator" || member.status === "administrator",
      }),
  ),
  defineMethod(
    "getChatMembers",
    "both",
    [chatIdParam(), optionsParam("GetChatMembersParams")],
    "ChatMember[]",
    (call, chatId, params) =>
      membersOf(call, chatId, {
        filter: { _: "channelParticipantsRecent" },
        ...toMembersPage(params),
        keep: () => true,
      }),
  ),
  defineMethod(
    "banChatMember",
    "both",
    [
      chatIdParam(),
      chatIdParam("memberId"),
      optionsParam("BanChatMemberParams"),
    ],
    "void",
    async (call, chatId, memberId, params) => {
      await ban(call, chatId, memberId, params);
      return null;
    },
  ),
  defineMethod(
    "unbanChatMember",
    "both",
    [chatIdParam(), chatIdParam("memberId")],
    "void",
    async (call, chatId, memberId) => {
      await unban(call, chatId, memberId);
      return null;
    },
  ),
  defineMethod(
    "kickChatMember",
    "both",
    [chatIdParam(), chatIdParam("memberId")],
    "void",
    async (call, chatId, memberId) => {
      await ban(call, chatId, memberId, {});
      // removal from a basic group is no ban, so there is nothing to lift
      if (isInputPeerChannel(await call.client.resolvePeer(chatId))) {
        await unban(call, chatId, memberId);
      }
      return null;
    },
  ),
  defineMethod(
    "setChatMemberRights",
    "both",
    [
      chatIdParam(),
      chatIdParam("memberId"),
      optionsParam("SetChatMemberRightsParams"),
    ],
    "void",
    async (call, chatId, memberId, params) => {
      const bannedRights = toMemberRestriction(params);
      applied(
        call,
        await call.client.call({
          _: "channels.editBanned",
          channel: await channelOf(call, chatId),
          participant: await call.client.resolvePeer(memberId),
          bannedRights,
        }),
      );
      return null;
    },
  ),
  defineMethod(
    "promoteChatMember",
    "both",
    [
      chatIdParam(),
      chatIdParam("userId"),
      optionsParam("PromoteChatMemberParams"),
    ],
    "void",
    async (call, chatId, userId, params) => {
      const { rights, rank } = toPromotion(params);
      applied(
        call,
        await call.client.call({
          _: "channels.editAdmin",
          channel: await channelOf(call, chatId),
          userId: await userOf(call, userId),
          adminRights: rights,
          rank,
        }),
      );
      return null;
    },
  ),
  defineMethod(
    "addChatMember",
    "user",
    [chatIdParam(), chatIdParam("userId"), optionsParam("AddChatMemberParams")],
    "FailedInvitation[]",
    async (call, chatId, userId, params) => {
      const historyLimit = toHistoryLimit(params);
      const chat = await call.client.resolvePeer(chatId);
      if (!isInputPeerChat(chat) && !isInputPeerChannel(chat)) {
        throw new InputError("Cannot add members to private chats.");
      }
      const user = await userOf(call, userId);
      if (isInputPeerChat(chat)) {
        return failures(
          await call.client.call({
            _: "messages.addChatUser",
            chatId: chat.chatId,
            userId: user,
            fwdLimit: historyLimit,
          }),
          call,
        );
      }
      return failures(
        await call.client.call({
          _: "channels.inviteToChannel",
          channel: toInputChannel(chat),
          users: [user],
        }),
        call,
      );
    },
  ),
  defineMethod(
    "addChatMembers",
    "user",
    [chatIdParam(), chatIdsParam("userIds")],
    "FailedInvitation[]",
    async (call, chatId, userIds) => {
      const chat = await call.client.resolvePeer(chatId);
      if (isInputPeerChat(chat)) {
        throw new InputError(
          "addChatMembers cannot be used with basic groups.",
        );
      }
      if (!isInputPeerChannel(chat)) {
        throw new InputError("Cannot add members to private chats.");
      }
      const users = [];
      for (const userId of userIds) users.push(await userOf(call, userId));
      return failures(
        await call.client.call({
          _: "channels.inviteToChannel",
          channel: toInputChannel(chat),
          users,
        }),
        call,
      );
    },
  ),
  defineMethod(
    "deleteChatMemberMessages",
    "user",
    [chatIdParam(), chatIdParam("memberId")],
    "void",
    async (call, chatId, memberId) => {
      await call.client.deleteUserHistory({
        chatId: await channelOf(call, chatId),
        participantId: await call.client.resolvePeer(memberId),
      });
      return null;
    },
  ),
];
