/**
 * Collectible usernames of the caller itself (`account.*`), of a bot it owns
 * (`bots.*`) and of a supergroup or channel it created (`channels.*`):
 * showing, hiding and ordering them (see `profile_usernames.ts`).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import type { Account } from "../accounts.ts";
import { type Chat, requireReader } from "../chats.ts";
import { resolveChannel, resolveUser } from "../peers.ts";
import {
  deactivateCollectibles,
  reorderActive,
  toggleCollectible,
} from "../profile_usernames.ts";
import { announceName } from "./profile.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  usersOnly,
} from "./types.ts";

/** The bot an `InputUser` names, if the caller created it; `BOT_INVALID` otherwise. */
function ownedBot(ctx: AuthorizedContext, input: tl.TypeInputUser): Account {
  const bot = ctx.state.accounts.get(
    resolveUser(ctx.state, ctx.self.id, input),
  );
  if (bot?.kind !== "bot" || bot.ownerId !== ctx.self.id) {
    throw new RpcFailure(400, "BOT_INVALID");
  }
  return bot;
}

/** The supergroup or channel an `InputChannel` names, if the caller owns it (only owners manage collectible usernames). */
function ownedChannel(
  ctx: AuthorizedContext,
  input: tl.TypeInputChannel,
): Chat {
  const chat = resolveChannel(ctx.state, ctx.self.id, input);
  requireReader(chat, ctx.self.id);
  if (chat.creatorId !== ctx.self.id) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
  return chat;
}

/** Handlers of the collectible username methods. */
export const profileUsernameHandlers: HandlerTable = {
  "account.toggleUsername": usersOnly((ctx, params) => {
    toggleCollectible(ctx.self, params.username, params.active);
    announceName(ctx, ctx.self);
    return true;
  }),
  "account.reorderUsernames": usersOnly((ctx, params) => {
    reorderActive(ctx.self, params.order);
    announceName(ctx, ctx.self);
    return true;
  }),
  "bots.toggleUsername": usersOnly((ctx, params) => {
    toggleCollectible(
      ownedBot(ctx, params.bot),
      params.username,
      params.active,
    );
    return true;
  }),
  "bots.reorderUsernames": usersOnly((ctx, params) => {
    reorderActive(ownedBot(ctx, params.bot), params.order);
    return true;
  }),
  "channels.toggleUsername": usersOnly((ctx, params) => {
    toggleCollectible(
      ownedChannel(ctx, params.channel),
      params.username,
      params.active,
    );
    return true;
  }),
  "channels.reorderUsernames": usersOnly((ctx, params) => {
    reorderActive(ownedChannel(ctx, params.channel), params.order);
    return true;
  }),
  "channels.deactivateAllUsernames": usersOnly((ctx, params) =>
    deactivateCollectibles(ownedChannel(ctx, params.channel))
  ),
};
