/**
 * The inputs of MTKruto's sticker set and saved animation methods: a set's
 * slug (or its t.me/addstickers/ link), a sticker's or an animation's file
 * id, and InputSticker (a file with its emoji and upload keys).
 */
import type { InputMediaLike, tl } from "@mtcute/core";
import { fileIdToInputDocument } from "@mtcute/core/utils.js";
import { InputError } from "../../errors.ts";
import { fileIdType, TDLIB_FILE_TYPE } from "./file_id_type.ts";
import { toFileMedia } from "./file_media.ts";
import { at, readObject, readString, requiredString } from "./read.ts";

/** Where a sticker set's link points: `https://t.me/addstickers/<slug>`. */
const ADD_STICKERS_PATH = "/addstickers/";

/**
 * A sticker set's slug, or the slug of its `http(s)://t.me/addstickers/…`
 * link (as MTKruto reads it: anything with a `/` must be such a link).
 */
export function readStickerSetSlug(value: unknown, path: string): string {
  const text = readString(value, path, { nonEmpty: true });
  if (!text.includes("/")) return text;
  const url = URL.parse(text);
  let slug = url?.pathname.startsWith(ADD_STICKERS_PATH)
    ? url.pathname.slice(ADD_STICKERS_PATH.length)
    : "";
  if (slug.endsWith("/")) slug = slug.slice(0, -1);
  if (
    !url || !["http:", "https:"].includes(url.protocol) ||
    url.hostname !== "t.me" || slug === "" || slug.includes("/")
  ) {
    throw new InputError(
      `${path}: Invalid sticker set slug or link. Give a slug or an https://t.me/addstickers/<slug> link; got ${
        JSON.stringify(text)
      }`,
    );
  }
  return slug;
}

/** The `inputDocument` of a sticker's file id (MTKruto takes the id of any document with its file reference). */
export function readStickerFileId(
  value: unknown,
  path: string,
): tl.RawInputDocument {
  const text = readString(value, path, { nonEmpty: true });
  try {
    return fileIdToInputDocument(text);
  } catch {
    throw new InputError(
      `${path} must be the file id of a sticker; got ${JSON.stringify(text)}`,
    );
  }
}

/** The `inputDocument` of an animation's file id; another kind of file id is MTKruto's "Invalid file ID.". */
export function readAnimationFileId(
  value: unknown,
  path: string,
): tl.RawInputDocument {
  const text = readString(value, path, { nonEmpty: true });
  if (fileIdType(text) !== TDLIB_FILE_TYPE.animation) {
    throw new InputError(
      `${path}: Invalid file ID. It must be the file id of an animation; got ${
        JSON.stringify(text)
      }`,
    );
  }
  return fileIdToInputDocument(text);
}

/** An InputSticker as mtcute uploads it: the sticker medium and its emoji. */
export interface ReadInputSticker {
  media: InputMediaLike;
  emoji: string;
}

/** InputSticker: `{sticker: FileSource, emoji, fileName?, fileSize?, mimeType?, chunkSize?, progressId?}`. */
export function readInputSticker(
  value: unknown,
  path: string,
): ReadInputSticker {
  const object = readObject(value, path);
  const emoji = requiredString(object, "emoji", path);
  if (emoji === "") {
    throw new InputError(`${at(path, "emoji")} must not be empty`);
  }
  const media = toFileMedia(
    "sticker",
    object.sticker,
    at(path, "sticker"),
    object,
    path,
    { caption: false },
  );
  return { media, emoji };
}
