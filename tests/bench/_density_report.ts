/** The density benchmark's figures and report: what a run measured, tables and the targets' verdicts. */
import { mib, ms, num, ratio, type Section, table } from "./_stats.ts";
import { coresPer1000, kibPerClient } from "./_proc.ts";

/** Clients hosted by the reference gateway (the issue's "with 10 hosted"). */
export const FEW = 10;
/** Requests (logins, bot creations, messages) in flight at once. */
export const CONCURRENCY = 16;
/** Unmeasured getMe calls before the probes, so they do not time V8 compiling. */
export const PROBE_WARMUP = 200;
/** What one gateway (one `--workers` value) measured. */
export interface DensityRun {
  workers: number;
  clients: number;
  rssIdle: number;
  rssFew: number;
  rssMany: number;
  loginsPerSecond: number;
  loginErrors: number;
  firstLoginError?: string;
  /** Cores used over the idle interval. */
  idleCpu: { gateway: number; emulator: number };
  /** Cores per thread name over the idle interval, busiest first. */
  threads: [string, number][];
  emulatorRssBefore: number;
  emulatorRssAfter: number;
  /** Median of the rounds' p50 (and p99) of getMe: to the 10-client reference, and to this gateway. */
  few: { p50: number; p99: number; calls: number };
  many: { p50: number; p99: number; calls: number };
  restart: {
    /** From the restarted gateway's spawn to the last bot's message reaching its webhook. */
    seconds: number;
    delivered: number;
    duplicates: number;
    rssAfter: number;
    /** Cores the emulator used over the restart (near 1: the emulator was the limit). */
    emulatorCpu: number;
    gatewayCpu: number;
    /** The kernel's count of the gateway's descriptors (most seen, and once all deliver) beside the gateway's own. */
    descriptors: {
      peakOpen: number;
      open: number;
      counted: number;
      reserved: number;
      limit: number | null;
    };
  };
}

/** The issue's targets. */
const TARGET_KIB_PER_CLIENT = 250;
const TARGET_CORES_PER_1000 = 0.01;
const TARGET_P50_RATIO = 1.1;
const TARGET_TOTAL_RSS = 2.5 * 2 ** 30;
const TARGET_TOTAL_AT = 10_000;
/** Threads shown in the idle-CPU breakdown. */
const TOP_THREADS = 6;

/** A CPU share of one core with a tenth of a percent. */
function corePct(cores: number): string {
  return Number.isFinite(cores) ? `${(cores * 100).toFixed(1)} %` : "–";
}

/** "met" or "NOT met". */
function verdict(met: boolean): string {
  return met ? "met" : "NOT met";
}

function memoryTable(runs: DensityRun[]): string {
  return table(
    [
      "--workers",
      "clients",
      "RSS at 0",
      "at 10",
      "at N",
      "per client",
      "per client (10 → N)",
      "logins/s",
      "idle CPU",
      "per 1,000",
      "emulator RSS (before → after)",
      "emulator per client",
    ],
    runs.map((run) => [
      run.workers,
      num(run.clients),
      mib(run.rssIdle),
      mib(run.rssFew),
      mib(run.rssMany),
      `${num(kibPerClient(run.rssIdle, run.rssMany, run.clients))} KiB`,
      `${num(kibPerClient(run.rssFew, run.rssMany, run.clients - FEW))} KiB`,
      `${num(run.loginsPerSecond)}${
        run.loginErrors ? ` (${run.loginErrors} failed)` : ""
      }`,
      corePct(run.idleCpu.gateway),
      corePct(coresPer1000(run.idleCpu.gateway, run.clients)),
      `${mib(run.emulatorRssBefore)} → ${mib(run.emulatorRssAfter)}`,
      `${
        num(
          kibPerClient(
            run.emulatorRssBefore,
            run.emulatorRssAfter,
            run.clients,
          ),
        )
      } KiB`,
    ]),
  );
}

function latencyTable(runs: DensityRun[]): string {
  return table(
    ["--workers", "hosted", "getMe p50 ms", "p99 ms", "calls", "p50 ratio"],
    runs.flatMap((run) => [
      [
        run.workers,
        `${FEW} (reference)`,
        ms(run.few.p50),
        ms(run.few.p99),
        num(run.few.calls),
        "",
      ],
      [
        run.workers,
        num(run.clients),
        ms(run.many.p50),
        ms(run.many.p99),
        num(run.many.calls),
        ratio(run.many.p50 / run.few.p50),
      ],
    ]),
  );
}

function descriptorCell(
  { peakOpen, open, counted, reserved, limit }:
    DensityRun["restart"]["descriptors"],
): string {
  return `${num(peakOpen)}, then ${num(open)} (${num(counted)} + ${
    num(reserved)
  }) / ${limit === null ? "no limit" : num(limit)}`;
}

