/** The chat list and what adds to it or takes from it: dialogs, peer folders, inactive channels, creating, joining and leaving chats. */
import { RpcFailure } from "../../contract.ts";
import { createChatWithUpdates } from "../chat_creation.ts";
import { requireReader } from "../chats.ts";
import {
  dialogEntries,
  dialogsBody,
  foldersOf,
  getDialogs,
  inactiveChannels,
  toTlDialog,
} from "../dialogs.ts";
import { emitContainer } from "../emit.ts";
import { requestInsteadOfJoining } from "../invites_requests.ts";
import { joinChat, leaveChannel } from "../members.ts";
import { tlPeer } from "../peer_keys.ts";
import { resolveChannel, resolvePeer, resolveUser } from "../peers.ts";
import { type HandlerTable, loggedIn, usersOnly } from "./types.ts";

/** Telegram's longest chat description. */
const MAX_ABOUT_LENGTH = 255;

/** Handlers of the chat list. */
export const dialogsHandlers: HandlerTable = {
  "messages.getDialogs": usersOnly((ctx, params) => {
    const offsetPeer = params.offsetPeer._ === "inputPeerEmpty"
      ? undefined
      : resolvePeer(ctx.state, ctx.self.id, params.offsetPeer);
    return getDialogs(ctx.state, ctx.self.id, {
      folderId: params.folderId,
      offsetDate: params.offsetDate,
      offsetId: params.offsetId,
      offsetPeer,
      limit: params.limit,
      excludePinned: params.excludePinned,
    });
  }),
  "messages.getPeerDialogs": usersOnly((ctx, params) => {
    const viewerId = ctx.self.id;
    const entries = dialogEntries(ctx.state, viewerId);
    const wanted = params.peers.flatMap((input) =>
      input._ === "inputDialogPeer"
        ? [resolvePeer(ctx.state, viewerId, input.peer)]
        : []
    );
    const found = entries.filter((entry) => wanted.includes(entry.peerKey));
    return {
      _: "messages.peerDialogs",
      dialogs: found.map((entry) => toTlDialog(ctx.state, viewerId, entry)),
      ...dialogsBody(ctx.state, viewerId, found),
      state: ctx.state.updates.state(
        viewerId,
        ctx.state.unreadCount(viewerId),
      ),
    };
  }),
  "folders.editPeerFolders": usersOnly((ctx, params) => {
    const viewerId = ctx.self.id;
    const folders = foldersOf(ctx.state);
    const moved = params.folderPeers.map((input) => ({
      peerKey: resolvePeer(ctx.state, viewerId, input.peer),
      folderId: input.folderId,
    }));
    for (const { peerKey, folderId } of moved) {
      folders.move(viewerId, peerKey, folderId);
    }
    const keys = moved.map((entry) => entry.peerKey);
    return emitContainer(ctx, viewerId, [{
      ptsCount: 1,
      userIds: keys,
      chatKeys: keys,
      build: (pts) => ({
        _: "updateFolderPeers",
        folderPeers: moved.map(({ peerKey, folderId }) => ({
          _: "folderPeer",
          peer: tlPeer(peerKey),
          folderId,
        })),
        pts,
        ptsCount: 1,
      }),
    }]);
  }),
  "channels.getInactiveChannels": usersOnly((ctx) =>
    inactiveChannels(ctx.state, ctx.self.id)
  ),
  "messages.createChat": usersOnly((ctx, params) => {
    const { updates } = createChatWithUpdates(ctx, {
      type: "group",
      title: params.title,
      creatorId: ctx.self.id,
      memberIds: params.users.map((user) =>
        resolveUser(ctx.state, ctx.self.id, user)
      ),
      settings: { ttlPeriod: params.ttlPeriod ?? 0 },
    });
    // privacy settings are not modelled: everyone asked for is added
    return { _: "messages.invitedUsers", updates, missingInvitees: [] };
  }),
  "channels.createChannel": usersOnly((ctx, params) => {
    if (params.about.length > MAX_ABOUT_LENGTH) {
      throw new RpcFailure(400, "CHAT_ABOUT_TOO_LONG");
    }
    const type = params.megagroup ? "supergroup" : "channel";
    return createChatWithUpdates(ctx, {
      type,
      title: params.title,
      creatorId: ctx.self.id,
      memberIds: [],
      settings: {
        about: params.about,
        ttlPeriod: params.ttlPeriod ?? 0,
        isForum: type === "supergroup" && params.forum === true,
      },
    }).updates;
  }),
  "channels.joinChannel": usersOnly((ctx, params) => {
    const chat = resolveChannel(ctx.state, ctx.self.id, params.channel);
    // private channels are joined by invite links only
    requireReader(chat, ctx.self.id);
    requestInsteadOfJoining(ctx, chat, ctx.self.id);
    return {
      _: "messages.chatInviteJoinResultOk",
      updates: joinChat(ctx, chat, ctx.self.id),
    };
  }),
  "channels.leaveChannel": loggedIn((ctx, params) =>
    leaveChannel(
      ctx,
      resolveChannel(ctx.state, ctx.self.id, params.channel),
      ctx.self.id,
    )
  ),
};
