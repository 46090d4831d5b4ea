/** Renders stored updates as the JSON users receive: `[{"updateId": n, "type": …, …}, …]`. */
import type { StoredUpdate } from "./store.ts";

/** The JSON text of one update: its stored object text with the id put first, without re-parsing it. */
function renderOne(update: StoredUpdate): string {
  if (update.legacy) {
    return `{"updateId":${update.updateId},${
      JSON.stringify(update.kind)
    }:${update.payload}}`;
  }
  const rest = update.payload.slice(1);
  return `{"updateId":${update.updateId}${rest === "}" ? "" : ","}${rest}`;
}

/** The JSON text of a batch, built from the stored payload text without re-parsing it. */
export function renderUpdates(updates: StoredUpdate[]): string {
  return `[${updates.map(renderOne).join(",")}]`;
}
