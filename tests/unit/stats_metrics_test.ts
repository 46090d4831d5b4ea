import { assert, assertEquals } from "../assert.ts";
import {
  bucketIndex,
  bucketUpperBoundMs,
  coarseBoundsMs,
  LatencyHistogram,
} from "../../src/stats/histogram.ts";
import { clientLabel } from "../../src/client_id.ts";
import { RequestMetrics } from "../../src/stats/metrics.ts";
import { RateRing } from "../../src/stats/rate_ring.ts";

const BOT = "bot1000001-0123456789abcdef";
const USER = "userq1Bi3L0mVxN2tW7kFzR8sYdA9eC4gH6j";

function answer(status: number, headers: Record<string, string> = {}) {
  return new Response(null, { status, headers });
}

const near = (
  actual: number | undefined,
  expected: number,
  tolerance: number,
) =>
  assert(
    actual !== undefined && Math.abs(actual - expected) <= expected * tolerance,
    `expected about ${expected}, got ${actual}`,
  );

Deno.test("bucketIndex() puts each duration in the bucket whose bounds hold it", () => {
  assertEquals(bucketIndex(0), 0);
  assertEquals(bucketIndex(-5), 0);
  assertEquals(bucketIndex(NaN), 0);
  assertEquals(bucketIndex(Infinity), 104);
  for (const ms of [0.05, 0.3, 1, 7.5, 42, 999, 61_000, 3_000_000]) {
    const index = bucketIndex(ms);
    assert(ms <= bucketUpperBoundMs(index), `${ms} ≤ bound of ${index}`);
    if (index > 0) {
      assert(
        ms > bucketUpperBoundMs(index - 1),
        `${ms} > bound of ${index - 1}`,
      );
    }
  }
});

Deno.test("LatencyHistogram estimates p50 and p99 within a bucket's width", () => {
  const histogram = new LatencyHistogram();
  assertEquals(histogram.quantile(0.5), undefined);
  for (let ms = 1; ms <= 1000; ms++) histogram.record(ms);
  assertEquals(histogram.count, 1000);
  assertEquals(histogram.sumMs, 500_500);
  near(histogram.quantile(0.5), 500, 0.1);
  near(histogram.quantile(0.99), 990, 0.1);
  assertEquals(histogram.quantile(1), 1000);
});

Deno.test("LatencyHistogram keeps estimates within the observed minimum and maximum", () => {
  const histogram = new LatencyHistogram();
  for (let i = 0; i < 10; i++) histogram.record(42);
  assertEquals(histogram.quantile(0.5), 42);
  assertEquals(histogram.quantile(0.99), 42);
  // A skewed mix: 98 fast requests and 2 slow ones.
  const skewed = new LatencyHistogram();
  for (let i = 0; i < 98; i++) skewed.record(2);
  skewed.record(800);
  skewed.record(900);
  near(skewed.quantile(0.5), 2, 0.2);
  near(skewed.quantile(0.99), 800, 0.2);
});

Deno.test("LatencyHistogram.cumulative() counts durations up to each coarse bound", () => {
  const histogram = new LatencyHistogram();
  for (const ms of [0.5, 1, 3, 3, 50, 200_000]) histogram.record(ms);
  const bounds = coarseBoundsMs();
  assertEquals(bounds[0], 0.1 * 2 ** 3);
  const cumulative = histogram.cumulative(bounds);
  assertEquals(cumulative[0], 1); // ≤ 0.8 ms
  assertEquals(cumulative[1], 2); // ≤ 1.6 ms
  assertEquals(cumulative[2], 4); // ≤ 3.2 ms
  assertEquals(cumulative.at(-1), 5); // 200 s is past the last bound
  for (let i = 1; i < cumulative.length; i++) {
    assert(cumulative[i] >= cumulative[i - 1], "cumulative counts never drop");
  }
});

Deno.test("RequestMetrics counts requests, errors by x-error-type and FLOOD_WAITs", () => {
  const metrics = new RequestMetrics({ now: () => 1_700_000_000_000 });
  metrics.record(BOT, answer(200), 5);
  metrics.record(BOT, answer(200), 7);
  metrics.record(BOT, answer(404, { "x-error-type": "input" }), 1);
  metrics.record(
    BOT,
    answer(420, { "x-error-type": "rpc", "retry-after": "42" }),
    3,
  );
  metrics.record(BOT, answer(400, { "x-error-type": "rpc" }), 3);
  metrics.record(BOT, answer(500), 2);
  metrics.record(BOT, answer(499), 2);
  metrics.record(BOT, answer(504, { "x-error-type": "timeout" }), 60_000);
  const bot = metrics.clients().get(BOT)!;
  assertEquals(bot.requests, 8);
  assertEquals(bot.errorsByKind(), {
    input: 1,
    rpc: 2,
    timeout: 1,
    internal: 1,
    aborted: 1,
  });
  assertEquals(bot.errorCount, 6);
  assertEquals(bot.floodWaits, 1);
  assertEquals(bot.latency.count, 8);
  assertEquals(bot.lastRequestAt, 1_700_000_000_000);
  assertEquals(metrics.totals.requests, 8);
  assertEquals(metrics.totals.floodWaits, 1);
});

