/**
 * Generated hostile requests, by class: what an attacker or a confused new
 * user sends. Deterministic for a seed, so a failure can be replayed.
 */
import { ALLOWED_METHODS } from "../../src/telegram/methods.ts";
import { rawRequest } from "./_raw_http.ts";

/** One request to send, and the class it counts under. */
export interface HostileRequest {
  kind: string;
  bytes: Uint8Array;
  /** Malformed HTTP gets the HTTP server's own answer (or a closed connection), not the gateway's JSON. */
  framing?: boolean;
  /** A stats page, which answers HTML or text when it answers at all. */
  page?: boolean;
}

/** What the generators know of the world: a real bot and user, and the gateway's address. */
export interface Target {
  host: string;
  token: string;
  botId: number;
  userId: number;
}

/** mulberry32: small, fast and good enough to vary inputs reproducibly. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)];

const STRINGS = [
  "",
  "a",
  "me",
  "self",
  "@alice",
  "alice",
  "+15550001",
  "/etc/passwd",
  "file:/etc/passwd",
  "../../../etc/passwd",
  "https://example.com/a.jpg",
  "http://127.0.0.1:1/",
  "AgACAgIAAxkBAAIBY2Nn",
  // Inline message ids (base64 of 20 or 24 bytes) naming DCs that do not exist.
  "x".repeat(27),
  "x".repeat(32),
  "x".repeat(48),
  "\u0000",
  "\ud800",
  "😀".repeat(100),
  "x".repeat(10_000),
  "<script>alert(1)</script>",
  "%s%d%j",
  "${{7*7}}",
  "__proto__",
  "constructor",
];

const NUMBERS = [
  0,
  -1,
  1,
  1.5,
  -0,
  2 ** 31,
  2 ** 53,
  -(2 ** 63),
  1e308,
  -1e-308,
  1000001,
  1000002,
  -1001000001,
];

const TL_NAMES = [
  "inputPeerUser",
  "inputPeerSelf",
  "botCommand",
  "inputMediaUploadedDocument",
  "noSuchConstructor",
  "bigint",
  "bytes",
  "date",
  "file",
  "help.getConfig",
  "auth.logOut",
  "",
];

/** A random JSON value up to `depth` levels deep, biased towards what mtcute's methods take. */
export function jsonValue(rng: Rng, depth = 3): unknown {
  const roll = rng();
  if (roll < 0.2) return pick(rng, NUMBERS);
  if (roll < 0.4) return pick(rng, STRINGS);
  if (roll < 0.45) return null;
  if (roll < 0.5) return rng() < 0.5;
  if (depth <= 0) return pick(rng, STRINGS);
  if (roll < 0.62) {
    return Array.from(
      { length: Math.floor(rng() * 4) },
      () => jsonValue(rng, depth - 1),
    );
  }
  if (roll < 0.7) return wrapper(rng);
  const object: Record<string, unknown> = {};
  if (rng() < 0.4) object._ = pick(rng, TL_NAMES);
  const keys = [
    "type",
    "file",
    "text",
    "chatId",
    "message",
    "commands",
    "replyMarkup",
    "entities",
    "field",
    "value",
    "__proto__",
    "constructor",
    "user_id",
    "access_hash",
    "peer",
  ];
  for (let i = Math.floor(rng() * 4); i > 0; i--) {
    object[pick(rng, keys)] = jsonValue(rng, depth - 1);
  }
  return object;
}

function wrapper(rng: Rng): unknown {
  return pick(rng, [
    {
      _: "bigint",
      value: pick(rng, ["1", "-1", "x", "99999999999999999999999"]),
    },
    { _: "bigint" },
    { _: "bytes", value: pick(rng, ["AAAA", "not base64!", ""]) },
    { _: "date", value: pick(rng, ["2026-01-01T00:00:00Z", "yesterday"]) },
    { _: "file", field: pick(rng, ["doc", "missing", ""]) },
    { _: "file" },
  ]);
}

/** The generators, each making `count` requests of its class. */
export function hostileRequests(
  target: Target,
  seed: number,
  scale = 1,
): HostileRequest[] {
  const rng = random(seed);
  const requests: HostileRequest[] = [];
  for (const [kind, count, make] of GENERATORS) {
    for (let i = 0; i < Math.ceil(count * scale); i++) {
      const made = make(rng, target);
      requests.push({ kind, ...made });
    }
  }
  // Shuffled, so that classes run side by side as they would in the wild.
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [requests[i], requests[j]] = [requests[j], requests[i]];
  }
  return requests;
}

