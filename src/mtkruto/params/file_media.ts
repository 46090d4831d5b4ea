/**
 * A file with the params that describe it (U, C, T, P, self-destruct and
 * each kind's own keys, methods.md §A.2/§A.3) → mtcute's file media. The
 * keys are the same in send params, InputMedia and InputPollMedia.
 */
import type { InputMediaLike } from "@mtcute/core";
import { omitUndefined } from "../types/omit_undefined.ts";
import { InputError } from "../../errors.ts";
import {
  isUrlSource,
  type MediaFileKind,
  metadataOf,
  toMediaFile,
  toThumbnail,
  withMimeType,
} from "./file_source.ts";
import {
  at,
  fail,
  given,
  INT32,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalBoolean,
  optionalInteger,
  optionalNumber,
  optionalString,
} from "./read.ts";
import { toCaption } from "./send.ts";

/** Telegram's TL value for "destroy after it was opened" (MTKruto's "afterOpen"). */
export const VIEW_ONCE = 0x7FFFFFFF;
/** The MIME types of animated (Lottie) and video stickers; MTKruto also takes WebP ones. */
const ANIMATED_STICKER_MIME = "application/x-tgsticker";
const VIDEO_STICKER_MIME = "video/webm";
/** MTKruto's upper bound on an upload part. */
const MAX_CHUNK_SIZE = 512 * 1024;

/** What a file medium carries besides its kind's own keys. */
export interface FileMediaOptions {
  /** Whether the params' caption keys are read (not for stickers and poll media). */
  caption: boolean;
  /** Whether an animation is marked streamable, as MTKruto's sendAnimation and InputMedia do (poll media are not). */
  streamableAnimation?: boolean;
}

/** The file at `filePath` as a medium of `kind`, described by `params` (at `path`). */
export function toFileMedia(
  kind: MediaFileKind,
  file: unknown,
  filePath: string,
  params: JsonObject,
  path: string,
  { caption, streamableAnimation }: FileMediaOptions = { caption: true },
): InputMediaLike {
  const input = toMediaFile(file, filePath, kind);
  const metadata = metadataOf(input);
  // Checked only: mtcute sizes its upload parts itself and has no progress ids.
  optionalInteger(params, "chunkSize", path, { min: 1, max: MAX_CHUNK_SIZE });
  optionalString(params, "progressId", path);
  const common = {
    file: input,
    fileName: optionalString(params, "fileName", path) ?? metadata?.fileName,
    fileMime: optionalString(params, "mimeType", path) ?? metadata?.mimeType,
    fileSize: optionalInteger(params, "fileSize", path, {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
    }) ?? metadata?.fileSize,
    caption: caption ? toCaption(params, path) : undefined,
  };
  const thumb = () =>
    given(params, "thumbnail")
      ? toThumbnail(params.thumbnail, at(path, "thumbnail"))
      : undefined;
  const duration = () => optionalDuration(params, path);
  const size = (key: string) =>
    optionalInteger(params, key, path, NON_NEGATIVE_INT32);
  const spoiler = () => optionalBoolean(params, "isSpoiler", path);
  switch (kind) {
    case "photo":
      return omitUndefined({
        type: "photo",
        ...common,
        // Telegram reads a photo's format from its bytes: an untyped part (the
        // multipart default) must not stop mtcute from naming the upload itself.
        fileMime: common.fileMime === "application/octet-stream"
          ? undefined
          : common.fileMime,
        spoiler: spoiler(),
        ttlSeconds: selfDestruct(params, path),
      });
    case "document":
      return omitUndefined({ type: "document", ...common, thumb: thumb() });
    case "video":
      return omitUndefined({
        type: "video",
        ...common,
        thumb: thumb(),
        duration: duration(),
        width: size("width"),
        height: size("height"),
        supportsStreaming: optionalBoolean(
          params,
          "isStreamingSupported",
          path,
        ),
        spoiler: spoiler(),
        ttlSeconds: selfDestruct(params, path),
      });
    case "animation":
      return omitUndefined({
        type: "video",
        isAnimated: true,
        ...common,
        thumb: thumb(),
        duration: duration(),
        width: size("width"),
        height: size("height"),
        supportsStreaming: streamableAnimation || undefined,
        spoiler: spoiler(),
      });
    case "voice":
      // SendVoiceParams types a thumbnail; a voice message has none to send.
      thumb();
      return omitUndefined({ type: "voice", ...common, duration: duration() });
    case "audio":
      return omitUndefined({
        type: "audio",
        ...common,
        thumb: thumb(),
        duration: duration(),
        performer: optionalString(params, "performer", path),
        title: optionalString(params, "title", path),
      });
    case "videoNote": {
      if (isUrlSource(input)) {
        // MTKruto's sendVideoNote refuses URLs; Telegram makes no video note of one.
        throw new InputError(
          `${filePath}: URL not supported. A video note must be an upload or a file id`,
        );
      }
      const length = size("length");
      return omitUndefined({
        type: "video",
        isRound: true,
        ...common,
        thumb: thumb(),
        duration: duration(),
        width: length,
        height: length,
      });
    }
    case "sticker": {
      // mtcute uploads a sticker as WebP, or as TGS when `isAnimated`: a
      // video sticker's type has to come with its bytes.
      const mimeType = common.fileMime;
      return omitUndefined({
        type: "sticker",
        ...common,
        file: mimeType === VIDEO_STICKER_MIME
          ? withMimeType(input, mimeType)
          : input,
        isAnimated: mimeType === ANIMATED_STICKER_MIME || undefined,
        alt: optionalString(params, "emoji", path),
      });
    }
  }
}

/** `duration` in seconds (fractions allowed, as Telegram keeps a double), undefined when absent. */
function optionalDuration(params: JsonObject, path: string) {
  const value = optionalNumber(params, "duration", path);
  if (value !== undefined && value < 0) {
    fail(at(path, "duration"), "a non-negative number of seconds", value);
  }
  return value;
}

/** SelfDestructOption: "afterOpen" or a positive number of seconds → TL ttl_seconds. */
function selfDestruct(params: JsonObject, path: string): number | undefined {
  const value = params.selfDestruct;
  if (value === undefined || value === null) return undefined;
  if (value === "afterOpen") return VIEW_ONCE;
  if (
    typeof value !== "number" || !Number.isSafeInteger(value) || value < 1 ||
    value > INT32.max!
  ) {
    fail(
      at(path, "selfDestruct"),
      '"afterOpen" or a positive whole number of seconds',
      value,
    );
  }
  return value;
}
