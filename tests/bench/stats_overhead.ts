/**
 * What collecting the stats costs the request path: gateway throughput with
 * no metrics, with metrics, and with metrics while the stats page is fetched
 * every second; in process (the front alone, with workers that answer at
 * once, where any cost would show most; each setup in a process of its
 * own) and end to end (the real server against the DC emulator). Also the
 * cost of one `RequestMetrics.record()` and of one stats response.
 *
 * Setups are measured in short interleaved rounds and compared by their
 * medians, so that load from elsewhere on the machine hits them alike; a
 * second, identical "no metrics" setup shows how far equal setups differ.
 *
 * Standalone: `deno run -A tests/bench/stats_overhead.ts [--seconds 1] [--rounds 15] [--in-process-only]`
 */
import { parseArgs } from "node:util";
import { RequestMetrics } from "../../src/stats/metrics.ts";
import { createStatsPages } from "../../src/stats/page.ts";
import { startDc, startGateway } from "../e2e/harness.ts";
import type { Bot } from "../e2e/harness.ts";
import {
  drive,
  fakeSource,
  FRONT_SETUPS,
  whilePolling,
} from "./_stats_overhead_front.ts";
import type { FrontSetup, Round } from "./_stats_overhead_front.ts";

/** Options of `benchStatsOverhead`. */
export interface StatsOverheadOptions {
  /** Length of one measured round, in seconds (default 1). */
  seconds?: number;
  /** Rounds per setup, interleaved so drift hits all alike; the median counts (default 15). */
  rounds?: number;
  /** Requests kept in flight (default 64 in process, 32 end to end). */
  concurrency?: number;
  /** Also measure the real server against the emulator (default true). */
  endToEnd?: boolean;
}

/** Requests per second of one setup: the median of its rounds, and every round. */
export interface Throughput {
  setup: string;
  medianRps: number;
  rounds: number[];
  /** The middle half of the rounds: 25th and 75th percentile. */
  quartilesRps: [number, number];
  /** Change against the first setup of its group, in percent (negative: slower). */
  changePercent: number;
  /** CPU time of the serving process per request, in microseconds (median of the rounds). */
  cpuUsPerRequest: number;
  /** Change of the CPU time against the first setup, in percent (positive: costlier). */
  cpuChangePercent: number;
}

/** Milliseconds to build and render one stats response (50 clients), by format. */
export interface PageCost {
  html: number;
  json: number;
  prometheus: number;
}

/** What `benchStatsOverhead` measured. */
export interface StatsOverheadResult {
  /** Nanoseconds per `RequestMetrics.record()` call (a hot loop over 64 clients). */
  recordNs: number;
  /** Median time to answer each stats path, with 50 clients. */
  pageMs: PageCost;
  inProcess: Throughput[];
  endToEnd?: Throughput[];
}

/** CPU time used so far by process `pid`, in microseconds (Linux /proc, 100 ticks a second). */
function processCpuUs(pid: number): number {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** The `q`-quantile of `values`, interpolated between neighbours. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

const median = (values: number[]) => quantile(values, 0.5);

/**
 * Runs each setup `rounds` times, interleaved in rotating order, after one
 * unmeasured warm-up round; compares medians with the first setup.
 */
async function compare(
  setups: { name: string; run: () => Promise<Round> }[],
  rounds: number,
): Promise<Throughput[]> {
  for (const setup of setups) await setup.run();
  const results = setups.map(() => [] as Round[]);
  for (let round = 0; round < rounds; round++) {
    // Each round starts with another setup, so none always follows the same one.
    for (let step = 0; step < setups.length; step++) {
      const index = (round + step) % setups.length;
      results[index].push(await setups[index].run());
    }
  }
  const rps = results.map((list) => list.map((r) => r.rps));
  const cpu = results.map((list) => median(list.map((r) => r.cpuUs)));
  return setups.map((setup, index) => ({
    setup: setup.name,
    medianRps: median(rps[index]),
    rounds: rps[index],
    quartilesRps: [quantile(rps[index], 0.25), quantile(rps[index], 0.75)],
    changePercent: (median(rps[index]) / median(rps[0]) - 1) * 100,
    cpuUsPerRequest: cpu[index],
    cpuChangePercent: (cpu[index] / cpu[0] - 1) * 100,
  }));
}

/** Nanoseconds per record() over a rotating set of 64 clients. */
function measureRecord(): number {
  const metrics = new RequestMetrics();
  const ids = Array.from(
    { length: 64 },
    (_, i) => `bot${i + 1}-0123456789abcdef`,
  );
  const ok = new Response(null, { status: 200 });
  const failed = new Response(null, {
    status: 420,
    headers: { "x-error-type": "rpc" },
  });
  const calls = 2_000_000;
  for (let i = 0; i < 100_000; i++) metrics.record(ids[i & 63], ok, i & 255);
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    metrics.record(ids[i & 63], (i & 15) === 0 ? failed : ok, (i & 1023) / 10);
  }
  return ((performance.now() - started) * 1e6) / calls;
}

/** Median milliseconds to answer each stats path for 50 clients with traffic. */
async function measurePages(): Promise<PageCost> {
  const metrics = new RequestMetrics();
  const ok = new Response(null, { status: 200 });
  for (let i = 0; i < 50_000; i++) {
    metrics.record(`bot${(i % 50) + 2}-0123456789abcdef`, ok, (i % 997) / 7);
  }
  const pages = createStatsPages({
    path: "/stats",
    source: fakeSource(metrics, 50),
  });
  const time = async (path: string) => {
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const started = performance.now();
      await (await pages[path](new Request(`http://bench.test${path}`))).text();
      if (i >= 10) samples.push(performance.now() - started);
    }
    return median(samples);
  };
  return {
    html: await time("/stats"),
    json: await time("/stats.json"),
    prometheus: await time("/stats/metrics"),
  };
}

