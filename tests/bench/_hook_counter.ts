/** A webhook receiver for many bots at once: counts each bot's message texts, by the bot id in the path. */
import { sleep } from "./_stats.ts";

/** A running receiver. */
export interface HookCounter {
  /** The webhook URL for the bot with this id. */
  urlFor(botId: number): string;
  /** Resolves once every bot in `expected` got its text; rejects after `timeoutMs`, saying how many did. */
  untilAll(
    expected: Map<number, string>,
    options: { timeoutMs: number },
  ): Promise<void>;
  /** How many bots in `expected` got their text. */
  delivered(expected: Map<number, string>): number;
  /** How many times one of the `expected` texts arrived again. */
  duplicates(expected: Map<number, string>): number;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port. */
export function startHookCounter(): HookCounter {
  // Bot id → text → times received.
  const received = new Map<number, Map<string, number>>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (request) => {
      const botId = Number(new URL(request.url).pathname.split("/").at(-1));
      const updates = await request.json() as {
        message?: { text?: string };
      }[];
      let texts = received.get(botId);
      if (!texts) received.set(botId, texts = new Map());
      for (const update of updates) {
        const text = update.message?.text;
        if (text !== undefined) texts.set(text, (texts.get(text) ?? 0) + 1);
      }
      return new Response("ok");
    },
  );
  const base = `http://127.0.0.1:${server.addr.port}/hook`;
  const delivered = (expected: Map<number, string>) => {
    let count = 0;
    for (const [botId, text] of expected) {
      if (received.get(botId)?.has(text)) count++;
    }
    return count;
  };
  return {
    urlFor: (botId) => `${base}/${botId}`,
    async untilAll(expected, { timeoutMs }) {
      const deadline = performance.now() + timeoutMs;
      while (delivered(expected) < expected.size) {
        if (performance.now() > deadline) {
          throw new Error(
            `after ${timeoutMs} ms only ${
              delivered(expected)
            } of ${expected.size} webhooks got their message`,
          );
        }
        await sleep(20);
      }
    },
    delivered,
    duplicates(expected) {
      let extra = 0;
      for (const [botId, text] of expected) {
        extra += Math.max(0, (received.get(botId)?.get(text) ?? 0) - 1);
      }
      return extra;
    },
    close: () => server.shutdown(),
  };
}
