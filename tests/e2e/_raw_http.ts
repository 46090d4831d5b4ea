/**
 * One HTTP/1.1 exchange over a fresh TCP connection, with the request written
 * byte for byte as given: `fetch` would normalise the path (`/../`), refuse
 * header values with control characters and frame the body itself, which a
 * test of hostile input must be able to get wrong on purpose.
 */
import { concat } from "../dc/protocol/crypto.ts";

/** What came back: undefined fields when the server closed without a (complete) response. */
export interface RawExchange {
  status?: number;
  headers: Map<string, string>;
  body: Uint8Array;
  /** The server closed the connection before a complete response head. */
  closed: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Builds a request's bytes: the request line, headers (none added), and the body as is. */
export function rawRequest(
  requestLine: string,
  headers: [string, string][],
  body: Uint8Array | string = new Uint8Array(0),
): Uint8Array {
  const head = requestLine + "\r\n" +
    headers.map(([name, value]) => `${name}: ${value}\r\n`).join("") + "\r\n";
  return concat(
    encoder.encode(head),
    typeof body === "string" ? encoder.encode(body) : body,
  );
}

/** Sends `request` to `port` on loopback and reads until the server closes or `timeoutMs` passes. */
export async function exchange(
  port: number,
  request: Uint8Array,
  { timeoutMs }: { timeoutMs: number },
): Promise<RawExchange> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const timer = setTimeout(() => {
    try {
      conn.close();
    } catch { /* closed already */ }
  }, timeoutMs);
  const chunks: Uint8Array[] = [];
  try {
    try {
      for (let written = 0; written < request.length;) {
        written += await conn.write(request.subarray(written));
      }
    } catch {
      // The server may answer (and close) before reading the whole request.
    }
    const buffer = new Uint8Array(64 * 1024);
    while (true) {
      let read: number | null;
      try {
        read = await conn.read(buffer);
      } catch {
        break;
      }
      if (read === null) break;
      chunks.push(buffer.slice(0, read));
      if (complete(chunks)) break;
    }
  } finally {
    clearTimeout(timer);
    try {
      conn.close();
    } catch { /* closed already */ }
  }
  return parse(concat(...chunks));
}

/** Whether the bytes so far hold a whole response framed by Content-Length. */
function complete(chunks: Uint8Array[]): boolean {
  const parsed = parse(concat(...chunks));
  const length = parsed.headers.get("content-length");
  return parsed.status !== undefined && length !== undefined &&
    parsed.body.length >= Number(length);
}

function parse(bytes: Uint8Array): RawExchange {
  const headers = new Map<string, string>();
  const text = decoder.decode(bytes);
  const headEnd = text.indexOf("\r\n\r\n");
  if (headEnd === -1) {
    return { headers, body: new Uint8Array(0), closed: true };
  }
  const [statusLine, ...lines] = text.slice(0, headEnd).split("\r\n");
  const status = Number(statusLine.split(" ")[1]);
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers.set(
      line.slice(0, colon).trim().toLowerCase(),
      line.slice(colon + 1).trim(),
    );
  }
  let body = bytes.subarray(encoder.encode(text.slice(0, headEnd + 4)).length);
  if (headers.get("transfer-encoding") === "chunked") body = dechunk(body);
  return { status, headers, body, closed: false };
}

function dechunk(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const lineEnd = bytes.indexOf(13, at);
    if (lineEnd === -1) break;
    const size = parseInt(decoder.decode(bytes.subarray(at, lineEnd)), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return concat(...parts);
}
