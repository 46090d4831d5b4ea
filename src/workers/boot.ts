/**
 * At server start: starts the clients whose sessions have a webhook or
 * queued updates, a bounded number at a time, so that with thousands of
 * sessions the first ones come up at once instead of all of them stalling
 * together, and reports how far it got.
 */
import { clientKindOf, listClientIds } from "../client_id.ts";
import type { WorkerPool } from "./pool.ts";

/** Sessions looked at (and started when they must run) at once, per worker. */
export const BOOT_CONCURRENCY_PER_WORKER = 16;

/** How often progress is logged while booting. */
const PROGRESS_LOG_MS = 5_000;
/** Failures logged one by one; past these only the progress lines count them (10,000 sessions can fail alike). */
const FAILURES_LOGGED = 10;

/** How far the boot has come: read by /stats while it runs. */
export interface BootProgress {
  /** Session files found. */
  sessions: number;
  /** Sessions looked at so far (started, skipped or failed). */
  checked: number;
  /** Clients started (a webhook or queued updates). */
  started: number;
  failed: number;
  /** When the boot began and, once every session is checked, ended (ms since the epoch). */
  startedAt: number;
  finishedAt?: number;
}

/** Options of `bootClients`. */
export interface BootOptions {
  /** Longest wait for one client to start. */
  timeoutMs: number;
  /** Sessions handled at once (default: BOOT_CONCURRENCY_PER_WORKER per worker). */
  concurrency?: number;
  /** Receives progress lines (default console.log). */
  log?: (line: string) => void;
  /** Receives failures (default console.error). */
  logError?: (line: string) => void;
}

/** Progress of a boot that begins now. */
export function startBootProgress(): BootProgress {
  return {
    sessions: 0,
    checked: 0,
    started: 0,
    failed: 0,
    startedAt: Date.now(),
  };
}

/** "4,000 of 12,000 sessions checked, 3,900 clients started, 2 failed". */
export function describeBoot(progress: BootProgress): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const failed = progress.failed ? `, ${n(progress.failed)} failed` : "";
  return `${n(progress.checked)} of ${n(progress.sessions)} sessions checked, ${
    n(progress.started)
  } client(s) with a webhook or queued updates started${failed}`;
}

/** Boots every client that must run without waiting for a request; `progress` is updated as it goes. */
export async function bootClients(
  pool: Pick<WorkerPool, "boot" | "size">,
  dataDir: string,
  progress: BootProgress,
  {
    timeoutMs,
    concurrency = BOOT_CONCURRENCY_PER_WORKER * pool.size,
    log = console.log,
    logError = console.error,
  }: BootOptions,
): Promise<BootProgress> {
  const ids = await listClientIds(dataDir);
  progress.sessions = ids.length;
  let lastLogged = -1;
  const report = () => {
    if (progress.checked === lastLogged) return;
    lastLogged = progress.checked;
    log(`Booting: ${describeBoot(progress)}`);
  };
  const ticker = setInterval(report, PROGRESS_LOG_MS);
  let next = 0;
  const runner = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      try {
        const ref = clientKindOf(id) === "bot"
          ? { kind: "bot" as const, id }
          : { kind: "user" as const, id };
        if (await pool.boot(ref, { timeoutMs })) progress.started++;
      } catch (error) {
        progress.failed++;
        if (progress.failed <= FAILURES_LOGGED) {
          const more = progress.failed === FAILURES_LOGGED
            ? " (further failures are only counted)"
            : "";
          logError(
            `a client failed to start: ${
              error instanceof Error ? error.message : error
            }${more}`,
          );
        }
      } finally {
        progress.checked++;
      }
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, concurrency) }, runner),
    );
  } finally {
    clearInterval(ticker);
  }
  progress.finishedAt = Date.now();
  // A boot long enough to have logged progress says it is done; a quick one only if it started something.
  if (lastLogged >= 0 || progress.started || progress.failed) {
    log(`Booted: ${describeBoot(progress)}`);
  }
  return progress;
}
