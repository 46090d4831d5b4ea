/** Deleting a group, supergroup or channel for everyone, as its creator may (core.telegram.org/method/channels.deleteChannel). */
import type { tl } from "@mtcute/core";
import { requireCreator } from "./chat_edits.ts";
import { type Chat, isChannel } from "./chats.ts";
import { type DeliveryContext, emitShort, now } from "./emit.ts";

/**
 * Deletes a chat for everyone (`messages.deleteChat`, `channels.deleteChannel`;
 * its creator only): every member of a basic group loses its copies of the
 * group's messages (`updateDeleteMessages`); every member is told with
 * `updateChat` / `updateChannel` carrying `chatForbidden` /
 * `channelForbidden`, and the chat is gone from the world.
 */
export function deleteChat(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
): tl.RawUpdates {
  requireCreator(chat, actorId);
  const { state } = ctx;
  const memberIds = [...chat.members.keys()];
  if (!isChannel(chat)) {
    for (const memberId of memberIds) {
      const removed = state.mailboxes.remove(
        memberId,
        state.mailboxes.chat(memberId, chat.key).map((message) => message.id),
      ).map((message) => message.id);
      if (removed.length === 0) continue;
      emitShort({ ...ctx, caller: undefined }, memberId, {
        ptsCount: removed.length,
        userIds: [],
        build: (pts): tl.RawUpdateDeleteMessages => ({
          _: "updateDeleteMessages",
          messages: removed,
          pts,
          ptsCount: removed.length,
        }),
      });
    }
  }
  const gone = (viewerId: number): tl.TypeChat =>
    isChannel(chat)
      ? {
        _: "channelForbidden",
        broadcast: chat.type === "channel" || undefined,
        megagroup: chat.type === "supergroup" || undefined,
        id: chat.id,
        accessHash: state.chats.accessHash(viewerId, chat.key),
        title: chat.title,
      }
      : { _: "chatForbidden", id: chat.id, title: chat.title };
  const containerFor = (viewerId: number): tl.RawUpdates => ({
    _: "updates",
    updates: [
      isChannel(chat)
        ? { _: "updateChannel", channelId: chat.id }
        : { _: "updateChat", chatId: chat.id },
    ],
    users: state.users([viewerId], viewerId),
    chats: [gone(viewerId)],
    date: now(),
    seq: 0,
  });
  state.chats.delete(chat.key);
  for (const memberId of memberIds) {
    ctx.sessions.push(memberId, containerFor(memberId), ctx.caller);
  }
  return containerFor(actorId);
}
