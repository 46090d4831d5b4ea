/**
 * Multipart arguments: text parts are JSON arguments; file parts are written
 * to a private spool directory as they arrive (never held in memory) and
 * handed to the worker by path, then deleted when the call is over.
 */
import { join } from "node:path";
import { InputError, PayloadTooLargeError } from "../errors.ts";
import { fileMemory } from "../reclaim.ts";
import type { UploadedFile } from "../workers/protocol.ts";
import { fileReference, fileReferencesIn } from "../file_reference.ts";
import { multipartBoundary, MultipartReader } from "./multipart.ts";
import { UploadStreamer } from "./streamed_uploads.ts";

/** Options of `readMultipartArgs`. */
export interface MultipartOptions {
  /** Where file parts are spooled (created with mode 0700 when missing). */
  uploadDir: string;
  /** Most bytes of all text parts together. */
  maxTextBytes: number;
  /** Starts uploads to Telegram while large file parts arrive; without it, they start with the call. */
  streamer?: UploadStreamer;
  /**
   * Lets other requests run after this many milliseconds of spooling
   * (absent: only when no bytes are waiting). Safe only for a body with a
   * Content-Length: a chunked body whose reader yields falls behind (see
   * SpoolFile).
   */
  sliceMs?: number;
}

/** Reads a text part, at most `budget` bytes. */
async function readText(
  body: ReadableStream<Uint8Array>,
  budget: number,
): Promise<{ text: string; bytes: number }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let text = "";
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > budget) throw new PayloadTooLargeError(budget);
      text += decoder.decode(chunk, { stream: true });
    }
    return { text: text + decoder.decode(), bytes };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError("A multipart text part is not valid UTF-8");
  }
}

/**
 * The most parts a multipart body may have: each file part is a spool file, and no
 * method takes more than a media group's ten files with their thumbnails and text.
 */
export const MAX_PARTS = 128;

/** Bytes gathered before each write to a spool file. */
const SPOOL_BATCH_BYTES = 1024 * 1024;

/**
 * A spool file written in 1 MiB batches with synchronous writes, so that
 * reading the request yields to the event loop only when no bytes are
 * waiting. Deno 2.9's HTTP/1 server keeps the bytes it has taken off the
 * socket in a per-connection buffer: each body read first pulls in up to
 * 64 KiB more (its check for a closed connection reads the socket), then
 * hands out at most one piece of one chunked-encoding frame and drains it
 * from the front of the buffer, copying the rest down. Once a fast client
 * gets ahead, the buffer holds the backlog and every read copies all of it.
 * Measured with a 200 MiB chunked upload from Deno's `fetch`: any await that
 * yields mid-body (asynchronous writes, even of 1 MiB; a timer every 4 MiB)
 * dropped the spool from ~250 to 4-12 MiB/s with 100+ MiB held by the
 * server. A 1 MiB write into the page cache blocks for about half a
 * millisecond; the cost is that other requests on this thread wait while a
 * local client sends faster than the spool takes it in.
 */
class SpoolFile {
  readonly #file: Deno.FsFile;
  readonly #batch = new Uint8Array(SPOOL_BATCH_BYTES);
  #filled = 0;
  /** Bytes appended so far. */
  size = 0;
  /** Bytes written to the file so far. */
  #written = 0;
  readonly #onWritten?: (written: number) => void;

  constructor(file: Deno.FsFile, onWritten?: (written: number) => void) {
    this.#file = file;
    this.#onWritten = onWritten;
  }

