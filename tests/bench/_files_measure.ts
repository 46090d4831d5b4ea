/**
 * What the file benchmark measures a transfer with: a generated file, RSS
 * sampling, CPU metering, and a reader that checks what comes back.
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import type { Gateway } from "./_world.ts";
import { CpuMeter, rssBytes, statusBytes, waitUntil } from "./_stats.ts";

/** Bytes in a mebibyte. */
export const MIB = 1024 * 1024;
const CHUNK = MIB;
const SAMPLE_MS = 50;

/** One transfer: how long it took and what it cost. */
export interface Transfer {
  bytes: number;
  seconds: number;
  /** MiB per second over the whole transfer. */
  mibPerSecond: number;
  /** sha256 of the bytes, hex. */
  sha256: string;
  /** CPU share (1 = one core) of each process over the transfer. */
  cpu: Record<"gateway" | "emulator" | "bench", number>;
  /** Peak RSS seen during the transfer, per process (bytes). */
  peakRss: Record<"gateway" | "emulator" | "bench", number>;
}

/** Where a gateway upload's time went. */
export interface GatewayUploadPhases {
  /** From the request's start until the body was all handed to fetch. */
  bodySentSeconds: number;
  /** From the request's start until the spooled file had every byte. */
  spooledSeconds: number;
  /** The gateway's highest RSS while the body was being spooled (before the upload to Telegram). */
  spoolPeakRss: number;
}

/** What a download brought back, checked against the generated file. */
export interface Received {
  bytes: number;
  sha256: string;
  firstByteSeconds: number;
  /** Indexes of the 1 MiB blocks that differ from the generated file (the first 20). */
  damagedMiB: number[];
  /** How many 1 MiB blocks differ. */
  damagedCount: number;
}

/** VmHWM (peak RSS) of `pid` in bytes; NaN if unreadable. */
export function hwmBytes(pid: number): number {
  return statusBytes(pid, "VmHWM");
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0, own processes); false if refused. */
export function resetHwm(pid: number): boolean {
  try {
    Deno.writeTextFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** Samples the RSS of some processes every 50 ms and keeps the peaks. */
class RssSampler {
  readonly peaks: Record<string, number> = {};
  readonly #pids: Record<string, number | "self">;
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #onSample?: () => void;

  constructor(pids: Record<string, number | "self">, onSample?: () => void) {
    this.#pids = pids;
    this.#onSample = onSample;
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), SAMPLE_MS);
  }

  #sample(): void {
    for (const [name, pid] of Object.entries(this.#pids)) {
      const rss = rssBytes(pid);
      if (!(rss <= this.peaks[name])) this.peaks[name] = rss;
    }
    this.#onSample?.();
  }

  /** Takes a last sample and stops. */
  stop(): Record<string, number> {
    clearInterval(this.#timer);
    this.#sample();
    return this.peaks;
  }
}

/**
 * The benchmark file: `size` deterministic bytes in 1 MiB chunks, made as
 * they are read. Each chunk is a window of a random block at a shifting
 * offset, stamped with its index, so no two chunks are alike.
 */
export class GeneratedFile {
  readonly #block: Uint8Array;

  constructor(readonly size: number) {
    this.#block = new Uint8Array(CHUNK + 65536);
    let x = 2463534242;
    for (let i = 0; i < this.#block.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.#block[i] = x & 0xff;
    }
  }

  /** Chunk `index` (a fresh copy: whoever reads it may keep or transfer it). */
  chunk(index: number): Uint8Array<ArrayBuffer> {
    const length = Math.min(CHUNK, this.size - index * CHUNK);
    const start = (index * 4099) % 65536;
    const bytes = this.#block.slice(start, start + length);
    new DataView(bytes.buffer).setUint32(0, index);
    return bytes;
  }

  /**
   * A stream of the file, `prefix` before and `suffix` after (for a
   * multipart body); the file's bytes are hashed as they go out.
   */
  stream(
    { prefix, suffix, onEnd }: {
      prefix?: Uint8Array<ArrayBuffer>;
      suffix?: Uint8Array<ArrayBuffer>;
      onEnd?: () => void;
    } = {},
  ): { body: ReadableStream<Uint8Array<ArrayBuffer>>; sha256: () => string } {
    const hash = createHash("sha256");
    const chunks = Math.ceil(this.size / CHUNK);
    let index = -1;
    let digest: string | undefined;
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull: (controller) => {
        if (index === -1) {
          index = 0;
          if (prefix) return controller.enqueue(prefix);
        }
        if (index < chunks) {
          const bytes = this.chunk(index++);
          hash.update(bytes);
          return controller.enqueue(bytes);
        }
        digest = hash.digest("hex");
        if (suffix) controller.enqueue(suffix);
        controller.close();
        onEnd?.();
      },
    });
    return {
      body,
      sha256: () => {
        if (digest === undefined) throw new Error("the body was not all read");
        return digest;
      },
    };
  }
}

