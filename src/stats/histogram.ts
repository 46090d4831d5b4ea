/** A latency histogram with fixed log-spaced buckets: O(1), allocation-free recording. */

/** Upper bound of the first bucket, in milliseconds. */
const FIRST_BOUND_MS = 0.1;
/** Buckets per doubling: each spans about 19 %, which bounds the error of an estimate. */
const BUCKETS_PER_DOUBLING = 4;
/** 0.1 ms · 2^(104/4) ≈ 112 minutes: past any request timeout; slower ones share the last bucket. */
const BUCKET_COUNT = 105;

/** Upper bound (inclusive) of bucket `index` in milliseconds; the last bucket has none. */
export function bucketUpperBoundMs(index: number): number {
  return index >= BUCKET_COUNT - 1
    ? Infinity
    : FIRST_BOUND_MS * 2 ** (index / BUCKETS_PER_DOUBLING);
}

/** The bucket a duration falls in. Never throws; negative and NaN durations count as 0. */
export function bucketIndex(ms: number): number {
  if (!(ms > FIRST_BOUND_MS)) return 0;
  const index = Math.ceil(
    BUCKETS_PER_DOUBLING * Math.log2(ms / FIRST_BOUND_MS),
  );
  return index < BUCKET_COUNT ? index : BUCKET_COUNT - 1;
}

/** Durations in fixed buckets, with their count, sum, minimum and maximum. */
export class LatencyHistogram {
  readonly #buckets = new Float64Array(BUCKET_COUNT);
  #count = 0;
  #sumMs = 0;
  #minMs = Infinity;
  #maxMs = 0;

  /** Adds one duration in milliseconds. */
  record(ms: number): void {
    const value = ms > 0 ? ms : 0;
    this.#buckets[bucketIndex(value)]++;
    this.#count++;
    this.#sumMs += value;
    if (value < this.#minMs) this.#minMs = value;
    if (value > this.#maxMs) this.#maxMs = value;
  }

  /** How many durations were recorded. */
  get count(): number {
    return this.#count;
  }

  /** The sum of the recorded durations in milliseconds. */
  get sumMs(): number {
    return this.#sumMs;
  }

  /**
   * Estimates the `q`-quantile (0 < q ≤ 1) in milliseconds: the bucket holding
   * that rank, interpolated linearly inside it and kept within the observed
   * minimum and maximum. Undefined when nothing was recorded.
   */
  quantile(q: number): number | undefined {
    if (this.#count === 0) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.#count));
    let seen = 0;
    for (let index = 0; index < BUCKET_COUNT; index++) {
      const inBucket = this.#buckets[index];
      if (seen + inBucket < rank) {
        seen += inBucket;
        continue;
      }
      const lower = index === 0 ? 0 : bucketUpperBoundMs(index - 1);
      const upper = Math.min(bucketUpperBoundMs(index), this.#maxMs);
      const estimate = lower + (upper - lower) * ((rank - seen) / inBucket);
      return Math.min(Math.max(estimate, this.#minMs), this.#maxMs);
    }
    return this.#maxMs;
  }

  /**
   * Cumulative counts at each bound in `boundsMs` (ascending bucket bounds, as
   * from `coarseBoundsMs()`): how many durations were at most that long.
   */
  cumulative(boundsMs: readonly number[]): number[] {
    const counts: number[] = [];
    let seen = 0;
    let index = 0;
    for (const bound of boundsMs) {
      while (index < BUCKET_COUNT && bucketUpperBoundMs(index) <= bound) {
        seen += this.#buckets[index++];
      }
      counts.push(seen);
    }
    return counts;
  }
}

/**
 * The bounds the JSON and Prometheus output use: every fourth bucket bound
 * (powers of two times 0.1 ms) from 0.8 ms to about 105 s.
 */
export function coarseBoundsMs(): number[] {
  const bounds: number[] = [];
  for (let doubling = 3; doubling <= 20; doubling++) {
    bounds.push(bucketUpperBoundMs(doubling * BUCKETS_PER_DOUBLING));
  }
  return bounds;
}
