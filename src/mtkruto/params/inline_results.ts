/**
 * answerInlineQuery's InputInlineQueryResult[] (0.216 kinds, cached ones
 * included) and AnswerInlineQueryParams → mtcute's InputInlineResult[] and
 * answer options (methods.md §A.1, §A.3, §B.8).
 */
import type { InputInlineMessage, InputInlineResult } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import { toCachedFileId } from "./file_source.ts";
import { toLatitude, toLongitude } from "./geo.ts";
import {
  toInlineContact,
  toInlineLocation,
  toInlineMessage,
  toInlineVenue,
} from "./inline_content.ts";
import {
  at,
  fail,
  given,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalBoolean,
  optionalInteger,
  optionalNumber,
  optionalObject,
  optionalString,
  readArray,
  readObject,
  readType,
  requiredString,
} from "./read.ts";
import { toInlineReplyMarkup } from "./reply_markup.ts";
import { toCaption } from "./send.ts";

const RESULT_TYPES = [
  "article",
  "audio",
  "cachedAudio",
  "cachedDocument",
  "cachedGif",
  "cachedMpeg4Gif",
  "cachedPhoto",
  "cachedVideo",
  "cachedVoice",
  "contact",
  "document",
  "game",
  "gif",
  "location",
  "mpeg4Gif",
  "photo",
  "sticker",
  "venue",
  "video",
  "voice",
] as const;

/** Telegram's limits on one answer. */
const MAX_RESULTS = 50;
const MAX_ID_BYTES = 64;

/** MTKruto's default cache time of an answer, in seconds. */
const DEFAULT_CACHE_TIME = 300;

/** InputInlineQueryResult[] → mtcute's InputInlineResult[] (at most 50). */
export function toInlineResults(
  value: unknown,
  path: string,
): InputInlineResult[] {
  const results = readArray(value, path);
  if (results.length > MAX_RESULTS) {
    throw new InputError(
      `${path} may hold at most ${MAX_RESULTS} results; got ${results.length}`,
    );
  }
  return results.map((result, index) =>
    toInlineResult(result, at(path, index))
  );
}

/** AnswerInlineQueryParams → mtcute's answerInlineQuery options. */
export function toInlineAnswerOptions(
  params: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const object = readObject(params, path);
  const button = optionalObject(object, "button", path);
  const buttonPath = at(path, "button");
  const text = button && requiredString(button, "text", buttonPath);
  const url = button && optionalHttpUrl(button, "url", buttonPath);
  const startParameter = button &&
    optionalString(button, "startParameter", buttonPath, { nonEmpty: true });
  return omitUndefined({
    cacheTime: optionalInteger(object, "cacheTime", path, NON_NEGATIVE_INT32) ??
      DEFAULT_CACHE_TIME,
    private: optionalBoolean(object, "isPersonal", path),
    // MTKruto shows a gallery only when asked; mtcute would guess from the results.
    gallery: optionalBoolean(object, "isGallery", path) ?? false,
    nextOffset: optionalString(object, "nextOffset", path),
    switchWebview: url === undefined ? undefined : { text: text!, url },
    switchPm: startParameter === undefined
      ? undefined
      : { text: text!, parameter: startParameter },
  });
}

