/** Invite links and join requests (see `invites.ts`, `invites_links.ts`, `invites_requests.ts`); bots may export and edit links and handle single requests, as Telegram lets them. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import type { Chat } from "../chats.ts";
import {
  checkInvite,
  deleteRevokedInvites,
  editInvite,
  exportInvite,
  listImporters,
  listInvites,
} from "../invites_links.ts";
import {
  hideAllJoinRequests,
  hideJoinRequest,
  importInvite,
  toggleJoinRequests,
} from "../invites_requests.ts";
import { peerKind } from "../peer_keys.ts";
import { resolveChannel, resolvePeer, resolveUser } from "../peers.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
  usersOnly,
} from "./types.ts";

/** The group or channel an `InputPeer` names; a private chat is `PEER_ID_INVALID`. */
function chatOf(ctx: AuthorizedContext, input: tl.TypeInputPeer): Chat {
  const key = resolvePeer(ctx.state, ctx.self.id, input);
  const chat = peerKind(key) === "user" ? undefined : ctx.state.chats.get(key);
  if (!chat) throw new RpcFailure(400, "PEER_ID_INVALID");
  return chat;
}

/** The admin an `InputUser` names. */
function adminOf(ctx: AuthorizedContext, input: tl.TypeInputUser): number {
  return resolveUser(ctx.state, ctx.self.id, input);
}

/** Handlers of invite links and join requests. */
export const invitesHandlers: HandlerTable = {
  "messages.exportChatInvite": loggedIn((ctx, params) =>
    exportInvite(ctx.state, chatOf(ctx, params.peer), {
      adminId: ctx.self.id,
      terms: {
        title: params.title,
        expireDate: params.expireDate,
        usageLimit: params.usageLimit,
        requestNeeded: params.requestNeeded,
      },
      revokePrevious: params.legacyRevokePermanent,
    })
  ),
  "messages.getExportedChatInvites": usersOnly((ctx, params) =>
    listInvites(ctx.state, chatOf(ctx, params.peer), {
      viewerId: ctx.self.id,
      adminId: adminOf(ctx, params.adminId),
      revoked: params.revoked ?? false,
      offsetLink: params.offsetLink,
      limit: params.limit,
    })
  ),
  "messages.editExportedChatInvite": loggedIn((ctx, params) =>
    editInvite(ctx.state, chatOf(ctx, params.peer), {
      viewerId: ctx.self.id,
      link: params.link,
      revoked: params.revoked,
      title: params.title,
      expireDate: params.expireDate,
      usageLimit: params.usageLimit,
      requestNeeded: params.requestNeeded,
    })
  ),
  "messages.deleteRevokedExportedChatInvites": usersOnly((ctx, params) =>
    deleteRevokedInvites(ctx.state, chatOf(ctx, params.peer), {
      viewerId: ctx.self.id,
      adminId: adminOf(ctx, params.adminId),
    })
  ),
  "messages.getChatInviteImporters": usersOnly((ctx, params) =>
    listImporters(ctx.state, chatOf(ctx, params.peer), {
      viewerId: ctx.self.id,
      requested: params.requested ?? false,
      link: params.link,
      q: params.q,
      offsetUser: params.offsetUser._ === "inputUserEmpty"
        ? undefined
        : adminOf(ctx, params.offsetUser),
      limit: params.limit,
    })
  ),
  "messages.checkChatInvite": usersOnly((ctx, params) =>
    checkInvite(ctx.state, params.hash, ctx.self.id)
  ),
  "messages.importChatInvite": usersOnly((ctx, params) => ({
    _: "messages.chatInviteJoinResultOk",
    updates: importInvite(ctx, params.hash, ctx.self.id),
  })),
  "messages.hideChatJoinRequest": loggedIn((ctx, params) =>
    hideJoinRequest(ctx, chatOf(ctx, params.peer), {
      actorId: ctx.self.id,
      userId: resolveUser(ctx.state, ctx.self.id, params.userId),
      approved: params.approved ?? false,
    })
  ),
  "messages.hideAllChatJoinRequests": usersOnly((ctx, params) =>
    hideAllJoinRequests(ctx, chatOf(ctx, params.peer), {
      actorId: ctx.self.id,
      approved: params.approved ?? false,
      link: params.link,
    })
  ),
  "channels.toggleJoinRequest": usersOnly((ctx, params) =>
    toggleJoinRequests(
      ctx,
      resolveChannel(ctx.state, ctx.self.id, params.channel),
      { actorId: ctx.self.id, enabled: params.enabled },
    )
  ),
};
