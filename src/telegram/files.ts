/** Files through a worker: spooled uploads become byte sources for mtcute; downloads become streams for the front. */
import type { FileDownloadLocation } from "@mtcute/core";
import { FileLocation } from "@mtcute/core";
import { fileIdToInputFileLocation } from "@mtcute/core/utils.js";
import { InputError, NotFoundError } from "../errors.ts";
import { isFileReference } from "../file_reference.ts";
import { fileMemory } from "../reclaim.ts";
import type { FileMeta, UploadedFile } from "../workers/protocol.ts";
import type { ClientHost } from "./client_host.ts";
import { type StreamedInputFile, streamedUpload } from "./streamed_uploads.ts";

/** A download's bytes with what the HTTP response says about them. */
export class StreamedFile {
  constructor(
    readonly meta: FileMeta,
    readonly body: ReadableStream<Uint8Array>,
  ) {}
}

/**
 * A spooled file as mtcute's byte source (its `IReadable`: `read` fills the
 * given array, 0 at the end). mtcute asks for whole upload parts, so each
 * part is read from the file straight into the array mtcute sends, with no
 * stream of small chunks and no copies in between. A class, not a plain
 * object, so argument decoding hands it to mtcute untouched.
 */
class SpoolSource {
  constructor(readonly file: Deno.FsFile) {}

  /** Reads into `into`; resolves with the byte count, 0 at the end of the file. */
  async read(into: Uint8Array): Promise<number> {
    const read = (await this.file.read(into)) ?? 0;
    fileMemory.note(read);
    return read;
  }
}

/**
 * A spooled part Telegram already has (uploaded while the body arrived): it
 * is mtcute's `UploadedFile`, which sendMedia and the like take as is, and
 * still a byte source for the few paths that upload bytes themselves.
 */
class UploadedSpoolSource extends SpoolSource implements StreamedInputFile {
  readonly inputFile: StreamedInputFile["inputFile"];
  readonly size: number;
  readonly mime: string;

  constructor(file: Deno.FsFile, uploaded: StreamedInputFile) {
    super(file);
    this.inputFile = uploaded.inputFile;
    this.size = uploaded.size;
    this.mime = uploaded.mime;
  }
}

/** Opens the spooled part a reference names, as a byte source; the file goes into `opened`. */
function partOpener(uploads: UploadedFile[], opened: Deno.FsFile[]) {
  const byField = new Map(uploads.map((upload) => [upload.field, upload]));
  return async (ref: { field: string }) => {
    const upload = byField.get(ref.field);
    if (!upload) {
      throw new InputError(
        `No multipart file part named ${JSON.stringify(ref.field)}`,
      );
    }
    const file = await Deno.open(upload.path);
    opened.push(file);
    const uploaded = await streamedUpload(upload);
    return {
      upload,
      source: uploaded
        ? new UploadedSpoolSource(file, uploaded)
        : new SpoolSource(file),
    };
  };
}

/** A spooled part opened for a reference, and where it stands: the object holding it (its copy and the original). */
type ReplaceReference = (
  part: { upload: UploadedFile; source: SpoolSource },
  holder?: { copy: Record<string, unknown>; original: Record<string, unknown> },
) => unknown;

/** `args` with every `{"_":"file","field":…}` reference replaced by what `replace` makes of its opened part. */
async function replaceFileReferences(
  args: unknown[],
  uploads: UploadedFile[],
  opened: Deno.FsFile[],
  replace: ReplaceReference,
): Promise<unknown[]> {
  const open = partOpener(uploads, opened);
  const visit = async (
    value: unknown,
    holder?: Parameters<ReplaceReference>[1],
  ): Promise<unknown> => {
    if (isFileReference(value)) return replace(await open(value), holder);
    if (Array.isArray(value)) {
      return await Promise.all(value.map((item) => visit(item)));
    }
    if (typeof value !== "object" || value === null) return value;
    const original = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(original)) {
      copy[key] = await visit(item, { copy, original });
    }
    return copy;
  };
  return await Promise.all(args.map((arg) => visit(arg)));
}

