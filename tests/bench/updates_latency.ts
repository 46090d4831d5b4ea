/**
 * Issue 4: how fast updates reach the program. A user sends messages through
 * the emulator's control API; each text carries its send time, and the
 * receiver computes the latency on arrival. Three receivers, each its own
 * bot: a direct mtcute client's `onNewMessage` in this process (the
 * baseline), a `getUpdates` long-polling loop through the gateway, and a
 * webhook (a local Deno.serve receiver) set with `setWebhook`.
 *
 * - Latency: one message at a time, the next once the previous arrived.
 * - Burst: N messages from a few concurrent senders as fast as the control
 *   API takes them; updates/s until the last one arrived.
 */
import type { TelegramClient } from "@mtcute/core/client.js";
import {
  closeDirect,
  createBot,
  createUser,
  directBot,
  directContext,
  gatewayCall,
  startDc,
  startGateway,
  startGatewayBot,
} from "./_world.ts";
import {
  mib,
  ms,
  num,
  pct,
  ratio,
  rssBytes,
  type Section,
  summarize,
  table,
} from "./_stats.ts";
import {
  type BurstResult,
  burstRun,
  directReceiver,
  latencyRun,
  longPollReceiver,
  type Receiver,
  webhookReceiver,
} from "./_update_receivers.ts";

/** Options of `benchUpdates`. */
export interface UpdatesOptions {
  /** Messages sent one at a time per receiver (default 300). */
  latencyMessages?: number;
  /** Messages in the burst per receiver (default 2000). */
  burstMessages?: number;
  /** Concurrent senders in the burst (default 4). */
  senders?: number;
  /** Longest a latency run may take, in ms (default 30 s). */
  latencyMaxMs?: number;
  /** Longest a burst may take to arrive, in ms (default 90 s). */
  burstMaxMs?: number;
  /**
   * Bursts per receiver, taken in alternating rounds (default 3): the
   * machine's other load comes and goes, and a single burst of each lasts
   * about a second, so one round compares moments more than receivers.
   */
  burstRounds?: number;
}

/** The median of `values` (the mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Arrival rate of one burst, in updates/s. */
function burstRate(result: BurstResult): number {
  return result.arrived / result.arriveSeconds;
}

