/**
 * The in-process half of the stats overhead benchmark: the gateway's front
 * with workers that answer at once, in one of three setups. Each setup runs
 * in a process of its own (`_stats_overhead_child.ts`): setups that share a
 * process slow each other down through its garbage collector and JIT.
 */
import process from "node:process";
import { createGatewayHandler } from "../../src/http/handler.ts";
import { RawJson } from "../../src/raw_json.ts";
import { RequestMetrics } from "../../src/stats/metrics.ts";
import { createStatsPages } from "../../src/stats/page.ts";
import type { StatsSource } from "../../src/stats/page.ts";
import type { ClientStats } from "../../src/workers/client_stats.ts";

/** The in-process setups, in the order they are reported. */
export const FRONT_SETUPS = {
  plain: "no metrics",
  /** The same as `plain` in another process: how far two equal setups differ here. */
  control: "no metrics, again (noise control)",
  metrics: "metrics",
  polled: "metrics, page polled every 1 s",
} as const;

/** One of `FRONT_SETUPS`' keys. */
export type FrontSetup = keyof typeof FRONT_SETUPS;

/** One round: requests per second, and CPU microseconds of the serving process per request. */
export interface Round {
  rps: number;
  cpuUs: number;
}

/** How often the page is fetched in the polled setups. */
export const POLL_MS = 1_000;

const BOT_TOKEN = "1000001:AAH0123456789abcdefghijklmnopqrstuv";

/** CPU time used so far by this process, in microseconds. */
export function ownCpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Runs `op` with `concurrency` in flight for `seconds`. */
export async function drive(
  op: () => Promise<void>,
  { seconds, concurrency, cpu }: {
    seconds: number;
    concurrency: number;
    cpu: () => number;
  },
): Promise<Round> {
  let done = 0;
  const cpuBefore = cpu();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await op();
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { rps: done / elapsed, cpuUs: (cpu() - cpuBefore) / done };
}

/** Fetches `fetchPage` at once and then every second while `run` goes on. */
export async function whilePolling<T>(
  fetchPage: () => Promise<void>,
  run: () => Promise<T>,
): Promise<T> {
  fetchPage().catch(() => {});
  const timer = setInterval(() => fetchPage().catch(() => {}), POLL_MS);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}

/** A source with `count` hosted clients, as workers would report them. */
export function fakeSource(
  metrics: RequestMetrics,
  count: number,
): StatsSource {
  const hosted: ClientStats[] = Array.from({ length: count }, (_, i) => ({
    label: `bot${i + 2}-0123456789abcdef`,
    kind: "bot",
    worker: i % 4,
    displayName: `Bot ${i}`,
    username: `bot_${i}`,
    connected: true,
    connectionState: "connected",
    updates: { pending: i, dropped: 0, lastUpdateAt: Date.now() },
  }));
  return {
    metrics,
    workers: () => [{
      index: 0,
      clients: count,
      pendingCalls: 0,
      callsServed: 0,
      restarts: 0,
      fileGc: { collections: 0, ms: 0 },
    }],
    clients: () => Promise.resolve(hosted),
  };
}

/** A round runner for `setup`: getMe through the front, with or without metrics and polling. */
export function frontRunner(
  setup: FrontSetup,
): (load: { seconds: number; concurrency: number }) => Promise<Round> {
  const result = new RawJson(
    '{"id":1000001,"isBot":true,"username":"bench_bot"}',
  );
  const metrics = setup === "plain" || setup === "control"
    ? undefined
    : new RequestMetrics();
  const handler = createGatewayHandler({
    clients: { call: () => Promise.resolve(result) },
    maxBodyBytes: 1 << 20,
    maxUploadBytes: 1 << 20,
    uploadDir: "/nonexistent-upload-dir",
    requestTimeoutMs: 10_000,
    metrics,
    pages: metrics &&
      createStatsPages({ path: "/stats", source: fakeSource(metrics, 50) }),
  });
  const url = `http://bench.test/bot${BOT_TOKEN}/getMe`;
  const getMe = async () => {
    await (await handler(new Request(url))).arrayBuffer();
  };
  const fetchPage = async () => {
    await (await handler(new Request("http://bench.test/stats"))).text();
  };
  return (load) => {
    const round = () => drive(getMe, { ...load, cpu: ownCpuUs });
    return setup === "polled" ? whilePolling(fetchPage, round) : round();
  };
}
