/** The stats page: uptime, memory and workers, as HTML for browsers and JSON for scripts. */
import type { WorkerStats } from "../workers/pool.ts";
import { VERSION } from "../version.ts";

/** Where the figures come from. */
export interface StatsSource {
  workers(): WorkerStats[];
}

/** A snapshot of the figures; nothing in it identifies a client. */
export interface StatsSnapshot {
  version: string;
  uptimeSeconds: number;
  memory: { rss: number; heapUsed: number; heapTotal: number };
  workers: WorkerStats[];
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[
        c
      ]!,
  );

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function renderHtml(stats: StatsSnapshot): string {
  const rows = stats.workers.map((w) =>
    `<tr><td>${w.index}</td><td>${w.clients}</td><td>${w.callsServed}</td><td>${w.pendingCalls}</td><td>${w.restarts}</td></tr>`
  ).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>MTKruto Server stats</title><style>body{font:15px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .8em;text-align:right}</style></head><body>
<h1>MTKruto Server ${escapeHtml(stats.version)}</h1>
<p>Up ${stats.uptimeSeconds} s · RSS ${mib(stats.memory.rss)} · heap ${
    mib(stats.memory.heapUsed)
  } of ${mib(stats.memory.heapTotal)}</p>
<table><thead><tr><th>Worker</th><th>Clients</th><th>Calls served</th><th>In flight</th><th>Restarts</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>`;
}

/** Builds the stats handler; JSON when the client asks for it with `Accept: application/json`. */
export function createStatsPage(
  source: StatsSource,
): (req: Request) => Response {
  const startedAt = Date.now();
  return (req) => {
    const memory = Deno.memoryUsage();
    const stats: StatsSnapshot = {
      version: VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      memory: {
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        heapTotal: memory.heapTotal,
      },
      workers: source.workers(),
    };
    if (req.headers.get("accept")?.includes("application/json")) {
      return Response.json(stats);
    }
    return new Response(renderHtml(stats), {
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  };
}
