/** Downloads: the gateway's raw-bytes answer to `download`, as a stream with its metadata. */
import type { CallOptions } from "./_request.ts";

/**
 * What to download: a file id, a media object with a `fileId` (a Photo, a
 * Document…), a message with media, or `{chatId, messageId}` of one (these
 * two let the gateway name the file and tell its type and size).
 */
export type DownloadTarget =
  | string
  | { fileId: string }
  | { id: number; chat: { id: number } }
  | { chatId: number | string; messageId: number };

/** Options of `client.download`. */
export interface DownloadOptions extends CallOptions {
  /** Only these bytes (inclusive, `end` defaults to the last): sent as `Range`. */
  range?: { start: number; end?: number };
}

/** A file being downloaded. */
export interface Download {
  /** The bytes; read it to the end or `cancel()` it, or the connection stays open. */
  body: ReadableStream<Uint8Array>;
  /** 200 for the whole file, 206 for a range. */
  status: number;
  /** `Content-Type`, or `null`. */
  contentType: string | null;
  /** `Content-Length`: the bytes `body` holds, or `null` when not sent. */
  size: number | null;
  /** The file name from `Content-Disposition`, or `null`. */
  fileName: string | null;
  /** `Content-Range` of a 206, e.g. `bytes 0-99/1234`, or `null`. */
  contentRange: string | null;
}

/** The gateway's `download` argument for a target; throws TypeError for a media object without a file. */
export function downloadArgument(
  target: DownloadTarget,
): string | { chatId: number | string; messageId: number } {
  if (typeof target === "string") return target;
  const { chatId, messageId, chat, id, fileId } = target as Record<
    string,
    unknown
  >;
  if (
    (typeof chatId === "number" || typeof chatId === "string") &&
    typeof messageId === "number"
  ) return { chatId, messageId };
  const chatIdOfMessage = (chat as { id?: unknown } | undefined)?.id;
  if (typeof chatIdOfMessage === "number" && typeof id === "number") {
    return { chatId: chatIdOfMessage, messageId: id };
  }
  if (typeof fileId === "string") return fileId;
  throw new TypeError(
    "Nothing to download: give a file id, a media object with a fileId, a message, or {chatId, messageId}",
  );
}

/** Reads the metadata of a successful download answer; throws TypeError when it has no body. */
export function readDownload(response: Response): Download {
  if (!response.body) {
    throw new TypeError("The download answer has no body");
  }
  const length = response.headers.get("content-length");
  return {
    body: response.body,
    status: response.status,
    contentType: response.headers.get("content-type"),
    size: length !== null && /^\d+$/.test(length) ? Number(length) : null,
    fileName: parseFileName(response.headers.get("content-disposition")),
    contentRange: response.headers.get("content-range"),
  };
}

/**
 * The file name of a `Content-Disposition` header: `filename*` (RFC 5987,
 * UTF-8 percent-encoded) wins over `filename`. Never throws.
 */
export function parseFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch { /* fall back to filename */ }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(header);
  if (!plain) return null;
  return plain[2] !== undefined
    ? plain[2].replace(/\\(.)/g, "$1")
    : plain[1].trim();
}

/** `bytes=<start>-<end>`; throws RangeError for a range that is not 0 <= start <= end. */
export function rangeHeader(range: { start: number; end?: number }): string {
  const { start, end } = range;
  if (
    !Number.isSafeInteger(start) || start < 0 ||
    (end !== undefined && (!Number.isSafeInteger(end) || end < start))
  ) {
    throw new RangeError(
      `Invalid range: expected integers 0 <= start <= end, got ${start}-${end}`,
    );
  }
  return `bytes=${start}-${end ?? ""}`;
}
