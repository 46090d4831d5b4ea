/**
 * Readers for MTKruto's JSON parameters: each checks one value and throws an
 * InputError that names its path (`params.replyTo.messageId`) and says what
 * is allowed and what came. A key given as `null` counts as left out, as
 * JSON clients write absent options that way.
 */
import { InputError } from "../../errors.ts";
import { describeValue } from "../../describe_value.ts";

/** A JSON object as the readers take it. */
export type JsonObject = Record<string, unknown>;

/** Inclusive bounds of an integer. */
export interface IntegerRange {
  min?: number;
  max?: number;
}

/** A TL `int` (32-bit, signed). */
export const INT32: IntegerRange = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** A TL `int` that cannot be negative (durations, sizes, counts). */
export const NON_NEGATIVE_INT32: IntegerRange = { min: 0, max: 2 ** 31 - 1 };
/** A TL `int` above zero (message ids, story ids). */
export const POSITIVE_INT32: IntegerRange = { min: 1, max: 2 ** 31 - 1 };

/** How a received value reads after "got" in an error message. */
export const describe: (value: unknown) => string = describeValue;

/** The path of `key` inside the value at `path`: `params.replyTo`, `params.media[2]`. */
export function at(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : `${path}.${key}`;
}

/** Throws the InputError "`path` must be `expected`; got …". */
export function fail(path: string, expected: string, value: unknown): never {
  throw new InputError(`${path} must be ${expected}; got ${describe(value)}`);
}

/** `"a", "b" or "c"`: the allowed literals of an enumeration, quoted. */
export function listOf(allowed: readonly string[]): string {
  const quoted = allowed.map((item) => JSON.stringify(item));
  return quoted.length < 2
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** Whether a value counts as left out. */
function absent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** A plain JSON object (not an array, not null). */
export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(path, "an object", value);
  }
  return value as JsonObject;
}

/** An array. */
export function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, "an array", value);
  return value;
}

/** A string; `nonEmpty` refuses "". */
export function readString(
  value: unknown,
  path: string,
  { nonEmpty = false } = {},
): string {
  if (typeof value !== "string") {
    fail(path, nonEmpty ? "a non-empty string" : "a string", value);
  }
  if (nonEmpty && value.length === 0) {
    fail(path, "a non-empty string", value);
  }
  return value;
}

/** A boolean. */
export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") fail(path, "true or false", value);
  return value;
}

/** A finite number. */
export function readNumber(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(path, "a number", value);
  }
  return value;
}

/** A safe integer within `range`. */
export function readInteger(
  value: unknown,
  path: string,
  range: IntegerRange = {},
): number {
  const { min, max } = range;
  const expected = min !== undefined && max !== undefined
    ? `an integer from ${min} to ${max}`
    : min !== undefined
    ? `an integer of at least ${min}`
    : max !== undefined
    ? `an integer of at most ${max}`
    : "an integer";
  if (
    typeof value !== "number" || !Number.isSafeInteger(value) ||
    (min !== undefined && value < min) || (max !== undefined && value > max)
  ) {
    fail(path, expected, value);
  }
  return value;
}

/** One of the string literals in `allowed`. */
export function readEnum<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
): T {
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    fail(path, `one of ${listOf(allowed)}`, value);
  }
  return value as T;
}

/** The decimal string of a 64-bit integer (MTKruto writes ids of that size as strings). */
export function readDecimal(value: unknown, path: string): string {
  if (
    typeof value !== "string" || !/^-?\d{1,20}$/.test(value) ||
    BigInt(value) < -(2n ** 63n) || BigInt(value) >= 2n ** 63n
  ) {
    fail(path, "a 64-bit integer written as a decimal string", value);
  }
  return value;
}

/** The `type` discriminator of a tagged object: required, one of `allowed`. */
export function readType<T extends string>(
  object: JsonObject,
  path: string,
  allowed: readonly T[],
): T {
  return readEnum(object.type, at(path, "type"), allowed);
}

/** Builds the optional and required readers of one kind of value. */
function keyed<T, O extends unknown[]>(
  read: (value: unknown, path: string, ...options: O) => T,
) {
  return {
    optional(
      object: JsonObject,
      key: string,
      path: string,
      ...options: O
    ): T | undefined {
      const value = object[key];
      return absent(value) ? undefined : read(value, at(path, key), ...options);
    },
    required(
      object: JsonObject,
      key: string,
      path: string,
      ...options: O
    ): T {
      return read(object[key], at(path, key), ...options);
    },
  };
}

const objects = keyed(readObject);
const arrays = keyed(readArray);
const strings = keyed(readString);
const booleans = keyed(readBoolean);
const numbers = keyed(readNumber);
const integers = keyed(readInteger);
const decimals = keyed(readDecimal);

/** `object[key]` as an object, or undefined when left out. */
export const optionalObject = objects.optional;
/** `object[key]` as an object. */
export const requiredObject = objects.required;
/** `object[key]` as an array, or undefined when left out. */
export const optionalArray = arrays.optional;
/** `object[key]` as an array. */
export const requiredArray = arrays.required;
/** `object[key]` as a string, or undefined when left out. */
export const optionalString = strings.optional;
/** `object[key]` as a string. */
export const requiredString = strings.required;
/** `object[key]` as a boolean, or undefined when left out. */
export const optionalBoolean = booleans.optional;
/** `object[key]` as a finite number, or undefined when left out. */
export const optionalNumber = numbers.optional;
/** `object[key]` as a finite number. */
export const requiredNumber = numbers.required;
/** `object[key]` as an integer within the range, or undefined when left out. */
export const optionalInteger = integers.optional;

/** `object[key]` as an integer within the range. */
export const requiredInteger = integers.required;
/** `object[key]` as a 64-bit decimal string, or undefined when left out. */
export const optionalDecimal = decimals.optional;
/** `object[key]` as a 64-bit decimal string. */
export const requiredDecimal = decimals.required;

/** The most items one page of a list holds, as Telegram caps history, search and list calls. */
export const MAX_PAGE_LIMIT = 100;

/** `params.limit`: 1 to MAX_PAGE_LIMIT, which is also what an omitted limit means. */
export function pageLimit(params: JsonObject, path = "params"): number {
  return optionalInteger(params, "limit", path, {
    min: 1,
    max: MAX_PAGE_LIMIT,
  }) ?? MAX_PAGE_LIMIT;
}

/** `object[key]` as one of `allowed`, or undefined when left out. */
export function optionalEnum<T extends string>(
  object: JsonObject,
  key: string,
  path: string,
  allowed: readonly T[],
): T | undefined {
  const value = object[key];
  return absent(value) ? undefined : readEnum(value, at(path, key), allowed);
}

/** `object[key]` as an array whose items `read` converts, or undefined when left out. */
export function optionalList<T>(
  object: JsonObject,
  key: string,
  path: string,
  read: (item: unknown, path: string) => T,
): T[] | undefined {
  const list = optionalArray(object, key, path);
  return list?.map((item, index) => read(item, at(at(path, key), index)));
}

/** Whether `object[key]` was given (neither left out nor null). */
export function given(object: JsonObject, key: string): boolean {
  return !absent(object[key]);
}
