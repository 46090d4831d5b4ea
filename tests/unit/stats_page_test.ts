/** The stats pages through the real gateway handler, with fake workers: figures, secrets, access. */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { RpcError } from "../../src/errors.ts";
import { createGatewayHandler } from "../../src/http/handler.ts";
import { clientLabel } from "../../src/client_id.ts";
import { RequestMetrics } from "../../src/stats/metrics.ts";
import { createStatsPages } from "../../src/stats/page.ts";
import type { StatsSnapshot } from "../../src/stats/snapshot.ts";
import type { ClientStats } from "../../src/workers/client_stats.ts";
import type { ClientRef } from "../../src/client_id.ts";

const BOT_TOKEN = "1000001:AAH0123456789abcdefghijklmnopqrstuv";
const BOT_SECRET = BOT_TOKEN.split(":")[1];
const USER_ID = "userq1Bi3L0mVxN2tW7kFzR8sYdA9eC4gH6j";
const PHONE = "15550001";
const WEBHOOK_PATH = "/hook/s3cr3t-path";
const WEBHOOK_SECRET = "webhook-secret-token-value";
const STATS_TOKEN = "stats-token-0123456789";

/** A gateway whose "workers" answer at once: `floodMe` fails with FLOOD_WAIT_42. */
function setup(
  { token, clientSeries = 10 }: { token?: string; clientSeries?: number } = {},
) {
  const metrics = new RequestMetrics();
  const calls: ClientRef[] = [];
  const hosted: ClientStats[] = [];
  const pages = createStatsPages({
    path: "/stats",
    token,
    clientSeries,
    version: "1.2.3",
    source: {
      metrics,
      workers: () => [{
        index: 0,
        clients: 2,
        pendingCalls: 0,
        callsServed: calls.length,
        restarts: 0,
        fileGc: { collections: 0, ms: 0 },
      }],
      clients: () => Promise.resolve(hosted),
    },
  });
  const handler = createGatewayHandler({
    clients: {
      call(client, method) {
        calls.push(client);
        if (method === "floodMe") {
          return Promise.reject(new RpcError(420, "FLOOD_WAIT_42", 42));
        }
        return Promise.resolve({ ok: true });
      },
    },
    maxBodyBytes: 1 << 20,
    maxUploadBytes: 1 << 20,
    uploadDir: "/nonexistent-upload-dir",
    requestTimeoutMs: 1_000,
    metrics,
    pages,
  });
  const get = (path: string, init?: RequestInit) =>
    handler(new Request(`http://gateway.test${path}`, init));
  return { metrics, hosted, get };
}

/** What a worker reports for the bot and the user (see ClientHost.stats()). */
function hostedClients(): ClientStats[] {
  return [
    {
      label: "bot1000001-" + "0".repeat(16),
      kind: "bot",
      worker: 0,
      displayName: "Echo <b>bot</b>",
      username: "echo_bot",
      connected: true,
      connectionState: "connected",
      updates: {
        pending: 3,
        dropped: 0,
        lastUpdateAt: Date.now() - 5_000,
        webhook: {
          host: "hooks.example:8443",
          lastErrorDate: Math.floor(Date.now() / 1000),
          lastErrorMessage:
            `error sending request for url (https://hooks.example:8443${WEBHOOK_PATH}?secret=${WEBHOOK_SECRET}): connection refused`,
          lastDeliveryLatencyMs: 12,
        },
      },
    },
    {
      label: clientLabel(USER_ID),
      kind: "user",
      worker: 0,
      displayName: "Alice",
      username: "alice",
      connected: false,
      connectionState: "connecting",
      updates: { pending: 0, dropped: 2 },
    },
  ];
}

async function traffic(get: (path: string) => Promise<Response>) {
  for (let i = 0; i < 5; i++) {
    await (await get(`/bot${BOT_TOKEN}/getMe`)).body?.cancel();
  }
  await (await get(`/bot${BOT_TOKEN}/floodMe`)).body?.cancel();
  await (await get(`/bot${BOT_TOKEN}/getMe?a=1&a=2`)).body?.cancel();
  for (let i = 0; i < 2; i++) {
    await (await get(`/${USER_ID}/getMe`)).body?.cancel();
  }
  await (await get("/nowhere")).body?.cancel();
}

