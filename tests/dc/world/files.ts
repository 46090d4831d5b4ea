/** Uploaded file parts, the documents and photos made from them, and `upload.getFile`'s chunking rules. */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { imageSize, photoSizes } from "./image_size.ts";

const MAX_PART_BYTES = 512 * 1024;
const MAX_PARTS = 4000;
const MEBIBYTE = 1024 * 1024;
/** The size type Telegram gives a document's thumbnail. */
const DOCUMENT_THUMB_TYPE = "m";

interface StoredFileBase {
  id: Long;
  accessHash: Long;
  fileReference: Uint8Array;
  date: number;
  mimeType: string;
  bytes: Uint8Array;
}

/** A stored document with its bytes and the TL object clients get. */
export interface StoredDocument extends StoredFileBase {
  kind: "document";
  tl: tl.RawDocument;
  /** The uploaded thumbnail, served for the document's `m` thumb size. */
  thumb?: Uint8Array;
}

/** A stored photo with its bytes and the TL object clients get. */
export interface StoredPhoto extends StoredFileBase {
  kind: "photo";
  tl: tl.RawPhoto;
}

/** A stored document or photo. */
export type StoredFile = StoredDocument | StoredPhoto;

interface PendingUpload {
  parts: Map<number, Uint8Array>;
  /** Set by `upload.saveBigFilePart` (by its last part in a streamed upload). */
  totalParts?: number;
}

const STORAGE_TYPES: Record<string, tl.storage.TypeFileType["_"]> = {
  "image/jpeg": "storage.fileJpeg",
  "image/png": "storage.filePng",
  "image/gif": "storage.fileGif",
  "image/webp": "storage.fileWebp",
  "application/pdf": "storage.filePdf",
  "audio/mpeg": "storage.fileMp3",
  "video/quicktime": "storage.fileMov",
  "video/mp4": "storage.fileMp4",
};

