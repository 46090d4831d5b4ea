/**
 * `deno task bench`: runs the benchmarks, prints markdown, and (full runs)
 * writes the results into BENCHMARKS.md between its result markers.
 *
 *   deno task bench                    # everything (~5 minutes on 2 cores)
 *   deno task bench --quick            # a ~1 minute smoke run (does not touch BENCHMARKS.md)
 *   deno task bench --only gateway,updates
 *   deno task bench --write / --no-write
 *   deno task bench --only gateway --gateway-args="--body-timeout 0"   # flags for the gateway calls' gateway
 *   deno task bench --only density --clients 10000   # clients hosted at once (default 1000)
 *
 * Names for --only: gateway, updates, emulator, stats, files, render, density.
 */
import { parseArgs } from "node:util";
import {
  machineBusySeconds,
  pct,
  type Section,
  treeCpuSeconds,
} from "./_stats.ts";
import { benchEmulator } from "./emulator_throughput.ts";
import { benchFiles } from "./files.ts";
import { benchGatewayCalls } from "./gateway_calls.ts";
import { benchDensity } from "./density.ts";
import { benchRenderMessage } from "./render_message.ts";
import { benchUpdates } from "./updates_latency.ts";

const NAMES = [
  "gateway",
  "updates",
  "emulator",
  "stats",
  "files",
  "render",
  "density",
] as const;
type Name = typeof NAMES[number];

const RESULTS_START = "<!-- bench:results:start -->";
const RESULTS_END = "<!-- bench:results:end -->";
const REPORT = new URL("../../BENCHMARKS.md", import.meta.url);

interface Run {
  quick: boolean;
  /** More flags for the gateway of the gateway-calls benchmark. */
  gatewayArgs: string[];
  /** Clients hosted at once by the density benchmark (--clients). */
  clients?: number;
}

type Result = Section & { summary?: string[] };

/** The benchmarks, each sized for a full run or a quick one. */
const BENCHMARKS: Record<Name, (run: Run) => Promise<Result | undefined>> = {
  gateway: ({ quick, gatewayArgs }) =>
    benchGatewayCalls({
      ...(quick ? { rounds: 1, roundMs: 400 } : { rounds: 3, roundMs: 1500 }),
      gatewayArgs,
    }),
  updates: ({ quick }) =>
    benchUpdates(
      quick
        ? { latencyMessages: 40, burstMessages: 300, burstRounds: 1 }
        : { latencyMessages: 300, burstMessages: 2000, burstRounds: 3 },
    ),
  emulator: ({ quick }) =>
    benchEmulator(
      quick
        ? { runMs: 600, connections: 100 }
        : { runMs: 3000, connections: 1000 },
    ),
  stats: statsOverhead,
  render: ({ quick }) =>
    Promise.resolve(
      benchRenderMessage(
        quick ? { iterations: 2_000 } : { iterations: 20_000 },
      ),
    ),
  // Quick: 1,000 clients on one gateway, a shorter idle interval and fewer probe rounds.
  density: ({ quick, clients }) =>
    benchDensity(
      quick
        ? {
          clients: clients ?? 1000,
          workers: [1],
          idleSeconds: 5,
          probeRounds: 3,
          probeMs: 300,
        }
        : { clients: clients ?? 1000 },
    ),
  files: async ({ quick }) => {
    const { section, summary } = await benchFiles({ quick });
    return { ...section, summary };
  },
};

/** The stats-overhead benchmark, if its module is there (it is written separately). */
async function statsOverhead({ quick }: Run): Promise<Result | undefined> {
  let module: Record<string, unknown>;
  try {
    // A computed specifier: the module is optional.
    const specifier = new URL("./stats_overhead.ts", import.meta.url).href;
    module = await import(specifier);
  } catch (error) {
    console.error(`stats_overhead.ts not loaded, skipped: ${error}`);
    return undefined;
  }
  if (typeof module.benchStatsOverhead !== "function") return undefined;
  const result = await module.benchStatsOverhead(
    quick ? { seconds: 0.5, rounds: 1 } : { seconds: 2, rounds: 3 },
  );
  const markdown = typeof module.statsOverheadTable === "function"
    ? module.statsOverheadTable(result) as string
    : `\`\`\`json\n${JSON.stringify(result, null, 2)}\n\`\`\``;
  // The same section measures a stats response at 10,000 clients (issue 18).
  const { benchStatsScale, statsScaleSection } = await import(
    "./stats_scale.ts"
  );
  const clients = 10_000;
  const scale = statsScaleSection(
    await benchStatsScale({ clients, runs: quick ? 5 : 15 }),
    clients,
  );
  return {
    title: "Cost of the statistics (stats_overhead.ts, stats_scale.ts)",
    markdown: `${markdown}\n\n${scale.title}:\n\n${scale.markdown}`,
    summary: scale.summary,
  };
}

