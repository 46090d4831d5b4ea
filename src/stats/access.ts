/**
 * Access to the stats pages when `--stats-token` is set: a bearer token, or
 * for browsers `?token=` once, which is swapped for a cookie so the token
 * leaves the address bar. Tokens are compared in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";

/** The cookie a browser keeps after `?token=`: a hash of the token, not the token. */
export const STATS_COOKIE = "mtkruto_stats";

/** How long the cookie lasts, in seconds (12 hours). */
const COOKIE_MAX_AGE = 12 * 60 * 60;

/** How a request proved it may see the stats. */
export type AccessResult =
  | { granted: true; via: "public" | "header" | "cookie" }
  /** The token came in the query: answer with a redirect that sets the cookie. */
  | { granted: true; via: "query" }
  | { granted: false };

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Whether `given` equals `expected`, in time that does not depend on where they differ. Never throws. */
export function safeEqual(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the length.
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** The cookie value for `token`. */
function cookieValue(token: string): string {
  return sha256(`mtkruto-stats-cookie\n${token}`).toString("hex");
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/** Checks `req` against `token` (undefined: the stats are public). Never throws. */
export function checkAccess(
  req: Request,
  token: string | undefined,
): AccessResult {
  if (token === undefined) return { granted: true, via: "public" };
  const authorization = req.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer !== undefined && safeEqual(bearer, token)) {
    return { granted: true, via: "header" };
  }
  const cookie = readCookie(req, STATS_COOKIE);
  if (cookie !== undefined && safeEqual(cookie, cookieValue(token))) {
    return { granted: true, via: "cookie" };
  }
  const query = new URL(req.url).searchParams.get("token");
  if (query !== null && safeEqual(query, token)) {
    return { granted: true, via: "query" };
  }
  return { granted: false };
}

/** The `Set-Cookie` value that lets a browser back in without the token in the URL. */
export function accessCookie(token: string): string {
  return `${STATS_COOKIE}=${
    cookieValue(token)
  }; Path=/; Max-Age=${COOKIE_MAX_AGE}; HttpOnly; SameSite=Strict`;
}
