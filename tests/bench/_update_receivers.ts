/**
 * The receivers of the updates benchmark (a direct mtcute client, a
 * long-polling loop, a webhook server) and its two kinds of run: one message
 * at a time, and a burst.
 */
import type { TelegramClient } from "@mtcute/core/client.js";
import {
  type Bot,
  type Dc,
  type Gateway,
  gatewayCall,
  messageTexts,
  say,
  type WireUpdate,
} from "./_world.ts";
import { cpuSeconds, sleep } from "./_stats.ts";

/**
 * Counts arrivals of the current run's messages. Texts are
 * `bench <run> <sequence> <performance.now() at send>`; anything else (an
 * earlier run's leftovers, /start) is ignored.
 */
export class Arrivals {
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
export interface Receiver {
  name: string;
  bot: Bot;
  arrivals: Arrivals;
  stop(): Promise<void>;
}

/** The direct baseline: an mtcute client's onNewMessage in this process. */
export function directReceiver(client: TelegramClient, bot: Bot): Receiver {
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
export function longPollReceiver(gateway: Gateway, bot: Bot): Receiver {
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
export async function webhookReceiver(
  gateway: Gateway,
  bot: Bot,
): Promise<Receiver> {
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
export async function latencyRun(
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
export interface BurstResult {
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
export async function burstRun(
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
