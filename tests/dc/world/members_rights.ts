/**
 * Members' rights (core.telegram.org/api/rights): banning, restricting and
 * unbanning in supergroups and channels (`channels.editBanned`), appointing
 * and dismissing admins (`channels.editAdmin`, `messages.editChatAdmin`),
 * and deleting a member's messages (`channels.deleteParticipantHistory`).
 * Each change is reported as `members.ts` describes.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { deleteChannelMessages } from "./channels.ts";
import type { Chat } from "./chats.ts";
import type { DeliveryContext } from "./emit.ts";
import { now } from "./emit.ts";
import {
  changeResult,
  postServiceMessage,
  reportStandingChange,
  standingOf,
} from "./members.ts";
import {
  type AdminRight,
  adminRightsOf,
  forbidsAnything,
  grantsAnything,
  hasAdminRight,
  normalizedUntil,
} from "./members_view.ts";

/** Telegram's limit on an admin's custom title. */
const MAX_RANK_LENGTH = 16;

/** A `channels.editBanned` call: `actorId` sets `userId`'s banned rights in a supergroup or channel. */
export interface BanChange {
  actorId: number;
  userId: number;
  rights: tl.RawChatBannedRights;
}

/** Fails unless `actorId` is the creator or an admin with `right` (`CHAT_ADMIN_REQUIRED`). */
function requireRight(chat: Chat, actorId: number, right: AdminRight): void {
  if (!chat.members.has(actorId)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
  if (!hasAdminRight(chat, actorId, right)) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
}

/**
 * `channels.editBanned`: `view_messages` bans (a member is removed, with
 * `messageActionChatDeleteUser` in supergroups), other flags restrict (a
 * member stays; a non-member is restricted should it join), no flag lifts
 * both. Needs `ban_users`; the creator and admins cannot be banned
 * (`USER_ADMIN_INVALID`). Until dates outside 30 s–366 days mean forever.
 */
export function editBanned(
  ctx: DeliveryContext,
  chat: Chat,
  change: BanChange,
): tl.RawUpdates {
  const { actorId, userId } = change;
  requireRight(chat, actorId, "banUsers");
  ctx.state.accounts.require(userId);
  const member = chat.members.get(userId);
  if (member && member.role !== "member") {
    throw new RpcFailure(400, "USER_ADMIN_INVALID");
  }
  const rights: tl.RawChatBannedRights = {
    ...change.rights,
    untilDate: normalizedUntil(change.rights.untilDate),
  };
  const before = standingOf(chat, userId);
  const ban = {
    userId,
    rights,
    kickedBy: actorId,
    date: member?.date ?? now(),
  };
  let posted: tl.RawUpdates | undefined;
  if (!forbidsAnything(rights)) {
    chat.banned.delete(userId);
    if (member?.restriction) {
      chat.members.set(userId, { ...member, restriction: undefined });
    }
  } else if (!rights.viewMessages && member) {
    chat.members.set(userId, { ...member, restriction: ban });
  } else {
    if (member) {
      posted = postServiceMessage(ctx, chat, actorId, {
        _: "messageActionChatDeleteUser",
        userId,
      });
      chat.members.delete(userId);
    }
    chat.banned.set(userId, ban);
  }
  reportStandingChange(ctx, { chat, actorId, userId, before });
  return changeResult(ctx, chat, actorId, posted);
}

/** Fails unless `actorId` may set `userId`'s admin rights to `rights`. */
function requirePromoter(
  chat: Chat,
  actorId: number,
  userId: number,
  rights: tl.RawChatAdminRights,
): void {
  requireRight(chat, actorId, "addAdmins");
  const target = chat.members.get(userId);
  // nobody but the creator edits the creator's rights
  if (target?.role === "creator") throw new RpcFailure(400, "USER_CREATOR");
  if (actorId === chat.creatorId) return;
  if (
    target?.role === "admin" &&
    (target.promotedBy ?? chat.creatorId) !== actorId
  ) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
  const own = adminRightsOf(chat, chat.members.get(actorId))!;
  const exceeding = Object.entries(rights).some(([key, value]) =>
    key !== "_" && value === true && own[key as AdminRight] !== true
  );
  if (exceeding) throw new RpcFailure(403, "RIGHT_FORBIDDEN");
}

/**
 * `channels.editAdmin`: rights that grant something appoint or change an
 * admin (promoting lifts a restriction; a non-member is added, which takes
 * `invite_users`, else `CHAT_ADMIN_INVITE_REQUIRED`), none dismisses one.
 * Needs `add_admins`; others than the creator grant only rights they hold
 * (`RIGHT_FORBIDDEN`) and edit only admins they appointed. `rank` is the
 * custom title (at most 16 characters, `ADMIN_RANK_INVALID`); left out, it
 * stays.
 */
export function editAdmin(
  ctx: DeliveryContext,
  chat: Chat,
  change: {
    actorId: number;
    userId: number;
    rights: tl.RawChatAdminRights;
    rank?: string;
  },
): tl.RawUpdates {
  const { actorId, userId, rights, rank } = change;
  requirePromoter(chat, actorId, userId, rights);
  if (rank !== undefined && [...rank].length > MAX_RANK_LENGTH) {
    throw new RpcFailure(400, "ADMIN_RANK_INVALID");
  }
  ctx.state.accounts.require(userId);
  const member = chat.members.get(userId);
  const promoting = grantsAnything(rights);
  if (!member && !promoting) throw new RpcFailure(400, "USER_NOT_PARTICIPANT");
  if (!member && !hasAdminRight(chat, actorId, "inviteUsers")) {
    throw new RpcFailure(403, "CHAT_ADMIN_INVITE_REQUIRED");
  }
  const before = standingOf(chat, userId);
  const base = member ?? {
    userId,
    role: "member" as const,
    date: now(),
    inviterId: actorId,
  };
  chat.banned.delete(userId);
  chat.members.set(
    userId,
    promoting
      ? {
        ...base,
        role: "admin",
        adminRights: { ...rights },
        promotedBy: actorId,
        rank: rank ?? base.rank,
        restriction: undefined,
      }
      : {
        ...base,
        role: "member",
        adminRights: undefined,
        promotedBy: undefined,
        rank: undefined,
      },
  );
  reportStandingChange(ctx, { chat, actorId, userId, before });
  return changeResult(ctx, chat, actorId);
}

/** `messages.editChatAdmin`: the creator of a basic group makes a member an admin or a member again. */
export function editChatAdmin(
  ctx: DeliveryContext,
  chat: Chat,
  change: { actorId: number; userId: number; isAdmin: boolean },
): boolean {
  const { actorId, userId, isAdmin } = change;
  if (actorId !== chat.creatorId) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
  const member = chat.members.get(userId);
  if (!member) throw new RpcFailure(400, "USER_NOT_PARTICIPANT");
  if (member.role === "creator") return true;
  const before = standingOf(chat, userId);
  chat.members.set(userId, { ...member, role: isAdmin ? "admin" : "member" });
  reportStandingChange(ctx, { chat, actorId, userId, before });
  return true;
}

/** `channels.deleteParticipantHistory`: an admin with `delete_messages` deletes every message `userId` sent to a supergroup. */
export function deleteParticipantHistory(
  ctx: DeliveryContext,
  chat: Chat,
  options: { actorId: number; userId: number },
): tl.messages.RawAffectedHistory {
  requireRight(chat, options.actorId, "deleteMessages");
  const ids = ctx.state.mailboxes.chat(chat.key, chat.key).filter((message) =>
    message.senderId === options.userId && !message.post
  ).map((message) => message.id);
  const affected = deleteChannelMessages(ctx, {
    deleterId: options.actorId,
    chat,
    ids,
  });
  return {
    _: "messages.affectedHistory",
    pts: affected.pts,
    ptsCount: affected.ptsCount,
    offset: 0,
  };
}