/** A setup in a process of its own; each call runs one round there. */
function frontProcess(setup: FrontSetup) {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-all",
      new URL("./_stats_overhead_child.ts", import.meta.url).pathname,
      setup,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  const lines = child.stdout.pipeThrough(new TextDecoderStream())
    .getReader();
  let buffered = "";
  const nextLine = async (): Promise<string> => {
    while (!buffered.includes("\n")) {
      const { value, done } = await lines.read();
      if (done) throw new Error(`the ${setup} setup's process ended`);
      buffered += value;
    }
    const newline = buffered.indexOf("\n");
    const line = buffered.slice(0, newline);
    buffered = buffered.slice(newline + 1);
    return line;
  };
  return {
    async run(load: { seconds: number; concurrency: number }): Promise<Round> {
      await writer.write(new TextEncoder().encode(`${JSON.stringify(load)}\n`));
      return JSON.parse(await nextLine());
    },
    async close() {
      await writer.close().catch(() => {});
      await lines.cancel().catch(() => {});
      await child.status;
    },
  };
}

async function benchInProcess(
  { seconds, rounds, concurrency }: Required<
    Omit<StatsOverheadOptions, "endToEnd">
  >,
): Promise<Throughput[]> {
  const setups = Object.keys(FRONT_SETUPS) as FrontSetup[];
  const processes = setups.map(frontProcess);
  try {
    return await compare(
      setups.map((setup, index) => ({
        name: FRONT_SETUPS[setup],
        run: () => processes[index].run({ seconds, concurrency }),
      })),
      rounds,
    );
  } finally {
    await Promise.all(processes.map((process) => process.close()));
  }
}

async function benchEndToEnd(
  { seconds, rounds, concurrency }: Required<
    Omit<StatsOverheadOptions, "endToEnd">
  >,
): Promise<Throughput[]> {
  const dc = await startDc();
  const gateway = await startGateway({ dc, workers: 1 });
  try {
    const bot = await dc.control<Bot>("POST", "/bots", {
      username: "bench_bot",
    });
    const getMe = async () => {
      const response = await gateway.fetch(`/bot${bot.token}/getMe`);
      if (response.status !== 200) {
        throw new Error(
          `getMe answered ${response.status}: ${await response.text()}`,
        );
      }
      await response.arrayBuffer();
    };
    // Logs the bot in before anything is measured.
    const cpu = () => processCpuUs(gateway.child.process.pid);
    await drive(getMe, { seconds: 1, concurrency: 4, cpu });
    const fetchPage = async () => {
      await (await gateway.fetch("/stats")).text();
    };
    const load = { seconds, concurrency, cpu };
    return await compare([
      { name: "page not polled", run: () => drive(getMe, load) },
      {
        name: "page polled every 1 s",
        run: () => whilePolling(fetchPage, () => drive(getMe, load)),
      },
    ], rounds);
  } finally {
    await gateway.stop();
    await Deno.remove(gateway.dataDir, { recursive: true }).catch(() => {});
    await dc.stop();
  }
}

/** Measures what the stats cost the request path (see the module comment). */
export async function benchStatsOverhead(
  options: StatsOverheadOptions = {},
): Promise<StatsOverheadResult> {
  const { seconds = 1, rounds = 15, concurrency, endToEnd = true } = options;
  const recordNs = measureRecord();
  const pageMs = await measurePages();
  const inProcess = await benchInProcess({
    seconds,
    rounds,
    concurrency: concurrency ?? 64,
  });
  return {
    recordNs,
    pageMs,
    inProcess,
    endToEnd: endToEnd
      ? await benchEndToEnd({ seconds, rounds, concurrency: concurrency ?? 32 })
      : undefined,
  };
}

const signed = (percent: number) =>
  `${percent >= 0 ? "+" : "−"}${Math.abs(percent).toFixed(1)} %`;

/** The result as markdown: a throughput table, then the cost of a record and of a page. */
export function statsOverheadTable(result: StatsOverheadResult): string {
  const rows = [
    "| Where | Setup | Requests/s (median) | Middle half of rounds | Change | Server CPU per request | Change |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  const add = (where: string, list: Throughput[]) => {
    for (const t of list) {
      const [low, high] = t.quartilesRps.map(Math.round);
      rows.push(
        `| ${where} | ${t.setup} | ${
          Math.round(t.medianRps)
        } | ${low}–${high} | ${signed(t.changePercent)} | ${
          t.cpuUsPerRequest.toFixed(1)
        } µs | ${signed(t.cpuChangePercent)} |`,
      );
    }
  };
  add("front alone, fake workers", result.inProcess);
  if (result.endToEnd) add("real server and emulator", result.endToEnd);
  const { html, json, prometheus } = result.pageMs;
  return `${rows.join("\n")}\n\n` +
    `One \`RequestMetrics.record()\`: ${result.recordNs.toFixed(0)} ns. ` +
    `One stats response with 50 clients: HTML ${html.toFixed(2)} ms, JSON ${
      json.toFixed(2)
    } ms, Prometheus ${prometheus.toFixed(2)} ms ` +
    `(polled every second: ${(html / 10).toFixed(2)} % of one core for HTML).`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      seconds: { type: "string" },
      rounds: { type: "string" },
      "in-process-only": { type: "boolean" },
    },
  });
  const result = await benchStatsOverhead({
    seconds: values.seconds ? Number(values.seconds) : undefined,
    rounds: values.rounds ? Number(values.rounds) : undefined,
    endToEnd: !values["in-process-only"],
  });
  console.log(statsOverheadTable(result));
}
