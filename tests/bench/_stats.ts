/** Shared by the benchmarks: bounded load loops, percentiles, process RSS/CPU from /proc, markdown tables. */

/** The value at quantile `q` (0–1) of ascending `sorted` samples (nearest rank); NaN when empty. */
export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Latency figures of a run, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** p50/p99/max of `samples` (milliseconds, any order). */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** Options of `runLoad`. */
export interface LoadOptions {
  /** Operations kept in flight at once. */
  concurrency: number;
  /** Stop after this many measured operations… */
  maxOps: number;
  /** …or after this many milliseconds, whichever comes first. */
  maxMs: number;
  /** Operations run (and not measured) before the clock starts; default 2 × concurrency. */
  warmupOps?: number;
  /** One operation; `worker` is the index of the in-flight slot running it (0 … concurrency-1). */
  op(worker: number, sequence: number): Promise<unknown>;
}

/** What `runLoad` measured. */
export interface LoadResult extends LatencySummary {
  seconds: number;
  /** Completed operations per second. */
  perSecond: number;
  errors: number;
  firstError?: string;
  /** Every measured latency, in completion order. */
  latencies: number[];
}

/**
 * Keeps `concurrency` operations in flight until `maxOps` completed or
 * `maxMs` passed (operations in flight then are awaited and counted).
 * Failed operations are counted apart and left out of the latencies.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { concurrency, maxOps, maxMs, op } = options;
  const warmupOps = options.warmupOps ?? 2 * concurrency;
  let sequence = 0;
  let warmed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (warmed < warmupOps) {
        warmed++;
        await op(worker, sequence++).catch(() => {});
      }
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let started = 0;
  const begin = performance.now();
  const deadline = begin + maxMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (started < maxOps && performance.now() < deadline) {
        started++;
        const t0 = performance.now();
        try {
          await op(worker, sequence++);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - begin) / 1000;
  return {
    ...summarize(latencies),
    seconds,
    perSecond: latencies.length / seconds,
    errors,
    firstError,
    latencies,
  };
}

/** A memory figure of process `pid` in bytes (`field` of /proc/<pid>/status, e.g. VmHWM); NaN if unreadable. */
export function statusBytes(pid: number | "self", field: string): number {
  try {
    const status = Deno.readTextFileSync(`/proc/${pid}/status`);
    const kib = status.match(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m"))
      ?.[1];
    return kib ? Number(kib) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Resident set size of process `pid` in bytes (VmRSS); NaN if unreadable. */
export function rssBytes(pid: number | "self"): number {
  return statusBytes(pid, "VmRSS");
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** CPU seconds (user + system, all threads) process `pid` used so far; NaN if unreadable. */
export function cpuSeconds(pid: number | "self"): number {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    // The command name (field 2) may hold spaces; fields after its ")" are space separated.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds this process and its finished (reaped) children used: the
 * emulator and gateway processes a benchmark stopped are counted here.
 */
export function treeCpuSeconds(): number {
  try {
    const stat = Deno.readTextFileSync("/proc/self/stat");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime: fields 14 to 17 of the whole line.
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) /
      USER_HZ;
  } catch {
    return NaN;
  }
}

/** CPU seconds the whole machine spent busy (all cores, /proc/stat); NaN if unreadable. */
export function machineBusySeconds(): number {
  try {
    const line = Deno.readTextFileSync("/proc/stat").split("\n")[0];
    // user nice system idle iowait irq softirq steal
    const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/)
      .slice(1, 9).map(Number);
    return (user + nice + system + irq + softirq + steal) / USER_HZ;
  } catch {
    return NaN;
  }
}

/** Measures the CPU share of some processes over an interval: 1.0 = one core busy the whole time. */
export class CpuMeter {
  readonly #start = new Map<string, number>();
  readonly #pids: Record<string, number | "self">;
  #began = performance.now();

  constructor(pids: Record<string, number | "self">) {
    this.#pids = pids;
    this.reset();
  }

  /** Starts the interval again. */
  reset(): void {
    for (const [name, pid] of Object.entries(this.#pids)) {
      this.#start.set(name, cpuSeconds(pid));
    }
    this.#began = performance.now();
  }

  /** Cores used per process since the last reset. */
  read(): Record<string, number> {
    const seconds = (performance.now() - this.#began) / 1000;
    return Object.fromEntries(
      Object.entries(this.#pids).map((
        [name, pid],
      ) => [name, (cpuSeconds(pid) - this.#start.get(name)!) / seconds]),
    );
  }
}

/** Runs `fn` while measuring the CPU share of `pids`. */
export async function withCpu<T>(
  pids: Record<string, number | "self">,
  fn: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, number> }> {
  const meter = new CpuMeter(pids);
  const result = await fn();
  return { result, cpu: meter.read() };
}

/** A markdown table; cells are printed as given. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const lines = [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map((_, i) => i === 0 ? "---" : "---:").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
  return lines.join("\n");
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value < 10
    ? value.toFixed(2)
    : value < 100
    ? value.toFixed(1)
    : value.toFixed(0);
}

/** A rate or count, rounded, with thousands separators. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return Math.round(value).toLocaleString("en-US");
}

/** A ratio such as `0.83×`. */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "–";
}

/** A CPU share as a percentage of one core. */
export function pct(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value * 100)}%` : "–";
}

/** Bytes as MiB. */
export function mib(bytes: number): string {
  return Number.isFinite(bytes)
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : "–";
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every `everyMs` until it holds; rejects with `what` after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean,
  { timeoutMs, everyMs = 5, what }: {
    timeoutMs: number;
    everyMs?: number;
    what: string;
  },
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(everyMs);
  }
}

/** What a benchmark returns: markdown for the report, and figures for the summary. */
export interface Section {
  title: string;
  /** Markdown body (tables and notes). */
  markdown: string;
}