function restartTable(runs: DensityRun[]): string {
  return table(
    [
      "--workers",
      "clients",
      "all delivering after",
      "clients/s",
      "vs logins/s",
      "lost",
      "repeated",
      "RSS after",
      "gateway CPU",
      "emulator CPU",
      "open files: peak, then (counted + set aside) / limit",
    ],
    runs.map((run) => {
      const rate = run.clients / run.restart.seconds;
      return [
        run.workers,
        num(run.clients),
        `${num(run.restart.seconds)} s`,
        num(rate),
        ratio(rate / run.loginsPerSecond),
        num(run.clients - run.restart.delivered),
        num(run.restart.duplicates),
        mib(run.restart.rssAfter),
        corePct(run.restart.gatewayCpu),
        corePct(run.restart.emulatorCpu),
        descriptorCell(run.restart.descriptors),
      ];
    }),
  );
}

function summaryOf(run: DensityRun): string[] {
  const label = `density, --workers ${run.workers}, ${num(run.clients)}`;
  const kib = kibPerClient(run.rssIdle, run.rssMany, run.clients);
  const per1000 = coresPer1000(run.idleCpu.gateway, run.clients);
  const p50Ratio = run.many.p50 / run.few.p50;
  const lost = run.clients - run.restart.delivered;
  const lines = [
    `${label}: ${
      num(kib)
    } KiB of gateway RSS per client (target ≤ ${TARGET_KIB_PER_CLIENT} KiB): ${
      verdict(kib <= TARGET_KIB_PER_CLIENT)
    }`,
    `${label}: idle CPU ${corePct(per1000)} of one core per 1,000 (target ≤ ${
      corePct(TARGET_CORES_PER_1000)
    }): ${verdict(per1000 <= TARGET_CORES_PER_1000)}`,
    `${label}: getMe p50 ${
      ratio(p50Ratio)
    } of the reference with ${FEW} hosted (target ≤ ${
      ratio(TARGET_P50_RATIO)
    }): ${verdict(p50Ratio <= TARGET_P50_RATIO)}`,
    `${label}: restart, every webhook delivering after ${
      num(run.restart.seconds)
    } s, ${lost} lost, ${run.restart.duplicates} repeated (target: none lost): ${
      verdict(lost === 0)
    }`,
  ];
  if (run.clients >= TARGET_TOTAL_AT) {
    const total = Math.max(run.rssMany, run.restart.rssAfter);
    lines.push(
      `${label}: total RSS ${mib(total)} (target ≤ ${mib(TARGET_TOTAL_RSS)}): ${
        verdict(total <= TARGET_TOTAL_RSS)
      }`,
    );
  }
  return lines;
}

/** The report section and the targets' summary lines of `runs`. */
export function renderDensity(
  runs: DensityRun[],
  { idleSeconds, settleSeconds, probeRounds, probeMs }: {
    idleSeconds: number;
    settleSeconds: number;
    probeRounds: number;
    probeMs: number;
  },
): Section & { summary: string[] } {
  const threads = table(
    ["--workers", "busiest threads while idle (name: % of one core)"],
    runs.map((run) => [
      run.workers,
      run.threads.slice(0, TOP_THREADS)
        .map(([name, cores]) => `${name}: ${corePct(cores)}`).join(", "),
    ]),
  );
  const failures = runs.filter((run) => run.firstLoginError).map((run) =>
    `- --workers ${run.workers}: ${run.loginErrors} logins failed, first: \`${
      run.firstLoginError!.slice(0, 200)
    }\``
  );
  const markdown = [
    `The gateway CLI with \`--idle-timeout 0\`; its clients are emulator bots (a fresh emulator per gateway), each logged in with one getMe and given a webhook (${CONCURRENCY} requests in flight); then ${settleSeconds} s to settle (idle session databases close) and ${idleSeconds} s idle with no HTTP connection open. RSS is VmRSS of the gateway process (its workers are threads); "per client" is (RSS at N − RSS at 0) / N, "10 → N" leaves out the first clients' one-time cost. Idle CPU is utime + stime over the idle interval, as a share of one core.`,
    memoryTable(runs),
    `getMe to one bot, one call in flight, ${probeRounds} alternating rounds of ${probeMs} ms (after ${PROBE_WARMUP} unmeasured calls to each) against a second gateway hosting ${FEW} bots of the same emulator; the figures are the medians of the rounds.`,
    latencyTable(runs),
    threads,
    'Restart: SIGTERM, one message to every bot while the gateway is down, then the same data directory started again; timed until every bot\'s webhook got its message (the boot brings the webhook clients up, mtcute fetches what was missed). "vs logins/s" compares with logging the bots in from scratch; an emulator CPU near 100 % means the emulator, not the gateway, set the pace.',
    restartTable(runs),
    ...(failures.length ? [failures.join("\n")] : []),
  ].join("\n\n");
  return {
    title: "Density: many clients on one gateway (issue 18)",
    markdown,
    summary: runs.flatMap(summaryOf),
  };
}
