/**
 * The control API's HTTP plumbing: JSON answers, reading bodies and query
 * parameters with 400s for bad input, and a route table with `:name` path
 * segments, served with 404/405 for what it lacks.
 */
import { RpcFailure } from "./contract.ts";

/** A control request whose input is wrong: answered with 400 and `{"error"}`. */
export class BadRequest extends Error {}

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

/** The request's JSON object body; `BadRequest` otherwise. */
export async function readBody(req: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new BadRequest("the body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new BadRequest("the body must be an object");
  }
  return body as Record<string, unknown>;
}

/** `source[name]` of the given type; `BadRequest` otherwise. */
export function field<T extends "string" | "number">(
  source: Record<string, unknown>,
  name: string,
  type: T,
): T extends "string" ? string : number {
  const value = source[name];
  if (
    typeof value !== type || (type === "number" && !Number.isSafeInteger(value))
  ) {
    throw new BadRequest(
      `${name} must be ${type === "number" ? "an integer" : "a string"}`,
    );
  }
  return value as T extends "string" ? string : number;
}

/** `source[name]` if given, as a string. */
export function optionalString(
  source: Record<string, unknown>,
  name: string,
): string | undefined {
  return source[name] === undefined ? undefined : field(source, name, "string");
}

/** `source[name]` if given, as an integer. */
export function optionalNumber(
  source: Record<string, unknown>,
  name: string,
): number | undefined {
  return source[name] === undefined ? undefined : field(source, name, "number");
}

/** The query parameter `name` as an integer; `BadRequest` otherwise. */
export function queryId(url: URL, name: string): number {
  const value = Number(url.searchParams.get(name) ?? NaN);
  if (!Number.isSafeInteger(value)) {
    throw new BadRequest(`query parameter ${name} must be an integer`);
  }
  return value;
}

/** One endpoint's handler. */
export type Route = (
  req: Request,
  url: URL,
  /** The path's `:name` segments, for routes keyed with them (`GET /chats/:chat`). */
  params: Record<string, string>,
) => Promise<Response> | Response;

/** The path's `:name` segments if `pattern` (e.g. `/chats/:chat/members`) matches `path`. */
function matchPath(
  pattern: string,
  path: string,
): Record<string, string> | undefined {
  const wanted = pattern.split("/");
  const given = path.split("/");
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    if (segment.startsWith(":") && given[index] !== "") {
      // a segment that does not decode names nothing
      try {
        params[segment.slice(1)] = decodeURIComponent(given[index]);
      } catch {
        return undefined;
      }
    } else if (segment !== given[index]) return undefined;
  }
  return params;
}

/** The route for `method` and `path` with its path params; `allowed` tells whether another method has the path. */
function findRoute(
  table: Record<string, Route>,
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { allowed: boolean } {
  const exact = table[`${method} ${path}`];
  if (exact) return { route: exact, params: {} };
  let allowed = false;
  for (const [key, route] of Object.entries(table)) {
    const [keyMethod, pattern] = key.split(" ");
    const params = matchPath(pattern, path);
    if (!params) continue;
    if (keyMethod === method) return { route, params };
    allowed = true;
  }
  return { allowed };
}

/** Serves `table` (`"METHOD /path"` keys): 404 or 405 for what it lacks, 400 for a BadRequest, Telegram's failures as their errors. */
export function serveRoutes(
  table: Record<string, Route>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    const url = new URL(req.url);
    const found = findRoute(table, req.method, url.pathname);
    if (!("route" in found)) {
      return json(
        { error: found.allowed ? "method not allowed" : "not found" },
        found.allowed ? 405 : 404,
      );
    }
    try {
      return await found.route(req, url, found.params);
    } catch (error) {
      if (error instanceof BadRequest) {
        return json({ error: error.message }, 400);
      }
      if (error instanceof RpcFailure) {
        // the bot did not answer in time: a gateway timeout, not bad input
        const status = error.text === "BOT_RESPONSE_TIMEOUT" ? 504 : 400;
        return json({ error: error.text }, status);
      }
      throw error;
    }
  };
}
