/**
 * How members' standings look (core.telegram.org/api/rights): admin rights
 * (`chatAdminRights`), banned rights (`chatBannedRights`, whose flags say
 * what is forbidden; `view_messages` bars the user from the chat), and the
 * participant objects of supergroups, channels and basic groups. Changes
 * are in `members.ts`.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Chat, ChatBan, ChatMember } from "./chats.ts";
import { now } from "./emit.ts";
import type { MessageContent } from "./mailboxes.ts";

/** One admin right, as `chatAdminRights` names it. */
export type AdminRight = Exclude<keyof tl.RawChatAdminRights, "_">;

/** Telegram keeps an `until_date` only 30 s to 366 days ahead; anything else means forever. */
const MIN_UNTIL_SECONDS = 30;
const MAX_UNTIL_SECONDS = 366 * 24 * 60 * 60;

/** What the control API shows for a user's standing in a chat. */
export type MemberStatus =
  | "creator"
  | "administrator"
  | "member"
  | "restricted"
  | "banned";

/** An `until_date` as Telegram keeps it: 0 (forever) unless 30 s to 366 days from `at`. */
export function normalizedUntil(untilDate: number, at = now()): number {
  const ahead = untilDate - at;
  return ahead < MIN_UNTIL_SECONDS || ahead > MAX_UNTIL_SECONDS ? 0 : untilDate;
}

/** Whether banned rights still apply at `at`: a passed `until_date` lifts them. */
export function inForce(rights: tl.RawChatBannedRights, at = now()): boolean {
  return rights.untilDate === 0 || rights.untilDate > at;
}

/** Whether a `chatBannedRights` forbids anything (one that forbids nothing lifts a ban or restriction). */
export function forbidsAnything(rights: tl.RawChatBannedRights): boolean {
  return Object.entries(rights).some(([key, value]) =>
    key !== "_" && key !== "untilDate" && value === true
  );
}

/** Whether a `chatAdminRights` grants anything (one that grants nothing dismisses an admin). */
export function grantsAnything(rights: tl.RawChatAdminRights): boolean {
  return Object.entries(rights).some(([key, value]) =>
    key !== "_" && value === true
  );
}

/** Every admin right that applies to the chat's type: what its creator holds. */
export function fullAdminRights(chat: Chat): tl.RawChatAdminRights {
  const broadcast = chat.type === "channel";
  return {
    _: "chatAdminRights",
    changeInfo: true,
    postMessages: broadcast || undefined,
    editMessages: broadcast || undefined,
    deleteMessages: true,
    banUsers: true,
    inviteUsers: true,
    pinMessages: true,
    addAdmins: true,
    manageCall: true,
    other: true,
    // Topics exist only in supergroups, where the owner and full admins manage them.
    manageTopics: chat.type === "supergroup" || undefined,
  };
}

/** The rights of admins made without a choice of rights (bots added to channels at creation): all but appointing admins. */
export function defaultAdminRights(chat: Chat): tl.RawChatAdminRights {
  return { ...fullAdminRights(chat), addAdmins: undefined };
}

/** The rights `member` holds as the chat's creator or one of its admins. */
export function adminRightsOf(
  chat: Chat,
  member: ChatMember | undefined,
): tl.RawChatAdminRights | undefined {
  if (member?.role === "creator") return fullAdminRights(chat);
  if (member?.role === "admin") {
    return member.adminRights ?? defaultAdminRights(chat);
  }
  return undefined;
}

/** Whether `userId` holds `right` in `chat` (its creator holds them all). */
export function hasAdminRight(
  chat: Chat,
  userId: number,
  right: AdminRight,
): boolean {
  return adminRightsOf(chat, chat.members.get(userId))?.[right] === true;
}

/** The ban or restriction of a non-member that is still in force. */
export function activeBan(chat: Chat, userId: number): ChatBan | undefined {
  const ban = chat.banned.get(userId);
  return ban && inForce(ban.rights) ? ban : undefined;
}

/** Whether `userId` is banned from `chat` (removed and barred from coming back). */
export function isBarred(chat: Chat, userId: number): boolean {
  return activeBan(chat, userId)?.rights.viewMessages === true;
}

/** The restriction of a member that is still in force. */
export function activeRestriction(
  member: ChatMember | undefined,
): ChatBan | undefined {
  const restriction = member?.restriction;
  return restriction && inForce(restriction.rights) ? restriction : undefined;
}