type Made = Omit<HostileRequest, "kind">;
type Generator = (rng: Rng, target: Target) => Made;

const METHODS = Object.values(ALLOWED_METHODS).flat();

function get(target: Target, path: string, headers: [string, string][] = []) {
  return rawRequest(`GET ${path} HTTP/1.1`, [
    ["host", target.host],
    ["connection", "close"],
    ...headers,
  ]);
}

function post(
  target: Target,
  path: string,
  contentType: string | undefined,
  body: Uint8Array | string,
  extra: [string, string][] = [],
) {
  const bytes = typeof body === "string"
    ? new TextEncoder().encode(body)
    : body;
  return rawRequest(`POST ${path} HTTP/1.1`, [
    ["host", target.host],
    ["connection", "close"],
    ...(contentType === undefined ? [] : [["content-type", contentType]] as [
      string,
      string,
    ][]),
    ["content-length", String(bytes.length)],
    ...extra,
  ], bytes);
}

const postJson = (target: Target, path: string, body: string) =>
  post(target, path, "application/json", body);

const bot = (target: Target) => `/bot${target.token}`;

function multipart(
  parts: { name?: string; filename?: string; type?: string; body: string }[],
  boundary = "hostile-boundary",
): string {
  return parts.map((part) =>
    `--${boundary}\r\nContent-Disposition: form-data` +
    (part.name === undefined ? "" : `; name="${part.name}"`) +
    (part.filename === undefined ? "" : `; filename="${part.filename}"`) +
    `\r\n${
      part.type ? `Content-Type: ${part.type}\r\n` : ""
    }\r\n${part.body}\r\n`
  ).join("") + `--${boundary}--\r\n`;
}

