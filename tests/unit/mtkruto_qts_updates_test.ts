/** The qts updates a bot gets as MTKruto updates (types.md §3.1): pollAnswer, messageReactions, messageReactionCount, each named by its qts. */
import type { tl } from "@mtcute/core";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { planUpdate } from "../../src/mtkruto/updates/from_tl.ts";
import { assertEquals } from "../assert.ts";
import { long } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  peerChannel,
  peerUser,
  rendered,
  SUPERGROUP_ID,
} from "./_mtkruto_message_fixtures.ts";

const THUMBS: tl.RawReactionEmoji = { _: "reactionEmoji", emoticon: "👍" };
const encode = (text: string) => new TextEncoder().encode(text);

function plan(update: tl.TypeUpdate) {
  const chats = new MessageChats(":memory:");
  try {
    return planUpdate(update, allPeers(), { chats });
  } finally {
    chats.close();
  }
}

Deno.test("updateMessagePollVote → pollAnswer: the voter as ChatP, option bytes read as indexes; named by its qts", () => {
  const vote = (qts: number, options: string[]) =>
    plan({
      _: "updateMessagePollVote",
      pollId: long("-5"),
      peer: peerUser(ADA_ID),
      options: options.map(encode),
      positions: options.map(Number),
      qts,
    });
  assertEquals(vote(7, ["2", "0"]), {
    type: "pollAnswer",
    identity: "pollAnswer:qts:7",
    update: {
      type: "pollAnswer",
      pollAnswer: {
        pollId: "-5",
        from: rendered.ada(),
        optionIndexes: [2, 0],
      },
    },
  });
  assertEquals(vote(8, [])?.identity, "pollAnswer:qts:8");
});

Deno.test("the bot reaction updates are named by their qts, so one fetched again is not queued twice", () => {
  const reaction = plan({
    _: "updateBotMessageReaction",
    peer: peerUser(ADA_ID),
    msgId: 3,
    date: 1767225900,
    actor: peerUser(ADA_ID),
    oldReactions: [],
    newReactions: [THUMBS],
    qts: 4,
  });
  assertEquals(
    [reaction?.type, reaction?.identity],
    ["messageReactions", "messageReactions:qts:4"],
  );
  const count = plan({
    _: "updateBotMessageReactions",
    peer: peerChannel(SUPERGROUP_ID),
    msgId: 3,
    date: 1767225900,
    reactions: [{ _: "reactionCount", reaction: THUMBS, count: 2 }],
    qts: 5,
  });
  assertEquals(
    [count?.type, count?.identity],
    ["messageReactionCount", "messageReactionCount:qts:5"],
  );
});
