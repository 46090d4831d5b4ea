/** `bots.*`: bot commands, stored per scope and language. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { resolvePeer, resolveUser } from "../peers.ts";
import {
  type AuthorizedContext,
  botsOnly,
  type HandlerTable,
} from "./types.ts";

const MAX_COMMANDS = 100;

/** The key bot commands are stored under; the default scope with no language is `botCommandScopeDefault:`. */
export function commandsKey(
  ctx: AuthorizedContext,
  scope: tl.TypeBotCommandScope,
  langCode: string,
): string {
  const { state, self } = ctx;
  switch (scope._) {
    case "botCommandScopePeer":
    case "botCommandScopePeerAdmins":
      return `${scope._}:${
        resolvePeer(state, self.id, scope.peer)
      }:${langCode}`;
    case "botCommandScopePeerUser":
      return `${scope._}:${resolvePeer(state, self.id, scope.peer)}:${
        resolveUser(state, self.id, scope.userId)
      }:${langCode}`;
    default:
      return `${scope._}:${langCode}`;
  }
}

/** The commands in the default scope and language, shown in `users.getFullUser`'s `botInfo`. */
export const DEFAULT_COMMANDS_KEY = "botCommandScopeDefault:";

function checkCommand(command: tl.TypeBotCommand): void {
  if (!/^[a-z0-9_]{1,32}$/.test(command.command)) {
    throw new RpcFailure(400, "BOT_COMMAND_INVALID");
  }
  if (command.description.length < 1 || command.description.length > 256) {
    throw new RpcFailure(400, "BOT_COMMAND_DESCRIPTION_INVALID");
  }
}

/** Handlers of the `bots` namespace. */
export const botsHandlers: HandlerTable = {
  "bots.setBotCommands": botsOnly((ctx, params) => {
    if (params.commands.length > MAX_COMMANDS) {
      throw new RpcFailure(400, "BOTS_TOO_MUCH");
    }
    params.commands.forEach(checkCommand);
    const key = commandsKey(ctx, params.scope, params.langCode);
    if (params.commands.length === 0) ctx.self.botCommands.delete(key);
    else {ctx.self.botCommands.set(
        key,
        params.commands.map(({ command, description }) => ({
          _: "botCommand",
          command,
          description,
        })),
      );}
    return true;
  }),
  "bots.getBotCommands": botsOnly((ctx, params) =>
    ctx.self.botCommands.get(commandsKey(ctx, params.scope, params.langCode)) ??
      []
  ),
  "bots.resetBotCommands": botsOnly((ctx, params) => {
    ctx.self.botCommands.delete(
      commandsKey(ctx, params.scope, params.langCode),
    );
    return true;
  }),
};
