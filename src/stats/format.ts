/** How the stats page writes sizes, durations and times. */

/** Bytes as MiB with one decimal. */
export function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A duration in milliseconds, with a unit and about three significant digits; "—" when unknown. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return "—";
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Seconds as "3 d 4 h", "2 h 5 min", "7 min 3 s" or "42 s". */
export function formatUptime(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor(seconds % 86400 / 3600);
  const m = Math.floor(seconds % 3600 / 60);
  const s = seconds % 60;
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  if (m) return `${m} min ${s} s`;
  return `${s} s`;
}

/** How long before `now` the ISO time `at` was: "12 s ago", "3 min ago"; "—" when unknown. */
export function formatAgo(at: string | undefined, now: string): string {
  if (!at) return "—";
  const seconds = Math.max(
    0,
    Math.round((Date.parse(now) - Date.parse(at)) / 1000),
  );
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}
