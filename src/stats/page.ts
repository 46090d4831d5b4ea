/**
 * The stats handlers, by path: `<stats>` (HTML, or JSON for
 * `Accept: application/json`), `<stats>.json` and `<stats>/metrics`
 * (Prometheus), optionally behind a token. The HTML and the JSON list one
 * page of clients (`?limit=&offset=&q=`, see query.ts); the metrics give
 * per-client series to the `clientSeries` busiest only.
 */
import { MethodNotAllowedError } from "../errors.ts";
import { VERSION } from "../version.ts";
import { accessCookie, checkAccess } from "./access.ts";
import { escapeHtml, FAVICON, renderStatsHtml } from "./html.ts";
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from "./prometheus.ts";
import { parseClientQuery } from "./query.ts";
import { buildSnapshot } from "./snapshot.ts";
import type { StatsSource } from "./snapshot.ts";

export type { StatsSource } from "./snapshot.ts";

/** Options of `createStatsPages`. */
export interface StatsPagesOptions {
  /** The `--stats` path, without a trailing slash (e.g. `/stats`). */
  path: string;
  source: StatsSource;
  /** When set, every stats path needs this token (`--stats-token`); public otherwise. */
  token?: string;
  /** Unix milliseconds when the server started (default: when the process did). */
  startedAt?: number;
  /** The version shown (default: the server's). */
  version?: string;
  /** Per-client Prometheus series for this many of the busiest clients (`--stats-client-series`; default 0: aggregates only). */
  clientSeries?: number;
}

type Format = "html" | "json" | "prometheus";
type Handler = (req: Request) => Promise<Response>;

const COMMON_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  vary: "accept, authorization, cookie",
};

function htmlHeaders(nonce?: string): Record<string, string> {
  return {
    ...COMMON_HEADERS,
    "content-type": "text/html; charset=utf-8",
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
      `script-src ${
        nonce ? `'nonce-${nonce}'` : "'none'"
      }; connect-src 'self'; ` +
      "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  };
}

function wantsJson(req: Request): boolean {
  return req.headers.get("accept")?.includes("application/json") ?? false;
}

function denied(format: Format, path: string): Response {
  const headers = {
    ...COMMON_HEADERS,
    "www-authenticate": 'Bearer realm="mtkruto-stats"',
    "x-error-type": "unauthorized",
  };
  const message =
    "The stats need the token given with --stats-token: send Authorization: Bearer <token> or add ?token=<token>";
  if (format === "html") {
    const body =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MTKruto Server · stats</title>${FAVICON}` +
      `<meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<style>body{font:15px system-ui,sans-serif;margin:15vh auto;max-width:26em;padding:0 1em}input,button{font:inherit;padding:.3em .5em}</style></head>` +
      `<body><h1>Statistics</h1><p>This page needs the stats token (<code>--stats-token</code>).</p>` +
      `<form method="get" action="${
        escapeHtml(path)
      }"><input type="password" name="token" ` +
      `autocomplete="current-password" aria-label="Stats token" autofocus> <button>Open</button></form></body></html>`;
    return new Response(body, {
      status: 401,
      headers: { ...htmlHeaders(), ...headers },
    });
  }
  if (format === "json") {
    return Response.json(message, { status: 401, headers });
  }
  return new Response(`${message}\n`, {
    status: 401,
    headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
  });
}

function randomNonce(): string {
  return crypto.getRandomValues(new Uint8Array(16)).toBase64();
}

/**
 * Builds the stats handlers keyed by path, for `createGatewayHandler`'s
 * `pages`. They answer GET and HEAD (others throw MethodNotAllowedError), and
 * reveal no token, user id, phone number or webhook secret.
 */
export function createStatsPages(
  options: StatsPagesOptions,
): Record<string, Handler> {
  const {
    path,
    source,
    token,
    startedAt = performance.timeOrigin,
    version = VERSION,
    clientSeries = 0,
  } = options;
  const jsonPath = `${path}.json`;
  const metricsPath = `${path}/metrics`;

  const serve = (fixed?: Format): Handler => async (req) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      // Rendered as JSON with the gateway's other errors.
      throw new MethodNotAllowedError(req.method, ["GET", "HEAD"]);
    }
    const format = fixed ?? (wantsJson(req) ? "json" : "html");
    const access = checkAccess(req, token);
    if (!access.granted) return denied(format, path);
    const url = new URL(req.url);
    if (access.via === "query" && format === "html" && token !== undefined) {
      // Take the token out of the address bar (and history); the cookie stands in for it.
      url.searchParams.delete("token");
      return new Response(null, {
        status: 303,
        headers: {
          ...COMMON_HEADERS,
          location: `${path}${url.search}`,
          "set-cookie": accessCookie(token),
        },
      });
    }
    // The metrics list no page: their per-client series are for the busiest clients alone.
    const clients = format === "prometheus"
      ? { limit: clientSeries }
      : parseClientQuery(url);
    const snapshot = await buildSnapshot(source, {
      version,
      startedAt,
      clients,
    });
    let response: Response;
    if (format === "json") {
      response = Response.json(snapshot, { headers: COMMON_HEADERS });
    } else if (format === "prometheus") {
      response = new Response(renderPrometheus(snapshot, { clientSeries }), {
        headers: { ...COMMON_HEADERS, "content-type": PROMETHEUS_CONTENT_TYPE },
      });
    } else {
      const nonce = randomNonce();
      response = new Response(
        renderStatsHtml(snapshot, { jsonPath, metricsPath, nonce }),
        { headers: htmlHeaders(nonce) },
      );
    }
    return req.method === "HEAD"
      ? new Response(null, { headers: response.headers })
      : response;
  };

  return {
    [path]: serve(),
    [jsonPath]: serve("json"),
    [metricsPath]: serve("prometheus"),
  };
}