/**
 * Reads a stream to its end, hashing it and comparing it with `file` as it
 * goes (to tell where any damage is, not only that there is some).
 */
export async function drain(
  stream: ReadableStream<Uint8Array>,
  file: GeneratedFile,
  started: number,
): Promise<Received> {
  const hash = createHash("sha256");
  let bytes = 0;
  let firstByteSeconds = NaN;
  let expectedIndex = -1;
  let expected = new Uint8Array(0);
  const damaged = new Set<number>();
  for await (const chunk of stream) {
    if (bytes === 0 && chunk.length) {
      firstByteSeconds = (performance.now() - started) / 1000;
    }
    hash.update(chunk);
    let done = 0;
    while (done < chunk.length) {
      const at = bytes + done;
      const index = Math.floor(at / CHUNK);
      if (index !== expectedIndex) {
        expectedIndex = index;
        expected = index * CHUNK < file.size
          ? file.chunk(index)
          : new Uint8Array(0);
      }
      const from = at - index * CHUNK;
      const length = Math.min(chunk.length - done, CHUNK - from);
      const got = Buffer.from(chunk.buffer, chunk.byteOffset + done, length);
      const want = Buffer.from(
        expected.buffer,
        expected.byteOffset + from,
        Math.max(0, Math.min(length, expected.length - from)),
      );
      if (!got.equals(want)) damaged.add(index);
      done += length;
    }
    bytes += chunk.length;
  }
  const damagedMiB = [...damaged].sort((a, b) => a - b);
  return {
    bytes,
    sha256: hash.digest("hex"),
    firstByteSeconds,
    damagedMiB: damagedMiB.slice(0, 20),
    damagedCount: damagedMiB.length,
  };
}

/** Rejects with `what` after `ms` (and aborts `controller`), unless `promise` settles first. */
export async function bounded<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  controller?: AbortController,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new Error(`${what} took longer than ${ms / 1000} s`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Files left in a gateway's spool directory once it has had up to 5 s to
 * empty it: the spooled part is deleted as the call ends, right around the answer.
 */
export async function spoolFilesLeft(gateway: Gateway): Promise<number> {
  const spoolDir = `${gateway.dataDir}/.uploads`;
  await waitUntil(() => dirUsage(spoolDir).files === 0, {
    timeoutMs: 5_000,
    everyMs: 20,
    what: "the spool directory to empty",
  }).catch(() => {});
  return dirUsage(spoolDir).files;
}

/** The processes a transfer meters besides the benchmark's own. */
export interface Pids {
  gateway: number;
  emulator: number;
}

/** What every transfer of the benchmark is given. */
export interface TransferInput {
  userId: number;
  file: GeneratedFile;
  pids: Pids;
  timeoutMs: number;
}

/** Runs `fn` while metering CPU and sampling RSS of the three processes. */
export async function measured<T extends { bytes: number; sha256: string }>(
  pids: Pids,
  fn: () => Promise<T>,
  onSample?: () => void,
): Promise<T & Transfer> {
  const all = { ...pids, bench: "self" as const };
  const meter = new CpuMeter(all);
  const sampler = new RssSampler(all, onSample);
  const started = performance.now();
  let result: T;
  try {
    result = await fn();
  } finally {
    sampler.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    ...result,
    seconds,
    mibPerSecond: result.bytes / MIB / seconds,
    cpu: meter.read() as Transfer["cpu"],
    peakRss: sampler.peaks as Transfer["peakRss"],
  };
}

/** Throws unless `actual` is `expected`, naming `what`. */
export function check(what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) {
    throw new Error(`${what}: got ${actual}, expected ${expected}`);
  }
}

/** Total bytes of the files in `dir` and how many there are (0 when it is missing). */
export function dirUsage(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  try {
    for (const entry of Deno.readDirSync(dir)) {
      files++;
      try {
        bytes += Deno.statSync(`${dir}/${entry.name}`).size;
      } catch { /* deleted meanwhile */ }
    }
  } catch { /* not there yet */ }
  return { files, bytes };
}
