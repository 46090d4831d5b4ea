/**
 * Changes to supergroup and channel boxes: every change is an event in the
 * channel's own pts log (`channel_log.ts`), pushed to every member's
 * subscribed sessions as an `updates` container with `seq` 0 (channel updates
 * are outside the common sequence), the channel's `chat` object included. The
 * caller gets its container as the call's result, or
 * `messages.affectedMessages` for deletions.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { ChannelEvent } from "./channel_log.ts";
import { type Chat, isModerator, requirePoster } from "./chats.ts";
import { type DeliveryContext, now } from "./emit.ts";
import {
  type BoxMessage,
  referencedChatKeys,
  referencedUserIds,
  toTlMessage,
} from "./mailboxes.ts";
import { topicOfNewMessage } from "./forum.ts";
import { requireSendRights } from "./members_view.ts";
import { requireSlowModeOver } from "./chat_settings.ts";
import {
  checkRandomIds,
  claimRandomIds,
  editedFields,
  type MessageEdit,
  type Outgoing,
} from "./outgoing.ts";
import { bareId } from "./peer_keys.ts";

/** A new or edited channel message as an event; the message is copied now, as the log must not see later edits. */
export function channelMessageEvent(
  message: BoxMessage,
  kind: "updateNewChannelMessage" | "updateEditChannelMessage",
): ChannelEvent {
  const snapshot = { ...message };
  return {
    ptsCount: 1,
    userIds: referencedUserIds(snapshot),
    chatKeys: referencedChatKeys(snapshot),
    build: (pts, viewerId) => ({
      _: kind,
      message: toTlMessage(snapshot, viewerId),
      pts,
      ptsCount: 1,
    }),
  };
}

/** Logs `events` in `chat`'s box and pushes them to every member; returns the container as `actorId` sees it. */
export function emitChannel(
  ctx: DeliveryContext,
  chat: Chat,
  events: ChannelEvent[],
  actorId: number,
): tl.RawUpdates {
  const { state } = ctx;
  const date = now();
  const ptsList = events.map((event) =>
    state.channelLogs.append(chat.key, event, date)
  );
  const containerFor = (viewerId: number): tl.RawUpdates => ({
    _: "updates",
    updates: events.map((event, index) =>
      event.build(ptsList[index], viewerId)
    ),
    users: state.users(
      [viewerId, ...events.flatMap((event) => event.userIds)],
      viewerId,
    ),
    chats: state.chatObjects(
      [chat.key, ...events.flatMap((event) => event.chatKeys)],
      viewerId,
    ),
    date,
    seq: 0,
  });
  for (const memberId of chat.members.keys()) {
    ctx.sessions.push(memberId, containerFor(memberId), ctx.caller);
  }
  return containerFor(actorId);
}

/** Posts messages from `senderId` in `chat`; returns the sender's `updates` (with `updateMessageID`s). */
export function sendChannelMessages(
  ctx: DeliveryContext,
  options: { senderId: number; chat: Chat; messages: Outgoing[] },
): tl.RawUpdates {
  const { state } = ctx;
  const { senderId, chat, messages } = options;
  requirePoster(chat, senderId);
  requireSendRights(chat, senderId, messages.map((m) => m.content));
  requireSlowModeOver(state, chat, senderId, messages.map((m) => m.content));
  checkRandomIds(state, senderId, messages);
  const topicIds = messages.map((outgoing) =>
    topicOfNewMessage(state, chat, senderId, outgoing)
  );
  const date = now();
  const stored = messages.map((outgoing, index) =>
    state.mailboxes.storeInChannel({
      channelKey: chat.key,
      senderId,
      date,
      content: topicIds[index] === undefined
        ? outgoing.content
        : { ...outgoing.content, topicId: topicIds[index] },
      replyToId: outgoing.replyToId,
      post: chat.type === "channel",
    })
  );
  const messageIds = claimRandomIds(
    state,
    senderId,
    messages,
    stored.map((message) => message.id),
  );
  const updates = emitChannel(
    ctx,
    chat,
    stored.map((message) =>
      channelMessageEvent(message, "updateNewChannelMessage")
    ),
    senderId,
  );
  return { ...updates, updates: [...messageIds, ...updates.updates] };
}

/** Edits a message of `chat`: its author may, and in broadcast channels any admin; returns the editor's `updates`. */
export function editChannelMessage(
  ctx: DeliveryContext,
  options: { editorId: number; chat: Chat; id: number; edit: MessageEdit },
): tl.RawUpdates {
  const { editorId, chat } = options;
  const original = ctx.state.mailboxes.get(chat.key, options.id);
  if (!original || original.action) {
    throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  }
  const mayEdit = original.senderId === editorId ||
    (chat.type === "channel" && isModerator(chat, editorId));
  if (!mayEdit) throw new RpcFailure(403, "MESSAGE_AUTHOR_REQUIRED");
  Object.assign(original, editedFields(original, options.edit, now()));
  return emitChannel(ctx, chat, [
    channelMessageEvent(original, "updateEditChannelMessage"),
  ], editorId);
}

/** Deletes messages of `chat` for everyone: members may delete their own, creators and admins any. */
export function deleteChannelMessages(
  ctx: DeliveryContext,
  options: { deleterId: number; chat: Chat; ids: number[] },
): tl.messages.RawAffectedMessages {
  const { state } = ctx;
  const { deleterId, chat } = options;
  if (!chat.members.has(deleterId)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
  const existing = options.ids.flatMap((id) => {
    const message = state.mailboxes.get(chat.key, id);
    return message ? [message] : [];
  });
  if (
    existing.some((message) =>
      message.senderId !== deleterId && !isModerator(chat, deleterId)
    )
  ) {
    throw new RpcFailure(403, "MESSAGE_DELETE_FORBIDDEN");
  }
  const removed = state.mailboxes.remove(
    chat.key,
    existing.map((message) => message.id),
  ).map((message) => message.id);
  if (removed.length === 0) {
    return {
      _: "messages.affectedMessages",
      pts: state.channelLogs.pts(chat.key),
      ptsCount: 0,
    };
  }
  emitChannel(ctx, chat, [{
    ptsCount: removed.length,
    userIds: [],
    chatKeys: [],
    build: (pts): tl.RawUpdateDeleteChannelMessages => ({
      _: "updateDeleteChannelMessages",
      channelId: bareId(chat.key),
      messages: removed,
      pts,
      ptsCount: removed.length,
    }),
  }], deleterId);
  return {
    _: "messages.affectedMessages",
    pts: state.channelLogs.pts(chat.key),
    ptsCount: removed.length,
  };
}
