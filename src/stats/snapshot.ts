/**
 * The stats snapshot: the front's request figures joined with what the
 * workers report about each client, as plain JSON-ready data. Nothing in it
 * can reach a client: no bot token, user id, phone number, webhook path or
 * secret (user clients appear under `clientLabel()`).
 */
import { type FileGcFigures, fileMemory } from "../reclaim.ts";
import type { ClientStats } from "../workers/client_stats.ts";
import type { WorkerStats } from "../workers/pool.ts";
import type { BootProgress } from "../workers/boot.ts";
import type { DescriptorBudget, DescriptorUse } from "../descriptors.ts";
import type { ConnectionMetrics } from "./connection_metrics.ts";
import { coarseBoundsMs } from "./histogram.ts";
import { firstSorted } from "./first_sorted.ts";
import {
  type ClientCounts,
  clientRows,
  compareBusiest,
  countClients,
  filterPattern,
  matches,
} from "./client_rows.ts";

export type { ClientCounts };
import type { ErrorKind, RequestCounters, RequestMetrics } from "./metrics.ts";

/** Where the figures come from. */
export interface StatsSource {
  metrics: RequestMetrics;
  /** Per-worker figures (synchronous, from the front's bookkeeping). */
  workers(): WorkerStats[];
  /** Every hosted client's figures, asked of the workers (bounded by their own timeout). */
  clients(): Promise<ClientStats[]>;
  /** The front's connection figures, when it counts them. */
  connections?: ConnectionMetrics;
  /** How far the start of the sessions that run by themselves has come. */
  boot?: BootProgress;
  /** The process's file descriptors, as counted for admission. */
  descriptors?: DescriptorBudget;
}

/** File descriptors: counted, set aside, and where each kind of new work is refused. */
export interface DescriptorSummary {
  /** `ulimit -n` (null: unlimited or unknown, nothing is refused). */
  limit: number | null;
  /** Counted as in use: the runtime's base, HTTP and Telegram connections, clients' seats. */
  inUse: number;
  /** Set aside for session databases and the runtime. */
  reserved: number;
  /** The count past which a new client, a file transfer or an HTTP connection is refused (503). */
  ceilings: Record<DescriptorUse, number> | null;
}

/**
 * HTTP connections and the slow or surplus clients dropped. Without
 * `guarded`, Deno.serve accepts the connections and only `bodyTimeouts` is
 * counted (the others stay 0).
 */
export interface ConnectionSummary {
  guarded: boolean;
  /** Connections open now. */
  open: number;
  /** `--max-connections`; 0: no limit. */
  limit: number;
  accepted: number;
  /** Closed at once because `limit` were open. */
  refused: number;
  /** Closed before their first request's headers were complete (`--header-timeout`). */
  headerTimeouts: number;
  /** Kept alive, then closed because no next request came within `--keepalive-timeout`. */
  keepAliveTimeouts: number;
  /** Requests answered 408 because their body stalled (`--body-timeout`). */
  bodyTimeouts: number;
  /** Accepts that failed, e.g. for want of file descriptors. */
  acceptErrors: number;
}

/** Latency of the requests counted (long polls are left out). */
export interface LatencySummary {
  count: number;
  sumMs: number;
  p50Ms?: number;
  p99Ms?: number;
  /** Cumulative counts at each of the snapshot's `latencyBoundsMs`. */
  cumulative: number[];
}

/** Request figures, of one client or of all requests. */
export interface RequestSummary {
  requests: number;
  errorCount: number;
  /** Error counts by kind: `x-error-type`, `internal` (500) or `aborted` (client went away). */
  errors: Partial<Record<ErrorKind, number>>;
  floodWaits: number;
  latency: LatencySummary;
  /** ISO time of the latest request. */
  lastRequestAt?: string;
}

/** A client's webhook: the host only, never the path or secret. */
export interface WebhookSnapshot {
  host: string;
  lastErrorAt?: string;
  /** The delivery error, with any URL in it cut down to its origin. */
  lastErrorMessage?: string;
  lastDeliveryLatencyMs?: number;
}

