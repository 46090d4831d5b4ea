/**
 * The codec for mtcute's high-level method arguments and results (not raw TL):
 * class instances become plain JSON of their getters, and the bigint, bytes and
 * date wrappers stand in for `Long`, `Uint8Array` and `Date`. Raw TL objects
 * met on the way use TL-JSON, as everywhere else in the API.
 */
import { fieldPath, isRecord, itemPath } from "./_input.ts";
import {
  readBigint,
  readBytes,
  readDate,
  toLong,
  wrapBinary,
  wrapDate,
  WRAPPER,
  wrapperKindOf,
} from "./_wrappers.ts";
import { tlJsonToMtcute } from "./from_json.ts";
import { getSchema } from "./schema.ts";
import { mtcuteToTlJson } from "./to_json.ts";

/** Options of {@linkcode encodeValue}. */
export interface EncodeValueOptions {
  /** Nesting deeper than this becomes `null` (default 32); mtcute's objects link back and forth. */
  maxDepth?: number;
}

/** Options of {@linkcode decodeValue}. */
export interface DecodeValueOptions {
  /** The name of the value in error messages (default `"argument"`). */
  path?: string;
}

/**
 * Names never read from class instances: `raw` repeats the whole TL object the
 * getters already present, and `_`-prefixed members are mtcute's internals
 * (e.g. `Message._peers`, the index of every peer in the update).
 */
const HIDDEN_MEMBERS: ReadonlySet<string> = new Set(["raw", "constructor"]);

interface EncodeState {
  /** The objects being encoded on the current path; meeting one again is a cycle. */
  readonly ancestors: Set<object>;
  readonly maxDepth: number;
}

/**
 * Converts a high-level result to plain JSON: getters of class instances are read,
 * `Long`/bigint, `Uint8Array` and `Date` become wrappers, cycles and values nested
 * past `maxDepth` become `null`, functions and `undefined` fields are left out.
 * Never throws (getters that throw are skipped).
 */
export function encodeValue(
  value: unknown,
  options: EncodeValueOptions = {},
): unknown {
  const { maxDepth = 32 } = options;
  // Getters that throw are skipped, so the stack traces of their errors are never read:
  // not capturing them makes a thrown getter (e.g. Message.link of a private chat) cheap.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return encode(value, { ancestors: new Set(), maxDepth }, 0) ?? null;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Returns `undefined` for what JSON cannot hold (functions, symbols, `undefined`); the caller leaves it out. */
function encode(value: unknown, state: EncodeState, depth: number): unknown {
  switch (typeof value) {
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "string":
    case "boolean":
      return value;
  }
  if (value === null) return null;
  const wrapper = wrapBinary(value);
  if (wrapper) return wrapper;
  if (value instanceof Date) return wrapDate(value);
  const object = value as object;
  if (state.ancestors.has(object) || depth >= state.maxDepth) return null;
  state.ancestors.add(object);
  try {
    return encodeObject(object, state, depth + 1);
  } finally {
    state.ancestors.delete(object);
  }
}

function encodeObject(
  object: object,
  state: EncodeState,
  depth: number,
): unknown {
  const encodeItem = (item: unknown) => encode(item, state, depth) ?? null;
  if (Array.isArray(object)) return object.map(encodeItem);
  if (object instanceof Set) return [...object].map(encodeItem);
  if (object instanceof Map) {
    return encodeEntries(
      object,
      [...object.keys()],
      (map, key) => map.get(key),
      state,
      depth,
    );
  }
  if (isTlObject(object)) return mtcuteToTlJson(object);
  if (isPlainObject(object)) {
    return encodeEntries(
      object as Record<string, unknown>,
      Object.keys(object),
      (record, key) => record[key],
      state,
      depth,
    );
  }
  return encodeEntries(
    object,
    instanceMembers(object),
    (instance, key) => Reflect.get(instance, key),
    state,
    depth,
  );
}

/** Encodes `read(source, key)` for each key into an object, leaving out what encodes to `undefined` or fails to read. */
function encodeEntries<S, K>(
  source: S,
  keys: readonly K[],
  read: (source: S, key: K) => unknown,
  state: EncodeState,
  depth: number,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    let item: unknown;
    try {
      item = read(source, key);
    } catch {
      // Some getters throw when the data they present is absent (e.g. a link to a private chat).
      continue;
    }
    const encoded = encode(item, state, depth);
    if (encoded !== undefined) result[String(key)] = encoded;
  }
  return result;
}

/** The public getters of each prototype chain met so far: results repeat the same few classes. */
const gettersByPrototype = new WeakMap<object, readonly string[]>();

/** The public getter names along `prototype`'s chain, nearest first. */
function publicGetters(prototype: object | null): readonly string[] {
  if (prototype === null || prototype === Object.prototype) return [];
  let names = gettersByPrototype.get(prototype);
  if (!names) {
    const found = new Set<string>();
    for (
      let link: object | null = prototype;
      link !== null && link !== Object.prototype;
      link = Object.getPrototypeOf(link)
    ) {
      for (
        const [name, descriptor] of Object.entries(
          Object.getOwnPropertyDescriptors(link),
        )
      ) {
        if (descriptor.get && isPublicMember(name)) found.add(name);
      }
    }
    names = [...found];
    gettersByPrototype.set(prototype, names);
  }
  return names;
}

function isPublicMember(name: string): boolean {
  return !name.startsWith("_") && !HIDDEN_MEMBERS.has(name);
}

/** A class instance's public data: its own enumerable fields, then the getters of its prototype chain. */
function instanceMembers(object: object): string[] {
  const names = new Set(Object.keys(object).filter(isPublicMember));
  for (const name of publicGetters(Object.getPrototypeOf(object))) {
    names.add(name);
  }
  return [...names];
}

function isPlainObject(object: object): boolean {
  const prototype = Object.getPrototypeOf(object);
  return prototype === Object.prototype || prototype === null;
}

/** Whether `object` is a raw TL object of mtcute's (a plain object whose `_` the schema knows). */
function isTlObject(object: object): boolean {
  return isPlainObject(object) &&
    typeof (object as { _?: unknown })._ === "string" &&
    getSchema().byName.has((object as { _: string })._);
}

/**
 * Converts a JSON argument of a high-level method to what mtcute takes: bigint
 * wrappers → `Long`, bytes wrappers → `Uint8Array`, date wrappers → `Date`, other
 * objects with `_` → mtcute TL objects (read as TL-JSON), the rest as is.
 * Throws InputError naming the path of a malformed wrapper or TL object.
 */
export function decodeValue(
  json: unknown,
  options: DecodeValueOptions = {},
): unknown {
  const { path = "argument" } = options;
  return decode(json, path);
}

function decode(json: unknown, path: string): unknown {
  if (Array.isArray(json)) {
    return json.map((item, index) => decode(item, itemPath(path, index)));
  }
  // Only plain JSON objects are decoded; others (upload streams put in by the worker) go to mtcute as they are.
  if (!isRecord(json) || Object.getPrototypeOf(json) !== Object.prototype) {
    return json;
  }
  switch (wrapperKindOf(json)) {
    case WRAPPER.bigint:
      return toLong(readBigint(json, path), path);
    case WRAPPER.bytes:
      return readBytes(json, path);
    case WRAPPER.date:
      return readDate(json, path);
  }
  // In arguments, `_` only ever names a wrapper or a TL object; unknown names are rejected there.
  if (json._ !== undefined) {
    return tlJsonToMtcute(json, { expect: "any", path });
  }
  return Object.fromEntries(
    Object.entries(json).map((
      [key, item],
    ) => [key, decode(item, fieldPath(path, key))]),
  );
}
