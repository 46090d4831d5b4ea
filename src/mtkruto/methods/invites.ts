/**
 * Invite links and join requests (methods.md §B.5, §B.7 and MTKruto 0.216's
 * getJoinRequests, joinChatByInviteLink, resolveInviteLink and
 * deleteRevokedInviteLinks), each through the TL call MTKruto makes.
 */
import { PeersIndex, type tl } from "@mtcute/core";
import type { InputPeerLike } from "@mtcute/core";
import { resolveChatId } from "../params/chat_id.ts";
import {
  inviteHashOf,
  toCreatedInviteLinksQuery,
  toInviteLinkFilter,
  toInviteLinkTerms,
  toJoinRequestsQuery,
} from "../params/invites.ts";
import { channelOf, userOf } from "./peers.ts";
import { renderChatJoinResult } from "../types/chat.ts";
import {
  type InviteLink,
  renderInviteLink,
  renderResolvedInviteLink,
} from "../types/invite_link.ts";
import { renderPendingJoinRequest } from "../types/join_request.ts";
import { renderChatP } from "../types/peers.ts";
import { RenderError } from "../types/render_error.ts";
import { groupOrChannelPeer } from "./peers.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, optionsParam, stringParam } from "./params.ts";

/** The user a chat id inside params names (phone numbers looked up). */
async function userIn(
  call: DialectCall,
  chatId: number | string,
): Promise<tl.TypeInputUser> {
  return await userOf(call, await resolveChatId(call.client, chatId));
}

/** The InviteLinks among exported invites (a public chat's join-request marker is none). */
function inviteLinks(
  invites: tl.TypeExportedChatInvite[],
  peers: PeersIndex,
): InviteLink[] {
  return invites.flatMap((invite) =>
    invite._ === "chatInviteExported" ? [renderInviteLink(invite, peers)] : []
  );
}

/** Approves or dismisses one user's request (`messages.hideChatJoinRequest`). */
async function hideJoinRequest(
  call: DialectCall,
  chatId: InputPeerLike,
  userId: InputPeerLike,
  approved: boolean,
): Promise<null> {
  const updates = await call.client.call({
    _: "messages.hideChatJoinRequest",
    peer: await groupOrChannelPeer(call, chatId),
    userId: await userOf(call, userId),
    approved: approved || undefined,
  });
  call.client.handleClientUpdate(updates);
  return null;
}

/** Approves or dismisses every request, or those made by one link (`messages.hideAllChatJoinRequests`). */
async function hideAllJoinRequests(
  call: DialectCall,
  chatId: InputPeerLike,
  params: Record<string, unknown>,
  approved: boolean,
): Promise<null> {
  const link = toInviteLinkFilter(params);
  const updates = await call.client.call({
    _: "messages.hideAllChatJoinRequests",
    peer: await groupOrChannelPeer(call, chatId),
    approved: approved || undefined,
    link,
  });
  call.client.handleClientUpdate(updates);
  return null;
}

/** Turns a supergroup's join requests on or off (`channels.toggleJoinRequest`). */
async function toggleJoinRequests(
  call: DialectCall,
  chatId: InputPeerLike,
  enabled: boolean,
): Promise<null> {
  const updates = await call.client.call({
    _: "channels.toggleJoinRequest",
    channel: await channelOf(call, chatId),
    enabled,
  });
  call.client.handleClientUpdate(updates);
  return null;
}

const inviteLinkParam = () => stringParam("inviteLink", { nonEmpty: true });

