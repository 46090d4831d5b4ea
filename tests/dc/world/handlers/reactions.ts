/** `messages.sendReaction` and `messages.getMessagesReactions` (see `reactions_delivery.ts`). */
import { resolvePeer } from "../peers.ts";
import { messagesReactions, sendReaction } from "../reactions_delivery.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers of the reaction methods of the `messages` namespace. */
export const reactionsHandlers: HandlerTable = {
  "messages.sendReaction": loggedIn((ctx, params) =>
    sendReaction(ctx, {
      reactorId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      msgId: params.msgId,
      reactions: params.reaction,
      big: params.big,
    })
  ),
  "messages.getMessagesReactions": loggedIn((ctx, params) =>
    messagesReactions(ctx, {
      viewerId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      ids: params.id,
    })
  ),
};
