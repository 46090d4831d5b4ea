/**
 * How poll changes reach clients: `updateMessagePoll` (no pts; not in the
 * difference) with each recipient's own view of the results, to the owners
 * of the poll message's other copies (in a supergroup or channel, to the
 * poll's creator), and as the result of the voter's or closer's call. A bot
 * that created a non-anonymous poll also learns who voted for what:
 * `updateMessagePollVote`, a qts update.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { editMessage } from "./delivery.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { type BoxMessage, referencedChatKeys } from "./mailboxes.ts";
import { peerKind, tlPeer } from "./peer_keys.ts";
import { messageInChat } from "./peers.ts";
import { closePoll, isPoll, pollUpdate, viewPollMedia, vote } from "./polls.ts";
import { emitQts } from "./qts.ts";

/** The accounts that see `message`'s poll besides `actorId`, each with the copy it has. */
function audience(
  ctx: DeliveryContext,
  message: BoxMessage,
  actorId: number,
): { viewerId: number; copy: BoxMessage }[] {
  if (peerKind(message.ownerId) === "channel") {
    return message.senderId === actorId
      ? []
      : [{ viewerId: message.senderId, copy: message }];
  }
  return ctx.state.mailboxes.copies(message)
    .filter((copy) => copy.ownerId !== actorId)
    .map((copy) => ({ viewerId: copy.ownerId, copy }));
}

function container(
  ctx: DeliveryContext,
  viewerId: number,
  message: BoxMessage,
  update: tl.RawUpdateMessagePoll,
): tl.RawUpdates {
  return {
    _: "updates",
    updates: [update],
    users: ctx.state.users([viewerId, message.senderId], viewerId),
    chats: ctx.state.chatObjects(referencedChatKeys(message), viewerId),
    date: now(),
    seq: 0,
  };
}

/** Tells everyone who sees the poll of `message` (the actor's copy) that it changed; returns the actor's `updates`. */
export function announcePoll(
  ctx: DeliveryContext,
  message: BoxMessage,
  actorId: number,
  withPoll: boolean,
): tl.RawUpdates {
  for (const { viewerId, copy } of audience(ctx, message, actorId)) {
    const update = pollUpdate(copy.media, {
      viewerId,
      peerKey: copy.peerId,
      msgId: copy.id,
    }, withPoll);
    ctx.sessions.push(viewerId, container(ctx, viewerId, copy, update));
  }
  const own = pollUpdate(message.media, {
    viewerId: actorId,
    peerKey: message.peerId,
    msgId: message.id,
  }, withPoll);
  const result = container(ctx, actorId, message, own);
  ctx.sessions.push(actorId, result, ctx.caller);
  return result;
}

/** `messages.sendVote`: `voterId` votes for `options` (none retracts) in the poll of message `msgId` of its chat `peerKey`. */
export function sendVote(
  ctx: DeliveryContext,
  ballot: {
    voterId: number;
    peerKey: number;
    msgId: number;
    options: Uint8Array[];
  },
): tl.RawUpdates {
  const message = messageInChat(
    ctx.state,
    ballot.voterId,
    ballot.peerKey,
    ballot.msgId,
  );
  if (!message || !isPoll(message.media)) {
    throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  }
  vote(message.media, ballot.voterId, ballot.options);
  // mtcute reads the poll from the result's first update
  const result = announcePoll(ctx, message, ballot.voterId, true);
  tellCreatorBot(ctx, message, ballot.voterId, ballot.options);
  return result;
}

/** The poll as `viewerId` sees it (`creator` set for its creator). */
function pollAs(media: tl.TypeMessageMedia, viewerId: number): tl.RawPoll {
  const view = viewPollMedia(media, viewerId) as tl.RawMessageMediaPoll;
  return view.poll as tl.RawPoll;
}

/**
 * Sends `updateMessagePollVote` to the bot that created the poll of
 * `message` (its sender, or the original sender of a forwarded poll) when
 * the poll is not anonymous, as Telegram does; a retracted vote has no
 * options.
 */
function tellCreatorBot(
  ctx: DeliveryContext,
  message: BoxMessage,
  voterId: number,
  options: Uint8Array[],
): void {
  const media = message.media!;
  const candidates = [message.senderId, message.forwardOrigin?.fromId];
  const creatorId = candidates.find((id) =>
    id !== undefined && peerKind(id) === "user" && pollAs(media, id).creator
  );
  if (
    creatorId === undefined ||
    ctx.state.accounts.get(creatorId)?.kind !== "bot"
  ) return;
  const poll = pollAs(media, creatorId);
  if (!poll.publicVoters) return;
  const answers = poll.answers as tl.RawPollAnswer[];
  const positions = options.map((option) =>
    answers.findIndex((answer) =>
      answer.option.length === option.length &&
      answer.option.every((byte, i) => byte === option[i])
    )
  );
  emitQts(ctx, creatorId, {
    userIds: [voterId],
    build: (qts): tl.RawUpdateMessagePollVote => ({
      _: "updateMessagePollVote",
      pollId: poll.id,
      peer: tlPeer(voterId),
      options,
      positions,
      qts,
    }),
  });
}

/**
 * `messages.editMessage` with a closed `inputMediaPoll` on a poll message:
 * only its sender may close it, a poll cannot be changed otherwise
 * (`MEDIA_INVALID`). The result has `updateMessagePoll` first (mtcute reads
 * it there), then the edit.
 */
export function closePollByEdit(
  ctx: DeliveryContext,
  options: {
    editorId: number;
    peerKey: number;
    message: BoxMessage;
    input: tl.RawInputMediaPoll;
    replyMarkup?: tl.TypeReplyMarkup;
  },
): tl.RawUpdates {
  const { editorId, message } = options;
  if (message.senderId !== editorId) {
    throw new RpcFailure(403, "MESSAGE_AUTHOR_REQUIRED");
  }
  if (options.input.poll._ !== "poll" || !options.input.poll.closed) {
    throw new RpcFailure(400, "MEDIA_INVALID");
  }
  closePoll(message.media);
  const announced = announcePoll(ctx, message, editorId, true);
  const edited = editMessage(ctx, {
    ownerId: editorId,
    peerId: options.peerKey,
    id: message.id,
    media: message.media,
    replyMarkup: options.replyMarkup,
  });
  return { ...edited, updates: [...announced.updates, ...edited.updates] };
}
