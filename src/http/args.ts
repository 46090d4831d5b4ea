/** Turns a request's search parameters or body into the called method's arguments and uploaded files. */
import {
  InputError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "../errors.ts";
import type { UploadedFile } from "../workers/protocol.ts";
import { fileReferencesIn } from "../file_reference.ts";
import { discardUploads, readMultipartArgs } from "./uploads.ts";
import type { UploadStreamer } from "./streamed_uploads.ts";

/** How long spooling a Content-Length body keeps the front thread before other requests run. */
const SPOOL_SLICE_MS = 10;

/** A method's arguments, in order, and the (spooled) files of a multipart body by part name. */
export interface ParsedArgs {
  args: unknown[];
  files: Map<string, UploadedFile>;
}

/** Options of `parseArgs`. */
export interface ParseArgsOptions {
  /** The largest JSON body (and the most text in multipart parts) accepted, in bytes; larger is a 413. */
  maxBodyBytes: number;
  /** The largest multipart body accepted, files included; larger is a 413. */
  maxUploadBytes: number;
  /** Where multipart file parts are spooled while the call runs. */
  uploadDir: string;
  /** The deepest nesting of arrays and objects accepted in an argument (default 64); deeper is a 400. */
  maxJsonDepth?: number;
  /** Starts uploads to Telegram while large file parts arrive (absent: they start with the call). */
  streamer?: UploadStreamer;
}

/** The default of `ParseArgsOptions.maxJsonDepth` (`--max-json-depth`). */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * The HTTP methods that call a Telegram method. HEAD is left out on purpose:
 * it would run the method (with its side effects) only to drop the result.
 */
export const ALLOWED_HTTP_METHODS = ["GET", "POST"] as const;

/**
 * Reads the arguments of a GET (search parameters) or POST (JSON or
 * multipart body) request. Throws InputError (400, or 413 as
 * PayloadTooLargeError), MethodNotAllowedError (405) and
 * UnsupportedMediaTypeError (415).
 */
export async function parseArgs(
  req: Request,
  options: ParseArgsOptions,
): Promise<ParsedArgs> {
  const maxDepth = options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  if (req.method === "GET") {
    return _checked({
      args: _parseSearch(new URL(req.url).search),
      files: new Map(),
    }, maxDepth);
  }
  if (req.method !== "POST") {
    throw new MethodNotAllowedError(req.method, ALLOWED_HTTP_METHODS);
  }
  const contentType = req.headers.get("content-type");
  if (contentType === null) {
    throw new InputError(
      "The Content-Type header is required for POST requests",
    );
  }
  const mediaType = contentType.split(";", 1)[0].trim().toLowerCase();
  if (mediaType !== "application/json" && mediaType !== "multipart/form-data") {
    throw new UnsupportedMediaTypeError(contentType);
  }
  const limit = mediaType === "application/json"
    ? options.maxBodyBytes
    : options.maxUploadBytes;
  const contentLength = req.headers.get("content-length");
  const declaredLength = Number(contentLength ?? 0);
  if (declaredLength > limit) {
    throw new PayloadTooLargeError(limit);
  }
  if (mediaType === "application/json") {
    // Deno's HTTP server ends a body at its Content-Length, so a declared length under the
    // limit bounds the read; the one-call read costs a fraction of a stream loop.
    const bytes = await _readBody(async () =>
      contentLength !== null
        ? _withinLimit(new Uint8Array(await req.arrayBuffer()), limit)
        : await _readLimited(req.body, limit)
    );
    return _checked(
      { args: _parseJsonBody(bytes), files: new Map() },
      maxDepth,
    );
  }
  // Content-Length can be absent or wrong, so the body is counted too.
  const body = _limitedBody(req, limit);
  const parsed = await _readBody(() =>
    readMultipartArgs(body ?? new Response("").body!, contentType, {
      uploadDir: options.uploadDir,
      maxTextBytes: options.maxBodyBytes,
      streamer: options.streamer,
      // A Content-Length body can share the thread while it is spooled; a chunked one cannot.
      sliceMs: contentLength !== null ? SPOOL_SLICE_MS : undefined,
    })
  );
  try {
    return _checked(parsed, maxDepth);
  } catch (error) {
    await discardUploads(parsed.files.values());
    throw error;
  }
}

/**
 * GET: a search parameter without `=` is one JSON argument; named ones are
 * JSON values collected in a trailing object. URLSearchParams decodes (so `+`
 * is a space), the raw string tells `?a` from `?a=`: both skip empty pieces.
 */
function _parseSearch(search: string): unknown[] {
  const rawPieces = search.slice(1).split("&").filter((piece) => piece !== "");
  const args: unknown[] = [];
  const named = new Map<string, unknown>();
  for (const [i, [name, value]] of [...new URLSearchParams(search)].entries()) {
    if (!rawPieces[i].includes("=")) {
      args.push(_parseJson(name, `Argument ${args.length + 1}`));
      continue;
    }
    if (name === "") {
      throw new InputError("A search parameter has a value but no name");
    }
    if (named.has(name)) {
      throw new InputError(`Search parameter ${name} is given more than once`);
    }
    named.set(name, _parseJson(value, `Search parameter ${name}`));
  }
  if (named.size > 0) {
    // fromEntries defines own properties, so a `__proto__` name stays data.
    args.push(Object.fromEntries(named));
  }
  return args;
}

/**
 * POST JSON (any charset parameter is ignored: JSON is UTF-8): an array is
 * the argument list; an object is the only argument, as `invoke` is called.
 */
function _parseJsonBody(bytes: Uint8Array): unknown[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("The body is not valid UTF-8");
  }
  if (text.trim() === "") {
    throw new InputError("The body is empty; send a JSON array of arguments");
  }
  const value = _parseJson(text, "The body");
  if (Array.isArray(value)) {
    return value;
  }
  if (typeof value === "object" && value !== null) {
    return [value];
  }
  throw new InputError(
    "The body must be a JSON array of arguments, or an object taken as the only argument",
  );
}

