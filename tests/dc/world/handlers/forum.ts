/** `channels.toggleForum` and the `messages.*` methods of forum topics (core.telegram.org/api/forum), in the layer's `peer` form. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { type Chat, requireReader } from "../chats.ts";
import { requireForum } from "../forum.ts";
import {
  createTopic,
  deleteTopic,
  editTopic,
  pinTopic,
  toggleForum,
} from "../forum_changes.ts";
import {
  type ListedTopic,
  listedTopics,
  topicsPage,
  toTlForumTopic,
} from "../forum_views.ts";
import {
  referencedChatKeys,
  referencedUserIds,
  toTlMessage,
} from "../mailboxes.ts";
import { peerKind } from "../peer_keys.ts";
import { resolveChannel, resolvePeer } from "../peers.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
} from "./types.ts";

/** The supergroup or channel a forum method's `peer` names; private chats (bot forums, not modelled) are `PEER_ID_INVALID`. */
function chatOf(ctx: AuthorizedContext, peer: tl.TypeInputPeer): Chat {
  const key = resolvePeer(ctx.state, ctx.self.id, peer);
  const chat = ctx.state.chats.get(key);
  if (peerKind(key) === "user" || !chat) {
    throw new RpcFailure(400, "PEER_ID_INVALID");
  }
  return chat;
}

/** A `messages.forumTopics` of `topics` with their top messages, as the caller sees them. */
function forumTopicsResult(
  ctx: AuthorizedContext,
  chat: Chat,
  topics: (ListedTopic | number)[],
  count: number,
): tl.messages.RawForumTopics {
  const forum = requireForum(chat);
  const viewerId = ctx.self.id;
  const found = topics.filter((item) => typeof item !== "number");
  const tops = found.flatMap((item) => item.top ? [item.top] : []);
  return {
    _: "messages.forumTopics",
    count,
    topics: topics.map((item) =>
      typeof item === "number"
        ? { _: "forumTopicDeleted", id: item }
        : toTlForumTopic(ctx.state, chat, forum, item, viewerId)
    ),
    messages: tops.map((message) => toTlMessage(message, viewerId)),
    chats: ctx.state.chatObjects(
      [chat.key, ...tops.flatMap(referencedChatKeys)],
      viewerId,
    ),
    users: ctx.state.users(
      [
        ...found.map((item) => item.topic.creatorId),
        ...tops.flatMap(referencedUserIds),
      ],
      viewerId,
    ),
    pts: ctx.state.channelLogs.pts(chat.key),
  };
}

/** Handlers of forums and their topics. */
export const forumHandlers: HandlerTable = {
  "channels.toggleForum": loggedIn((ctx, params) =>
    toggleForum(
      ctx,
      resolveChannel(ctx.state, ctx.self.id, params.channel),
      ctx.self.id,
      { enabled: params.enabled, tabs: params.tabs },
    )
  ),
  "messages.createForumTopic": loggedIn((ctx, params) => {
    const chat = chatOf(ctx, params.peer);
    if (
      params.sendAs &&
      resolvePeer(ctx.state, ctx.self.id, params.sendAs) !== ctx.self.id
    ) {
      // sending as a channel is not modelled
      throw new RpcFailure(400, "SEND_AS_PEER_INVALID");
    }
    return createTopic(ctx, chat, ctx.self.id, {
      title: params.title,
      iconColor: params.iconColor,
      iconEmojiId: params.iconEmojiId,
      randomId: params.randomId,
    });
  }),
  "messages.editForumTopic": loggedIn((ctx, params) =>
    editTopic(ctx, chatOf(ctx, params.peer), ctx.self.id, params.topicId, {
      title: params.title,
      iconEmojiId: params.iconEmojiId,
      closed: params.closed,
      hidden: params.hidden,
    })
  ),
  "messages.updatePinnedForumTopic": loggedIn((ctx, params) =>
    pinTopic(ctx, chatOf(ctx, params.peer), ctx.self.id, {
      topicId: params.topicId,
      pinned: params.pinned,
    })
  ),
  "messages.deleteTopicHistory": loggedIn((ctx, params) =>
    deleteTopic(ctx, chatOf(ctx, params.peer), ctx.self.id, params.topMsgId)
  ),
  "messages.getForumTopics": loggedIn((ctx, params) => {
    const chat = chatOf(ctx, params.peer);
    requireReader(chat, ctx.self.id);
    const forum = requireForum(chat);
    const listed = listedTopics(ctx.state, chat, forum, params.q);
    return forumTopicsResult(
      ctx,
      chat,
      topicsPage(listed, forum, params),
      listed.length,
    );
  }),
  "messages.getForumTopicsByID": loggedIn((ctx, params) => {
    const chat = chatOf(ctx, params.peer);
    requireReader(chat, ctx.self.id);
    const forum = requireForum(chat);
    if (params.topics.length === 0) throw new RpcFailure(400, "TOPICS_EMPTY");
    const listed = listedTopics(ctx.state, chat, forum);
    const topics = params.topics.map((id) =>
      listed.find((item) => item.topic.id === id) ?? id
    );
    return forumTopicsResult(ctx, chat, topics, topics.length);
  }),
};
