/** The control API's view of what a bot stored about itself: its name, about text and description per language, and its commands per scope and language. */
import { BadRequest, json, queryId, type Route } from "./control_http.ts";
import {
  type BotTexts,
  botTextsOf,
  COMMAND_SCOPES,
  type CommandScope,
  commandsOf,
} from "./world/bot_info.ts";
import type { World } from "./world/world.ts";

/** What `GET /bot-info` answers. */
export interface ControlBotInfo extends BotTexts {
  /** The list stored for exactly the scope and language asked for. */
  commands: { command: string; description: string }[];
}

/** The bot-info lookups of the control API. */
export interface BotInfoControl {
  /** What `bot` set for language `lang` ("" is the fallback) and, for commands, `scope` (default: the default scope). */
  botInfo(
    query: { bot: number; lang?: string; scope?: CommandScope },
  ): ControlBotInfo;
}

/** The `BotInfoControl` of a world. */
export function createBotInfoControl(world: World): BotInfoControl {
  return {
    botInfo({ bot, lang = "", scope = { _: "botCommandScopeDefault" } }) {
      const account = world.state.accounts.get(bot);
      if (account?.kind !== "bot") throw new BadRequest(`${bot} is no bot`);
      return {
        ...botTextsOf(account, lang),
        commands: commandsOf(account, scope, lang).map((
          { command, description },
        ) => ({ command, description })),
      };
    },
  };
}

/** The scope the query names: `scope` (a TL constructor, default botCommandScopeDefault) with `peer` (a marked id) and `user` where it takes them. */
function scopeIn(url: URL): CommandScope {
  const name = url.searchParams.get("scope") ?? "botCommandScopeDefault";
  switch (name) {
    case "botCommandScopePeer":
    case "botCommandScopePeerAdmins":
      return { _: name, peer: queryId(url, "peer") };
    case "botCommandScopePeerUser":
      return {
        _: name,
        peer: queryId(url, "peer"),
        user: queryId(url, "user"),
      };
    case "botCommandScopeDefault":
    case "botCommandScopeUsers":
    case "botCommandScopeChats":
    case "botCommandScopeChatAdmins":
      return { _: name };
    default:
      throw new BadRequest(
        `scope must be one of ${COMMAND_SCOPES.join(", ")}, not ${
          JSON.stringify(name)
        }`,
      );
  }
}

/** The HTTP routes of bot info (see README.md). */
export function botInfoRoutes(control: BotInfoControl): Record<string, Route> {
  return {
    "GET /bot-info": (_req, url) =>
      json(control.botInfo({
        bot: queryId(url, "bot"),
        lang: url.searchParams.get("lang") ?? "",
        scope: scopeIn(url),
      })),
  };
}
