/** MTKruto's Reaction → mtcute's InputReaction (methods.md §A.1, §B.10). */
import { Long, type tl } from "@mtcute/core";
import {
  readObject,
  readType,
  requiredDecimal,
  requiredString,
} from "./read.ts";

const REACTION_TYPES = ["emoji", "custom", "paid"] as const;

/** `{type: "emoji", emoji}` → the emoji; `{type: "custom", id}` → the custom emoji's id as a Long; `{type: "paid"}` → reactionPaid. */
export function toReaction(
  value: unknown,
  path: string,
): string | Long | tl.TypeReaction {
  const reaction = readObject(value, path);
  const type = readType(reaction, path, REACTION_TYPES);
  switch (type) {
    case "emoji":
      return requiredString(reaction, "emoji", path, { nonEmpty: true });
    case "custom":
      return Long.fromString(requiredDecimal(reaction, "id", path));
    case "paid":
      return { _: "reactionPaid" };
  }
}