/** A ban or restriction as `channelParticipantBanned`; `left` when the user is not in the chat. */
export function banParticipant(
  ban: ChatBan,
  left: boolean,
): tl.RawChannelParticipantBanned {
  return {
    _: "channelParticipantBanned",
    left: left || undefined,
    peer: { _: "peerUser", userId: ban.userId },
    kickedBy: ban.kickedBy,
    date: ban.date,
    bannedRights: ban.rights,
  };
}

/** A supergroup's or channel's member as `viewerId` sees it: creator, admin, restricted (`channelParticipantBanned`), self or plain. */
export function toChannelParticipant(
  chat: Chat,
  member: ChatMember,
  viewerId: number,
): tl.TypeChannelParticipant {
  const { userId, date, inviterId, rank } = member;
  switch (member.role) {
    case "creator":
      return {
        _: "channelParticipantCreator",
        userId,
        adminRights: fullAdminRights(chat),
        rank,
      };
    case "admin": {
      const promotedBy = member.promotedBy ?? chat.creatorId;
      return {
        _: "channelParticipantAdmin",
        self: userId === viewerId || undefined,
        // the creator may edit every admin, others those they promoted
        canEdit: viewerId === chat.creatorId || viewerId === promotedBy ||
          undefined,
        userId,
        inviterId,
        promotedBy,
        date,
        adminRights: adminRightsOf(chat, member)!,
        rank,
      };
    }
    case "member": {
      const restriction = activeRestriction(member);
      if (restriction) return banParticipant(restriction, false);
      return userId === viewerId
        ? {
          _: "channelParticipantSelf",
          userId,
          inviterId: inviterId ?? chat.creatorId,
          date,
        }
        : { _: "channelParticipant", userId, date };
    }
  }
}

/** `userId`'s participant object in a supergroup or channel (a ban or restriction of a non-member has `left`); undefined for none. */
export function channelStanding(
  chat: Chat,
  userId: number,
  viewerId: number,
): tl.TypeChannelParticipant | undefined {
  const member = chat.members.get(userId);
  if (member) return toChannelParticipant(chat, member, viewerId);
  const ban = activeBan(chat, userId);
  return ban && banParticipant(ban, true);
}

/** A basic group's member as `chatParticipant`, `chatParticipantAdmin` or `chatParticipantCreator`. */
export function toChatParticipant(
  chat: Chat,
  member: ChatMember,
): tl.TypeChatParticipant {
  const { userId, date } = member;
  const inviterId = member.inviterId ?? chat.creatorId;
  switch (member.role) {
    case "creator":
      return { _: "chatParticipantCreator", userId };
    case "admin":
      return { _: "chatParticipantAdmin", userId, inviterId, date };
    case "member":
      return { _: "chatParticipant", userId, inviterId, date };
  }
}

/** `userId`'s standing in `chat` as the control API names it; undefined when the user is not there (never was, left or was unbanned). */
export function memberStatus(
  chat: Chat,
  userId: number,
): MemberStatus | undefined {
  const member = chat.members.get(userId);
  if (member?.role === "creator") return "creator";
  if (member?.role === "admin") return "administrator";
  if (member) return activeRestriction(member) ? "restricted" : "member";
  return isBarred(chat, userId) ? "banned" : undefined;
}

/**
 * Fails unless a member's restriction lets it send `contents` (service
 * messages aside): `send_messages` forbids everything
 * (`CHAT_WRITE_FORBIDDEN`), `send_plain` texts (`CHAT_SEND_PLAIN_FORBIDDEN`),
 * `send_media` media (`CHAT_SEND_MEDIA_FORBIDDEN`).
 */
export function requireSendRights(
  chat: Chat,
  senderId: number,
  contents: MessageContent[],
): void {
  const rights = activeRestriction(chat.members.get(senderId))?.rights;
  if (!rights) return;
  for (const content of contents) {
    if (content.action) continue;
    if (rights.sendMessages) throw new RpcFailure(403, "CHAT_WRITE_FORBIDDEN");
    if (content.media && rights.sendMedia) {
      throw new RpcFailure(403, "CHAT_SEND_MEDIA_FORBIDDEN");
    }
    if (!content.media && rights.sendPlain) {
      throw new RpcFailure(403, "CHAT_SEND_PLAIN_FORBIDDEN");
    }
  }
}
