/**
 * Who is in a chat (core.telegram.org/api/channel, /api/invites): joining,
 * adding, leaving and removing members. Rights (bans, restrictions, admins)
 * are changed in `members_rights.ts`; both report each change the way
 * Telegram does:
 *
 * - in groups and supergroups a service message
 *   (`messageActionChatAddUser`, `messageActionChatJoinedByLink`,
 *   `messageActionChatDeleteUser`) from whoever made the change, like any
 *   message (broadcast channels show none);
 * - the affected account of a supergroup or channel gets `updateChannel`,
 *   with the channel as it now sees it;
 * - the bots concerned get the qts update `updateChannelParticipant` (or
 *   `updateChatParticipant` in basic groups) with the old and new
 *   participant: the chat's bot admins, and the affected bot itself.
 *   There is no opt-in (the Bot API's `allowed_updates` is not modelled).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import {
  type Chat,
  type ChatBan,
  type ChatMember,
  isChannel,
} from "./chats.ts";
import { deleteMessages, sendMessages } from "./delivery.ts";
import { type DeliveryContext, now } from "./emit.ts";
import {
  activeBan,
  banParticipant,
  hasAdminRight,
  isBarred,
  toChannelParticipant,
  toChatParticipant,
} from "./members_view.ts";
import { peerKind } from "./peer_keys.ts";
import { emitQts } from "./qts.ts";

/** A user's standing before or after a change: its membership and its ban, both immutable records. */
export interface Standing {
  member?: ChatMember;
  ban?: ChatBan;
}

/** `userId`'s standing in `chat` now. */
export function standingOf(chat: Chat, userId: number): Standing {
  return { member: chat.members.get(userId), ban: activeBan(chat, userId) };
}

/** A standing as the participant object `viewerId` is shown: none when the user is not there, `channelParticipantLeft` when a ban was lifted. */
function participantOf(
  chat: Chat,
  standing: Standing,
  viewerId: number,
  userId: number,
  wasBanned: boolean,
): tl.TypeChannelParticipant | tl.TypeChatParticipant | undefined {
  const { member, ban } = standing;
  if (!isChannel(chat)) return member && toChatParticipant(chat, member);
  if (member) return toChannelParticipant(chat, member, viewerId);
  if (ban) return banParticipant(ban, true);
  return wasBanned
    ? { _: "channelParticipantLeft", peer: { _: "peerUser", userId } }
    : undefined;
}

/** The bots told about a change of `userId`'s standing: the chat's bot admins, and `userId` if it is a bot. */
function botsConcerned(
  ctx: DeliveryContext,
  chat: Chat,
  userId: number,
): number[] {
  const isBot = (id: number) => ctx.state.accounts.get(id)?.kind === "bot";
  const admins = [...chat.members.values()].filter((member) =>
    member.role !== "member" && isBot(member.userId)
  ).map((member) => member.userId);
  return [...new Set([...(isBot(userId) ? [userId] : []), ...admins])];
}

/**
 * Reports a change of `userId`'s standing made by `actorId` (from `before`
 * to what the chat holds now): `updateChannel` to the affected account of a
 * supergroup or channel, and the participant update to the bots concerned.
 */
export function reportStandingChange(
  ctx: DeliveryContext,
  change: {
    chat: Chat;
    actorId: number;
    userId: number;
    before: Standing;
    /** The invite link the user came by (set on the participant update). */
    invite?: tl.TypeExportedChatInvite;
  },
): void {
  const { chat, actorId, userId, before, invite } = change;
  const linkAdminIds = invite?._ === "chatInviteExported"
    ? [invite.adminId]
    : [];
  const after = standingOf(chat, userId);
  if (before.member === after.member && before.ban === after.ban) return;
  const date = now();
  const wasBanned = before.ban !== undefined;
  if (isChannel(chat)) {
    ctx.sessions.push(userId, {
      _: "updates",
      updates: [{ _: "updateChannel", channelId: chat.id }],
      users: ctx.state.users([userId], userId),
      chats: ctx.state.chatObjects([chat.key], userId),
      date,
      seq: 0,
    });
  }
  for (const botId of botsConcerned(ctx, chat, userId)) {
    const prev = participantOf(chat, before, botId, userId, false);
    const next = participantOf(chat, after, botId, userId, wasBanned);
    emitQts(ctx, botId, {
      userIds: [actorId, userId, ...linkAdminIds],
      chatKeys: [chat.key],
      build: (qts): tl.TypeUpdate =>
        isChannel(chat)
          ? {
            _: "updateChannelParticipant",
            channelId: chat.id,
            date,
            actorId,
            userId,
            prevParticipant: prev as tl.TypeChannelParticipant | undefined,
            newParticipant: next as tl.TypeChannelParticipant | undefined,
            invite,
            qts,
          }
          : {
            _: "updateChatParticipant",
            chatId: chat.id,
            date,
            actorId,
            userId,
            prevParticipant: prev as tl.TypeChatParticipant | undefined,
            newParticipant: next as tl.TypeChatParticipant | undefined,
            invite,
            qts,
          },
    });
  }
}

