/**
 * Inputs of the message methods beyond the seed's: message links
 * (resolveMessageLink) and the paging params of Saved Messages
 * (getSavedChats, getSavedMessages), with MTKruto 0.216.0's rules.
 */
import { InputError } from "../../errors.ts";
import { describeValue } from "../../describe_value.ts";
import { toChatId } from "./chat_id.ts";
import {
  optionalBoolean,
  optionalInteger,
  pageLimit,
  readString,
} from "./read.ts";

/** What a message link names: the chat (a username or a marked channel id) and the message id. */
export interface MessageLink {
  chatId: string | number;
  messageId: number;
}

/** Telegram's username rules, as MTKruto's getUsername checks them. */
const USERNAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;
const MAX_USERNAME_LENGTH = 32;
/** A positive decimal without leading zeros, as MTKruto reads link segments. */
const DECIMAL = /^[1-9]\d*$/;
/** The marked id of channel `id` is `CHANNEL_ID_BASE - id`. */
const CHANNEL_ID_BASE = -1_000_000_000_000;
const LINK_FORMS =
  "a message link: https://t.me/<username>/<id>, https://t.me/<username>/<thread>/<id>, https://t.me/c/<chat>/<id> or https://t.me/c/<chat>/<thread>/<id>";

function linkUrl(text: string): URL | undefined {
  for (const candidate of [text, `https://${text}`]) {
    try {
      return new URL(candidate);
    } catch {
      // not a URL as it stands; MTKruto tries once more with https://
    }
  }
  return undefined;
}

/** The chat and message a t.me link names, or undefined when it is not one (MTKruto's parseMessageLink). */
function messageLinkOf(text: string): MessageLink | undefined {
  const url = linkUrl(text);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    return undefined;
  }
  if (url.host !== "t.me") return undefined;
  const parts = url.pathname.split("/").filter((part) => part !== "");
  if (parts.length < 2 || !isNaN(Number(parts[0]))) return undefined;
  const isPrivate = parts[0] === "c";
  const numbers = parts.slice(1);
  const [min, max] = isPrivate ? [2, 3] : [1, 2];
  if (numbers.length < min || numbers.length > max) return undefined;
  if (!numbers.every((part) => DECIMAL.test(part))) return undefined;
  const messageId = Number(numbers.at(-1));
  if (!Number.isSafeInteger(messageId)) return undefined;
  if (isPrivate) {
    const chatId = CHANNEL_ID_BASE - Number(numbers[0]);
    return Number.isSafeInteger(chatId) ? { chatId, messageId } : undefined;
  }
  const username = parts[0];
  if (username.length > MAX_USERNAME_LENGTH || !USERNAME.test(username)) {
    return undefined;
  }
  return { chatId: username, messageId };
}

/** A message link as resolveMessageLink takes it; InputError naming `path` otherwise. */
export function readMessageLink(value: unknown, path: string): MessageLink {
  const link = messageLinkOf(readString(value, path).trim());
  if (!link) {
    throw new InputError(
      `${path} must be ${LINK_FORMS}; got ${describeValue(value)}`,
    );
  }
  return link;
}

const NON_NEGATIVE = { min: 0 } as const;

/** getSavedChats' params, read (its `offsetChatId` still to be resolved). */
export interface SavedChatsOptions {
  offsetId: number;
  offsetDate: number;
  offsetChatId?: number | string;
  limit: number;
  excludePinned: boolean;
}

/** getSavedMessages' params, read. */
export interface SavedMessagesOptions {
  offsetId: number;
  offsetDate: number;
  addOffset: number;
  limit: number;
}

/** GetSavedChatsParams → the offsets of messages.getSavedDialogs. */
export function readSavedChatsOptions(
  params: Record<string, unknown>,
): SavedChatsOptions {
  return {
    offsetId: optionalInteger(params, "offsetId", "params", NON_NEGATIVE) ?? 0,
    offsetDate: optionalInteger(params, "offsetDate", "params", NON_NEGATIVE) ??
      0,
    offsetChatId: params.offsetChatId === undefined
      ? undefined
      : toChatId(params.offsetChatId, "params.offsetChatId"),
    limit: pageLimit(params),
    excludePinned: optionalBoolean(params, "excludePinned", "params") ?? false,
  };
}

/** GetSavedMessagesParams → the offsets of messages.getSavedHistory. */
export function readSavedMessagesOptions(
  params: Record<string, unknown>,
): SavedMessagesOptions {
  return {
    offsetId: optionalInteger(params, "offsetId", "params", NON_NEGATIVE) ?? 0,
    offsetDate: optionalInteger(params, "offsetDate", "params", NON_NEGATIVE) ??
      0,
    addOffset: optionalInteger(params, "addOffset", "params") ?? 0,
    limit: pageLimit(params),
  };
}