Deno.test("the stats JSON counts each client's requests, errors and FLOOD_WAITs", async () => {
  const { get } = setup();
  await traffic(get);
  const response = await get("/stats.json");
  assertEquals(response.status, 200);
  assertEquals(response.headers.get("cache-control"), "no-store");
  const snapshot = await response.json() as StatsSnapshot;
  assertEquals(snapshot.version, "1.2.3");
  assertEquals(snapshot.totals.requests, 10);
  assertEquals(snapshot.totals.errors, { input: 2, rpc: 1 });
  assertEquals(snapshot.totals.floodWaits, 1);
  const bot = snapshot.clients.find((c) => c.kind === "bot")!;
  assertEquals(bot.requests, 7);
  assertEquals(bot.errors, { input: 1, rpc: 1 });
  assertEquals(bot.floodWaits, 1);
  assertEquals(bot.latency.count, 7);
  assert(bot.latency.p50Ms !== undefined && bot.latency.p99Ms !== undefined);
  const user = snapshot.clients.find((c) => c.kind === "user")!;
  assertEquals(user.label, clientLabel(USER_ID));
  assertEquals(user.requests, 2);
  assertEquals(user.loaded, false);
  assertEquals(snapshot.rate.requests.reduce((a, b) => a + b), 10);
  assertEquals(snapshot.rate.requests.length, 600);
  // The stats pages themselves are not traffic.
  const again = await (await get("/stats", {
    headers: { accept: "application/json" },
  })).json() as StatsSnapshot;
  assertEquals(again.totals.requests, 10);
});

Deno.test("the stats join the workers' client figures by label", async () => {
  const { get, hosted } = setup();
  await traffic(get);
  hosted.push(...hostedClients());
  const snapshot = await (await get("/stats.json")).json() as StatsSnapshot;
  const user = snapshot.clients.find((c) => c.kind === "user")!;
  assertEquals([user.loaded, user.connectionState, user.updates?.dropped], [
    true,
    "connecting",
    2,
  ]);
  // The bot in `hosted` has another token hash, so it is a client without requests.
  const idle = snapshot.clients.find((c) => c.username === "echo_bot")!;
  assertEquals([idle.requests, idle.updates?.pending], [0, 3]);
  assertEquals(idle.updates?.webhook?.host, "hooks.example:8443");
  assertEquals(
    idle.updates?.webhook?.lastErrorMessage,
    "error sending request for url (https://hooks.example:8443): connection refused",
  );
});

Deno.test("the stats HTML, JSON and metrics never show a token, user id, phone or webhook secret", async () => {
  const { get, hosted } = setup();
  await traffic(get);
  hosted.push(...hostedClients());
  const bodies = await Promise.all(
    ["/stats", "/stats.json", "/stats/metrics"].map(async (path) =>
      (await get(path)).text()
    ),
  );
  for (const body of bodies) {
    for (
      const secret of [
        BOT_TOKEN,
        BOT_SECRET,
        USER_ID,
        USER_ID.slice(4),
        PHONE,
        WEBHOOK_PATH,
        WEBHOOK_SECRET,
      ]
    ) {
      assertEquals([secret, body.includes(secret)], [secret, false]);
    }
  }
  const [html, , metrics] = bodies;
  assertMatch(html, /data-client="user-[0-9a-f]{8}"/);
  assertMatch(html, /Echo &lt;b&gt;bot&lt;\/b&gt;/);
  assertEquals(html.includes("<b>bot</b>"), false);
  assertMatch(
    metrics,
    /mtkruto_client_requests_total\{client="user-[0-9a-f]{8}",kind="user"\} 2/,
  );
});