function parseNames(value: string | undefined): Name[] {
  if (!value) return [...NAMES];
  const names = value.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!(NAMES as readonly string[]).includes(name)) {
      console.error(
        `Invalid --only: expected names from ${NAMES.join(", ")}, got ${name}`,
      );
      Deno.exit(2);
    }
  }
  return names as Name[];
}

async function machine(): Promise<string> {
  const cores = navigator.hardwareConcurrency;
  let cpu = "";
  try {
    cpu = (await Deno.readTextFile("/proc/cpuinfo")).match(
      /^model name\s*:\s*(.+)$/m,
    )?.[1] ?? "";
  } catch { /* not Linux */ }
  const memory = Math.round(Deno.systemMemoryInfo().total / 2 ** 30);
  return `${cores} cores (nproc)${
    cpu ? `, ${cpu}` : ""
  }, ${memory} GiB RAM, ${Deno.build.os}; Deno ${Deno.version.deno}, V8 ${Deno.version.v8}`;
}

/** Replaces the results between the markers of BENCHMARKS.md (appends them if the markers are missing). */
async function writeReport(results: string): Promise<void> {
  let text = "";
  try {
    text = await Deno.readTextFile(REPORT);
  } catch { /* a new file */ }
  const block = `${RESULTS_START}\n${results}\n${RESULTS_END}`;
  const start = text.indexOf(RESULTS_START);
  const end = text.indexOf(RESULTS_END);
  text = start >= 0 && end > start
    ? text.slice(0, start) + block + text.slice(end + RESULTS_END.length)
    : `${text.trimEnd()}\n\n## Results\n\n${block}\n`;
  await Deno.writeTextFile(REPORT, text);
  // Formatted as `deno fmt` would (aligned tables), so `deno fmt --check` stays clean.
  await new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--quiet", REPORT.pathname],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args[0] === "--" ? Deno.args.slice(1) : Deno.args,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      write: { type: "boolean" },
      "no-write": { type: "boolean" },
      "gateway-args": { type: "string" },
      clients: { type: "string" },
    },
  });
  const run: Run = {
    quick: values.quick,
    gatewayArgs: values["gateway-args"]?.split(/\s+/).filter(Boolean) ?? [],
    clients: values.clients === undefined ? undefined : Number(values.clients),
  };
  const names = parseNames(values.only);
  // Smoke runs and partial runs leave the recorded full results alone unless asked.
  const write = values["no-write"]
    ? false
    : values.write ?? (!values.quick && !values.only);

  const command = ["deno task bench", ...Deno.args].join(" ");
  const header = [
    `Command: \`${command}\``,
    "",
    `Date: ${new Date().toISOString()}`,
    "",
    `Machine: ${await machine()}`,
  ].join("\n");
  console.log(`${header}\n`);

  const started = performance.now();
  const sections: string[] = [];
  const failed: string[] = [];
  const summary: string[] = [];
  for (const name of names) {
    const sectionStarted = performance.now();
    const busyBefore = machineBusySeconds();
    const treeBefore = treeCpuSeconds();
    console.error(`running ${name}…`);
    let result: Result | undefined;
    try {
      result = await BENCHMARKS[name](run);
    } catch (error) {
      // One broken benchmark must not hide the others' figures.
      failed.push(name);
      result = {
        title: `${name}: FAILED`,
        markdown: `\`\`\`text\n${(error as Error)?.stack ?? error}\n\`\`\``,
      };
    }
    if (!result) continue;
    const wall = (performance.now() - sectionStarted) / 1000;
    // Whatever else ran on the machine meanwhile competed for the same cores.
    const others = (machineBusySeconds() - busyBefore -
      (treeCpuSeconds() - treeBefore)) / wall / navigator.hardwareConcurrency;
    const section = `### ${result.title}\n\n${result.markdown}\n\n_(${name}: ${
      wall.toFixed(0)
    } s; other processes on the machine used ${
      pct(Math.max(0, others))
    } of its CPU meanwhile)_`;
    console.log(`${section}\n`);
    sections.push(section);
    summary.push(...result.summary ?? []);
  }
  const total = ((performance.now() - started) / 1000).toFixed(0);
  const summaryBlock = summary.length
    ? `### Targets\n\n${summary.map((line) => `- ${line}`).join("\n")}`
    : "";
  if (summaryBlock) console.log(`${summaryBlock}\n`);
  console.log(`Total: ${total} s`);

  if (failed.length) console.error(`failed: ${failed.join(", ")}`);
  // A failed run does not replace recorded results unless --write says so.
  if (write && (!failed.length || values.write)) {
    await writeReport(
      [header, summaryBlock, ...sections, `Total time: ${total} s.`]
        .filter(Boolean).join("\n\n"),
    );
    console.error(`wrote ${REPORT.pathname}`);
  }
  // Leftover sockets and timers of stopped clients must not keep the run alive.
  Deno.exit(failed.length ? 1 : 0);
}

await main();
