/** The stats at many clients: busiest first, `?limit=&offset=&q=` paging, per-client metrics only when asked. */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { clientLabel } from "../../src/client_id.ts";
import { createGatewayHandler } from "../../src/http/handler.ts";
import { RecentRequests, RequestMetrics } from "../../src/stats/metrics.ts";
import { firstSorted } from "../../src/stats/first_sorted.ts";
import { createStatsPages } from "../../src/stats/page.ts";
import type { StatsSnapshot } from "../../src/stats/snapshot.ts";
import type { ClientStats } from "../../src/workers/client_stats.ts";

const MINUTE = 60_000;
const BOT_A = "bot1001-aaaaaaaaaaaaaaaa";
const BOT_B = "bot1002-bbbbbbbbbbbbbbbb";
const BOT_C = "bot1003-cccccccccccccccc";
const USER_D = "userq1Bi3L0mVxN2tW7kFzR8sYdA9eC4gH6j";

function hostedStats(
  label: string,
  pending: number,
  names: { username?: string; displayName?: string } = {},
): ClientStats {
  return {
    label,
    kind: label.startsWith("bot") ? "bot" : "user",
    worker: 0,
    ...names,
    connected: true,
    connectionState: "connected",
    updates: { pending, dropped: 0 },
  };
}

/**
 * A busy bot long ago (A: 5 requests 20 minutes back), two bots busy now
 * (B and C: 2 requests each, C with 4 pending updates) and a user with no
 * request but 1 pending update (D).
 */
function setup(clientSeries = 0) {
  let now = Date.UTC(2026, 0, 1);
  const metrics = new RequestMetrics({ now: () => now });
  const ok = new Response(null, { status: 200 });
  for (let i = 0; i < 5; i++) metrics.record(BOT_A, ok, 1);
  now += 20 * MINUTE;
  for (const bot of [BOT_B, BOT_C]) {
    for (let i = 0; i < 2; i++) metrics.record(bot, ok, 1);
  }
  const hosted = [
    hostedStats(BOT_C, 4, { username: "shop_bot" }),
    hostedStats(clientLabel(USER_D), 1, {
      username: "alice",
      displayName: "Alice Liddell",
    }),
  ];
  const handler = createGatewayHandler({
    clients: { call: () => Promise.resolve(true) },
    maxBodyBytes: 1 << 20,
    maxUploadBytes: 1 << 20,
    uploadDir: "/nonexistent-upload-dir",
    requestTimeoutMs: 1_000,
    metrics,
    pages: createStatsPages({
      path: "/stats",
      clientSeries,
      source: {
        metrics,
        workers: () => [],
        clients: () => Promise.resolve(hosted),
      },
    }),
  });
  const get = (path: string) => handler(new Request(`http://gw.test${path}`));
  const json = async (path: string) =>
    await (await get(path)).json() as StatsSnapshot;
  return { get, json };
}

const labels = (snapshot: StatsSnapshot) =>
  snapshot.clients.map((c) => c.label);

Deno.test("the stats list clients busiest first: recent requests, then pending updates, then all requests", async () => {
  const { json } = setup();
  const snapshot = await json("/stats.json");
  assertEquals(labels(snapshot), [BOT_C, BOT_B, clientLabel(USER_D), BOT_A]);
  assertEquals(
    snapshot.clients.map((c) => [c.recentRequests, c.requests]),
    [[2, 2], [2, 2], [0, 0], [0, 5]],
  );
  assertEquals(snapshot.clientPage, { offset: 0, limit: 100, total: 4 });
  assertEquals(snapshot.clientCounts, {
    all: 4,
    loaded: 2,
    connected: 2,
    pendingUpdates: 5,
  });
});

Deno.test("?limit=&offset= page the clients; the totals stay whole", async () => {
  const { json } = setup();
  const page = await json("/stats.json?limit=2&offset=1");
  assertEquals(labels(page), [BOT_B, clientLabel(USER_D)]);
  assertEquals(page.clientPage, { offset: 1, limit: 2, total: 4 });
  assertEquals(page.totals.requests, 9);
  assertEquals(page.clientCounts.all, 4);
  // Every field of a listed client is there, as without paging.
  const whole = await json("/stats.json");
  assertEquals(page.clients[0], { ...whole.clients[1] });
  const beyond = await json("/stats.json?offset=10");
  assertEquals([labels(beyond), beyond.clientPage.total], [[], 4]);
  const countsOnly = await json("/stats.json?limit=0");
  assertEquals([labels(countsOnly), countsOnly.clientPage.total], [[], 4]);
});