/**
 * Replaces each `{"_":"file","field":…}` reference in `args` with a reader of
 * the spooled part; the object holding it gets the part's name, type and
 * size (as mtcute's `fileName`, `fileMime`, `fileSize`) unless it sets them.
 * Every file it opens goes into `opened`, for the caller to close.
 */
export function attachUploads(
  args: unknown[],
  uploads: UploadedFile[],
  opened: Deno.FsFile[],
): Promise<unknown[]> {
  return replaceFileReferences(args, uploads, opened, (part, holder) => {
    if (holder) {
      const { copy, original } = holder;
      copy.fileName ??= original.fileName ?? part.upload.name;
      copy.fileMime ??= original.fileMime ?? part.upload.type;
      copy.fileSize ??= original.fileSize ?? part.upload.size;
    }
    return part.source;
  });
}

/** A multipart file part in place of its reference, for MTKruto's dialect (its `AttachedFile`). */
export interface AttachedUpload {
  kind: "attached";
  /** The multipart part's name. */
  field: string;
  file: unknown;
  fileName?: string;
  mimeType?: string;
  fileSize?: number;
}

/**
 * Replaces each `{"_":"file","field":…}` reference in `args` with an
 * `AttachedUpload` holding a reader of the spooled part and the part's name,
 * type and size. Every file it opens goes into `opened`, for the caller to close.
 */
export function attachUploadsAsParts(
  args: unknown[],
  uploads: UploadedFile[],
  opened: Deno.FsFile[],
): Promise<unknown[]> {
  return replaceFileReferences(args, uploads, opened, ({ upload, source }) => {
    const attached: AttachedUpload = {
      kind: "attached",
      field: upload.field,
      file: source,
      fileName: upload.name,
      mimeType: upload.type,
      fileSize: upload.size,
    };
    return attached;
  });
}

/**
 * Ranged downloads start at a 1 MiB boundary: Telegram refuses a chunk that
 * crosses one, and mtcute requests whole chunks from the offset it is given.
 */
const RANGE_ALIGNMENT = 1024 * 1024;

/** Options of `download` (the gateway method), from its trailing object and the Range header. */
interface DownloadOptions {
  offset: number;
  length?: number;
}

function parseDownloadArgs(
  args: unknown[],
): { target: unknown; options: DownloadOptions } {
  const [target, options = {}] = args;
  if (
    args.length < 1 || args.length > 2 || typeof options !== "object" ||
    options === null
  ) {
    throw new InputError(
      'download takes a file id, or {"chatId", "messageId"} of a message with media, and an optional {"offset", "length"}',
    );
  }
  const { offset = 0, length } = options as {
    offset?: unknown;
    length?: unknown;
  };
  if (!Number.isSafeInteger(offset) || (offset as number) < 0) {
    throw new InputError("download: offset must be a non-negative integer");
  }
  if (
    length !== undefined &&
    (!Number.isSafeInteger(length) || (length as number) < 1)
  ) {
    throw new InputError("download: length must be a positive integer");
  }
  return {
    target,
    options: { offset: offset as number, length: length as number | undefined },
  };
}

async function resolveTarget(
  host: ClientHost,
  target: unknown,
): Promise<
  { location: FileDownloadLocation; meta: Omit<FileMeta, "offset" | "length"> }
