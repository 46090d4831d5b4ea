/** The gateway's request handler: route, parse arguments, call the client's worker, respond. */
import type { ClientRef } from "../client_id.ts";
import {
  DEFAULT_POLL_TIMEOUT_SECONDS,
  methodTraits,
} from "../gateway_methods.ts";
import type { ClientCaller } from "../workers/pool.ts";
import { StreamResult } from "../workers/stream_result.ts";
import { parseArgs } from "./args.ts";
import type { ParsedArgs } from "./args.ts";
import { createBodyDeadline } from "./body_timeout.ts";
import { downloadResponse, parseRange } from "./download.ts";
import type { ByteRange } from "./download.ts";
import { discardUploads } from "./uploads.ts";
import { UploadStreamer } from "./streamed_uploads.ts";
import { errorResponse, jsonResponse, newRequestId } from "./respond.ts";
import { parseRoute } from "./route.ts";
import type { Route } from "./route.ts";
import type { RequestMetrics } from "../stats/metrics.ts";

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
  /** How long getUpdates without a timeout waits (default: DEFAULT_POLL_TIMEOUT_SECONDS). */
  pollTimeoutSeconds?: number;
  /** How long a request body may stall before a 408 (0 or absent: no limit). */
  bodyTimeoutMs?: number;
  /** Called for every request answered 408 because its body stalled. */
  onBodyTimeout?: () => void;
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

/** A ranged method's arguments (what to send, then options) with the Range header's offset and length among the options. */
function withRange(args: unknown[], range: ByteRange): unknown[] {
  const [target, options] = args;
  const base = typeof options === "object" && options !== null ? options : {};
  return [target, { ...base, ...range }];
}

function clientRef(route: Route): ClientRef {
  return route.kind === "bot"
    ? { kind: "bot", id: route.clientId, token: route.token }
    : { kind: "user", id: route.clientId };
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
    pollTimeoutSeconds = DEFAULT_POLL_TIMEOUT_SECONDS,
    bodyTimeoutMs = 0,
    onBodyTimeout,
    pages = {},
    metrics,
  } = options;
  const argsOptions = { maxBodyBytes, maxUploadBytes, maxJsonDepth, uploadDir };
  const readArgs = (body: Request, route: Route) =>
    parseArgs(body, {
      ...argsOptions,
      streamer: new UploadStreamer(clients, clientRef(route), requestTimeoutMs),
    });
  const discardLate = (late: ParsedArgs) => discardUploads(late.files.values());
  const bodyDeadline = bodyTimeoutMs > 0
    ? createBodyDeadline({ timeoutMs: bodyTimeoutMs, onTimeout: onBodyTimeout })
    : undefined;
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
      const { args, files } = bodyDeadline
        ? await bodyDeadline(req, (body) => readArgs(body, route), discardLate)
        : await readArgs(req, route);
      try {
        const traits = methodTraits(route.method);
        // A long poll may wait its own timeout on top of the usual bound.
        const pollMs = (traits.longPoll?.(args, pollTimeoutSeconds) ?? 0) *
          1000;
        const range = traits.ranged
          ? parseRange(req.headers.get("range"))
          : undefined;
        const value = await clients.call(
          clientRef(route),
          route.method,
          range ? withRange(args, range) : args,
          {
            timeoutMs: requestTimeoutMs + pollMs,
            signal: traits.cancelledOnDisconnect ? req.signal : undefined,
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
        route && methodTraits(route.method).longPoll
          ? undefined
          : performance.now() - started,
      );
    }
    return response;
  };
}
