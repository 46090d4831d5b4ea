/** Members of groups, supergroups and channels: participants, joining, inviting, removing, banning and admins. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import {
  type Chat,
  type ChatMember,
  isModerator,
  requireReader,
} from "../chats.ts";
import {
  addChatMembers,
  participantUserId,
  removeGroupMember,
} from "../members.ts";
import {
  deleteParticipantHistory,
  editAdmin,
  editBanned,
  editChatAdmin,
} from "../members_rights.ts";
import {
  activeBan,
  activeRestriction,
  banParticipant,
  channelStanding,
  hasAdminRight,
  toChannelParticipant,
} from "../members_view.ts";
import { groupKey } from "../peer_keys.ts";
import { resolveChannel, resolvePeer, resolveUser } from "../peers.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
  usersOnly,
} from "./types.ts";

const MAX_PARTICIPANTS_LIMIT = 200;

/** The channel an `InputChannel` names, if the caller may read it. */
function readableChannel(
  ctx: AuthorizedContext,
  input: tl.TypeInputChannel,
): Chat {
  const chat = resolveChannel(ctx.state, ctx.self.id, input);
  requireReader(chat, ctx.self.id);
  return chat;
}

/** The basic group `chatId` names, if the caller is in it (`CHAT_ID_INVALID` otherwise). */
function memberGroup(ctx: AuthorizedContext, chatId: number): Chat {
  const chat = ctx.state.chats.get(groupKey(chatId));
  if (!chat?.members.has(ctx.self.id)) {
    throw new RpcFailure(400, "CHAT_ID_INVALID");
  }
  return chat;
}

/** Whether the account's first name or username contains `q` (case-insensitive; an empty `q` matches all). */
function nameMatches(ctx: AuthorizedContext, userId: number, q: string) {
  const account = ctx.state.accounts.get(userId);
  const wanted = q.toLowerCase();
  return [account?.firstName, account?.username].some((name) =>
    name?.toLowerCase().includes(wanted)
  );
}

/** The participants a `channels.getParticipants` filter selects, in the order Telegram lists them (members by join date). */
function selectParticipants(
  ctx: AuthorizedContext,
  chat: Chat,
  filter: tl.TypeChannelParticipantsFilter,
): { userId: number; participant: tl.TypeChannelParticipant }[] {
  const viewerId = ctx.self.id;
  const ofMembers = (keep: (member: ChatMember) => boolean) =>
    [...chat.members.values()].filter(keep).map((member) => ({
      userId: member.userId,
      participant: toChannelParticipant(chat, member, viewerId),
    }));
  const q = "q" in filter ? filter.q ?? "" : "";
  const named = (userId: number) => nameMatches(ctx, userId, q);
  switch (filter._) {
    case "channelParticipantsAdmins":
      return ofMembers((m) => m.role !== "member");
    case "channelParticipantsBots":
      return ofMembers((m) => ctx.state.accounts.get(m.userId)?.kind === "bot");
    case "channelParticipantsKicked":
    case "channelParticipantsBanned": {
      // the lists of removed and restricted users are for admins who may ban
      if (!hasAdminRight(chat, viewerId, "banUsers")) {
        throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
      }
      const kicked = filter._ === "channelParticipantsKicked";
      const banned = [...chat.banned.keys()].flatMap((userId) => {
        const ban = activeBan(chat, userId);
        return ban && ban.rights.viewMessages === kicked && named(userId)
          ? [{ userId, participant: banParticipant(ban, true) }]
          : [];
      });
      const restricted = kicked
        ? []
        : ofMembers((m) =>
          activeRestriction(m) !== undefined && named(m.userId)
        );
      return [...restricted, ...banned];
    }
    case "channelParticipantsSearch":
    case "channelParticipantsContacts":
    case "channelParticipantsMentions":
      return ofMembers((m) => named(m.userId));
    default:
      return ofMembers(() => true);
  }
}

