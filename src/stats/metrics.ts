/**
 * Request figures recorded by the front for every gateway request: per client
 * and in total, requests, errors by kind, FLOOD_WAITs and latency, plus
 * requests per second over the last ten minutes. Recording is O(1) and
 * allocates nothing once a client has its row.
 */
import { ERROR_TYPES } from "../errors.ts";
import { LatencyHistogram } from "./histogram.ts";
import { RateRing } from "./rate_ring.ts";
import type { RateSeries } from "./rate_ring.ts";

/**
 * What an error response is counted as: its `x-error-type`, or `internal` for
 * a 500 without one and `aborted` for a request whose HTTP client went away.
 */
export const ERROR_KINDS = [
  ...Object.values(ERROR_TYPES),
  "internal",
  "aborted",
] as const;

/** One of `ERROR_KINDS`. */
export type ErrorKind = typeof ERROR_KINDS[number];

const KIND_INDEX = new Map<string, number>(
  ERROR_KINDS.map((kind, index) => [kind, index]),
);
const INTERNAL = KIND_INDEX.get("internal")!;
const ABORTED = KIND_INDEX.get("aborted")!;

/**
 * Error kinds after which a client that has no row yet gets none: they do not
 * show the client exists (a malformed request, an unknown user id, a rejected
 * token), so anyone could otherwise grow the table with made-up ids.
 */
const NO_NEW_ROW = new Set([
  KIND_INDEX.get(ERROR_TYPES.input)!,
  KIND_INDEX.get(ERROR_TYPES.unauthorized)!,
  ABORTED,
]);

/** Status Telegram uses for FLOOD_WAIT_X and its kin. */
const FLOOD_STATUS = 420;

/** Options of `RequestMetrics`. */
export interface RequestMetricsOptions {
  /** Most clients with a row of their own (default 10 000); later ones count in the totals only. */
  maxClients?: number;
  /** Seconds of requests per second kept for the chart (default 600). */
  windowSeconds?: number;
  /** The clock, in Unix milliseconds (default `Date.now`). */
  now?: () => number;
}

/**
 * Requests over the last few minutes, in one-minute slots: how busy a client
 * is now rather than since the start. O(1), allocation-free counting.
 */
export class RecentRequests {
  readonly #slots: Uint32Array;
  /** The minute the newest slot holds; -1 before the first count. */
  #head = -1;
  /** The sum of the slots: the total as of the newest minute. */
  #sum = 0;

  /** Counts over the last `minutes` minutes (the current one included). */
  constructor(minutes: number) {
    this.#slots = new Uint32Array(Math.max(1, Math.ceil(minutes)));
  }

  /** Counts one request at `nowMs` (Unix milliseconds). */
  add(nowMs: number): void {
    const minute = Math.floor(nowMs / 60_000);
    this.#advance(minute);
    // A clock stepped back by more than the window has nowhere to count.
    if (minute > this.#head - this.#slots.length) {
      this.#slots[minute % this.#slots.length]++;
      this.#sum++;
    }
  }