/** Measures update delivery (see the module comment); returns the report section. */
export async function benchUpdates(
  options: UpdatesOptions = {},
): Promise<Section & { summary: string[] }> {
  const {
    latencyMessages = 300,
    burstMessages = 2000,
    senders = 4,
    latencyMaxMs = 30_000,
    burstMaxMs = 90_000,
    burstRounds = 3,
  } = options;
  const dc = await startDc();
  const gateway = await startGateway({ dc, workers: 1 });
  const context = await directContext(dc);
  const clients: TelegramClient[] = [];
  const receivers: Receiver[] = [];
  const latency: { name: string; latencies: number[]; lost: number }[] = [];
  const bursts: { name: string; results: BurstResult[] }[] = [];
  let gatewayRss = { before: NaN, after: NaN };
  try {
    const userId = await createUser(dc);

    const directBotAccount = await createBot(dc, "updates_direct");
    const client = await directBot(context, directBotAccount);
    clients.push(client);
    receivers.push(directReceiver(client, directBotAccount));

    const pollBot = await createBot(dc, "updates_poll");
    await startGatewayBot({ dc, gateway, bot: pollBot, userId });
    receivers.push(longPollReceiver(gateway, pollBot));

    const hookBot = await createBot(dc, "updates_hook");
    await gatewayCall(gateway, hookBot, "getMe");
    receivers.push(await webhookReceiver(gateway, hookBot));
    gatewayRss.before = rssBytes(gateway.child.process.pid);

    // Warm-up: a few messages through each receiver, not measured.
    for (const receiver of receivers) {
      await latencyRun({ dc, userId, receiver, messages: 5, maxMs: 10_000 });
    }
    for (const receiver of receivers) {
      latency.push({
        name: receiver.name,
        ...await latencyRun({
          dc,
          userId,
          receiver,
          messages: latencyMessages,
          maxMs: latencyMaxMs,
        }),
      });
    }
    for (const receiver of receivers) {
      bursts.push({ name: receiver.name, results: [] });
    }
    for (let round = 0; round < burstRounds; round++) {
      for (const [index, receiver] of receivers.entries()) {
        bursts[index].results.push(
          await burstRun({
            dc,
            gatewayPid: gateway.child.process.pid,
            userId,
            receiver,
            messages: burstMessages,
            senders,
            maxMs: burstMaxMs,
          }),
        );
      }
    }
    gatewayRss = { ...gatewayRss, after: rssBytes(gateway.child.process.pid) };
  } finally {
    for (const receiver of receivers) await receiver.stop().catch(() => {});
    await closeDirect(context, clients);
    await gateway.stop();
    await Deno.remove(gateway.dataDir, { recursive: true }).catch(() => {});
    await dc.stop();
  }

  const base = summarize(latency[0].latencies);
  const latencyRows = latency.map(({ name, latencies, lost }) => {
    const s = summarize(latencies);
    return [
      name,
      s.count,
      ms(s.p50),
      ms(s.p99),
      ms(s.max),
      latencies === latency[0].latencies ? "–" : ms(s.p50 - base.p50),
      lost,
    ];
  });
  const directRates = bursts[0].results.map(burstRate);
  const baseRate = median(directRates);
  const burstRows = bursts.map(({ results }, index) => {
    const rates = results.map(burstRate);
    const rate = median(rates);
    const s = summarize(results.flatMap((result) => result.latencies));
    // Each round against the direct burst of the same round: how far the ratio moved.
    const roundRatios = rates.map((each, round) => each / directRates[round]);
    const seconds = results.reduce((sum, r) => sum + r.arriveSeconds, 0);
    const cpu = (key: keyof BurstResult["cpu"]) =>
      pct(results.reduce((sum, r) => sum + r.cpu[key], 0) / seconds);
    return [
      bursts[index].name,
      `${results.reduce((sum, r) => sum + r.arrived, 0)} / ${
        results.reduce((sum, r) => sum + r.messages, 0)
      }`,
      num(median(results.map((r) => r.messages / r.sendSeconds))),
      num(rate),
      index === 0 ? "–" : ratio(rate / baseRate),
      index === 0
        ? "–"
        : `${ratio(Math.min(...roundRatios))}–${
          ratio(Math.max(...roundRatios))
        }`,
      `${ms(s.p50)} / ${ms(s.p99)}`,
      cpu("emulator"),
      index === 0 ? "–" : cpu("gateway"),
      // Less swayed by the machine's other load than a rate: what one update costs the gateway.
      index === 0 ? "–" : ms(
        1000 * results.reduce((sum, r) => sum + r.cpu.gateway, 0) /
          results.reduce((sum, r) => sum + r.arrived, 0),
      ),
      cpu("bench"),
      results.reduce((sum, r) => sum + r.duplicates, 0),
    ];
  });
  const summary = latency.slice(1).map(({ name, latencies }) =>
    `${name}: update latency p50 ${ms(summarize(latencies).p50)} ms vs ${
      ms(base.p50)
    } ms direct (+${ms(summarize(latencies).p50 - base.p50)} ms); burst ${
      num(median(bursts.find((b) => b.name === name)!.results.map(burstRate)))
    } updates/s vs ${num(baseRate)} direct`
  );
  const markdown = [
    "Latency from just before the control API call that sends a message to its arrival at the receiver " +
    "(both ends in the bench process), one message at a time. Milliseconds.",
    "",
    table(
      ["Receiver", "Messages", "p50", "p99", "max", "Added p50", "Lost"],
      latencyRows,
    ),
    "",
    `Burst: ${burstMessages} messages from ${senders} concurrent senders through the control API, ` +
    `${burstRounds} rounds alternating between the receivers; ` +
    "sent/s is how fast the emulator took them, arrived/s counts until the last arrived (both the median round), " +
    "per round is the lowest and highest ratio of a round against the direct burst of the same round; " +
    "the latency (over every round) includes the wait in the senders' queue behind the earlier messages. " +
    "CPU as a share of one core over the arrival time (and the gateway's, all threads, per update arrived).",
    "",
    table([
      "Receiver",
      "Arrived",
      "Sent/s",
      "Arrived/s",
      "vs direct",
      "Per round",
      "p50 / p99 latency",
      "Emulator CPU",
      "Gateway CPU",
      "Gateway CPU ms/update",
      "Bench CPU",
      "Duplicates",
    ], burstRows),
    "",
    `Gateway VmRSS (--workers 1, 2 bots): ${mib(gatewayRss.before)} before, ${
      mib(gatewayRss.after)
    } after the bursts.`,
  ].join("\n");
  return { title: "Updates: latency and rate (issue 4)", markdown, summary };
}
