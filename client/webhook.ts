/**
 * A fetch-style handler for webhook deliveries (`Deno.serve`, Bun, Cloudflare
 * Workers, Hono…): checks the secret token, the timestamp and the HMAC
 * signature, then runs the handlers and answers 200 only once they finished,
 * so a failure (500) makes the gateway deliver the batch again.
 */
import {
  assertUpdates,
  deliverUpdate,
  type Update,
  type UpdateReceiver,
} from "./updates.ts";
import { parseJson } from "./wrappers.ts";

/** The headers of a delivery. */
export const WEBHOOK_HEADERS = {
  secretToken: "x-mtkruto-secret-token",
  timestamp: "x-mtkruto-timestamp",
  signature: "x-mtkruto-signature",
} as const;

/** Options of {@linkcode webhookHandler}. */
export interface WebhookHandlerOptions {
  /** The `secretToken` given to `setWebhook`; required, as it is what proves a delivery came from the gateway. */
  secretToken: string;
  /** Deliveries whose timestamp is further than this from now are refused with 401 (default 300 seconds). */
  toleranceSeconds?: number;
  /** Largest body read, in bytes; larger ones are a 413 (default 16 MiB). */
  maxBodyBytes?: number;
  /** Called with a handler's error before answering 500 (default: `console.error`). */
  onError?: (error: unknown, update: Update) => unknown;
  /** The current time in milliseconds (default `Date.now`; for tests). */
  now?: () => number;
}

const encoder = new TextEncoder();

/**
 * Builds `(req) => Promise<Response>` for the webhook URL. Answers 405 for
 * other methods than POST, 401 for a wrong secret, a stale or malformed
 * timestamp or a wrong signature, 413 for a body over `maxBodyBytes`, 400
 * for a body that is not a list of updates, 500 when a handler throws, and
 * 200 once every update of the batch was handled. Throws RangeError at once
 * for an empty secret or a bad tolerance.
 */
export function webhookHandler(
  handlers: UpdateReceiver,
  options: WebhookHandlerOptions,
): (req: Request) => Promise<Response> {
  const {
    secretToken,
    toleranceSeconds = 300,
    maxBodyBytes = 16 * 1024 * 1024,
    onError = (error, update) =>
      console.error(`Webhook update ${update.updateId} failed:`, error),
    now = Date.now,
  } = options;
  if (typeof secretToken !== "string" || secretToken === "") {
    throw new RangeError(
      "webhookHandler needs the secretToken given to setWebhook",
    );
  }
  if (!(toleranceSeconds > 0)) {
    throw new RangeError(
      `Invalid toleranceSeconds: expected a positive number, got ${toleranceSeconds}`,
    );
  }
  const secretDigest = digest(encoder.encode(secretToken));
  const hmacKey = crypto.subtle.importKey(
    "raw",
    encoder.encode(secretToken),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return async (req) => {
    if (req.method !== "POST") {
      return text("Use POST", 405, { allow: "POST" });
    }
    const token = req.headers.get(WEBHOOK_HEADERS.secretToken) ?? "";
    if (!await sameSecret(token, secretDigest)) {
      return text("Wrong secret token", 401);
    }
    const stamp = req.headers.get(WEBHOOK_HEADERS.timestamp) ?? "";
    if (
      !/^\d{1,12}$/.test(stamp) ||
      Math.abs(now() / 1000 - Number(stamp)) > toleranceSeconds
    ) {
      return text("Missing, malformed or stale timestamp", 401);
    }
    const signature = parseSignature(
      req.headers.get(WEBHOOK_HEADERS.signature),
    );
    if (!signature) return text("Missing or malformed signature", 401);
    const body = await readLimited(req, maxBodyBytes);
    if (!body) return text("Body too large", 413);
    const signed = concat(encoder.encode(`${stamp}.`), body);
    if (
      !await crypto.subtle.verify("HMAC", await hmacKey, signature, signed)
    ) {
      return text("Wrong signature", 401);
    }
    let updates: Update[];
    try {
      const parsed = parseJson(new TextDecoder().decode(body));
      assertUpdates(parsed);
      updates = parsed;
    } catch (error) {
      return text(`Bad body: ${(error as Error).message}`, 400);
    }
    for (const update of updates) {
      try {
        await deliverUpdate(update, handlers);
      } catch (error) {
        await Promise.resolve(onError(error, update)).catch(() => {});
        return text("A handler failed", 500);
      }
    }
    return text("OK", 200);
  };
}

function text(body: string, status: number, headers?: HeadersInit): Response {
  return new Response(body, { status, headers });
}

async function digest(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

/** Compares the SHA-256 digests in constant time, so neither content nor length leaks. */
async function sameSecret(
  given: string,
  expected: Promise<Uint8Array>,
): Promise<boolean> {
  const [a, b] = [await digest(encoder.encode(given)), await expected];
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

/** `sha256=<64 hex digits>` → the 32 bytes, or `undefined`. */
function parseSignature(
  header: string | null,
): Uint8Array<ArrayBuffer> | undefined {
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header?.trim() ?? "");
  if (!match) return undefined;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    bytes[i] = parseInt(match[1].slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

/** The body, or `undefined` once it passes `maxBytes` (counted, not trusted from Content-Length). */
async function readLimited(
  req: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) {
    await req.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  }
  return concat(...chunks);
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const result = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.byteLength;
  }
  return result;
}
