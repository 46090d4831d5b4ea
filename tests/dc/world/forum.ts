/**
 * Forums (core.telegram.org/api/forum): supergroups whose messages are
 * sorted into topics. Every forum has the undeletable "General" topic, id 1,
 * which holds what is sent as to a normal supergroup; any other topic is the
 * thread of the `messageActionTopicCreate` service message that created it,
 * and has that message's id. A message goes to a topic by replying to its
 * creation message or to a message in it; each stored message remembers its
 * topic (`topicId`, see `message_extras.ts` for the reply header it makes).
 *
 * Who may: the creator and admins with `manage_topics` manage every topic;
 * members create topics and edit or close their own unless a restriction
 * takes `manage_topics` (the default rights forbid nothing here). Closed
 * topics take messages only from those who manage topics.
 *
 * This file keeps the state and the rules; `forum_changes.ts` applies and
 * announces the changes, `forum_views.ts` shows topics as TL objects.
 */
import type { Long } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Chat } from "./chats.ts";
import { settingsOf } from "./chat_settings.ts";
import type { BoxMessage } from "./mailboxes.ts";
import { activeRestriction, hasAdminRight } from "./members_view.ts";
import type { Outgoing } from "./outgoing.ts";
import type { WorldState } from "./state.ts";

/** The id of every forum's General topic. */
export const GENERAL_TOPIC_ID = 1;
/** The colors of the default topic icon (`icon_color`); the first is used when none or another is asked for. */
export const TOPIC_ICON_COLORS: readonly number[] = [
  0x6FB9F0,
  0xFFD67E,
  0xCB86DB,
  0x8EEE98,
  0xFF93B2,
  0xFB6F5F,
];
/** Telegram's longest topic title. */
const MAX_TOPIC_TITLE_LENGTH = 128;
const GENERAL_TITLE = "General";

/** One topic of a forum. */
export interface ForumTopic {
  readonly id: number;
  /** When it was created (Unix seconds). */
  readonly date: number;
  readonly creatorId: number;
  title: string;
  /** The default icon's color; it cannot change after creation. */
  readonly iconColor: number;
  /** The custom emoji shown instead of the default icon. */
  iconEmojiId?: Long;
  closed: boolean;
  /** Only the General topic can be hidden. */
  hidden: boolean;
}

/** A forum's topics; kept when the forum is turned off, so turning it on again brings them back. */
export interface Forum {
  /** `forum_tabs`: the tabbed topic list instead of the list-based one. */
  tabs: boolean;
  /** The live topics, by id (General included). */
  readonly topics: Map<number, ForumTopic>;
  /** Pinned topic ids, in pin order. */
  pinned: number[];
}

/** Whether `chat` is a forum now (`channel.forum`, kept in the chat's settings). */
export function isForum(chat: Chat): boolean {
  return chat.type === "supergroup" && settingsOf(chat).isForum;
}

/** `chat`'s topics, made (with General, dated `date`) the first time they are needed. */
export function forumTopicsOf(chat: Chat, date = chat.date): Forum {
  chat.forum ??= {
    tabs: false,
    topics: new Map([[GENERAL_TOPIC_ID, {
      id: GENERAL_TOPIC_ID,
      date,
      creatorId: chat.creatorId,
      title: GENERAL_TITLE,
      iconColor: TOPIC_ICON_COLORS[0],
      closed: false,
      hidden: false,
    }]]),
    pinned: [],
  };
  return chat.forum;
}

/** The topics of a forum; `CHANNEL_FORUM_MISSING` for a chat that is not one. */
export function requireForum(chat: Chat): Forum {
  if (!isForum(chat)) throw new RpcFailure(400, "CHANNEL_FORUM_MISSING");
  return forumTopicsOf(chat);
}

/** A live topic of the forum; `TOPIC_ID_INVALID` for another id. */
export function requireTopic(forum: Forum, topicId: number): ForumTopic {
  const topic = forum.topics.get(topicId);
  if (!topic) throw new RpcFailure(400, "TOPIC_ID_INVALID");
  return topic;
}

