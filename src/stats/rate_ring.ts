/** Counts per second over a sliding window (a ring of slots): O(1), allocation-free counting. */

/** The counts of the window's seconds, oldest first. */
export interface RateSeries {
  /** The Unix time, in seconds, of the first (oldest) value. */
  startSecond: number;
  requests: number[];
  errors: number[];
}

/** Requests and errors per second over the last `seconds` seconds. */
export class RateRing {
  readonly #seconds: number;
  readonly #requests: Uint32Array;
  readonly #errors: Uint32Array;
  /** The second the newest slot holds; -1 before the first count. */
  #head = -1;

  /** A ring covering `seconds` seconds (default 600, ten minutes). */
  constructor(seconds = 600) {
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new RangeError(
        `RateRing needs a whole number of seconds from 1 up, got ${seconds}`,
      );
    }
    this.#seconds = seconds;
    this.#requests = new Uint32Array(seconds);
    this.#errors = new Uint32Array(seconds);
  }

  /** Counts one request at `nowMs` (Unix milliseconds), and one error if `failed`. */
  add(nowMs: number, failed: boolean): void {
    const second = Math.floor(nowMs / 1000);
    this.#advance(second);
    // A clock stepped back by more than the window has nowhere to count.
    if (second <= this.#head - this.#seconds) return;
    const slot = second % this.#seconds;
    this.#requests[slot]++;
    if (failed) this.#errors[slot]++;
  }

  /** The window ending at `nowMs`, oldest second first (the current, partial second last). */
  series(nowMs: number): RateSeries {
    const last = Math.floor(nowMs / 1000);
    this.#advance(last);
    const startSecond = last - this.#seconds + 1;
    const requests: number[] = [];
    const errors: number[] = [];
    for (let second = startSecond; second <= last; second++) {
      const inWindow = second > this.#head - this.#seconds &&
        second <= this.#head;
      const slot = second % this.#seconds;
      requests.push(inWindow ? this.#requests[slot] : 0);
      errors.push(inWindow ? this.#errors[slot] : 0);
    }
    return { startSecond, requests, errors };
  }

  /** Clears the slots of the seconds between the newest one and `second`. */
  #advance(second: number) {
    if (second <= this.#head) return;
    if (this.#head < 0 || second - this.#head >= this.#seconds) {
      this.#requests.fill(0);
      this.#errors.fill(0);
    } else {
      for (let s = this.#head + 1; s <= second; s++) {
        this.#requests[s % this.#seconds] = 0;
        this.#errors[s % this.#seconds] = 0;
      }
    }
    this.#head = second;
  }
}