/** The invite-link and join-request methods. */
export const INVITE_METHODS: DialectMethod[] = [
  defineMethod(
    "createInviteLink",
    "both",
    [chatIdParam(), optionsParam("CreateInviteLinkParams")],
    "InviteLink",
    async (call, chatId, params) => {
      const terms = toInviteLinkTerms(params);
      const invite = await call.client.call({
        _: "messages.exportChatInvite",
        peer: await groupOrChannelPeer(call, chatId),
        title: terms.title,
        expireDate: terms.expireAt,
        usageLimit: terms.limit,
        requestNeeded: terms.isApprovalRequired || undefined,
      });
      if (invite._ !== "chatInviteExported") {
        throw new RenderError(`exportChatInvite answered ${invite._}`);
      }
      // the answer names no users: the creator is the account itself
      const me = await call.client.getMe();
      return renderInviteLink(
        invite,
        PeersIndex.from({ users: [me.raw], chats: [] }),
      );
    },
  ),
  defineMethod(
    "getCreatedInviteLinks",
    "user",
    [chatIdParam(), optionsParam("GetCreatedInviteLinksParams")],
    "InviteLink[]",
    async (call, chatId, params) => {
      const query = toCreatedInviteLinksQuery(params);
      const result = await call.client.call({
        _: "messages.getExportedChatInvites",
        peer: await groupOrChannelPeer(call, chatId),
        revoked: query.isRevoked || undefined,
        adminId: query.by === undefined
          ? { _: "inputUserSelf" }
          : await userIn(call, query.by),
        limit: query.limit,
        offsetDate: query.after?.date,
        offsetLink: query.after?.inviteLink,
      });
      return inviteLinks(result.invites, PeersIndex.from(result));
    },
  ),
  defineMethod(
    "enableJoinRequests",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => toggleJoinRequests(call, chatId, true),
  ),
  defineMethod(
    "disableJoinRequests",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => toggleJoinRequests(call, chatId, false),
  ),
  defineMethod(
    "approveJoinRequest",
    "both",
    [chatIdParam(), chatIdParam("userId")],
    "void",
    (call, chatId, userId) => hideJoinRequest(call, chatId, userId, true),
  ),
  defineMethod(
    "declineJoinRequest",
    "both",
    [chatIdParam(), chatIdParam("userId")],
    "void",
    (call, chatId, userId) => hideJoinRequest(call, chatId, userId, false),
  ),
  defineMethod(
    "approveJoinRequests",
    "user",
    [chatIdParam(), optionsParam("ApproveJoinRequestsParams")],
    "void",
    (call, chatId, params) => hideAllJoinRequests(call, chatId, params, true),
  ),
  defineMethod(
    "declineJoinRequests",
    "user",
    [chatIdParam(), optionsParam("DeclineJoinRequestsParams")],
    "void",
    (call, chatId, params) => hideAllJoinRequests(call, chatId, params, false),
  ),
  defineMethod(
    "getJoinRequests",
    "user",
    [chatIdParam(), optionsParam("GetJoinRequestsParams")],
    "JoinRequest[]",
    async (call, chatId, params) => {
      const query = toJoinRequestsQuery(params);
      const peer = await groupOrChannelPeer(call, chatId);
      const result = await call.client.call({
        _: "messages.getChatInviteImporters",
        requested: true,
        peer,
        link: query.inviteLink,
        q: query.search,
        offsetDate: query.fromDate,
        offsetUser: query.fromUserId === undefined
          ? { _: "inputUserEmpty" }
          : await userIn(call, query.fromUserId),
        limit: query.limit,
      });
      const chat = renderChatP((await call.client.getChat(peer)).raw);
      const peers = PeersIndex.from(result);
      return result.importers.map((importer) =>
        renderPendingJoinRequest(chat, importer, peers)
      );
    },
  ),
  defineMethod(
    "joinChatByInviteLink",
    "user",
    [inviteLinkParam()],
    "ChatJoinResult",
    async (call, inviteLink) => {
      const result = await call.client.call({
        _: "messages.importChatInvite",
        hash: inviteHashOf(inviteLink),
      });
      if (result._ === "messages.chatInviteJoinResultOk") {
        call.client.handleClientUpdate(result.updates);
      }
      return renderChatJoinResult(result);
    },
  ),
  defineMethod(
    "resolveInviteLink",
    "user",
    [inviteLinkParam()],
    "ChatP | ResolvedInviteLink",
    async (call, inviteLink) => {
      const result = await call.client.call({
        _: "messages.checkChatInvite",
        hash: inviteHashOf(inviteLink),
      });
      return result._ === "chatInvite"
        ? renderResolvedInviteLink(result)
        : renderChatP(result.chat);
    },
  ),
  defineMethod(
    "deleteRevokedInviteLinks",
    "user",
    [chatIdParam(), chatIdParam("userId")],
    "void",
    async (call, chatId, userId) => {
      await call.client.call({
        _: "messages.deleteRevokedExportedChatInvites",
        peer: await groupOrChannelPeer(call, chatId),
        adminId: await userOf(call, userId),
      });
      return null;
    },
  ),
];
