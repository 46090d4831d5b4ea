/**
 * Forum topics in MTKruto 0.216's shape (its types/A_topic.ts,
 * B_topic_list_item.ts, C_topic_list.ts): a Topic from a topic's service
 * messages (what `createTopic` and `editTopic` answer) or from a TL
 * `forumTopic`, and the TopicList of `messages.forumTopics`.
 */
import type { tl } from "@mtcute/core";
import type { Message } from "./message.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type ChatP, peerChatP, type PeerLookup } from "./peers.ts";
import type { MessageOf } from "./results.ts";

/** The id of every forum's General topic. */
const GENERAL_TOPIC_ID = 1;

/** A forum topic that exists. */
export interface TopicActive {
  type: "active";
  /** The topic's id: its creation message's, 1 for General. */
  id: number;
  /** When it was created (Unix seconds). */
  date: number;
  /** Who created it. */
  creator: ChatP;
  /** Whether it is the General topic. */
  isGeneral: boolean;
  /** Whether it is closed (only those who manage topics write in it). */
  isClosed: boolean;
  /** Whether it is hidden (only General can be). */
  isHidden: boolean;
  /** Its title. */
  name: string;
  /** The color of its default icon (RGB). */
  color: number;
  /** The custom emoji shown as its icon. */
  customEmojiId?: string;
  /** Always false: MTKruto 0.216 emits the key on active topics although its type does not declare it. */
  isDeleted: false;
}

/** A forum topic that was deleted. */
export interface TopicDeleted {
  type: "deleted";
  /** The deleted topic's id. */
  id: number;
}

/** A forum topic. */
export type Topic = TopicActive | TopicDeleted;

/** One topic of a list, with its newest message (built without the message it replies to). */
export interface TopicListItem {
  topic: Topic;
  lastMessage?: Omit<Message, "replyToMessage">;
}

/** A page of a forum's topics. */
export interface TopicList {
  items: TopicListItem[];
  /** Whether the items are ordered by creation date (else by their newest message). */
  isOrderedByCreationDate: boolean;
  /** How many topics there are in all. */
  count: number;
}

/**
 * The Topic a topic's creation message describes, with the title and icon of
 * an edit notice when given. As MTKruto builds it from messages alone, it is
 * never closed nor hidden.
 */
export function topicFromMessages(
  created: MessageOf<"forumTopicCreated">,
  edited?: MessageOf<"forumTopicEdited">,
): TopicActive {
  const { name, color, customEmojiId } = created.forumTopicCreated;
  return omitUndefined({
    type: "active" as const,
    id: created.id,
    date: created.date,
    creator: created.from,
    isGeneral: created.id === GENERAL_TOPIC_ID,
    isClosed: false,
    isHidden: false,
    name: edited ? edited.forumTopicEdited.name : name,
    color,
    customEmojiId: edited
      ? edited.forumTopicEdited.customEmojiId
      : customEmojiId,
    isDeleted: false as const,
  });
}

/** The Topic of a TL `forumTopic` (`forumTopicDeleted` is a deleted one); its creator must be in `peers`. */
export function renderTopic(
  topic: tl.TypeForumTopic,
  peers: PeerLookup,
): Topic {
  if (topic._ === "forumTopicDeleted") {
    return { type: "deleted", id: topic.id };
  }
  return omitUndefined({
    type: "active" as const,
    id: topic.id,
    date: topic.date,
    creator: peerChatP(peers, topic.fromId),
    isGeneral: topic.id === GENERAL_TOPIC_ID,
    isClosed: topic.closed ?? false,
    isHidden: topic.hidden ?? false,
    name: topic.title,
    color: topic.iconColor,
    customEmojiId: topic.iconEmojiId?.toString(),
    isDeleted: false as const,
  });
}

/**
 * The TopicList of a `messages.forumTopics`; `lastMessages` are its rendered
 * messages, of which each topic takes its `top_message` (without the message
 * that one replies to, as MTKruto builds it).
 */
export function renderTopicList(
  result: tl.messages.RawForumTopics,
  peers: PeerLookup,
  lastMessages: readonly Message[],
): TopicList {
  const items = result.topics.map((topic) => {
    const last = topic._ === "forumTopic"
      ? lastMessages.find((message) => message.id === topic.topMessage)
      : undefined;
    return omitUndefined({
      topic: renderTopic(topic, peers),
      lastMessage: last &&
        omitUndefined({ ...last, replyToMessage: undefined }),
    });
  });
  return {
    items,
    isOrderedByCreationDate: result.orderByCreateDate ?? false,
    count: result.count,
  };
}
