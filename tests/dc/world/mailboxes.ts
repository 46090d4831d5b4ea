/**
 * Private messages, stored like Telegram's per-user message box: every account
 * numbers its own messages, so one message between A and B is two copies with
 * different ids, linked by a shared `pairKey`.
 */
import type { tl } from "@mtcute/core";

/** Where a forwarded message came from. */
export interface ForwardOrigin {
  fromId: number;
  date: number;
}

/** One copy of a message, in its owner's box. */
export interface BoxMessage {
  readonly id: number;
  readonly ownerId: number;
  /** The other party of the private chat (the owner itself in Saved Messages). */
  readonly peerId: number;
  readonly senderId: number;
  readonly date: number;
  /** Links the copies of the same message in different boxes. */
  readonly pairKey: number;
  text: string;
  entities?: tl.TypeMessageEntity[];
  media?: tl.TypeMessageMedia;
  replyToId?: number;
  forwardOrigin?: ForwardOrigin;
  editDate?: number;
}

/** What a new message consists of, before it gets an id in a box. */
export type MessageContent = Pick<
  BoxMessage,
  "text" | "entities" | "media" | "forwardOrigin"
>;

interface Box {
  lastId: number;
  messages: Map<number, BoxMessage>;
  /** Highest incoming id per peer that the owner has read. */
  readInbox: Map<number, number>;
}

/** Every account's message box. */
export class Mailboxes {
  readonly #boxes = new Map<number, Box>();
  #lastPairKey = 0;

  /** Stores a message from `senderId` to `peerId` in both boxes (once in Saved Messages); the copies share `content`'s objects, which are never mutated. */
  deliver(options: {
    senderId: number;
    peerId: number;
    date: number;
    content: MessageContent;
    /** The replied message's id in the sender's box. */
    replyToId?: number;
  }): { sent: BoxMessage; received?: BoxMessage } {
    const { senderId, peerId, date, content, replyToId } = options;
    const pairKey = ++this.#lastPairKey;
    const sent = this.#store({
      ownerId: senderId,
      peerId,
      senderId,
      date,
      pairKey,
      ...content,
      replyToId,
    });
    if (senderId === peerId) return { sent };
    const repliedCopy = replyToId === undefined
      ? undefined
      : this.counterpart(this.get(senderId, replyToId)!, peerId);
    const received = this.#store({
      ownerId: peerId,
      peerId: senderId,
      senderId,
      date,
      pairKey,
      ...content,
      replyToId: repliedCopy?.id,
    });
    return { sent, received };
  }

  get(ownerId: number, id: number): BoxMessage | undefined {
    return this.#boxes.get(ownerId)?.messages.get(id);
  }

  /** The copy of `message` in `ownerId`'s box, if it still exists. */
  counterpart(message: BoxMessage, ownerId: number): BoxMessage | undefined {
    if (message.ownerId === ownerId) return message;
    const box = this.#boxes.get(ownerId);
    if (!box) return undefined;
    for (const candidate of box.messages.values()) {
      if (candidate.pairKey === message.pairKey) return candidate;
    }
    return undefined;
  }

  /** The private chat with `peerId` in `ownerId`'s box, oldest first. */
  chat(ownerId: number, peerId: number): BoxMessage[] {
    const box = this.#boxes.get(ownerId);
    if (!box) return [];
    return [...box.messages.values()].filter((m) => m.peerId === peerId).sort((
      a,
      b,
    ) => a.id - b.id);
  }

  /** Removes messages from `ownerId`'s box, returning those that existed. */
  remove(ownerId: number, ids: number[]): BoxMessage[] {
    const box = this.#boxes.get(ownerId);
    if (!box) return [];
    return ids.flatMap((id) => {
      const message = box.messages.get(id);
      if (!message) return [];
      box.messages.delete(id);
      return [message];
    });
  }

  /** Marks incoming messages from `peerId` up to `maxId` read; returns the new read mark, or undefined if unchanged. */
  markRead(ownerId: number, peerId: number, maxId: number): number | undefined {
    const box = this.#box(ownerId);
    const incoming = this.chat(ownerId, peerId).filter((m) =>
      m.senderId === peerId && m.id <= maxId
    );
    const newMark = incoming.at(-1)?.id;
    if (newMark === undefined || newMark <= (box.readInbox.get(peerId) ?? 0)) {
      return undefined;
    }
    box.readInbox.set(peerId, newMark);
    return newMark;
  }

  /** Incoming messages from `peerId` that `ownerId` has not read yet. */
  unreadCount(ownerId: number, peerId: number): number {
    const mark = this.#boxes.get(ownerId)?.readInbox.get(peerId) ?? 0;
    return this.chat(ownerId, peerId).filter((m) =>
      m.senderId === peerId && m.id > mark
    ).length;
  }

  #store(message: Omit<BoxMessage, "id">): BoxMessage {
    const box = this.#box(message.ownerId);
    const stored = { ...message, id: ++box.lastId };
    box.messages.set(stored.id, stored);
    return stored;
  }

  #box(ownerId: number): Box {
    let box = this.#boxes.get(ownerId);
    if (!box) {
      box = { lastId: 0, messages: new Map(), readInbox: new Map() };
      this.#boxes.set(ownerId, box);
    }
    return box;
  }
}

/** The TL `message` object for a box copy. */
export function toTlMessage(message: BoxMessage): tl.RawMessage {
  return {
    _: "message",
    id: message.id,
    out: message.senderId === message.ownerId,
    fromId: { _: "peerUser", userId: message.senderId },
    peerId: { _: "peerUser", userId: message.peerId },
    date: message.date,
    message: message.text,
    entities: message.entities,
    media: message.media,
    replyTo: message.replyToId === undefined
      ? undefined
      : { _: "messageReplyHeader", replyToMsgId: message.replyToId },
    fwdFrom: message.forwardOrigin && {
      _: "messageFwdHeader",
      fromId: { _: "peerUser", userId: message.forwardOrigin.fromId },
      date: message.forwardOrigin.date,
    },
    editDate: message.editDate,
  };
}

/** The account ids a message mentions, so results can carry their `user` objects. */
export function referencedUserIds(message: BoxMessage): number[] {
  const ids = [message.ownerId, message.peerId, message.senderId];
  if (message.forwardOrigin) ids.push(message.forwardOrigin.fromId);
  for (const entity of message.entities ?? []) {
    if (entity._ === "messageEntityMentionName") ids.push(entity.userId);
  }
  return ids;
}
