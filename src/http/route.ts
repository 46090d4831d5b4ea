/** Reads a request path into the client it addresses and the method it calls. */
import { createHash } from "node:crypto";
import { NotFoundError } from "../errors.ts";

/** The client and method a request path names. */
export type Route =
  | {
    kind: "bot";
    /** `bot<bot id>-<16 hex of SHA-256(token)>`: safe to log and to use as a file name. */
    clientId: string;
    /** The full bot token; a secret: never log it. */
    token: string;
    method: string;
  }
  | {
    kind: "user";
    /** The user id from the path, `user<random>`; it is the credential, so never log it either. */
    clientId: string;
    method: string;
  };

/**
 * A Telegram bot token: the bot's numeric id, a colon, and a URL-safe secret
 * (35 characters today; 30 to 64 leaves room without accepting garbage).
 */
const BOT_TOKEN = /^([1-9][0-9]{0,19}):[A-Za-z0-9_-]{30,64}$/;

/** `user` and at least 128 random bits as URL-safe base64; the cap keeps file names short. */
const USER_ID = /^user[A-Za-z0-9_-]{22,64}$/;

/** Whether `value` has the shape of a user id: `user` and 22 to 64 URL-safe base64 characters. */
export function isUserId(value: string): boolean {
  return USER_ID.test(value);
}

const METHOD_NAME = /^[a-zA-Z][a-zA-Z0-9_.]{0,127}$/;

const ENDPOINTS = "use /bot<TOKEN>/<method> or /<user-id>/<method>";

/** Hex digits of the token's hash kept in a bot's client id: 64 bits tell tokens apart. */
const TOKEN_HASH_HEX_DIGITS = 16;

/**
 * Parses `/bot<TOKEN>/<method>` or `/<user-id>/<method>`, each with an
 * optional trailing slash; throws NotFoundError for any other shape.
 * Error messages never repeat the client segment, as it holds a secret.
 */
export function parseRoute(pathname: string): Route {
  const segments = pathname.replace(/^\//, "").replace(/\/$/, "").split("/");
  if (segments.length !== 2) {
    throw new NotFoundError(`No such endpoint; ${ENDPOINTS}`);
  }
  const [client, method] = segments.map(_decodeSegment);
  if (client.startsWith("bot")) {
    const token = client.slice("bot".length);
    const botId = BOT_TOKEN.exec(token)?.[1];
    if (botId === undefined) {
      throw new NotFoundError(
        "The bot token in the path is malformed: expected /bot<bot id>:<secret>/<method>, " +
          "where the secret is 30 to 64 characters of A-Z, a-z, 0-9, _ and -",
      );
    }
    return {
      kind: "bot",
      clientId: `bot${botId}-${_tokenHash(token)}`,
      token,
      method: _checkMethod(method),
    };
  }
  if (!USER_ID.test(client)) {
    throw new NotFoundError(
      `No such client; ${ENDPOINTS}, where a user id is "user" followed by ` +
        "22 to 64 characters of A-Z, a-z, 0-9, _ and -",
    );
  }
  return { kind: "user", clientId: client, method: _checkMethod(method) };
}

/**
 * The name (without extension) of the client's session file: the client id,
 * which for bots holds only the bot id and a hash of the token. Never throws.
 */
export function clientFileStem(route: Route): string {
  return route.clientId;
}

/** The kind of client a session file stem (a client id) belongs to, or undefined for other files. */
export function clientKindOf(clientId: string): "bot" | "user" | undefined {
  if (/^bot[1-9][0-9]{0,19}-[0-9a-f]{16}$/.test(clientId)) return "bot";
  if (USER_ID.test(clientId)) return "user";
  return undefined;
}

function _decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new NotFoundError("The path is not validly percent-encoded");
  }
}

function _checkMethod(method: string): string {
  if (method === "") {
    throw new NotFoundError(`No method given; ${ENDPOINTS}`);
  }
  if (!METHOD_NAME.test(method)) {
    throw new NotFoundError(
      `No such method ${JSON.stringify(method.slice(0, 64))}: method names ` +
        'start with a letter and hold up to 128 letters, digits, "_" and "."',
    );
  }
  return method;
}

/** Tokens hashed lately, so a busy bot's requests skip SHA-256; bounded, as bogus tokens are free to send. */
const recentTokenHashes = new Map<string, string>();
const RECENT_TOKEN_HASHES = 1024;

function _tokenHash(token: string): string {
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
