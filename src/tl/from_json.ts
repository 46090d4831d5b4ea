/**
 * TL-JSON (what users send to `invoke`) → mtcute's TL objects, checked against
 * the schema field by field so a mistake is reported with its path instead of
 * failing later inside mtcute's serializer.
 */
import { InputError } from "../errors.ts";
import {
  fieldPath,
  invalidValue,
  isRecord,
  itemPath,
  ownField,
} from "./_input.ts";
import { entryByJsonName, jsonName } from "./_names.ts";
import {
  INT64,
  readBigint,
  readBytes,
  toLong,
  WRAPPER,
  wrapperKindOf,
} from "./_wrappers.ts";
import { getSchema, type TlArgument, type TlEntry } from "./schema.ts";

/** An mtcute TL object: `_` is mtcute's name, the fields are camelCase. */
export interface MtcuteTlObject {
  _: string;
  [field: string]: unknown;
}

/** Options of {@linkcode tlJsonToMtcute}. */
export interface TlJsonToMtcuteOptions {
  /** What the top-level value may be: a function (`"method"`, the default) or any constructor or function. */
  expect?: "method" | "any";
  /** The name of the value in error messages (default `"query"`). */
  path?: string;
}

/** What an object position accepts. */
type Expected =
  | { kind: "method" }
  | { kind: "any" }
  | { kind: "type"; type: string }
  | { kind: "bare"; entry: TlEntry };

/**
 * Converts a TL-JSON object (a function unless `expect: "any"`) to mtcute's form.
 * Throws InputError naming the offending path for every mismatch with the schema.
 */
export function tlJsonToMtcute(
  value: unknown,
  options: TlJsonToMtcuteOptions = {},
): MtcuteTlObject {
  const { expect = "method", path = "query" } = options;
  return readObject(value, path, { kind: expect });
}

function describe(expected: Expected): string {
  switch (expected.kind) {
    case "method":
      return "a function";
    case "any":
      return "a constructor or function";
    case "type":
      return `a constructor of type ${expected.type}`;
    case "bare":
      return `a ${jsonName(expected.entry)}`;
  }
}

/** Returns the entry named by `value._`, checked against what the position accepts. */
function resolveEntry(
  value: Record<string, unknown>,
  path: string,
  expected: Expected,
): TlEntry {
  // A bare constructor's id is not on the wire, so `_` is redundant there.
  if (expected.kind === "bare" && value._ === undefined) return expected.entry;
  if (typeof value._ !== "string") {
    throw invalidValue(
      fieldPath(path, "_"),
      `expected the name of ${describe(expected)}`,
    );
  }
  const entry = entryByJsonName(value._);
  if (!entry) {
    throw new InputError(
      `unknown TL constructor or function: ${value._} (at ${path})`,
    );
  }
  const fits = expected.kind === "any" ||
    (expected.kind === "method" && entry.kind === "method") ||
    (expected.kind === "type" && entry.kind === "class" &&
      entry.type === expected.type) ||
    (expected.kind === "bare" && entry === expected.entry);
  if (!fits) {
    const actual = entry.kind === "method"
      ? "a function"
      : `a constructor of type ${entry.type}`;
    throw invalidValue(
      path,
      `expected ${describe(expected)}, got ${value._} (${actual})`,
    );
  }
  return entry;
}

function readObject(
  value: unknown,
  path: string,
  expected: Expected,
): MtcuteTlObject {
  if (!isRecord(value)) {
    throw invalidValue(path, `expected a TL object (${describe(expected)})`);
  }
  const entry = resolveEntry(value, path, expected);
  const argumentsByName = new Map(
    entry.arguments.map((argument) => [argument.name, argument]),
  );
  for (const key of Object.keys(value)) {
    if (key === "_") continue;
    const argument = argumentsByName.get(key);
    if (!argument) {
      throw new InputError(
        `unknown field ${fieldPath(path, key)}: ${
          jsonName(entry)
        } has no field ${key}`,
      );
    }
    if (argument.type === "#") {
      throw invalidValue(
        fieldPath(path, key),
        `${key} is computed from the optional fields; leave it out`,
      );
    }
  }
  const result: MtcuteTlObject = { _: entry.name };
  for (const argument of entry.arguments) {
    if (argument.type === "#") continue;
    const field = fieldPath(path, argument.name);
    const raw = ownField(value, argument.name);
    // null means absent, as an optional field would be in most JSON APIs.
    if (raw === undefined || raw === null) {
      if (argument.flag) continue;
      throw new InputError(`missing required field ${field}`);
    }
    const converted = readArgument(raw, argument, field);
    // mtcute sets a `true` flag only for `true`; leaving `false` out keeps the object as mtcute's reader makes it.
    if (converted !== false || argument.type !== "true") {
      result[argument.camelName] = converted;
    }
  }
  return result;
}

