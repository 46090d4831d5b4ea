/** A bot's commands, name, description and short description (methods.md §B.9), all bot-only. */
import {
  languageCodeOf,
  mtcuteCommandScope,
  toBotCommands,
  toCommandsOptions,
} from "../params/bot_info.ts";
import { optionalString } from "../params/read.ts";
import { renderBotCommand } from "../types/bot_command.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { customParam, optionsParam } from "./params.ts";

/** The bots.setBotInfo fields as mtcute names them (`bio` is TL's `about`, MTKruto's short description). */
type BotText = "name" | "description" | "bio";

/** MTKruto's name of a method's params type: setMyName → SetMyNameParams. */
function paramsTypeOf(method: string): string {
  return `${method[0].toUpperCase()}${method.slice(1)}Params`;
}

/** The scope and language of a commands call, as mtcute takes them. */
async function commandsTarget(
  call: DialectCall,
  params: Record<string, unknown>,
) {
  const { langCode, scope } = toCommandsOptions(params);
  return { langCode, scope: await mtcuteCommandScope(call.client, scope) };
}

/** setMyX(params?: {x?, languageCode?}) → bots.setBotInfo with that one text; a left-out text stays as it is. */
function setter(name: string, key: string, field: BotText): DialectMethod {
  return defineMethod(
    name,
    "bot",
    [optionsParam(paramsTypeOf(name))],
    "void",
    async (call, params) => {
      await call.client.setBotInfo({
        langCode: languageCodeOf(params),
        [field]: optionalString(params, key, "params"),
      });
      return null;
    },
  );
}

/** getMyX(params?: {languageCode?}) → that text of bots.getBotInfo. */
function getter(
  name: string,
  field: "name" | "about" | "description",
): DialectMethod {
  return defineMethod(
    name,
    "bot",
    [optionsParam(paramsTypeOf(name))],
    "string",
    async (call, params) =>
      (await call.client.getBotInfo({ langCode: languageCodeOf(params) }))[
        field
      ],
  );
}

/** The bot-info methods. */
export const BOT_INFO_METHODS: DialectMethod[] = [
  defineMethod(
    "setMyCommands",
    "bot",
    [
      customParam("commands", "InputBotCommand[]", toBotCommands),
      optionsParam("SetMyCommandsParams"),
    ],
    "void",
    async (call, commands, params) => {
      await call.client.setMyCommands({
        commands,
        ...await commandsTarget(call, params),
      });
      return null;
    },
  ),
  defineMethod(
    "getMyCommands",
    "bot",
    [optionsParam("GetMyCommandsParams")],
    "BotCommand[]",
    async (call, params) =>
      (await call.client.getMyCommands(await commandsTarget(call, params)))
        .map(renderBotCommand),
  ),
  defineMethod(
    "deleteMyCommands",
    "bot",
    [optionsParam("DeleteMyCommandsParams")],
    "void",
    async (call, params) => {
      await call.client.deleteMyCommands(await commandsTarget(call, params));
      return null;
    },
  ),
  setter("setMyName", "name", "name"),
  getter("getMyName", "name"),
  setter("setMyDescription", "description", "description"),
  getter("getMyDescription", "description"),
  setter("setMyShortDescription", "shortDescription", "bio"),
  getter("getMyShortDescription", "about"),
];
