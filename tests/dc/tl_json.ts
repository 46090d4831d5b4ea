/** TL objects as the control API shows them: mtcute's shape (`_` plus camelCase fields), with `long` as a decimal string and `bytes` as base64. */
import { Long } from "@mtcute/core";
import { Buffer } from "node:buffer";

/** A JSON-safe copy of a TL value (objects, arrays, `Long`, `Uint8Array`, primitives); unset fields are left out. */
export function tlToJson(value: unknown): unknown {
  if (Long.isLong(value)) return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(tlToJson);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).filter(([, field]) => field !== undefined).map((
        [name, field],
      ) => [name, tlToJson(field)]),
    );
  }
  return value;
}
