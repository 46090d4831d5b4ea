/**
 * Issue 18, its first step: what hosting many clients costs. The real gateway
 * CLI (`--idle-timeout 0`, so nothing is unloaded) hosts N emulator bots, each
 * logged in with one getMe; then everything idles. Reported: gateway RSS at 0
 * clients and after N (per client), idle CPU (per thread too), login rate, the
 * emulator's RSS, and getMe to one bot while 10 vs N are hosted.
 */
import { HttpLoadClient } from "./_http_load.ts";
import {
  type Bot,
  botPath,
  createBot,
  type Dc,
  startDc,
  startGateway,
} from "./_world.ts";
import {
  CpuMeter,
  type LatencySummary,
  mib,
  ms,
  num,
  ratio,
  rssBytes,
  runLoad,
  type Section,
  sleep,
  table,
} from "./_stats.ts";

/** Options of `benchManyClients`. */
export interface ManyClientsOptions {
  /** Clients hosted at once (default 1000; the issue's targets are 1,000 and 10,000). */
  clients?: number;
  /** `--workers` values, one gateway each (default 1 and 2). */
  workers?: number[];
  /** How long everything idles before RSS and CPU are read, in seconds (default 30). */
  idleSeconds?: number;
  /** Length of each getMe probe, in ms (default 3000). */
  probeMs?: number;
}

/** Clients hosted for the reference probe (the issue's "with 10 hosted"). */
const FEW = 10;
/** Logins (and bot creations) in flight at once. */
const LOGIN_CONCURRENCY = 16;
/** Unmeasured getMe calls before each probe, so it does not time V8 compiling. */
const PROBE_WARMUP = 200;
/** The issue's targets. */
const TARGET_KIB_PER_CLIENT = 250;
const TARGET_CORES_PER_1000 = 0.01;
const TARGET_P50_RATIO = 1.1;
/** Threads shown in the idle-CPU breakdown. */
const TOP_THREADS = 6;

/** What one gateway (one `--workers` value) measured. */
interface Run {
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
  few: LatencySummary;
  many: LatencySummary;
}

/** Memory per client in KiB: the growth from `before` to `after` spread over `clients`. */
export function kibPerClient(
  before: number,
  after: number,
  clients: number,
): number {
  return clients > 0 ? (after - before) / 1024 / clients : NaN;
}

/** Cores of idle CPU per 1,000 clients. */
export function coresPer1000(cores: number, clients: number): number {
  return clients > 0 ? cores / clients * 1000 : NaN;
}

