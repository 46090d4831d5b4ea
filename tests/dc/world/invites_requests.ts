/**
 * Joining by invite link and join requests (core.telegram.org/api/invites):
 *
 * - a usable link lets a user in at once (`messageActionChatJoinedByLink`
 *   from the user, the link on the bots' participant update), or, when it
 *   has `request_needed`, files a request and fails `INVITE_REQUEST_SENT`;
 *   so does `channels.joinChannel` in a public supergroup with join
 *   requests on (`channel.join_request`);
 * - each request reaches the chat's admins who may invite users: bots as
 *   the qts update `updateBotChatInviteRequester`, users as
 *   `updatePendingJoinRequests` (the count and the latest requesters);
 * - an admin approves (the user joins, `messageActionChatJoinedByRequest`,
 *   the admin the participant update's actor) or dismisses each request.
 *
 * Exporting, listing and editing links is in `invites_links.ts`.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type Chat, isChannel } from "./chats.ts";
import { announceChange, requireMember } from "./chat_edits.ts";
import { type DeliveryContext, now } from "./emit.ts";
import {
  hashOfLink,
  invitesOf,
  type PendingRequest,
  requestInvite,
  requireUsableInvite,
  type StoredInvite,
  toTlInvite,
} from "./invites.ts";
import { changeResult, joinChat } from "./members.ts";
import { hasAdminRight } from "./members_view.ts";
import { emitQts } from "./qts.ts";

/** How many of the latest requesters `updatePendingJoinRequests` names. */
const RECENT_REQUESTERS = 3;

/** Fails unless `userId` is an admin of `chat` who may invite users (`CHAT_ADMIN_REQUIRED`; non-members `CHANNEL_PRIVATE`). */
export function requireInviteAdmin(chat: Chat, userId: number): void {
  requireMember(chat, userId);
  if (!hasAdminRight(chat, userId, "inviteUsers")) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
}

/** The chat's admins who may invite users, bots and users apart. */
function inviteAdmins(
  ctx: DeliveryContext,
  chat: Chat,
): { bots: number[]; users: number[] } {
  const admins = [...chat.members.keys()].filter((id) =>
    hasAdminRight(chat, id, "inviteUsers")
  );
  const isBot = (id: number) => ctx.state.accounts.get(id)?.kind === "bot";
  return {
    bots: admins.filter(isBot),
    users: admins.filter((id) => !isBot(id)),
  };
}

/** `updatePendingJoinRequests` as the chat's requests stand now. */
function pendingUpdate(
  ctx: DeliveryContext,
  chat: Chat,
): tl.RawUpdatePendingJoinRequests {
  const requests = invitesOf(ctx.state).requests(chat.key);
  return {
    _: "updatePendingJoinRequests",
    peer: chatPeer(chat),
    requestsPending: requests.length,
    recentRequesters: requests.slice(-RECENT_REQUESTERS).reverse().map((
      request,
    ) => request.userId),
  };
}

function chatPeer(chat: Chat): tl.TypePeer {
  return isChannel(chat)
    ? { _: "peerChannel", channelId: chat.id }
    : { _: "peerChat", chatId: chat.id };
}

/** Tells the chat's user admins how many requests are pending now (the caller's session gets it in its result instead). */
function announcePending(ctx: DeliveryContext, chat: Chat): void {
  const update = pendingUpdate(ctx, chat);
  const requests = invitesOf(ctx.state).requests(chat.key);
  for (const adminId of inviteAdmins(ctx, chat).users) {
    ctx.sessions.push(adminId, {
      _: "updates",
      updates: [update],
      users: ctx.state.users(
        [adminId, ...requests.map((request) => request.userId)],
        adminId,
      ),
      chats: ctx.state.chatObjects([chat.key], adminId),
      date: now(),
      seq: 0,
    }, ctx.caller);
  }
}

/** Files `userId`'s request to join `chat` (by `invite`, or a public supergroup's own) and tells the admins. */
export function fileJoinRequest(
  ctx: DeliveryContext,
  chat: Chat,
  userId: number,
  invite?: StoredInvite,
): void {
  const { state } = ctx;
  const account = state.accounts.require(userId);
  if (account.kind === "bot") throw new RpcFailure(400, "USER_BOT");
  if (chat.members.has(userId)) {
    throw new RpcFailure(400, "USER_ALREADY_PARTICIPANT");
  }
  const request: PendingRequest = { userId, date: now(), hash: invite?.hash };
  invitesOf(state).addRequest(chat.key, request);
  const tlInvite = requestInvite(state, request);
  for (const botId of inviteAdmins(ctx, chat).bots) {
    emitQts(ctx, botId, {
      userIds: [userId, ...invite ? [invite.adminId] : []],
      chatKeys: [chat.key],
      build: (qts): tl.RawUpdateBotChatInviteRequester => ({
        _: "updateBotChatInviteRequester",
        peer: chatPeer(chat),
        date: request.date,
        userId,
        about: account.about ?? "",
        invite: tlInvite,
        qts,
      }),
    });
  }
  announcePending(ctx, chat);
}

/**
 * `channels.joinChannel` in a public supergroup with join requests on:
 * files a request and fails `INVITE_REQUEST_SENT`, as Telegram does;
 * anywhere else nothing happens and the user joins.
 */
