/**
 * mtcute's TL objects (results of `client.call`) → TL-JSON. Field names come
 * from the schema, because camelCase cannot be undone by rule (`srpB` was `srp_B`).
 */
import { isRecord, ownField } from "./_input.ts";
import { jsonName } from "./_names.ts";
import { wrapBinary } from "./_wrappers.ts";
import { getSchema, type TlEntry } from "./schema.ts";

/**
 * Converts an mtcute TL value (object, vector, boolean, number, `Long`, bytes) to TL-JSON.
 * Never throws for values mtcute produces; `undefined` becomes `null`.
 */
export function mtcuteToTlJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const wrapper = wrapBinary(value);
  if (wrapper) return wrapper;
  if (Array.isArray(value)) return value.map(mtcuteToTlJson);
  if (!isRecord(value)) return value;
  const entry = typeof value._ === "string"
    ? getSchema().byName.get(value._)
    : undefined;
  return entry ? entryToJson(value, entry) : fieldsToJson(value);
}

function entryToJson(
  value: Record<string, unknown>,
  entry: TlEntry,
): Record<string, unknown> {
  const result: Record<string, unknown> = { _: jsonName(entry) };
  for (const argument of entry.arguments) {
    // Flag words are implied by the fields; mtcute's objects do not carry them anyway.
    if (argument.type === "#") continue;
    const field = ownField(value, argument.camelName);
    if (field === undefined || field === null) continue;
    // An unset `true` flag is left out, as on input: absent means false.
    if (argument.type === "true" && field !== true) continue;
    result[argument.name] = mtcuteToTlJson(field);
  }
  return result;
}

/** For objects the schema does not know: keep their names, convert their values. */
function fieldsToJson(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) result[key] = mtcuteToTlJson(field);
  }
  return result;
}
