/** Reads a request path into the client it addresses and the method it calls. */
import { botClientId, isUserId } from "../client_id.ts";
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

const METHOD_NAME = /^[a-zA-Z][a-zA-Z0-9_.]{0,127}$/;

const ENDPOINTS = "use /bot<TOKEN>/<method> or /<user-id>/<method>";

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
    const clientId = botClientId(token);
    if (clientId === undefined) {
      throw new NotFoundError(
        "The bot token in the path is malformed: expected /bot<bot id>:<secret>/<method>, " +
          "where the secret is 30 to 64 characters of A-Z, a-z, 0-9, _ and -",
      );
    }
    return {
      kind: "bot",
      clientId,
      token,
      method: _checkMethod(method),
    };
  }
  if (!isUserId(client)) {
    throw new NotFoundError(
      `No such client; ${ENDPOINTS}, where a user id is "user" followed by ` +
        "22 to 64 characters of A-Z, a-z, 0-9, _ and -",
    );
  }
  return { kind: "user", clientId: client, method: _checkMethod(method) };
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
