/**
 * The clients of a stats snapshot before their figures are summarized: the
 * front's request counters joined with the workers' reports by label, the
 * busiest-first order, the filter and the counts.
 */
import type { ClientStats } from "../workers/client_stats.ts";
import { clientLabel } from "../client_id.ts";
import type { RequestCounters, RequestMetrics } from "./metrics.ts";

/** Figures over every client, whatever page is listed. */
export interface ClientCounts {
  /** Clients with request figures or hosted by a worker. */
  all: number;
  loaded: number;
  connected: number;
  /** Updates queued and not yet confirmed, over all loaded clients. */
  pendingUpdates: number;
}

/** A client before its figures are summarized: only what ranking and filtering need (one shape, for speed). */
export interface ClientRow {
  label: string;
  kind: "bot" | "user";
  counters: RequestCounters | undefined;
  stats: ClientStats | undefined;
  recentRequests: number;
  pending: number;
  requests: number;
}

/**
 * The busiest-first order: most requests over the stats window, then most
 * pending updates, then most requests since the start, then by label (so
 * that pages are stable). Negative when `a` comes first.
 */
export function compareBusiest(a: ClientRow, b: ClientRow): number {
  return b.recentRequests - a.recentRequests || b.pending - a.pending ||
    b.requests - a.requests ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** A case-insensitive test for `filter` anywhere in a string: no lower-cased copy of 10,000 names per response. */
export function filterPattern(filter: string): RegExp {
  return new RegExp(filter.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"), "i");
}

/** Whether the row's label, username or display name matches `pattern`. */
export function matches(row: ClientRow, pattern: RegExp): boolean {
  const { stats } = row;
  return pattern.test(row.label) ||
    (stats?.username !== undefined && pattern.test(stats.username)) ||
    (stats?.displayName !== undefined && pattern.test(stats.displayName));
}

/** A client with request figures, under its label; `listed` marks the snapshot that last joined it. */
interface LabelledCounters {
  clientId: string;
  label: string;
  counters: RequestCounters;
  listed: number;
}

/**
 * The clients with request figures by label, kept per `RequestMetrics` and
 * grown as it gets rows (it never drops one): a user's label is a SHA-256,
 * too dear to hash 10,000 times per response, and one lookup per hosted
 * client is all a snapshot then needs to join the two.
 */
const labelIndexes = new WeakMap<
  RequestMetrics,
  { byLabel: Map<string, LabelledCounters>; indexed: Set<RequestCounters> }
>();
let snapshotCount = 0;

function labelIndex(metrics: RequestMetrics): Map<string, LabelledCounters> {
  let index = labelIndexes.get(metrics);
  if (!index) {
    index = { byLabel: new Map(), indexed: new Set() };
    labelIndexes.set(metrics, index);
  }
  const { byLabel, indexed } = index;
  if (indexed.size < metrics.clients().size) {
    metrics.clients().forEach((counters, clientId) => {
      if (indexed.has(counters)) return;
      indexed.add(counters);
      const label = clientLabel(clientId);
      byLabel.set(label, { clientId, label, counters, listed: 0 });
    });
  }
  return byLabel;
}

/** Every client with figures or a worker, unsummarized; request figures and hosted ones joined by label. */
export function clientRows(
  metrics: RequestMetrics,
  hosted: ClientStats[],
  now: number,
): ClientRow[] {
  const byLabel = labelIndex(metrics);
  const listed = ++snapshotCount;
  const rows: ClientRow[] = [];
  for (const stats of hosted) {
    const known = byLabel.get(stats.label);
    if (known) known.listed = listed;
    const counters = known?.counters;
    rows.push({
      label: stats.label,
      kind: stats.kind,
      counters,
      stats,
      recentRequests: counters ? counters.recent.total(now) : 0,
      pending: stats.updates.pending,
      requests: counters ? counters.requests : 0,
    });
  }
  // Clients with figures that no worker hosts now (unloaded while idle, or not yet).
  byLabel.forEach((known) => {
    if (known.listed === listed) return;
    rows.push({
      label: known.label,
      kind: known.clientId.startsWith("bot") ? "bot" : "user",
      counters: known.counters,
      stats: undefined,
      recentRequests: known.counters.recent.total(now),
      pending: 0,
      requests: known.counters.requests,
    });
  });
  return rows;
}

/** How many clients there are, loaded and connected, and their pending updates. */
export function countClients(rows: ClientRow[]): ClientCounts {
  const counts = {
    all: rows.length,
    loaded: 0,
    connected: 0,
    pendingUpdates: 0,
  };
  for (const { stats } of rows) {
    if (!stats) continue;
    counts.loaded++;
    if (stats.connected) counts.connected++;
    counts.pendingUpdates += stats.updates.pending;
  }
  return counts;
}
