/**
 * MTKruto 0.216's `ID`: a chat as a caller names it, turned into what
 * mtcute's peer resolution takes (methods.md §A.1).
 */
import type { tl } from "@mtcute/core";
import { parseMarkedPeerId } from "@mtcute/core/utils.js";
import { InputError } from "../../errors.ts";
import { fail } from "./read.ts";

const EXPECTED =
  'a chat: its id (a JSON number, e.g. -1001234567890), "me", a username (optionally with @ or as a t.me link) or a phone number starting with "+" or a digit';

/** Hosts whose first path segment is a username. */
const LINK_HOSTS = new Set(["t.me", "telegram.me", "telegram.dog"]);

/** A username as Telegram allows it: a letter first, then letters, digits and single underscores, no trailing underscore. */
const USERNAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;

/**
 * MTKruto 0.216 ID: a JSON number is a marked chat id; "me"; a string
 * starting with "+" or a digit is a phone number, returned as "+<digits>"
 * (mtcute's resolvePeer does not take phone numbers: resolve those with
 * `resolveChatId`); other strings are usernames (leading @, t.me,
 * telegram.me and telegram.dog links, `<name>.t.me`), returned bare.
 */
export function toChatId(value: unknown, path: string): number | string {
  if (typeof value === "number") return markedId(value, path);
  if (typeof value !== "string") fail(path, EXPECTED, value);
  if (value === "me") return "me";
  const text = value.trim();
  if (text.startsWith("+") || /^\d/.test(text)) return phoneNumber(text, path);
  const username = usernameIn(text);
  if (username === undefined) {
    throw new InputError(
      `${path}: invalid username ${
        JSON.stringify(value.slice(0, 64))
      }; ${path} must be ${EXPECTED}`,
    );
  }
  // mtcute reads a bare "self" as the account itself; MTKruto resolves it as a username.
  return username === "self" ? "@self" : username;
}

/** Whether a converted chat is a phone number, which needs `resolveChatId` before mtcute sees it. */
export function isPhoneNumberChatId(chatId: number | string): boolean {
  return typeof chatId === "string" && chatId.startsWith("+");
}

/** What resolves phone numbers: mtcute's TelegramClient has this method. */
export interface PhoneResolver {
  resolvePhoneNumber(phone: string): Promise<tl.TypeInputPeer>;
}

/** A converted chat as mtcute's InputPeerLike: phone numbers resolved (contacts.resolvePhone), the rest as they are. */
export async function resolveChatId(
  client: PhoneResolver,
  chatId: number | string,
): Promise<number | string | tl.TypeInputPeer> {
  return isPhoneNumberChatId(chatId)
    ? await client.resolvePhoneNumber(chatId as string)
    : chatId;
}

/**
 * `options` with the chats at `keys` that are phone numbers resolved, for
 * chats named inside a params object (`sendAs`, a search's `from`…).
 */
export async function withPhonesResolved<T extends object>(
  client: PhoneResolver,
  options: T,
  keys: readonly (keyof T & string)[],
): Promise<T> {
  const resolved = { ...options } as Record<string, unknown>;
  for (const key of keys) {
    const chatId = resolved[key];
    if (
      (typeof chatId === "string" || typeof chatId === "number") &&
      isPhoneNumberChatId(chatId)
    ) {
      resolved[key] = await client.resolvePhoneNumber(chatId as string);
    }
  }
  return resolved as T;
}

function markedId(value: number, path: string): number {
  if (!Number.isSafeInteger(value)) fail(path, EXPECTED, value);
  try {
    parseMarkedPeerId(value);
  } catch {
    throw new InputError(
      `${path}: ${value} is not a chat id (users are positive, basic groups negative, channels and supergroups -100…)`,
    );
  }
  return value;
}

function phoneNumber(text: string, path: string): string {
  const digits = text.replace(/^\+/, "").replace(/[\s()-]/g, "");
  if (!/^\d{3,20}$/.test(digits)) {
    throw new InputError(
      `${path}: ${
        JSON.stringify(text.slice(0, 64))
      } is not a phone number (a string starting with "+" or a digit is one); a chat id must be sent as a JSON number`,
    );
  }
  return `+${digits}`;
}

/** The username a string names, or undefined when it names none. */
function usernameIn(text: string): string | undefined {
  const bare = text.startsWith("@") ? text.slice(1) : text;
  if (USERNAME.test(bare)) return valid(bare);
  const url = parseLink(text);
  if (url === undefined) return undefined;
  const host = url.hostname.toLowerCase();
  if (LINK_HOSTS.has(host)) {
    return valid(url.pathname.split("/")[1] ?? "");
  }
  const parts = host.split(".");
  if (parts.length === 3 && host.endsWith(".t.me")) {
    // The subdomain is lower-cased by URL parsing, as Telegram's usernames are case-insensitive.
    return valid(parts[0]);
  }
  return undefined;
}

function valid(name: string): string | undefined {
  return name.length >= 1 && name.length <= 32 && USERNAME.test(name)
    ? name
    : undefined;
}

/** `text` as an http(s) URL, with or without its scheme; undefined when it is none. */
function parseLink(text: string): URL | undefined {
  for (const candidate of [text, `https://${text}`]) {
    try {
      const url = new URL(candidate);
      if (url.protocol === "http:" || url.protocol === "https:") return url;
      return undefined;
    } catch {
      // Not a URL as written; try with a scheme.
    }
  }
  return undefined;
}