Deno.test("the stats HTML shows the figures and needs nothing from outside", async () => {
  const { get } = setup();
  await traffic(get);
  const response = await get("/stats/");
  assertEquals(
    response.headers.get("content-type"),
    "text/html; charset=utf-8",
  );
  const csp = response.headers.get("content-security-policy")!;
  assertMatch(csp, /default-src 'none'/);
  const html = await response.text();
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  assertEquals(html.match(/<script[^>]*>/g), [`<script nonce="${nonce}">`]);
  assertEquals(/\b(src|href)="(https?:)?\/\//.test(html), false);
  assertMatch(html, /<svg class="chart"/);
  assertMatch(html, /data-field="requests">10</);
  assertMatch(html, /data-field="flood-waits">1</);
  const botRow =
    html.match(/<tr data-client="bot1000001-[0-9a-f]{16}">.*?<\/tr>/)![0];
  assertMatch(botRow, /data-field="requests" class="num">7</);
  // Each kind in its own span: a narrow column wraps between kinds only.
  assertMatch(
    botRow,
    /data-field="errors" data-value="2"><span class="nowrap">input 1<\/span>, <span class="nowrap">rpc 1<\/span></,
  );
  assertMatch(html, /href="\/stats\.json"/);
  assertMatch(html, /href="\/stats\/metrics"/);
});

Deno.test("--stats-token: 401 without it, a bearer header or the cookie after ?token= let in", async () => {
  const { get } = setup({ token: STATS_TOKEN });
  for (const path of ["/stats", "/stats.json", "/stats/metrics"]) {
    const response = await get(path);
    assertEquals([path, response.status], [path, 401]);
    assertEquals(
      response.headers.get("www-authenticate"),
      'Bearer realm="mtkruto-stats"',
    );
    const body = await response.text();
    assertEquals(body.includes(STATS_TOKEN), false);
  }
  const wrong = await get("/stats.json", {
    headers: { authorization: "Bearer nope" },
  });
  assertEquals(wrong.status, 401);
  await wrong.body?.cancel();
  const bearer = await get("/stats/metrics", {
    headers: { authorization: `Bearer ${STATS_TOKEN}` },
  });
  assertEquals(bearer.status, 200);
  await bearer.body?.cancel();
  // A scraper may pass the token in the query too.
  const query = await get(`/stats.json?token=${STATS_TOKEN}`);
  assertEquals(query.status, 200);
  await query.body?.cancel();
  // A browser trades it for a cookie and a clean address.
  const redirect = await get(`/stats?token=${STATS_TOKEN}`);
  assertEquals([redirect.status, redirect.headers.get("location")], [
    303,
    "/stats",
  ]);
  const cookie = redirect.headers.get("set-cookie")!;
  assertMatch(
    cookie,
    /^mtkruto_stats=[0-9a-f]{64}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/,
  );
  assertEquals(cookie.includes(STATS_TOKEN), false);
  const page = await get("/stats", {
    headers: { cookie: cookie.split(";")[0] },
  });
  assertEquals(page.status, 200);
  assertEquals((await page.text()).includes(STATS_TOKEN), false);
  const badCookie = await get("/stats", {
    headers: { cookie: `mtkruto_stats=${"0".repeat(64)}` },
  });
  assertEquals(badCookie.status, 401);
  assertMatch(await badCookie.text(), /<form method="get" action="\/stats">/);
});

Deno.test("the stats pages answer GET and HEAD only", async () => {
  const { get } = setup();
  const post = await get("/stats", { method: "POST" });
  assertEquals([post.status, post.headers.get("allow")], [405, "GET, HEAD"]);
  assertEquals(post.headers.get("x-error-type"), "input");
  assertEquals(
    await post.json(),
    "HTTP method POST is not allowed; use GET or HEAD",
  );
  const head = await get("/stats/metrics", { method: "HEAD" });
  assertEquals(head.status, 200);
  assertEquals(await head.text(), "");
  assertMatch(
    head.headers.get("content-type")!,
    /^text\/plain; version=0\.0\.4/,
  );
});