function readArgument(
  value: unknown,
  argument: TlArgument,
  path: string,
): unknown {
  const modifiers = argument.typeModifiers;
  if (!modifiers?.isVector && !modifiers?.isBareVector) {
    return readSingle(value, argument, path);
  }
  if (!Array.isArray(value)) throw invalidValue(path, "expected an array");
  return value.map((item, index) =>
    readSingle(item, argument, itemPath(path, index))
  );
}

function readSingle(
  value: unknown,
  argument: TlArgument,
  path: string,
): unknown {
  if (isPrimitive(argument.type)) return PRIMITIVES[argument.type](value, path);
  if (argument.type === "!X") {
    return readObject(value, path, { kind: "method" });
  }
  const schema = getSchema();
  const bare = schema.byName.get(argument.type);
  if (
    bare &&
    (argument.typeModifiers?.isBareType ||
      !schema.constructorsOf.has(argument.type))
  ) {
    return readObject(value, path, { kind: "bare", entry: bare });
  }
  return readObject(value, path, { kind: "type", type: argument.type });
}

/** The integer types and the range each accepts. */
const INTEGER_RANGES = {
  int: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int53: {
    min: BigInt(Number.MIN_SAFE_INTEGER),
    max: BigInt(Number.MAX_SAFE_INTEGER),
  },
  long: INT64,
} as const;

/** Reads an integer given as a JSON number (a safe integer) or as a bigint wrapper, within `type`'s range. */
function readInteger(
  value: unknown,
  path: string,
  type: keyof typeof INTEGER_RANGES,
): bigint {
  let integer: bigint;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw invalidValue(
        path,
        Number.isInteger(value)
          ? `expected an integer; ${value} is past 2^53, send it as {"_":"bigint","value":"…"}`
          : "expected an integer",
      );
    }
    integer = BigInt(value);
  } else if (wrapperKindOf(value) === WRAPPER.bigint) {
    integer = readBigint(value, path);
  } else {
    throw invalidValue(path, "expected an integer");
  }
  const { min, max } = INTEGER_RANGES[type];
  if (integer < min || integer > max) {
    throw invalidValue(
      path,
      `expected an integer from ${min} to ${max} (${type}), got ${integer}`,
    );
  }
  return integer;
}

function readFixedBytes(length: number) {
  return (value: unknown, path: string): Uint8Array => {
    const bytes = readBytes(value, path);
    if (bytes.length !== length) {
      throw invalidValue(
        path,
        `expected exactly ${length} bytes, got ${bytes.length}`,
      );
    }
    return bytes;
  };
}

function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") {
    throw invalidValue(path, "expected a boolean");
  }
  return value;
}

/** How each of TL's built-in types is read from JSON. */
const PRIMITIVES = {
  int: (value: unknown, path: string) =>
    Number(readInteger(value, path, "int")),
  int53: (value: unknown, path: string) =>
    Number(readInteger(value, path, "int53")),
  long: (value: unknown, path: string) =>
    toLong(readInteger(value, path, "long"), path),
  double: (value: unknown, path: string) => {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw invalidValue(path, "expected a number");
    }
    return value;
  },
  string: (value: unknown, path: string) => {
    if (typeof value !== "string") {
      throw invalidValue(path, "expected a string");
    }
    return value;
  },
  bytes: readBytes,
  int128: readFixedBytes(16),
  int256: readFixedBytes(32),
  Bool: readBoolean,
  true: readBoolean,
} as const satisfies Record<string, (value: unknown, path: string) => unknown>;

function isPrimitive(type: string): type is keyof typeof PRIMITIVES {
  return Object.hasOwn(PRIMITIVES, type);
}