/** Posts a service message from `senderId` in a group or supergroup; undefined in broadcast channels, which show none. */
export function postServiceMessage(
  ctx: DeliveryContext,
  chat: Chat,
  senderId: number,
  action: tl.TypeMessageAction,
): tl.RawUpdates | undefined {
  if (chat.type === "channel") return undefined;
  return sendMessages(ctx, {
    senderId,
    peerId: chat.key,
    messages: [{ content: { text: "", action } }],
  });
}

/** The `updates` a change answers when no service message carries it: `updateChannel` for channels, nothing for groups. */
export function changeResult(
  ctx: DeliveryContext,
  chat: Chat,
  viewerId: number,
  posted?: tl.RawUpdates,
): tl.RawUpdates {
  const updates: tl.TypeUpdate[] = isChannel(chat)
    ? [{ _: "updateChannel", channelId: chat.id }]
    : [];
  return {
    _: "updates",
    updates: [...updates, ...posted?.updates ?? []],
    users: posted?.users ?? ctx.state.users([viewerId], viewerId),
    chats: ctx.state.chatObjects([chat.key], viewerId),
    date: posted?.date ?? now(),
    seq: posted?.seq ?? 0,
  };
}

/** Makes `userId` a member: a restriction it had as a non-member carries over, a ban (lifted by whoever adds it back) does not. */
function admit(chat: Chat, userId: number, inviterId: number): void {
  const ban = activeBan(chat, userId);
  const restriction = ban?.rights.viewMessages ? undefined : ban;
  chat.banned.delete(userId);
  chat.members.set(userId, {
    userId,
    role: "member",
    date: now(),
    inviterId,
    restriction,
  });
}

/** Fails unless `userId` may be in `chat`: bots only as admins in broadcast channels (`USER_BOT`), banned users not (`USER_KICKED`). */
function requireAdmissible(
  ctx: DeliveryContext,
  chat: Chat,
  userId: number,
): void {
  const account = ctx.state.accounts.require(userId);
  if (chat.type === "channel" && account.kind === "bot") {
    throw new RpcFailure(400, "USER_BOT");
  }
  if (isBarred(chat, userId)) throw new RpcFailure(400, "USER_KICKED");
}

/**
 * How a user comes into a chat other than on its own (core.telegram.org/api/invites):
 * by an invite link, or let in by the admin who approved its join request.
 */
export interface Admission {
  /** Who the bots' participant update names as the actor: the user itself for a link, the approving admin for a request. */
  actorId: number;
  /** Who the member record names as the one who invited it. */
  inviterId: number;
  /** The service message the joining user posts (`messageActionChatJoinedByLink`, `messageActionChatJoinedByRequest`). */
  action: tl.TypeMessageAction;
  /** The link it came by, as the bots' participant update names it. */
  invite?: tl.TypeExportedChatInvite;
}

/** Joining by itself: `channels.joinChannel`, or a basic group as by its creator's invite link. */
function selfAdmission(chat: Chat, userId: number): Admission {
  return isChannel(chat)
    ? {
      actorId: userId,
      inviterId: userId,
      action: { _: "messageActionChatAddUser", users: [userId] },
    }
    : {
      actorId: userId,
      inviterId: chat.creatorId,
      action: { _: "messageActionChatJoinedByLink", inviterId: chat.creatorId },
    };
}

/**
 * `userId` joins `chat`, by itself (`channels.joinChannel`; a basic group as
 * by an invite link) or as `admission` says; returns the joining user's
 * `updates`. Users banned from a channel cannot (`CHANNEL_PRIVATE`),
 * members need not (`USER_ALREADY_PARTICIPANT`).
 */
export function joinChat(
  ctx: DeliveryContext,
  chat: Chat,
  userId: number,
  admission: Admission = selfAdmission(chat, userId),
): tl.RawUpdates {
  if (chat.members.has(userId)) {
    throw new RpcFailure(400, "USER_ALREADY_PARTICIPANT");
  }
  if (isBarred(chat, userId)) throw new RpcFailure(406, "CHANNEL_PRIVATE");
  requireAdmissible(ctx, chat, userId);
  const before = standingOf(chat, userId);
  admit(chat, userId, admission.inviterId);
  const posted = postServiceMessage(ctx, chat, userId, admission.action);
  reportStandingChange(ctx, {
    chat,
    actorId: admission.actorId,
    userId,
    before,
    invite: admission.invite,
  });
  return changeResult(ctx, chat, userId, posted);
}

/**
 * `inviterId` adds users (`channels.inviteToChannel`, or one at a time
 * `messages.addChatUser`): members may add to groups and supergroups, only
 * admins with `invite_users` to broadcast channels (`CHAT_ADMIN_REQUIRED`).
 * Members are skipped in channels and refused in basic groups
 * (`USER_ALREADY_PARTICIPANT`); admins who may ban add banned users back.
 * Privacy settings are not modelled, so nobody is a missing invitee.
 */
