/** Changes to message boxes: sending, editing, deleting, reading, typing (see `emit.ts` for how they reach clients). */
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import {
  type DeliveryContext,
  emitContainer,
  emitShort,
  now,
  peerUser,
  type PtsEvent,
} from "./emit.ts";
import {
  type BoxMessage,
  type MessageContent,
  referencedUserIds,
  toTlMessage,
} from "./mailboxes.ts";

export type { DeliveryContext } from "./emit.ts";

function newMessageEvent(
  message: BoxMessage,
): PtsEvent<tl.RawUpdateNewMessage> {
  const tlMessage = toTlMessage(message);
  return {
    ptsCount: 1,
    userIds: referencedUserIds(message),
    build: (pts) => ({
      _: "updateNewMessage",
      message: tlMessage,
      pts,
      ptsCount: 1,
    }),
  };
}

function editMessageEvent(
  message: BoxMessage,
): PtsEvent<tl.RawUpdateEditMessage> {
  const tlMessage = toTlMessage(message);
  return {
    ptsCount: 1,
    userIds: referencedUserIds(message),
    build: (pts) => ({
      _: "updateEditMessage",
      message: tlMessage,
      pts,
      ptsCount: 1,
    }),
  };
}

/** One message to send, with the `random_id` its client chose. */
export interface Outgoing {
  content: MessageContent;
  /** The replied message's id in the sender's box. */
  replyToId?: number;
  randomId?: Long;
}

/** Sends messages from `senderId` to `peerId`; returns the sender's `updates` (with `updateMessageID`s). */
export function sendMessages(
  ctx: DeliveryContext,
  options: { senderId: number; peerId: number; messages: Outgoing[] },
): tl.RawUpdates {
  const { state } = ctx;
  const { senderId, peerId } = options;
  const recipient = state.accounts.require(peerId);
  if (
    recipient.kind === "bot" &&
    state.accounts.require(senderId).kind === "bot" && senderId !== peerId
  ) {
    throw new RpcFailure(400, "USER_IS_BOT");
  }
  const randomKeys = options.messages.map(({ randomId }) =>
    randomId && `${senderId}:${randomId.toString()}`
  );
  if (randomKeys.some((key) => key && state.randomIds.has(key))) {
    throw new RpcFailure(500, "RANDOM_ID_DUPLICATE");
  }
  const date = now();
  const delivered = options.messages.map((outgoing) =>
    state.mailboxes.deliver({
      senderId,
      peerId,
      date,
      content: outgoing.content,
      replyToId: outgoing.replyToId,
    })
  );
  const messageIds: tl.RawUpdateMessageID[] = [];
  delivered.forEach(({ sent }, index) => {
    const randomId = options.messages[index].randomId;
    if (!randomId) return;
    state.randomIds.set(randomKeys[index]!, sent.id);
    messageIds.push({ _: "updateMessageID", id: sent.id, randomId });
  });
  const senderUpdates = emitContainer(
    ctx,
    senderId,
    delivered.map(({ sent }) => newMessageEvent(sent)),
  );
  const received = delivered.flatMap(({ received }) =>
    received ? [received] : []
  );
  if (received.length > 0) {
    emitContainer(
      { ...ctx, caller: undefined },
      peerId,
      received.map(newMessageEvent),
    );
  }
  return {
    ...senderUpdates,
    updates: [...messageIds, ...senderUpdates.updates],
  };
}

/** Edits a message the owner sent, in every box that has it; returns the owner's `updates`. */
export function editMessage(
  ctx: DeliveryContext,
  options: {
    ownerId: number;
    id: number;
    text?: string;
    entities?: tl.TypeMessageEntity[];
    media?: tl.TypeMessageMedia;
  },
): tl.RawUpdates {
  const { state } = ctx;
  const original = state.mailboxes.get(options.ownerId, options.id);
  if (!original) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  if (original.senderId !== options.ownerId) {
    throw new RpcFailure(403, "MESSAGE_AUTHOR_REQUIRED");
  }
  const text = options.text ?? original.text;
  const entities = options.text === undefined
    ? original.entities
    : options.entities;
  const unchanged = text === original.text &&
    JSON.stringify(entities) === JSON.stringify(original.entities);
  if (unchanged && !options.media) {
    throw new RpcFailure(400, "MESSAGE_NOT_MODIFIED");
  }
  // in Saved Messages the counterpart is the original itself
  const copies = new Set([
    original,
    state.mailboxes.counterpart(original, original.peerId),
  ]);
  const editDate = now();
  let ownerUpdates: tl.RawUpdates | undefined;
  for (const copy of copies) {
    if (!copy) continue;
    Object.assign(copy, {
      text,
      entities,
      media: options.media ?? copy.media,
      editDate,
    });
    const copyCtx = copy.ownerId === options.ownerId
      ? ctx
      : { ...ctx, caller: undefined };
    const updates = emitContainer(copyCtx, copy.ownerId, [
      editMessageEvent(copy),
    ]);
    ownerUpdates ??= updates;
  }
  return ownerUpdates!;
}

