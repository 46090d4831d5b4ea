/**
 * Reactions: setReactions', addReaction's and getMessageReactions' params.
 * The reactions themselves (Reaction, AvailableReactions) are result types
 * too and come from ../types.ts.
 *
 * @module
 */
import type { Reaction } from "../types.ts";

/** setReactions' params. */
export interface SetReactionsParams {
  /** Whether the new reactions play a bigger animation. */
  isBig?: boolean;
  /** Whether the reactions join the account's recent reactions. */
  addToRecents?: boolean;
}

/** addReaction's params. */
export interface AddReactionParams {
  /** Whether the new reaction plays a bigger animation. */
  isBig?: boolean;
  /** Whether the reaction joins the account's recent reactions. */
  addToRecents?: boolean;
}

/** getMessageReactions' params. */
export interface GetMessageReactionsParams {
  /** Only reactions of this kind. */
  reaction?: Reaction;
  /** The previous page's `nextOffset`, to get the next page. */
  offset?: string;
  /** How many reactions, 1–100 (default 100). */
  limit?: number;
}
