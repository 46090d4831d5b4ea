/** End to end: --idle-timeout unloads clients nobody uses, and the next call brings them back. */
import { assert, assertEquals } from "../assert.ts";
import {
  botLogins,
  messageTexts,
  readJson,
  startBot,
  until,
  withWorld,
} from "./harness.ts";
import type { Gateway } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** Whether the stats say the (only) bot client is loaded in a worker. */
async function botLoaded(gateway: Gateway): Promise<boolean> {
  const stats = await gateway.stats();
  const bots = stats.clients.filter((c: { kind: string }) => c.kind === "bot");
  assertEquals(bots.length, 1);
  return bots[0].loaded;
}

Deno.test(
  "--idle-timeout unloads an unused client, never during a long poll, and the next call catches up from its session",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      await startBot({ dc, gateway, bot, userId });
      // A poll longer than the idle timeout keeps the client loaded while it waits.
      const poll = gateway.fetch(`/bot${bot.token}/getUpdates?timeout=3`)
        .then(readJson);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assertEquals(await botLoaded(gateway), true);
      assertEquals((await poll).body, []);

      const unloadedAfter = await until(
        async () => !(await botLoaded(gateway)),
        10_000,
        "unloading the idle client",
      );
      assert(unloadedAfter < 5_000, `unloaded after ${unloadedAfter} ms`);

      // Sent while no client is up: the next call logs in from the saved session and catches up.
      await dc.control("POST", "/messages", {
        from: userId,
        to: bot.id,
        text: "while you were away",
      });
      const updates = await gateway.fetch(
        `/bot${bot.token}/getUpdates?timeout=10`,
      )
        .then(readJson);
      assertEquals(updates.status, 200);
      assertEquals(messageTexts(updates.body), ["while you were away"]);
      assertEquals(await botLoaded(gateway), true);
      assertEquals(await botLogins(dc, bot), 1);
    }, { gatewayArgs: ["--idle-timeout", "1"] }),
);
