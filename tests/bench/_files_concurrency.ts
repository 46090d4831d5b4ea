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

/** Another client's getMe latencies (ms) at idle and while a transfer ran. */
export interface GetMeDuring {
  idle: LatencySummary;
  during: LatencySummary;
}

/** `bot`'s getMe latencies, one call at a time, until `done` settles. */
async function getMeUntil(
  gateway: Gateway,
  bot: Bot,
  done: Promise<unknown>,
): Promise<number[]> {
  let settled = false;
  done.then(() => settled = true, () => settled = true);
  const samples: number[] = [];
  while (!settled) {
    const start = performance.now();
    await gatewayCall(gateway, bot, "getMe");
    samples.push(performance.now() - start);
    await sleep(PING_GAP_MS);
  }
  return samples;
}

/** Runs `work` while `bot` (another client of the same gateway) calls getMe; its idle figures come first. */
export async function getMeDuring<T>(
  gateway: Gateway,
  bot: Bot,
  work: () => Promise<T>,
): Promise<{ result: T; getMe: GetMeDuring }> {
  const idle = summarize(await getMeUntil(gateway, bot, sleep(IDLE_PING_MS)));
  const running = work();
  const during = summarize(await getMeUntil(gateway, bot, running));
  return { result: await running, getMe: { idle, during } };
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
