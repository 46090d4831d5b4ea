/**
 * A streaming `multipart/form-data` reader: parts come one at a time, each
 * with its body as a stream, so a file part can go to disk (or anywhere)
 * without the whole request being held in memory.
 *
 * Every byte is looked at once: a part's body is handed out as views of the
 * chunks the request body delivered (no copies), and only a possible start
 * of the delimiter at the end of a chunk (usually nothing) is held back and
 * joined with the next chunk.
 */
import { InputError } from "../errors.ts";

/** One part of a multipart body. Its `body` must be read to the end (or cancelled) before the next part. */
export interface MultipartPart {
  name: string;
  /** Present for file parts. */
  filename?: string;
  contentType?: string;
  /** Views of the request's own chunks: read them before the next read, or copy them. */
  body: ReadableStream<Uint8Array>;
}

const CRLF = new Uint8Array([13, 10]);
const HEADER_END = new Uint8Array([13, 10, 13, 10]);
const MAX_HEADER_BYTES = 16 * 1024;
const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

/** The boundary parameter of a multipart Content-Type; throws InputError when there is none. */
export function multipartBoundary(contentType: string): string {
  const match = contentType.match(/;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary || boundary.length > 200) {
    throw new InputError(
      "The multipart/form-data Content-Type has no valid boundary parameter",
    );
  }
  return boundary;
}

/** Where `needle` starts in `haystack` at or after `from`, or -1. */
export function indexOfBytes(
  haystack: Uint8Array,
  needle: Uint8Array,
  from = 0,
): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (
    let i = haystack.indexOf(first, from);
    i !== -1 && i <= last;
    i = haystack.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/**
 * Where the longest tail of `bytes` that is a proper prefix of `needle`
 * starts (`bytes.length` when there is none): the bytes before it cannot
 * belong to a `needle` that continues in the next chunk.
 */
export function partialMatchStart(
  bytes: Uint8Array,
  needle: Uint8Array,
): number {
  const first = needle[0];
  for (
    let i = bytes.indexOf(first, Math.max(0, bytes.length - needle.length + 1));
    i !== -1;
    i = bytes.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (i + j < bytes.length && bytes[i + j] === needle[j]) j++;
    if (i + j === bytes.length) return i;
  }
  return bytes.length;
}

/** `a` and `b` in one new array. */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function parseHeaders(text: string): Omit<MultipartPart, "body"> {
  const headers = new Map<string, string>();
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      headers.set(
        line.slice(0, colon).trim().toLowerCase(),
        line.slice(colon + 1).trim(),
      );
    }
  }
  const disposition = headers.get("content-disposition") ?? "";
  const param = (key: string) => {
    const match = disposition.match(
      new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, "i"),
    ) ??
      disposition.match(new RegExp(`;\\s*${key}=([^;\\s]+)`, "i"));
    return match?.[1].replace(/\\(.)/g, "$1");
  };
  const name = param("name");
  if (!/^form-data\b/i.test(disposition) || name === undefined) {
    throw new InputError(
      'A multipart part has no Content-Disposition: form-data; name="…"',
    );
  }
  return {
    name,
    filename: param("filename"),
    contentType: headers.get("content-type"),
  };
}

/** Reads the parts of a multipart body in order; throws InputError for a malformed body. */
export class MultipartReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  /** `\r\n--boundary`: what ends every part's body. */
  readonly #delimiter: Uint8Array;
  /** Bytes received and not handed out yet. */
  #pending: Uint8Array = CRLF; // so the first boundary matches the delimiter too
  #done = false;
  #partOpen = false;

  constructor(body: ReadableStream<Uint8Array>, boundary: string) {
    this.#reader = body.getReader();
    this.#delimiter = encoder.encode(`\r\n--${boundary}`);
  }

  /** Adds the next chunk to what is pending; returns false at the end of the stream. */
  async #fill(): Promise<boolean> {
    const { done, value } = await this.#reader.read();
    if (done) return false;
    // Usually nothing is pending, and the chunk is used as it came.
    this.#pending = this.#pending.length ? concat(this.#pending, value) : value;
    return true;
  }

  async #need(bytes: number): Promise<void> {
    while (this.#pending.length < bytes) {
      if (!await this.#fill()) {
        throw new InputError("The multipart body ended too early");
      }
    }
  }

  /** The next part, or undefined after the last one. */
  async next(): Promise<MultipartPart | undefined> {
    if (this.#partOpen) {
      throw new Error("the previous part's body was not consumed");
    }
    if (this.#done) return undefined;
    // Skip to the delimiter (the preamble before the first one is ignored).
    let at: number;
    while ((at = indexOfBytes(this.#pending, this.#delimiter)) === -1) {
      this.#pending = this.#pending.subarray(
        partialMatchStart(this.#pending, this.#delimiter),
      );
      if (!await this.#fill()) {
        throw new InputError("The multipart body has no boundary");
      }
    }
    this.#pending = this.#pending.subarray(at + this.#delimiter.length);
    await this.#need(2);
    if (this.#pending[0] === 45 && this.#pending[1] === 45) { // "--": the closing delimiter
      this.#done = true;
      this.#pending = EMPTY;
      await this.#reader.cancel().catch(() => {});
      return undefined;
    }
    let headerEnd: number;
    while ((headerEnd = indexOfBytes(this.#pending, HEADER_END)) === -1) {
      if (this.#pending.length > MAX_HEADER_BYTES) {
        throw new InputError("A multipart part's headers are too long");
      }
      if (!await this.#fill()) {
        throw new InputError(
          "The multipart body ended inside a part's headers",
        );
      }
    }
    // The delimiter line may carry trailing whitespace before its CRLF.
    const lineEnd = indexOfBytes(this.#pending, CRLF);
    const headers = parseHeaders(
      new TextDecoder().decode(this.#pending.subarray(lineEnd + 2, headerEnd)),
    );
    this.#pending = this.#pending.subarray(headerEnd + HEADER_END.length);
    this.#partOpen = true;
    return { ...headers, body: this.#partBody() };
  }

  /** Hands out the current part's bytes up to its delimiter, as they arrive. */
  #partBody(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        while (true) {
          const pending = this.#pending;
          const at = indexOfBytes(pending, this.#delimiter);
          if (at !== -1) {
            if (at > 0) controller.enqueue(pending.subarray(0, at));
            this.#pending = pending.subarray(at);
            this.#partOpen = false;
            controller.close();
            return;
          }
          // Everything before a possible start of the delimiter is the part's.
          const end = partialMatchStart(pending, this.#delimiter);
          if (end > 0) {
            controller.enqueue(pending.subarray(0, end));
            this.#pending = pending.subarray(end);
            return;
          }
          if (!await this.#fill()) {
            controller.error(
              new InputError("The multipart body ended inside a part"),
            );
            return;
          }
        }
      },
      cancel: async () => {
        // Skipping a part still means reading past it.
        const sink = this.#partBody();
        this.#partOpen = true;
        for await (const _ of sink) { /* discard */ }
      },
    }, { highWaterMark: 0 });
  }

  /** Stops reading the request body. */
  async cancel(): Promise<void> {
    this.#done = true;
    this.#pending = EMPTY;
    await this.#reader.cancel().catch(() => {});
  }
}
