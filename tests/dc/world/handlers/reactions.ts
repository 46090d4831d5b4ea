/** The reaction methods (see `reactions_delivery.ts` and `reactions_settings.ts`). */
import { resolvePeer } from "../peers.ts";
import {
  messageReactionsList,
  messagesReactions,
  sendReaction,
} from "../reactions_delivery.ts";
import { setChatAvailableReactions } from "../reactions_settings.ts";
import { type HandlerTable, loggedIn, usersOnly } from "./types.ts";

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
  // Telegram lists these two among the methods users may call, not bots
  "messages.getMessageReactionsList": usersOnly((ctx, params) =>
    messageReactionsList(ctx, {
      viewerId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      msgId: params.id,
      reaction: params.reaction,
      offset: params.offset,
      limit: params.limit,
    })
  ),
  "messages.setChatAvailableReactions": usersOnly((ctx, params) =>
    setChatAvailableReactions(ctx, {
      callerId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      available: params.availableReactions,
      limit: params.reactionsLimit,
      paidEnabled: params.paidEnabled,
    })
  ),
};
