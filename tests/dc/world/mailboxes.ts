/**
 * Message boxes, as on Telegram: every account has its own box, where it
 * numbers its private and basic-group messages itself (one message between A
 * and B is two copies with different ids, linked by a shared `pairKey`), and
 * every supergroup or channel has one box of its own, keyed by its peer key,
 * whose messages all members see with the same ids.
 */
import type { tl } from "@mtcute/core";
import {
  extrasToTl,
  extraUserIds,
  type MessageExtraKey,
  type MessageExtras,
  replyHeaderOf,
} from "./message_extras.ts";
import { peerKind, tlPeer } from "./peer_keys.ts";
import { type MessageReactors, recentReactorIds } from "./reactions.ts";

/** Where a forwarded message came from. */
export interface ForwardOrigin {
  /** The original sender: an account id, or the peer key of the channel that posted it. */
  fromId: number;
  date: number;
  /** The post's id in that channel. */
  channelPost?: number;
}

/** One copy of a message, in its owner's box. */
export interface BoxMessage extends MessageExtras {
  readonly id: number;
  /** The account whose box holds the copy, or the peer key of the channel whose box it is. */
  readonly ownerId: number;
  /** The chat's peer key: the other party of a private chat (the owner itself in Saved Messages), a group, or the channel. */
  readonly peerId: number;
  /** The account that sent it (for channel posts the admin who posted, which clients are not shown). */
  readonly senderId: number;
  readonly date: number;
  /** Links the copies of the same message in different boxes. */
  readonly pairKey: number;
  text: string;
  entities?: tl.TypeMessageEntity[];
  media?: tl.TypeMessageMedia;
  replyMarkup?: tl.TypeReplyMarkup;
  replyToId?: number;
  forwardOrigin?: ForwardOrigin;
  editDate?: number;
  /** Set on service messages (whose `text` is empty). */
  action?: tl.TypeMessageAction;
  /** A broadcast channel's post: shown without `from_id`. */
  post?: boolean;
  pinned?: boolean;
  /** The message's reactions, one record shared by all its copies (see `reactions.ts`). */
  reactors?: MessageReactors;
}

/** What a new message consists of, before it gets an id in a box. */
export type MessageContent = Pick<
  BoxMessage,
  | "text"
  | "entities"
  | "media"
  | "replyMarkup"
  | "forwardOrigin"
  | "action"
  | MessageExtraKey
>;

interface Box {
  lastId: number;
  messages: Map<number, BoxMessage>;
  /** Highest incoming id per peer that the owner has read. */
  readInbox: Map<number, number>;
  /** Each rise of a peer's read mark and when it happened, oldest first (read dates, see `read_marks.ts`). */
  readLog: Map<number, { maxId: number; date: number }[]>;
}

/** Every account's and every channel's message box. */
export class Mailboxes {
  readonly #boxes = new Map<number, Box>();
  /** Every live copy of each message, by `pairKey`. */
  readonly #copies = new Map<number, Set<BoxMessage>>();
  #lastPairKey = 0;

