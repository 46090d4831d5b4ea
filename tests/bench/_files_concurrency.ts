/**
 * The file benchmark's rounds with company (issue 19): another client's
 * getMe latency while a large upload runs, and two large uploads at once on
 * one worker.
 */
import type { Bot, Gateway } from "./_world.ts";
import { gatewayCall } from "./_world.ts";
import { type LatencySummary, sleep, summarize } from "./_stats.ts";
import type { GeneratedFile, Pids, Transfer } from "./_files_measure.ts";
import { gatewayUpload } from "./_files_transfers.ts";

/** Pause between two getMe calls: light company, a few hundred calls a second at most. */
const PING_GAP_MS = 5;
/** How long the idle getMe figures are taken for. */
const IDLE_PING_MS = 2_000;

/** Another client's getMe latencies (ms) at idle and while a transfer ran, and of a request only the front answers. */
export interface GetMeDuring {
  idle: LatencySummary;
  during: LatencySummary;
  /** A path that names no client (a 404 from the front thread, no worker involved). */
  frontIdle: LatencySummary;
  frontDuring: LatencySummary;
}

/** What one round of the latency loop calls: getMe, and (through a gateway) a request only the front answers. */
export interface Probes {
  getMe: () => Promise<unknown>;
  front?: () => Promise<unknown>;
}

interface Samples {
  getMe: number[];
  front: number[];
}

/** The probes' latencies, one request at a time, until `done` settles. */
async function probeUntil(
  probes: Probes,
  done: Promise<unknown>,
): Promise<Samples> {
  let settled = false;
  done.then(() => settled = true, () => settled = true);
  const samples: Samples = { getMe: [], front: [] };
  const time = async (probe: () => Promise<unknown>, into: number[]) => {
    const start = performance.now();
    await probe();
    into.push(performance.now() - start);
  };
  while (!settled) {
    await time(probes.getMe, samples.getMe);
    if (probes.front) await time(probes.front, samples.front);
    await sleep(PING_GAP_MS);
  }
  return samples;
}

/** Probes for `bot`, another client of `gateway`. */
export function gatewayProbes(gateway: Gateway, bot: Bot): Probes {
  return {
    getMe: () => gatewayCall(gateway, bot, "getMe"),
    front: async () => {
      const response = await gateway.fetch("/no-such-client");
      await response.body?.cancel();
    },
  };
}

/** Runs `work` while the probes run; their idle figures come first. */
export async function getMeDuring<T>(
  probes: Probes,
  work: () => Promise<T>,
): Promise<{ result: T; getMe: GetMeDuring }> {
  const idle = await probeUntil(probes, sleep(IDLE_PING_MS));
  const running = work();
  const during = await probeUntil(probes, running);
  return {
    result: await running,
    getMe: {
      idle: summarize(idle.getMe),
      during: summarize(during.getMe),
      frontIdle: summarize(idle.front),
      frontDuring: summarize(during.front),
    },
  };
}

/** Two uploads that ran at the same time on one gateway. */
export interface TwoUploads {
  uploads: Transfer[];
  /** The gateway's RSS before them. */
  idleRss: number;
  /** Its highest sampled RSS while they ran. */
  peakRss: number;
}

/** Uploads `file` from `bots[0]` and `bots[1]` at once (the same worker when the gateway has one). */
export async function twoUploadsAtOnce(
  input: {
    gateway: Gateway;
    bots: [Bot, Bot];
    userId: number;
    file: GeneratedFile;
    pids: Pids;
    timeoutMs: number;
    idleRss: number;
  },
): Promise<TwoUploads> {
  const { bots, idleRss, ...rest } = input;
  const uploads = await Promise.all(
    bots.map((bot) => gatewayUpload({ ...rest, bot })),
  );
  return {
    uploads,
    idleRss,
    peakRss: Math.max(...uploads.map((upload) => upload.peakRss.gateway)),
  };
}
