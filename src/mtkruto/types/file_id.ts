/**
 * MTKruto's `fileId` / `fileUniqueId` strings: TDLib persistent file ids, the
 * format of the Bot API (types.md §9), written by our own serializer so the
 * bytes match MTKruto's (sub-version 52, where mtcute writes 58).
 */
import type { Long, tl } from "@mtcute/core";

/** TDLib's file type numbers, for the kinds MTKruto renders. */
export const FILE_TYPE = {
  thumbnail: 0,
  profilePhoto: 1,
  photo: 2,
  voice: 3,
  video: 4,
  document: 5,
  sticker: 8,
  audio: 9,
  animation: 10,
  videoNote: 13,
} as const;

/** The file type of a document, by the variant it is rendered as. */
export type DocumentFileType =
  | "document"
  | "video"
  | "animation"
  | "audio"
  | "voice"
  | "videoNote"
  | "sticker";

/** A rendered pair: the id to download or resend a file with, and the id that stays the same across sessions. */
export interface FileIds {
  fileId: string;
  fileUniqueId: string;
}

/** The small and big sizes of a profile or chat photo. */
export interface ChatPhotoFileIds {
  smallFileId: string;
  smallFileUniqueId: string;
  bigFileId: string;
  bigFileUniqueId: string;
}

const FILE_REFERENCE_FLAG = 1 << 25;
/** MTKruto's sub-version (its NEXT_VERSION − 1) and TDLib's persistent id version. */
const ID_SUFFIX = [52, 4];
const PHOTO_SOURCE_THUMBNAIL = 1;
const PHOTO_SOURCE_CHAT_PHOTO_SMALL = 2;
const PHOTO_SOURCE_CHAT_PHOTO_BIG = 3;
const UNIQUE_TYPE_PHOTO = 1;
const UNIQUE_TYPE_DOCUMENT = 2;

/** Little-endian TL serialisation of the few primitives a file id holds. */
class IdWriter {
  readonly #bytes: number[] = [];

  int32(value: number): this {
    for (let shift = 0; shift < 32; shift += 8) {
      this.#bytes.push((value >>> shift) & 0xff);
    }
    return this;
  }

  int64(value: bigint | Long): this {
    let rest = BigInt.asUintN(
      64,
      typeof value === "bigint" ? value : value.toBigInt(),
    );
    for (let i = 0; i < 8; i++) {
      this.#bytes.push(Number(rest & 0xffn));
      rest >>= 8n;
    }
    return this;
  }

  /** TL `bytes`: a length prefix (1 byte, or 0xfe + 3 bytes from 254 on), the data, zero padding to 4. */
  tlBytes(data: Uint8Array): this {
    const prefixLength = data.length < 254 ? 1 : 4;
    if (prefixLength === 1) this.#bytes.push(data.length);
    else this.int32((data.length << 8) | 0xfe);
    this.#bytes.push(...data);
    const padding = (4 - ((prefixLength + data.length) % 4)) % 4;
    for (let i = 0; i < padding; i++) this.#bytes.push(0);
    return this;
  }

  byte(value: number): this {
    this.#bytes.push(value);
    return this;
  }

  /** URL-safe base64 without padding of the zero-RLE of what was written (plus `suffix`). */
  encode(suffix: readonly number[] = []): string {
    return zeroRle([...this.#bytes, ...suffix]).toBase64({
      alphabet: "base64url",
      omitPadding: true,
    });
  }
}

/** Telegram's zero run-length encoding: each run of zeros becomes `0, <run length>`, runs split at 255. */
export function zeroRle(bytes: readonly number[] | Uint8Array): Uint8Array {
  const encoded: number[] = [];
  let zeros = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      zeros++;
      if (zeros < 255) continue;
    }
    if (zeros > 0) {
      encoded.push(0, zeros);
      zeros = 0;
    }
    if (byte !== 0) encoded.push(byte);
  }
  if (zeros > 0) encoded.push(0, zeros);
  return new Uint8Array(encoded);
}

/** The byte a thumbnail letter contributes to a photo's unique id (TDLib's "compare type"). */
function thumbnailUniqueByte(letter: string): number {
  const code = letter.charCodeAt(0);
  if (code === 0x61) return 0; // "a"
  if (code === 0x63) return 1; // "c"
  return code + 5;
}

