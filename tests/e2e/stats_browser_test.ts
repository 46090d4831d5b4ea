/**
 * End to end: known traffic through the gateway against the emulator, then
 * the stats page in headless Chromium (Debian's, driven by playwright-core):
 * the figures shown match the traffic, the page refreshes itself, and no
 * token, user id or phone number appears in its HTML, JSON or metrics. The
 * screenshot is kept in test-artifacts/stats.png.
 */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { clientLabel } from "../../src/client_id.ts";
import type { StatsSnapshot } from "../../src/stats/snapshot.ts";
import { launchBrowser } from "./_browser.ts";
import { addUser } from "./_add_user.ts";
import { readJson, withWorld } from "./harness.ts";
import type { World } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };
const ROOT = new URL("../../", import.meta.url).pathname;
const ARTIFACTS = `${ROOT}test-artifacts`;
const STATS_TOKEN = "e2e-stats-token-0123456789";
/** The phone `withWorld` gives Alice. */
const PHONE = "15550001";
/** Well-formed, but no such account: a 404 that must leave no trace. */
const UNKNOWN_USER = "userZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ";

async function times(n: number, fetchOne: () => Promise<Response>) {
  for (let i = 0; i < n; i++) await (await fetchOne()).body?.cancel();
}

/** Polls the JSON until `ready` holds (updates reach the queue asynchronously). */
async function snapshotWhen(
  world: World,
  ready: (snapshot: StatsSnapshot) => boolean,
): Promise<StatsSnapshot> {
  const deadline = Date.now() + 15_000;
  while (true) {
    const snapshot = await (await world.gateway.fetch("/stats.json", {
      headers: { authorization: `Bearer ${STATS_TOKEN}` },
    })).json() as StatsSnapshot;
    if (ready(snapshot) || Date.now() > deadline) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

Deno.test(
  "the stats page in Chromium shows the traffic's figures and no secret",
  options,
  () =>
    withWorld(async (world) => {
      const { dc, gateway, bot, userId: aliceId } = world;
      const endpoint = await addUser(dc, gateway.dataDir);
      const botPath = `/bot${bot.token}`;

      // Known traffic: bot 18 requests (3 input errors, 1 FLOOD_WAIT), user 4, 2 stray 404s.
      await times(12, () => gateway.fetch(`${botPath}/getMe`));
      await times(3, () => gateway.fetch(`${botPath}/noSuchMethod`));
      await dc.control("POST", "/messages", {
        from: aliceId,
        to: bot.id,
        text: "/start",
      });
      const started = await readJson(
        await gateway.fetch(`${botPath}/getUpdates?timeout=10`),
      );
      const [{ updateId }] = started.body as { updateId: number }[];
      await times(
        1,
        () =>
          gateway.fetch(
            `${botPath}/getUpdates?offset=${updateId + 1}&timeout=0`,
          ),
      );
      await dc.control("POST", "/faults", {
        method: "messages.sendMessage",
        error: "FLOOD_WAIT_42",
        times: 1,
      });
      const flood = await gateway.fetch(
        `${botPath}/mtcute.sendText?${aliceId}&"hi"`,
      );
      assertEquals([flood.status, await flood.json()], [420, "FLOOD_WAIT_42"]);
      await times(4, () => gateway.fetch(`/${endpoint}/getMe`));
      await times(1, () => gateway.fetch(`/${UNKNOWN_USER}/getMe`));
      await times(1, () => gateway.fetch("/nowhere"));
      // Two updates wait in the bot's queue.
      for (const text of ["one", "two"]) {
        await dc.control("POST", "/messages", {
          from: aliceId,
          to: bot.id,
          text,
        });
      }
      const json = await snapshotWhen(
        world,
        (s) => s.clients.find((c) => c.kind === "bot")?.updates?.pending === 2,
      );
      const botRow = json.clients.find((c) => c.kind === "bot")!;

      // The JSON first: exact figures.
      assertEquals(json.totals.requests, 24);
      assertEquals(json.totals.errors, { input: 5, rpc: 1 });
      assertEquals(json.totals.floodWaits, 1);
      const jsonBot = botRow;
      assertEquals(
        [jsonBot.requests, jsonBot.errors, jsonBot.floodWaits, jsonBot.worker],
        [18, { input: 3, rpc: 1 }, 1, 0],
      );
      assertEquals([jsonBot.connected, jsonBot.username], [true, "e2e_bot"]);
      assertEquals(jsonBot.updates?.pending, 2);
      assert(jsonBot.updates?.lastUpdateAt, "the bot's last update time");
      const jsonUser = json.clients.find((c) => c.kind === "user")!;
      assertEquals(jsonUser.label, clientLabel(endpoint));
      assertEquals(
        [
          jsonUser.requests,
          jsonUser.worker,
          jsonUser.displayName,
          jsonUser.username,
        ],
        [4, 1, "Alice", "alice"],
      );
      assertEquals(json.clients.length, 2);
      assertEquals(json.rate.requests.reduce((a, b) => a + b), 24);

      const browser = await launchBrowser();
      try {
        const page = await browser.context.newPage();
        // Without the token: the form asks for it.
        const denied = await page.goto(`${gateway.url}/stats`);
        assertEquals(denied?.status(), 401);
        await page.fill('input[name="token"]', STATS_TOKEN);
        await Promise.all([
          page.waitForURL(`${gateway.url}/stats`),
          page.click("button"),
        ]);
        assertEquals(page.url(), `${gateway.url}/stats`);
        const text = (selector: string) => page.locator(selector).innerText();
        assertEquals(await text('.card [data-field="requests"]'), "24");
        assertEquals(await text('.card [data-field="errors"]'), "6");
        assertEquals(await text('.card [data-field="flood-waits"]'), "1");
        assertEquals(await text('.card [data-field="workers"]'), "2");
        assertMatch(await text('[data-field="uptime"]'), /^\d+ (s|min \d+ s)$/);
        assertMatch(await text('[data-field="rss"]'), /^\d+\.\d MiB$/);
        const row = (label: string, field: string) =>
          text(`tr[data-client="${label}"] [data-field="${field}"]`);
        assertEquals(await row(botRow.label, "requests"), "18");
        assertEquals(await row(botRow.label, "errors"), "input 3, rpc 1");
        assertEquals(await row(botRow.label, "flood-waits"), "1");
        assertEquals(await row(botRow.label, "state"), "connected");
        assertEquals(await row(botRow.label, "worker"), "0");
        assertEquals(await row(botRow.label, "pending"), "2");
        assertMatch(await row(botRow.label, "name"), /@e2e_bot$/);
        assertMatch(await row(botRow.label, "p50"), /^\d+(\.\d+)? (ms|s)$/);
        assertMatch(await row(botRow.label, "p99"), /^\d+(\.\d+)? (ms|s)$/);
        assertMatch(await row(botRow.label, "last-update"), /^\d+ s ago$/);
        assertEquals(await row(botRow.label, "webhook"), "—");
        const userLabel = clientLabel(endpoint);
        assertEquals(await row(userLabel, "requests"), "4");
        assertEquals(await row(userLabel, "name"), "Alice @alice");
        assertEquals(await row(userLabel, "worker"), "1");
        assertEquals(await page.locator("svg.chart path.ok").count(), 1);
        assert(
          ((await page.locator("svg.chart path.ok").getAttribute("d")) ?? "")
            .length > 0,
          "the chart has bars",
        );

        // It refreshes itself: one more request shows up without a reload.
        await times(1, () => gateway.fetch(`${botPath}/getMe`));
        // (The page's CSP forbids eval, so playwright's locators watch it, not waitForFunction.)
        await page.locator('.card [data-field="requests"]', { hasText: /^25$/ })
          .waitFor({ timeout: 15_000 });

        await Deno.mkdir(ARTIFACTS, { recursive: true });
        await page.screenshot({
          path: `${ARTIFACTS}/stats.png`,
          fullPage: true,
        });

        // No secret anywhere: the rendered page, the JSON, the metrics.
        const bodies = {
          html: await page.content(),
          json: JSON.stringify(
            await (await page.request.get(`${gateway.url}/stats.json`)).json(),
          ),
          metrics:
            await (await page.request.get(`${gateway.url}/stats/metrics`))
              .text(),
        };
        assertMatch(
          bodies.metrics,
          /^mtkruto_client_requests_total\{client="bot/m,
        );
        const [, botSecret] = bot.token.split(":");
        for (const [name, body] of Object.entries(bodies)) {
          for (
            const secret of [
              bot.token,
              botSecret,
              endpoint,
              endpoint.slice("user".length),
              UNKNOWN_USER,
              PHONE,
              STATS_TOKEN,
            ]
          ) {
            assertEquals([name, secret, body.includes(secret)], [
              name,
              secret,
              false,
            ]);
          }
          // Alice's Telegram id, as a whole number.
          assertEquals(
            [name, new RegExp(`(?<![0-9])${aliceId}(?![0-9])`).test(body)],
            [name, false],
          );
        }
      } finally {
        await browser.close();
      }
    }, {
      workers: 2,
      // Per-client metrics are opt-in; the secrets check wants them there.
      gatewayArgs: [
        "--stats-token",
        STATS_TOKEN,
        "--stats-client-series",
        "10",
      ],
    }),
);

/** Telegram's longest display name (64 characters) and username (32). */
const LONG_NAME =
  "Customer Support and Order Tracking for the Northern Region 24/7";
const longUsername = (i: number) => `customer_support_northern_0${i}_bot`;

Deno.test(
  "the stats page fits a 1280 px wide window with several clients and long names",
  options,
  () =>
    withWorld(async (world) => {
      const { dc, gateway, userId: aliceId } = world;
      const bots = [world.bot];
      for (let i = 1; i <= 5; i++) {
        bots.push(
          await dc.control<{ id: number; token: string }>("POST", "/bots", {
            username: longUsername(i),
            firstName: LONG_NAME,
          }),
        );
      }
      for (const bot of bots) {
        await times(1, () => gateway.fetch(`/bot${bot.token}/getMe`));
        await times(1, () => gateway.fetch(`/bot${bot.token}/noSuchMethod`));
      }
      // A webhook nothing listens on: its cell gets the host, and then a delivery error.
      const hooked = bots[1];
      const set = await gateway.fetch(`/bot${hooked.token}/setWebhook`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(["http://127.0.0.1:9/hook"]),
      });
      assertEquals([set.status, await set.text()], [200, "true"]);
      await dc.control("POST", "/messages", {
        from: aliceId,
        to: hooked.id,
        text: "/start",
      });
      const json = await snapshotWhen(
        world,
        (s) =>
          s.clients.some((c) =>
            c.updates?.webhook?.lastErrorMessage !== undefined
          ),
      );
      assertEquals(json.clients.length, bots.length);
      assert(
        json.clients.some((c) => c.updates?.webhook?.lastErrorMessage),
        "a webhook delivery error to show",
      );

      const browser = await launchBrowser();
      try {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${gateway.url}/stats?token=${STATS_TOKEN}`);
        await page.locator('tr[data-client] [data-field="name"]', {
          hasText: LONG_NAME,
        }).first().waitFor({ timeout: 15_000 });
        assertEquals(
          await page.locator("tr[data-client]").count(),
          bots.length,
        );
        await Deno.mkdir(ARTIFACTS, { recursive: true });
        await page.screenshot({
          path: `${ARTIFACTS}/stats-1280.png`,
          fullPage: true,
        });
        const widths = await page.locator(".scroll").evaluate((box) => ({
          page: box.ownerDocument.documentElement.scrollWidth,
          table: box.scrollWidth,
          tableBox: box.clientWidth,
        }));
        // The page does not scroll sideways…
        assert(widths.page <= 1280, `page ${widths.page} px wide`);
        // …and every column of the clients table is in view without scrolling it.
        assert(
          widths.table <= widths.tableBox,
          `clients table ${widths.table} px wide in a ${widths.tableBox} px box`,
        );

        // Paging: two clients a page, busiest first, the next page one click on.
        const rows = page.locator("tr[data-client]");
        await page.goto(`${gateway.url}/stats?limit=2`);
        assertEquals(await rows.count(), 2);
        const firstPage = await rows.evaluateAll((trs) =>
          trs.map((tr) => tr.getAttribute("data-client"))
        );
        assertEquals(firstPage, json.clients.slice(0, 2).map((c) => c.label));
        const range = page.locator('[data-field="clients-range"]');
        assertEquals(await range.innerText(), `1–2 of ${bots.length}`);
        await Promise.all([
          page.waitForURL(/offset=2/),
          page.click('a[rel="next"]'),
        ]);
        assertEquals(await range.innerText(), `3–4 of ${bots.length}`);
        assertEquals(
          await rows.first().getAttribute("data-client"),
          json.clients[2].label,
        );
        // Filtering as one types: the list shrinks to the one match without a reload.
        await page.fill('form.filter input[name="q"]', longUsername(3));
        await page.locator('[data-field="clients-range"]', {
          hasText: /^1–1 of 1$/,
        }).waitFor({ timeout: 15_000 });
        assertMatch(
          await rows.first().innerText(),
          new RegExp(longUsername(3)),
        );
        assertMatch(page.url(), new RegExp(`q=${longUsername(3)}`));
      } finally {
        await browser.close();
      }
    }, { gatewayArgs: ["--stats-token", STATS_TOKEN] }),
);
