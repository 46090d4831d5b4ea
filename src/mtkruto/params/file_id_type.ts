/**
 * What kind of file a TDLib persistent file id names (the Bot API format
 * MTKruto renders), and whether it is one at all. mtcute's own parser does
 * the checking; the type number is read here because `@mtcute/file-id` is
 * not an import of ours.
 */
import {
  fileIdToInputFileLocation,
  fileIdToInputWebFileLocation,
} from "@mtcute/core/utils.js";
import { FILE_TYPE } from "../types/file_id.ts";

/** TDLib's file type numbers (td_api FileType), as the first int of an id holds them. */
export const TDLIB_FILE_TYPE = {
  ...FILE_TYPE,
  /** A document sent as a file; mtcute may write it, MTKruto does not. */
  documentAsFile: 17,
} as const;

const WEB_LOCATION_FLAG = 1 << 24;
const FILE_REFERENCE_FLAG = 1 << 25;
/** TDLib's persistent id versions: 4 carries a sub-version byte before it, 2 does not. */
const PERSISTENT_ID_VERSION = 4;
const PERSISTENT_ID_VERSION_OLD = 2;

/** The characters of URL-safe base64, the only ones a file id has. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Whether `text` is a file id mtcute can send (a common, photo or web location). Never throws. */
export function isFileId(text: string): boolean {
  if (!BASE64URL.test(text)) return false;
  for (
    const convert of [fileIdToInputFileLocation, fileIdToInputWebFileLocation]
  ) {
    try {
      convert(text);
      return true;
    } catch {
      // Another kind of location, or no file id at all.
    }
  }
  return false;
}

/** The TDLib file type of a file id that `isFileId` accepted, or undefined when unreadable. */
export function fileIdType(fileId: string): number | undefined {
  let bytes: Uint8Array;
  try {
    const base64 = fileId.replaceAll("-", "+").replaceAll("_", "/");
    bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
  const version = bytes.at(-1);
  const body = version === PERSISTENT_ID_VERSION
    ? bytes.subarray(0, -2)
    : version === PERSISTENT_ID_VERSION_OLD
    ? bytes.subarray(0, -1)
    : undefined;
  if (body === undefined) return undefined;
  const head = zeroRleDecode(body, 4);
  if (head.length < 4) return undefined;
  const raw = new DataView(head.buffer).getInt32(0, true);
  return raw & ~WEB_LOCATION_FLAG & ~FILE_REFERENCE_FLAG;
}

/** The first `limit` bytes of Telegram's zero run-length encoding (a 0 byte, then how many zeros). */
function zeroRleDecode(bytes: Uint8Array, limit: number): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length && out.length < limit; i++) {
    if (bytes[i] === 0 && i + 1 < bytes.length) {
      out.push(...new Array<number>(bytes[++i]).fill(0));
    } else {
      out.push(bytes[i]);
    }
  }
  return new Uint8Array(out.slice(0, limit));
}
