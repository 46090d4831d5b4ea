/** The stats snapshot in Prometheus' text exposition format, version 0.0.4. */
import type { FileGcFigures } from "../reclaim.ts";
import { ERROR_KINDS } from "./metrics.ts";
import type {
  ClientCounts,
  ClientSnapshot,
  ConnectionSummary,
  DescriptorSummary,
  LatencySummary,
  RequestSummary,
  StatsSnapshot,
} from "./snapshot.ts";

/** The Content-Type of the exposition format. */
export const PROMETHEUS_CONTENT_TYPE =
  "text/plain; version=0.0.4; charset=utf-8";

type Labels = Record<string, string | number>;

/** A label value with `\`, `"` and newlines escaped. Never throws. */
export function escapeLabelValue(value: string): string {
  if (!/[\\"\n]/.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(
    /\n/g,
    "\\n",
  );
}

/** A sample value, with `+Inf`, `-Inf` and `NaN` spelled out. */
export function formatValue(value: number): string {
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

/** A histogram bound in seconds, to six significant digits (0.0008, not 0.0008000000000000002). */
export function formatBound(seconds: number): string {
  return String(+seconds.toPrecision(6));
}

/** `{name="value",…}`, or "" for no labels. */
function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) =>
    `${name}="${escapeLabelValue(String(value))}"`
  );
  return pairs.length ? `{${pairs.join(",")}}` : "";
}

/** Collects metric families, each written once with its HELP and TYPE lines. */
class Exposition {
  readonly #families = new Map<string, string[]>();

  family(name: string, type: "counter" | "gauge" | "histogram", help: string) {
    if (!this.#families.has(name)) {
      this.#families.set(name, [
        `# HELP ${name} ${help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`,
        `# TYPE ${name} ${type}`,
      ]);
    }
    return this;
  }

  sample(family: string, labels: Labels, value: number, suffix = "") {
    this.line(family, `${family}${suffix}${labelText(labels)}`, value);
  }

  /** A sample whose name and label text are already written (`series`). */
  line(family: string, series: string, value: number) {
    this.#families.get(family)!.push(`${series} ${formatValue(value)}`);
  }

  text(): string {
    return [...this.#families.values()].map((lines) => lines.join("\n"))
      .join("\n") + "\n";
  }
}

function histogram(
  out: Exposition,
  family: string,
  labels: Labels,
  latency: LatencySummary,
  /** The bucket bounds as `le` values, formatted once per rendering. */
  les: string[],
) {
  // The label text is written once per series rather than once per bucket.
  const base = labelText(labels);
  const bucket = (le: string) =>
    `${family}_bucket${base ? `${base.slice(0, -1)},` : "{"}le="${le}"}`;
  les.forEach((le, index) =>
    out.line(
      family,
      bucket(le),
      latency.cumulative[index],
    )
  );
  out.line(family, bucket("+Inf"), latency.count);
  out.sample(family, labels, latency.sumMs / 1000, "_sum");
  out.sample(family, labels, latency.count, "_count");
}

function requestFamilies(
  out: Exposition,
  scope: "gateway" | "client",
  labels: Labels,
  summary: RequestSummary,
  les: string[],
) {
  const who = scope === "gateway" ? "all gateway requests" : "the client";
  out.family(
    `mtkruto_${scope}_requests_total`,
    "counter",
    `Requests answered for ${who}.`,
  )
    .sample(`mtkruto_${scope}_requests_total`, labels, summary.requests);
  const errors = `mtkruto_${scope}_errors_total`;
  out.family(
    errors,
    "counter",
    `Failed requests of ${who} by type: the x-error-type, internal (500) or aborted (client went away).`,
  );
  for (const type of ERROR_KINDS) {
    out.sample(errors, { ...labels, type }, summary.errors[type] ?? 0);
  }
  out.family(
    `mtkruto_${scope}_flood_waits_total`,
    "counter",
    `Requests of ${who} answered with Telegram's FLOOD_WAIT (status 420).`,
  ).sample(`mtkruto_${scope}_flood_waits_total`, labels, summary.floodWaits);
  const duration = `mtkruto_${scope}_request_duration_seconds`;
  out.family(
    duration,
    "histogram",
    `Time to answer requests of ${who}, long polls left out.`,
  );
  histogram(out, duration, labels, summary.latency, les);
}

