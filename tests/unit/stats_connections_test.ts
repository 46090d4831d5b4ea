import { assert, assertEquals, assertMatch } from "../assert.ts";
import { ConnectionMetrics } from "../../src/stats/connection_metrics.ts";
import { renderStatsHtml } from "../../src/stats/html.ts";
import { RequestMetrics } from "../../src/stats/metrics.ts";
import { renderPrometheus } from "../../src/stats/prometheus.ts";
import { buildSnapshot } from "../../src/stats/snapshot.ts";
import type { StatsSnapshot } from "../../src/stats/snapshot.ts";

function figures(guarded: boolean): ConnectionMetrics {
  const connections = new ConnectionMetrics();
  Object.assign(connections, {
    guarded,
    limit: guarded ? 100 : 0,
    open: guarded ? 7 : 0,
    accepted: guarded ? 40 : 0,
    refused: guarded ? 3 : 0,
    headerTimeouts: guarded ? 5 : 0,
    keepAliveTimeouts: guarded ? 11 : 0,
    bodyTimeouts: 2,
    acceptErrors: guarded ? 1 : 0,
  });
  return connections;
}

function snapshot(connections?: ConnectionMetrics): Promise<StatsSnapshot> {
  return buildSnapshot({
    metrics: new RequestMetrics(),
    workers: () => [],
    clients: () => Promise.resolve([]),
    connections,
  }, { version: "1.2.3", startedAt: Date.now() });
}

const HTML_OPTIONS = {
  jsonPath: "/stats.json",
  metricsPath: "/stats/metrics",
  nonce: "n",
};

Deno.test("buildSnapshot() carries the connection figures, and none without a source for them", async () => {
  assertEquals((await snapshot(figures(true))).connections, {
    guarded: true,
    open: 7,
    limit: 100,
    accepted: 40,
    refused: 3,
    headerTimeouts: 5,
    keepAliveTimeouts: 11,
    bodyTimeouts: 2,
    acceptErrors: 1,
  });
  assertEquals((await snapshot()).connections, undefined);
});

Deno.test("renderPrometheus() exposes the connection figures", async () => {
  const text = renderPrometheus(await snapshot(figures(true)));
  for (
    const [name, type, value] of [
      ["mtkruto_http_connections_open", "gauge", 7],
      ["mtkruto_http_connections_limit", "gauge", 100],
      ["mtkruto_http_connections_accepted_total", "counter", 40],
      ["mtkruto_http_connections_refused_total", "counter", 3],
      ["mtkruto_http_header_timeouts_total", "counter", 5],
      ["mtkruto_http_keepalive_timeouts_total", "counter", 11],
      ["mtkruto_http_body_timeouts_total", "counter", 2],
      ["mtkruto_http_accept_errors_total", "counter", 1],
    ] as const
  ) {
    assertMatch(text, new RegExp(`^# TYPE ${name} ${type}$`, "m"));
    assertMatch(text, new RegExp(`^${name} ${value}$`, "m"));
  }
});

Deno.test("renderPrometheus() leaves out the figures Deno.serve keeps to itself", async () => {
  const text = renderPrometheus(await snapshot(figures(false)));
  assertMatch(text, /^mtkruto_http_body_timeouts_total 2$/m);
  assertEquals(/mtkruto_http_connections_|header_timeouts/.test(text), false);
});

Deno.test("renderStatsHtml() shows the connection figures, with dashes for those not counted", async () => {
  const guarded = renderStatsHtml(await snapshot(figures(true)), HTML_OPTIONS);
  for (
    const [field, value] of [
      ["open", "7"],
      ["limit", "100"],
      ["refused", "3"],
      ["header-timeouts", "5"],
      ["keepalive-timeouts", "11"],
      ["body-timeouts", "2"],
    ]
  ) {
    assertMatch(
      guarded,
      new RegExp(`data-field="connections-${field}"[^>]*>${value}</td>`),
    );
  }
  const unguarded = renderStatsHtml(
    await snapshot(figures(false)),
    HTML_OPTIONS,
  );
  assertMatch(unguarded, /data-field="connections-open"[^>]*>—</);
  assertMatch(unguarded, /data-field="connections-body-timeouts"[^>]*>2</);
  const none = renderStatsHtml(await snapshot(), HTML_OPTIONS);
  assert(!none.includes("connections-open"), "no section without figures");
});
