/** The Telegram API and MTProto schemas shipped with mtcute, indexed for lookups. */
import apiSchema from "@mtcute/core/tl/api-schema.json" with { type: "json" };
import mtpSchema from "@mtcute/core/tl/mtp-schema.json" with { type: "json" };

/** Modifiers of an argument or of a method's return type, as in mtcute's schema JSON. */
export interface TlTypeModifiers {
  /** `flags.N`: the argument is present only when bit N of `flags` is set. */
  predicate?: string;
  isVector?: boolean;
  isBareVector?: boolean;
  isBareType?: boolean;
  constructorId?: number;
}

/** One argument of a constructor or method. */
export interface TlArgument {
  /** The schema's (snake_case) name. */
  name: string;
  /** The name mtcute uses on its objects (camelCase). */
  camelName: string;
  /** `int`, `long`, `int53`, `string`, `bytes`, `true`, `#`, `Bool`, a type or constructor name, or `!X`. */
  type: string;
  typeModifiers?: TlTypeModifiers;
  /** For flag-conditional arguments: the flags field (schema name) and the bit. */
  flag?: { field: string; bit: number };
}

/** A constructor (`kind: "class"`) or a function (`kind: "method"`). */
export interface TlEntry {
  kind: "class" | "method";
  /** The name mtcute uses in `_`: schema name, with `mt_` in front for MTProto entries. */
  name: string;
  /** The constructor id. */
  id: number;
  /** The result type of a method, or the type a constructor belongs to. */
  type: string;
  /** Return type modifiers of a method (e.g. a vector result). */
  typeModifiers?: TlTypeModifiers;
  arguments: TlArgument[];
  /** `true` for entries of the MTProto (service) schema. */
  mtproto: boolean;
}

/** The combined, indexed schema. */
export interface TlSchema {
  layer: number;
  byName: Map<string, TlEntry>;
  byId: Map<number, TlEntry>;
  /** Type name (e.g. `InputPeer`) → its constructors. */
  constructorsOf: Map<string, TlEntry[]>;
}

interface RawEntry {
  kind: string;
  name: string;
  id: number;
  type: string;
  typeModifiers?: TlTypeModifiers;
  arguments: { name: string; type: string; typeModifiers?: TlTypeModifiers }[];
}

/** Converts a schema name to the one mtcute uses on objects: `ping_id` → `pingId`, `srp_B` → `srpB`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

function toEntry(raw: RawEntry, mtproto: boolean): TlEntry {
  return {
    kind: raw.kind === "method" || MTPROTO_METHODS.has(raw.name)
      ? "method"
      : "class",
    name: raw.name,
    id: raw.id,
    type: raw.type,
    typeModifiers: raw.typeModifiers,
    mtproto,
    arguments: raw.arguments.map((arg) => {
      const match = arg.typeModifiers?.predicate?.match(/^(\w+)\.(\d+)$/);
      return {
        name: arg.name,
        camelName: camelCase(arg.name),
        type: arg.type,
        typeModifiers: arg.typeModifiers,
        flag: match ? { field: match[1], bit: Number(match[2]) } : undefined,
      };
    }),
  };
}

/** The MTProto schema JSON marks every entry a class; these are its functions. */
const MTPROTO_METHODS = new Set([
  "mt_req_pq",
  "mt_req_pq_multi",
  "mt_req_DH_params",
  "mt_set_client_DH_params",
  "mt_rpc_drop_answer",
  "mt_get_future_salts",
  "mt_ping",
  "mt_ping_delay_disconnect",
  "mt_destroy_session",
  "mt_destroy_auth_key",
]);

let cached: TlSchema | undefined;

/** Returns the schema (built once per module instance). */
export function getSchema(): TlSchema {
  if (cached) return cached;
  const byName = new Map<string, TlEntry>();
  const byId = new Map<number, TlEntry>();
  const constructorsOf = new Map<string, TlEntry[]>();
  const add = (entry: TlEntry) => {
    byName.set(entry.name, entry);
    byId.set(entry.id, entry);
    if (entry.kind === "class") {
      const list = constructorsOf.get(entry.type) ?? [];
      list.push(entry);
      constructorsOf.set(entry.type, list);
    }
  };
  for (const raw of (apiSchema as { e: RawEntry[] }).e) {
    add(toEntry(raw, false));
  }
  for (const raw of mtpSchema as RawEntry[]) add(toEntry(raw, true));
  cached = {
    layer: (apiSchema as { l: number }).l,
    byName,
    byId,
    constructorsOf,
  };
  return cached;
}
