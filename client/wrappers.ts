/**
 * The JSON wrappers for what JSON lacks: `{"_":"bigint","value":"…"}`,
 * `{"_":"bytes","value":"<base64>"}` and `{"_":"date","value":"<ISO 8601>"}`.
 * Results are revived into `bigint`, `Uint8Array` and `Date`; arguments are
 * encoded the other way. Only web-standard APIs are used (atob/btoa).
 */

/** The `_` of each wrapper. */
export const WRAPPER_KINDS = {
  bigint: "bigint",
  bytes: "bytes",
  date: "date",
} as const;

/** One wrapper as it appears in JSON. */
export interface JsonWrapper {
  _: typeof WRAPPER_KINDS[keyof typeof WRAPPER_KINDS];
  value: string;
}

/** Bytes per `String.fromCharCode` call: well below engines' argument limits. */
const BASE64_CHUNK = 0x8000;

/** Standard base64 with padding. Never throws. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + BASE64_CHUNK));
  }
  return btoa(binary);
}

/**
 * Decodes standard base64 or base64url, padded or not; throws TypeError
 * for anything else.
 */
export function decodeBase64(text: string): Uint8Array {
  const standard = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, "=");
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new TypeError(`Invalid base64 in a bytes wrapper: ${text}`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The wrapper for a 64-bit integer. */
export function wrapBigint(value: bigint): JsonWrapper {
  return { _: WRAPPER_KINDS.bigint, value: value.toString() };
}

/** The wrapper for raw bytes. */
export function wrapBytes(value: Uint8Array): JsonWrapper {
  return { _: WRAPPER_KINDS.bytes, value: encodeBase64(value) };
}

/** The wrapper for a date; throws TypeError for an invalid `Date`. */
export function wrapDate(value: Date): JsonWrapper {
  if (Number.isNaN(value.getTime())) {
    throw new TypeError("Cannot send an invalid Date");
  }
  return { _: WRAPPER_KINDS.date, value: value.toISOString() };
}

/**
 * Turns a wrapper into its value, or returns `value` unchanged when it is
 * not exactly a wrapper (`_` and a string `value`, nothing else). Throws
 * TypeError for a wrapper whose value is malformed.
 */
export function reviveWrapper(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return value;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.value !== "string" || Object.keys(record).length !== 2) {
    return value;
  }
  switch (record._) {
    case WRAPPER_KINDS.bigint:
      if (!/^-?\d+$/.test(record.value)) {
        throw new TypeError(`Invalid bigint wrapper: ${record.value}`);
      }
      return BigInt(record.value);
    case WRAPPER_KINDS.bytes:
      return decodeBase64(record.value);
    case WRAPPER_KINDS.date: {
      const date = new Date(record.value);
      if (Number.isNaN(date.getTime())) {
        throw new TypeError(`Invalid date wrapper: ${record.value}`);
      }
      return date;
    }
  }
  return value;
}

/**
 * Parses a JSON text and revives every wrapper inside it (bottom-up, so a
 * wrapper nested anywhere is found). Throws SyntaxError for invalid JSON and
 * TypeError for a malformed wrapper.
 */
export function parseJson(text: string): unknown {
  return JSON.parse(text, (_key, value) => reviveWrapper(value));
}

/** Revives the wrappers in an already parsed JSON value, returning a new value. */
export function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value === "object" && value !== null) {
    const revived = reviveWrapper(value);
    if (revived !== value) return revived;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, revive(item)]),
    );
  }
  return value;
}

/** Options of {@linkcode encodeValue}. */
export interface EncodeValueOptions {
  /**
   * Called for each file met (a `Blob`, `File`, `ReadableStream` or
   * `InputFile`); returns what stands in its place. Without it, files are a
   * TypeError.
   */
  onFile?: (file: object) => unknown;
  /** Whether a value is a file for `onFile` (checked before anything else). */
  isFile?: (value: object) => boolean;
}

/**
 * Turns an argument into plain JSON data: `bigint` → bigint wrapper,
 * `Uint8Array` (and other binary views, `ArrayBuffer`) → bytes wrapper,
 * `Date` → date wrapper, `undefined`, functions and symbols left out of
 * objects, non-finite numbers → `null`. Throws TypeError for cycles, invalid
 * dates, and files when `onFile` is not given.
 */
export function encodeValue(
  value: unknown,
  options: EncodeValueOptions = {},
): unknown {
  return encode(value, options, new Set());
}

function encode(
  value: unknown,
  options: EncodeValueOptions,
  ancestors: Set<object>,
): unknown {
  switch (typeof value) {
    case "bigint":
      return wrapBigint(value);
    case "number":
      return Number.isFinite(value) ? value : null;
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    case "string":
    case "boolean":
      return value;
  }
  if (value === null) return null;
  const object = value as object;
  if (options.isFile?.(object)) return options.onFile!(object);
  if (object instanceof Blob || object instanceof ReadableStream) {
    throw new TypeError(
      "Files (Blob, File, ReadableStream) can only be sent as method arguments",
    );
  }
  if (object instanceof Date) return wrapDate(object);
  if (object instanceof Uint8Array) return wrapBytes(object);
  if (ArrayBuffer.isView(object)) {
    return wrapBytes(
      new Uint8Array(object.buffer, object.byteOffset, object.byteLength),
    );
  }
  if (object instanceof ArrayBuffer) return wrapBytes(new Uint8Array(object));
  if (ancestors.has(object)) {
    throw new TypeError("Cannot send a value that contains itself (a cycle)");
  }
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return object.map((item) => encode(item, options, ancestors) ?? null);
    }
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") {
      return encode(toJSON.call(object), options, ancestors);
    }
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(object)) {
      const encoded = encode(item, options, ancestors);
      if (encoded !== undefined) result[key] = encoded;
    }
    return result;
  } finally {
    ancestors.delete(object);
  }
}
