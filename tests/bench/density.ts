/**
 * Issue 18: how many clients one gateway holds. The real gateway CLI
 * (`--idle-timeout 0`, so nothing is unloaded) hosts N emulator bots, each
 * logged in with one getMe and given a webhook; after they settle (idle
 * databases close) everything idles. Reported: gateway RSS at 0, 10 and N
 * clients, idle CPU (per thread too), login rate, the emulator's RSS, getMe
 * p50 against a second gateway hosting 10 (probed in alternating rounds, so
 * both see the same machine), and a restart: SIGTERM, one message to every
 * bot while it is down, and the time until every webhook got its message.
 */
import { HttpLoadClient } from "./_http_load.ts";
import {
  type Bot,
  botPath,
  createBot,
  createUser,
  type Dc,
  type Gateway,
  say,
  startDc,
  startGateway,
} from "./_world.ts";
import {
  CpuMeter,
  type LatencySummary,
  rssBytes,
  runLoad,
  type Section,
  sleep,
} from "./_stats.ts";
import {
  openDescriptors,
  sampleDescriptorPeak,
  threadCores,
  threadSeconds,
} from "./_proc.ts";
import { startHookCounter } from "./_hook_counter.ts";
import {
  CONCURRENCY,
  type DensityRun,
  FEW,
  PROBE_WARMUP,
  renderDensity,
} from "./_density_report.ts";
import { DEFAULT_IDLE_CLOSE_MS } from "../../src/storage/session_database.ts";

/** Options of `benchDensity`. */
export interface DensityOptions {
  /** Clients hosted at once (default 1000; the targets are 1,000 and 10,000). */
  clients?: number;
  /** `--workers` values, one gateway each (default 1 and 2). */
  workers?: number[];
  /** How long everything idles while CPU is measured, in seconds (default 30). */
  idleSeconds?: number;
  /** Rounds of alternating getMe probes (default 6). */
  probeRounds?: number;
  /** Length of each probe round per gateway, in ms (default 500). */
  probeMs?: number;
}

/**
 * mtcute writes the peers a call brought 30 s later (its storage's
 * `updatesWriteInterval`), opening the client's database again, which then
 * closes after DEFAULT_IDLE_CLOSE_MS, swept every half of it: idle is
 * measured once all of that is past. (Before, the window caught the
 * deferred writes of the last clients to log in: at 1,000 clients, most.)
 */
const MTCUTE_PEER_WRITE_MS = 30_000;
const SETTLE_MS = MTCUTE_PEER_WRITE_MS + DEFAULT_IDLE_CLOSE_MS * 1.5 + 5_000;

/** Creates `count` bots in the emulator, several requests in flight. */
async function createBots(dc: Dc, count: number): Promise<Bot[]> {
  const bots: Bot[] = [];
  const result = await runLoad({
    concurrency: CONCURRENCY,
    maxOps: count,
    maxMs: Infinity,
    warmupOps: 0,
    op: async () => bots.push(await createBot(dc, "dense")),
  });
  if (result.errors) throw new Error(`POST /bots: ${result.firstError}`);
  return bots;
}

/** Calls `method` once on each of `bots`; returns the rate. */
async function callEach(
  gateway: Gateway,
  bots: Bot[],
  method: string,
  args: (bot: Bot) => unknown[] = () => [],
): Promise<{ perSecond: number; errors: number; firstError?: string }> {
  if (!bots.length) return { perSecond: 0, errors: 0 };
  const http = await HttpLoadClient.open(
    gateway.url,
    Math.min(CONCURRENCY, bots.length),
  );
  try {
    const { perSecond, errors, firstError } = await runLoad({
      concurrency: Math.min(CONCURRENCY, bots.length),
      maxOps: bots.length,
      maxMs: Infinity,
      warmupOps: 0,
      op: (slot, sequence) =>
        http.post(
          slot,
          botPath(bots[sequence], method),
          args(bots[sequence]),
        ),
    });
    return { perSecond, errors, firstError };
  } finally {
    http.close();
  }
}

