/** `messages.*` of the schedule queues (see `scheduled.ts`); scheduling itself is a `schedule_date` on the sending methods. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { canPost, requireChat } from "../chats.ts";
import { peerKind } from "../peer_keys.ts";
import { resolvePeer } from "../peers.ts";
import {
  deleteScheduled,
  scheduledView,
  sendScheduledNow,
} from "../scheduled.ts";
import { messagesBody } from "./history.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  usersOnly,
} from "./types.ts";

/** The chat whose queue the caller asks for: channels only for their admins (`CHAT_ADMIN_REQUIRED`), supergroups for members. */
function queuePeer(ctx: AuthorizedContext, input: tl.TypeInputPeer): number {
  const peerId = resolvePeer(ctx.state, ctx.self.id, input);
  if (peerKind(peerId) !== "channel") return peerId;
  const chat = requireChat(ctx.state.chats, peerId);
  if (!chat.members.has(ctx.self.id)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
  if (!canPost(chat, ctx.self.id)) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
  return peerId;
}

/** Handlers of the schedule queues. */
export const scheduledHandlers: HandlerTable = {
  // newest first, as history is
  "messages.getScheduledHistory": usersOnly((ctx, params) => {
    const peerId = queuePeer(ctx, params.peer);
    const views = ctx.state.scheduled.list(ctx.self.id, peerId).reverse()
      .map((message) => scheduledView(ctx.state, message));
    return { _: "messages.messages", ...messagesBody(ctx, views) };
  }),
  "messages.getScheduledMessages": usersOnly((ctx, params) => {
    const peerId = queuePeer(ctx, params.peer);
    const found = params.id.map((id) => {
      const message = ctx.state.scheduled.get(ctx.self.id, peerId, id);
      return message && scheduledView(ctx.state, message);
    });
    const body = messagesBody(
      ctx,
      found.filter((message) => message !== undefined),
    );
    let next = 0;
    return {
      _: "messages.messages",
      ...body,
      messages: found.map((message, index): tl.TypeMessage =>
        message
          ? body.messages[next++]
          : { _: "messageEmpty", id: params.id[index] }
      ),
    };
  }),
  "messages.sendScheduledMessages": usersOnly((ctx, params) =>
    sendScheduledNow(ctx, {
      ownerId: ctx.self.id,
      peerId: queuePeer(ctx, params.peer),
      ids: params.id,
    })
  ),
  "messages.deleteScheduledMessages": usersOnly((ctx, params) =>
    deleteScheduled(ctx, {
      ownerId: ctx.self.id,
      peerId: queuePeer(ctx, params.peer),
      ids: params.id,
    })
  ),
};
