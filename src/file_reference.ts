/** The `{"_": "file", "field": "<part name>"}` placeholder that stands for a multipart file part in arguments. */
import { InputError } from "./errors.ts";

/** An argument (or a value inside one) that stands for the multipart file part named `field`. */
export interface FileReference {
  _: "file";
  field: string;
}

/** The placeholder for the file part `field`. Never throws. */
export function fileReference(field: string): FileReference {
  return { _: "file", field };
}

/** Whether `value` is a well-formed file reference. Never throws. */
export function isFileReference(value: unknown): value is FileReference {
  return typeof value === "object" && value !== null &&
    (value as Record<string, unknown>)._ === "file" &&
    typeof (value as Record<string, unknown>).field === "string";
}

/**
 * The part names referred to anywhere inside `value`; throws InputError for
 * an object with `"_": "file"` but no string `field`.
 */
export function fileReferencesIn(value: unknown): string[] {
  const fields: string[] = [];
  // An explicit stack: deeply nested JSON must not overflow the call stack.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== "object" || item === null) {
      continue;
    }
    if (isFileReference(item)) {
      fields.push(item.field);
      continue;
    }
    if ((item as Record<string, unknown>)._ === "file") {
      throw new InputError(
        'A file reference {"_": "file"} needs a string "field" naming a multipart file part',
      );
    }
    for (const child of Object.values(item)) {
      pending.push(child);
    }
  }
  return fields;
}