/** Deletes messages from the owner's box, and with `revoke` from the peers' boxes too. */
export function deleteMessages(
  ctx: DeliveryContext,
  options: { ownerId: number; ids: number[]; revoke: boolean },
): tl.messages.RawAffectedMessages {
  const { state } = ctx;
  const { ownerId } = options;
  const counterparts = options.ids.flatMap((id) => {
    const message = state.mailboxes.get(ownerId, id);
    const copy = message && options.revoke &&
      state.mailboxes.counterpart(message, message.peerId);
    return copy && copy.ownerId !== ownerId ? [copy] : [];
  });
  const removed = state.mailboxes.remove(ownerId, options.ids);
  if (removed.length === 0) {
    return {
      _: "messages.affectedMessages",
      pts: state.updates.pts(ownerId),
      ptsCount: 0,
    };
  }
  const logDeletion = (
    eventCtx: DeliveryContext,
    accountId: number,
    ids: number[],
  ) =>
    emitShort(eventCtx, accountId, {
      ptsCount: ids.length,
      userIds: [],
      build: (pts): tl.RawUpdateDeleteMessages => ({
        _: "updateDeleteMessages",
        messages: ids,
        pts,
        ptsCount: ids.length,
      }),
    });
  const ownUpdate = logDeletion(ctx, ownerId, removed.map((m) => m.id));
  const byPeer = Map.groupBy(counterparts, (copy) => copy.ownerId);
  for (const [peerId, copies] of byPeer) {
    const peerRemoved = state.mailboxes.remove(
      peerId,
      copies.map((copy) => copy.id),
    );
    logDeletion(
      { ...ctx, caller: undefined },
      peerId,
      peerRemoved.map((m) => m.id),
    );
  }
  return {
    _: "messages.affectedMessages",
    pts: ownUpdate.pts,
    ptsCount: ownUpdate.ptsCount,
  };
}

/** Marks the chat with `peerId` read up to `maxId`; the peer learns its outgoing messages were read. */
export function readHistory(
  ctx: DeliveryContext,
  options: { ownerId: number; peerId: number; maxId: number },
): tl.messages.RawAffectedMessages {
  const { state } = ctx;
  const { ownerId, peerId } = options;
  const maxId = options.maxId > 0 ? options.maxId : Number.MAX_SAFE_INTEGER;
  const mark = state.mailboxes.markRead(ownerId, peerId, maxId);
  if (mark === undefined) {
    return {
      _: "messages.affectedMessages",
      pts: state.updates.pts(ownerId),
      ptsCount: 0,
    };
  }
  const inbox = emitShort(ctx, ownerId, {
    ptsCount: 1,
    userIds: [peerId],
    build: (pts): tl.RawUpdateReadHistoryInbox => ({
      _: "updateReadHistoryInbox",
      peer: peerUser(peerId),
      maxId: mark,
      stillUnreadCount: state.mailboxes.unreadCount(ownerId, peerId),
      pts,
      ptsCount: 1,
    }),
  });
  const lastRead = state.mailboxes.get(ownerId, mark)!;
  const peerCopy = peerId === ownerId
    ? undefined
    : state.mailboxes.counterpart(lastRead, peerId);
  if (peerCopy) {
    emitShort({ ...ctx, caller: undefined }, peerId, {
      ptsCount: 1,
      userIds: [ownerId],
      build: (pts): tl.RawUpdateReadHistoryOutbox => ({
        _: "updateReadHistoryOutbox",
        peer: peerUser(ownerId),
        maxId: peerCopy.id,
        pts,
        ptsCount: 1,
      }),
    });
  }
  return { _: "messages.affectedMessages", pts: inbox.pts, ptsCount: 1 };
}

/** Tells the peer's sessions that `senderId` is typing (not logged: typing is not a pts event). */
export function sendTyping(
  ctx: DeliveryContext,
  options: {
    senderId: number;
    peerId: number;
    action: tl.TypeSendMessageAction;
  },
): void {
  if (options.senderId === options.peerId) return;
  const update: tl.RawUpdateUserTyping = {
    _: "updateUserTyping",
    userId: options.senderId,
    action: options.action,
  };
  ctx.sessions.push(options.peerId, { _: "updateShort", update, date: now() });
}
