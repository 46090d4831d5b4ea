/** Renders stored updates as the JSON users receive: `[{"updateId": n, "<kind>": payload}, …]`. */
import type { StoredUpdate } from "./store.ts";

/** The JSON text of a batch, built from the stored payload text without re-parsing it. */
export function renderUpdates(updates: StoredUpdate[]): string {
  return `[${
    updates.map((u) =>
      `{"updateId":${u.updateId},${JSON.stringify(u.kind)}:${u.payload}}`
    ).join(",")
  }]`;
}