/** One client as the page shows it. */
export interface ClientSnapshot extends RequestSummary {
  /** Requests over the stats window (the rate chart's ten minutes, by whole minutes): what "busiest" ranks by first. */
  recentRequests: number;
  /** `bot<id>-<token hash>` for bots, `user-<8 hex of SHA-256(id)>` for users. */
  label: string;
  kind: "bot" | "user";
  /** Whether a worker hosts the client now (idle clients are unloaded). */
  loaded: boolean;
  worker?: number;
  displayName?: string;
  username?: string;
  connected: boolean;
  /** Telegram connection state, or `unloaded`. */
  connectionState: string;
  updates?: {
    pending: number;
    dropped: number;
    lastUpdateAt?: string;
    webhook?: WebhookSnapshot;
  };
}

/**
 * Which clients a snapshot lists: a page of them, busiest first (see
 * `compareBusiest`), of those that match `filter` when one is given.
 */
export interface ClientQuery {
  /** How many of the matching clients to skip (default 0). */
  offset?: number;
  /** Most clients listed (default: all). */
  limit?: number;
  /** Case-insensitive substring of the label, username or display name. */
  filter?: string;
}

/** Where the listed clients sit among all that match: enough for a UI to page. */
export interface ClientPage {
  offset: number;
  limit: number;
  /** Clients that match the filter (all clients without one). */
  total: number;
  filter?: string;
}

/** Everything the page, the JSON and the metrics show. */
export interface StatsSnapshot {
  version: string;
  generatedAt: string;
  uptimeSeconds: number;
  memory: {
    rss: number;
    heapUsed: number;
    heapTotal: number;
    external: number;
    /** The front thread's garbage collections for file transfers (`--file-gc`). */
    fileGc: FileGcFigures;
  };
  workers: WorkerStats[];
  /** Upper bounds, in milliseconds, of the `cumulative` latency counts. */
  latencyBoundsMs: number[];
  totals: RequestSummary;
  /** Requests and errors per second over the last minutes, oldest first. */
  rate: { startSecond: number; requests: number[]; errors: number[] };
  /** One page of the clients, busiest first: see `clientPage`. */
  clients: ClientSnapshot[];
  clientPage: ClientPage;
  clientCounts: ClientCounts;
  /** Present when the source counts connections (the server always does). */
  connections?: ConnectionSummary;
  /** The boot's progress (the server always reports it). */
  boot?: BootProgress;
  /** File descriptors (the server always reports them). */
  descriptors?: DescriptorSummary;
}

/** What `buildSnapshot` needs besides the source. */
export interface SnapshotOptions {
  version: string;
  /** Unix milliseconds when the server started. */
  startedAt: number;
  /** Which clients to list (default: all, busiest first). */
  clients?: ClientQuery;
}

const iso = (ms: number | undefined) =>
  ms === undefined || ms <= 0 ? undefined : new Date(ms).toISOString();

