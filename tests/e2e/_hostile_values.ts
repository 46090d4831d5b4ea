/** Random values for the hostile requests: a seeded generator and JSON biased towards what the gateway's methods take. */

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

/** A source of random numbers in [0, 1). */
export type Rng = () => number;

/** One of `items`, chosen by `rng`. */
export const pick = <T>(rng: Rng, items: readonly T[]): T =>
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

/** A random JSON value up to `depth` levels deep, biased towards what mtcute's and MTKruto's methods take. */
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
    // The shape the upload step puts in place of a file part: JSON must not forge one.
    {
      kind: "attached",
      file: pick(rng, [{}, "AAAA", { _: "bytes", value: "AAAA" }, []]),
      fileName: "x.bin",
    },
  ]);
}
