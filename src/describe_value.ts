/** How a value a caller sent reads in an error message ("the number 5", "an array" …). */
import { isFileReference } from "./file_reference.ts";

/** How a received value reads in an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (isFileReference(value)) {
    return `the multipart file part ${JSON.stringify(value.field)}`;
  }
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(truncate(value))}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return String(value);
    case "object": {
      const kind = (value as { _?: unknown })._;
      return typeof kind === "string"
        ? `an object with "_": ${JSON.stringify(truncate(kind))}`
        : "an object";
    }
    default:
      return typeof value;
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