/** Rejects arguments nested deeper than `maxDepth` and references to file parts the request does not have. */
function _checked(parsed: ParsedArgs, maxDepth: number): ParsedArgs {
  for (const [i, arg] of parsed.args.entries()) {
    if (_depthExceeds(arg, maxDepth)) {
      throw new InputError(
        `Argument ${
          i + 1
        } nests arrays and objects more than ${maxDepth} levels deep ` +
          "(see --max-json-depth)",
      );
    }
    const missing = fileReferencesIn(arg).find((f) => !parsed.files.has(f));
    if (missing !== undefined) {
      throw new InputError(
        `Argument ${i + 1} refers to file part ${JSON.stringify(missing)}, ` +
          "which the request does not have (files are multipart/form-data parts)",
      );
    }
  }
  return parsed;
}

/**
 * Whether `value` nests arrays and objects more than `maxDepth` levels deep.
 * An explicit stack: a deep value must not overflow the call stack here, nor
 * later, where copying it to a worker thread or decoding it would recurse.
 */
function _depthExceeds(value: unknown, maxDepth: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  const pending: [object, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (depth > maxDepth) return true;
    for (const child of Object.values(item)) {
      if (typeof child === "object" && child !== null) {
        pending.push([child, depth + 1]);
      }
    }
  }
  return false;
}

function _parseJson(text: string, what: string): unknown {
  if (text === "") {
    throw new InputError(`${what} is empty; give a JSON value`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${what} is not valid JSON: ${(error as SyntaxError).message}`,
    );
  }
}

/**
 * Reads a whole body, throwing PayloadTooLargeError once more than
 * `maxBytes` arrived (Content-Length can be absent or wrong). A plain read
 * loop: a counting TransformStream costs several times more per request.
 */
async function _readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.byteLength;
    if (received > maxBytes) throw new PayloadTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `bytes`, or PayloadTooLargeError if there are more than `maxBytes`. */
function _withinLimit(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return bytes;
}

/** The request body, erroring with PayloadTooLargeError once more than `maxBytes` arrived. */
function _limitedBody(
  req: Request,
  maxBytes: number,
): ReadableStream<Uint8Array> | null {
  let received = 0;
  return req.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) {
          controller.error(new PayloadTooLargeError(maxBytes));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  ) ?? null;
}

/** Runs a body reader, turning failures other than ours (malformed multipart, aborted uploads) into 400s. */
async function _readBody<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InputError) {
      throw error;
    }
    throw new InputError(
      `The body could not be read: ${(error as Error).message}`,
    );
  }
}
