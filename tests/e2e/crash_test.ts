/**
 * Crash test: the gateway is killed with SIGKILL while 1,000 messages reach
 * a bot, then restarted; every message must still be delivered. One suite,
 * run against both delivery methods (long polling and webhooks).
 */
import { assert, assertEquals } from "../assert.ts";
import { startGateway, until, withWorld } from "./harness.ts";
import type { WireUpdate as Update, World } from "./harness.ts";
import { startReceiver } from "./_receiver.ts";

const options = { sanitizeOps: false, sanitizeResources: false };
const MESSAGES = 1000;
/** At most one batch in flight may be delivered twice. */
const MAX_DUPLICATES = 100;

/** A way of receiving a bot's updates that survives the gateway being replaced. */
interface Collector {
  start(world: World): Promise<void>;
  /** Every text received so far, duplicates included. */
  received(): string[];
  stop(): Promise<void>;
}

function pollingCollector(): Collector {
  const texts: string[] = [];
  let running = true;
  let loop: Promise<void> | undefined;
  return {
    start(world) {
      loop = (async () => {
        let offset = 0;
        while (running) {
          try {
            const response = await world.gateway.fetch(
              `/bot${world.bot.token}/getUpdates?timeout=2&offset=${offset}`,
            );
            if (!response.ok) {
              await response.body?.cancel();
              continue;
            }
            const updates = await response.json() as Update[];
            for (const update of updates) {
              if (update.type === "message") {
                texts.push(update.message?.text ?? "");
              }
            }
            if (updates.length) offset = updates.at(-1)!.updateId + 1;
          } catch {
            // The gateway is down (killed, restarting): try again shortly.
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      })();
      return Promise.resolve();
    },
    received: () => texts,
    async stop() {
      running = false;
      await loop;
    },
  };
}

function webhookCollector(): Collector {
  const receiver = startReceiver();
  return {
    async start(world) {
      const response = await world.gateway.fetch(
        `/bot${world.bot.token}/setWebhook`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify([receiver.url, { secretToken: "crash-test" }]),
        },
      );
      assertEquals(await response.json(), true);
    },
    received: () =>
      receiver.deliveries.flatMap((d) =>
        (d.updates as Update[]).flatMap((u) =>
          u.type === "message" ? u.message?.text ?? "" : []
        )
      ),
    stop: () => receiver.close(),
  };
}

for (
  const [name, makeCollector] of [["long polling", pollingCollector], [
    "webhook",
    webhookCollector,
  ]] as const
) {
  Deno.test(
    `no update is lost when the gateway is SIGKILLed mid-stream (${name})`,
    options,
    () =>
      withWorld(async (world) => {
        const collector = makeCollector();
        try {
          await world.gateway.fetch(`/bot${world.bot.token}/getMe`).then((r) =>
            r.body?.cancel()
          );
          await collector.start(world);
          const sending = (async () => {
            for (let i = 0; i < MESSAGES; i++) {
              await world.dc.control("POST", "/messages", {
                from: world.userId,
                to: world.bot.id,
                text: `m${i}`,
              });
            }
          })();
          await until(
            () => collector.received().length >= MESSAGES / 5,
            60_000,
            "the first updates",
          );
          const killed = await world.gateway.stop("SIGKILL");
          assertEquals(killed.signal, "SIGKILL");
          world.gateway = await startGateway({
            dc: world.dc,
            dataDir: world.gateway.dataDir,
          });
          await sending;
          await until(
            () => new Set(collector.received()).size >= MESSAGES,
            120_000,
            "every message",
          );

          const received = collector.received();
          const unique = new Set(received);
          const expected = Array.from({ length: MESSAGES }, (_, i) => `m${i}`);
          assertEquals(expected.filter((text) => !unique.has(text)), []);
          const duplicates = received.length - unique.size;
          console.log(
            `${name}: ${MESSAGES} delivered, ${duplicates} duplicate(s) after SIGKILL`,
          );
          assert(
            duplicates <= MAX_DUPLICATES,
            `${duplicates} duplicates: more than one batch was repeated`,
          );
        } finally {
          await collector.stop();
        }
      }),
  );
}
