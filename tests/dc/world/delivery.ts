/**
 * Changes to message boxes: sending, editing, deleting, reading (see
 * `emit.ts` for how they reach clients; typing is in `typing.ts`). Private
 * chats and basic groups live in the accounts' own boxes and are handled
 * here; supergroups and channels are handed to `channels.ts`.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { editChannelMessage, sendChannelMessages } from "./channels.ts";
import { isModerator, requireChat, requirePoster } from "./chats.ts";
import { privateRecipients } from "./contacts_book.ts";
import {
  type DeliveryContext,
  emitContainer,
  emitShort,
  now,
  type PtsEvent,
} from "./emit.ts";
import {
  type BoxMessage,
  referencedChatKeys,
  referencedUserIds,
  toTlMessage,
} from "./mailboxes.ts";
import {
  checkRandomIds,
  claimRandomIds,
  editedFields,
  type MessageEdit,
  type Outgoing,
} from "./outgoing.ts";
import { peerKind, tlPeer } from "./peer_keys.ts";
import type { WorldState } from "./state.ts";

export type { DeliveryContext } from "./emit.ts";
export type { Outgoing } from "./outgoing.ts";

/** A copy's change as a common-pts event (`updateNewMessage` or `updateEditMessage`). */
export function messageEvent(
  message: BoxMessage,
  kind: "updateNewMessage" | "updateEditMessage",
): PtsEvent<tl.RawUpdateNewMessage | tl.RawUpdateEditMessage> {
  const tlMessage = toTlMessage(message);
  return {
    ptsCount: 1,
    userIds: referencedUserIds(message),
    chatKeys: referencedChatKeys(message),
    build: (pts) => ({ _: kind, message: tlMessage, pts, ptsCount: 1 }),
  };
}

/** Who else gets what `senderId` sends to `peerId` (fails if it may not send there): the peer of a private chat (nobody if it blocked the sender), the other members of a group or channel. */
export function recipientsOf(
  state: WorldState,
  senderId: number,
  peerId: number,
): number[] {
  if (peerKind(peerId) !== "user") {
    const chat = requireChat(state.chats, peerId);
    requirePoster(chat, senderId);
    return [...chat.members.keys()].filter((id) => id !== senderId);
  }
  const recipient = state.accounts.require(peerId);
  if (senderId === peerId) return [];
  const sender = state.accounts.require(senderId);
  if (recipient.kind === "bot" && sender.kind === "bot") {
    throw new RpcFailure(400, "USER_IS_BOT");
  }
  return privateRecipients(sender, recipient);
}

/** Pushes each owner's copies to that owner, not as the caller (the caller's copies are the sender's). */
function emitToOwners(
  ctx: DeliveryContext,
  copies: BoxMessage[],
  eventOf: (copy: BoxMessage) => PtsEvent<tl.TypeUpdate>,
): void {
  for (const [ownerId, owned] of Map.groupBy(copies, (copy) => copy.ownerId)) {
    emitContainer({ ...ctx, caller: undefined }, ownerId, owned.map(eventOf));
  }
}

/** Sends messages from `senderId` to the chat `peerId` (user, group or channel); returns the sender's `updates` (with `updateMessageID`s). */
export function sendMessages(
  ctx: DeliveryContext,
  options: { senderId: number; peerId: number; messages: Outgoing[] },
): tl.RawUpdates {
  const { state } = ctx;
  const { senderId, peerId } = options;
  if (peerKind(peerId) === "channel") {
    return sendChannelMessages(ctx, {
      senderId,
      chat: requireChat(state.chats, peerId),
      messages: options.messages,
    });
  }
  const recipientIds = recipientsOf(state, senderId, peerId);
  checkRandomIds(state, senderId, options.messages);
  const date = now();
  const delivered = options.messages.map((outgoing) =>
    state.mailboxes.deliver({
      senderId,
      peerId,
      recipientIds,
      date,
      content: outgoing.content,
      replyToId: outgoing.replyToId,
    })
  );
  const messageIds = claimRandomIds(
    state,
    senderId,
    options.messages,
    delivered.map(({ sent }) => sent.id),
  );
  const senderUpdates = emitContainer(
    ctx,
    senderId,
    delivered.map(({ sent }) => messageEvent(sent, "updateNewMessage")),
  );
  emitToOwners(
    ctx,
    delivered.flatMap(({ received }) => received),
    (copy) => messageEvent(copy, "updateNewMessage"),
  );
  return {
    ...senderUpdates,
    updates: [...messageIds, ...senderUpdates.updates],
  };
}

