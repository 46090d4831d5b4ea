/**
 * Memory given back during file transfers. Most short-lived buffers of a
 * transfer are freed the moment they die (buffer_release_patch.ts), but some
 * are left to V8, which collects them only once a thread's external memory
 * has grown by about 64 MiB; and glibc keeps freed pages. So each thread
 * counts the file bytes it moves and, every `CHECK_BYTES` of them, asks
 * malloc to return free pages to the system and looks at its external
 * memory: once that has grown by `--file-gc` MiB since the last collection,
 * it runs a full one. docs/files.md has the measured trade-off.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Default of `--file-gc`, in MiB. */
export const DEFAULT_FILE_GC_MIB = 16;

/** File bytes between two looks at the thread's memory (and two malloc trims). */
const CHECK_BYTES = 4 * 1024 * 1024;

/** What a thread's reclaims have cost so far (shown on the stats page). */
export interface FileGcFigures {
  collections: number;
  /** Milliseconds spent collecting and trimming. */
  ms: number;
}

/** What a reclaim runs: a garbage collection, a malloc trim, and how the buffers stand; any may be missing. */
export interface Reclaimers {
  collect?: () => void;
  trim?: () => void;
  /** Bytes of this thread's ArrayBuffers and other memory outside V8's heap. */
  external?: () => number;
}

/** Counts file bytes and reclaims memory once buffers grew by `growthBytes` (never when 0). */
export class MemoryReclaimer {
  #growthBytes: number;
  #moved = 0;
  #reclaimers: Reclaimers | undefined;
  readonly #load: () => Reclaimers;
  /** External memory right after the last collection. */
  #baseline = 0;
  #collections = 0;
  #ms = 0;

  constructor(growthBytes: number, load: () => Reclaimers = loadReclaimers) {
    this.#growthBytes = growthBytes;
    this.#load = load;
  }

  /** Sets the growth in bytes that triggers a collection; 0 turns reclaiming off. */
  configure(growthBytes: number): void {
    this.#growthBytes = growthBytes;
    this.#moved = 0;
  }

  /** Counts `bytes` of a file moved by this thread, reclaiming memory when its buffers grew enough. */
  note(bytes: number): void {
    if (this.#growthBytes <= 0) return;
    this.#moved += bytes;
    if (this.#moved < CHECK_BYTES) return;
    this.#moved = 0;
    const reclaimers = this.#reclaimers ??= this.#load();
    const start = performance.now();
    const external = reclaimers.external?.() ?? Infinity;
    if (external - this.#baseline >= this.#growthBytes) {
      reclaimers.collect?.();
      this.#baseline = reclaimers.external?.() ?? 0;
      this.#collections++;
    }
    reclaimers.trim?.();
    this.#ms += performance.now() - start;
  }

  /** Reclaims so far and the time they took. */
  figures(): FileGcFigures {
    return { collections: this.#collections, ms: Math.round(this.#ms) };
  }
}

/**
 * V8's `gc` for this thread, without `--expose-gc` on the command line: the
 * flag is read when a context is made, so a fresh context carries `gc`. Its
 * collection is V8's low-memory one (two full passes), which also frees the
 * buffers a single pass leaves to finalizers.
 */
function loadCollect(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? gc as () => void : undefined;
  } catch {
    return undefined;
  }
}

/** glibc's `malloc_trim(0)`; undefined elsewhere or without FFI permission (never prompts for it). */
function loadTrim(): (() => void) | undefined {
  if (Deno.build.os !== "linux") return undefined;
  try {
    if (Deno.permissions.querySync({ name: "ffi" }).state !== "granted") {
      return undefined;
    }
    const libc = Deno.dlopen("libc.so.6", {
      malloc_trim: { parameters: ["usize"], result: "i32" },
    });
    return () => void libc.symbols.malloc_trim(0n);
  } catch {
    return undefined;
  }
}

function loadReclaimers(): Reclaimers {
  return {
    collect: loadCollect(),
    trim: loadTrim(),
    external: () => Deno.memoryUsage().external,
  };
}

/** This thread's reclaimer (each worker has its own module instance); set up by `configureFileGc`. */
export const fileMemory = new MemoryReclaimer(
  DEFAULT_FILE_GC_MIB * 1024 * 1024,
);

/** Applies `--file-gc` (MiB of buffer growth between collections; 0 = off) to this thread. */
export function configureFileGc(mib: number): void {
  fileMemory.configure(mib * 1024 * 1024);
}
