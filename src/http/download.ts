/** HTTP side of downloads: the Range header in, a streamed (possibly partial) response out. */
import { InputError } from "../errors.ts";
import type { StreamResult } from "../workers/stream_result.ts";

/** A single byte range asked for with `Range: bytes=…`. */
export interface ByteRange {
  offset: number;
  /** Undefined for an open range (`bytes=100-`). */
  length?: number;
}

/**
 * Reads `Range: bytes=start-end` or `bytes=start-`; returns undefined without
 * the header. Throws InputError (416) for forms we cannot serve: several
 * ranges, suffix ranges (`bytes=-N`, which need the size first), nonsense.
 */
export function parseRange(header: string | null): ByteRange | undefined {
  if (header === null) return undefined;
  const match = header.trim().match(/^bytes=(\d{1,15})-(\d{0,15})$/);
  if (!match) {
    throw new InputError(
      `Unsupported Range ${
        JSON.stringify(header.slice(0, 100))
      }: use one range, bytes=START- or bytes=START-END`,
      416,
    );
  }
  const offset = Number(match[1]);
  if (match[2] === "") return { offset };
  const end = Number(match[2]);
  if (end < offset) {
    throw new InputError("Invalid Range: the end is before the start", 416);
  }
  return { offset, length: end - offset + 1 };
}

/** `attachment` with the file name both as a plain ASCII fallback and RFC 5987-encoded. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${
    encodeURIComponent(fileName)
  }`;
}

/** The response for a download: 200, or 206 with Content-Range when a range was asked for. */
export function downloadResponse(
  result: StreamResult,
  ranged: boolean,
  requestId: string,
): Response {
  const { meta } = result;
  const headers = new Headers({
    "content-type": meta.contentType,
    "content-disposition": contentDisposition(meta.fileName),
    "accept-ranges": "bytes",
    "x-request-id": requestId,
  });
  if (meta.length !== undefined) {
    headers.set("content-length", String(meta.length));
  }
  if (!ranged) return new Response(result.body, { status: 200, headers });
  const end = meta.length !== undefined
    ? String(meta.offset + meta.length - 1)
    : "";
  headers.set(
    "content-range",
    `bytes ${meta.offset}-${end}/${meta.size ?? "*"}`,
  );
  return new Response(result.body, { status: 206, headers });
}
