/**
 * Uploads: files in arguments become `multipart/form-data` parts, and a
 * `{"_":"file","field":"<part name>"}` reference stands in their place in
 * the JSON arguments. Requests without files stay `application/json`.
 */
import { encodeValue } from "./wrappers.ts";

/** What an upload can be made of. */
export type UploadSource =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array>;

/** Options of {@linkcode InputFile}. */
export interface InputFileOptions {
  /** The file name Telegram shows (default: a `File`'s own name, else `"file"`). */
  name?: string;
  /** The MIME type (default: a `Blob`'s own type, else none). */
  type?: string;
}

/**
 * A file to upload. `Blob`s, `File`s and `ReadableStream`s in arguments are
 * uploaded as they are; wrap them to give a name or type, and wrap a
 * `Uint8Array` to upload it as a file part (a bare one is sent as a bytes
 * wrapper inside the JSON).
 */
export class InputFile {
  readonly source: UploadSource;
  readonly name: string;
  readonly type: string;

  constructor(source: UploadSource, options: InputFileOptions = {}) {
    this.source = source;
    this.name = options.name ??
      (source instanceof File && source.name ? source.name : "file");
    this.type = options.type ?? (source instanceof Blob ? source.type : "");
  }

  /**
   * The content as a `Blob`. A `ReadableStream` is read to its end here:
   * `fetch` cannot stream a multipart body everywhere (browsers), so uploads
   * are buffered (a `File` from disk or an `<input>` is not copied).
   */
  async toBlob(): Promise<Blob> {
    const { source, type } = this;
    const blob = source instanceof Blob
      ? source
      : source instanceof ReadableStream
      ? await new Response(source).blob()
      : new Blob([copyBytes(source)]);
    return type && blob.type !== type ? new Blob([blob], { type }) : blob;
  }
}

/** Shorthand for `new InputFile(source, options)`. */
export function inputFile(
  source: UploadSource,
  options?: InputFileOptions,
): InputFile {
  return new InputFile(source, options);
}

/** A request body and its content type, ready for `fetch`. */
export interface EncodedBody {
  body: string | FormData;
  /** Set for JSON; for multipart, `fetch` adds the boundary itself. */
  contentType?: string;
}

/** Whether `value` is uploaded as a file part. */
export function isUpload(value: object): boolean {
  return value instanceof InputFile || value instanceof Blob ||
    value instanceof ReadableStream;
}

/** Whether `value` is uploaded when bare bytes are files too (MTKruto's methods take no other bytes). */
function isUploadOrBytes(value: object): boolean {
  return isUpload(value) || value instanceof Uint8Array ||
    value instanceof ArrayBuffer;
}

/** Options of {@linkcode encodeArguments}. */
export interface EncodeOptions {
  /**
   * Upload bare `Uint8Array`s and `ArrayBuffer`s as files (MTKruto's
   * methods, whose FileSource takes bytes) instead of sending them as bytes
   * wrappers inside the JSON (mtcute's methods and `invoke`). Default false.
   */
  bytesAsFiles?: boolean;
}

/**
 * Encodes a method's arguments: a JSON array, or, when any argument holds
 * a file, a multipart form of one JSON text part per argument (`arg0`,
 * `arg1`…) and one file part per file (`file0`, `file1`…). Trailing
 * `undefined` arguments are dropped, so optional parameters stay optional.
 * Throws TypeError for values JSON cannot carry (cycles, invalid dates).
 */
export async function encodeArguments(
  args: unknown[],
  options: EncodeOptions = {},
): Promise<EncodedBody> {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  const files: InputFile[] = [];
  const json = args.slice(0, end).map((arg) =>
    encodeValue(arg, {
      isFile: options.bytesAsFiles ? isUploadOrBytes : isUpload,
      onFile(file) {
        const field = `file${files.length}`;
        files.push(
          file instanceof InputFile
            ? file
            : new InputFile(file as UploadSource),
        );
        return { _: "file", field };
      },
    }) ?? null
  );
  if (files.length === 0) {
    return {
      body: JSON.stringify(json),
      contentType: "application/json",
    };
  }
  const form = new FormData();
  json.forEach((arg, i) => form.append(`arg${i}`, JSON.stringify(arg)));
  for (const [i, file] of files.entries()) {
    form.append(`file${i}`, await file.toBlob(), file.name);
  }
  return { body: form };
}

/** A copy backed by its own ArrayBuffer, which `Blob` takes on every runtime. */
function copyBytes(source: Uint8Array | ArrayBuffer): Uint8Array<ArrayBuffer> {
  return source instanceof ArrayBuffer
    ? new Uint8Array(source.slice(0))
    : new Uint8Array(source);
}
