/**
 * Pinning in groups, supergroups and channels, as Telegram does it: the pin
 * is an update (`updatePinnedMessages` in each member's common sequence for a
 * basic group, `updatePinnedChannelMessages` in the channel's), and pinning
 * (not unpinning) also posts a `messageActionPinMessage` service message that
 * replies to the pinned one.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { ChannelEvent } from "./channel_log.ts";
import { channelMessageEvent, emitChannel } from "./channels.ts";
import { type Chat, isModerator, requireChat, requirePoster } from "./chats.ts";
import { messageEvent } from "./delivery.ts";
import {
  type DeliveryContext,
  emitContainer,
  now,
  type PtsEvent,
} from "./emit.ts";
import type { BoxMessage, MessageContent } from "./mailboxes.ts";
import { bareId, peerKind, tlPeer } from "./peer_keys.ts";

/** What a pin request says. */
export interface PinRequest {
  pinnerId: number;
  /** The group's or channel's peer key. */
  peerId: number;
  /** The message's id in the pinner's box (the channel's box for channels). */
  id: number;
  unpin: boolean;
}

const PIN_SERVICE: MessageContent = {
  text: "",
  action: { _: "messageActionPinMessage" },
};

function pinnedEvent(
  copy: BoxMessage,
  pinned: boolean,
): PtsEvent<tl.RawUpdatePinnedMessages> {
  return {
    ptsCount: 1,
    userIds: [],
    chatKeys: [copy.peerId],
    build: (pts) => ({
      _: "updatePinnedMessages",
      pinned: pinned || undefined,
      peer: tlPeer(copy.peerId),
      messages: [copy.id],
      pts,
      ptsCount: 1,
    }),
  };
}

function pinInGroup(
  ctx: DeliveryContext,
  chat: Chat,
  request: PinRequest,
): tl.RawUpdates {
  const { mailboxes } = ctx.state;
  const { pinnerId, unpin } = request;
  const message = mailboxes.get(pinnerId, request.id);
  if (!message || message.peerId !== chat.key || message.action) {
    throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  }
  const copies = mailboxes.copies(message);
  for (const copy of copies) copy.pinned = !unpin || undefined;
  const service = unpin ? undefined : mailboxes.deliver({
    senderId: pinnerId,
    peerId: chat.key,
    recipientIds: copies.map((copy) => copy.ownerId),
    date: now(),
    content: PIN_SERVICE,
    replyToId: message.id,
  });
  const serviceCopies = service ? [service.sent, ...service.received] : [];
  let pinnerUpdates: tl.RawUpdates | undefined;
  for (const copy of copies) {
    const events: PtsEvent<tl.TypeUpdate>[] = [pinnedEvent(copy, !unpin)];
    const serviceCopy = serviceCopies.find((m) => m.ownerId === copy.ownerId);
    if (serviceCopy) events.push(messageEvent(serviceCopy, "updateNewMessage"));
    const isPinner = copy.ownerId === pinnerId;
    const updates = emitContainer(
      isPinner ? ctx : { ...ctx, caller: undefined },
      copy.ownerId,
      events,
    );
    if (isPinner) pinnerUpdates = updates;
  }
  return pinnerUpdates!;
}

function pinInChannel(
  ctx: DeliveryContext,
  chat: Chat,
  request: PinRequest,
): tl.RawUpdates {
  const { mailboxes } = ctx.state;
  const { pinnerId, unpin } = request;
  if (chat.type === "channel" && !isModerator(chat, pinnerId)) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
  const message = mailboxes.get(chat.key, request.id);
  if (!message || message.action) {
    throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  }
  message.pinned = !unpin || undefined;
  const events: ChannelEvent[] = [{
    ptsCount: 1,
    userIds: [],
    chatKeys: [],
    build: (pts: number): tl.RawUpdatePinnedChannelMessages => ({
      _: "updatePinnedChannelMessages",
      pinned: !unpin || undefined,
      channelId: bareId(chat.key),
      messages: [message.id],
      pts,
      ptsCount: 1,
    }),
  }];
  if (!unpin) {
    const service = mailboxes.storeInChannel({
      channelKey: chat.key,
      senderId: pinnerId,
      date: now(),
      content: PIN_SERVICE,
      replyToId: message.id,
      post: chat.type === "channel",
    });
    events.push(channelMessageEvent(service, "updateNewChannelMessage"));
  }
  return emitChannel(ctx, chat, events, pinnerId);
}

/** Pins or unpins a message of a group, supergroup or channel; returns the pinner's `updates`. */
export function pinChatMessage(
  ctx: DeliveryContext,
  request: PinRequest,
): tl.RawUpdates {
  const chat = requireChat(ctx.state.chats, request.peerId);
  requirePoster(chat, request.pinnerId);
  return peerKind(chat.key) === "group"
    ? pinInGroup(ctx, chat, request)
    : pinInChannel(ctx, chat, request);
}
