/**
 * The process's file descriptors, counted across its threads. Deno 2.9
 * panics (and the whole gateway with every client dies) when a thread runs
 * out of descriptors at the wrong moment, so the gateway refuses new work
 * with a 503 well before the limit instead: a client that would start, a
 * file transfer, an HTTP connection.
 *
 * What is counted here is what grows with use: HTTP connections, Telegram
 * connections and clients' seats. What cannot be refused without breaking a
 * client that is already up is set aside instead: the session databases a
 * thread may keep open (three descriptors each, at most `databasesPerThread`)
 * and a margin for the runtime's own (threads' event loops, DNS, spooled
 * uploads, webhook deliveries, sqlite's temporary files). Counting
 * `/proc/self/fd` on each decision would be exact but costs ~20 ms at 10,000
 * descriptors, so it is read once, at start, for the runtime's base.
 */
import { UnavailableError } from "./errors.ts";

/** The work that may be refused, from the first refused to the last. */
export type DescriptorUse = "client" | "transfer" | "connection";

/** How the limit is shared out; see `planDescriptors`. */
export interface DescriptorPlan {
  /** The soft RLIMIT_NOFILE (Infinity: nothing is ever refused). */
  limit: number;
  /** Session databases one worker keeps open at most. */
  databasesPerThread: number;
  /** Descriptors never given out: the databases at their cap and the runtime's margin. */
  reserved: number;
  /** What each use leaves free beyond `reserved` (a new client stops first, so those up can still move files and answer). */
  headroom: Record<DescriptorUse, number>;
}

/** Files one open session database holds: the database, its WAL and its shared memory. */
const FILES_PER_DATABASE = 3;
/** Most session databases open at once per thread, whatever the limit. */
const MAX_DATABASES_PER_THREAD = 256;
/** Sockets a file transfer may open at once: mtcute's upload (up to 8) and download (2 + 2) pools. */
export const TRANSFER_DESCRIPTORS = 12;

/** Shares `limit` descriptors out among `workers` workers. */
export function planDescriptors(
  limit: number,
  workers: number,
): DescriptorPlan {
  const share = (fraction: number, least: number) =>
    Number.isFinite(limit) ? Math.max(least, Math.ceil(limit * fraction)) : 0;
  const databasesPerThread = Number.isFinite(limit)
    ? Math.max(
      4,
      Math.min(
        MAX_DATABASES_PER_THREAD,
        Math.floor(limit * 0.15 / (FILES_PER_DATABASE * workers)),
      ),
    )
    : MAX_DATABASES_PER_THREAD;
  return {
    limit,
    databasesPerThread,
    reserved: Number.isFinite(limit)
      ? databasesPerThread * FILES_PER_DATABASE * workers + share(0.02, 16)
      : 0,
    headroom: {
      client: share(0.02, 8) + TRANSFER_DESCRIPTORS,
      transfer: share(0.01, 4),
      connection: 0,
    },
  };
}

// Cells of the shared counter.
const IN_USE = 0;
const CELLS = 1;

/**
 * The shared count and the plan; every thread holds one over the same
 * memory (the front creates it, the workers get its buffer at start).
 */
export class DescriptorBudget {
  readonly #cells: Int32Array;

  constructor(
    readonly plan: DescriptorPlan,
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(
      CELLS * Int32Array.BYTES_PER_ELEMENT,
    ),
  ) {
    this.#cells = new Int32Array(buffer);
  }

  /** Descriptors counted as in use now (the base included). */
  get inUse(): number {
    return Atomics.load(this.#cells, IN_USE);
  }

  /** The most `use` may bring the count to (Infinity without a limit). */
  ceiling(use: DescriptorUse): number {
    return this.plan.limit - this.plan.reserved - this.plan.headroom[use];
  }

  /** Counts `count` descriptors whatever the limit: for what must not fail (a client's reconnect). */
  acquire(count = 1): void {
    Atomics.add(this.#cells, IN_USE, count);
  }

  /** Gives back what `acquire` or `tryAcquire` counted. */
  release(count = 1): void {
    Atomics.sub(this.#cells, IN_USE, count);
  }

  /** Counts `count` descriptors if that stays within `use`'s ceiling; says whether it did. */
  tryAcquire(use: DescriptorUse, count = 1): boolean {
    const ceiling = this.ceiling(use);
    for (;;) {
      const now = Atomics.load(this.#cells, IN_USE);
      if (now + count > ceiling) return false;
      if (
        Atomics.compareExchange(this.#cells, IN_USE, now, now + count) === now
      ) {
        return true;
      }
    }
  }

  /** Whether `count` more would stay within `use`'s ceiling (counting nothing). */
  hasRoom(use: DescriptorUse, count = 1): boolean {
    return !Number.isFinite(this.plan.limit) ||
      this.inUse + count <= this.ceiling(use);
  }

  /** Like `tryAcquire`, throwing the 503 that names the limit. */
  acquireOrThrow(use: DescriptorUse, count = 1): void {
    if (!this.tryAcquire(use, count)) throw this.exhausted(use);
  }

  /** The 503 for refused `use`. */
  exhausted(use: DescriptorUse): UnavailableError {
    const what = {
      client: "start another client",
      transfer: "start a file transfer",
      connection: "accept another connection",
    }[use];
    return new UnavailableError(
      `Too many open files to ${what}: ${this.inUse} in use and ${this.plan.reserved} ` +
        `set aside (session databases, the runtime) of the ${this.plan.limit} that ` +
        "`ulimit -n` allows; retry later, or raise the limit",
    );
  }
}

/** A budget that never refuses: for tools and tests that host clients outside the server. */
export function unlimitedDescriptors(): DescriptorBudget {
  return new DescriptorBudget(planDescriptors(Infinity, 1));
}

/** The process's soft open-file limit (Linux), Infinity if unlimited, undefined where it cannot be read. */
export function openFileLimit(): number | undefined {
  try {
    const limits = Deno.readTextFileSync("/proc/self/limits");
    const soft = limits.match(/^Max open files\s+(\S+)/m)?.[1];
    if (soft === "unlimited") return Infinity;
    const value = Number(soft);
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** How many descriptors the process has open now (Linux), or undefined where it cannot be read. */
export function countOpenDescriptors(): number | undefined {
  try {
    let count = 0;
    for (const _ of Deno.readDirSync("/proc/self/fd")) count++;
    // The directory being read holds one itself.
    return count - 1;
  } catch {
    return undefined;
  }
}