/** getMe to one bot of each gateway, one call in flight, in alternating rounds. */
async function alternatingProbes(
  targets: { gateway: Gateway; bot: Bot }[],
  { rounds, probeMs }: { rounds: number; probeMs: number },
): Promise<{ p50: number; p99: number; calls: number }[]> {
  const clients = await Promise.all(
    targets.map(({ gateway }) => HttpLoadClient.open(gateway.url, 1)),
  );
  const median = (values: number[]) =>
    values.sort((a, b) => a - b)[values.length >> 1];
  try {
    const run = (index: number, ms: number, warmupOps: number) =>
      runLoad({
        concurrency: 1,
        maxOps: 100_000,
        maxMs: ms,
        warmupOps,
        op: () =>
          clients[index].post(0, botPath(targets[index].bot, "getMe"), []),
      });
    for (let index = 0; index < targets.length; index++) {
      await run(index, 0, PROBE_WARMUP);
    }
    const rows: LatencySummary[][] = targets.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (let index = 0; index < targets.length; index++) {
        const result = await run(index, probeMs, 0);
        if (result.errors) throw new Error(`probe: ${result.firstError}`);
        rows[index].push(result);
      }
    }
    return rows.map((results) => ({
      p50: median(results.map((result) => result.p50)),
      p99: median(results.map((result) => result.p99)),
      calls: results.reduce((sum, result) => sum + result.count, 0),
    }));
  } finally {
    for (const client of clients) client.close();
  }
}

/** One gateway with `--workers`: 0, 10, then every bot hosted with a webhook; idle; probes; restart. */
async function measureWorkers(
  { dc, bots, reference, workers, idleSeconds, probeRounds, probeMs }: {
    dc: Dc;
    bots: Bot[];
    reference: { gateway: Gateway; bot: Bot };
    workers: number;
    idleSeconds: number;
    probeRounds: number;
    probeMs: number;
  },
): Promise<DensityRun> {
  const extraArgs = ["--idle-timeout", "0"];
  const hooks = startHookCounter();
  let gateway = await startGateway({ dc, workers, extraArgs });
  const emulatorPid = dc.child.process.pid;
  try {
    // Let the workers finish booting before the 0-client figure.
    await sleep(1000);
    const rssIdle = rssBytes(gateway.child.process.pid);
    const emulatorRssBefore = rssBytes(emulatorPid);
    const fewLogin = await callEach(gateway, bots.slice(0, FEW), "getMe");
    if (fewLogin.errors) throw new Error(`login: ${fewLogin.firstError}`);
    const rssFew = rssBytes(gateway.child.process.pid);
    const login = await callEach(gateway, bots.slice(FEW), "getMe");
    const hooked = await callEach(
      gateway,
      bots,
      "setWebhook",
      (bot) => [hooks.urlFor(bot.id)],
    );
    if (hooked.errors) throw new Error(`setWebhook: ${hooked.firstError}`);
    await sleep(SETTLE_MS);

    const pid = gateway.child.process.pid;
    const meter = new CpuMeter({ gateway: pid, emulator: emulatorPid });
    const threadsBefore = threadSeconds(pid);
    const idleStarted = performance.now();
    await sleep(idleSeconds * 1000);
    const idleCpu = meter.read() as DensityRun["idleCpu"];
    const threads = threadCores(
      threadsBefore,
      threadSeconds(pid),
      (performance.now() - idleStarted) / 1000,
    );
    const rssMany = rssBytes(pid);
    const emulatorRssAfter = rssBytes(emulatorPid);
    const [few, many] = await alternatingProbes(
      [reference, { gateway, bot: bots[0] }],
      { rounds: probeRounds, probeMs },
    );

    // Restart: what arrives while the gateway is down must reach every webhook once it is back.
    await gateway.stop("SIGTERM");
    const user = await createUser(dc);
    const texts = new Map(bots.map((bot, i) => [bot.id, `while down ${i}`]));
    const sent = await runLoad({
      concurrency: CONCURRENCY,
      maxOps: bots.length,
      maxMs: Infinity,
      warmupOps: 0,
      op: (_slot, i) =>
        say(dc, { from: user, to: bots[i].id, text: texts.get(bots[i].id)! }),
    });
    if (sent.errors) throw new Error(`POST /messages: ${sent.firstError}`);
    const restartMeter = new CpuMeter({ emulator: emulatorPid });
    const restarted = performance.now();
    gateway = await startGateway({
      dc,
      workers,
      dataDir: gateway.dataDir,
      extraArgs,
    });
    const gatewayMeter = new CpuMeter({ gateway: gateway.child.process.pid });
    const descriptorPeak = sampleDescriptorPeak(gateway.child.process.pid);
    await hooks.untilAll(texts, {
      timeoutMs: Math.max(120_000, bots.length * 100),
    });
    const seconds = (performance.now() - restarted) / 1000;
    const peakOpen = descriptorPeak();
    const counted = (await gateway.stats()).descriptors!;
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
      restart: {
        seconds,
        delivered: hooks.delivered(texts),
        duplicates: hooks.duplicates(texts),
        rssAfter: rssBytes(gateway.child.process.pid),
        emulatorCpu: restartMeter.read().emulator,
        gatewayCpu: gatewayMeter.read().gateway,
        descriptors: {
          peakOpen,
          open: openDescriptors(gateway.child.process.pid),
          counted: counted.inUse,
          reserved: counted.reserved,
          limit: counted.limit,
        },
      },
    };
  } catch (error) {
    // What the gateway printed last says why it failed (or died).
    throw new Error(
      `${
        error instanceof Error ? error.message : error
      }\n--- gateway output (end):\n${gateway.child.output().slice(-3000)}`,
      { cause: error },
    );
  } finally {
    await gateway.stop();
    await hooks.close();
    await Deno.remove(gateway.dataDir, { recursive: true }).catch(() => {});
  }
}

