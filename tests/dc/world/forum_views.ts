/**
 * How a forum's topics look to a viewer (core.telegram.org/constructor/forumTopic):
 * the `forumTopic` objects with their top message and the viewer's unread
 * count, in the order `messages.getForumTopics` lists them (pinned topics
 * first, in pin order, then by their latest message, newest first).
 */
import type { tl } from "@mtcute/core";
import type { Chat } from "./chats.ts";
import { type Forum, type ForumTopic, topicMessages } from "./forum.ts";
import type { BoxMessage } from "./mailboxes.ts";
import { tlPeer } from "./peer_keys.ts";
import type { WorldState } from "./state.ts";

/** A topic with its newest message (the creation message at least, except for an empty General). */
export interface ListedTopic {
  topic: ForumTopic;
  top?: BoxMessage;
}

/** The forum's topics whose title contains `query` (case-insensitive), in listing order. */
export function listedTopics(
  state: WorldState,
  chat: Chat,
  forum: Forum,
  query = "",
): ListedTopic[] {
  const wanted = query.toLowerCase();
  const listed = [...forum.topics.values()]
    .filter((topic) => topic.title.toLowerCase().includes(wanted))
    .map((topic) => ({
      topic,
      top: topicMessages(state, chat, topic.id).at(-1),
    }));
  const pinRank = (item: ListedTopic) => {
    const rank = forum.pinned.indexOf(item.topic.id);
    return rank === -1 ? forum.pinned.length : rank;
  };
  return listed.sort((a, b) =>
    pinRank(a) - pinRank(b) || (b.top?.id ?? 0) - (a.top?.id ?? 0)
  );
}

/** The `forumTopic` of a listed topic as `viewerId` sees it (its unread count against its read mark of the chat). */
export function toTlForumTopic(
  state: WorldState,
  chat: Chat,
  forum: Forum,
  { topic, top }: ListedTopic,
  viewerId: number,
): tl.RawForumTopic {
  const readMark = state.mailboxes.readMark(viewerId, chat.key);
  const unread = topicMessages(state, chat, topic.id).filter((message) =>
    message.id > readMark && message.senderId !== viewerId
  );
  return {
    _: "forumTopic",
    my: topic.creatorId === viewerId || undefined,
    closed: topic.closed || undefined,
    pinned: forum.pinned.includes(topic.id) || undefined,
    hidden: topic.hidden || undefined,
    id: topic.id,
    date: topic.date,
    peer: tlPeer(chat.key),
    title: topic.title,
    iconColor: topic.iconColor,
    iconEmojiId: topic.iconEmojiId,
    topMessage: top?.id ?? 0,
    readInboxMaxId: readMark,
    readOutboxMaxId: 0,
    unreadCount: unread.length,
    unreadMentionsCount: 0,
    unreadReactionsCount: 0,
    unreadPollVotesCount: 0,
    fromId: tlPeer(topic.creatorId),
    notifySettings: { _: "peerNotifySettings" },
  };
}

/**
 * A page of `messages.getForumTopics`: the topic after `offsetTopic` on (as
 * mtcute and MTKruto page), else the unpinned topics whose latest message is
 * older than `offsetId` or `offsetDate`; at most `limit` (1–100, 100 when 0).
 */
export function topicsPage(
  listed: ListedTopic[],
  forum: Forum,
  params: Pick<
    tl.messages.RawGetForumTopicsRequest,
    "offsetDate" | "offsetId" | "offsetTopic" | "limit"
  >,
): ListedTopic[] {
  const unpinned = (item: ListedTopic) => !forum.pinned.includes(item.topic.id);
  let rest = listed;
  if (params.offsetTopic) {
    const index = listed.findIndex((item) =>
      item.topic.id === params.offsetTopic
    );
    rest = index === -1 ? [] : listed.slice(index + 1);
  } else if (params.offsetId) {
    rest = listed.filter((item) =>
      unpinned(item) && (item.top?.id ?? 0) < params.offsetId
    );
  } else if (params.offsetDate) {
    rest = listed.filter((item) =>
      unpinned(item) && (item.top?.date ?? 0) < params.offsetDate
    );
  }
  const limit = params.limit > 0 ? Math.min(params.limit, 100) : 100;
  return rest.slice(0, limit);
}
