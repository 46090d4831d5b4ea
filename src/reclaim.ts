/**
 * Memory given back during file transfers. Each megabyte of a file makes
 * several short-lived buffers on its way through mtcute (read, serialise,
 * encrypt, frame), and V8 collects them only once a thread's external memory
 * has grown by about 64 MiB; glibc then keeps the freed pages. So each
 * thread counts the file bytes it moves and, after every `--file-gc` MiB,
 * runs a full collection and asks malloc to return free pages to the system.
 * docs/files.md has the measured trade-off (memory against speed).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Default of `--file-gc`, in MiB. */
export const DEFAULT_FILE_GC_MIB = 4;

/** What a thread's reclaims have cost so far (shown on the stats page). */
export interface FileGcFigures {
  collections: number;
  /** Milliseconds spent collecting and trimming. */
  ms: number;
}

/** What a reclaim runs: a garbage collection, then a malloc trim; either may be missing. */
export interface Reclaimers {
  collect?: () => void;
  trim?: () => void;
}

/** Counts file bytes and reclaims memory every `everyBytes` of them (never when 0). */
export class MemoryReclaimer {
  #everyBytes: number;
  #moved = 0;
  #reclaimers: Reclaimers | undefined;
  readonly #load: () => Reclaimers;
  #collections = 0;
  #ms = 0;

  constructor(everyBytes: number, load: () => Reclaimers = loadReclaimers) {
    this.#everyBytes = everyBytes;
    this.#load = load;
  }

  /** Sets the interval in bytes; 0 turns reclaiming off. */
  configure(everyBytes: number): void {
    this.#everyBytes = everyBytes;
    this.#moved = 0;
  }

  /** Counts `bytes` of a file moved by this thread, reclaiming memory when the interval is reached. */
  note(bytes: number): void {
    if (this.#everyBytes <= 0) return;
    this.#moved += bytes;
    if (this.#moved < this.#everyBytes) return;
    this.#moved = 0;
    this.#reclaimers ??= this.#load();
    const start = performance.now();
    this.#reclaimers.collect?.();
    this.#reclaimers.trim?.();
    this.#ms += performance.now() - start;
    this.#collections++;
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
  return { collect: loadCollect(), trim: loadTrim() };
}

/** This thread's reclaimer (each worker has its own module instance); set up by `configureFileGc`. */
export const fileMemory = new MemoryReclaimer(
  DEFAULT_FILE_GC_MIB * 1024 * 1024,
);

/** Applies `--file-gc` (MiB; 0 = off) to this thread. */
export function configureFileGc(mib: number): void {
  fileMemory.configure(mib * 1024 * 1024);
}
