/**
 * The params of the chat methods (MTKruto 0.216's GetChatsParams,
 * CreateGroupParams, CreateSupergroupParams, CreateChannelParams,
 * EnableSignaturesParams, OpenChatParams, SlowModeDuration) and their
 * positional inputs: titles, custom emoji ids, boost counts.
 */
import { InputError } from "../../errors.ts";
import { toChatId } from "./chat_id.ts";
import {
  at,
  fail,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalList,
  optionalObject,
  optionalString,
  readArray,
  readDecimal,
  readEnum,
  readString,
  requiredInteger,
  requiredObject,
} from "./read.ts";

/** The most chats one `getChats` call returns, as Telegram caps `messages.getDialogs`. */
export const MAX_CHAT_LIST_LIMIT = 100;

/** Telegram's longest chat description (`messages.editChatAbout`). */
export const MAX_DESCRIPTION_LENGTH = 255;

/** Where `getChats` reads from, and from which item on. */
export interface ChatListQuery {
  /** Telegram's peer folder: 0 the main list, 1 the archive. */
  folderId: 0 | 1;
  limit: number;
  /** The item to continue after: its chat and its last message. */
  after?: { chatId: number | string; messageId: number; date: number };
}

/** GetChatsParams: `from` ("main" or "archived"), `after` (a ChatListItem of an earlier page), `limit` (1–100, default 100). */
export function toChatListQuery(
  params: JsonObject,
  path: string,
): ChatListQuery {
  const from = optionalEnum(params, "from", path, ["main", "archived"]);
  const limit = optionalInteger(params, "limit", path, {
    min: 1,
    max: MAX_CHAT_LIST_LIMIT,
  }) ?? MAX_CHAT_LIST_LIMIT;
  const after = optionalObject(params, "after", path);
  return {
    folderId: from === "archived" ? 1 : 0,
    limit,
    after: after && chatListItemOffset(after, at(path, "after")),
  };
}

/** What of a ChatListItem MTKruto pages on: `chat.id` and, when it has one, `lastMessage`'s id and date. */
function chatListItemOffset(
  item: JsonObject,
  path: string,
): NonNullable<ChatListQuery["after"]> {
  const chat = requiredObject(item, "chat", path);
  const chatId = toChatId(chat.id, at(at(path, "chat"), "id"));
  const lastMessage = optionalObject(item, "lastMessage", path);
  const lastPath = at(path, "lastMessage");
  return {
    chatId,
    messageId: lastMessage
      ? requiredInteger(lastMessage, "id", lastPath, NON_NEGATIVE_INT32)
      : 0,
    date: lastMessage
      ? requiredInteger(lastMessage, "date", lastPath, NON_NEGATIVE_INT32)
      : 0,
  };
}

/** A chat title: MTKruto trims it and refuses one that is left empty. */
export function readTitle(value: unknown, path: string): string {
  const title = readString(value, path).trim();
  if (!title) {
    throw new InputError(`${path}: Title cannot be empty.`);
  }
  return title;
}

/** A chat description, at most 255 characters as Telegram allows ("" removes it). */
export function readDescription(value: unknown, path: string): string {
  const description = readString(value, path);
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    throw new InputError(
      `${path} must be at most ${MAX_DESCRIPTION_LENGTH} characters; got ${description.length}`,
    );
  }
  return description;
}

/** What creating a chat takes besides its title. */
export interface NewChatOptions {
  /** CreateGroupParams.users, as chat ids still to resolve. */
  users: (number | string)[];
  description?: string;
  isForum?: boolean;
  /** Seconds; 0 or left out keeps messages. */
  messageTtl?: number;
}

/** CreateGroupParams (`users`, `messageTtl`), or CreateSupergroupParams / CreateChannelParams (`description`, `messageTtl`, supergroups `isForum`). */
export function toNewChatOptions(
  kind: "group" | "supergroup" | "channel",
  params: JsonObject,
  path: string,
): NewChatOptions {
  const messageTtl = optionalInteger(
    params,
    "messageTtl",
    path,
    NON_NEGATIVE_INT32,
  );
  if (kind === "group") {
    return {
      users: optionalList(params, "users", path, toChatId) ?? [],
      messageTtl,
    };
  }
  const description = optionalString(params, "description", path);
  return {
    users: [],
    description: description === undefined
      ? undefined
      : readDescription(description, at(path, "description")),
    isForum: kind === "supergroup"
      ? optionalBoolean(params, "isForum", path)
      : undefined,
    messageTtl,
  };
}

/** MTKruto's SlowModeDuration values and the seconds Telegram takes for each. */
export const SLOW_MODE_SECONDS = {
  "10s": 10,
  "30s": 30,
  "1m": 60,
  "5m": 300,
  "15m": 900,
  "1h": 3600,
} as const;

/** A SlowModeDuration → its seconds. */
export function readSlowModeDuration(value: unknown, path: string): number {
  const durations = Object.keys(SLOW_MODE_SECONDS) as (
    keyof typeof SLOW_MODE_SECONDS
  )[];
  return SLOW_MODE_SECONDS[readEnum(value, path, durations)];
}

/** Telegram's most boosts a supergroup may require to lift its restrictions. */
export const MAX_UNRESTRICT_BOOSTS = 8;

/** The boosts that lift a supergroup's restrictions: 1–8, or 0 for none. */
export function readUnrestrictBoosts(value: unknown, path: string): number {
  if (
    typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 ||
    value > MAX_UNRESTRICT_BOOSTS
  ) {
    fail(
      path,
      `an integer from 0 (no boosts needed) to ${MAX_UNRESTRICT_BOOSTS}`,
      value,
    );
  }
  return value;
}

/** `string | string[]`: custom emoji ids as decimal strings (64-bit, as MTKruto writes them). */
export function readCustomEmojiIds(value: unknown, path: string): string[] {
  if (typeof value === "string") return [readDecimal(value, path)];
  if (!Array.isArray(value)) {
    fail(
      path,
      "a custom emoji id (a decimal string) or an array of them",
      value,
    );
  }
  return readArray(value, path).map((id, index) =>
    readDecimal(id, at(path, index))
  );
}

/** EnableSignaturesParams: whether the posts also link their authors' profiles. */
export function toShowAuthorProfile(params: JsonObject, path: string): boolean {
  return optionalBoolean(params, "showAuthorProfile", path) ?? false;
}

/** OpenChatParams: `timeout` must be positive seconds (checked; mtcute polls an open chat at Telegram's pace). */
export function checkOpenChatParams(params: JsonObject, path: string): void {
  const timeout = params.timeout;
  if (timeout === undefined || timeout === null) return;
  if (
    typeof timeout !== "number" || !Number.isFinite(timeout) || timeout <= 0
  ) {
    throw new InputError(
      `${
        at(path, "timeout")
      }: An invalid timeout was specified (it must be a number of seconds above 0).`,
    );
  }
}