> {
  if (typeof target === "string") {
    // Checked here, while the call can still fail with a status: once the stream has
    // started, the response's 200 is sent and an error can only cut the connection.
    try {
      fileIdToInputFileLocation(target);
    } catch {
      throw new InputError(
        `download: ${
          JSON.stringify(target.slice(0, 40))
        } is not a file id; give a file id from a message the client received, or {"chatId", "messageId"} of a message with media`,
      );
    }
    return {
      location: target,
      meta: { contentType: "application/octet-stream", fileName: "file" },
    };
  }
  const { chatId, messageId } = (target ?? {}) as {
    chatId?: unknown;
    messageId?: unknown;
  };
  if (
    (typeof chatId !== "number" && typeof chatId !== "string") ||
    !Number.isSafeInteger(messageId)
  ) {
    throw new InputError(
      'download: the first argument must be a file id or {"chatId", "messageId"}',
    );
  }
  const [message] = await host.client.getMessages(chatId, [
    messageId as number,
  ]);
  const media = message?.media;
  if (!(media instanceof FileLocation)) {
    throw new NotFoundError("That message has no downloadable media");
  }
  const described = media as FileLocation & {
    mimeType?: string;
    fileName?: string | null;
    type?: string;
  };
  const contentType = described.mimeType ??
    (described.type === "photo" ? "image/jpeg" : "application/octet-stream");
  const extension = contentType === "image/jpeg" ? ".jpg" : "";
  return {
    location: media,
    meta: {
      contentType,
      fileName: described.fileName ??
        `${described.type ?? "file"}-${messageId}${extension}`,
      size: media.fileSize,
    },
  };
}

/**
 * How much of a download the worker holds ready for the front. mtcute starts
 * its next part requests only while its own stream's queue is empty, so
 * without this it would idle each time a chunk is on its way to the front
 * and out to the HTTP client (~10% of the download's speed).
 */
const DOWNLOAD_READ_AHEAD_BYTES = 1024 * 1024;

/** Drops `skip` bytes from the start and ends after `length` bytes (unbounded when undefined). */
function slice(
  skip: number,
  length: number | undefined,
): TransformStream<Uint8Array, Uint8Array> {
  let toSkip = skip;
  let left = length ?? Infinity;
  return new TransformStream(
    {
      transform(chunk, controller) {
        let part = chunk;
        if (toSkip > 0) {
          const dropped = Math.min(toSkip, part.length);
          part = part.subarray(dropped);
          toSkip -= dropped;
        }
        if (!part.length || left <= 0) return;
        if (part.length > left) part = part.subarray(0, left);
        left -= part.length;
        controller.enqueue(part);
        fileMemory.note(part.length);
        if (left <= 0) controller.terminate();
      },
    },
    undefined,
    {
      highWaterMark: DOWNLOAD_READ_AHEAD_BYTES,
      size: (chunk) => chunk.byteLength,
    },
  );
}

/** The `download` gateway method: the file's bytes as a stream, from `offset` for `length` bytes. */
export async function download(
  host: ClientHost,
  args: unknown[],
  signal: AbortSignal,
): Promise<StreamedFile> {
  const { target, options } = parseDownloadArgs(args);
  const { location, meta } = await resolveTarget(host, target);
  if (meta.size !== undefined && options.offset >= meta.size && meta.size > 0) {
    throw new InputError(
      `download: offset ${options.offset} is past the end of the ${meta.size}-byte file`,
      416,
    );
  }
  const length = meta.size !== undefined
    ? Math.min(options.length ?? Infinity, meta.size - options.offset)
    : options.length;
  // The bytes between the aligned start and the asked offset are dropped here.
  const aligned = options.offset - options.offset % RANGE_ALIGNMENT;
  const stream = host.client.downloadAsStream(location, {
    offset: aligned,
    fileSize: meta.size,
    abortSignal: signal,
  });
  return new StreamedFile(
    { ...meta, offset: options.offset, length },
    await afterFirstChunk(
      stream.pipeThrough(slice(options.offset - aligned, length)),
    ),
  );
}

/**
 * `stream` once its first chunk has arrived: Telegram's refusals (a file
 * reference that expired, a file id of another account) come with the first
 * part, and must reach the caller as an error status, not as a 200 whose
 * connection is then cut.
 */
async function afterFirstChunk(
  stream: ReadableStream<Uint8Array>,
): Promise<ReadableStream<Uint8Array>> {
  const reader = stream.getReader();
  const first = await reader.read();
  let pending = first.done ? undefined : first.value;
  if (first.done) reader.releaseLock();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending) {
        controller.enqueue(pending);
        pending = undefined;
        return;
      }
      const next = first.done ? first : await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => first.done ? undefined : reader.cancel(reason),
  }, { highWaterMark: 0 });
}
