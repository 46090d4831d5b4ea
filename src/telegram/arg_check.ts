/**
 * Checks the JSON arguments of an mtcute method against its declared
 * parameters before mtcute sees them, so a caller's mistake is a 400 that
 * names the argument and what it must be, not an error deep inside mtcute.
 * Types the checker does not know accept any value: it only refuses what
 * mtcute could never use. It also fills in `_` where the declared type is
 * one TL constructor (e.g. `{"command", "description"}` as a `botCommand`).
 */
import { InputError } from "../errors.ts";
import { describeValue } from "../describe_value.ts";
import { isFileReference } from "../file_reference.ts";
import { getSchema } from "../tl/schema.ts";
import type { Parameter } from "./signatures.ts";
import { parseTsType } from "./ts_types.ts";
import type { TsType } from "./ts_types.ts";

/** A value that passed, possibly with `_` filled in, or what is wrong with it. */
type Checked = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** Where a value is wrong and what was expected there. */
interface Problem {
  /** The path inside the argument, e.g. `.commands[0]`; empty for the argument itself. */
  at: string;
  expected: string;
  got: unknown;
  /** Set when the value was not wrong but absent. */
  missing?: boolean;
}

/** A named type of mtcute's, as the JSON it can be written as (TypeScript text or parsed), and how to say so. */
interface NamedType {
  type: string | TsType;
  description: string;
}

const FILE: TsType = { kind: "keyword", name: "file" };

const FILE_DESCRIPTION =
  'a file: a file id, an http(s) URL, or {"_": "file", "field": "<part name>"} for a multipart file part';

/** mtcute's named types that arguments can be checked against. */
const NAMED_TYPES: Record<string, NamedType> = {
  InputPeerLike: {
    type: "number | string | { _: string } | { inputPeer: object }",
    description:
      'a chat: its id (a number), a username, phone number, "me" or "self" (a string), a TL input peer object, or an object with "inputPeer" (as getMe answers)',
  },
  InputText: {
    type: "string | { text: string; entities?: unknown[] }",
    description: 'a string, or {"text": "…", "entities": […]}',
  },
  Long: {
    type: "number | string | object",
    description:
      'a 64-bit integer: a number, a decimal string or {"_": "bigint", "value": "…"}',
  },
  InputMessageId: {
    type: "object",
    description: 'an object {"chatId", "message"} or {"message"}',
  },
  InputMediaLike: {
    // Of its many shapes only the files are checked: a path on the server is never one.
    type: {
      kind: "object",
      fields: new Map([
        ["file", { optional: true, type: FILE }],
        ["thumb", { optional: true, type: FILE }],
      ]),
    },
    description:
      'a media object such as {"type": "photo", "file": …}, or a TL input media object',
  },
  InputFileLike: { type: FILE, description: FILE_DESCRIPTION },
  UploadFileLike: { type: FILE, description: FILE_DESCRIPTION },
  Date: {
    type: "number | object",
    description: 'a date: Unix seconds or {"_": "date", "value": "<ISO 8601>"}',
  },
  Uint8Array: {
    type: "object",
    description: 'bytes: {"_": "bytes", "value": "<base64>"}',
  },
};
NAMED_TYPES["tl.Long"] = NAMED_TYPES.Long;

const parsedNamedTypes = new Map<string, TsType>();

function namedType(name: string): TsType | undefined {
  const named = NAMED_TYPES[name];
  if (!named) return undefined;
  let type = parsedNamedTypes.get(name);
  if (!type) {
    type = typeof named.type === "string"
      ? parseTsType(named.type)
      : named.type;
    parsedNamedTypes.set(name, type);
  }
  return type;
}

/** Generic types that only say "some object". */
const OBJECT_GENERICS = new Set([
  "Partial",
  "Required",
  "Omit",
  "Pick",
  "PartialOnly",
  "PartialExcept",
  "Record",
]);

/**
 * Checks `args` against the parameters of `method`; returns them with `_`
 * filled in where it was implied. Throws InputError naming the first
 * argument (and the field in it) that cannot be right.
 */
export function checkArguments(
  method: string,
  overloads: Parameter[][],
  args: unknown[],
): unknown[] {
  let first: InputError | undefined;
  for (const parameters of overloads) {
    try {
      return checkAgainst(method, parameters, args);
    } catch (error) {
      first ??= error as InputError;
    }
  }
  throw first!;
}

