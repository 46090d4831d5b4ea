/** How input errors name the offending value: `query.peer.user_id`, `argument[2]`. */
import { InputError } from "../errors.ts";

/** The path of field `key` inside the value at `path`. */
export function fieldPath(path: string, key: string): string {
  return `${path}.${key}`;
}

/** The path of item `index` inside the array at `path`. */
export function itemPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** The error for a value of the wrong shape: `invalid value at <path>: <expected>`. */
export function invalidValue(path: string, expected: string): InputError {
  return new InputError(`invalid value at ${path}: ${expected}`);
}

/** Whether `value` is a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads an own field only, so a field named like `constructor` never finds `Object.prototype`'s. */
export function ownField(
  record: Record<string, unknown>,
  key: string,
): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