/** Hosts many clients on the gateway and measures what they cost; returns the report section. */
export async function benchDensity(
  options: DensityOptions = {},
): Promise<Section & { summary: string[] }> {
  const {
    clients = 1000,
    workers = [1, 2],
    idleSeconds = 30,
    probeRounds = 6,
    probeMs = 500,
  } = options;
  if (!Number.isInteger(clients) || clients < FEW) {
    throw new Error(`--clients must be an integer ≥ ${FEW}, got ${clients}`);
  }
  const runs: DensityRun[] = [];
  for (const count of workers) {
    // A fresh emulator each time: the sessions a stopped gateway left would blur its memory per client.
    const dc = await startDc();
    let reference: Gateway | undefined;
    try {
      const [bots, referenceBots] = await Promise.all([
        createBots(dc, clients),
        createBots(dc, FEW),
      ]);
      reference = await startGateway({
        dc,
        workers: 1,
        extraArgs: ["--idle-timeout", "0"],
      });
      const referenceLogin = await callEach(reference, referenceBots, "getMe");
      if (referenceLogin.errors) {
        throw new Error(`reference login: ${referenceLogin.firstError}`);
      }
      runs.push(
        await measureWorkers({
          dc,
          bots,
          reference: { gateway: reference, bot: referenceBots[0] },
          workers: count,
          idleSeconds,
          probeRounds,
          probeMs,
        }),
      );
    } finally {
      await reference?.stop();
      if (reference) {
        await Deno.remove(reference.dataDir, { recursive: true }).catch(
          () => {},
        );
      }
      await dc.stop();
    }
  }
  return renderDensity(runs, {
    idleSeconds,
    settleSeconds: SETTLE_MS / 1000,
    probeRounds,
    probeMs,
  });
}