Deno.test("RequestMetrics leaves long polls out of the latency but counts them", () => {
  const metrics = new RequestMetrics();
  metrics.record(BOT, answer(200));
  metrics.record(BOT, answer(200), 4);
  const bot = metrics.clients().get(BOT)!;
  assertEquals(bot.requests, 2);
  assertEquals(bot.latency.count, 1);
  assertEquals(bot.latency.quantile(0.5), 4);
});

Deno.test("RequestMetrics gives no row to clients that only got input or 401 errors", () => {
  const metrics = new RequestMetrics();
  metrics.record(undefined, answer(404, { "x-error-type": "input" }), 1);
  metrics.record(USER, answer(404, { "x-error-type": "input" }), 1);
  metrics.record(BOT, answer(401, { "x-error-type": "unauthorized" }), 1);
  assertEquals(metrics.clients().size, 0);
  assertEquals(metrics.totals.requests, 3);
  assertEquals(metrics.totals.errorsByKind(), { input: 2, unauthorized: 1 });
  // A success shows the client exists; its later input errors count as its own.
  metrics.record(USER, answer(200), 1);
  metrics.record(USER, answer(404, { "x-error-type": "input" }), 1);
  assertEquals(metrics.clients().get(USER)!.errorsByKind(), { input: 1 });
});

Deno.test("RequestMetrics stops adding rows at maxClients", () => {
  const metrics = new RequestMetrics({ maxClients: 2 });
  for (const id of ["bot1-a", "bot2-b", "bot3-c"]) {
    metrics.record(id, answer(200), 1);
  }
  assertEquals([...metrics.clients().keys()], ["bot1-a", "bot2-b"]);
  assertEquals(metrics.totals.requests, 3);
});

Deno.test("RateRing keeps per-second counts for its window, oldest first", () => {
  const ring = new RateRing(5);
  const t0 = 1_000_000;
  ring.add(t0, false);
  ring.add(t0 + 100, true);
  ring.add(t0 + 1_500, false);
  ring.add(t0 + 3_999, false);
  assertEquals(ring.series(t0 + 3_999), {
    startSecond: 999,
    requests: [0, 2, 1, 0, 1],
    errors: [0, 1, 0, 0, 0],
  });
  // Three seconds later the first three seconds left the window.
  assertEquals(ring.series(t0 + 6_000).requests, [0, 1, 0, 0, 0]);
  // After a silence longer than the window, everything is gone.
  assertEquals(ring.series(t0 + 60_000).requests, [0, 0, 0, 0, 0]);
});

Deno.test("RateRing counts a clock stepped back inside the window and ignores one outside", () => {
  const ring = new RateRing(3);
  ring.add(10_000, false);
  ring.add(9_000, false);
  ring.add(1_000, false);
  assertEquals(ring.series(10_000).requests, [0, 1, 1]);
});

Deno.test("RequestMetrics.rates() feeds the chart from the same clock", () => {
  let now = 50_000;
  const metrics = new RequestMetrics({ windowSeconds: 3, now: () => now });
  metrics.record(BOT, answer(200), 1);
  metrics.record(BOT, answer(500), 1);
  now += 1_000;
  metrics.record(BOT, answer(200), 1);
  assertEquals(metrics.rates(), {
    startSecond: 49,
    requests: [0, 2, 1],
    errors: [0, 1, 0],
  });
});

Deno.test("clientLabel() keeps bot ids and hides user ids behind 8 hex digits of SHA-256", () => {
  assertEquals(clientLabel(BOT), BOT);
  const label = clientLabel(USER);
  assertEquals(/^user-[0-9a-f]{8}$/.test(label), true);
  assertEquals(label.includes(USER.slice(4, 12)), false);
  assertEquals(clientLabel(USER), label);
  assert(clientLabel(`${USER}x`) !== label, "different ids, different labels");
});
