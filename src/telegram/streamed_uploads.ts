/**
 * Uploads to Telegram that start while the HTTP body is still arriving. The
 * front spools a file part as before; once the part has passed 10 MiB (so it
 * is a "big" file whatever its final size) it starts an upload call for it
 * and tells the worker how far the spool file has grown after every batch
 * it writes. The upload reads the spool up to that point, 512 KiB parts in
 * parallel like mtcute's own `uploadFile`, with `file_total_parts` -1 until
 * the last part (Telegram's streamed uploads: the total comes with the last
 * part). The call that refers to the part later gets the uploaded file
 * (mtcute's `UploadedFile`), or, if the early upload failed, reads the spool
 * from the start as before.
 */
import { randomLong } from "@mtcute/core/utils.js";
import type { tl } from "@mtcute/core";
import { InputError } from "../errors.ts";
import { fileMemory } from "../reclaim.ts";
import type { UploadedFile } from "../workers/protocol.ts";
import type { ClientHost } from "./client_host.ts";

export { STREAM_UPLOAD_METHOD } from "../workers/streamed_upload_limits.ts";

/** Telegram's largest upload part; every part but the last has this size. */
const PART_BYTES = 512 * 1024;

/** Requests in flight per upload connection (mtcute's `uploadFile` uses 3). */
const REQUESTS_PER_CONNECTION = 3;

/** An uploaded file in mtcute's `UploadedFile` shape. */
export interface StreamedInputFile {
  inputFile: tl.TypeInputFile;
  size: number;
  mime: string;
}

/** A spool file the front is still writing: reads wait for bytes the front has reported written. */
class GrowingSpool {
  #written = 0;
  #done = false;
  #dropped = false;
  #wake: (() => void)[] = [];
  #file: Deno.FsFile | undefined;
  #position = 0;
  readonly #result = Promise.withResolvers<StreamedInputFile | undefined>();
  /** Whether this worker runs the early upload (a worker restarted mid-body has only the reports). */
  started = false;

  constructor(readonly path: string) {}

  /** Settles with the early upload's result; undefined when it failed or was dropped. */
  get result(): Promise<StreamedInputFile | undefined> {
    return this.#result.promise;
  }

  /** Records how the early upload ended. */
  settle(result: StreamedInputFile | undefined): void {
    this.#result.resolve(result);
  }

