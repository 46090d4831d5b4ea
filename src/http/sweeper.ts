/**
 * Coarse deadlines checked by one interval timer rather than a timer each:
 * in Deno a setTimeout + clearTimeout pair costs ~2 µs, which per request is
 * more than all the rest of the connection and body guards together. A
 * deadline fires between its time and one tick later.
 */

/** Something with a deadline; `due` may move (Infinity: not now). */
export interface Deadline {
  /** `performance.now()` milliseconds at which `expire` is called. */
  due: number;
  /** Called once when `due` has passed; the deadline is removed first. */
  expire(): void;
}

/** Shortest and longest tick: often enough to be near the deadline, rarely enough to cost nothing. */
const MIN_TICK_MS = 50;
const MAX_TICK_MS = 1000;

/** Checks its deadlines every tick; the timer runs only while there are any. */
export class Sweeper {
  readonly #deadlines = new Set<Deadline>();
  readonly #tickMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  /** `timeoutMs` is the shortest timeout it will watch: the tick is a quarter of it, within 50 ms–1 s. */
  constructor(timeoutMs: number) {
    this.#tickMs = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, timeoutMs / 4));
  }

  /** Starts watching `deadline`. */
  add(deadline: Deadline): void {
    this.#deadlines.add(deadline);
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => this.#sweep(), this.#tickMs);
    }
  }

  /** Stops watching `deadline` (no-op if it is not watched). */
  delete(deadline: Deadline): void {
    this.#deadlines.delete(deadline);
  }

  /** How many deadlines are watched. */
  get size(): number {
    return this.#deadlines.size;
  }

  #sweep() {
    // Stopped only when found empty at a tick, so steady traffic starts no timers.
    if (this.#deadlines.size === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
      return;
    }
    const now = performance.now();
    for (const deadline of this.#deadlines) {
      if (deadline.due > now) continue;
      this.#deadlines.delete(deadline);
      try {
        deadline.expire();
      } catch (error) {
        console.error("A deadline's expiry failed:", error);
      }
    }
  }
}
