/**
 * Client ids: what names a hosted client everywhere in the gateway. A bot's
 * id is `bot<bot id>-<16 hex of SHA-256(token)>`, which holds no secret; a
 * user's id is `user` and at least 128 random bits, and is the account's
 * credential. The id is also the session file's name in the data directory.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";

/** Which client a call is for. `id` names its session file. */
export type ClientRef =
  /** `token` is absent when the server starts a bot by itself (its file holds the token). */
  | { kind: "bot"; id: string; token?: string }
  | { kind: "user"; id: string };

/**
 * A Telegram bot token: the bot's numeric id, a colon, and a URL-safe secret
 * (35 characters today; 30 to 64 leaves room without accepting garbage).
 */
const BOT_TOKEN = /^([1-9][0-9]{0,19}):[A-Za-z0-9_-]{30,64}$/;

const BOT_ID = /^bot[1-9][0-9]{0,19}-[0-9a-f]{16}$/;

/** `user` and at least 128 random bits as URL-safe base64; the cap keeps file names short. */
const USER_ID = /^user[A-Za-z0-9_-]{22,64}$/;

/** Hex digits of the token's hash kept in a bot's client id: 64 bits tell tokens apart. */
const TOKEN_HASH_HEX_DIGITS = 16;

/** Hex digits of SHA-256(user id) in a user's label: 32 bits tell a server's accounts apart. */
const USER_LABEL_HEX_DIGITS = 8;

/** 24 random bytes = 192 bits, well over the 128 an id needs; 32 base64url characters. */
const USER_ID_RANDOM_BYTES = 24;

/** The client id of the bot with this token, or undefined if it does not have a token's shape. */
export function botClientId(token: string): string | undefined {
  const botId = BOT_TOKEN.exec(token)?.[1];
  return botId === undefined ? undefined : `bot${botId}-${tokenHash(token)}`;
}

/** Whether `value` has the shape of a user id: `user` and 22 to 64 URL-safe base64 characters. */
export function isUserId(value: string): boolean {
  return USER_ID.test(value);
}

/** The kind of client an id belongs to, or undefined for anything else. */
export function clientKindOf(clientId: string): "bot" | "user" | undefined {
  if (BOT_ID.test(clientId)) return "bot";
  if (USER_ID.test(clientId)) return "user";
  return undefined;
}

/** The session file of a client. */
export function sessionPath(dataDir: string, clientId: string): string {
  return join(dataDir, `${clientId}.sqlite`);
}

/** The client ids with a session file in `dataDir` (none if it does not exist yet), sorted. */
export async function listClientIds(dataDir: string): Promise<string[]> {
  const ids: string[] = [];
  try {
    for await (const entry of Deno.readDir(dataDir)) {
      const id = entry.name.endsWith(".sqlite")
        ? entry.name.slice(0, -".sqlite".length)
        : "";
      if (entry.isFile && clientKindOf(id)) ids.push(id);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return ids.sort();
}

/**
 * The label the stats page shows for a client id. Bot ids hold no secret and
 * are their own label; a user id becomes `user-` and the first 8 hex digits
 * of its SHA-256: stable, but useless to reach the account. Pure and
 * synchronous, so the front and the workers label alike. Never throws.
 */
export function clientLabel(clientId: string): string {
  if (clientId.startsWith("bot")) return clientId;
  const digest = createHash("sha256").update(clientId).digest("hex");
  return `user-${digest.slice(0, USER_LABEL_HEX_DIGITS)}`;
}

/** A fresh user id, `user` followed by 32 URL-safe base64 characters of cryptographic randomness. */
export function newUserId(): string {
  const random = crypto.getRandomValues(new Uint8Array(USER_ID_RANDOM_BYTES));
  const id = `user${
    random.toBase64({ alphabet: "base64url", omitPadding: true })
  }`;
  // Every id handed out must be one the routes accept; fail loudly here rather than with a 404 later.
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

/** Tokens hashed lately, so a busy bot's requests skip SHA-256; bounded, as bogus tokens are free to send. */
const recentTokenHashes = new Map<string, string>();
const RECENT_TOKEN_HASHES = 1024;

function tokenHash(token: string): string {
  let hash = recentTokenHashes.get(token);
  if (hash === undefined) {
    hash = createHash("sha256").update(token).digest("hex").slice(
      0,
      TOKEN_HASH_HEX_DIGITS,
    );
    // Dropping the oldest entry keeps the map's size fixed; a hot token is re-added when next seen.
    if (recentTokenHashes.size >= RECENT_TOKEN_HASHES) {
      recentTokenHashes.delete(recentTokenHashes.keys().next().value!);
    }
    recentTokenHashes.set(token, hash);
  }
  return hash;
}
