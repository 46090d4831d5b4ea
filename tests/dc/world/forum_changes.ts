/**
 * Changing forums as core.telegram.org/api/forum describes: turning a
 * supergroup into a forum and back (`channels.toggleForum`, its creator
 * only; members learn from `updateChannel`), creating topics
 * (`messageActionTopicCreate`, whose id becomes the topic's), editing,
 * closing and hiding them (`messageActionTopicEdit` in the topic), pinning
 * them (`updatePinnedForumTopic` to every member) and deleting them with
 * their messages (`updateDeleteChannelMessages`).
 */
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { deleteChannelMessages, sendChannelMessages } from "./channels.ts";
import { announceChange } from "./chat_edits.ts";
import { updateSettings } from "./chat_settings.ts";
import type { Chat } from "./chats.ts";
import { type DeliveryContext, now } from "./emit.ts";
import {
  type ForumTopic,
  forumTopicsOf,
  GENERAL_TOPIC_ID,
  isForum,
  requireForum,
  requireForumMember,
  requireTopic,
  requireTopicCreator,
  requireTopicEditor,
  requireTopicManager,
  topicIconColor,
  topicMessages,
  topicTitle,
} from "./forum.ts";
import { hasAdminRight } from "./members_view.ts";
import { tlPeer } from "./peer_keys.ts";

/** What `messages.editForumTopic` asks to change (each part optional). */
export type TopicChange = Pick<
  tl.messages.RawEditForumTopicRequest,
  "title" | "iconEmojiId" | "closed" | "hidden"
>;

/** `channels.toggleForum`: the creator of a supergroup turns topics on (with `tabs` or the list UI) or off; the same state again is `CHAT_NOT_MODIFIED`. */
export function toggleForum(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  options: { enabled: boolean; tabs: boolean },
): tl.RawUpdates {
  if (chat.type !== "supergroup") throw new RpcFailure(400, "CHANNEL_INVALID");
  requireForumMember(chat, actorId);
  if (chat.creatorId !== actorId) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
  const forum = forumTopicsOf(chat, now());
  const unchanged = isForum(chat) === options.enabled &&
    (!options.enabled || forum.tabs === options.tabs);
  if (unchanged) throw new RpcFailure(400, "CHAT_NOT_MODIFIED");
  updateSettings(chat, { isForum: options.enabled });
  if (options.enabled) forum.tabs = options.tabs;
  return announceChange(ctx, chat, actorId);
}

/** `messages.createForumTopic`: posts `messageActionTopicCreate` from `actorId`; its id is the new topic's. */
export function createTopic(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  options: {
    title: string;
    iconColor?: number;
    iconEmojiId?: Long;
    randomId: Long;
  },
): tl.RawUpdates {
  const forum = requireForum(chat);
  requireTopicCreator(chat, actorId);
  const title = topicTitle(options.title);
  const iconColor = topicIconColor(options.iconColor);
  const iconEmojiId = options.iconEmojiId?.isZero()
    ? undefined
    : options.iconEmojiId;
  const posted = sendChannelMessages(ctx, {
    senderId: actorId,
    chat,
    messages: [{
      content: {
        text: "",
        action: {
          _: "messageActionTopicCreate",
          title,
          iconColor,
          iconEmojiId,
        },
      },
      randomId: options.randomId,
    }],
  });
  const created = posted.updates.find((update) =>
    update._ === "updateNewChannelMessage"
  ) as tl.RawUpdateNewChannelMessage;
  const id = created.message.id;
  forum.topics.set(id, {
    id,
    date: (created.message as tl.RawMessageService).date,
    creatorId: actorId,
    title,
    iconColor,
    iconEmojiId,
    closed: false,
    hidden: false,
  });
  return posted;
}

/** Fails unless the change is one Telegram takes: `closed` and `hidden` alone, `hidden` and no icon for General only. */
function checkTopicChange(topicId: number, change: TopicChange): void {
  const edits = change.title !== undefined || change.iconEmojiId !== undefined;
  if (
    change.closed !== undefined && (edits || change.hidden !== undefined)
  ) {
    throw new RpcFailure(400, "TOPIC_CLOSE_SEPARATELY");
  }
  if (change.hidden !== undefined && edits) {
    throw new RpcFailure(400, "TOPIC_HIDE_SEPARATELY");
  }
  if (change.hidden !== undefined && topicId !== GENERAL_TOPIC_ID) {
    throw new RpcFailure(400, "NOGENERAL_HIDE_FORBIDDEN");
  }
  if (change.iconEmojiId !== undefined && topicId === GENERAL_TOPIC_ID) {
    throw new RpcFailure(400, "GENERAL_MODIFY_ICON_FORBIDDEN");
  }
}

