/** MTKruto's Reaction and AvailableReactions → mtcute and TL (methods.md §A.1, §B.10). */
import { Long, normalizeInputReaction, type tl } from "@mtcute/core";
import {
  at,
  type JsonObject,
  optionalInteger,
  POSITIVE_INT32,
  readArray,
  readObject,
  readType,
  requiredDecimal,
  requiredString,
} from "./read.ts";

const REACTION_TYPES = ["emoji", "custom", "paid"] as const;
const AVAILABLE_REACTIONS_TYPES = ["none", "some", "all"] as const;

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

/** A Reaction as the TL object `messages.sendReaction` and friends take. */
export function toTlReaction(value: unknown, path: string): tl.TypeReaction {
  return normalizeInputReaction(toReaction(value, path));
}

/** A Reaction[] as TL reactions (an empty list stands for none). */
export function toTlReactions(
  value: unknown,
  path: string,
): tl.TypeReaction[] {
  return readArray(value, path).map((item, index) =>
    toTlReaction(item, at(path, index))
  );
}

/** What `messages.setChatAvailableReactions` takes for an AvailableReactions. */
export interface AvailableReactionsRequest {
  availableReactions: tl.TypeChatReactions;
  /** Paid reactions are a switch of their own on Telegram, not an entry of the list. */
  paidEnabled: boolean;
  reactionsLimit?: number;
}

function maxReactionCount(object: JsonObject, path: string) {
  return optionalInteger(object, "maxReactionCount", path, POSITIVE_INT32);
}

/**
 * `{type: "none"}`, `{type: "some", reactions, maxReactionCount?}` or
 * `{type: "all", maxReactionCount?}` → the TL call's arguments. As in
 * MTKruto, "all" enables paid reactions and "some" does when its list holds
 * `{type: "paid"}`.
 */
export function toAvailableReactions(
  value: unknown,
  path: string,
): AvailableReactionsRequest {
  const object = readObject(value, path);
  const type = readType(object, path, AVAILABLE_REACTIONS_TYPES);
  switch (type) {
    case "none":
      return {
        availableReactions: { _: "chatReactionsNone" },
        paidEnabled: false,
      };
    case "all":
      return {
        availableReactions: { _: "chatReactionsAll" },
        paidEnabled: true,
        reactionsLimit: maxReactionCount(object, path),
      };
    case "some": {
      const reactions = toTlReactions(object.reactions, at(path, "reactions"));
      return {
        availableReactions: {
          _: "chatReactionsSome",
          reactions: reactions.filter((item) => item._ !== "reactionPaid"),
        },
        paidEnabled: reactions.some((item) => item._ === "reactionPaid"),
        reactionsLimit: maxReactionCount(object, path),
      };
    }
  }
}
