/**
 * What a bot tells about itself: its command lists, per scope and language
 * (`bots.setBotCommands`), and its name, about text and description, per
 * language (`bots.setBotInfo`); and what users see of them. The language ""
 * is the fallback for users whose language has nothing dedicated.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import type { Chats } from "./chats.ts";
import { peerKind } from "./peer_keys.ts";

/** The scopes that name no chat. */
type GlobalScope =
  | "botCommandScopeDefault"
  | "botCommandScopeUsers"
  | "botCommandScopeChats"
  | "botCommandScopeChatAdmins";

/** Where a command list applies: a TL scope constructor, with its chat (a peer key) and user resolved. */
export type CommandScope =
  | { _: GlobalScope }
  | { _: "botCommandScopePeer" | "botCommandScopePeerAdmins"; peer: number }
  | { _: "botCommandScopePeerUser"; peer: number; user: number };

/** Every scope constructor. */
export const COMMAND_SCOPES: readonly CommandScope["_"][] = [
  "botCommandScopeDefault",
  "botCommandScopeUsers",
  "botCommandScopeChats",
  "botCommandScopeChatAdmins",
  "botCommandScopePeer",
  "botCommandScopePeerAdmins",
  "botCommandScopePeerUser",
];

/** At most this many commands per list (Bot API's setMyCommands). */
const MAX_COMMANDS = 100;
/** 1–32 of a-z, 0-9 and _ (Bot API's BotCommand). */
const COMMAND = /^[a-z0-9_]{1,32}$/;
const MAX_DESCRIPTION_LENGTH = 256;
/** A two-letter ISO 639-1 code, or "" for the fallback. */
const LANG_CODE = /^(?:[a-z]{2})?$/;

/** The key a command list is stored under in `Account.botCommands`. */
export function commandsKey(scope: CommandScope, langCode: string): string {
  switch (scope._) {
    case "botCommandScopePeer":
    case "botCommandScopePeerAdmins":
      return `${scope._}:${scope.peer}:${langCode}`;
    case "botCommandScopePeerUser":
      return `${scope._}:${scope.peer}:${scope.user}:${langCode}`;
    default:
      return `${scope._}:${langCode}`;
  }
}

/** The key of the default scope's fallback list. */
export const DEFAULT_COMMANDS_KEY = commandsKey(
  { _: "botCommandScopeDefault" },
  "",
);

/** `LANG_CODE_INVALID` unless `langCode` is "" or two lowercase letters. */
export function checkLangCode(langCode: string): void {
  if (!LANG_CODE.test(langCode)) {
    throw new RpcFailure(400, "LANG_CODE_INVALID");
  }
}

/** `PEER_ID_INVALID` for scopes of admins or members in a chat that is no group (a user, a broadcast channel). */
export function checkScope(chats: Chats, scope: CommandScope): void {
  if (
    scope._ !== "botCommandScopePeerAdmins" &&
    scope._ !== "botCommandScopePeerUser"
  ) return;
  const isGroup = peerKind(scope.peer) !== "user" &&
    chats.get(scope.peer)?.type !== "channel";
  if (!isGroup) throw new RpcFailure(400, "PEER_ID_INVALID");
}

function checkCommand(command: tl.TypeBotCommand): void {
  if (!COMMAND.test(command.command)) {
    throw new RpcFailure(400, "BOT_COMMAND_INVALID");
  }
  const { length } = command.description;
  if (length === 0 || length > MAX_DESCRIPTION_LENGTH) {
    throw new RpcFailure(400, "BOT_COMMAND_DESCRIPTION_INVALID");
  }
}