export function requestInsteadOfJoining(
  ctx: DeliveryContext,
  chat: Chat,
  userId: number,
): void {
  if (
    !invitesOf(ctx.state).joinRequestsEnabled(chat.key) ||
    chat.members.has(userId)
  ) return;
  fileJoinRequest(ctx, chat, userId);
  throw new RpcFailure(400, "INVITE_REQUEST_SENT");
}

/** `messages.importChatInvite`: `userId` joins by the link, or asks to when the link requires approval (`INVITE_REQUEST_SENT`). */
export function importInvite(
  ctx: DeliveryContext,
  hash: string,
  userId: number,
): tl.RawUpdates {
  const { invite, chat } = requireUsableInvite(ctx.state, hash);
  if (chat.members.has(userId)) {
    throw new RpcFailure(400, "USER_ALREADY_PARTICIPANT");
  }
  if (invite.requestNeeded) {
    fileJoinRequest(ctx, chat, userId, invite);
    throw new RpcFailure(400, "INVITE_REQUEST_SENT");
  }
  const result = joinChat(ctx, chat, userId, {
    actorId: userId,
    inviterId: invite.adminId,
    action: { _: "messageActionChatJoinedByLink", inviterId: invite.adminId },
    invite: toTlInvite(ctx.state, invite),
  });
  invite.importers.push({ userId, date: now() });
  return result;
}

/** Lets the requester in (the admin `actorId` its inviter) and forgets the request. */
function approve(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  request: PendingRequest,
): void {
  const invites = invitesOf(ctx.state);
  // every session gets the service message as a push: the caller is the admin, not the one who joins
  joinChat({ ...ctx, caller: undefined }, chat, request.userId, {
    actorId,
    inviterId: actorId,
    action: { _: "messageActionChatJoinedByRequest" },
    invite: requestInvite(ctx.state, request),
  });
  invites.removeRequest(chat.key, request.userId);
  const invite = request.hash === undefined
    ? undefined
    : invites.byHash(request.hash);
  invite?.importers.push({
    userId: request.userId,
    date: now(),
    approvedBy: actorId,
  });
}

/** The admin's answer to handling requests: the chat as it is now, and the pending count for user admins. */
function handledResult(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
): tl.RawUpdates {
  announcePending(ctx, chat);
  const result = changeResult(ctx, chat, actorId);
  const isUser = ctx.state.accounts.get(actorId)?.kind === "user";
  return isUser
    ? { ...result, updates: [...result.updates, pendingUpdate(ctx, chat)] }
    : result;
}

/** `messages.hideChatJoinRequest`: the admin `actorId` approves or dismisses `userId`'s request (`HIDE_REQUESTER_MISSING` if there is none). */
export function hideJoinRequest(
  ctx: DeliveryContext,
  chat: Chat,
  options: { actorId: number; userId: number; approved: boolean },
): tl.RawUpdates {
  const { actorId, userId, approved } = options;
  requireInviteAdmin(chat, actorId);
  const invites = invitesOf(ctx.state);
  const request = invites.request(chat.key, userId);
  if (!request) throw new RpcFailure(400, "HIDE_REQUESTER_MISSING");
  if (approved) approve(ctx, chat, actorId, request);
  else invites.removeRequest(chat.key, userId);
  return handledResult(ctx, chat, actorId);
}

/**
 * `messages.hideAllChatJoinRequests`: every request (those made by `link`
 * only, if given) approved or dismissed. A requester who can no longer
 * join (banned meanwhile) is dismissed.
 */
export function hideAllJoinRequests(
  ctx: DeliveryContext,
  chat: Chat,
  options: { actorId: number; approved: boolean; link?: string },
): tl.RawUpdates {
  const { actorId, approved, link } = options;
  requireInviteAdmin(chat, actorId);
  const invites = invitesOf(ctx.state);
  const hash = link === undefined ? undefined : hashOfLink(link);
  const handled = invites.requests(chat.key).filter((request) =>
    hash === undefined || request.hash === hash
  );
  if (handled.length === 0) throw new RpcFailure(400, "HIDE_REQUESTER_MISSING");
  for (const request of handled) {
    try {
      if (approved) approve(ctx, chat, actorId, request);
    } catch (error) {
      if (!(error instanceof RpcFailure)) throw error;
    }
    invites.removeRequest(chat.key, request.userId);
  }
  return handledResult(ctx, chat, actorId);
}

/**
 * `channels.toggleJoinRequest`: whether users joining a public supergroup
 * directly must be approved. Broadcast channels have no such setting
 * (`CHANNEL_INVALID`), private supergroups use links that require approval
 * instead (`CHAT_PUBLIC_REQUIRED`); it takes the right to restrict members,
 * as tdlib's toggleSupergroupJoinByRequest documents.
 */
export function toggleJoinRequests(
  ctx: DeliveryContext,
  chat: Chat,
  options: { actorId: number; enabled: boolean },
): tl.RawUpdates {
  const { actorId, enabled } = options;
  requireMember(chat, actorId);
  if (chat.type !== "supergroup") throw new RpcFailure(400, "CHANNEL_INVALID");
  if (!hasAdminRight(chat, actorId, "banUsers")) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
  if (chat.username === undefined) {
    throw new RpcFailure(400, "CHAT_PUBLIC_REQUIRED");
  }
  const invites = invitesOf(ctx.state);
  if (invites.joinRequestsEnabled(chat.key) === enabled) {
    throw new RpcFailure(400, "CHAT_NOT_MODIFIED");
  }
  invites.setJoinRequests(chat.key, enabled);
  return announceChange(ctx, chat, actorId);
}