/** Edits a message the owner sent in the chat `peerId`, in every box that has it; returns the owner's `updates`. */
export function editMessage(
  ctx: DeliveryContext,
  options: { ownerId: number; peerId: number; id: number } & MessageEdit,
): tl.RawUpdates {
  const { state } = ctx;
  const { ownerId, peerId, id, ...edit } = options;
  if (peerKind(peerId) === "channel") {
    return editChannelMessage(ctx, {
      editorId: ownerId,
      chat: requireChat(state.chats, peerId),
      id,
      edit,
    });
  }
  const original = state.mailboxes.get(ownerId, id);
  if (!original || original.peerId !== peerId || original.action) {
    throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  }
  if (original.senderId !== ownerId) {
    throw new RpcFailure(403, "MESSAGE_AUTHOR_REQUIRED");
  }
  const fields = editedFields(original, edit, now());
  const copies = state.mailboxes.copies(original);
  for (const copy of copies) Object.assign(copy, fields);
  const ownerUpdates = emitContainer(ctx, ownerId, [
    messageEvent(original, "updateEditMessage"),
  ]);
  emitToOwners(
    ctx,
    copies.filter((copy) => copy !== original),
    (copy) => messageEvent(copy, "updateEditMessage"),
  );
  return ownerUpdates;
}

/** The other boxes' copies that deleting `message` with `revoke` removes: the peer's, or in a group everyone's if the owner sent it or created the group. */
function revokedCopies(
  state: WorldState,
  message: BoxMessage,
): BoxMessage[] {
  if (peerKind(message.peerId) === "group") {
    const chat = state.chats.get(message.peerId);
    const mayRevoke = message.senderId === message.ownerId ||
      (chat !== undefined && isModerator(chat, message.ownerId));
    if (!mayRevoke) return [];
  }
  return state.mailboxes.copies(message).filter((copy) =>
    copy.ownerId !== message.ownerId
  );
}

/** Deletes messages from the owner's box, and with `revoke` from the other boxes too. */
export function deleteMessages(
  ctx: DeliveryContext,
  options: { ownerId: number; ids: number[]; revoke: boolean },
): tl.messages.RawAffectedMessages {
  const { state } = ctx;
  const { ownerId } = options;
  const others = options.ids.flatMap((id) => {
    const message = state.mailboxes.get(ownerId, id);
    return message && options.revoke ? revokedCopies(state, message) : [];
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
  for (const [peerId, copies] of Map.groupBy(others, (copy) => copy.ownerId)) {
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

/** Marks the chat with `peerId` read up to `maxId`; the sender of the last read message learns its outgoing messages were read. */
export function readHistory(
  ctx: DeliveryContext,
  options: { ownerId: number; peerId: number; maxId: number },
): tl.messages.RawAffectedMessages {
  const { state } = ctx;
  const { ownerId, peerId } = options;
  // supergroups and channels are read with channels.readHistory
  if (peerKind(peerId) === "channel") {
    throw new RpcFailure(400, "PEER_ID_INVALID");
  }
  const maxId = options.maxId > 0 ? options.maxId : Number.MAX_SAFE_INTEGER;
  const mark = state.mailboxes.markRead(ownerId, peerId, maxId);
  if (mark === undefined) {
    return {
      _: "messages.affectedMessages",
      pts: state.updates.pts(ownerId),
      ptsCount: 0,
    };
  }
  const chatKeys = peerKind(peerId) === "group" ? [peerId] : [];
  const inbox = emitShort(ctx, ownerId, {
    ptsCount: 1,
    userIds: [peerId],
    chatKeys,
    build: (pts): tl.RawUpdateReadHistoryInbox => ({
      _: "updateReadHistoryInbox",
      peer: tlPeer(peerId),
      maxId: mark,
      stillUnreadCount: state.mailboxes.unreadCount(ownerId, peerId),
      pts,
      ptsCount: 1,
    }),
  });
  const lastRead = state.mailboxes.get(ownerId, mark)!;
  const senderId = lastRead.senderId;
  const senderCopy = senderId === ownerId
    ? undefined
    : state.mailboxes.counterpart(lastRead, senderId);
  if (senderCopy) {
    emitShort({ ...ctx, caller: undefined }, senderId, {
      ptsCount: 1,
      userIds: [ownerId],
      chatKeys,
      build: (pts): tl.RawUpdateReadHistoryOutbox => ({
        _: "updateReadHistoryOutbox",
        peer: tlPeer(senderCopy.peerId),
        maxId: senderCopy.id,
        pts,
        ptsCount: 1,
      }),
    });
  }
  return { _: "messages.affectedMessages", pts: inbox.pts, ptsCount: 1 };
}
