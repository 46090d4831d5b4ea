/**
 * The inputs of MTKruto's bot-info methods (methods.md §A.1, §B.9): bot
 * commands, BotCommandScope and the languageCode every one of them takes.
 */
import { BotCommands, type tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { resolveChatId, toChatId } from "./chat_id.ts";
import type { PhoneResolver } from "./chat_id.ts";
import {
  at,
  given,
  type JsonObject,
  optionalBoolean,
  optionalString,
  readArray,
  readObject,
  readType,
  requiredInteger,
  requiredString,
} from "./read.ts";

/**
 * InputBotCommand[] → TL `botCommand`s. Telegram checks the texts (1–32 of
 * a-z, 0-9 and _; descriptions of 1–256 characters), as MTKruto leaves it
 * to. Ephemeral commands need a newer TL layer than mtcute's: refused.
 */
export function toBotCommands(
  value: unknown,
  path: string,
): tl.RawBotCommand[] {
  return readArray(value, path).map((item, index) => {
    const itemPath = at(path, index);
    const command = readObject(item, itemPath);
    if (optionalBoolean(command, "isEphemeral", itemPath)) {
      throw new InputError(
        `${
          at(itemPath, "isEphemeral")
        }: ephemeral commands are not supported by this server`,
      );
    }
    return {
      _: "botCommand",
      command: requiredString(command, "command", itemPath),
      description: requiredString(command, "description", itemPath),
    };
  });
}

const SCOPE_TYPES = [
  "default",
  "allPrivateChats",
  "allGroupChats",
  "allChatAdministrators",
  "chat",
  "chatAdministrators",
  "chatMember",
] as const;

/** A BotCommandScope as read: its chat (and user) not yet resolved. */
export type CommandScope =
  | {
    type:
      | "default"
      | "allPrivateChats"
      | "allGroupChats"
      | "allChatAdministrators";
  }
  | { type: "chat" | "chatAdministrators"; chatId: number | string }
  | { type: "chatMember"; chatId: number | string; userId: number };

/** `{type, chatId?, userId?}` → a CommandScope; chatId is an ID, userId a user's id. */
export function toCommandScope(value: unknown, path: string): CommandScope {
  const scope = readObject(value, path);
  const type = readType(scope, path, SCOPE_TYPES);
  switch (type) {
    case "chat":
    case "chatAdministrators":
      return { type, chatId: toChatId(scope.chatId, at(path, "chatId")) };
    case "chatMember":
      return {
        type,
        chatId: toChatId(scope.chatId, at(path, "chatId")),
        userId: requiredInteger(scope, "userId", path, { min: 1 }),
      };
    default:
      return { type };
  }
}

/** The TL scope or mtcute's intermediate one (whose peers mtcute resolves), phone numbers resolved first. */
export async function mtcuteCommandScope(
  client: PhoneResolver,
  scope: CommandScope,
): Promise<tl.TypeBotCommandScope | BotCommands.IntermediateScope> {
  switch (scope.type) {
    case "default":
      return BotCommands.default_;
    case "allPrivateChats":
      return BotCommands.allPrivate;
    case "allGroupChats":
      return BotCommands.allGroups;
    case "allChatAdministrators":
      return BotCommands.allGroupAdmins;
    case "chat":
      return BotCommands.peer(await resolveChatId(client, scope.chatId));
    case "chatAdministrators":
      return BotCommands.groupAdmins(
        await resolveChatId(client, scope.chatId),
      );
    case "chatMember":
      return BotCommands.groupMember(
        await resolveChatId(client, scope.chatId),
        scope.userId,
      );
  }
}

/** `params.languageCode`: "" (the fallback language) when left out. */
export function languageCodeOf(params: JsonObject): string {
  return optionalString(params, "languageCode", "params") ?? "";
}

/** SetMyCommandsParams, GetMyCommandsParams and DeleteMyCommandsParams: `{languageCode?, scope?}`, the scope default. */
export function toCommandsOptions(
  params: JsonObject,
): { langCode: string; scope: CommandScope } {
  return {
    langCode: languageCodeOf(params),
    scope: given(params, "scope")
      ? toCommandScope(params.scope, "params.scope")
      : { type: "default" },
  };
}