/** A topic title as stored: trimmed, 1–128 characters. */
export function topicTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw new RpcFailure(400, "TOPIC_TITLE_EMPTY");
  if (trimmed.length > MAX_TOPIC_TITLE_LENGTH) {
    throw new RpcFailure(400, "TOPIC_TITLE_TOO_LONG");
  }
  return trimmed;
}

/** The icon color a new topic gets: the one asked for if Telegram offers it, else the first. */
export function topicIconColor(asked: number | undefined): number {
  return asked !== undefined && TOPIC_ICON_COLORS.includes(asked)
    ? asked
    : TOPIC_ICON_COLORS[0];
}

/** Whether `userId` manages every topic of `chat`: its creator, or an admin with `manage_topics`. */
export function managesTopics(chat: Chat, userId: number): boolean {
  return chat.creatorId === userId ||
    hasAdminRight(chat, userId, "manageTopics");
}

/** Fails unless `userId` is a member (`CHANNEL_PRIVATE`). */
export function requireForumMember(chat: Chat, userId: number): void {
  if (!chat.members.has(userId)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
}

/** Whether a member's restriction takes `manage_topics` from it. */
function barredFromTopics(chat: Chat, userId: number): boolean {
  return activeRestriction(chat.members.get(userId))?.rights.manageTopics ===
    true;
}

/** Fails unless `userId` may create topics (`CHAT_ADMIN_REQUIRED`). */
export function requireTopicCreator(chat: Chat, userId: number): void {
  requireForumMember(chat, userId);
  if (managesTopics(chat, userId)) return;
  if (barredFromTopics(chat, userId)) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
}

/** Fails unless `userId` may edit, close or reopen `topic`: managers any, members their own (General only managers). */
export function requireTopicEditor(
  chat: Chat,
  topic: ForumTopic,
  userId: number,
): void {
  requireForumMember(chat, userId);
  if (managesTopics(chat, userId)) return;
  const ownTopic = topic.id !== GENERAL_TOPIC_ID &&
    topic.creatorId === userId && !barredFromTopics(chat, userId);
  if (!ownTopic) throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
}

/** Fails unless `userId` manages topics (General's visibility, pins). */
export function requireTopicManager(chat: Chat, userId: number): void {
  requireForumMember(chat, userId);
  if (!managesTopics(chat, userId)) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
}

/** The topic a stored message of a forum is in: its own for a topic's creation message, General for what has none. */
export function topicOfMessage(chat: Chat, message: BoxMessage): number {
  if (message.topicId !== undefined) return message.topicId;
  const createsTopic = message.action?._ === "messageActionTopicCreate" &&
    chat.forum?.topics.has(message.id) === true;
  return createsTopic ? message.id : GENERAL_TOPIC_ID;
}

/** The messages of topic `topicId`, oldest first (its creation message included). */
export function topicMessages(
  state: WorldState,
  chat: Chat,
  topicId: number,
): BoxMessage[] {
  return state.mailboxes.chat(chat.key, chat.key).filter((message) =>
    topicOfMessage(chat, message) === topicId
  );
}

/**
 * The `topicId` a new message of `chat` gets: that of the message it replies
 * to, undefined for General and outside forums. A closed topic takes
 * messages only from those who manage topics (`TOPIC_CLOSED`); service
 * messages are the topic changes themselves and always go through.
 */
export function topicOfNewMessage(
  state: WorldState,
  chat: Chat,
  senderId: number,
  outgoing: Outgoing,
): number | undefined {
  if (!isForum(chat)) return undefined;
  const replied = outgoing.replyToId === undefined
    ? undefined
    : state.mailboxes.get(chat.key, outgoing.replyToId);
  const topicId = replied ? topicOfMessage(chat, replied) : GENERAL_TOPIC_ID;
  const topic = forumTopicsOf(chat).topics.get(topicId);
  if (topic?.closed && !outgoing.content.action) {
    if (!managesTopics(chat, senderId)) {
      throw new RpcFailure(400, "TOPIC_CLOSED");
    }
  }
  return topicId === GENERAL_TOPIC_ID ? undefined : topicId;
}

/** The forum flags of a `channel` object besides `forum` (kept with the settings): `forum_tabs`. */
export function forumTabsFlag(chat: Chat): true | undefined {
  return (isForum(chat) && chat.forum?.tabs) || undefined;
}