/** Replaces the list of `scope` and `langCode`; an empty list deletes it. */
export function setCommands(
  bot: Account,
  scope: CommandScope,
  langCode: string,
  commands: tl.TypeBotCommand[],
): void {
  checkLangCode(langCode);
  if (commands.length > MAX_COMMANDS) {
    throw new RpcFailure(400, "BOTS_TOO_MUCH");
  }
  commands.forEach(checkCommand);
  const key = commandsKey(scope, langCode);
  if (commands.length === 0) {
    bot.botCommands.delete(key);
    return;
  }
  bot.botCommands.set(
    key,
    commands.map(({ command, description }) => ({
      _: "botCommand",
      command,
      description,
    })),
  );
}

/** The list stored for exactly `scope` and `langCode` (none: empty), as `bots.getBotCommands` answers. */
export function commandsOf(
  bot: Account,
  scope: CommandScope,
  langCode: string,
): tl.RawBotCommand[] {
  return bot.botCommands.get(commandsKey(scope, langCode)) ?? [];
}

/**
 * The commands `userId` sees in the private chat with `bot`: the first list
 * set of the chat's own scope, all private chats and the default scope,
 * each in `langCode` before the fallback (Bot API, "Determining list of
 * commands").
 */
export function privateChatCommands(
  bot: Account,
  userId: number,
  langCode = "",
): tl.RawBotCommand[] {
  const scopes: CommandScope[] = [
    { _: "botCommandScopePeer", peer: userId },
    { _: "botCommandScopeUsers" },
    { _: "botCommandScopeDefault" },
  ];
  const languages = langCode === "" ? [""] : [langCode, ""];
  for (const scope of scopes) {
    for (const language of languages) {
      const list = bot.botCommands.get(commandsKey(scope, language));
      if (list) return list;
    }
  }
  return [];
}

/** A bot's name, about text (profile bio, "short description") and description (shown in an empty chat). */
export interface BotTexts {
  name: string;
  about: string;
  description: string;
}

/** Texts set per language, per bot; the fallback name is the bot's first name. */
const textsByBot = new WeakMap<Account, Map<string, Partial<BotTexts>>>();

function textsOf(bot: Account): Map<string, Partial<BotTexts>> {
  let texts = textsByBot.get(bot);
  if (!texts) textsByBot.set(bot, texts = new Map());
  return texts;
}

/**
 * Sets the given texts of `langCode`. An empty text removes the language's
 * dedicated one; the fallback name is the bot's first name, which cannot be
 * empty (`FIRSTNAME_INVALID`, as for a user's profile).
 */
export function setBotTexts(
  bot: Account,
  langCode: string,
  changes: Partial<BotTexts>,
): void {
  if (langCode === "" && changes.name !== undefined) {
    if (!changes.name.trim()) throw new RpcFailure(400, "FIRSTNAME_INVALID");
    bot.firstName = changes.name;
  }
  const texts = { ...textsOf(bot).get(langCode) };
  for (const key of ["name", "about", "description"] as const) {
    const text = changes[key];
    if (text === undefined || (key === "name" && langCode === "")) continue;
    if (text === "") delete texts[key];
    else texts[key] = text;
  }
  textsOf(bot).set(langCode, texts);
}

/** The texts set for exactly `langCode` ("" where none is), as `bots.getBotInfo` answers. */
export function botTextsOf(bot: Account, langCode: string): BotTexts {
  const texts = textsOf(bot).get(langCode);
  return {
    name: langCode === "" ? bot.firstName : texts?.name ?? "",
    about: texts?.about ?? "",
    description: texts?.description ?? "",
  };
}

/** The `userFull` parts of `bot` that `viewerId` sees: the about text and `botInfo` with the description and its private-chat commands. */
export function botProfileFor(
  bot: Account,
  viewerId: number,
): { about: string | undefined; botInfo: tl.RawBotInfo } {
  // The emulator does not keep the clients' languages: users see the fallback.
  const texts = botTextsOf(bot, "");
  return {
    about: texts.about || undefined,
    botInfo: {
      _: "botInfo",
      userId: bot.id,
      description: texts.description,
      commands: privateChatCommands(bot, viewerId),
    },
  };
}
