/**
 * The stats page as HTML: self-contained (inline style, SVG and a tiny
 * refresh script, no external assets), every value escaped.
 */
import type { FileGcFigures } from "../reclaim.ts";
import type { BootProgress } from "../workers/boot.ts";
import { renderRateChart } from "./chart.ts";
import { formatAgo, formatBytes, formatMs, formatUptime } from "./format.ts";
import { DEFAULT_CLIENT_LIMIT, MAX_FILTER_LENGTH } from "./query.ts";
import type {
  ClientPage,
  ClientSnapshot,
  DescriptorSummary,
  RequestSummary,
  StatsSnapshot,
} from "./snapshot.ts";

/** An empty icon, so browsers do not ask the gateway for /favicon.ico (a 404 that would count as traffic). */
export const FAVICON = '<link rel="icon" href="data:,">';

/** How often the page reloads its figures, in seconds. */
export const REFRESH_SECONDS = 5;

/** Options of `renderStatsHtml`. */
export interface HtmlOptions {
  /** Paths of the JSON and Prometheus variants, linked from the page. */
  jsonPath: string;
  metricsPath: string;
  /** A fresh random nonce that the Content-Security-Policy allows the refresh script with. */
  nonce: string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` safe inside HTML elements and quoted attributes. Never throws. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function errorsText(summary: RequestSummary): string {
  const parts = Object.entries(summary.errors).map(([kind, count]) =>
    `${kind} ${count}`
  );
  return parts.length ? parts.join(", ") : "—";
}

/** The errors cell: a narrow column wraps between kinds, never inside "input 3". */
function errorsCell(client: ClientSnapshot): string {
  const parts = Object.entries(client.errors).map(([kind, count]) =>
    `<span class="nowrap">${escapeHtml(`${kind} ${count}`)}</span>`
  );
  return `<td data-field="errors" data-value="${client.errorCount}">${
    parts.length ? parts.join(", ") : "—"
  }</td>`;
}

function cell(field: string, text: string, extra = ""): string {
  return `<td data-field="${field}"${extra}>${escapeHtml(text)}</td>`;
}

function titled(title: string | undefined): string {
  return title === undefined ? "" : ` title="${escapeHtml(title)}"`;
}

function stateCell(client: ClientSnapshot): string {
  const state = client.connected ? "connected" : client.connectionState;
  const tone = client.connected ? "ok" : client.loaded ? "warn" : "off";
  return `<td data-field="state"><span class="chip ${tone}">${
    escapeHtml(state)
  }</span></td>`;
}

function webhookCell(client: ClientSnapshot): string {
  const webhook = client.updates?.webhook;
  if (!webhook) return cell("webhook", "—");
  const parts = [escapeHtml(webhook.host)];
  if (webhook.lastDeliveryLatencyMs !== undefined) {
    parts.push(`last delivery ${formatMs(webhook.lastDeliveryLatencyMs)}`);
  }
  if (webhook.lastErrorMessage !== undefined) {
    parts.push(
      `<span class="bad"${titled(webhook.lastErrorAt)}>error: ${
        escapeHtml(webhook.lastErrorMessage)
      }</span>`,
    );
  }
  return `<td data-field="webhook">${parts.join("<br>")}</td>`;
}

function clientRow(client: ClientSnapshot, now: string): string {
  const name = [
    client.displayName,
    client.username === undefined ? undefined : `@${client.username}`,
  ].filter((part) => part !== undefined).join(" ");
  const lastUpdate = client.updates?.lastUpdateAt;
  return `<tr data-client="${escapeHtml(client.label)}">` +
    `<td data-field="label"><code>${escapeHtml(client.label)}</code></td>` +
    cell("kind", client.kind) +
    cell("name", name || "—") +
    stateCell(client) +
    cell("worker", client.worker === undefined ? "—" : String(client.worker)) +
    cell("requests", String(client.requests), ' class="num"') +
    errorsCell(client) +
    cell("flood-waits", String(client.floodWaits), ' class="num"') +
    cell("p50", formatMs(client.latency.p50Ms), ' class="num"') +
    cell("p99", formatMs(client.latency.p99Ms), ' class="num"') +
    cell(
      "pending",
      client.updates === undefined ? "—" : String(client.updates.pending),
      ' class="num"',
    ) +
    cell("last-update", formatAgo(lastUpdate, now), titled(lastUpdate)) +
    webhookCell(client) +
    "</tr>";
}

function card(field: string, label: string, value: string, note = ""): string {
  return `<div class="card"><div class="label">${escapeHtml(label)}</div>` +
    `<div class="value" data-field="${field}">${escapeHtml(value)}</div>` +
    `<div class="note">${escapeHtml(note)}</div></div>`;
}

/** Sessions checked at start, and what came of them. */
function bootCard(boot: BootProgress): string {
  const failed = boot.failed ? `, ${boot.failed} failed` : "";
  const state = boot.finishedAt === undefined
    ? "starting"
    : `done in ${
      formatUptime(Math.round((boot.finishedAt - boot.startedAt) / 1000))
    }`;
  return card(
    "boot",
    "Boot",
    `${boot.checked} / ${boot.sessions}`,
    `sessions checked, ${boot.started} started${failed}; ${state}`,
  );
}

/** File descriptors counted against `ulimit -n`. */
function descriptorsCard(descriptors: DescriptorSummary): string {
  const limit = descriptors.limit === null ? "no limit" : descriptors.limit;
  const refused = descriptors.ceilings
    ? `; new clients refused past ${descriptors.ceilings.client}`
    : "";
  return card(
    "descriptors",
    "Open files",
    `${descriptors.inUse} / ${limit}`,
    `${descriptors.reserved} set aside for session databases and the runtime${refused}`,
  );
}

function chartSection(snapshot: StatsSnapshot): string {
  const { requests } = snapshot.rate;
  const { svg, top } = renderRateChart(snapshot.rate);
  const lastMinute = requests.slice(-61, -1).reduce((sum, n) => sum + n, 0);
  return `<section><h2>Requests per second <small>last ${
    Math.round(requests.length / 60)
  } minutes · ${
    (lastMinute / 60).toFixed(1)
  }/s over the last minute · errors in red</small></h2>` +
    `<div class="plot"><div class="top">${top}/s</div>${svg}` +
    `<div class="axis"><span>−${
      Math.round(requests.length / 60)
    } min</span><span>now</span></div></div></section>`;
}

function formatFileGc({ collections, ms }: FileGcFigures): string {
  return `${collections} (${ms} ms)`;
}

function workersTable(snapshot: StatsSnapshot): string {
  const rows = snapshot.workers.map((w) =>
    `<tr data-worker="${w.index}"><td>${w.index}</td><td class="num">${w.clients}</td>` +
    `<td class="num">${w.pendingCalls}</td><td class="num">${w.callsServed}</td>` +
    `<td class="num">${w.restarts}</td><td class="num">${
      formatFileGc(w.fileGc)
    }</td></tr>`
  ).join("");
  return `<section><h2>Workers</h2><table><thead><tr><th>Worker</th><th class="num">Clients</th>` +
    `<th class="num">In flight</th><th class="num">Calls served</th><th class="num">Restarts</th>` +
    `<th class="num" title="Garbage collections during file transfers (--file-gc) and the time they took">File GC</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** HTTP connections and the slow or surplus clients dropped; "—" where Deno.serve accepts them. */
function connectionsTable(snapshot: StatsSnapshot): string {
  const connections = snapshot.connections;
  if (!connections) return "";
  const seen = (value: number) => connections.guarded ? String(value) : "—";
  const columns: [string, string, string, string][] = [
    ["open", "Open", "", seen(connections.open)],
    [
      "limit",
      "Limit",
      "--max-connections",
      connections.guarded && connections.limit === 0
        ? "none"
        : seen(connections.limit),
    ],
    ["accepted", "Accepted", "", seen(connections.accepted)],
    [
      "refused",
      "Refused",
      "Answered 503 and closed because the limit was reached",
      seen(connections.refused),
    ],
    [
      "header-timeouts",
      "Header timeouts",
      "Closed before the first request's headers were complete (--header-timeout)",
      seen(connections.headerTimeouts),
    ],
    [
      "keepalive-timeouts",
      "Keep-alive timeouts",
      "Kept alive, then closed for want of a next request (--keepalive-timeout)",
      seen(connections.keepAliveTimeouts),
    ],
    [
      "body-timeouts",
      "Body timeouts",
      "Requests answered 408 because their body stalled (--body-timeout)",
      String(connections.bodyTimeouts),
    ],
  ];
  const head = columns.map(([, label, title]) =>
    `<th class="num"${titled(title || undefined)}>${escapeHtml(label)}</th>`
  ).join("");
  const cells = columns.map(([field, , , value]) =>
    cell(`connections-${field}`, value, ' class="num"')
  ).join("");
  return `<section><h2>Connections</h2><table><thead><tr>${head}</tr></thead>` +
    `<tbody><tr>${cells}</tr></tbody></table></section>`;
}

/** `?q=&offset=&limit=` for another page of the same listing (the limit only when not the default). */
function pageHref(page: ClientPage, offset: number): string {
  const params = new URLSearchParams();
  if (page.filter) params.set("q", page.filter);
  if (offset > 0) params.set("offset", String(offset));
  if (page.limit !== DEFAULT_CLIENT_LIMIT) {
    params.set("limit", String(page.limit));
  }
  return escapeHtml(`?${params}`);
}

/** "Clients 1–100 of 10000" with previous and next links. */
function pager(page: ClientPage, shown: number): string {
  const { offset, limit, total } = page;
  const range = shown
    ? `${offset + 1}–${offset + shown} of ${total}`
    : `none of ${total}`;
  const previous = offset > 0
    ? `<a rel="prev" href="${
      pageHref(page, Math.max(0, offset - limit))
    }">← Previous</a>`
    : '<span class="off">← Previous</span>';
  const next = offset + shown < total && limit > 0
    ? `<a rel="next" href="${pageHref(page, offset + limit)}">Next →</a>`
    : '<span class="off">Next →</span>';
  return `<nav class="pager" aria-label="Clients pages">${previous}` +
    `<span data-field="clients-range">${escapeHtml(range)}</span>${next}</nav>`;
}

/** The filter box: outside the refreshed parts, so that typing survives a refresh. */
function filterForm(page: ClientPage): string {
  const limit = page.limit === DEFAULT_CLIENT_LIMIT
    ? ""
    : `<input type="hidden" name="limit" value="${page.limit}">`;
  const clear = page.filter ? ' <a href="?">Clear</a>' : "";
  return `<form class="filter" method="get" action="" role="search">` +
    `<input type="search" name="q" value="${escapeHtml(page.filter ?? "")}" ` +
    `maxlength="${MAX_FILTER_LENGTH}" placeholder="Filter by label, username or name" ` +
    `aria-label="Filter clients">${limit} <button>Filter</button>${clear}</form>`;
}

function clientsTable(snapshot: StatsSnapshot): string {
  const page = snapshot.clientPage;
  const rows = snapshot.clients.map((c) => clientRow(c, snapshot.generatedAt))
    .join("");
  const emptyText = page.filter
    ? "No client matches the filter."
    : page.total
    ? "No client on this page."
    : "No client has been used yet.";
  const empty = snapshot.clients.length
    ? ""
    : `<tr><td colspan="13" class="empty">${escapeHtml(emptyText)}</td></tr>`;
  return `<section><h2 id="live-clients-title" data-live>Clients <small>${snapshot.clientCounts.all} · busiest first (requests over the last ${
    Math.round(snapshot.rate.requests.length / 60)
  } minutes, then pending updates)</small></h2>` +
    filterForm(page) +
    `<div id="live-clients" data-live><div class="scroll"><table>` +
    "<thead><tr><th>Client</th><th>Kind</th><th>Name</th><th>State</th><th>Worker</th>" +
    '<th class="num">Requests</th><th>Errors</th><th class="num">FLOOD_<wbr>WAIT</th>' +
    '<th class="num">p50</th><th class="num">p99</th><th class="num">Pending updates</th>' +
    "<th>Last update</th><th>Webhook</th></tr></thead>" +
    `<tbody>${rows}${empty}</tbody></table></div>${
      pager(page, snapshot.clients.length)
    }</div></section>`;
}

/**
 * Long names, webhook hosts and errors wrap so that the clients table fits a
 * 1280 px window; only narrower windows scroll it, inside `.scroll`.
 */
const STYLE =
  `:root{color-scheme:light dark;--fg:#1d232a;--muted:#69737d;--bg:#f6f7f9;--panel:#fff;--line:#e1e4e8;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--bar:#2f6fde}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#8d96a0;--bg:#0d1117;--panel:#161b22;--line:#30363d;--ok:#3fb950;--warn:#d29922;--bad:#f85149;--bar:#4c8ef7}}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;padding:24px;color:var(--fg);background:var(--bg)}
header{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:8px}
h1{font-size:20px;margin:0}h1 small,h2 small,.meta,.note,.label{color:var(--muted);font-weight:normal}h2{font-size:15px;margin:24px 0 8px}
a{color:var(--bar)}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin-top:16px}
.card,.plot,table{background:var(--panel);border:1px solid var(--line);border-radius:8px}.card{padding:12px 14px}
.label{font-size:12px;text-transform:uppercase;letter-spacing:.04em}.value{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}.note{font-size:12px}
.plot{padding:10px 12px}.top{font-size:12px;color:var(--muted)}.chart{display:block;width:100%;height:120px}
.chart .grid line{stroke:var(--line);stroke-width:1;vector-effect:non-scaling-stroke}.chart .ok{stroke:var(--bar)}.chart .err{stroke:var(--bad)}.chart path{stroke-width:1}
.axis{display:flex;justify-content:space-between;font-size:12px;color:var(--muted)}
.scroll{overflow-x:auto}table{border-collapse:separate;border-spacing:0;width:100%}th,td{padding:6px 7px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap;vertical-align:top}
th,td[data-field=errors]{white-space:normal}.nowrap{white-space:nowrap}td[data-field=name],td[data-field=webhook]{white-space:normal;overflow-wrap:anywhere;min-width:8em}td[data-field=name]{min-width:10em}
tr:last-child td{border-bottom:0}th{font-size:12px;color:var(--muted);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:12px}.chip{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;border:1px solid currentColor}
.chip.ok{color:var(--ok)}.chip.warn{color:var(--warn)}.chip.off{color:var(--muted)}.bad{color:var(--bad)}.empty{color:var(--muted);text-align:center}
.filter{margin:0 0 8px}.filter input,.filter button{font:inherit;padding:.2em .5em}.filter input{width:22em;max-width:100%}
.pager{display:flex;gap:16px;align-items:baseline;margin-top:8px;color:var(--muted)}.pager .off{opacity:.5}`;

/**
 * Swaps the parts marked `data-live` in place every few seconds, keeping the
 * scroll position and the filter box; reloads after a 401. Typing in the
 * filter box re-lists the clients shortly after, and keeps the filter in the
 * address (without reloading the page).
 */
const SCRIPT =
  `const live=async()=>{try{const r=await fetch(location.pathname+location.search,` +
  `{headers:{accept:"text/html"},cache:"no-store"});if(r.status===401)return location.reload();if(!r.ok)return;` +
  `const d=new DOMParser().parseFromString(await r.text(),"text/html");` +
  `for(const n of d.querySelectorAll("[data-live]"))document.getElementById(n.id)?.replaceWith(n)}catch{}};` +
  `setInterval(live,${
    REFRESH_SECONDS * 1000
  });const f=document.querySelector("form.filter");let t;` +
  `f?.addEventListener("input",()=>{clearTimeout(t);t=setTimeout(()=>{` +
  `history.replaceState(null,"","?"+new URLSearchParams(new FormData(f)));live()},300)});`;

/** The whole page for `snapshot`. Never throws. */
export function renderStatsHtml(
  snapshot: StatsSnapshot,
  options: HtmlOptions,
): string {
  const { totals, memory } = snapshot;
  const updated = snapshot.generatedAt.slice(11, 19);
  const cards = [
    card("uptime", "Uptime", formatUptime(snapshot.uptimeSeconds)),
    card(
      "rss",
      "Memory (RSS)",
      formatBytes(memory.rss),
      `heap ${formatBytes(memory.heapUsed)} of ${
        formatBytes(memory.heapTotal)
      }; file GC ${formatFileGc(memory.fileGc)}`,
    ),
    card(
      "workers",
      "Workers",
      String(snapshot.workers.length),
      `${snapshot.clientCounts.loaded} client(s) loaded`,
    ),
    ...(snapshot.boot ? [bootCard(snapshot.boot)] : []),
    ...(snapshot.descriptors ? [descriptorsCard(snapshot.descriptors)] : []),
    card("requests", "Requests", String(totals.requests), "since start"),
    card("errors", "Errors", String(totals.errorCount), errorsText(totals)),
    card("flood-waits", "FLOOD_WAIT", String(totals.floodWaits), "status 420"),
    card(
      "p50",
      "Latency p50",
      formatMs(totals.latency.p50Ms),
      "long polls left out",
    ),
    card(
      "p99",
      "Latency p99",
      formatMs(totals.latency.p99Ms),
      "long polls left out",
    ),
  ].join("");
  const live =
    `<main data-generated-at="${escapeHtml(snapshot.generatedAt)}">` +
    `<div id="live-top" data-live>` +
    `<header><h1>MTKruto Server <small>${
      escapeHtml(snapshot.version)
    }</small></h1>` +
    `<div class="meta">Updated ${
      escapeHtml(updated)
    } UTC · refreshes every ${REFRESH_SECONDS} s · ` +
    `<a href="${escapeHtml(options.jsonPath)}">JSON</a> · ` +
    `<a href="${
      escapeHtml(options.metricsPath)
    }">Prometheus</a></div></header>` +
    `<section class="cards">${cards}</section>` +
    chartSection(snapshot) + "</div>" + clientsTable(snapshot) +
    `<div id="live-bottom" data-live>${workersTable(snapshot)}${
      connectionsTable(snapshot)
    }</div></main>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>MTKruto Server · stats</title>${FAVICON}` +
    `<noscript><meta http-equiv="refresh" content="${REFRESH_SECONDS}"></noscript>` +
    `<style>${STYLE}</style></head><body>${live}` +
    `<script nonce="${
      escapeHtml(options.nonce)
    }">${SCRIPT}</script></body></html>`;
}