/** A random 64-bit id, as Telegram uses for files, queries and access hashes. */
export function randomLong(): Long {
  return Long.fromBytesLE([...randomBytes(8)]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Uploads in progress and stored files. */
export class FileStore {
  readonly #uploads = new Map<string, PendingUpload>();
  readonly #files = new Map<string, StoredFile>();

  /** `upload.saveFilePart` / `upload.saveBigFilePart`; uploads are private to the uploading account. */
  savePart(
    options: {
      accountId: number;
      fileId: Long;
      part: number;
      bytes: Uint8Array;
      totalParts?: number;
    },
  ): void {
    const { part, bytes, totalParts } = options;
    if (!Number.isInteger(part) || part < 0 || part >= MAX_PARTS) {
      throw new RpcFailure(400, "FILE_PART_INVALID");
    }
    // -1: a streamed upload, whose total is not known before its last part.
    if (
      totalParts !== undefined && totalParts !== -1 &&
      (totalParts <= 0 || totalParts > MAX_PARTS || part >= totalParts)
    ) {
      throw new RpcFailure(400, "FILE_PARTS_INVALID");
    }
    if (bytes.length === 0) throw new RpcFailure(400, "FILE_PART_EMPTY");
    if (bytes.length > MAX_PART_BYTES) {
      throw new RpcFailure(400, "FILE_PART_TOO_BIG");
    }
    const key = `${options.accountId}:${options.fileId.toString()}`;
    const upload: PendingUpload = this.#uploads.get(key) ??
      { parts: new Map() };
    upload.parts.set(part, bytes.slice());
    if (totalParts !== undefined && totalParts !== -1) {
      upload.totalParts = totalParts;
    }
    this.#uploads.set(key, upload);
  }

  /** Joins the parts an `inputFile`/`inputFileBig` refers to. */
  assemble(accountId: number, file: tl.TypeInputFile): Uint8Array {
    if (file._ !== "inputFile" && file._ !== "inputFileBig") {
      throw new RpcFailure(400, "MEDIA_INVALID");
    }
    const upload = this.#uploads.get(`${accountId}:${file.id.toString()}`);
    if (!upload) throw new RpcFailure(400, "FILE_PART_0_MISSING");
    if (
      file.parts <= 0 ||
      (upload.totalParts !== undefined && upload.totalParts !== file.parts)
    ) {
      throw new RpcFailure(400, "FILE_PARTS_INVALID");
    }
    const parts: Uint8Array[] = [];
    for (let index = 0; index < file.parts; index++) {
      const part = upload.parts.get(index);
      if (!part) throw new RpcFailure(400, `FILE_PART_${index}_MISSING`);
      parts.push(part);
    }
    const joined = new Uint8Array(
      parts.reduce((sum, part) => sum + part.length, 0),
    );
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    return joined;
  }

  /** Stores `bytes` as a document; an uploaded `thumb` becomes its `m` thumbnail, as Telegram lists it. */
  addDocument(
    options: {
      bytes: Uint8Array;
      mimeType: string;
      attributes: tl.TypeDocumentAttribute[];
      date: number;
      thumb?: Uint8Array;
    },
  ): StoredDocument {
    const common = this.#common(options.date);
    const { thumb } = options;
    const document: tl.RawDocument = {
      _: "document",
      ...common,
      mimeType: options.mimeType,
      size: options.bytes.length,
      thumbs: thumb && [{
        _: "photoSize",
        type: DOCUMENT_THUMB_TYPE,
        ...imageSize(thumb),
        size: thumb.length,
      }],
      dcId: 2,
      attributes: options.attributes,
    };
    const stored: StoredDocument = {
      kind: "document",
      ...common,
      mimeType: options.mimeType,
      bytes: options.bytes,
      tl: document,
      thumb,
    };
    this.#files.set(stored.id.toString(), stored);
    return stored;
  }

  /** Stores `bytes` as a photo with Telegram's sizes (see `photoSizes`: each serves the original bytes). */
  addPhoto(options: { bytes: Uint8Array; date: number }): StoredPhoto {
    const common = this.#common(options.date);
    const photo: tl.RawPhoto = {
      _: "photo",
      ...common,
      sizes: photoSizes(imageSize(options.bytes), options.bytes.length),
      dcId: 2,
    };
    const stored: StoredPhoto = {
      kind: "photo",
      ...common,
      mimeType: "image/jpeg",
      bytes: options.bytes,
      tl: photo,
    };
    this.#files.set(stored.id.toString(), stored);
    return stored;
  }

  /** Finds a file by what a client holds (`inputDocument`, `inputPhoto`, or a file location). */
  find<K extends StoredFile["kind"]>(
    kind: K,
    ref: { id: Long; accessHash: Long; fileReference: Uint8Array },
  ): Extract<StoredFile, { kind: K }> {
    const invalid = kind === "document" ? "DOCUMENT_INVALID" : "PHOTO_INVALID";
    const file = this.#files.get(ref.id.toString());
    if (!file || file.kind !== kind || !file.accessHash.eq(ref.accessHash)) {
      throw new RpcFailure(400, invalid);
    }
    if (!sameBytes(file.fileReference, ref.fileReference)) {
      throw new RpcFailure(400, "FILE_REFERENCE_EXPIRED");
    }
    return file as Extract<StoredFile, { kind: K }>;
  }

  /** A stored file by id, for the control API. */
  byId(id: Long): StoredFile | undefined {
    return this.#files.get(id.toString());
  }

  /** `upload.getFile` with Telegram's offset/limit rules (core.telegram.org/api/files). */
  getFile(
    request: Pick<
      tl.upload.RawGetFileRequest,
      "location" | "offset" | "limit" | "precise"
    >,
  ): tl.upload.RawFile {
    const { location, offset, limit, precise } = request;
    let file: StoredFile;
    let bytes: Uint8Array | undefined;
    if (location._ === "inputDocumentFileLocation") {
      file = this.find("document", location);
      bytes = location.thumbSize === ""
        ? file.bytes
        : location.thumbSize === DOCUMENT_THUMB_TYPE
        ? file.thumb
        : undefined;
    } else if (location._ === "inputPhotoFileLocation") {
      file = this.find("photo", location);
      const known = file.tl.sizes.some((size) =>
        size.type === location.thumbSize
      );
      bytes = known ? file.bytes : undefined;
    } else throw new RpcFailure(400, "LOCATION_INVALID");
    if (!bytes) throw new RpcFailure(400, "LOCATION_INVALID");
    checkChunk(offset, limit, precise ?? false);
    const type = offset === 0
      // a document's thumbnail is a JPEG whatever the document is
      ? STORAGE_TYPES[bytes === file.bytes ? file.mimeType : "image/jpeg"] ??
        "storage.fileUnknown"
      : "storage.filePartial";
    return {
      _: "upload.file",
      type: { _: type },
      mtime: file.date,
      bytes: bytes.slice(offset, offset + limit),
    };
  }

  #common(date: number) {
    return {
      id: randomLong(),
      accessHash: randomLong(),
      fileReference: new Uint8Array(randomBytes(16)),
      date,
    };
  }
}

function checkChunk(offset: number, limit: number, precise: boolean): void {
  const unit = precise ? 1024 : 4096;
  if (limit <= 0 || limit % unit !== 0 || limit > MEBIBYTE) {
    throw new RpcFailure(400, "LIMIT_INVALID");
  }
  if (offset < 0 || offset % unit !== 0) {
    throw new RpcFailure(400, "OFFSET_INVALID");
  }
  if (precise) return;
  if (MEBIBYTE % limit !== 0) throw new RpcFailure(400, "LIMIT_INVALID");
  // a non-precise chunk must not cross a 1 MiB boundary
  if (
    Math.floor(offset / MEBIBYTE) !==
      Math.floor((offset + limit - 1) / MEBIBYTE)
  ) {
    throw new RpcFailure(400, "LIMIT_INVALID");
  }
}
