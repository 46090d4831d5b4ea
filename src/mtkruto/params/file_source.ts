/**
 * MTKruto's FileSource as this server takes it: a file id, an http(s) URL or
 * a multipart file part. MTKruto itself also reads local paths and fetches
 * any URL scheme; both are refused here (methods.md §A.1, §D.6).
 */
import type { InputFileLike } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { isFileReference } from "../../file_reference.ts";
import { fileIdType, isFileId, TDLIB_FILE_TYPE } from "./file_id_type.ts";
import {
  at,
  describe,
  fail,
  optionalInteger,
  optionalString,
  readObject,
} from "./read.ts";

/** A multipart file part put in place of a {"_":"file","field":…} reference by the dialect's upload step. */
export interface AttachedFile {
  kind: "attached";
  /** The multipart part's name. */
  field?: string;
  file: unknown /* mtcute UploadFileLike */;
  fileName?: string;
  mimeType?: string;
  fileSize?: number;
}

/** What a part's headers said about it, kept for the media object its bytes end up in. */
export interface AttachedMetadata {
  fileName?: string;
  mimeType?: string;
  fileSize?: number;
}

/** The kinds of file a send method or InputMedia carries. */
export type MediaFileKind =
  | "photo"
  | "document"
  | "video"
  | "animation"
  | "voice"
  | "audio"
  | "videoNote"
  | "sticker";

const EXPECTED =
  'a file: a file id, an http(s) URL, or {"_": "file", "field": "<part name>"} naming a multipart file part';

/** The TDLib file types a file id may have to be sent as each kind (MTKruto's "Invalid file ID." check). */
const FILE_TYPES_OF: Record<MediaFileKind, readonly number[]> = {
  photo: [TDLIB_FILE_TYPE.photo, TDLIB_FILE_TYPE.profilePhoto],
  document: [TDLIB_FILE_TYPE.document, TDLIB_FILE_TYPE.documentAsFile],
  video: [TDLIB_FILE_TYPE.video],
  animation: [TDLIB_FILE_TYPE.animation],
  voice: [TDLIB_FILE_TYPE.voice],
  audio: [TDLIB_FILE_TYPE.audio],
  videoNote: [TDLIB_FILE_TYPE.videoNote],
  sticker: [TDLIB_FILE_TYPE.sticker],
};

const KIND_OF_FILE_TYPE = new Map<number, string>([
  [TDLIB_FILE_TYPE.thumbnail, "thumbnail"],
  [TDLIB_FILE_TYPE.profilePhoto, "profile photo"],
  [TDLIB_FILE_TYPE.photo, "photo"],
  [TDLIB_FILE_TYPE.voice, "voice message"],
  [TDLIB_FILE_TYPE.video, "video"],
  [TDLIB_FILE_TYPE.document, "document"],
  [TDLIB_FILE_TYPE.sticker, "sticker"],
  [TDLIB_FILE_TYPE.audio, "audio file"],
  [TDLIB_FILE_TYPE.animation, "animation"],
  [TDLIB_FILE_TYPE.videoNote, "video note"],
  [TDLIB_FILE_TYPE.documentAsFile, "document"],
]);

const KIND_NAMES: Record<MediaFileKind, string> = {
  photo: "photo",
  document: "document",
  video: "video",
  animation: "animation",
  voice: "voice message",
  audio: "audio file",
  videoNote: "video note",
  sticker: "sticker",
};

/** Metadata of the byte sources `toInputFile` took out of attached files. */
const attachedMetadata = new WeakMap<object, AttachedMetadata>();

/** Whether `value` is bytes mtcute can upload (a reader, bytes, a stream or a blob); JSON can make none of these. */
function isByteSource(value: unknown): value is object {
  return value instanceof Uint8Array || value instanceof Blob ||
    value instanceof ReadableStream ||
    (typeof value === "object" && value !== null &&
      typeof (value as { read?: unknown }).read === "function");
}

/** Whether `value` claims to be an attached file (its bytes are checked by `toInputFile`). */
export function isAttachedFile(value: unknown): value is AttachedFile {
  return typeof value === "object" && value !== null &&
    (value as { kind?: unknown }).kind === "attached";
}

/**
 * FileSource: an MTKruto/TDLib file id (checked with mtcute's parser), an
 * http(s) URL, or an AttachedFile (its bytes). Anything else (a local path,
 * a file: URL, other schemes) → InputError saying what a file may be.
 * Idempotent: its own results are taken back as they are.
 */
export function toInputFile(value: unknown, path: string): InputFileLike {
  if (isAttachedFile(value)) return attachedBytes(value, path);
  if (isByteSource(value)) return value as InputFileLike;
  if (isFileReference(value)) {
    throw new InputError(
      `${path} refers to the multipart file part ${
        JSON.stringify(value.field)
      }, but no file part of that name came with the request`,
    );
  }
  if (typeof value !== "string") fail(path, EXPECTED, value);
  if (value.length === 0) fail(path, EXPECTED, value);
  const url = httpUrl(value, path);
  if (url !== undefined) return url;
  if (isFileId(value)) return value;
  throw new InputError(
    `${path} must be ${EXPECTED}; got ${
      describe(value)
    }, which is none of these (local paths and URLs of other schemes are not accepted)`,
  );
}

