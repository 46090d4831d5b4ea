/** Read marks, unread marks, read dates and view counters (see `read_marks.ts`, `message_views.ts`). */
import { RpcFailure } from "../../contract.ts";
import { requireChat, requireReader } from "../chats.ts";
import { messagesViews } from "../message_views.ts";
import { peerKind, tlPeer } from "../peer_keys.ts";
import { resolveChannel, resolvePeer } from "../peers.ts";
import {
  markDialogUnread,
  outboxReadDate,
  readChannelHistory,
  readParticipants,
} from "../read_marks.ts";
import { type HandlerTable, usersOnly } from "./types.ts";

/** Handlers of read marks and counters. */
export const readMarksHandlers: HandlerTable = {
  "channels.readHistory": usersOnly((ctx, params) => {
    readChannelHistory(ctx, {
      readerId: ctx.self.id,
      chat: resolveChannel(ctx.state, ctx.self.id, params.channel),
      maxId: params.maxId,
    });
    return true;
  }),
  "messages.markDialogUnread": usersOnly((ctx, params) => {
    // folders (inputDialogPeerFolder) have no unread mark
    if (params.peer._ !== "inputDialogPeer") {
      throw new RpcFailure(400, "PEER_ID_INVALID");
    }
    markDialogUnread(ctx, {
      accountId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer.peer),
      unread: params.unread === true,
    });
    return true;
  }),
  "messages.getDialogUnreadMarks": usersOnly((ctx) =>
    ctx.state.unreadMarks.of(ctx.self.id).map((peerKey) => ({
      _: "dialogPeer" as const,
      peer: tlPeer(peerKey),
    }))
  ),
  "messages.getOutboxReadDate": usersOnly((ctx, params) => ({
    _: "outboxReadDate",
    date: outboxReadDate(ctx.state, {
      ownerId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      id: params.msgId,
    }),
  })),
  "messages.getMessageReadParticipants": usersOnly((ctx, params) => {
    const peerKey = resolvePeer(ctx.state, ctx.self.id, params.peer);
    if (peerKind(peerKey) === "user") {
      throw new RpcFailure(400, "PEER_ID_INVALID");
    }
    return readParticipants(ctx.state, {
      viewerId: ctx.self.id,
      chat: requireChat(ctx.state.chats, peerKey),
      id: params.msgId,
    });
  }),
  "messages.getMessagesViews": usersOnly((ctx, params) => {
    const peerKey = resolvePeer(ctx.state, ctx.self.id, params.peer);
    if (peerKind(peerKey) === "channel") {
      requireReader(requireChat(ctx.state.chats, peerKey), ctx.self.id);
    }
    return messagesViews(ctx.state, {
      viewerId: ctx.self.id,
      peerKey,
      ids: params.id,
      increment: params.increment,
    });
  }),
};
