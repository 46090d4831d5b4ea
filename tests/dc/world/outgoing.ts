/** What sending and editing share, whatever the box: `random_id` dedupe and the rules of an edit. */
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { BoxMessage, ForwardOrigin, MessageContent } from "./mailboxes.ts";
import type { WorldState } from "./state.ts";

/** One message to send, with the `random_id` its client chose. */
export interface Outgoing {
  content: MessageContent;
  /** The replied message's id in the sender's box (the channel's box for channels). */
  replyToId?: number;
  randomId?: Long;
}

/** What an edit may change. */
export interface MessageEdit {
  text?: string;
  entities?: tl.TypeMessageEntity[];
  media?: tl.TypeMessageMedia;
  replyMarkup?: tl.TypeReplyMarkup;
}

function randomKey(senderId: number, randomId: Long): string {
  return `${senderId}:${randomId.toString()}`;
}

/** Fails with `RANDOM_ID_DUPLICATE` if `senderId` used any of these `random_id`s before. */
export function checkRandomIds(
  state: WorldState,
  senderId: number,
  messages: Outgoing[],
): void {
  const duplicate = messages.some(({ randomId }) =>
    randomId && state.randomIds.has(randomKey(senderId, randomId))
  );
  if (duplicate) throw new RpcFailure(500, "RANDOM_ID_DUPLICATE");
}

/** Remembers the `random_id`s of sent messages; returns the `updateMessageID`s telling the sender their ids. */
export function claimRandomIds(
  state: WorldState,
  senderId: number,
  messages: Outgoing[],
  sentIds: number[],
): tl.RawUpdateMessageID[] {
  return messages.flatMap(({ randomId }, index) => {
    if (!randomId) return [];
    state.randomIds.set(randomKey(senderId, randomId), sentIds[index]);
    return [{ _: "updateMessageID", id: sentIds[index], randomId }];
  });
}

/** The fields an edit sets on `original` (with a fresh `editDate`); `MESSAGE_NOT_MODIFIED` when it changes nothing. */
export function editedFields(
  original: BoxMessage,
  edit: MessageEdit,
  editDate: number,
): Partial<BoxMessage> {
  const text = edit.text ?? original.text;
  const entities = edit.text === undefined ? original.entities : edit.entities;
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(a) === JSON.stringify(b);
  const unchanged = text === original.text &&
    same(entities, original.entities) &&
    same(edit.replyMarkup, original.replyMarkup);
  if (unchanged && !edit.media) {
    throw new RpcFailure(400, "MESSAGE_NOT_MODIFIED");
  }
  return {
    text,
    entities,
    media: edit.media ?? original.media,
    // as on Telegram, an edit without reply_markup removes the keyboard
    replyMarkup: edit.replyMarkup,
    editDate,
  };
}

/** Where a forward of `original` says it comes from: its own origin if it is a forward, the channel for broadcast posts, the sender otherwise. */
export function forwardOriginOf(original: BoxMessage): ForwardOrigin {
  if (original.forwardOrigin) return original.forwardOrigin;
  return original.post
    ? { fromId: original.peerId, date: original.date, channelPost: original.id }
    : { fromId: original.senderId, date: original.date };
}