function connectionFamilies(out: Exposition, connections: ConnectionSummary) {
  out.family(
    "mtkruto_http_body_timeouts_total",
    "counter",
    "Requests answered 408 because their body stalled (--body-timeout).",
  ).sample("mtkruto_http_body_timeouts_total", {}, connections.bodyTimeouts);
  // Without its own listener the gateway does not see connections: no figures beat zeros.
  if (!connections.guarded) return;
  const families: [string, "gauge" | "counter", string, number][] = [
    [
      "mtkruto_http_connections_open",
      "gauge",
      "HTTP connections open now.",
      connections.open,
    ],
    [
      "mtkruto_http_connections_limit",
      "gauge",
      "Most HTTP connections open at once (--max-connections; 0: no limit).",
      connections.limit,
    ],
    [
      "mtkruto_http_connections_accepted_total",
      "counter",
      "HTTP connections accepted and served.",
      connections.accepted,
    ],
    [
      "mtkruto_http_connections_refused_total",
      "counter",
      "HTTP connections answered 503 and closed because the limit was reached.",
      connections.refused,
    ],
    [
      "mtkruto_http_header_timeouts_total",
      "counter",
      "Connections closed before their first request's headers were complete (--header-timeout).",
      connections.headerTimeouts,
    ],
    [
      "mtkruto_http_keepalive_timeouts_total",
      "counter",
      "Kept-alive connections closed because no next request came within --keepalive-timeout.",
      connections.keepAliveTimeouts,
    ],
    [
      "mtkruto_http_accept_errors_total",
      "counter",
      "Failed accepts of HTTP connections (e.g. out of file descriptors).",
      connections.acceptErrors,
    ],
  ];
  for (const [name, type, help, value] of families) {
    out.family(name, type, help).sample(name, {}, value);
  }
}

function descriptorFamilies(out: Exposition, descriptors: DescriptorSummary) {
  out.family(
    "mtkruto_descriptors_in_use",
    "gauge",
    "File descriptors counted as in use (the runtime's, connections, clients' seats).",
  ).sample("mtkruto_descriptors_in_use", {}, descriptors.inUse);
  if (descriptors.limit === null) return;
  out.family(
    "mtkruto_descriptors_limit",
    "gauge",
    "The open-file limit (ulimit -n); new clients, transfers and connections are refused before it.",
  ).sample("mtkruto_descriptors_limit", {}, descriptors.limit);
}

function clientFamilies(out: Exposition, client: ClientSnapshot) {
  const labels = { client: client.label, kind: client.kind };
  if (client.loaded) {
    out.family(
      "mtkruto_client_info",
      "gauge",
      "A loaded client: its worker, username and display name (value 1).",
    ).sample("mtkruto_client_info", {
      ...labels,
      worker: client.worker ?? "",
      username: client.username ?? "",
      display_name: client.displayName ?? "",
    }, 1);
  }
  out.family(
    "mtkruto_client_connected",
    "gauge",
    "1 when the client is connected to Telegram, 0 otherwise (or unloaded).",
  ).sample("mtkruto_client_connected", labels, client.connected ? 1 : 0);
  const updates = client.updates;
  if (!updates) return;
  out.family(
    "mtkruto_client_pending_updates",
    "gauge",
    "Updates queued for the client and not yet confirmed.",
  ).sample("mtkruto_client_pending_updates", labels, updates.pending);
  out.family(
    "mtkruto_client_dropped_updates_total",
    "counter",
    "Updates dropped from the client's queue unconfirmed (too old or too many).",
  ).sample("mtkruto_client_dropped_updates_total", labels, updates.dropped);
  if (updates.lastUpdateAt) {
    out.family(
      "mtkruto_client_last_update_timestamp_seconds",
      "gauge",
      "Unix time of the latest update the client received.",
    ).sample(
      "mtkruto_client_last_update_timestamp_seconds",
      labels,
      Date.parse(updates.lastUpdateAt) / 1000,
    );
  }
  const webhook = updates.webhook;
  if (!webhook) return;
  const hooked = { ...labels, host: webhook.host };
  out.family(
    "mtkruto_client_webhook_last_error_timestamp_seconds",
    "gauge",
    "Unix time of the latest failed webhook delivery (0 if none).",
  ).sample(
    "mtkruto_client_webhook_last_error_timestamp_seconds",
    hooked,
    webhook.lastErrorAt ? Date.parse(webhook.lastErrorAt) / 1000 : 0,
  );
  if (webhook.lastDeliveryLatencyMs !== undefined) {
    out.family(
      "mtkruto_client_webhook_last_delivery_seconds",
      "gauge",
      "How long the latest successful webhook delivery took.",
    ).sample(
      "mtkruto_client_webhook_last_delivery_seconds",
      hooked,
      webhook.lastDeliveryLatencyMs / 1000,
    );
  }
}

/** Options of `renderPrometheus`. */
export interface PrometheusOptions {
  /**
   * Per-client series for this many of the snapshot's clients, which come
   * busiest first (`--stats-client-series`); default 0: aggregates only.
   */
  clientSeries?: number;
}