function checkAgainst(
  method: string,
  parameters: Parameter[],
  args: unknown[],
): unknown[] {
  const rest = parameters.at(-1)?.rest === true;
  const required = parameters.filter((p) => !p.optional && !p.rest).length;
  if (!rest && args.length > parameters.length) {
    if (parameters.length === 0) {
      throw new InputError(
        `${method} takes no arguments; got ${args.length}`,
      );
    }
    throw new InputError(
      `${method} takes ${arity(required, parameters.length)} (${
        parameters.map((p) => p.name + (p.optional ? "?" : "")).join(", ")
      }); got ${args.length}`,
    );
  }
  const checked: unknown[] = [];
  for (const [index, parameter] of parameters.entries()) {
    if (parameter.rest) {
      const itemType = parameter.type.kind === "array"
        ? parameter.type.item
        : parameter.type;
      for (let at = index; at < args.length; at++) {
        checked.push(checkOne(method, at, parameter, itemType, args[at]));
      }
      break;
    }
    const value = args[index];
    if (index >= args.length || value === null && parameter.optional) {
      if (!parameter.optional) {
        throw new InputError(
          `Argument ${
            index + 1
          } of ${method} (${parameter.name}) is missing: it must be ${
            describe(parameter.type)
          }`,
        );
      }
      if (index < args.length) checked.push(undefined);
      continue;
    }
    checked.push(checkOne(method, index, parameter, parameter.type, value));
  }
  return checked;
}

function checkOne(
  method: string,
  index: number,
  parameter: Parameter,
  type: TsType,
  value: unknown,
): unknown {
  const result = check(value, type, "");
  if (result.ok) return result.value;
  const { at, expected, got, missing } = result.problem;
  const where = `Argument ${index + 1} of ${method} (${parameter.name})${
    at ? `, at ${at},` : ""
  }`;
  if (missing) {
    throw new InputError(`${where} is missing: it must be ${expected}`);
  }
  const hint = isFileReference(got)
    ? "; a file part can only stand where a file is expected, so send this argument as a text part holding JSON"
    : "";
  throw new InputError(
    `${where} must be ${expected}; got ${describeValue(got)}${hint}`,
  );
}

function arity(required: number, total: number): string {
  const count = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  if (required === total) return count(total);
  return `${required} to ${count(total)}`;
}

const pass = (value: unknown): Checked => ({ ok: true, value });
const fail = (type: TsType, got: unknown): Checked => ({
  ok: false,
  problem: { at: "", expected: describe(type), got },
});

function check(value: unknown, type: TsType, at: string): Checked {
  const result = checkHere(value, type);
  if (!result.ok && at) {
    return {
      ok: false,
      problem: { ...result.problem, at: at + result.problem.at },
    };
  }
  return result;
}

function checkHere(value: unknown, type: TsType): Checked {
  switch (type.kind) {
    case "unknown":
      return pass(value);
    case "keyword":
      return keywordAccepts(type.name, value) ? pass(value) : fail(type, value);
    case "literal":
      return value === type.value ? pass(value) : fail(type, value);
    case "array": {
      if (!Array.isArray(value)) return fail(type, value);
      const items: unknown[] = [];
      for (const [i, item] of value.entries()) {
        const result = check(item, type.item, `[${i}]`);
        if (!result.ok) return result;
        items.push(result.value);
      }
      return pass(items);
    }
    case "union": {
      let nested: Checked | undefined;
      for (const member of type.members) {
        const result = checkHere(value, member);
        if (result.ok) return result;
        // A wrong value inside a member says more than the union does; an absent field does not
        // (the value may have been meant as another member).
        if (saysMore(result.problem) && !nested) nested = result;
      }
      return nested ?? fail(type, value);
    }
    case "intersection": {
      let current = value;
      for (const member of type.members) {
        const result = checkHere(current, member);
        if (!result.ok) return result;
        current = result.value;
      }
      return pass(current);
    }
    case "object":
      return checkObject(value, type);
    case "ref":
      return checkRef(value, type);
  }
}

/** Whether a problem inside a value says more than "this is not what was expected". */
function saysMore(problem: Problem): boolean {
  return problem.at !== "" && !problem.missing;
}

function keywordAccepts(name: string, value: unknown): boolean {
  switch (name) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "true":
    case "false":
      return value === (name === "true");
    case "null":
      return value === null;
    case "undefined":
    case "void":
      return value === undefined || value === null;
    case "never":
      return false;
    case "object":
      return isPlainObject(value) && !isFileReference(value);
    case "bigint":
      return typeof value === "number" || typeof value === "string" ||
        isPlainObject(value);
    case "file":
      return isFileReference(value) || isPlainObject(value) ||
        typeof value === "string" && isFileString(value);
    default:
      return true;
  }
}

/** A file id (URL-safe base64) or an http(s) URL: never a path on the server. */
function isFileString(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value) || /^[A-Za-z0-9_-]+=*$/.test(value);
}

function checkObject(
  value: unknown,
  type: Extract<TsType, { kind: "object" }>,
): Checked {
  if (!isPlainObject(value) || isFileReference(value)) return fail(type, value);
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const [name, field] of type.fields) {
    const item = record[name];
    if (item === undefined || item === null && field.optional) {
      if (!field.optional) {
        return {
          ok: false,
          problem: {
            at: `.${name}`,
            expected: describe(field.type),
            got: undefined,
            missing: true,
          },
        };
      }
      continue;
    }
    const result = check(item, field.type, `.${name}`);
    if (!result.ok) return result;
    if (result.value !== item) (out ??= { ...record })[name] = result.value;
  }
  return pass(out ?? value);
}