Deno.test("?q= filters by label, username or display name, case-insensitively, before paging", async () => {
  const { json } = setup();
  const byName = await json("/stats.json?q=LIDDELL");
  assertEquals(labels(byName), [clientLabel(USER_D)]);
  assertEquals(byName.clientPage, {
    offset: 0,
    limit: 100,
    total: 1,
    filter: "LIDDELL",
  });
  assertEquals(labels(await json("/stats.json?q=shop_")), [BOT_C]);
  const byLabel = await json("/stats.json?q=bot100&limit=1&offset=1");
  assertEquals([labels(byLabel), byLabel.clientPage.total], [[BOT_B], 3]);
  // The filter is text, not a pattern.
  for (const literal of ["bot100.", "shop_bot)", "[a-z]", "\\"]) {
    const response = await json(`/stats.json?q=${encodeURIComponent(literal)}`);
    assertEquals([literal, response.clientPage.total], [literal, 0]);
  }
  // Matching is on what the stats show: a user's id is no label.
  assertEquals(
    (await json(`/stats.json?q=${USER_D.slice(4, 12)}`)).clients,
    [],
  );
});

Deno.test("bad paging or filter values are a 400 input error naming the parameter", async () => {
  const { get } = setup();
  const cases: [string, RegExp][] = [
    [
      "limit=abc",
      /^Invalid stats parameter limit: .*from 0 to 500, got "abc"$/,
    ],
    ["limit=501", /^Invalid stats parameter limit: .*got "501"$/],
    ["offset=-1", /^Invalid stats parameter offset: .*got "-1"$/],
    ["offset=1.5", /^Invalid stats parameter offset: /],
    [
      `q=${"x".repeat(101)}`,
      /^Invalid stats parameter q: .*at most 100 characters, got 101$/,
    ],
  ];
  for (const [query, message] of cases) {
    for (const path of ["/stats.json", "/stats"]) {
      const response = await get(`${path}?${query}`);
      assertEquals([query, path, response.status], [query, path, 400]);
      assertEquals(response.headers.get("x-error-type"), "input");
      assertMatch(await response.json(), message);
    }
  }
});

Deno.test("the metrics give per-client series only to the --stats-client-series busiest", async () => {
  const aggregates = await (await setup().get("/stats/metrics")).text();
  assertEquals(aggregates.includes("mtkruto_client_"), false);
  assertMatch(aggregates, /^mtkruto_clients\{state="known"\} 4$/m);
  assertMatch(aggregates, /^mtkruto_clients\{state="loaded"\} 2$/m);
  assertMatch(aggregates, /^mtkruto_clients\{state="connected"\} 2$/m);
  assertMatch(aggregates, /^mtkruto_pending_updates 5$/m);
  assertMatch(aggregates, /^mtkruto_gateway_requests_total 9$/m);
  const two = await (await setup(2).get("/stats/metrics?limit=4")).text();
  const series = new Set(
    [...two.matchAll(/^mtkruto_client_requests_total\{client="([^"]+)"/gm)]
      .map((match) => match[1]),
  );
  assertEquals(series, new Set([BOT_C, BOT_B]));
  assertMatch(two, /^mtkruto_clients\{state="known"\} 4$/m);
});

Deno.test("the stats HTML shows one page of clients, the filter kept in its box and links", async () => {
  const { get } = setup();
  const html = await (await get("/stats?q=bot&limit=1&offset=1")).text();
  assertEquals(html.match(/<tr data-client=/g)?.length, 1);
  assertMatch(html, new RegExp(`<tr data-client="${BOT_B}">`));
  assertMatch(html, /data-field="clients-range">2–2 of 3</);
  assertMatch(html, /name="q" value="bot"/);
  assertMatch(html, /href="\?q=bot&amp;limit=1">← Previous/);
  assertMatch(html, /href="\?q=bot&amp;offset=2&amp;limit=1">Next →/);
});

Deno.test("RecentRequests counts the last minutes only, in whole minutes", () => {
  const recent = new RecentRequests(10);
  const start = Date.UTC(2026, 0, 1);
  recent.add(start);
  recent.add(start + 30_000);
  recent.add(start + 5 * MINUTE);
  assertEquals(recent.total(start + 5 * MINUTE), 3);
  // Ten minutes on, the first minute has left the window.
  assertEquals(recent.total(start + 10 * MINUTE), 1);
  assertEquals(recent.total(start + 15 * MINUTE), 0);
  // A count after a long gap starts from an empty window.
  recent.add(start + 60 * MINUTE);
  assertEquals(recent.total(start + 60 * MINUTE), 1);
  assert(recent.total(start + 61 * MINUTE) === 1, "still in the window");
});

Deno.test("firstSorted() gives the same top as a full sort, ties and all", () => {
  const numbers = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 37);
  const byValue = (a: number, b: number) => b - a;
  const sorted = [...numbers].sort(byValue);
  for (const count of [0, 1, 10, 100, 249, 250, 1000, 2000]) {
    assertEquals(
      firstSorted([...numbers], count, byValue),
      sorted.slice(0, count),
    );
  }
});
