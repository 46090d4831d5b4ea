/** The names users write in `_`: the schema's, without the `mt_` mtcute puts on MTProto entries. */
import { getSchema, type TlEntry } from "./schema.ts";

const MTPROTO_PREFIX = "mt_";

/** The name of `entry` in TL-JSON: `mt_ping` → `ping`, `messages.sendMessage` as is. */
export function jsonName(entry: TlEntry): string {
  return entry.mtproto ? entry.name.slice(MTPROTO_PREFIX.length) : entry.name;
}

let byJsonName: Map<string, TlEntry> | undefined;

/** Looks an entry up by its TL-JSON name; `mt_ping` is not a TL-JSON name, so it is not found. */
export function entryByJsonName(name: string): TlEntry | undefined {
  if (!byJsonName) {
    // The two schemas share no names once `mt_` is gone, so one map holds both.
    byJsonName = new Map(
      [...getSchema().byName.values()].map((entry) => [jsonName(entry), entry]),
    );
  }
  return byJsonName.get(name);
}