  /**
   * Stores a message from `senderId` to the chat `peerId` in the sender's box
   * and in each of `recipientIds`' boxes (none for Saved Messages); the copies
   * share `content`'s objects, which are never mutated. Recipients see a
   * private chat as the chat with the sender, a group as the group.
   */
  deliver(options: {
    senderId: number;
    peerId: number;
    recipientIds: number[];
    date: number;
    content: MessageContent;
    /** The replied message's id in the sender's box. */
    replyToId?: number;
  }): { sent: BoxMessage; received: BoxMessage[] } {
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
    const replied = replyToId === undefined
      ? undefined
      : this.get(senderId, replyToId);
    const received = options.recipientIds.filter((id) => id !== senderId)
      .map((ownerId) =>
        this.#store({
          ownerId,
          peerId: peerKind(peerId) === "user" ? senderId : peerId,
          senderId,
          date,
          pairKey,
          ...content,
          replyToId: replied && this.counterpart(replied, ownerId)?.id,
        })
      );
    return { sent, received };
  }

  /** Stores a message in the box of channel `channelKey`; `post` hides the sender, as broadcast channels do. */
  storeInChannel(options: {
    channelKey: number;
    senderId: number;
    date: number;
    content: MessageContent;
    replyToId?: number;
    post: boolean;
  }): BoxMessage {
    const { channelKey, replyToId } = options;
    return this.#store({
      ownerId: channelKey,
      peerId: channelKey,
      senderId: options.senderId,
      date: options.date,
      pairKey: ++this.#lastPairKey,
      ...options.content,
      replyToId: replyToId !== undefined && this.get(channelKey, replyToId)
        ? replyToId
        : undefined,
      post: options.post || undefined,
    });
  }

  get(ownerId: number, id: number): BoxMessage | undefined {
    return this.#boxes.get(ownerId)?.messages.get(id);
  }

  /** The copy of `message` in `ownerId`'s box, if it still exists. */
  counterpart(message: BoxMessage, ownerId: number): BoxMessage | undefined {
    if (message.ownerId === ownerId) return message;
    return this.copies(message).find((copy) => copy.ownerId === ownerId);
  }

  /** Every live copy of `message`, itself included. */
  copies(message: BoxMessage): BoxMessage[] {
    return [...this.#copies.get(message.pairKey) ?? [message]];
  }

  /** The chat with `peerId` in `ownerId`'s box, oldest first (a channel's box holds only its own chat). */
  chat(ownerId: number, peerId: number): BoxMessage[] {
    const box = this.#boxes.get(ownerId);
    if (!box) return [];
    return [...box.messages.values()].filter((m) => m.peerId === peerId).sort((
      a,
      b,
    ) => a.id - b.id);
  }

  /** The chats that have messages in `ownerId`'s box. */
  peers(ownerId: number): number[] {
    const box = this.#boxes.get(ownerId);
    return [...new Set([...box?.messages.values() ?? []].map((m) => m.peerId))];
  }

  /** Removes messages from `ownerId`'s box, returning those that existed. */
  remove(ownerId: number, ids: number[]): BoxMessage[] {
    const box = this.#boxes.get(ownerId);
    if (!box) return [];
    return ids.flatMap((id) => {
      const message = box.messages.get(id);
      if (!message) return [];
      box.messages.delete(id);
      this.#copies.get(message.pairKey)?.delete(message);
      return [message];
    });
  }

  /** Marks incoming messages in the chat with `peerId` (for channels, in the channel's box) up to `maxId` read at `date`; returns the new read mark, or undefined if unchanged. */
  markRead(
    ownerId: number,
    peerId: number,
    maxId: number,
    date = Math.floor(Date.now() / 1000),
  ): number | undefined {
    const box = this.#box(ownerId);
    const incoming = this.#incoming(ownerId, peerId).filter((m) =>
      m.id <= maxId
    );
    const newMark = incoming.at(-1)?.id;
    if (newMark === undefined || newMark <= this.readMark(ownerId, peerId)) {
      return undefined;
    }
    box.readInbox.set(peerId, newMark);
    let log = box.readLog.get(peerId);
    if (!log) box.readLog.set(peerId, log = []);
    log.push({ maxId: newMark, date });
    return newMark;
  }

  /** When `ownerId` read the incoming message `id` of the chat with `peerId`, if it has. */
  readDate(ownerId: number, peerId: number, id: number): number | undefined {
    const log = this.#boxes.get(ownerId)?.readLog.get(peerId) ?? [];
    return log.find((entry) => entry.maxId >= id)?.date;
  }

  /** The highest incoming id of the chat with `peerId` that `ownerId` has read. */
  readMark(ownerId: number, peerId: number): number {
    return this.#boxes.get(ownerId)?.readInbox.get(peerId) ?? 0;
  }

  /** Incoming messages in the chat with `peerId` that `ownerId` has not read yet. */
  unreadCount(ownerId: number, peerId: number): number {
    const mark = this.readMark(ownerId, peerId);
    return this.#incoming(ownerId, peerId).filter((m) => m.id > mark).length;
  }

  /** In a private chat what the peer sent (everything, in Saved Messages); in a group or channel (whose own box holds it) what others sent. */
  #incoming(ownerId: number, peerId: number): BoxMessage[] {
    const fromPeer = peerKind(peerId) === "user";
    const boxOwner = peerKind(peerId) === "channel" ? peerId : ownerId;
    return this.chat(boxOwner, peerId).filter((m) =>
      fromPeer ? m.senderId === peerId : m.senderId !== ownerId
    );
  }

  #store(message: Omit<BoxMessage, "id">): BoxMessage {
    const box = this.#box(message.ownerId);
    const stored = { ...message, id: ++box.lastId };
    box.messages.set(stored.id, stored);
    let copies = this.#copies.get(stored.pairKey);
    if (!copies) this.#copies.set(stored.pairKey, copies = new Set());
    copies.add(stored);
    return stored;
  }

  #box(ownerId: number): Box {
    let box = this.#boxes.get(ownerId);
    if (!box) {
      box = {
        lastId: 0,
        messages: new Map(),
        readInbox: new Map(),
        readLog: new Map(),
      };
      this.#boxes.set(ownerId, box);
    }
    return box;
  }
}