/** The utime + stime clock ticks of one /proc/…/stat line (the name in parentheses may hold spaces). */
export function statTicks(line: string): number {
  const fields = line.slice(line.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
  return Number(fields[11]) + Number(fields[12]);
}

/** Clock ticks per second of /proc times (USER_HZ). */
const USER_HZ = 100;

/** CPU seconds of each thread of `pid`, by thread id, with the thread's name. */
function threadSeconds(pid: number): Map<string, [string, number]> {
  const threads = new Map<string, [string, number]>();
  try {
    for (const entry of Deno.readDirSync(`/proc/${pid}/task`)) {
      try {
        const dir = `/proc/${pid}/task/${entry.name}`;
        const name = Deno.readTextFileSync(`${dir}/comm`).trim();
        const ticks = statTicks(Deno.readTextFileSync(`${dir}/stat`));
        threads.set(entry.name, [name, ticks / USER_HZ]);
      } catch { /* the thread ended meanwhile */ }
    }
  } catch { /* not Linux */ }
  return threads;
}

/** Cores per thread name between two `threadSeconds` snapshots `seconds` apart, busiest first. */
function threadCores(
  before: Map<string, [string, number]>,
  after: Map<string, [string, number]>,
  seconds: number,
): [string, number][] {
  const byName = new Map<string, number>();
  for (const [tid, [name, cpu]] of after) {
    const used = cpu - (before.get(tid)?.[1] ?? 0);
    byName.set(name, (byName.get(name) ?? 0) + used / seconds);
  }
  return [...byName].sort((a, b) => b[1] - a[1]);
}

/** Creates `count` bots in the emulator, several requests in flight. */
async function createBots(dc: Dc, count: number): Promise<Bot[]> {
  const bots: Bot[] = [];
  const result = await runLoad({
    concurrency: LOGIN_CONCURRENCY,
    maxOps: count,
    maxMs: Infinity,
    warmupOps: 0,
    op: async () => bots.push(await createBot(dc, "many")),
  });
  if (result.errors) throw new Error(`POST /bots: ${result.firstError}`);
  return bots;
}

/** Logs `bots` in through the gateway, one getMe each; returns the rate. */
async function logIn(
  http: HttpLoadClient,
  bots: Bot[],
): Promise<{ perSecond: number; errors: number; firstError?: string }> {
  const { perSecond, errors, firstError } = await runLoad({
    concurrency: Math.min(LOGIN_CONCURRENCY, bots.length),
    maxOps: bots.length,
    maxMs: Infinity,
    warmupOps: 0,
    op: (slot, sequence) =>
      http.post(slot, botPath(bots[sequence], "getMe"), []),
  });
  return { perSecond, errors, firstError };
}

/** getMe to one bot, one call in flight, for `probeMs`. */
async function probe(
  url: string,
  bot: Bot,
  probeMs: number,
): Promise<LatencySummary> {
  const http = await HttpLoadClient.open(url, 1);
  try {
    const result = await runLoad({
      concurrency: 1,
      maxOps: 100_000,
      maxMs: probeMs,
      warmupOps: PROBE_WARMUP,
      op: () => http.post(0, botPath(bot, "getMe"), []),
    });
    if (result.errors) throw new Error(`probe getMe: ${result.firstError}`);
    return result;
  } finally {
    http.close();
  }
}

/** One gateway with `--workers`: 0, then FEW, then all `bots` hosted, then idle. */
async function measureWorkers(
  { dc, bots, workers, idleSeconds, probeMs }: {
    dc: Dc;
    bots: Bot[];
    workers: number;
    idleSeconds: number;
    probeMs: number;
  },
): Promise<Run> {
  const gateway = await startGateway({
    dc,
    workers,
    extraArgs: ["--idle-timeout", "0"],
  });
  const pid = gateway.child.process.pid;
  const emulatorPid = dc.child.process.pid;
  let http: HttpLoadClient | undefined;
  try {
    // Let the workers finish booting before the 0-client figure.
    await sleep(1000);
    const rssIdle = rssBytes(pid);
    const emulatorRssBefore = rssBytes(emulatorPid);
    http = await HttpLoadClient.open(
      gateway.url,
      Math.min(LOGIN_CONCURRENCY, bots.length),
    );
    const fewBots = bots.slice(0, FEW);
    const fewLogin = await logIn(http, fewBots);
    if (fewLogin.errors) throw new Error(`login: ${fewLogin.firstError}`);
    const few = await probe(gateway.url, fewBots[0], probeMs);
    const rssFew = rssBytes(pid);
    const login = await logIn(http, bots.slice(FEW));
    // Open HTTP connections would be work the idle figure is not about.
    http.close();
    http = undefined;

    const meter = new CpuMeter({ gateway: pid, emulator: emulatorPid });
    const threadsBefore = threadSeconds(pid);
    const idleStarted = performance.now();
    await sleep(idleSeconds * 1000);
    const idleCpu = meter.read() as Run["idleCpu"];
    const threads = threadCores(
      threadsBefore,
      threadSeconds(pid),
      (performance.now() - idleStarted) / 1000,
    );
    const rssMany = rssBytes(pid);
    const emulatorRssAfter = rssBytes(emulatorPid);
    const many = await probe(gateway.url, fewBots[0], probeMs);
    return {
      workers,
      clients: bots.length,
      rssIdle,
      rssFew,
      rssMany,
      loginsPerSecond: login.perSecond,
      loginErrors: login.errors,
      firstLoginError: login.firstError,
      idleCpu,
      threads,
      emulatorRssBefore,
      emulatorRssAfter,
      few,
      many,
    };
  } finally {
    http?.close();
    await gateway.stop();
    await Deno.remove(gateway.dataDir, { recursive: true }).catch(() => {});
  }
}

/** A CPU share of one core with a tenth of a percent. */
function corePct(cores: number): string {
  return Number.isFinite(cores) ? `${(cores * 100).toFixed(1)} %` : "–";
}

/** "met" or "NOT met". */
function verdict(met: boolean): string {
  return met ? "met" : "NOT met";
}

/** The report section and the targets' summary lines of `runs`. */
function render(
  runs: Run[],
  { idleSeconds, probeMs }: { idleSeconds: number; probeMs: number },
): Section & { summary: string[] } {
  const memory = table(
    [
      "--workers",
      "clients",
      "RSS at 0",
      "at 10",
      `at ${num(runs[0].clients)}`,
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
  const latency = table(
    ["--workers", "hosted", "getMe p50 ms", "p99 ms", "calls", "p50 ratio"],
    runs.flatMap((run) => [
      [
        run.workers,
        FEW,
        ms(run.few.p50),
        ms(run.few.p99),
        num(run.few.count),
        "",
      ],
      [
        run.workers,
        num(run.clients),
        ms(run.many.p50),
        ms(run.many.p99),
        num(run.many.count),
        ratio(run.many.p50 / run.few.p50),
      ],
    ]),
  );
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

  const summary = runs.flatMap((run) => {
    const label = `clients, --workers ${run.workers}, ${num(run.clients)}`;
    const kib = kibPerClient(run.rssIdle, run.rssMany, run.clients);
    const per1000 = coresPer1000(run.idleCpu.gateway, run.clients);
    const p50Ratio = run.many.p50 / run.few.p50;
    return [
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
      } of that with ${FEW} hosted (target ≤ ${ratio(TARGET_P50_RATIO)}): ${
        verdict(p50Ratio <= TARGET_P50_RATIO)
      }`,
    ];
  });

  const markdown = [
    `The gateway CLI with \`--idle-timeout 0\`, its clients emulator bots (a fresh emulator per gateway) each logged in with one getMe (${LOGIN_CONCURRENCY} in flight), then ${idleSeconds} s idle with no HTTP connection open. RSS is VmRSS of the gateway process (its workers are threads); "per client" is (RSS after N − RSS at 0) / N, "10 → N" leaves out the first clients' one-time cost. Idle CPU is utime + stime over the idle interval, as a share of one core.`,
    memory,
    `getMe to one bot, one call in flight, ${probeMs} ms after ${PROBE_WARMUP} unmeasured calls: with ${FEW} clients hosted, and again with all of them hosted (after the idle interval).`,
    latency,
    threads,
    ...(failures.length ? [failures.join("\n")] : []),
  ].join("\n\n");
  return {
    title: "Many clients: memory, idle CPU, calls (issue 18)",
    markdown,
    summary,
  };
}

/** Hosts many clients on the gateway and measures what they cost; returns the report section. */
export async function benchManyClients(
  options: ManyClientsOptions = {},
): Promise<Section & { summary: string[] }> {
  const {
    clients = 1000,
    workers = [1, 2],
    idleSeconds = 30,
    probeMs = 3000,
  } = options;
  if (!Number.isInteger(clients) || clients < FEW) {
    throw new Error(`--clients must be an integer ≥ ${FEW}, got ${clients}`);
  }
  const runs: Run[] = [];
  for (const count of workers) {
    // A fresh emulator each time: the sessions a stopped gateway left would blur its memory per client.
    const dc = await startDc();
    try {
      const bots = await createBots(dc, clients);
      runs.push(
        await measureWorkers({
          dc,
          bots,
          workers: count,
          idleSeconds,
          probeMs,
        }),
      );
    } finally {
      await dc.stop();
    }
  }
  return render(runs, { idleSeconds, probeMs });
}