/** Applies what of `change` differs from `topic`; the action telling it (with only those fields), or undefined when nothing differs. */
function applyTopicChange(
  topic: ForumTopic,
  change: TopicChange,
): tl.RawMessageActionTopicEdit | undefined {
  const action: tl.RawMessageActionTopicEdit = { _: "messageActionTopicEdit" };
  const title = change.title === undefined
    ? undefined
    : topicTitle(change.title);
  if (title !== undefined && title !== topic.title) {
    action.title = topic.title = title;
  }
  // 0 switches back to the default icon
  const icon = change.iconEmojiId;
  const current = topic.iconEmojiId ?? Long.ZERO;
  if (icon !== undefined && !icon.eq(current)) {
    action.iconEmojiId = icon;
    topic.iconEmojiId = icon.isZero() ? undefined : icon;
  }
  if (change.closed !== undefined && change.closed !== topic.closed) {
    action.closed = topic.closed = change.closed;
  }
  if (change.hidden !== undefined && change.hidden !== topic.hidden) {
    action.hidden = topic.hidden = change.hidden;
  }
  return Object.keys(action).length > 1 ? action : undefined;
}

/** `messages.editForumTopic`: posts `messageActionTopicEdit` in the topic; a change to nothing is `TOPIC_NOT_MODIFIED`. */
export function editTopic(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  topicId: number,
  change: TopicChange,
): tl.RawUpdates {
  const topic = requireTopic(requireForum(chat), topicId);
  checkTopicChange(topicId, change);
  if (change.hidden !== undefined) requireTopicManager(chat, actorId);
  else requireTopicEditor(chat, topic, actorId);
  const action = applyTopicChange(topic, change);
  if (!action) throw new RpcFailure(400, "TOPIC_NOT_MODIFIED");
  return sendChannelMessages(ctx, {
    senderId: actorId,
    chat,
    messages: [{
      content: { text: "", action },
      // a topic's messages reply to its creation message; General has none
      replyToId: topicId === GENERAL_TOPIC_ID ? undefined : topicId,
    }],
  });
}

/** `messages.updatePinnedForumTopic`: pins a topic (last in the pinned list) or unpins it; every member gets `updatePinnedForumTopic`. */
export function pinTopic(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  options: { topicId: number; pinned: boolean },
): tl.RawUpdates {
  const forum = requireForum(chat);
  const { topicId, pinned } = options;
  requireTopic(forum, topicId);
  requireTopicManager(chat, actorId);
  forum.pinned = forum.pinned.filter((id) => id !== topicId);
  if (pinned) forum.pinned.push(topicId);
  return announceChange(ctx, chat, actorId, {
    _: "updatePinnedForumTopic",
    pinned: pinned || undefined,
    peer: tlPeer(chat.key),
    topicId,
  });
}

/** `messages.deleteTopicHistory`: the creator or an admin with `delete_messages` deletes a topic (not General) with all its messages, at once. */
export function deleteTopic(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  topicId: number,
): tl.messages.RawAffectedHistory {
  const forum = requireForum(chat);
  if (topicId === GENERAL_TOPIC_ID) {
    throw new RpcFailure(400, "TOPIC_ID_INVALID");
  }
  requireTopic(forum, topicId);
  requireForumMember(chat, actorId);
  if (
    chat.creatorId !== actorId &&
    !hasAdminRight(chat, actorId, "deleteMessages")
  ) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
  const ids = topicMessages(ctx.state, chat, topicId).map((m) => m.id);
  const affected = deleteChannelMessages(ctx, {
    deleterId: actorId,
    chat,
    ids,
  });
  forum.topics.delete(topicId);
  forum.pinned = forum.pinned.filter((id) => id !== topicId);
  return {
    _: "messages.affectedHistory",
    pts: affected.pts,
    ptsCount: affected.ptsCount,
    offset: 0,
  };
}