/** The accounts a participant object names: the participant and whoever invited, promoted or banned it. */
function participantUserIds(
  participant: tl.TypeChannelParticipant,
  userId: number,
): number[] {
  const ids = [userId];
  if ("inviterId" in participant && participant.inviterId) {
    ids.push(participant.inviterId);
  }
  if ("promotedBy" in participant) ids.push(participant.promotedBy);
  if ("kickedBy" in participant) ids.push(participant.kickedBy);
  return ids;
}

/** Handlers of membership and rights. */
export const membersHandlers: HandlerTable = {
  "channels.getParticipant": loggedIn((ctx, params) => {
    const chat = readableChannel(ctx, params.channel);
    const userId = participantUserId(
      resolvePeer(ctx.state, ctx.self.id, params.participant),
    );
    const participant = channelStanding(chat, userId, ctx.self.id);
    if (!participant) throw new RpcFailure(400, "USER_NOT_PARTICIPANT");
    return {
      _: "channels.channelParticipant",
      participant,
      chats: ctx.state.chatObjects([chat.key], ctx.self.id),
      users: ctx.state.users(
        participantUserIds(participant, userId),
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
    const selected = selectParticipants(ctx, chat, params.filter);
    const page = selected.slice(
      params.offset,
      params.offset + Math.min(params.limit, MAX_PARTICIPANTS_LIMIT),
    );
    return {
      _: "channels.channelParticipants",
      count: selected.length,
      participants: page.map(({ participant }) => participant),
      chats: ctx.state.chatObjects([chat.key], ctx.self.id),
      users: ctx.state.users(
        page.flatMap(({ participant, userId }) =>
          participantUserIds(participant, userId)
        ),
        ctx.self.id,
      ),
    };
  }),
  "channels.inviteToChannel": usersOnly((ctx, params) =>
    addChatMembers(
      ctx,
      resolveChannel(ctx.state, ctx.self.id, params.channel),
      ctx.self.id,
      params.users.map((user) => resolveUser(ctx.state, ctx.self.id, user)),
    )
  ),
  "channels.editBanned": loggedIn((ctx, params) =>
    editBanned(ctx, resolveChannel(ctx.state, ctx.self.id, params.channel), {
      actorId: ctx.self.id,
      userId: participantUserId(
        resolvePeer(ctx.state, ctx.self.id, params.participant),
      ),
      rights: params.bannedRights as tl.RawChatBannedRights,
    })
  ),
  "channels.editAdmin": loggedIn((ctx, params) =>
    editAdmin(ctx, resolveChannel(ctx.state, ctx.self.id, params.channel), {
      actorId: ctx.self.id,
      userId: resolveUser(ctx.state, ctx.self.id, params.userId),
      rights: params.adminRights as tl.RawChatAdminRights,
      rank: params.rank,
    })
  ),
  "channels.deleteParticipantHistory": usersOnly((ctx, params) =>
    deleteParticipantHistory(
      ctx,
      resolveChannel(ctx.state, ctx.self.id, params.channel),
      {
        actorId: ctx.self.id,
        userId: participantUserId(
          resolvePeer(ctx.state, ctx.self.id, params.participant),
        ),
      },
    )
  ),
  "messages.addChatUser": usersOnly((ctx, params) =>
    addChatMembers(ctx, memberGroup(ctx, params.chatId), ctx.self.id, [
      resolveUser(ctx.state, ctx.self.id, params.userId),
    ])
  ),
  "messages.deleteChatUser": loggedIn((ctx, params) =>
    removeGroupMember(ctx, memberGroup(ctx, params.chatId), {
      actorId: ctx.self.id,
      userId: resolveUser(ctx.state, ctx.self.id, params.userId),
      revokeHistory: params.revokeHistory,
    })
  ),
  "messages.editChatAdmin": usersOnly((ctx, params) =>
    editChatAdmin(ctx, memberGroup(ctx, params.chatId), {
      actorId: ctx.self.id,
      userId: resolveUser(ctx.state, ctx.self.id, params.userId),
      isAdmin: params.isAdmin,
    })
  ),
};
