/** The reaction methods' readers: Reaction and Reaction[] to TL, AvailableReactions to setChatAvailableReactions' arguments, and their argument errors (methods.md §B.10). */
import { Long } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { readArguments } from "../../src/mtkruto/methods/define.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import {
  toAvailableReactions,
  toTlReaction,
  toTlReactions,
} from "../../src/mtkruto/params/reaction.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertInputError } from "./_mtkruto_params_fixtures.ts";

const CUSTOM_ID = "5368324170671202286";

Deno.test("toTlReaction and toTlReactions: emoji, custom and paid as TL reactions; [] for none", () => {
  assertEquals(toTlReaction({ type: "emoji", emoji: "👍" }, "r"), {
    _: "reactionEmoji",
    emoticon: "👍",
  });
  assertEquals(toTlReaction({ type: "custom", id: CUSTOM_ID }, "r"), {
    _: "reactionCustomEmoji",
    documentId: Long.fromString(CUSTOM_ID),
  });
  assertEquals(toTlReaction({ type: "paid" }, "r"), { _: "reactionPaid" });
  assertEquals(toTlReactions([], "r"), []);
  assertInputError(
    () =>
      toTlReactions([{ type: "emoji", emoji: "👍" }, { type: "heart" }], "r"),
    'r[1].type must be one of "emoji", "custom" or "paid"; got the string "heart"',
  );
  assertInputError(
    () => toTlReactions({ type: "emoji", emoji: "👍" }, "r"),
    "r must be an array; got an object",
  );
  assertInputError(
    () => toTlReaction({ type: "emoji", emoji: "" }, "r"),
    'r.emoji must be a non-empty string; got the string ""',
  );
});

Deno.test("toAvailableReactions: none, some and all; paid reactions are a switch, not a list entry, as MTKruto sends them", () => {
  assertEquals(toAvailableReactions({ type: "none" }, "a"), {
    availableReactions: { _: "chatReactionsNone" },
    paidEnabled: false,
  });
  assertEquals(toAvailableReactions({ type: "all" }, "a"), {
    availableReactions: { _: "chatReactionsAll" },
    paidEnabled: true,
    reactionsLimit: undefined,
  });
  assertEquals(
    toAvailableReactions({
      type: "some",
      reactions: [{ type: "emoji", emoji: "👍" }, { type: "paid" }],
      maxReactionCount: 3,
    }, "a"),
    {
      availableReactions: {
        _: "chatReactionsSome",
        reactions: [{ _: "reactionEmoji", emoticon: "👍" }],
      },
      paidEnabled: true,
      reactionsLimit: 3,
    },
  );
  assertEquals(
    toAvailableReactions({
      type: "some",
      reactions: [{ type: "emoji", emoji: "🔥" }],
    }, "a").paidEnabled,
    false,
  );
  assertInputError(
    () => toAvailableReactions("all", "a"),
    'a must be an object; got the string "all"',
  );
  assertInputError(
    () => toAvailableReactions({ type: "some" }, "a"),
    "a.reactions must be an array; got nothing",
  );
  assertInputError(
    () => toAvailableReactions({ type: "all", maxReactionCount: 0 }, "a"),
    "a.maxReactionCount must be an integer from 1 to 2147483647; got the number 0",
  );
});

Deno.test("the reaction methods: who may call them and their argument errors", () => {
  const method = (name: string) => dialectMethod(name)!;
  assertEquals(
    ["setReactions", "addReaction", "removeReaction"].map((name) =>
      method(name).account
    ),
    ["both", "both", "both"],
  );
  for (const name of ["setAvailableReactions", "getMessageReactions"]) {
    assertThrowsWithMessage(
      () => readArguments(method(name), [1, { type: "none" }], true),
      InputError,
      `${name}: not a user client.`,
    );
  }
  assertEquals(
    readArguments(method("setReactions"), [5, 7, [{
      type: "emoji",
      emoji: "👍",
    }]], false),
    [5, 7, [{ _: "reactionEmoji", emoticon: "👍" }], {}],
  );
  assertThrowsWithMessage(
    () =>
      readArguments(method("setReactions"), [5, 7, {
        type: "emoji",
        emoji: "👍",
      }], false),
    InputError,
    "Argument 3 of setReactions (reactions) must be an array; got an object",
  );
  assertThrowsWithMessage(
    () => readArguments(method("addReaction"), [5, 7], false),
    InputError,
    "Argument 3 of addReaction (reaction) is missing; it must be Reaction",
  );
  assertThrowsWithMessage(
    () => readArguments(method("removeReaction"), [5, 7, "👍"], false),
    InputError,
    'Argument 3 of removeReaction (reaction) must be an object; got the string "👍"',
  );
  assertThrowsWithMessage(
    () =>
      readArguments(
        method("setAvailableReactions"),
        [5, { type: "many" }],
        false,
      ),
    InputError,
    'Argument 2 of setAvailableReactions (availableReactions).type must be one of "none", "some" or "all"; got the string "many"',
  );
});
