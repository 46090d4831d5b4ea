/**
 * `messages.setTyping` (core.telegram.org/method/messages.setTyping): telling
 * a chat what an account is doing (typing, uploading a photo, …). Typing is
 * not a pts event: it is pushed once, in an `updateShort`, to the sessions
 * connected now, is not logged, and `updates.getDifference` never returns it.
 * The other party of a private chat gets `updateUserTyping`, the other members
 * of a basic group `updateChatUserTyping`, of a supergroup or channel
 * `updateChannelUserTyping`. Bots are never told: Telegram sends bots no
 * typing updates (see README.md, "Typing").
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { recipientsOf } from "./delivery.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { bareId, peerKind, tlPeer } from "./peer_keys.ts";
import { messageInChat } from "./peers.ts";
import type { WorldState } from "./state.ts";

/** One `messages.setTyping` call, its peer resolved. */
export interface Typing {
  senderId: number;
  /** The chat's peer key: a user id, or a group's or channel's marked id. */
  peerId: number;
  action: tl.TypeSendMessageAction;
  /** The thread (`top_msg_id`), by its message id in the chat. */
  topMsgId?: number;
}

/** The thread id a supergroup's or channel's typing carries: it must name a message of the chat. */
function threadOf(state: WorldState, typing: Typing): number | undefined {
  const { senderId, peerId, topMsgId } = typing;
  if (topMsgId === undefined) return undefined;
  if (!messageInChat(state, senderId, peerId, topMsgId)) {
    throw new RpcFailure(400, "MSG_ID_INVALID");
  }
  return topMsgId;
}

/** The update the others in the chat get. Private chats and basic groups have no threads here (bot forums and forum topics are not modelled), so their `top_msg_id` is dropped. */
function typingUpdate(
  state: WorldState,
  typing: Typing,
):
  | tl.RawUpdateUserTyping
  | tl.RawUpdateChatUserTyping
  | tl.RawUpdateChannelUserTyping {
  const { senderId, peerId, action } = typing;
  switch (peerKind(peerId)) {
    case "user":
      return { _: "updateUserTyping", userId: senderId, action };
    case "group":
      return {
        _: "updateChatUserTyping",
        chatId: bareId(peerId),
        fromId: tlPeer(senderId),
        action,
      };
    case "channel": {
      const topMsgId = threadOf(state, typing);
      return {
        _: "updateChannelUserTyping",
        channelId: bareId(peerId),
        ...(topMsgId === undefined ? {} : { topMsgId }),
        fromId: tlPeer(senderId),
        action,
      };
    }
  }
}

/** Tells the others in the chat (never bots, never the sender) what `senderId` is doing; fails as sending to the chat would. */
export function sendTyping(ctx: DeliveryContext, typing: Typing): void {
  const { state, sessions } = ctx;
  // first: it checks the chat and that the sender may write there
  const recipientIds = recipientsOf(state, typing.senderId, typing.peerId);
  const update = typingUpdate(state, typing);
  const date = now();
  for (const recipientId of recipientIds) {
    if (state.accounts.require(recipientId).kind === "bot") continue;
    sessions.push(recipientId, { _: "updateShort", update, date });
  }
}