const GENERATORS: [string, number, Generator][] = [
  ["paths", 300, (rng, target) => {
    const path = pick(rng, [
      "/",
      "//",
      "/bot",
      "/bot/",
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      `${bot(target)}/../../etc/passwd`,
      `${bot(target)}/%2e%2e%2fgetMe`,
      `${bot(target)}%2FgetMe`,
      `${bot(target)}/getMe%00`,
      `${bot(target)}/getMe/extra/segments`,
      `/${"a/".repeat(200)}`,
      `/${"x".repeat(8000)}/getMe`,
      `${bot(target)}/%`,
      `${bot(target)}/%zz`,
      "/stats/../stats.json",
      "/stats%2ejson",
      "/.env",
      "/mtkruto-data/",
      "/.uploads/x",
      "http://evil.example/getMe",
    ]);
    return { bytes: get(target, path) };
  }],
  ["tokens", 250, (rng, target) => {
    const secret = "A".repeat(35);
    const token = pick(rng, [
      "",
      ":",
      `${target.botId}`,
      `${target.botId}:`,
      `0${target.botId}:${secret}`,
      `${"9".repeat(25)}:${secret}`,
      `${target.botId}:${secret.slice(5)}`,
      `${target.botId}:${"A".repeat(200)}`,
      `${target.botId}:${secret.slice(1)}!`,
      `${target.botId}%3A${"é".repeat(35)}`,
      `-${target.botId}:${secret}`,
      target.token.toUpperCase(),
      `${target.token}%20`,
      `${target.token}%0d%0aX-Injected:%201`,
    ]);
    return { bytes: get(target, `/bot${token}/getMe`) };
  }],
  ["made-up clients", 60, (rng, target) => {
    const hex = Array.from(
      { length: 16 },
      () => Math.floor(rng() * 256).toString(16).padStart(2, "0"),
    ).join("");
    const path = rng() < 0.5
      ? `/user${hex}/getMe`
      : `/bot${1 + Math.floor(rng() * 1e9)}:${hex}${hex.slice(0, 3)}/${
        pick(rng, ["getMe", "methods", "getUpdates"])
      }`;
    return { bytes: get(target, path) };
  }],
  ["user ids", 200, (rng, target) => {
    const id = pick(rng, [
      "user",
      "userAAAA",
      `user${"A".repeat(65)}`,
      `user${"A".repeat(22)}!`,
      "USERAAAAAAAAAAAAAAAAAAAAAAAA",
      "user../../../../etc",
      "user%2F%2FAAAAAAAAAAAAAAAAAAAAAA",
      `user${"A".repeat(22)}`,
    ]);
    return { bytes: get(target, `/${id}/${pick(rng, ["getMe", "methods"])}`) };
  }],
  ["methods", 300, (rng, target) => {
    const method = pick(rng, [
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
      "prototype",
      "call",
      "apply",
      "exportSession",
      "importSession",
      "start",
      "logOut",
      "signIn",
      "close",
      "destroy",
      "downloadToFile",
      "iterHistory",
      "mtcute.getMe",
      "getMe.bind",
      "x".repeat(129),
      "1getMe",
      "get Me",
      "getme",
      "_client",
      "call.call",
    ]);
    return {
      bytes: rng() < 0.5
        ? get(target, `${bot(target)}/${encodeURIComponent(method)}`)
        : postJson(
          target,
          `${bot(target)}/${encodeURIComponent(method)}`,
          "[]",
        ),
    };
  }],
  ["content types", 200, (rng, target) => {
    const type = pick(rng, [
      undefined,
      "",
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/json; charset=latin1",
      "application/JSON",
      "multipart/form-data",
      "multipart/form-data; boundary=",
      `multipart/form-data; boundary=${"b".repeat(300)}`,
      "multipart/mixed; boundary=x",
      "application/json, text/plain",
      "*/*",
    ]);
    return { bytes: post(target, `${bot(target)}/getMe`, type, "[]") };
  }],
  ["json bodies", 400, (rng, target) => {
    const body = pick(rng, [
      "",
      " ",
      "[",
      "]",
      "[1,]",
      "{",
      "null",
      "true",
      "1",
      '"text"',
      "[NaN]",
      "[Infinity]",
      "[1e400]",
      "[-0]",
      "\ufeff[]",
      '[{"__proto__": {"polluted": true}}]',
      '{"__proto__": {"_": "ping"}}',
      '["\\ud800"]',
      '["\\u0000"]',
      "[" + '"x",'.repeat(10_000) + '"x"]',
      "[" + "{".repeat(100) + "}".repeat(100) + "]",
      JSON.stringify([jsonValue(rng), jsonValue(rng)]),
    ]);
    const bytes = rng() < 0.1
      ? new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]) // "[", invalid UTF-8, "]"
      : body;
    return {
      bytes: post(
        target,
        `${bot(target)}/${pick(rng, ["getMe", "sendText", "invoke"])}`,
        "application/json",
        bytes,
      ),
    };
  }],
  ["argument types", 900, (rng, target) => {
    const method = pick(rng, METHODS);
    const args = Array.from(
      { length: Math.floor(rng() * 4) },
      (_, i) =>
        i === 0 && rng() < 0.5
          ? pick(rng, [target.userId, target.botId, "me"])
          : jsonValue(rng),
    );
    return {
      bytes: postJson(target, `${bot(target)}/${method}`, JSON.stringify(args)),
    };
  }],
  ["invoke", 300, (rng, target) => {
    const object = pick(rng, [
      { _: "help.getConfig" },
      { _: "auth.logOut" },
      { _: "auth.exportAuthorization", dc_id: 1 },
      { _: "invokeWithLayer", layer: 1, query: { _: "help.getConfig" } },
      { _: "initConnection" },
      { _: "account.deleteAccount", reason: "x" },
      { _: "upload.saveFilePart" },
      { _: "messages.sendMessage" },
      { _: "messages.sendMessage", peer: { _: "inputPeerSelf" }, message: 5 },
      { _: "users.getUsers", id: [{ _: "inputUserSelf" }, 5] },
      { _: "users.getUsers", id: "not a vector" },
      { _: "ping" },
      { _: "ping", ping_id: { _: "bigint", value: "x" } },
      { _: "noSuch.method" },
      { _: "inputPeerSelf" },
      { _: 5 },
      {},
      jsonValue(rng),
    ]);
    return {
      bytes: postJson(target, `${bot(target)}/invoke`, JSON.stringify(object)),
    };
  }],
  ["multipart", 200, (rng, target) => {
    const parts = pick(rng, [
      [{ name: "chat", body: String(target.userId) }, {
        name: "media",
        filename: "m.json",
        type: "application/json",
        body: '{"type":"document","file":{"_":"file","field":"doc"}}',
      }, { name: "doc", filename: "a.txt", body: "hello" }],
      [{ name: "chat", filename: "a.txt", body: "x" }],
      [{ body: "no name" }],
      [{ name: "a", body: "not json" }],
      [{ name: "doc", filename: "a", body: "1" }, {
        name: "doc",
        filename: "b",
        body: "2",
      }],
      [{
        name: "media",
        body: '{"type":"document","file":{"_":"file","field":"missing"}}',
      }],
      [{ name: `${"n".repeat(20_000)}`, body: "1" }],
    ]);
    let body = multipart(parts);
    if (rng() < 0.2) body = body.slice(0, Math.floor(body.length / 2));
    return {
      bytes: post(
        target,
        `${bot(target)}/${pick(rng, ["sendMedia", "getMe", "sendText"])}`,
        pick(rng, [
          "multipart/form-data; boundary=hostile-boundary",
          "multipart/form-data; boundary=other",
        ]),
        body,
      ),
    };
  }],
  ["ranges", 100, (rng, target) => {
    const range = pick(rng, [
      "bytes=0-",
      "bytes=-5",
      "bytes=5-1",
      "bytes=0-1,2-3",
      "bytes=99999999999999999999-",
      "items=0-1",
      "bytes=abc",
    ]);
    const what = pick(rng, [
      '"garbage"',
      '{"chatId":1,"messageId":1}',
      '{"chatId":"me","messageId":-1}',
      "1",
    ]);
    return {
      bytes: get(
        target,
        `${bot(target)}/download?${encodeURIComponent(what)}`,
        [
          ["range", range],
        ],
      ),
    };
  }],
  ["queries", 200, (rng, target) => {
    const query = pick(rng, [
      "?",
      "?&&&",
      "?=",
      "?=1",
      "?a=1&a=2",
      "?a",
      "?%zz",
      "?%E0%A4%A",
      "?__proto__=1",
      "?constructor=%7B%7D",
      `?${"1&".repeat(2000)}`,
      `?${encodeURIComponent("[".repeat(200))}`,
      `?x=${"9".repeat(5000)}`,
      "?timeout=-1",
      "?timeout=1e9",
    ]);
    return {
      bytes: get(
        target,
        `${bot(target)}/${
          pick(rng, ["getMe", "sendText", "getUpdates"])
        }${query}`,
      ),
    };
  }],
  ["http methods", 100, (rng, target) => {
    const method = pick(rng, [
      "PUT",
      "DELETE",
      "PATCH",
      "OPTIONS",
      "HEAD",
      "TRACE",
      "PROPFIND",
      "get",
    ]);
    const path = pick(rng, [`${bot(target)}/getMe`, "/stats", "/stats.json"]);
    return {
      page: path.startsWith("/stats"),
      bytes: rawRequest(`${method} ${path} HTTP/1.1`, [
        ["host", target.host],
        ["connection", "close"],
        ["content-length", "0"],
      ]),
    };
  }],
  ["malformed http", 100, (rng, target) => {
    const path = `${bot(target)}/getMe`;
    const bytes = pick(rng, [
      rawRequest(`GET ${path}`, [["host", target.host]]),
      rawRequest(`GET ${path} HTTP/9.9`, [["host", target.host]]),
      rawRequest(`GET ${path} HTTP/1.1`, [
        ["host", target.host],
        ["connection", "close"],
        ["x-a", "b\rc"],
      ]),
      rawRequest(`GET ${path} HTTP/1.1`, [
        ["host", target.host],
        ["connection", "close"],
        ["bad header", "1"],
      ]),
      rawRequest(`POST ${path} HTTP/1.1`, [
        ["host", target.host],
        ["connection", "close"],
        ["content-type", "application/json"],
        ["transfer-encoding", "chunked"],
      ], "zz\r\n[]\r\n0\r\n\r\n"),
      rawRequest(`POST ${path} HTTP/1.1`, [
        ["host", target.host],
        ["connection", "close"],
        ["content-type", "application/json"],
        ["content-length", "2"],
        ["content-length", "3"],
      ], "[]"),
      rawRequest(`GET ${path} HTTP/1.1`, [
        ["host", target.host],
        ["connection", "close"],
        ["x-big", "v".repeat(70_000)],
      ]),
      new TextEncoder().encode("\u0000\u0001\u0002garbage\r\n\r\n"),
      rawRequest("GET * HTTP/1.1", [["host", target.host]]),
      rawRequest(`GET /bot${target.token} /getMe HTTP/1.1`, [[
        "host",
        target.host,
      ]]),
      rawRequest(`CONNECT ${path} HTTP/1.1`, [["host", target.host]]),
      rawRequest(`POST ${path} HTTP/1.1`, [
        ["host", target.host],
        ["connection", "close"],
        ["content-type", "application/json\u0000"],
        ["content-length", "2"],
      ], "[]"),
    ]);
    return { bytes, framing: true };
  }],
];
