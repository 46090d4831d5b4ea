/**
 * The JSON wrappers for what plain JSON cannot carry: 64-bit integers
 * (`{"_":"bigint","value":"…"}`), raw bytes (`{"_":"bytes","value":"<base64>"}`)
 * and dates (`{"_":"date","value":"<ISO 8601>"}`).
 */
import { Long } from "@mtcute/core";
import { invalidValue, isRecord } from "./_input.ts";

/** The `_` of each wrapper. */
export const WRAPPER = {
  bigint: "bigint",
  bytes: "bytes",
  date: "date",
} as const;

/** The `_` of a wrapper. */
export type WrapperKind = typeof WRAPPER[keyof typeof WRAPPER];

/** A wrapper object as it appears in JSON. */
export interface JsonWrapper {
  _: WrapperKind;
  value: string;
}

/** The range of TL's signed 64-bit `long` (and of the `Long`s mtcute takes). */
export const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n } as const;

const WRAPPER_KINDS: ReadonlySet<string> = new Set(Object.values(WRAPPER));
const DECIMAL_INTEGER = /^-?\d+$/;
// base64url is told apart by its two letters, so tokens copied from URLs work as they are.
const BASE64URL_ONLY = /[-_]/;

/** Returns the wrapper for a 64-bit integer. */
export function wrapBigint(value: Long | bigint): JsonWrapper {
  return { _: WRAPPER.bigint, value: value.toString() };
}

/** Returns the wrapper for raw bytes (standard base64 with padding). */
export function wrapBytes(value: Uint8Array): JsonWrapper {
  return { _: WRAPPER.bytes, value: value.toBase64() };
}

/** Returns the wrapper for a date, or `null` for an invalid `Date` (which has no ISO form). */
export function wrapDate(value: Date): JsonWrapper | null {
  return Number.isNaN(value.getTime())
    ? null
    : { _: WRAPPER.date, value: value.toISOString() };
}

/** Returns the wrapper for a `Long`, bigint or `Uint8Array`, or `undefined` for anything else. */
export function wrapBinary(value: unknown): JsonWrapper | undefined {
  if (typeof value === "bigint" || Long.isLong(value)) return wrapBigint(value);
  if (value instanceof Uint8Array) return wrapBytes(value);
  return undefined;
}

/** Returns the kind of wrapper `value` claims to be (by its `_`), or `undefined`. */
export function wrapperKindOf(value: unknown): WrapperKind | undefined {
  if (
    !isRecord(value) || typeof value._ !== "string" ||
    !WRAPPER_KINDS.has(value._)
  ) return undefined;
  return value._ as WrapperKind;
}

function wrapperValue(
  value: unknown,
  kind: WrapperKind,
  path: string,
  format: string,
): string {
  if (
    wrapperKindOf(value) !== kind ||
    typeof (value as JsonWrapper).value !== "string"
  ) {
    throw invalidValue(path, `expected {"_":"${kind}","value":"${format}"}`);
  }
  return (value as JsonWrapper).value;
}

/** Reads a bigint wrapper; throws InputError unless it holds a decimal integer. */
export function readBigint(value: unknown, path: string): bigint {
  const text = wrapperValue(value, WRAPPER.bigint, path, "<decimal integer>");
  if (!DECIMAL_INTEGER.test(text)) {
    throw invalidValue(
      path,
      `expected a decimal integer in the bigint wrapper, got ${
        JSON.stringify(text)
      }`,
    );
  }
  return BigInt(text);
}

/** Reads a bytes wrapper (base64 or base64url); throws InputError on anything else. */
export function readBytes(value: unknown, path: string): Uint8Array {
  const text = wrapperValue(value, WRAPPER.bytes, path, "<base64>");
  try {
    return Uint8Array.fromBase64(text, {
      alphabet: BASE64URL_ONLY.test(text) ? "base64url" : "base64",
    });
  } catch {
    throw invalidValue(path, "expected base64 in the bytes wrapper");
  }
}

/** Reads a date wrapper; throws InputError unless it holds a date `Date` can parse. */
export function readDate(value: unknown, path: string): Date {
  const date = new Date(
    wrapperValue(value, WRAPPER.date, path, "<ISO 8601 date>"),
  );
  if (Number.isNaN(date.getTime())) {
    throw invalidValue(path, "expected an ISO 8601 date in the date wrapper");
  }
  return date;
}

/** Converts to a signed `Long`; throws InputError when `value` needs more than 64 bits. */
export function toLong(value: bigint, path: string): Long {
  if (value < INT64.min || value > INT64.max) {
    throw invalidValue(
      path,
      `expected a 64-bit integer from ${INT64.min} to ${INT64.max}, got ${value}`,
    );
  }
  return Long.fromBigInt(value);
}