/** Replaces every URL in `text` with its origin: a webhook's path may hold a secret. */
export function redactUrls(text: string): string {
  return text.replace(
    /\b([a-z][a-z0-9+.-]*):\/\/([^\s/?#)'"]*)[^\s)'"]*/gi,
    (_url, scheme: string, authority: string) =>
      // user:password@ in the authority is a credential too.
      `${scheme}://${authority.replace(/^.*@/, "")}`,
  );
}

function summarize(
  counters: RequestCounters | undefined,
  bounds: number[],
): RequestSummary {
  if (!counters) {
    return {
      requests: 0,
      errorCount: 0,
      errors: {},
      floodWaits: 0,
      latency: { count: 0, sumMs: 0, cumulative: bounds.map(() => 0) },
    };
  }
  const { latency } = counters;
  return {
    requests: counters.requests,
    errorCount: counters.errorCount,
    errors: counters.errorsByKind(),
    floodWaits: counters.floodWaits,
    latency: {
      count: latency.count,
      sumMs: latency.sumMs,
      p50Ms: latency.quantile(0.5),
      p99Ms: latency.quantile(0.99),
      cumulative: latency.cumulative(bounds),
    },
    lastRequestAt: iso(counters.lastRequestAt),
  };
}

function summarizeConnections(
  metrics: ConnectionMetrics | undefined,
): ConnectionSummary | undefined {
  if (!metrics) return undefined;
  return {
    guarded: metrics.guarded,
    open: metrics.open,
    limit: metrics.limit,
    accepted: metrics.accepted,
    refused: metrics.refused,
    headerTimeouts: metrics.headerTimeouts,
    keepAliveTimeouts: metrics.keepAliveTimeouts,
    bodyTimeouts: metrics.bodyTimeouts,
    acceptErrors: metrics.acceptErrors,
  };
}

function hostedPart(stats: ClientStats | undefined) {
  if (!stats) {
    return { loaded: false, connected: false, connectionState: "unloaded" };
  }
  const { updates } = stats;
  const webhook = updates.webhook;
  return {
    loaded: true,
    worker: stats.worker,
    displayName: stats.displayName,
    username: stats.username,
    connected: stats.connected,
    connectionState: stats.connectionState,
    updates: {
      pending: updates.pending,
      dropped: updates.dropped,
      lastUpdateAt: iso(updates.lastUpdateAt),
      webhook: webhook && {
        host: webhook.host,
        lastErrorAt: iso(
          webhook.lastErrorDate === undefined
            ? undefined
            : webhook.lastErrorDate * 1000,
        ),
        lastErrorMessage: webhook.lastErrorMessage === undefined
          ? undefined
          : redactUrls(webhook.lastErrorMessage),
        lastDeliveryLatencyMs: webhook.lastDeliveryLatencyMs,
      },
    },
  };
}

/**
 * Gathers a snapshot; a worker that does not answer in time leaves its
 * clients out. Only the listed page of clients is summarized, so its cost
 * grows with the page, not with the clients, past a sort. Never throws.
 */
export async function buildSnapshot(
  source: StatsSource,
  options: SnapshotOptions,
): Promise<StatsSnapshot> {
  const hosted = await source.clients().catch(() => [] as ClientStats[]);
  const { metrics } = source;
  const bounds = coarseBoundsMs();
  const rows = clientRows(metrics, hosted, metrics.now());
  const query = options.clients ?? {};
  const filter = query.filter || undefined;
  const pattern = filter === undefined ? undefined : filterPattern(filter);
  const matching = pattern === undefined
    ? rows
    : rows.filter((row) => matches(row, pattern));
  const offset = query.offset ?? 0;
  const limit = query.limit ?? matching.length;
  const clients = firstSorted(matching, offset + limit, compareBusiest)
    .slice(offset).map((
      row,
    ): ClientSnapshot => ({
      label: row.label,
      kind: row.kind,
      recentRequests: row.recentRequests,
      ...summarize(row.counters, bounds),
      ...hostedPart(row.stats),
    }));
  const now = metrics.now();
  const memory = Deno.memoryUsage();
  return {
    version: options.version,
    generatedAt: new Date(now).toISOString(),
    uptimeSeconds: Math.max(0, Math.round((now - options.startedAt) / 1000)),
    memory: {
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      fileGc: fileMemory.figures(),
    },
    workers: source.workers(),
    latencyBoundsMs: bounds,
    totals: summarize(metrics.totals, bounds),
    rate: metrics.rates(),
    clients,
    clientPage: { offset, limit, total: matching.length, filter },
    clientCounts: countClients(rows),
    connections: summarizeConnections(source.connections),
    boot: source.boot && { ...source.boot },
    descriptors: source.descriptors && summarizeDescriptors(source.descriptors),
  };
}

function summarizeDescriptors(budget: DescriptorBudget): DescriptorSummary {
  const { limit, reserved } = budget.plan;
  if (!Number.isFinite(limit)) {
    return { limit: null, inUse: budget.inUse, reserved, ceilings: null };
  }
  return {
    limit,
    inUse: budget.inUse,
    reserved,
    ceilings: {
      client: budget.ceiling("client"),
      transfer: budget.ceiling("transfer"),
      connection: budget.ceiling("connection"),
    },
  };
}
