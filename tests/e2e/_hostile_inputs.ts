/**
 * Generated hostile requests, by class: what an attacker or a confused new
 * user sends. Deterministic for a seed, so a failure can be replayed.
 */
import { DIALECT_AREAS } from "../../src/mtkruto/methods/table.ts";
import { ALLOWED_METHODS, MTCUTE_PREFIX } from "../../src/telegram/methods.ts";
import { rawRequest } from "./_raw_http.ts";
import { jsonValue, pick, random, type Rng } from "./_hostile_values.ts";

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

/** mtcute's methods, by the names that call them (`mtcute.sendText`). */
const MTCUTE_METHODS = Object.values(ALLOWED_METHODS).flat().map((name) =>
  `${MTCUTE_PREFIX}${name}`
);
/** MTKruto's methods (the gateway's own names). */
const MTKRUTO_METHODS = Object.values(DIALECT_AREAS).flat().map((method) =>
  method.name
);

/** Up to three random arguments, the first often a real chat or `"me"`. */
function argumentsFor(rng: Rng, target: Target): unknown[] {
  return Array.from(
    { length: Math.floor(rng() * 4) },
    (_, i) =>
      i === 0 && rng() < 0.5
        ? pick(rng, [target.userId, target.botId, "me"])
        : jsonValue(rng),
  );
}

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
      // mtcute's names without the prefix, and the prefix on what is not mtcute's.
      "sendText",
      "getChatMembers",
      "mtcute.",
      "mtcute.constructor",
      "mtcute.__proto__",
      "mtcute.exportSession",
      "mtcute.iterHistory",
      "mtcute.mtcute.getMe",
      "mtcute.getUpdates",
      "mtcute.sendMessage",
      "MTCUTE.getMe",
      "mtcute%2EgetMe",
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
        `${bot(target)}/${
          pick(rng, ["getMe", "mtcute.sendText", "sendMessage", "invoke"])
        }`,
        "application/json",
        bytes,
      ),
    };
  }],
  ["argument types", 900, (rng, target) => {
    const method = pick(rng, MTCUTE_METHODS);
    const args = argumentsFor(rng, target);
    return {
      bytes: postJson(target, `${bot(target)}/${method}`, JSON.stringify(args)),
    };
  }],
  ["mtkruto arguments", 600, (rng, target) => {
    const method = pick(rng, MTKRUTO_METHODS);
    const args = argumentsFor(rng, target);
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
        `${bot(target)}/${
          pick(rng, [
            "mtcute.sendMedia",
            "getMe",
            "mtcute.sendText",
            "sendMessage",
            "sendDocument",
          ])
        }`,
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
          pick(rng, ["getMe", "mtcute.sendText", "sendMessage", "getUpdates"])
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
