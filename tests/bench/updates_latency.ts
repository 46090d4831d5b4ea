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
  type Bot,
  closeDirect,
  createBot,
  createUser,
  type Dc,
  directBot,
  directContext,
  type Gateway,
  gatewayCall,
  messageTexts,
  say,
  startDc,
  startGateway,
  startGatewayBot,
  type WireUpdate,
} from "./_world.ts";
import {
  cpuSeconds,
  mib,
  ms,
  num,
  pct,
  ratio,
  rssBytes,
  type Section,
  sleep,
  summarize,
  table,
} from "./_stats.ts";

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
}

/**
 * Counts arrivals of the current run's messages. Texts are
 * `bench <run> <sequence> <performance.now() at send>`; anything else (an
 * earlier run's leftovers, /start) is ignored.
 */
class Arrivals {
  run = 0;
  expected = 0;
  readonly latencies: number[] = [];
  readonly #seen = new Set<number>();
  lastAt = 0;
  duplicates = 0;
  #listener?: () => void;

  /** Starts counting a new run of `expected` messages; returns its id. */
  begin(expected: number): number {
    this.run++;
    this.expected = expected;
    this.latencies.length = 0;
    this.#seen.clear();
    this.duplicates = 0;
    return this.run;
  }

  get count(): number {
    return this.#seen.size;
  }

  has(sequence: number): boolean {
    return this.#seen.has(sequence);
  }

  /** Records one received text. */
  receive(text: string | undefined): void {
    const match = text?.match(/^bench (\d+) (\d+) ([\d.]+)$/);
    if (!match || Number(match[1]) !== this.run) return;
    const now = performance.now();
    const sequence = Number(match[2]);
    if (this.#seen.has(sequence)) {
      this.duplicates++;
      return;
    }
    this.#seen.add(sequence);
    this.latencies.push(now - Number(match[3]));
    this.lastAt = now;
    this.#listener?.();
  }

  /** Resolves once `done()` holds after an arrival; false after `timeoutMs`. */
  until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.#listener = undefined;
        resolve(value);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.#listener = () => done() && finish(true);
    });
  }
}

/** A receiver under test: how its updates arrive. */
interface Receiver {
  name: string;
  bot: Bot;
  arrivals: Arrivals;
  stop(): Promise<void>;
}

/** The direct baseline: an mtcute client's onNewMessage in this process. */
function directReceiver(client: TelegramClient, bot: Bot): Receiver {
  const arrivals = new Arrivals();
  client.onNewMessage.add((message) => arrivals.receive(message.text));
  return {
    name: "direct mtcute onNewMessage",
    bot,
    arrivals,
    stop: () => Promise.resolve(),
  };
}

/** A getUpdates loop with offset confirmation, as a long-polling program would run it. */
function longPollReceiver(gateway: Gateway, bot: Bot): Receiver {
  const arrivals = new Arrivals();
  let stopping = false;
  let offset: number | undefined;
  const loop = (async () => {
    while (!stopping) {
      try {
        // A short timeout lets the loop notice `stop` soon; an update ends the wait at once anyway.
        const updates = await gatewayCall<WireUpdate[]>(
          gateway,
          bot,
          "getUpdates",
          [{ timeout: 2, limit: 100, ...(offset ? { offset } : {}) }],
        );
        for (const text of messageTexts(updates)) arrivals.receive(text);
        if (updates.length) offset = updates.at(-1)!.updateId + 1;
      } catch (error) {
        if (!stopping) console.error(`long poll: ${error}`);
        await sleep(100);
      }
    }
  })();
  return {
    name: "gateway getUpdates (long polling)",
    bot,
    arrivals,
    async stop() {
      stopping = true;
      await loop;
    },
  };
}

/** A local webhook receiver; the gateway's bot gets `setWebhook` pointing at it. */
async function webhookReceiver(gateway: Gateway, bot: Bot): Promise<Receiver> {
  const arrivals = new Arrivals();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      for (const text of messageTexts(await req.json())) arrivals.receive(text);
      return new Response("ok");
    },
  );
  await gatewayCall(gateway, bot, "setWebhook", [
    `http://127.0.0.1:${server.addr.port}/hook`,
  ]);
  return {
    name: "gateway webhook",
    bot,
    arrivals,
    async stop() {
      await gatewayCall(gateway, bot, "deleteWebhook").catch(() => {});
      await server.shutdown();
    },
  };
}

function text(run: number, sequence: number): string {
  return `bench ${run} ${sequence} ${performance.now()}`;
}