/** `toInputFile`, also checking that a file id names a file of `kind` (MTKruto: "Invalid file ID."). */
export function toMediaFile(
  value: unknown,
  path: string,
  kind: MediaFileKind,
): InputFileLike {
  const file = toInputFile(value, path);
  if (typeof file === "string" && !isUrlSource(file)) {
    const type = fileIdType(file);
    if (type !== undefined && !FILE_TYPES_OF[kind].includes(type)) {
      throw new InputError(
        `${path}: Invalid file ID. It is the file id of ${
          article(KIND_OF_FILE_TYPE.get(type) ?? `file of type ${type}`)
        }, not of ${article(KIND_NAMES[kind])}`,
      );
    }
  }
  return file;
}

/** Whether a `toInputFile` result is an http(s) URL, for Telegram to fetch. */
export function isUrlSource(file: InputFileLike): file is string {
  return typeof file === "string" && /^https?:\/\//.test(file);
}

/** TDLib file types whose ids hold a photo location (the rest hold a document's). */
const PHOTO_LOCATION_TYPES: readonly number[] = [
  TDLIB_FILE_TYPE.thumbnail,
  TDLIB_FILE_TYPE.profilePhoto,
  TDLIB_FILE_TYPE.photo,
];

/**
 * A file id of a file already on Telegram's servers (inline results'
 * `fileId`): a photo's when `photo`, a document's otherwise. mtcute cannot
 * turn one kind into the other.
 */
export function toCachedFileId(
  value: unknown,
  path: string,
  { photo }: { photo: boolean },
): string {
  if (typeof value !== "string" || !isFileId(value)) {
    fail(path, "a file id", value);
  }
  const type = fileIdType(value);
  if (type !== undefined && PHOTO_LOCATION_TYPES.includes(type) !== photo) {
    throw new InputError(
      `${path}: Invalid file ID. It is the file id of ${
        article(KIND_OF_FILE_TYPE.get(type) ?? `file of type ${type}`)
      }; this result needs ${photo ? "a photo's" : "a document's"}`,
    );
  }
  return value;
}

/** A thumbnail: Telegram takes only uploaded bytes, so it must be a multipart file part. */
export function toThumbnail(value: unknown, path: string): InputFileLike {
  if (isAttachedFile(value)) return attachedBytes(value, path);
  if (isByteSource(value)) return value as InputFileLike;
  if (isFileReference(value)) return toInputFile(value, path);
  fail(
    path,
    'a multipart file part ({"_": "file", "field": "<part name>"}); a thumbnail cannot be a file id or a URL',
    value,
  );
}

/**
 * `file` as a Response whose Content-Type mtcute takes as the file's MIME
 * type, over the one a medium's type fixes (a sticker's WebP); ids and URLs
 * are returned as they are.
 */
export function withMimeType(
  file: InputFileLike,
  mimeType: string,
): InputFileLike {
  if (!isByteSource(file)) return file;
  const body = file instanceof Uint8Array || file instanceof Blob ||
      file instanceof ReadableStream
    ? file as BodyInit
    : readableOf(file as ByteReader);
  return new Response(body, { headers: { "content-type": mimeType } });
}

/** mtcute's byte reader: fills `into`, resolves with the count, 0 at the end. */
interface ByteReader {
  read(into: Uint8Array): Promise<number>;
}

/** How much of a reader `readableOf` asks for at a time. */
const READ_CHUNK_BYTES = 64 * 1024;

function readableOf(reader: ByteReader): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const chunk = new Uint8Array(READ_CHUNK_BYTES);
      const read = await reader.read(chunk);
      if (read === 0) controller.close();
      else controller.enqueue(chunk.subarray(0, read));
    },
  });
}

/** What the part's headers said about a byte source `toInputFile` returned, if it came from one. */
export function metadataOf(file: unknown): AttachedMetadata | undefined {
  return typeof file === "object" && file !== null
    ? attachedMetadata.get(file)
    : undefined;
}

function attachedBytes(value: AttachedFile, path: string): InputFileLike {
  const object = readObject(value, path);
  if (!isByteSource(object.file)) {
    // A JSON body can spell {"kind": "attached"}; only the upload step can give it bytes.
    fail(at(path, "file"), "the bytes of a multipart file part", object.file);
  }
  const metadata: AttachedMetadata = {
    fileName: optionalString(object, "fileName", path),
    mimeType: optionalString(object, "mimeType", path),
    fileSize: optionalInteger(object, "fileSize", path, {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
    }),
  };
  attachedMetadata.set(object.file, metadata);
  return object.file as InputFileLike;
}

/** `text` when it is an http(s) URL (as mtcute spots one: a lower-case scheme); undefined when it is no URL. */
function httpUrl(text: string, path: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError(
      `${path} must be ${EXPECTED}; got a ${url.protocol} URL, and only http(s) URLs are accepted`,
    );
  }
  return /^https?:\/\//.test(text) ? text : url.href;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
