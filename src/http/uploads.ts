/**
 * Multipart arguments: text parts are JSON arguments; file parts are written
 * to a private spool directory as they arrive (never held in memory) and
 * handed to the worker by path, then deleted when the call is over.
 */
import { join } from "node:path";
import { InputError, PayloadTooLargeError } from "../errors.ts";
import type { UploadedFile } from "../workers/protocol.ts";
import { fileReference, fileReferencesIn } from "./file_reference.ts";
import { multipartBoundary, MultipartReader } from "./multipart.ts";

/** Options of `readMultipartArgs`. */
export interface MultipartOptions {
  /** Where file parts are spooled (created with mode 0700 when missing). */
  uploadDir: string;
  /** Most bytes of all text parts together. */
  maxTextBytes: number;
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

async function spool(
  body: ReadableStream<Uint8Array>,
  path: string,
): Promise<number> {
  const file = await Deno.open(path, {
    write: true,
    createNew: true,
    mode: 0o600,
  });
  let size = 0;
  await body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  ).pipeTo(file.writable);
  return size;
}

/** Deletes spooled files; missing ones are fine. */
export async function discardUploads(
  files: Iterable<UploadedFile>,
): Promise<void> {
  await Promise.all(
    [...files].map((file) => Deno.remove(file.path).catch(() => {})),
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
      file.size = await spool(part.body, path);
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