  /** The front wrote up to `written` bytes (all of the file when `done`). */
  grew(written: number, done: boolean): void {
    this.#written = Math.max(this.#written, written);
    this.#done ||= done;
    for (const wake of this.#wake.splice(0)) wake();
  }

  /** The request is over or failed: reads end, the file is closed. */
  drop(): void {
    this.#dropped = true;
    this.settle(undefined);
    this.grew(this.#written, true);
    this.#file?.close();
    this.#file = undefined;
  }

  /** Resolves once bytes past `position` are written, or the file is complete. */
  async #waitBeyond(position: number): Promise<void> {
    while (!this.#done && this.#written <= position) {
      await new Promise<void>((resolve) => this.#wake.push(resolve));
    }
    if (this.#dropped) throw new InputError("The upload was abandoned");
  }

  /** Opens the spool file for reading (closed by `drop`, even when that came first). */
  async #open(): Promise<Deno.FsFile> {
    const file = await Deno.open(this.path);
    if (this.#dropped) {
      file.close();
      throw new InputError("The upload was abandoned");
    }
    return file;
  }

  /**
   * The next part: up to PART_BYTES, and whether it is the last one (known
   * before it goes out, so the last part carries the real total).
   */
  async nextPart(): Promise<{ bytes: Uint8Array; last: boolean }> {
    const bytes = new Uint8Array(PART_BYTES);
    let filled = 0;
    while (filled < PART_BYTES) {
      await this.#waitBeyond(this.#position);
      const available = this.#written - this.#position;
      if (available <= 0) break;
      const view = bytes.subarray(filled, filled + available);
      const file = this.#file ??= await this.#open();
      const read = await file.read(view) ?? 0;
      if (read === 0) throw new Error("The spool file is shorter than written");
      filled += read;
      this.#position += read;
    }
    fileMemory.note(filled);
    await this.#waitBeyond(this.#position);
    const last = this.#done && this.#written === this.#position;
    return {
      bytes: filled === PART_BYTES ? bytes : bytes.subarray(0, filled),
      last,
    };
  }
}

/** Spools being uploaded early, by path (the front's random spool file names). */
const spools = new Map<string, GrowingSpool>();

function spoolAt(path: string): GrowingSpool {
  let spool = spools.get(path);
  if (!spool) spools.set(path, spool = new GrowingSpool(path));
  return spool;
}

/** The front's report on a spool file: how far it is written, or that it is gone. */
export function spoolGrew(
  path: string,
  written: number,
  state: "writing" | "done" | "dropped",
): void {
  if (state === "dropped") {
    spools.get(path)?.drop();
    spools.delete(path);
    return;
  }
  spoolAt(path).grew(written, state === "done");
}

/** Uploads `spool` as Telegram's big file with parts of unknown total. */
async function uploadGrowing(
  host: ClientHost,
  spool: GrowingSpool,
  name: string,
  mime: string,
  signal: AbortSignal,
): Promise<StreamedInputFile> {
  const id = randomLong();
  const connections = await host.client.getPoolSize("upload");
  let next = 0;
  let size = 0;
  let total = -1;
  let failed = false;
  // Parts are read in order, one at a time; they go out in parallel.
  let reading = Promise.resolve();
  const readNext = () => {
    const part = reading.then(async () => {
      if (total !== -1 || failed) return undefined;
      const { bytes, last } = await spool.nextPart();
      const index = next++;
      size += bytes.length;
      if (last) total = index + 1;
      return { index, bytes, last };
    });
    reading = part.then(() => {}, () => {
      failed = true;
    });
    return part;
  };
  const sendParts = async () => {
    for (let part = await readNext(); part; part = await readNext()) {
      signal.throwIfAborted();
      await host.client.call({
        _: "upload.saveBigFilePart",
        fileId: id,
        filePart: part.index,
        fileTotalParts: part.last ? part.index + 1 : -1,
        bytes: part.bytes,
      }, {
        kind: "upload",
        maxRetryCount: Infinity,
        floodSleepThreshold: Infinity,
        abortSignal: signal,
      });
      if (part.last) return;
    }
  };
  await Promise.all(
    Array.from({ length: connections * REQUESTS_PER_CONNECTION }, sendParts),
  );
  return {
    inputFile: { _: "inputFileBig", id, parts: total, name },
    size,
    mime,
  };
}

/**
 * The early-upload call (`STREAM_UPLOAD_METHOD`): uploads the spool at
 * `path` as it grows; resolves with its size once Telegram has every part.
 */
export async function streamUpload(
  host: ClientHost,
  args: unknown[],
  signal: AbortSignal,
): Promise<number> {
  const [{ path, name, type }] = args as [
    Pick<UploadedFile, "path" | "name" | "type">,
  ];
  const spool = spoolAt(path);
  spool.started = true;
  // Cancelled (the request failed, or its report that the spool is gone came first): reads end.
  const drop = () => spoolGrew(path, 0, "dropped");
  signal.addEventListener("abort", drop, { once: true });
  if (signal.aborted) drop();
  try {
    signal.throwIfAborted();
    const uploaded = await uploadGrowing(host, spool, name, type, signal);
    spool.settle(uploaded);
    return uploaded.size;
  } catch (error) {
    spool.settle(undefined);
    throw error;
  } finally {
    signal.removeEventListener("abort", drop);
  }
}

/**
 * What the early upload of `upload` gave: its uploaded file, or undefined
 * when there was none or it failed (the part is then read from the spool).
 */
export async function streamedUpload(
  upload: UploadedFile,
): Promise<StreamedInputFile | undefined> {
  if (!upload.streamed) return undefined;
  // The early upload's call went out before this one, so it has started by now, unless
  // this worker restarted since; then the part is read from the spool.
  const spool = spools.get(upload.path);
  const result = spool?.started ? await spool.result : undefined;
  return result?.size === upload.size ? result : undefined;
}
