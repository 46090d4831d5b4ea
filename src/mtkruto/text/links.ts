/**
 * What the URLs of links, custom emoji and dates stand for, read as Telegram
 * reads them (TDLib's LinkManager): `tg://user?id=` mentions a user,
 * `tg://emoji?id=` names a custom emoji, `tg://time?unix=` a date, and any
 * other URL must be an http(s), tg or ton link. Each check answers a value or
 * a problem, so the caller can say where the URL was.
 */
import { DATE_TIME_FORMAT_RULE, dateTimeFlags } from "./date_time_format.ts";

/** A checked value, or what is wrong with it. */
export type Checked<T> = { value: T } | { problem: string };

/** What the URL of a link makes of its text. */
export type LinkTarget =
  | { type: "textMention"; userId: number }
  | { type: "textLink"; url: string };

/** A date as `tg://time?unix=…&format=…` gives it. */
export interface LinkedDateTime {
  dateTime: number;
  format?: string;
}

const MAX_USER_ID = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_INT64 = 2n ** 63n - 1n;
const MAX_INT32 = 2n ** 31n - 1n;
const DIGITS = /^[0-9]+$/;
const TG_LIKE_SCHEMES = new Set(["tg", "ton", "tonsite"]);
const WEB_SCHEMES = new Set(["http", "https"]);
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * The query (after `?`, before `#`) of a `tg://<host>` URL; "" when it has
 * none; undefined when `url` is not a tg URL of that host. Scheme and host
 * are case-insensitive and `//` may be left out, as Telegram allows.
 */
export function tgQuery(url: string, host: string): string | undefined {
  const lower = url.toLowerCase();
  if (!lower.startsWith("tg:")) return undefined;
  let at = lower.startsWith("//", 3) ? 5 : 3;
  if (!lower.startsWith(host, at)) return undefined;
  at += host.length;
  if (at < url.length && !"/?#".includes(url[at])) return undefined;
  if (url[at] === "/") at++;
  if (url[at] !== "?") return "";
  const query = url.slice(at + 1);
  const hash = query.indexOf("#");
  return hash < 0 ? query : query.slice(0, hash);
}

/** The first value of `key` in a query, as written (Telegram does not percent-decode these). */
export function queryParameter(
  query: string,
  key: string,
): string | undefined {
  for (const pair of query.split("&")) {
    const equals = pair.indexOf("=");
    const name = equals < 0 ? pair : pair.slice(0, equals);
    if (name === key) return equals < 0 ? "" : pair.slice(equals + 1);
  }
  return undefined;
}

/** `text` as a positive integer no larger than `max`, or undefined. */
function positiveInteger(
  text: string | undefined,
  max: bigint,
): bigint | undefined {
  if (text === undefined || !DIGITS.test(text)) return undefined;
  const value = BigInt(text);
  return value > 0n && value <= max ? value : undefined;
}

/** A custom emoji id (a positive 64-bit integer) in its canonical decimal form. */
export function checkCustomEmojiId(id: string | undefined): Checked<string> {
  const value = positiveInteger(id, MAX_INT64);
  return value === undefined
    ? {
      problem: `the custom emoji id ${
        JSON.stringify(id ?? "")
      } is not a positive 64-bit integer`,
    }
    : { value: value.toString() };
}

/** A date: positive Unix seconds (32-bit, as TL's `int`) and a format Telegram knows. */
export function checkDateTime(
  unix: string | undefined,
  format: string | undefined,
): Checked<LinkedDateTime> {
  const date = positiveInteger(unix, MAX_INT32);
  if (date === undefined) {
    return {
      problem: `the Unix time ${
        JSON.stringify(unix ?? "")
      } is not a positive 32-bit integer`,
    };
  }
  if (format && dateTimeFlags(format) === undefined) {
    return {
      problem: `the date format ${
        JSON.stringify(format)
      } is not ${DATE_TIME_FORMAT_RULE}`,
    };
  }
  return {
    value: format
      ? { dateTime: Number(date), format }
      : { dateTime: Number(date) },
  };
}

/** The user a `tg://user?id=` URL mentions; undefined when `url` is not such a URL. */
export function mentionedUser(url: string): Checked<number> | undefined {
  // Telegram reads the whole link case-insensitively, "?ID=" included.
  const query = tgQuery(url.toLowerCase(), "user");
  if (query === undefined) return undefined;
  const id = positiveInteger(queryParameter(query, "id"), MAX_USER_ID);
  return id === undefined
    ? {
      problem: `${
        JSON.stringify(url)
      } is not a valid user mention: tg://user needs ?id=<user id>, a positive integer`,
    }
    : { value: Number(id) };
}

/** Whether a tg/ton link has a host Telegram accepts (letters, digits, - and _; tonsite also dots). */
function isTgLikeLink(url: string, scheme: string): boolean {
  let rest = url.slice(scheme.length + 1);
  if (rest.startsWith("//")) rest = rest.slice(2);
  const host = /^[^/?#]*/.exec(rest)![0];
  const hostPattern = scheme === "tonsite"
    ? /^[A-Za-z0-9_.-]+$/
    : /^[A-Za-z0-9_-]+$/;
  return hostPattern.test(host);
}

/** Whether an http(s) URL parses and has a host Telegram takes for one (a dot in it, or IPv6). */
function isWebLink(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname.includes(".") || hostname.startsWith("[");
  } catch {
    return false;
  }
}

/** A link's URL as it is sent: http(s), tg, ton or tonsite; a bare host gets `http://`. */
export function checkLinkUrl(url: string): Checked<string> {
  const scheme = SCHEME.exec(url)?.[1].toLowerCase();
  const invalid = {
    problem: `${
      JSON.stringify(url)
    } is not a valid URL (an http(s), tg or ton link)`,
  };
  if (scheme !== undefined && TG_LIKE_SCHEMES.has(scheme)) {
    return isTgLikeLink(url, scheme) ? { value: url } : invalid;
  }
  if (scheme !== undefined && WEB_SCHEMES.has(scheme)) {
    return isWebLink(url) ? { value: url } : invalid;
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) {
    return {
      problem: `${
        JSON.stringify(url)
      } has an unsupported scheme; links must be http(s), tg or ton`,
    };
  }
  const withScheme = `http://${url}`;
  return isWebLink(withScheme) ? { value: withScheme } : invalid;
}

/** What a link's URL makes of its text: a mention for `tg://user?id=`, else a checked link. */
export function linkTarget(url: string): Checked<LinkTarget> {
  const user = mentionedUser(url);
  if (user !== undefined) {
    return "problem" in user
      ? user
      : { value: { type: "textMention", userId: user.value } };
  }
  const link = checkLinkUrl(url);
  return "problem" in link
    ? link
    : { value: { type: "textLink", url: link.value } };
}

/** What `![…](url)` stands for: a custom emoji (`tg://emoji?id=`) or a date (`tg://time?unix=`). */
export function emojiOrDateTarget(
  url: string,
): Checked<{ customEmojiId: string } | LinkedDateTime> {
  const emoji = tgQuery(url, "emoji");
  if (emoji !== undefined) {
    const id = checkCustomEmojiId(queryParameter(emoji, "id"));
    return "problem" in id ? id : { value: { customEmojiId: id.value } };
  }
  const time = tgQuery(url, "time");
  if (time !== undefined) {
    return checkDateTime(
      queryParameter(time, "unix"),
      queryParameter(time, "format"),
    );
  }
  return {
    problem: `${
      JSON.stringify(url)
    } is neither a tg://emoji?id=… nor a tg://time?unix=… URL`,
  };
}
