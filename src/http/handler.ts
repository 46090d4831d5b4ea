/** The gateway's request handler: route, parse arguments, call the client's worker, respond. */
import { parseGetUpdatesArgs } from "../updates/params.ts";
import type { ClientRef, UploadedFile } from "../workers/protocol.ts";
import { StreamResult } from "../workers/stream_result.ts";
import { parseArgs } from "./args.ts";
import { downloadResponse, parseRange } from "./download.ts";
import type { ByteRange } from "./download.ts";
import { discardUploads } from "./uploads.ts";
import { errorResponse, jsonResponse, newRequestId } from "./respond.ts";
import { clientFileStem, parseRoute } from "./route.ts";
import type { Route } from "./route.ts";
import type { RequestMetrics } from "../stats/metrics.ts";

/** The part of the worker pool the handler uses. */
export interface ClientCaller {
  call(
    client: ClientRef,
    method: string,
    args: unknown[],
    options: {
      timeoutMs: number;
      signal?: AbortSignal;
      uploads?: UploadedFile[];
    },
  ): Promise<unknown>;
}

/** Options of `createGatewayHandler`. */
export interface GatewayHandlerOptions {
  clients: ClientCaller;
  /** Largest accepted JSON body in bytes. */
  maxBodyBytes: number;
  /** Largest accepted multipart body (files included) in bytes. */
  maxUploadBytes: number;
  /** Deepest nesting of arrays and objects in arguments (default 64). */
  maxJsonDepth?: number;
  /** Where multipart file parts wait while their call runs. */
  uploadDir: string;
  /** How long a call may take before the request fails with 504. */
  requestTimeoutMs: number;
  /** Extra handlers tried first, by exact path (e.g. the stats page). */
  pages?: Record<string, (req: Request) => Response | Promise<Response>>;
  /** Where every gateway request (not the pages) is counted, with its client and latency. */
  metrics?: RequestMetrics;
}

/** What `handle` learnt about a request, for the metrics. */
interface Seen {
  route?: Route;
  page?: boolean;
}

/**
 * Calls stopped when the HTTP client goes away: a long poll must not mark updates
 * as returned, and a download stops fetching. Other calls run to completion, as
 * mtcute cannot abort them, and watching the connection costs every request.
 */
const CANCELLED_ON_DISCONNECT: ReadonlySet<string> = new Set([
  "getUpdates",
  "download",
]);

/** `download`'s arguments with the Range header's offset and length in its trailing object. */
function withRange(args: unknown[], range: ByteRange): unknown[] {
  const [target, options] = args;
  const base = typeof options === "object" && options !== null ? options : {};
  return [target, { ...base, ...range }];
}

function clientRef(route: Route): ClientRef {
  const id = clientFileStem(route);
  return route.kind === "bot"
    ? { kind: "bot", id, token: route.token }
    : { kind: "user", id };
}

/** Builds the `(req) => Promise<Response>` that `Deno.serve` runs for every request. */
export function createGatewayHandler(
  options: GatewayHandlerOptions,
): (req: Request) => Promise<Response> {
  const {
    clients,
    maxBodyBytes,
    maxUploadBytes,
    maxJsonDepth,
    uploadDir,
    requestTimeoutMs,
    pages = {},
    metrics,
  } = options;
  const handle = async (req: Request, seen: Seen): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const { pathname } = new URL(req.url);
      const page = pages[pathname] ?? pages[pathname.replace(/\/$/, "")];
      if (page) {
        seen.page = true;
        return await page(req);
      }
      const route = seen.route = parseRoute(pathname);
      const { args, files } = await parseArgs(req, {
        maxBodyBytes,
        maxUploadBytes,
        maxJsonDepth,
        uploadDir,
      });
      try {
        // A long poll may wait its own timeout on top of the usual bound.
        const pollMs = route.method === "getUpdates"
          ? parseGetUpdatesArgs(args).timeout * 1000
          : 0;
        const range = route.method === "download"
          ? parseRange(req.headers.get("range"))
          : undefined;
        const value = await clients.call(
          clientRef(route),
          route.method,
          range ? withRange(args, range) : args,
          {
            timeoutMs: requestTimeoutMs + pollMs,
            signal: CANCELLED_ON_DISCONNECT.has(route.method)
              ? req.signal
              : undefined,
            uploads: [...files.values()],
          },
        );
        if (value instanceof StreamResult) {
          return downloadResponse(value, range !== undefined, requestId);
        }
        return jsonResponse(value, 200, { "x-request-id": requestId });
      } finally {
        // The worker has read the spooled files by the time it answers.
        if (files.size) await discardUploads(files.values());
      }
    } catch (error) {
      // The HTTP client went away mid-call: nobody reads this, and it is no server fault to log.
      if (req.signal.aborted) return new Response(null, { status: 499 });
      return errorResponse(error, requestId);
    }
  };
  if (!metrics) return (req) => handle(req, {});
  return async (req) => {
    const started = performance.now();
    const seen: Seen = {};
    const response = await handle(req, seen);
    if (!seen.page) {
      const { route } = seen;
      // A long poll waits on purpose: its time would drown the latency figures.
      metrics.record(
        route?.clientId,
        response,
        route?.method === "getUpdates"
          ? undefined
          : performance.now() - started,
      );
    }
    return response;
  };
}
