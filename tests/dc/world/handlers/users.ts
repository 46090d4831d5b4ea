/** `users.*`: user objects and full profiles. */
import type { tl } from "@mtcute/core";
import type { Account } from "../accounts.ts";
import { resolveUser } from "../peers.ts";
import { botProfileFor } from "../bot_info.ts";
import { sharedFullUser } from "../contacts_book.ts";
import { notifySettingsOf } from "../notify_settings.ts";
import { fullUserExtrasTl, personalChannelKeys } from "../profile_extra.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

function fullUser(account: Account, viewer: Account): tl.RawUserFull {
  const viewerId = viewer.id;
  return {
    _: "userFull",
    id: account.id,
    settings: { _: "peerSettings" },
    notifySettings: notifySettingsOf(viewer, `peer:${account.id}`),
    commonChatsCount: 0,
    ...(account.kind === "bot" ? botProfileFor(account, viewerId) : {}),
    ...fullUserExtrasTl(account),
  };
}

/** Handlers of the `users` namespace. */
export const usersHandlers: HandlerTable = {
  // like Telegram, users that cannot be resolved are left out rather than failing the call
  "users.getUsers": loggedIn((ctx, params) => {
    const ids = params.id.flatMap((input) => {
      try {
        return [resolveUser(ctx.state, ctx.self.id, input)];
      } catch {
        return [];
      }
    });
    return ctx.state.users(ids, ctx.self.id);
  }),
  "users.getFullUser": loggedIn((ctx, params) => {
    const userId = resolveUser(ctx.state, ctx.self.id, params.id);
    const account = ctx.state.accounts.require(userId);
    return {
      _: "users.userFull",
      fullUser: {
        ...fullUser(account, ctx.self),
        ...sharedFullUser(ctx.state.chats, account, ctx.self),
      },
      // the personal channel, which the profile shows
      chats: ctx.state.chatObjects(personalChannelKeys(account), ctx.self.id),
      users: ctx.state.users([userId], ctx.self.id),
    };
  }),
};
