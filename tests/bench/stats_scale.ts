/**
 * What one stats response costs the front at 10,000 hosted clients (issue
 * 18: at most 20 ms): the HTML page, a page of the JSON and the Prometheus
 * metrics, built from 10,000 synthetic clients with traffic, half bots and
 * half users. The workers' figures are parsed from JSON text per response,
 * as `WorkerPool.clientStats()` does with what the worker threads send.
 *
 * Standalone: `deno run -A tests/bench/stats_scale.ts [--clients 10000] [--runs 15]`
 */
import { parseArgs } from "node:util";
import { clientLabel, newUserId } from "../../src/client_id.ts";
import { RequestMetrics } from "../../src/stats/metrics.ts";
import { createStatsPages } from "../../src/stats/page.ts";
import { MAX_CLIENT_LIMIT } from "../../src/stats/query.ts";
import type { ClientStats } from "../../src/workers/client_stats.ts";
import type { Section } from "./_stats.ts";

/** The bound on one stats response, in milliseconds of the front's time. */
export const TARGET_MS = 20;

/** Options of `benchStatsScale`. */
export interface StatsScaleOptions {
  /** Clients with figures and a worker (default 10,000). */
  clients?: number;
  /** Measured responses per path, after three unmeasured ones; the median counts (default 15). */
  runs?: number;
  /** `--stats-client-series` of the opt-in metrics measured too (default 100). */
  clientSeries?: number;
}

/** One path's cost: median milliseconds per response and the response's size. */
export interface ResponseCost {
  what: string;
  path: string;
  medianMs: number;
  bytes: number;
  /** What a caller asks for beyond the defaults (the largest page, per-client metrics): reported, not judged. */
  optional?: boolean;
  /** Part of the responses above, shown to tell the stats' own cost from what they must read. */
  context?: boolean;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Metrics and worker figures for `count` clients, each with 1 to 20 requests. */
function syntheticGateway(count: number) {
  const metrics = new RequestMetrics({ maxClients: count });
  const ok = new Response(null, { status: 200 });
  const failed = new Response(null, {
    status: 400,
    headers: { "x-error-type": "rpc" },
  });
  const ids = Array.from(
    { length: count },
    (_, i) => i % 2 ? `bot${i + 2}-0123456789abcdef` : newUserId(),
  );
  ids.forEach((id, i) => {
    for (let r = 0; r <= i % 20; r++) {
      metrics.record(id, r === 7 ? failed : ok, ((i * 7 + r) % 300) / 3);
    }
  });
  const hosted: ClientStats[] = ids.map((id, i) => ({
    label: clientLabel(id),
    kind: id.startsWith("bot") ? "bot" : "user",
    worker: i % 4,
    displayName: `Client ${i}`,
    username: `client_${i}`,
    connected: i % 10 !== 0,
    connectionState: i % 10 ? "connected" : "connecting",
    updates: {
      pending: i % 7,
      dropped: 0,
      lastUpdateAt: Date.now(),
      webhook: i % 3 ? undefined : { host: "hooks.example" },
    },
  }));
  return { metrics, hosted };
}

/** Times each stats path at `clients` clients (see the module comment). */
export async function benchStatsScale(
  options: StatsScaleOptions = {},
): Promise<ResponseCost[]> {
  const { clients = 10_000, runs = 15, clientSeries = 100 } = options;
  const { metrics, hosted } = syntheticGateway(clients);
  const reported = JSON.stringify(hosted);
  const source = {
    metrics,
    workers: () => [],
    clients: () => Promise.resolve(JSON.parse(reported) as ClientStats[]),
  };
  const byDefault = createStatsPages({ path: "/stats", source });
  const optIn = createStatsPages({ path: "/stats", source, clientSeries });
  const measure = async (
    what: string,
    pages: typeof byDefault,
    page: string,
    query = "",
    optional = false,
  ): Promise<ResponseCost> => {
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + 3; i++) {
      const started = performance.now();
      const response = await pages[page](
        new Request(`http://bench.test${page}${query}`),
      );
      bytes = (await response.arrayBuffer()).byteLength;
      if (i >= 3) samples.push(performance.now() - started);
    }
    return {
      what,
      path: page + query,
      medianMs: median(samples),
      bytes,
      optional,
    };
  };
  // The part no stats code can save: reading what the workers sent.
  const parsing: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    JSON.parse(reported);
    parsing.push(performance.now() - started);
  }
  const reading: ResponseCost = {
    what: "of which: parsing the workers' report (WorkerPool.clientStats)",
    path: "—",
    medianMs: median(parsing),
    bytes: reported.length,
    optional: true,
    context: true,
  };
  return [
    await measure("HTML page (first page)", byDefault, "/stats"),
    await measure("JSON (first page)", byDefault, "/stats.json"),
    await measure(
      "JSON, filtered, a later page",
      byDefault,
      "/stats.json",
      "?q=client_1&offset=100&limit=100",
    ),
    await measure(
      "JSON, largest page",
      byDefault,
      "/stats.json",
      `?limit=${MAX_CLIENT_LIMIT}`,
      true,
    ),
    await measure("Prometheus (default)", byDefault, "/stats/metrics"),
    await measure(
      `Prometheus, --stats-client-series ${clientSeries}`,
      optIn,
      "/stats/metrics",
      "",
      true,
    ),
    reading,
  ];
}

function verdict(cost: ResponseCost): string {
  if (cost.context) return "—";
  const met = cost.medianMs <= TARGET_MS ? "met" : "**NOT met**";
  return cost.optional ? `${met} (asked for, not judged)` : met;
}

/** The costs as a markdown table, and one summary line against the 20 ms target. */
export function statsScaleSection(
  costs: ResponseCost[],
  clients: number,
): Section & { summary: string[] } {
  const rows = [
    "| Response | Path | Front time (median) | Size | Target ≤ 20 ms |",
    "| --- | --- | ---: | ---: | --- |",
    ...costs.map((c) =>
      `| ${c.what} | \`${c.path}\` | ${c.medianMs.toFixed(2)} ms | ${
        (c.bytes / 1024).toFixed(0)
      } KiB | ${verdict(c)} |`
    ),
  ];
  // The defaults are what a 10,000-client gateway serves unless asked for more.
  const defaults = costs.filter((c) => !c.optional);
  const worst = defaults.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  return {
    title: `Stats responses at ${clients} clients (stats_scale.ts)`,
    markdown: rows.join("\n"),
    summary: [
      `Stats at ${clients} clients (issue 18): slowest default response ${worst.what} ${
        worst.medianMs.toFixed(1)
      } ms of the front's time (target ≤ ${TARGET_MS} ms): ${
        worst.medianMs <= TARGET_MS ? "met" : "**NOT met**"
      }.`,
    ],
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: { clients: { type: "string" }, runs: { type: "string" } },
  });
  const clients = values.clients ? Number(values.clients) : 10_000;
  const costs = await benchStatsScale({
    clients,
    runs: values.runs ? Number(values.runs) : undefined,
  });
  const section = statsScaleSection(costs, clients);
  console.log(`${section.markdown}\n\n${section.summary.join("\n")}`);
}