function checkRef(
  value: unknown,
  type: Extract<TsType, { kind: "ref" }>,
): Checked {
  const { name, args } = type;
  if (name === "MaybeArray" && args.length === 1) {
    const either: TsType = {
      kind: "union",
      members: [args[0], { kind: "array", item: args[0] }],
    };
    const result = checkHere(value, either);
    return result.ok || saysMore(result.problem) ? result : fail(type, value);
  }
  if ((name === "Array" || name === "ReadonlyArray") && args.length === 1) {
    return checkHere(value, { kind: "array", item: args[0] });
  }
  if (OBJECT_GENERICS.has(name)) {
    return isPlainObject(value) && !isFileReference(value)
      ? pass(value)
      : fail(type, value);
  }
  const named = namedType(name);
  if (named) {
    const result = checkHere(value, named);
    return result.ok || saysMore(result.problem) ? result : fail(type, value);
  }
  const tl = tlTypeOf(name);
  if (tl) return checkTl(value, type, tl);
  return pass(value);
}

/** `tl.RawBotCommand` → one constructor, `tl.TypeInputPeer` → a type; namespaces kept (`tl.messages.…`). */
function tlTypeOf(
  name: string,
): { single: string } | { type: string } | undefined {
  const match = /^tl\.((?:[a-z]\w*\.)?)(Raw|Type)(\w+)$/.exec(name);
  if (!match) return undefined;
  const [, namespace, kind, rest] = match;
  if (kind === "Type") return { type: namespace + rest };
  const single = namespace + rest[0].toLowerCase() + rest.slice(1);
  return getSchema().byName.has(single) ? { single } : undefined;
}

function checkTl(
  value: unknown,
  type: TsType,
  tl: { single: string } | { type: string },
): Checked {
  if (!isPlainObject(value) || isFileReference(value)) return fail(type, value);
  const record = value as Record<string, unknown>;
  const schema = getSchema();
  if ("single" in tl) {
    if (record._ === undefined) return pass({ _: tl.single, ...record });
    return record._ === tl.single ? pass(value) : fail(type, value);
  }
  const constructors = schema.constructorsOf.get(tl.type);
  // A type the schema does not have (mtcute's own additions) is not checked.
  if (!constructors) return pass(value);
  if (record._ === undefined && constructors.length === 1) {
    return pass({ _: constructors[0].name, ...record });
  }
  // Wrappers (bigint, bytes) and TL objects alike carry `_`: the TL reader checks the rest.
  return constructors.some((c) => c.name === record._)
    ? pass(value)
    : fail(type, value);
}

/** How a type reads in an error message. */
export function describe(type: TsType): string {
  switch (type.kind) {
    case "unknown":
      return "any value";
    case "keyword":
      return KEYWORD_DESCRIPTIONS[type.name] ?? type.name;
    case "literal":
      return JSON.stringify(type.value);
    case "array":
      return `an array of ${describe(type.item)}`;
    case "union": {
      const parts = [...new Set(type.members.map(describe))];
      return parts.length === 1
        ? parts[0]
        : `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}`;
    }
    case "intersection": {
      const fields = type.members.flatMap((member) =>
        member.kind === "object" ? [...member.fields] : []
      );
      return describeFields(new Map(fields));
    }
    case "object":
      return describeFields(type.fields);
    case "ref":
      return describeRef(type);
  }
}

const KEYWORD_DESCRIPTIONS: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  bigint: "a 64-bit integer",
  null: "null",
  undefined: "absent",
  void: "absent",
  object: "an object",
  file: FILE_DESCRIPTION,
};

function describeFields(
  fields: ReadonlyMap<string, { optional: boolean }>,
): string {
  if (fields.size === 0) return "an object";
  const names = [...fields].map(([name, field]) =>
    `"${name}"${field.optional ? "?" : ""}`
  );
  const shown = names.length > 8 ? [...names.slice(0, 8), "…"] : names;
  return `an object {${shown.join(", ")}}`;
}

function describeRef(type: Extract<TsType, { kind: "ref" }>): string {
  const { name, args } = type;
  if (name === "MaybeArray" && args.length === 1) {
    return `${describe(args[0])}, or an array of them`;
  }
  if ((name === "Array" || name === "ReadonlyArray") && args.length === 1) {
    return `an array of ${describe(args[0])}`;
  }
  if (OBJECT_GENERICS.has(name)) return "an object";
  const named = NAMED_TYPES[name];
  if (named) return named.description;
  const tl = tlTypeOf(name);
  if (tl && "single" in tl) {
    return `a TL object {"_": "${tl.single}", …} ("_" may be left out)`;
  }
  if (tl) {
    const constructors = getSchema().constructorsOf.get(tl.type) ?? [];
    const names = constructors.slice(0, 6).map((c) => c.name);
    return `a TL object of type ${tl.type} (with "_" one of ${
      names.join(", ")
    }${constructors.length > 6 ? ", …" : ""})`;
  }
  return `a ${name}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
