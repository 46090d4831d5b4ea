/**
 * Pinning in private chats (groups and channels are `chat_pins.ts`'s), and
 * `messages.unpinAllMessages` in any chat. A private pin sets the flag on both
 * copies; each side gets one container with `updatePinnedMessages` and, for
 * a pin, the service message `messageActionPinMessage` replying to the pinned
 * message. `pm_oneside` pins only the caller's copy, with no service message
 * (bots may not: `BOT_ONESIDE_NOT_AVAIL`).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { emitChannel } from "./channels.ts";
import { isModerator, requireChat } from "./chats.ts";
import { messageEvent } from "./delivery.ts";
import {
  type DeliveryContext,
  emitContainer,
  emitShort,
  now,
  type PtsEvent,
} from "./emit.ts";
import type { BoxMessage } from "./mailboxes.ts";
import { bareId, peerKind, tlPeer } from "./peer_keys.ts";
import { messageInChat } from "./peers.ts";

/** One pin or unpin in a private chat. */
export interface PrivatePin {
  actorId: number;
  /** The other party (the actor itself in Saved Messages). */
  peerKey: number;
  id: number;
  unpin?: boolean;
  silent?: boolean;
  oneSide?: boolean;
}

function pinnedEvent(
  ownerId: number,
  peerKey: number,
  ids: number[],
  pinned: boolean,
): PtsEvent<tl.RawUpdatePinnedMessages> {
  return {
    ptsCount: 1,
    userIds: peerKind(peerKey) === "user" ? [ownerId, peerKey] : [],
    chatKeys: peerKind(peerKey) === "user" ? [] : [peerKey],
    build: (pts) => ({
      _: "updatePinnedMessages",
      pinned: pinned || undefined,
      peer: tlPeer(peerKey),
      messages: ids,
      pts,
      ptsCount: 1,
    }),
  };
}

/** `messages.updatePinnedMessage` in a private chat; returns the actor's `updates`. */
export function pinPrivateMessage(
  ctx: DeliveryContext,
  pin: PrivatePin,
): tl.RawUpdates {
  const { state } = ctx;
  const { actorId, peerKey } = pin;
  const oneSide = pin.oneSide === true && actorId !== peerKey;
  if (oneSide && state.accounts.require(actorId).kind === "bot") {
    throw new RpcFailure(400, "BOT_ONESIDE_NOT_AVAIL");
  }
  const message = messageInChat(state, actorId, peerKey, pin.id);
  if (!message || message.action) {
    throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  }
  const pinned = !pin.unpin;
  const copies = oneSide ? [message] : state.mailboxes.copies(message);
  for (const copy of copies) copy.pinned = pinned || undefined;
  const service = pinned && !oneSide
    ? state.mailboxes.deliver({
      senderId: actorId,
      peerId: peerKey,
      recipientIds: [peerKey],
      date: now(),
      content: {
        text: "",
        action: { _: "messageActionPinMessage" },
        silent: pin.silent || undefined,
      },
      replyToId: message.id,
    })
    : undefined;
  const serviceCopies = service ? [service.sent, ...service.received] : [];
  let actorUpdates: tl.RawUpdates | undefined;
  for (const copy of copies) {
    const events: PtsEvent<tl.TypeUpdate>[] = [
      pinnedEvent(copy.ownerId, copy.peerId, [copy.id], pinned),
    ];
    const serviceCopy = serviceCopies.find((m) => m.ownerId === copy.ownerId);
    if (serviceCopy) events.push(messageEvent(serviceCopy, "updateNewMessage"));
    const isActor = copy.ownerId === actorId;
    const updates = emitContainer(
      isActor ? ctx : { ...ctx, caller: undefined },
      copy.ownerId,
      events,
    );
    if (isActor) actorUpdates = updates;
  }
  return actorUpdates!;
}

/** Unpins `copies` in their owners' boxes, one `updatePinnedMessages` each; returns the actor's update. */
function unpinCopies(
  ctx: DeliveryContext,
  actorId: number,
  copies: BoxMessage[],
): tl.RawUpdatePinnedMessages | undefined {
  let own: tl.RawUpdatePinnedMessages | undefined;
  for (const [ownerId, owned] of Map.groupBy(copies, (copy) => copy.ownerId)) {
    for (const copy of owned) copy.pinned = undefined;
    const isActor = ownerId === actorId;
    const update = emitShort(
      isActor ? ctx : { ...ctx, caller: undefined },
      ownerId,
      pinnedEvent(ownerId, owned[0].peerId, owned.map((m) => m.id), false),
    );
    if (isActor) own = update;
  }
  return own;
}

/** `messages.unpinAllMessages` in the chat `peerKey`: both sides of a private chat, everyone's copies in a group; channels need an admin. */
export function unpinAll(
  ctx: DeliveryContext,
  actorId: number,
  peerKey: number,
): tl.messages.RawAffectedHistory {
  const { state } = ctx;
  const isChannel = peerKind(peerKey) === "channel";
  const pinned = state.mailboxes.chat(isChannel ? peerKey : actorId, peerKey)
    .filter((m) => m.pinned);
  const affected = (pts: number, ptsCount: number) => ({
    _: "messages.affectedHistory" as const,
    pts,
    ptsCount,
    offset: 0,
  });
  if (isChannel) {
    const chat = requireChat(state.chats, peerKey);
    if (!isModerator(chat, actorId)) {
      throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
    }
    if (pinned.length === 0) return affected(state.channelLogs.pts(peerKey), 0);
    for (const message of pinned) message.pinned = undefined;
    emitChannel(ctx, chat, [{
      ptsCount: 1,
      userIds: [],
      chatKeys: [peerKey],
      build: (pts): tl.RawUpdatePinnedChannelMessages => ({
        _: "updatePinnedChannelMessages",
        channelId: bareId(peerKey),
        messages: pinned.map((m) => m.id),
        pts,
        ptsCount: 1,
      }),
    }], actorId);
    return affected(state.channelLogs.pts(peerKey), 1);
  }
  if (pinned.length === 0) return affected(state.updates.pts(actorId), 0);
  const copies = pinned.flatMap((m) => state.mailboxes.copies(m))
    .filter((copy) => copy.pinned);
  const own = unpinCopies(ctx, actorId, copies)!;
  return affected(own.pts, own.ptsCount);
}
