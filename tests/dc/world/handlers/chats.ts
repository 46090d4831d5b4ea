/** `messages.*` about groups as such: chat objects, full info, pinning in groups and channels. */
import { RpcFailure } from "../../contract.ts";
import { pinChatMessage } from "../chat_pins.ts";
import { fullGroup, toTlChat } from "../chat_views.ts";
import { groupKey, peerKind } from "../peer_keys.ts";
import { pinPrivateMessage } from "../pins.ts";
import { resolvePeer } from "../peers.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers for basic groups, and pinning in groups, supergroups and channels. */
export const chatsHandlers: HandlerTable = {
  // like users.getUsers, unknown ids are left out; groups the caller is not in come as chatForbidden
  "messages.getChats": loggedIn((ctx, params) => ({
    _: "messages.chats",
    chats: params.id.flatMap((id) => {
      const chat = ctx.state.chats.get(groupKey(id));
      return chat ? [toTlChat(ctx.state, chat, ctx.self.id)] : [];
    }),
  })),
  "messages.getFullChat": loggedIn((ctx, params) => {
    const chat = ctx.state.chats.get(groupKey(params.chatId));
    if (!chat?.members.has(ctx.self.id)) {
      throw new RpcFailure(400, "CHAT_ID_INVALID");
    }
    return fullGroup(ctx.state, chat, ctx.self.id);
  }),
  "messages.updatePinnedMessage": loggedIn((ctx, params) => {
    const peerId = resolvePeer(ctx.state, ctx.self.id, params.peer);
    if (peerKind(peerId) === "user") {
      return pinPrivateMessage(ctx, {
        actorId: ctx.self.id,
        peerKey: peerId,
        id: params.id,
        unpin: params.unpin,
        silent: params.silent,
        oneSide: params.pmOneside,
      });
    }
    return pinChatMessage(ctx, {
      pinnerId: ctx.self.id,
      peerId,
      id: params.id,
      unpin: params.unpin === true,
    });
  }),
};
