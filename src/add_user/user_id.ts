/** User ids: the random part of a user endpoint, which is also its credential. */
import { isUserId } from "../http/route.ts";

/** 24 random bytes = 192 bits, well over the 128 the endpoint needs; 32 base64url characters. */
const USER_ID_RANDOM_BYTES = 24;

/** A fresh user id, `user` followed by 32 URL-safe base64 characters of cryptographic randomness. */
export function newUserId(): string {
  const random = crypto.getRandomValues(new Uint8Array(USER_ID_RANDOM_BYTES));
  const id = `user${
    random.toBase64({ alphabet: "base64url", omitPadding: true })
  }`;
  // The route parser must accept every id we hand out; fail loudly here rather than with a 404 later.
  if (!isUserId(id)) {
    throw new Error("generated user id does not match the route's shape");
  }
  return id;
}

/**
 * Reads a user id as an operator may paste it: bare, or as the endpoint path
 * `/user…` (with an optional trailing slash). Returns undefined for anything else.
 */
export function readUserIdArgument(raw: string): string | undefined {
  const id = raw.trim().replace(/^\//, "").replace(/\/$/, "");
  return isUserId(id) ? id : undefined;
}
