import { assert, assertEquals, assertMatch } from "../assert.ts";
import { niceCeiling, renderRateChart } from "../../src/stats/chart.ts";
import { formatAgo, formatMs, formatUptime } from "../../src/stats/format.ts";
import { escapeHtml, renderStatsHtml } from "../../src/stats/html.ts";
import { redactUrls } from "../../src/stats/snapshot.ts";
import type {
  ClientPage,
  ClientSnapshot,
  StatsSnapshot,
} from "../../src/stats/snapshot.ts";

const EVIL = `<img src=x onerror="alert('x')">&amp;`;

function client(overrides: Partial<ClientSnapshot> = {}): ClientSnapshot {
  return {
    label: "bot1-0123456789abcdef",
    kind: "bot",
    loaded: true,
    worker: 0,
    displayName: EVIL,
    username: EVIL,
    connected: false,
    connectionState: EVIL,
    recentRequests: 3,
    requests: 3,
    errorCount: 1,
    errors: { rpc: 1 },
    floodWaits: 1,
    latency: { count: 3, sumMs: 9, p50Ms: 2.5, p99Ms: 4, cumulative: [] },
    updates: {
      pending: 1,
      dropped: 0,
      lastUpdateAt: "2024-01-01T00:00:00.000Z",
      webhook: {
        host: EVIL,
        lastErrorAt: "2024-01-01T00:00:00.000Z",
        lastErrorMessage: EVIL,
        lastDeliveryLatencyMs: 5,
      },
    },
    ...overrides,
  };
}

function snapshot(
  clients: ClientSnapshot[],
  page: Partial<ClientPage> = {},
): StatsSnapshot {
  return {
    version: EVIL,
    generatedAt: "2024-01-01T00:00:42.000Z",
    uptimeSeconds: 3725,
    memory: {
      rss: 50 * 1024 * 1024,
      heapUsed: 1,
      heapTotal: 2,
      external: 0,
      fileGc: { collections: 2, ms: 61 },
    },
    workers: [{
      index: 0,
      clients: 1,
      pendingCalls: 0,
      callsServed: 3,
      restarts: 0,
      fileGc: { collections: 5, ms: 350 },
    }],
    latencyBoundsMs: [],
    totals: client(),
    rate: { startSecond: 0, requests: [0, 3, 0], errors: [0, 1, 0] },
    clients,
    clientPage: { offset: 0, limit: 100, total: clients.length, ...page },
    clientCounts: {
      all: page.total ?? clients.length,
      loaded: clients.length,
      connected: 0,
      pendingUpdates: clients.length,
    },
  };
}

const PATHS = {
  jsonPath: "/stats.json",
  metricsPath: "/stats/metrics",
  nonce: "abc",
};

Deno.test("escapeHtml() escapes the five characters that matter", () => {
  assertEquals(
    escapeHtml(`<a href="x">'&'</a>`),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
  );
});

