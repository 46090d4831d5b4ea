/** `bots.*`: a bot's command lists (per scope and language) and its name, about text and description (see `bot_info.ts`). */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import {
  botTextsOf,
  checkScope,
  type CommandScope,
  commandsOf,
  setBotTexts,
  setCommands,
} from "../bot_info.ts";
import type { Account } from "../accounts.ts";
import { resolvePeer, resolveUser } from "../peers.ts";
import {
  type AuthorizedContext,
  botsOnly,
  type HandlerTable,
  loggedIn,
} from "./types.ts";

/** The TL scope with its chat and user resolved as the calling bot names them. */
function scopeOf(
  ctx: AuthorizedContext,
  scope: tl.TypeBotCommandScope,
): CommandScope {
  const { state, self } = ctx;
  let resolved: CommandScope;
  switch (scope._) {
    case "botCommandScopePeer":
    case "botCommandScopePeerAdmins":
      resolved = { _: scope._, peer: resolvePeer(state, self.id, scope.peer) };
      break;
    case "botCommandScopePeerUser":
      resolved = {
        _: scope._,
        peer: resolvePeer(state, self.id, scope.peer),
        user: resolveUser(state, self.id, scope.userId),
      };
      break;
    default:
      resolved = { _: scope._ };
  }
  checkScope(state.chats, resolved);
  return resolved;
}

/**
 * The bot `bots.setBotInfo`/`getBotInfo` are about: the caller when it is a
 * bot (naming itself, if at all); users must name a bot they own
 * (`USER_BOT_INVALID` without one), and no user owns a bot here.
 */
function infoBot(
  ctx: AuthorizedContext,
  bot: tl.TypeInputUser | undefined,
): Account {
  const { state, self } = ctx;
  if (self.kind === "user") {
    throw new RpcFailure(
      400,
      bot === undefined ? "USER_BOT_INVALID" : "BOT_INVALID",
    );
  }
  if (bot !== undefined && resolveUser(state, self.id, bot) !== self.id) {
    throw new RpcFailure(400, "BOT_INVALID");
  }
  return self;
}

/** Handlers of the `bots` namespace. */
export const botsHandlers: HandlerTable = {
  "bots.setBotCommands": botsOnly((ctx, params) => {
    setCommands(
      ctx.self,
      scopeOf(ctx, params.scope),
      params.langCode,
      params.commands,
    );
    return true;
  }),
  "bots.getBotCommands": botsOnly((ctx, params) =>
    commandsOf(ctx.self, scopeOf(ctx, params.scope), params.langCode)
  ),
  "bots.resetBotCommands": botsOnly((ctx, params) => {
    setCommands(ctx.self, scopeOf(ctx, params.scope), params.langCode, []);
    return true;
  }),
  "bots.setBotInfo": loggedIn((ctx, params) => {
    setBotTexts(infoBot(ctx, params.bot), params.langCode, {
      name: params.name,
      about: params.about,
      description: params.description,
    });
    return true;
  }),
  "bots.getBotInfo": loggedIn((ctx, params) => ({
    _: "bots.botInfo",
    ...botTextsOf(infoBot(ctx, params.bot), params.langCode),
  })),
};
