import { assert, assertEquals, assertMatch } from "../assert.ts";
import {
  escapeLabelValue,
  formatBound,
  formatValue,
  renderPrometheus,
} from "../../src/stats/prometheus.ts";
import { RequestMetrics } from "../../src/stats/metrics.ts";
import { buildSnapshot } from "../../src/stats/snapshot.ts";
import type { StatsSnapshot } from "../../src/stats/snapshot.ts";

const BOT = "bot1000001-0123456789abcdef";

function snapshot(): Promise<StatsSnapshot> {
  const metrics = new RequestMetrics();
  for (const ms of [1, 2, 3, 50, 700]) {
    metrics.record(BOT, new Response(null, { status: 200 }), ms);
  }
  metrics.record(
    BOT,
    new Response(null, { status: 420, headers: { "x-error-type": "rpc" } }),
    4,
  );
  return buildSnapshot({
    metrics,
    workers: () => [{
      index: 0,
      clients: 1,
      pendingCalls: 0,
      callsServed: 6,
      restarts: 0,
      fileGc: { collections: 3, ms: 210 },
    }],
    clients: () =>
      Promise.resolve([{
        label: BOT,
        kind: "bot",
        worker: 0,
        displayName: 'Quote " back\\slash\nnew line',
        username: "echo_bot",
        connected: true,
        connectionState: "connected",
        updates: {
          pending: 2,
          dropped: 1,
          lastUpdateAt: 1_700_000_000_000,
          webhook: { host: "hooks.example", lastDeliveryLatencyMs: 30 },
        },
      }]),
  }, { version: "1.2.3", startedAt: Date.now() - 10_000 });
}

/** One sample line: name, optional labels with escaped values, a value. */
const SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*",?)*\})? (-?[0-9.e+-]+|\+Inf|-Inf|NaN)$/;

Deno.test("escapeLabelValue() escapes backslashes, quotes and newlines", () => {
  assertEquals(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
});

Deno.test("formatValue() spells out infinities; formatBound() rounds float noise away", () => {
  assertEquals(formatValue(Infinity), "+Inf");
  assertEquals(formatValue(-Infinity), "-Inf");
  assertEquals(formatValue(NaN), "NaN");
  assertEquals(formatValue(42), "42");
  assertEquals(formatValue(0.125), "0.125");
  assertEquals(formatBound(0.8000000000000002 / 1000), "0.0008");
});

/** The per-client series are opt-in (`--stats-client-series`): these tests ask for them. */
const WITH_CLIENTS = { clientSeries: 10 };

Deno.test("renderPrometheus() writes valid 0.0.4 text: HELP and TYPE once, then the samples", async () => {
  const text = renderPrometheus(await snapshot(), WITH_CLIENTS);
  assert(text.endsWith("\n"), "ends with a newline");
  const declared = new Set<string>();
  let current = "";
  for (const line of text.trimEnd().split("\n")) {
    const help = line.match(/^# HELP (\S+) .+$/);
    if (help) {
      assertEquals([help[1], declared.has(help[1])], [help[1], false]);
      declared.add(help[1]);
      current = help[1];
      continue;
    }
    const type = line.match(/^# TYPE (\S+) (counter|gauge|histogram)$/);
    if (type) {
      assertEquals(type[1], current);
      continue;
    }
    assertMatch(line, SAMPLE);
    const name = line.match(/^[^{ ]+/)![0];
    assert(
      name === current || name.replace(/_(bucket|sum|count)$/, "") === current,
      `${name} belongs to ${current}`,
    );
  }
  assert(declared.has("mtkruto_client_requests_total"), "per-client requests");
});

Deno.test("renderPrometheus() shows the figures, labelled and escaped", async () => {
  const text = renderPrometheus(await snapshot(), WITH_CLIENTS);
  const labels = `client="${BOT}",kind="bot"`;
  assertMatch(
    text,
    new RegExp(`^mtkruto_client_requests_total\\{${labels}\\} 6$`, "m"),
  );
  assertMatch(
    text,
    new RegExp(
      `^mtkruto_client_errors_total\\{${labels},type="rpc"\\} 1$`,
      "m",
    ),
  );
  assertMatch(
    text,
    new RegExp(
      `^mtkruto_client_errors_total\\{${labels},type="input"\\} 0$`,
      "m",
    ),
  );
  assertMatch(
    text,
    new RegExp(`^mtkruto_client_flood_waits_total\\{${labels}\\} 1$`, "m"),
  );
  assertMatch(
    text,
    new RegExp(`^mtkruto_client_pending_updates\\{${labels}\\} 2$`, "m"),
  );
  assertMatch(
    text,
    /^mtkruto_client_last_update_timestamp_seconds\{[^}]*\} 1700000000$/m,
  );
  assertMatch(text, /display_name="Quote \\" back\\\\slash\\nnew line"/);
  assertMatch(text, /^mtkruto_gateway_requests_total 6$/m);
  assertMatch(text, /^mtkruto_worker_calls_total\{worker="0"\} 6$/m);
  assertMatch(text, /^mtkruto_file_gc_total\{thread="worker-0"\} 3$/m);
  assertMatch(
    text,
    /^mtkruto_file_gc_seconds_total\{thread="worker-0"\} 0\.21$/m,
  );
  assertMatch(text, /^mtkruto_file_gc_total\{thread="front"\} \d+$/m);
});

Deno.test("renderPrometheus() histograms are cumulative and end with +Inf = count", async () => {
  const text = renderPrometheus(await snapshot());
  const buckets = [
    ...text.matchAll(
      /^mtkruto_gateway_request_duration_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm,
    ),
  ];
  assertEquals(buckets.at(-1)![1], "+Inf");
  assertEquals(buckets.at(-1)![2], "6");
  for (let i = 1; i < buckets.length; i++) {
    assert(Number(buckets[i][2]) >= Number(buckets[i - 1][2]), "cumulative");
    if (i < buckets.length - 1) {
      assert(Number(buckets[i][1]) > Number(buckets[i - 1][1]), "ascending le");
    }
  }
  assertEquals(buckets.find(([, le]) => le === "0.0032")![2], "3"); // 1, 2 and 3 ms
  assertMatch(text, /^mtkruto_gateway_request_duration_seconds_sum 0\.76$/m);
  assertMatch(text, /^mtkruto_gateway_request_duration_seconds_count 6$/m);
});