/** The TL message for a box copy as `viewerId` sees it (by default the box's owner; channel messages need the viewer for `out`). */
export function toTlMessage(
  message: BoxMessage,
  viewerId: number = message.ownerId,
): tl.RawMessage | tl.RawMessageService {
  const common = {
    id: message.id,
    out: message.senderId === viewerId,
    fromId: message.post ? undefined : tlPeer(message.senderId),
    peerId: tlPeer(message.peerId),
    date: message.date,
    post: message.post,
    replyTo: replyHeaderOf(message),
  };
  if (message.action) {
    return { _: "messageService", ...common, action: message.action };
  }
  const origin = message.forwardOrigin;
  return {
    _: "message",
    ...common,
    pinned: message.pinned,
    message: message.text,
    entities: message.entities,
    media: message.media,
    ...extrasToTl(message, viewerId),
    replyMarkup: message.replyMarkup,
    fwdFrom: origin && {
      _: "messageFwdHeader",
      fromId: tlPeer(origin.fromId),
      date: origin.date,
      channelPost: origin.channelPost,
    },
    editDate: message.editDate,
  };
}

/** The account ids a message mentions, so results can carry their `user` objects. */
export function referencedUserIds(message: BoxMessage): number[] {
  const ids = [message.ownerId, message.peerId];
  if (!message.post) ids.push(message.senderId);
  if (message.forwardOrigin) ids.push(message.forwardOrigin.fromId);
  for (const entity of message.entities ?? []) {
    if (entity._ === "messageEntityMentionName") ids.push(entity.userId);
  }
  ids.push(...extraUserIds(message), ...recentReactorIds(message));
  const action = message.action;
  if (
    action?._ === "messageActionChatCreate" ||
    action?._ === "messageActionChatAddUser"
  ) {
    ids.push(...action.users);
  }
  if (action?._ === "messageActionChatDeleteUser") ids.push(action.userId);
  if (action?._ === "messageActionChatJoinedByLink") {
    ids.push(action.inviterId);
  }
  return ids.filter((id) => peerKind(id) === "user");
}

/** The peer keys of the groups and channels a message mentions, so results can carry their `chat` objects. */
export function referencedChatKeys(message: BoxMessage): number[] {
  const keys = [message.peerId];
  if (message.forwardOrigin) keys.push(message.forwardOrigin.fromId);
  return keys.filter((key) => peerKind(key) !== "user");
}
