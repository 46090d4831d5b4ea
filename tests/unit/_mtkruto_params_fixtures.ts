/** File ids, byte sources and assertions for the tests of MTKruto's parameter converters. */
import { Long, type tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import type { AttachedFile } from "../../src/mtkruto/params/file_source.ts";
import {
  documentFileIds,
  type DocumentFileType,
  photoFileIds,
} from "../../src/mtkruto/types/file_id.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";

const DOCUMENT: tl.RawDocument = {
  _: "document",
  id: Long.fromString("5123456789012345678"),
  accessHash: Long.fromString("-12345678901234"),
  fileReference: new Uint8Array([1, 2, 3, 0, 0, 0, 4]),
  date: 1700000000,
  mimeType: "video/mp4",
  size: 1024,
  dcId: 2,
  attributes: [],
};

const PHOTO: tl.RawPhoto = {
  _: "photo",
  id: Long.fromString("5123456789012345679"),
  accessHash: Long.fromString("777"),
  fileReference: new Uint8Array([9, 9]),
  date: 1700000000,
  sizes: [{ _: "photoSize", type: "x", w: 800, h: 600, size: 1000 }],
  dcId: 4,
};

/** A TDLib file id (sub-version 52, as we render them) of a document rendered as `kind`. */
export function documentFileId(kind: DocumentFileType = "document"): string {
  return documentFileIds(DOCUMENT, kind).fileId;
}

/** A TDLib file id of a photo. */
export function photoFileId(): string {
  return photoFileIds(PHOTO, { type: "x" }).fileId;
}

/** A multipart part as the upload step hands it over: bytes from a reader, with the part's headers. */
export function attachedFile(fileName = "cat.jpg"): AttachedFile {
  return {
    kind: "attached",
    file: new Uint8Array([1, 2, 3]),
    fileName,
    mimeType: "image/jpeg",
    fileSize: 3,
  };
}

/** Text without entities, as parseText answers plain text. */
export function plain(text: string): { text: string; entities: [] } {
  return { text, entities: [] };
}

/** Asserts that `run` throws an InputError whose message is exactly `message`. */
export function assertInputError(run: () => unknown, message: string): void {
  const error = assertThrowsWithMessage(run, InputError);
  assertEquals(error.message, message);
}
