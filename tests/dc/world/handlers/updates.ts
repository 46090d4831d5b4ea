/** `updates.*`: the common update state and its difference (channel differences are in `channels.ts`). */
import type { tl } from "@mtcute/core";
import { type Chat, isChannel } from "../chats.ts";
import { bareId } from "../peer_keys.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
} from "./types.ts";

/** Channels among `chats` with events since `date`: their updates are not in the common log, so clients are told to fetch them. */
function channelsChangedSince(
  ctx: AuthorizedContext,
  chats: Chat[],
  date: number,
): tl.RawUpdateChannelTooLong[] {
  const { channelLogs } = ctx.state;
  return chats.filter((chat) =>
    isChannel(chat) && channelLogs.pts(chat.key) > 1 &&
    channelLogs.lastDate(chat.key) >= date
  ).map((chat) => ({
    _: "updateChannelTooLong",
    channelId: bareId(chat.key),
    pts: channelLogs.pts(chat.key),
  }));
}

/** Handlers of the `updates` namespace. */
export const updatesHandlers: HandlerTable = {
  "updates.getState": loggedIn((ctx) =>
    ctx.state.updates.state(ctx.self.id, ctx.state.unreadCount(ctx.self.id))
  ),
  "updates.getDifference": loggedIn((ctx, params) => {
    const viewerId = ctx.self.id;
    const memberOf = ctx.state.chats.ofMember(viewerId);
    return ctx.state.updates.difference(viewerId, params, {
      users: (ids) => ctx.state.users(ids, viewerId),
      chats: (keys) =>
        ctx.state.chatObjects(
          [...keys, ...memberOf.map((chat) => chat.key)],
          viewerId,
        ),
      channelUpdates: channelsChangedSince(ctx, memberOf, params.date),
      unreadCount: ctx.state.unreadCount(viewerId),
    });
  }),
};