  /** Copies `chunk` into the batch, writing the batch out whenever it is full. */
  append(chunk: Uint8Array): void {
    this.size += chunk.length;
    let rest = chunk;
    while (rest.length > 0) {
      const take = Math.min(rest.length, SPOOL_BATCH_BYTES - this.#filled);
      this.#batch.set(rest.subarray(0, take), this.#filled);
      this.#filled += take;
      rest = rest.subarray(take);
      if (this.#filled === SPOOL_BATCH_BYTES) this.flush();
    }
  }

  /** Writes out what the batch holds. */
  flush(): void {
    const bytes = this.#batch.subarray(0, this.#filled);
    for (let done = 0; done < bytes.length;) {
      done += this.#file.writeSync(bytes.subarray(done));
    }
    this.#filled = 0;
    this.#written += bytes.length;
    fileMemory.note(bytes.length);
    this.#onWritten?.(this.#written);
  }
}

/** Writes a part's body to a new file at `path`; resolves with its size. */
async function spool(
  body: ReadableStream<Uint8Array>,
  path: string,
  { onWritten, sliceMs }: {
    onWritten?: (written: number) => void;
    sliceMs?: number;
  },
): Promise<number> {
  // Opened synchronously for the same reason: no event-loop turn mid-body.
  using file = Deno.openSync(path, {
    write: true,
    createNew: true,
    mode: 0o600,
  });
  const spooled = new SpoolFile(file, onWritten);
  // On a write error the request is abandoned as a whole, not read to the end of this part.
  let sliceStart = performance.now();
  for await (const chunk of body.values({ preventCancel: true })) {
    spooled.append(chunk);
    if (sliceMs !== undefined && performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  spooled.flush();
  return spooled.size;
}

/** Deletes spooled files; missing ones are fine. */
export async function discardUploads(
  files: Iterable<UploadedFile>,
): Promise<void> {
  await Promise.all(
    [...files].map((file) => {
      UploadStreamer.drop(file.path);
      return Deno.remove(file.path).catch(() => {});
    }),
  );
}

/**
 * Reads a multipart body: arguments in part order, with file parts that no
 * text part refers to standing at their position as `{"_":"file"}`
 * references. Throws InputError for malformed bodies and non-JSON text
 * parts; on any failure nothing stays on disk.
 */
export async function readMultipartArgs(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  options: MultipartOptions,
): Promise<{ args: unknown[]; files: Map<string, UploadedFile> }> {
  const reader = new MultipartReader(body, multipartBoundary(contentType));
  const files = new Map<string, UploadedFile>();
  const parts: ({ json: unknown } | { file: string })[] = [];
  const referenced = new Set<string>();
  let textBytes = 0;
  try {
    await Deno.mkdir(options.uploadDir, { recursive: true, mode: 0o700 });
    for (let part = await reader.next(); part; part = await reader.next()) {
      if (parts.length === MAX_PARTS) {
        throw new InputError(
          `The multipart body has more than ${MAX_PARTS} parts`,
        );
      }
      const label = JSON.stringify(part.name);
      if (part.filename === undefined) {
        const { text, bytes } = await readText(
          part.body,
          options.maxTextBytes - textBytes,
        );
        textBytes += bytes;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          throw new InputError(
            `Part ${label} is not valid JSON: ${
              (error as SyntaxError).message
            }`,
          );
        }
        fileReferencesIn(json).forEach((field) => referenced.add(field));
        parts.push({ json });
        continue;
      }
      if (files.has(part.name)) {
        throw new InputError(`File part ${label} is given more than once`);
      }
      const path = join(options.uploadDir, crypto.randomUUID());
      // Registered before writing, so a failure midway still deletes the partial file.
      const file: UploadedFile = {
        field: part.name,
        path,
        name: part.filename,
        type: part.contentType ?? "application/octet-stream",
        size: 0,
      };
      files.set(part.name, file);
      const { streamer } = options;
      file.size = await spool(part.body, path, {
        onWritten: streamer &&
          ((written) => streamer.grew(file, written, false)),
        sliceMs: options.sliceMs,
      });
      streamer?.grew(file, file.size, true);
      parts.push({ file: part.name });
    }
  } catch (error) {
    await reader.cancel();
    await discardUploads(files.values());
    throw error;
  }
  const args = parts
    .filter((part) => !("file" in part) || !referenced.has(part.file))
    .map((part) => "file" in part ? fileReference(part.file) : part.json);
  return { args, files };
}