/** How many clients there are, loaded and connected, and their pending updates: always there, whatever the flag. */
function clientCountFamilies(out: Exposition, counts: ClientCounts) {
  out.family(
    "mtkruto_clients",
    "gauge",
    "Clients by state: known (with request figures or loaded), loaded by a worker, connected to Telegram.",
  );
  out.sample("mtkruto_clients", { state: "known" }, counts.all);
  out.sample("mtkruto_clients", { state: "loaded" }, counts.loaded);
  out.sample("mtkruto_clients", { state: "connected" }, counts.connected);
  out.family(
    "mtkruto_pending_updates",
    "gauge",
    "Updates queued and not yet confirmed, over all loaded clients.",
  ).sample("mtkruto_pending_updates", {}, counts.pendingUpdates);
}

/**
 * The snapshot as Prometheus text metrics: the gateway's aggregates, and
 * per-client series for the first `clientSeries` clients only. Never throws.
 */
export function renderPrometheus(
  snapshot: StatsSnapshot,
  options: PrometheusOptions = {},
): string {
  const out = new Exposition();
  const les = snapshot.latencyBoundsMs.map((ms) => formatBound(ms / 1000));
  out.family("mtkruto_build_info", "gauge", "The server's version (value 1).")
    .sample("mtkruto_build_info", { version: snapshot.version }, 1);
  out.family(
    "mtkruto_uptime_seconds",
    "gauge",
    "Seconds since the server started.",
  )
    .sample("mtkruto_uptime_seconds", {}, snapshot.uptimeSeconds);
  const memory: [string, string, number][] = [
    [
      "resident_memory_bytes",
      "Resident set size of the process.",
      snapshot.memory.rss,
    ],
    [
      "heap_used_bytes",
      "V8 heap in use on the main thread.",
      snapshot.memory.heapUsed,
    ],
    [
      "heap_total_bytes",
      "V8 heap reserved on the main thread.",
      snapshot.memory.heapTotal,
    ],
  ];
  for (const [name, help, value] of memory) {
    out.family(`mtkruto_process_${name}`, "gauge", help)
      .sample(`mtkruto_process_${name}`, {}, value);
  }
  const workerFamilies: [
    string,
    "gauge" | "counter",
    string,
    (w: StatsSnapshot["workers"][number]) => number,
  ][] = [
    [
      "mtkruto_worker_clients",
      "gauge",
      "Clients pinned to the worker.",
      (w) => w.clients,
    ],
    [
      "mtkruto_worker_calls_in_flight",
      "gauge",
      "Calls the worker has not answered yet.",
      (w) => w.pendingCalls,
    ],
    [
      "mtkruto_worker_calls_total",
      "counter",
      "Calls sent to the worker.",
      (w) => w.callsServed,
    ],
    [
      "mtkruto_worker_restarts_total",
      "counter",
      "Times the worker crashed and was replaced.",
      (w) => w.restarts,
    ],
  ];
  for (const [name, type, help, value] of workerFamilies) {
    out.family(name, type, help);
    for (const worker of snapshot.workers) {
      out.sample(name, { worker: worker.index }, value(worker));
    }
  }
  const gcThreads: [string, FileGcFigures][] = [
    ["front", snapshot.memory.fileGc],
    ...snapshot.workers.map((w): [string, FileGcFigures] => [
      `worker-${w.index}`,
      w.fileGc,
    ]),
  ];
  out.family(
    "mtkruto_file_gc_total",
    "counter",
    "Garbage collections run during file transfers (--file-gc), per thread.",
  );
  for (const [thread, gc] of gcThreads) {
    out.sample("mtkruto_file_gc_total", { thread }, gc.collections);
  }
  out.family(
    "mtkruto_file_gc_seconds_total",
    "counter",
    "Time those collections took, per thread.",
  );
  for (const [thread, gc] of gcThreads) {
    out.sample("mtkruto_file_gc_seconds_total", { thread }, gc.ms / 1000);
  }
  requestFamilies(
    out,
    "gateway",
    {},
    snapshot.totals,
    les,
  );
  if (snapshot.connections) connectionFamilies(out, snapshot.connections);
  if (snapshot.descriptors) descriptorFamilies(out, snapshot.descriptors);
  clientCountFamilies(out, snapshot.clientCounts);
  for (const client of snapshot.clients.slice(0, options.clientSeries ?? 0)) {
    requestFamilies(
      out,
      "client",
      { client: client.label, kind: client.kind },
      client,
      les,
    );
    clientFamilies(out, client);
  }
  return out.text();
}