/** One InlineQueryResult → mtcute's. */
function toInlineResult(value: unknown, path: string): InputInlineResult {
  const result = readObject(value, path);
  const type = readType(result, path, RESULT_TYPES);
  const id = resultId(result, path);
  const replyMarkup = given(result, "replyMarkup")
    ? toInlineReplyMarkup(result.replyMarkup, at(path, "replyMarkup"))
    : undefined;
  const content = (fallback: () => InputInlineMessage | undefined) =>
    given(result, "messageContent")
      ? toInlineMessage(
        result.messageContent,
        at(path, "messageContent"),
        replyMarkup,
      )
      : fallback();
  // A media result sends itself, with its caption and keyboard when it has them.
  const media = () =>
    content(() => {
      const caption = toCaption(result, path);
      return caption === undefined && replyMarkup === undefined
        ? undefined
        : omitUndefined({ type: "media" as const, text: caption, replyMarkup });
    });
  const string = (key: string) => requiredString(result, key, path);
  const optional = (key: string) => optionalString(result, key, path);
  const url = (key: string) => requiredHttpUrl(result, key, path);
  const thumb = () => optionalHttpUrl(result, "thumbnailUrl", path);
  const cached = (photo = false) =>
    toCachedFileId(result.fileId, at(path, "fileId"), { photo });
  const size = (key: string) =>
    optionalInteger(result, key, path, NON_NEGATIVE_INT32);
  const seconds = (key: string) => nonNegativeNumber(result, key, path);
  checkThumbnailSizes(result, path);
  let converted: Record<string, unknown>;
  switch (type) {
    case "article":
      if (!given(result, "messageContent")) {
        fail(at(path, "messageContent"), "a MessageContent object", undefined);
      }
      converted = {
        type: "article",
        title: string("title"),
        description: optional("description"),
        url: optionalHttpUrl(result, "url", path),
        hideUrl: optionalBoolean(result, "isUrlHidden", path),
        thumb: thumb(),
        message: content(() => undefined),
      };
      break;
    case "audio":
      converted = {
        type: "audio",
        media: url("url"),
        title: string("title"),
        performer: optional("performer"),
        duration: size("audioDuration"),
        message: media(),
      };
      break;
    case "voice":
      converted = {
        type: "voice",
        media: url("url"),
        title: string("title"),
        duration: size("voiceDuration"),
        message: media(),
      };
      break;
    case "document":
      converted = {
        type: "file",
        media: url("url"),
        // MTKruto announces every document URL with this type.
        mime: "application/octet-stream",
        title: string("title"),
        description: optional("description"),
        thumb: thumb(),
        message: media(),
      };
      break;
    case "gif":
    case "mpeg4Gif":
      converted = {
        type: "gif",
        media: url("url"),
        mime: type === "gif" ? "image/gif" : "video/mp4",
        title: optional("title"),
        width: size("width"),
        height: size("height"),
        duration: seconds("duration"),
        thumb: thumb(),
        thumbMime: optional("thumbnailMimeType"),
        message: media(),
      };
      break;
    case "photo":
      converted = {
        type: "photo",
        media: url("url"),
        thumb: url("thumbnailUrl"),
        title: optional("title"),
        description: optional("description"),
        width: size("width"),
        height: size("height"),
        message: media(),
      };
      break;
    case "video": {
      const mimeType = string("mimeType");
      converted = {
        type: "video",
        media: url("url"),
        // Bot API's convention: text/html is a page embedding the video.
        isEmbed: mimeType === "text/html" || undefined,
        title: string("title"),
        description: optional("description"),
        thumb: url("thumbnailUrl"),
        width: size("width"),
        height: size("height"),
        duration: seconds("videoDuration"),
        message: media(),
      };
      break;
    }
    case "cachedAudio":
      converted = { type: "audio", media: cached(), message: media() };
      break;
    case "cachedDocument":
      converted = {
        type: "file",
        media: cached(),
        title: optional("title"),
        description: optional("description"),
        message: media(),
      };
      break;
    case "cachedGif":
    case "cachedMpeg4Gif":
      converted = {
        type: "gif",
        media: cached(),
        title: optional("title"),
        message: media(),
      };
      break;
    case "cachedPhoto":
      converted = {
        type: "photo",
        media: cached(true),
        title: optional("title"),
        description: optional("description"),
        message: media(),
      };
      break;
    case "cachedVideo":
      converted = {
        type: "video",
        media: cached(),
        title: string("title"),
        description: optional("description"),
        message: media(),
      };
      break;
    case "cachedVoice":
      converted = {
        type: "voice",
        media: cached(),
        title: string("title"),
        message: media(),
      };
      break;
    case "sticker":
      converted = { type: "sticker", media: cached(), message: media() };
      break;
    case "game":
      converted = {
        type: "game",
        shortName: requiredString(result, "gameShortName", path, {
          nonEmpty: true,
        }),
        message: replyMarkup && { type: "game", replyMarkup },
      };
      break;
    case "location":
      converted = {
        type: "geo",
        title: string("title"),
        latitude: toLatitude(result.latitude, at(path, "latitude")),
        longitude: toLongitude(result.longitude, at(path, "longitude")),
        thumb: thumb(),
        message: content(() => toInlineLocation(result, path, replyMarkup)),
      };
      break;
    case "venue":
      converted = {
        type: "venue",
        title: string("title"),
        address: string("address"),
        latitude: toLatitude(result.latitude, at(path, "latitude")),
        longitude: toLongitude(result.longitude, at(path, "longitude")),
        thumb: thumb(),
        message: content(() => toInlineVenue(result, path, replyMarkup)),
      };
      break;
    case "contact":
      converted = {
        type: "contact",
        phone: requiredString(result, "phoneNumber", path, { nonEmpty: true }),
        firstName: requiredString(result, "firstName", path, {
          nonEmpty: true,
        }),
        lastName: optional("lastName"),
        thumb: thumb(),
        message: content(() => toInlineContact(result, path, replyMarkup)),
      };
      break;
  }
  return omitUndefined({ ...converted, id }) as unknown as InputInlineResult;
}

function resultId(result: JsonObject, path: string): string {
  const id = requiredString(result, "id", path, { nonEmpty: true });
  const bytes = new TextEncoder().encode(id).length;
  if (bytes > MAX_ID_BYTES) {
    throw new InputError(
      `${
        at(path, "id")
      } must be at most ${MAX_ID_BYTES} bytes in UTF-8; got ${bytes}`,
    );
  }
  return id;
}

/** MTKruto types thumbnailWidth/Height as strings; numbers are taken too. Telegram has no field for them. */
function checkThumbnailSizes(result: JsonObject, path: string): void {
  for (const key of ["thumbnailWidth", "thumbnailHeight"]) {
    const value = result[key];
    if (
      value !== undefined && value !== null &&
      !(typeof value === "number" && Number.isSafeInteger(value) &&
        value >= 0) &&
      !(typeof value === "string" && /^\d+$/.test(value))
    ) {
      fail(at(path, key), "a number of pixels", value);
    }
  }
}

function nonNegativeNumber(
  object: JsonObject,
  key: string,
  path: string,
): number | undefined {
  const value = optionalNumber(object, key, path);
  if (value !== undefined && value < 0) {
    fail(at(path, key), "a non-negative number", value);
  }
  return value;
}

function requiredHttpUrl(object: JsonObject, key: string, path: string) {
  const url = optionalHttpUrl(object, key, path);
  if (url === undefined) fail(at(path, key), "an http(s) URL", object[key]);
  return url;
}

function optionalHttpUrl(
  object: JsonObject,
  key: string,
  path: string,
): string | undefined {
  const value = optionalString(object, key, path);
  if (value === undefined) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== "http:" && protocol !== "https:") {
    fail(at(path, key), "an http(s) URL", value);
  }
  return value;
}