export function addChatMembers(
  ctx: DeliveryContext,
  chat: Chat,
  inviterId: number,
  userIds: number[],
): tl.messages.RawInvitedUsers {
  if (!chat.members.has(inviterId)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
  const mayInvite = chat.type !== "channel" ||
    hasAdminRight(chat, inviterId, "inviteUsers");
  if (!mayInvite) throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  const mayUnban = hasAdminRight(chat, inviterId, "banUsers");
  const added = [...new Set(userIds)].filter((userId) => {
    if (!chat.members.has(userId)) return true;
    if (isChannel(chat)) return false;
    throw new RpcFailure(400, "USER_ALREADY_PARTICIPANT");
  });
  for (const userId of added) {
    if (!(mayUnban && isBarred(chat, userId))) {
      requireAdmissible(ctx, chat, userId);
    }
  }
  const befores = added.map((userId) => standingOf(chat, userId));
  for (const userId of added) admit(chat, userId, inviterId);
  const posted = added.length
    ? postServiceMessage(ctx, chat, inviterId, {
      _: "messageActionChatAddUser",
      users: added,
    })
    : undefined;
  added.forEach((userId, index) =>
    reportStandingChange(ctx, {
      chat,
      actorId: inviterId,
      userId,
      before: befores[index],
    })
  );
  return {
    _: "messages.invitedUsers",
    updates: changeResult(ctx, chat, inviterId, posted),
    missingInvitees: [],
  };
}

/** Whether `actorId` may remove `userId` from a basic group: itself, or as its creator, an admin (not of admins) or the one who added it. */
function mayRemoveFromGroup(
  chat: Chat,
  actorId: number,
  target: ChatMember,
): boolean {
  if (target.userId === actorId || actorId === chat.creatorId) return true;
  if (target.role !== "member") return false;
  return chat.members.get(actorId)?.role === "admin" ||
    target.inviterId === actorId;
}

/**
 * `actorId` removes `userId` from a basic group, or `userId` leaves it
 * (`messages.deleteChatUser`): `messageActionChatDeleteUser` is posted
 * first, so the removed member sees it too; `revokeHistory` deletes the
 * member's messages from every box.
 */
export function removeGroupMember(
  ctx: DeliveryContext,
  chat: Chat,
  options: { actorId: number; userId: number; revokeHistory?: boolean },
): tl.RawUpdates {
  const { actorId, userId } = options;
  const target = chat.members.get(userId);
  if (!target) throw new RpcFailure(400, "USER_NOT_PARTICIPANT");
  if (!mayRemoveFromGroup(chat, actorId, target)) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
  if (options.revokeHistory) {
    const own = ctx.state.mailboxes.chat(userId, chat.key).filter((message) =>
      message.senderId === userId && !message.action
    );
    deleteMessages({ ...ctx, caller: undefined }, {
      ownerId: userId,
      ids: own.map((message) => message.id),
      revoke: true,
    });
  }
  const before = standingOf(chat, userId);
  const posted = postServiceMessage(ctx, chat, actorId, {
    _: "messageActionChatDeleteUser",
    userId,
  })!;
  chat.members.delete(userId);
  reportStandingChange(ctx, { chat, actorId, userId, before });
  return posted;
}

/**
 * `userId` leaves a supergroup or channel (`channels.leaveChannel`): its
 * creator cannot (`USER_CREATOR`); a restriction stays with the user.
 */
export function leaveChannel(
  ctx: DeliveryContext,
  chat: Chat,
  userId: number,
): tl.RawUpdates {
  const member = chat.members.get(userId);
  if (!member) throw new RpcFailure(400, "USER_NOT_PARTICIPANT");
  if (member.role === "creator") throw new RpcFailure(400, "USER_CREATOR");
  const before = standingOf(chat, userId);
  const posted = postServiceMessage(ctx, chat, userId, {
    _: "messageActionChatDeleteUser",
    userId,
  });
  chat.members.delete(userId);
  if (member.restriction) chat.banned.set(userId, member.restriction);
  reportStandingChange(ctx, { chat, actorId: userId, userId, before });
  return changeResult(ctx, chat, userId, posted);
}

/** `userId` leaves any chat: a basic group through `messages.deleteChatUser`, a supergroup or channel through `channels.leaveChannel`. */
export function leaveChat(
  ctx: DeliveryContext,
  chat: Chat,
  userId: number,
): tl.RawUpdates {
  if (isChannel(chat)) return leaveChannel(ctx, chat, userId);
  if (chat.members.get(userId)?.role === "creator") {
    throw new RpcFailure(400, "USER_CREATOR");
  }
  return removeGroupMember(ctx, chat, { actorId: userId, userId });
}

/** The user an `InputPeer` of a participant names (`PARTICIPANT_ID_INVALID` for chats). */
export function participantUserId(peerKey: number): number {
  if (peerKind(peerKey) !== "user") {
    throw new RpcFailure(400, "PARTICIPANT_ID_INVALID");
  }
  return peerKey;
}