/** Ids of one size of a photo-class file (a photo or a document's thumbnail). */
function thumbnailIds(
  file: tl.RawPhoto | tl.RawDocument,
  fileType: number,
  letter: string,
): FileIds {
  const fileId = new IdWriter()
    .int32(fileType | FILE_REFERENCE_FLAG)
    .int32(file.dcId)
    .tlBytes(file.fileReference)
    .int64(file.id)
    .int64(file.accessHash)
    .int32(PHOTO_SOURCE_THUMBNAIL)
    // The source repeats the outer type. MTKruto writes Document (5) here for
    // document thumbnails, but TDLib and mtcute reject an id whose source type
    // differs from its file type, so our own server could not take it back.
    .int32(fileType)
    .int32(letter.charCodeAt(0))
    .encode(ID_SUFFIX);
  const fileUniqueId = new IdWriter()
    .int32(UNIQUE_TYPE_PHOTO)
    .int64(file.id)
    .byte(thumbnailUniqueByte(letter))
    .encode();
  return { fileId, fileUniqueId };
}

/** Ids of one size of a photo (MTKruto's Photo and its thumbnails: type Photo, source "thumbnail" with that size's letter). */
export function photoFileIds(
  photo: tl.RawPhoto,
  size: { type: string },
): FileIds {
  return thumbnailIds(photo, FILE_TYPE.photo, size.type);
}

/** Ids of a document thumbnail (type Thumbnail, source "thumbnail" with the size's letter). */
export function documentThumbnailFileIds(
  document: tl.RawDocument,
  size: { type: string },
): FileIds {
  return thumbnailIds(document, FILE_TYPE.thumbnail, size.type);
}

/** Ids of a document rendered as `fileType` (the type changes `fileId` only; the unique id is the document's). */
export function documentFileIds(
  document: tl.RawDocument,
  fileType: DocumentFileType,
): FileIds {
  const fileId = new IdWriter()
    .int32(FILE_TYPE[fileType] | FILE_REFERENCE_FLAG)
    .int32(document.dcId)
    .tlBytes(document.fileReference)
    .int64(document.id)
    .int64(document.accessHash)
    .encode(ID_SUFFIX);
  const fileUniqueId = new IdWriter()
    .int32(UNIQUE_TYPE_DOCUMENT)
    .int64(document.id)
    .encode();
  return { fileId, fileUniqueId };
}

/** Ids of one size of a chat photo: no file reference, access hash 0, the peer in the source. */
function chatPhotoSizeIds(
  photo: tl.RawUserProfilePhoto | tl.RawChatPhoto,
  chatId: number,
  chatAccessHash: Long | undefined,
  big: boolean,
): FileIds {
  const fileId = new IdWriter()
    .int32(FILE_TYPE.profilePhoto)
    .int32(photo.dcId)
    .int64(photo.photoId)
    .int64(0n)
    .int32(big ? PHOTO_SOURCE_CHAT_PHOTO_BIG : PHOTO_SOURCE_CHAT_PHOTO_SMALL)
    .int64(BigInt(chatId))
    .int64(chatAccessHash ?? 0n)
    .encode(ID_SUFFIX);
  const fileUniqueId = new IdWriter()
    .int32(UNIQUE_TYPE_PHOTO)
    .int64(photo.photoId)
    .byte(big ? 1 : 0)
    .encode();
  return { fileId, fileUniqueId };
}

/**
 * Ids of a ChatPhoto's small and big sizes. `chatId` is the marked id of the
 * peer whose photo it is; `chatAccessHash` that peer's access hash (none for
 * basic groups and for min peers: 0 is written, as MTKruto does).
 */
export function chatPhotoFileIds(
  photo: tl.RawUserProfilePhoto | tl.RawChatPhoto,
  chatId: number,
  chatAccessHash: Long | undefined,
): ChatPhotoFileIds {
  const small = chatPhotoSizeIds(photo, chatId, chatAccessHash, false);
  const big = chatPhotoSizeIds(photo, chatId, chatAccessHash, true);
  return {
    smallFileId: small.fileId,
    smallFileUniqueId: small.fileUniqueId,
    bigFileId: big.fileId,
    bigFileUniqueId: big.fileUniqueId,
  };
}
