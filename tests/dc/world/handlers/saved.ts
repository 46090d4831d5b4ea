/** `messages.getSavedDialogs` and `messages.getSavedHistory`: Saved Messages by the peer each message was saved from (see `saved.ts`). */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import {
  referencedChatKeys,
  referencedUserIds,
  toTlMessage,
} from "../mailboxes.ts";
import { tlPeer } from "../peer_keys.ts";
import { resolvePeer } from "../peers.ts";
import { type SavedDialog, savedDialogs, savedHistory } from "../saved.ts";
import { historyPage, pageResult } from "./history.ts";
import { type HandlerTable, usersOnly } from "./types.ts";

const MAX_DIALOGS_LIMIT = 100;

/** The dialogs after the offset (older top message), as Telegram pages dialog lists. */
function afterOffset(
  dialogs: SavedDialog[],
  offsetDate: number,
  offsetId: number,
): SavedDialog[] {
  if (!offsetDate && !offsetId) return dialogs;
  const date = offsetDate || Infinity;
  const id = offsetId || Infinity;
  return dialogs.filter(({ top }) =>
    top.date < date || (top.date === date && top.id < id)
  );
}

/** Handlers of Saved Messages. */
export const savedHandlers: HandlerTable = {
  "messages.getSavedDialogs": usersOnly((ctx, params) => {
    if (params.parentPeer) throw new RpcFailure(400, "PEER_ID_INVALID");
    if (params.offsetPeer._ !== "inputPeerEmpty") {
      resolvePeer(ctx.state, ctx.self.id, params.offsetPeer);
    }
    const all = savedDialogs(ctx.state, ctx.self.id);
    const limit = params.limit > 0
      ? Math.min(params.limit, MAX_DIALOGS_LIMIT)
      : MAX_DIALOGS_LIMIT;
    const page = afterOffset(all, params.offsetDate, params.offsetId)
      .slice(0, limit);
    const tops = page.map((dialog) => dialog.top);
    const peerKeys = page.map((dialog) => dialog.peerKey);
    const viewerId = ctx.self.id;
    const result = {
      dialogs: page.map((dialog): tl.RawSavedDialog => ({
        _: "savedDialog",
        peer: tlPeer(dialog.peerKey),
        topMessage: dialog.top.id,
      })),
      messages: tops.map((message) => toTlMessage(message, viewerId)),
      chats: ctx.state.chatObjects(
        [...peerKeys, ...tops.flatMap(referencedChatKeys)],
        viewerId,
      ),
      users: ctx.state.users(
        [viewerId, ...peerKeys, ...tops.flatMap(referencedUserIds)],
        viewerId,
      ),
    };
    return page.length === all.length
      ? { _: "messages.savedDialogs", ...result }
      : { _: "messages.savedDialogsSlice", count: all.length, ...result };
  }),
  "messages.getSavedHistory": usersOnly((ctx, params) => {
    if (params.parentPeer) throw new RpcFailure(400, "PEER_ID_INVALID");
    const peerKey = resolvePeer(ctx.state, ctx.self.id, params.peer);
    const history = savedHistory(ctx.state, ctx.self.id, peerKey);
    return pageResult(
      ctx,
      ctx.self.id,
      historyPage(history, params),
      history.length,
    );
  }),
};