  /** Requests in the window ending at `nowMs`. */
  total(nowMs: number): number {
    const size = this.#slots.length;
    const minute = Math.floor(nowMs / 60_000);
    if (minute <= this.#head) return this.#sum;
    if (this.#head < 0 || minute - this.#head >= size) return 0;
    // Nothing is cleared here: the minutes that left the window are subtracted.
    let sum = this.#sum;
    for (let m = this.#head - size + 1; m <= minute - size; m++) {
      sum -= this.#slots[m % size];
    }
    return sum;
  }

  #advance(minute: number) {
    if (minute <= this.#head) return;
    if (this.#head < 0 || minute - this.#head >= this.#slots.length) {
      this.#slots.fill(0);
      this.#sum = 0;
    } else {
      for (let m = this.#head + 1; m <= minute; m++) {
        this.#sum -= this.#slots[m % this.#slots.length];
        this.#slots[m % this.#slots.length] = 0;
      }
    }
    this.#head = minute;
  }
}

/** The figures of one client, or of all requests together. */
export class RequestCounters {
  requests = 0;
  floodWaits = 0;
  /** Unix milliseconds of the latest request; 0 before the first. */
  lastRequestAt = 0;
  /** Error counts indexed like `ERROR_KINDS`. */
  readonly errors = new Float64Array(ERROR_KINDS.length);
  readonly latency = new LatencyHistogram();
  /** Requests over the stats window (`windowSeconds`, rounded up to minutes). */
  readonly recent: RecentRequests;

  constructor(windowMinutes = 10) {
    this.recent = new RecentRequests(windowMinutes);
  }

  /** The error counts by kind, leaving out kinds that never happened. */
  errorsByKind(): Partial<Record<ErrorKind, number>> {
    const byKind: Partial<Record<ErrorKind, number>> = {};
    ERROR_KINDS.forEach((kind, index) => {
      if (this.errors[index] > 0) byKind[kind] = this.errors[index];
    });
    return byKind;
  }

  /** How many requests failed, of any kind. */
  get errorCount(): number {
    return this.errors.reduce((sum, count) => sum + count, 0);
  }
}

/** The request figures of the whole gateway. */
export class RequestMetrics {
  readonly #options: Required<RequestMetricsOptions>;
  readonly #clients = new Map<string, RequestCounters>();
  readonly #rates: RateRing;
  /** Every gateway request, also those naming no client or an unknown one. */
  readonly totals: RequestCounters;

  constructor(options: RequestMetricsOptions = {}) {
    this.#options = {
      maxClients: 10_000,
      windowSeconds: 600,
      now: Date.now,
      ...options,
    };
    this.#rates = new RateRing(this.#options.windowSeconds);
    this.totals = this.#newCounters();
  }

  #newCounters(): RequestCounters {
    return new RequestCounters(this.#options.windowSeconds / 60);
  }

  /**
   * Counts one answered gateway request for `clientId` (undefined when the
   * path named no client). `latencyMs` is left out for long polls, whose wait
   * is on purpose and would drown the latency figures. The client id stays in
   * memory only: callers get rows keyed by it and must label them with
   * `clientLabel()` before showing anything. Never throws.
   *
   * Three positional parameters, not an options object, so that counting a
   * request allocates nothing.
   */
  record(
    clientId: string | undefined,
    response: Response,
    latencyMs?: number,
  ): void {
    const status = response.status;
    let kind = -1;
    if (status >= 400) {
      const type = response.headers.get("x-error-type");
      kind = type === null
        ? (status === 499 ? ABORTED : INTERNAL)
        : KIND_INDEX.get(type) ?? INTERNAL;
    }
    const now = this.#options.now();
    const flood = status === FLOOD_STATUS;
    this.#rates.add(now, kind >= 0);
    this.#count(this.totals, now, kind, flood, latencyMs);
    if (clientId === undefined) return;
    let counters = this.#clients.get(clientId);
    if (!counters) {
      if (
        NO_NEW_ROW.has(kind) || this.#clients.size >= this.#options.maxClients
      ) {
        return;
      }
      counters = this.#newCounters();
      this.#clients.set(clientId, counters);
    }
    this.#count(counters, now, kind, flood, latencyMs);
  }

  #count(
    counters: RequestCounters,
    now: number,
    kind: number,
    flood: boolean,
    latencyMs: number | undefined,
  ) {
    counters.requests++;
    counters.lastRequestAt = now;
    counters.recent.add(now);
    if (kind >= 0) counters.errors[kind]++;
    if (flood) counters.floodWaits++;
    if (latencyMs !== undefined) counters.latency.record(latencyMs);
  }

  /** Every client with a row, keyed by client id (a credential for users: label before showing). */
  clients(): ReadonlyMap<string, RequestCounters> {
    return this.#clients;
  }

  /** Requests and errors per second over the window, oldest first. */
  rates(): RateSeries {
    return this.#rates.series(this.#options.now());
  }

  /** The clock the figures are kept with (Unix milliseconds). */
  now(): number {
    return this.#options.now();
  }
}
