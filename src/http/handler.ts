/** The gateway's request handler: route, parse arguments, call the client's worker, respond. */
import { InputError } from "../errors.ts";
import { ALLOWED_METHODS, GATEWAY_METHODS } from "../telegram/methods.ts";
import { parseGetUpdatesArgs } from "../updates/params.ts";
import type { ClientRef } from "../workers/protocol.ts";
import { parseArgs } from "./args.ts";
import { isFileReference } from "./file_reference.ts";
import { errorResponse, jsonResponse, newRequestId } from "./respond.ts";
import { clientFileStem, parseRoute } from "./route.ts";
import type { Route } from "./route.ts";

/** The part of the worker pool the handler uses. */
export interface ClientCaller {
  call(
    client: ClientRef,
    method: string,
    args: unknown[],
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<unknown>;
}

/** Options of `createGatewayHandler`. */
export interface GatewayHandlerOptions {
  clients: ClientCaller;
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
  /** How long a call may take before the request fails with 504. */
  requestTimeoutMs: number;
  /** Extra handlers tried first, by exact path (e.g. the stats page). */
  pages?: Record<string, (req: Request) => Response | Promise<Response>>;
}

function methodList() {
  return { gateway: GATEWAY_METHODS, ...ALLOWED_METHODS };
}

function clientRef(route: Route): ClientRef {
  const id = clientFileStem(route);
  return route.kind === "bot"
    ? { kind: "bot", id, token: route.token }
    : { kind: "user", id };
}

/** Puts each referenced multipart file where its `{"_":"file"}` placeholder stood. */
function attachFiles(value: unknown, files: Map<string, File>): unknown {
  if (isFileReference(value)) {
    const file = files.get(value.field);
    if (!file) {
      throw new InputError(
        `No multipart file part named ${JSON.stringify(value.field)}`,
      );
    }
    return file;
  }
  if (Array.isArray(value)) {
    return value.map((item) => attachFiles(item, files));
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map((
        [key, item],
      ) => [key, attachFiles(item, files)]),
    );
  }
  return value;
}

/** Builds the `(req) => Promise<Response>` that `Deno.serve` runs for every request. */
export function createGatewayHandler(
  options: GatewayHandlerOptions,
): (req: Request) => Promise<Response> {
  const { clients, maxBodyBytes, requestTimeoutMs, pages = {} } = options;
  return async (req) => {
    const requestId = newRequestId();
    try {
      const { pathname } = new URL(req.url);
      const page = pages[pathname] ?? pages[pathname.replace(/\/$/, "")];
      if (page) return await page(req);
      const route = parseRoute(pathname);
      const { args, files } = await parseArgs(req, { maxBodyBytes });
      if (route.method === "methods") {
        return jsonResponse(methodList(), 200, { "x-request-id": requestId });
      }
      // A long poll may wait its own timeout on top of the usual bound.
      const pollMs = route.method === "getUpdates"
        ? parseGetUpdatesArgs(args).timeout * 1000
        : 0;
      const value = await clients.call(
        clientRef(route),
        route.method,
        files.size ? args.map((arg) => attachFiles(arg, files)) : args,
        { timeoutMs: requestTimeoutMs + pollMs, signal: req.signal },
      );
      return jsonResponse(value, 200, { "x-request-id": requestId });
    } catch (error) {
      // The HTTP client went away mid-call: nobody reads this, and it is no server fault to log.
      if (req.signal.aborted) return new Response(null, { status: 499 });
      return errorResponse(error, requestId);
    }
  };
}
