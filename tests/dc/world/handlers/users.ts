/** `users.*`: user objects and full profiles. */
import type { tl } from "@mtcute/core";
import type { Account } from "../accounts.ts";
import { resolveUser } from "../peers.ts";
import { DEFAULT_COMMANDS_KEY } from "./bots.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

function fullUser(account: Account): tl.RawUserFull {
  return {
    _: "userFull",
    id: account.id,
    settings: { _: "peerSettings" },
    notifySettings: { _: "peerNotifySettings" },
    commonChatsCount: 0,
    botInfo: account.kind === "bot"
      ? {
        _: "botInfo",
        userId: account.id,
        description: "",
        commands: account.botCommands.get(DEFAULT_COMMANDS_KEY) ?? [],
      }
      : undefined,
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
    return {
      _: "users.userFull",
      fullUser: fullUser(ctx.state.accounts.require(userId)),
      chats: [],
      users: ctx.state.users([userId], ctx.self.id),
    };
  }),
};