Deno.test("renderStatsHtml() escapes every value it shows", () => {
  const html = renderStatsHtml(snapshot([client()]), {
    jsonPath: '/s"tats.json',
    metricsPath: "/stats/metrics",
    nonce: 'n"once',
  });
  assertEquals(html.includes("<img"), false);
  assertEquals(html.includes(`onerror="`), false);
  assertEquals(html.includes('/s"tats'), false);
  assertEquals(html.includes('n"once'), false);
  assertMatch(
    html,
    /&lt;img src=x onerror=&quot;alert\(&#39;x&#39;\)&quot;&gt;&amp;amp;/,
  );
  assertEquals(html.match(/<script/g)?.length, 1);
});

Deno.test("renderStatsHtml() shows a client's figures in labelled cells", () => {
  const html = renderStatsHtml(
    snapshot([
      client({ displayName: "Echo", username: "echo_bot", connected: true }),
    ]),
    { jsonPath: "/stats.json", metricsPath: "/stats/metrics", nonce: "abc" },
  );
  assertMatch(html, /data-field="name">Echo @echo_bot</);
  assertMatch(html, /<span class="chip ok">connected<\/span>/);
  assertMatch(html, /data-field="p50" class="num">2\.5 ms</);
  assertMatch(
    html,
    /data-field="last-update" title="2024-01-01T00:00:00.000Z">42 s ago</,
  );
  assertMatch(html, /data-field="uptime">1 h 2 min</);
  assertMatch(html, /data-field="rss">50\.0 MiB</);
  assertMatch(html, /file GC 2 \(61 ms\)/);
  assertMatch(
    html,
    /<tr data-worker="0">.*<td class="num">5 \(350 ms\)<\/td><\/tr>/,
  );
});

Deno.test("renderStatsHtml() says so when no client has been used", () => {
  const html = renderStatsHtml(snapshot([]), {
    jsonPath: "/stats.json",
    metricsPath: "/stats/metrics",
    nonce: "abc",
  });
  assertMatch(html, /No client has been used yet\./);
});

Deno.test("renderRateChart() draws one bar per busy second, scaled to a nice ceiling", () => {
  const { svg, top } = renderRateChart({
    requests: [0, 3, 7],
    errors: [0, 1, 0],
  });
  assertEquals(top, 10);
  assertMatch(svg, /^<svg class="chart" viewBox="0 0 3 100"/);
  assertMatch(
    svg,
    /<path class="ok" d="M1\.5 100v-30\.00M2\.5 100v-70\.00"\/>/,
  );
  assertMatch(svg, /<path class="err" d="M1\.5 100v-10\.00"\/>/);
  assertEquals([
    niceCeiling(0),
    niceCeiling(1),
    niceCeiling(3),
    niceCeiling(101),
  ], [1, 1, 5, 200]);
});

Deno.test("formatMs(), formatUptime() and formatAgo() read well", () => {
  assertEquals([
    formatMs(undefined),
    formatMs(0.123),
    formatMs(12.34),
    formatMs(456.7),
    formatMs(1234),
    formatMs(61_000),
  ], [
    "—",
    "0.12 ms",
    "12.3 ms",
    "457 ms",
    "1.23 s",
    "61.0 s",
  ]);
  assertEquals([
    formatUptime(42),
    formatUptime(423),
    formatUptime(7_500),
    formatUptime(200_000),
  ], [
    "42 s",
    "7 min 3 s",
    "2 h 5 min",
    "2 d 7 h",
  ]);
  assertEquals(formatAgo(undefined, "2024-01-01T00:00:00Z"), "—");
  assertEquals(
    formatAgo("2024-01-01T00:00:00Z", "2024-01-01T00:10:00Z"),
    "10 min ago",
  );
});

Deno.test("redactUrls() keeps only the origin of any URL, credentials dropped", () => {
  assertEquals(
    redactUrls(
      "error sending request for url (https://user:pw@hooks.example:8443/path/secret?token=x#f): refused",
    ),
    "error sending request for url (https://hooks.example:8443): refused",
  );
  assertEquals(
    redactUrls("HTTP 500 Internal Server Error"),
    "HTTP 500 Internal Server Error",
  );
  assert(
    !redactUrls("see http://a.example/b/c and HTTPS://B.example/d").includes(
      "/b/c",
    ),
    "every URL",
  );
});

Deno.test("renderStatsHtml() pages the clients: where this page sits, with previous and next links", () => {
  const clients = [
    client({ label: "bot2-aaaa" }),
    client({ label: "bot3-bbbb" }),
  ];
  const first = renderStatsHtml(
    snapshot(clients, { offset: 0, limit: 2, total: 5 }),
    PATHS,
  );
  assertMatch(first, /data-field="clients-range">1–2 of 5</);
  assertMatch(first, /<span class="off">← Previous<\/span>/);
  assertMatch(first, /<a rel="next" href="\?offset=2&amp;limit=2">Next →<\/a>/);
  const last = renderStatsHtml(
    snapshot(clients, { offset: 3, limit: 2, total: 5 }),
    PATHS,
  );
  assertMatch(last, /data-field="clients-range">4–5 of 5</);
  assertMatch(
    last,
    /<a rel="prev" href="\?offset=1&amp;limit=2">← Previous<\/a>/,
  );
  assertMatch(last, /<span class="off">Next →<\/span>/);
  // The default limit stays out of the links; a page past the end says so.
  const beyond = renderStatsHtml(
    snapshot([], { offset: 200, limit: 100, total: 5 }),
    PATHS,
  );
  assertMatch(beyond, /No client on this page\./);
  assertMatch(beyond, /<a rel="prev" href="\?offset=100">/);
});

Deno.test("renderStatsHtml() keeps the filter in its box and its links, escaped", () => {
  const html = renderStatsHtml(
    snapshot([], { offset: 0, limit: 100, total: 0, filter: EVIL }),
    PATHS,
  );
  assertEquals(html.includes("<img"), false);
  assertMatch(
    html,
    /<input type="search" name="q" value="&lt;img src=x onerror=&quot;/,
  );
  assertMatch(html, /No client matches the filter\./);
  assertMatch(html, /<a href="\?">Clear<\/a>/);
  // The box sits outside the parts the refresh swaps, so typing survives it.
  const form = html.indexOf('<form class="filter"');
  const liveClients = html.indexOf('id="live-clients"');
  assert(form > 0 && form < liveClients, "the form precedes the live table");
  assertEquals(html.slice(form, liveClients).includes("data-live"), false);
});

Deno.test("renderStatsHtml() shows how far the boot has come, and when it finished", () => {
  const boot = {
    sessions: 12_000,
    checked: 4_000,
    started: 3_900,
    failed: 2,
    startedAt: 1_000_000,
  };
  const running = renderStatsHtml({ ...snapshot([]), boot }, PATHS);
  assertMatch(running, /data-field="boot">4000 \/ 12000</);
  assertMatch(running, /sessions checked, 3900 started, 2 failed; starting/);
  const done = renderStatsHtml({
    ...snapshot([]),
    boot: { ...boot, checked: 12_000, finishedAt: 1_000_000 + 75_000 },
  }, PATHS);
  assertMatch(done, /data-field="boot">12000 \/ 12000</);
  assertMatch(done, /; done in 1 min 15 s</);
  assert(
    !renderStatsHtml(snapshot([]), PATHS).includes('data-field="boot"'),
    "a snapshot without boot figures shows a boot card",
  );
});