/** One message at a time; the next is sent once the previous arrived. */
async function latencyRun(
  { dc, userId, receiver, messages, maxMs }: {
    dc: Dc;
    userId: number;
    receiver: Receiver;
    messages: number;
    maxMs: number;
  },
): Promise<{ latencies: number[]; lost: number }> {
  const { arrivals, bot } = receiver;
  const run = arrivals.begin(messages);
  const deadline = performance.now() + maxMs;
  let lost = 0;
  for (let i = 0; i < messages && performance.now() < deadline; i++) {
    await say(dc, { from: userId, to: bot.id, text: text(run, i) });
    if (!await arrivals.until(() => arrivals.has(i), 10_000)) lost++;
  }
  return { latencies: [...arrivals.latencies], lost };
}

/** What one burst measured. */
interface BurstResult {
  messages: number;
  arrived: number;
  /** Until the control API accepted the last message. */
  sendSeconds: number;
  /** Until the last message arrived. */
  arriveSeconds: number;
  latencies: number[];
  duplicates: number;
  cpu: { emulator: number; gateway: number; bench: number };
}

/** `messages` sent by `senders` concurrent senders as fast as they can; waits for all to arrive. */
async function burstRun(
  { dc, gatewayPid, userId, receiver, messages, senders, maxMs }: {
    dc: Dc;
    gatewayPid: number;
    userId: number;
    receiver: Receiver;
    messages: number;
    senders: number;
    maxMs: number;
  },
): Promise<BurstResult> {
  const { arrivals, bot } = receiver;
  const run = arrivals.begin(messages);
  const cpuBefore = {
    emulator: cpuSeconds(dc.child.process.pid),
    gateway: cpuSeconds(gatewayPid),
    bench: cpuSeconds("self"),
  };
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < messages && performance.now() - started < maxMs) {
        const sequence = next++;
        await say(dc, { from: userId, to: bot.id, text: text(run, sequence) });
      }
    }),
  );
  const sendSeconds = (performance.now() - started) / 1000;
  await arrivals.until(
    () => arrivals.count >= messages,
    Math.max(1, maxMs - (performance.now() - started)),
  );
  const end = arrivals.count >= messages ? arrivals.lastAt : performance.now();
  const seconds = (end - started) / 1000;
  return {
    messages,
    arrived: arrivals.count,
    sendSeconds,
    arriveSeconds: seconds,
    latencies: [...arrivals.latencies],
    duplicates: arrivals.duplicates,
    cpu: {
      emulator: cpuSeconds(dc.child.process.pid) - cpuBefore.emulator,
      gateway: cpuSeconds(gatewayPid) - cpuBefore.gateway,
      bench: cpuSeconds("self") - cpuBefore.bench,
    },
  };
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
  } = options;
  const dc = await startDc();
  const gateway = await startGateway({ dc, workers: 1 });
  const context = await directContext(dc);
  const clients: TelegramClient[] = [];
  const receivers: Receiver[] = [];
  const latency: { name: string; latencies: number[]; lost: number }[] = [];
  const bursts: { name: string; result: BurstResult }[] = [];
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
      bursts.push({
        name: receiver.name,
        result: await burstRun({
          dc,
          gatewayPid: gateway.child.process.pid,
          userId,
          receiver,
          messages: burstMessages,
          senders,
          maxMs: burstMaxMs,
        }),
      });
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
  const baseRate = bursts[0].result.arrived / bursts[0].result.arriveSeconds;
  const burstRows = bursts.map(({ name, result }) => {
    const s = summarize(result.latencies);
    const rate = result.arrived / result.arriveSeconds;
    return [
      name,
      `${result.arrived} / ${result.messages}`,
      num(result.messages / result.sendSeconds),
      num(rate),
      result === bursts[0].result ? "–" : ratio(rate / baseRate),
      `${ms(s.p50)} / ${ms(s.p99)}`,
      pct(result.cpu.emulator / result.arriveSeconds),
      result === bursts[0].result
        ? "–"
        : pct(result.cpu.gateway / result.arriveSeconds),
      pct(result.cpu.bench / result.arriveSeconds),
      result.duplicates,
    ];
  });
  const summary = latency.slice(1).map(({ name, latencies }) =>
    `${name}: update latency p50 ${ms(summarize(latencies).p50)} ms vs ${
      ms(base.p50)
    } ms direct (+${ms(summarize(latencies).p50 - base.p50)} ms); burst ${
      num(
        bursts.find((b) => b.name === name)!.result.arrived /
          bursts.find((b) => b.name === name)!.result.arriveSeconds,
      )
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
    `Burst: ${burstMessages} messages from ${senders} concurrent senders through the control API; ` +
    "sent/s is how fast the emulator took them, arrived/s counts until the last arrived; " +
    "the latency includes the wait in the senders' queue behind the earlier messages. " +
    "CPU as a share of one core over the arrival time.",
    "",
    table([
      "Receiver",
      "Arrived",
      "Sent/s",
      "Arrived/s",
      "vs direct",
      "p50 / p99 latency",
      "Emulator CPU",
      "Gateway CPU",
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
