import { assertEquals, assertThrows } from "../assert.ts";
import { PeersIndex, type tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import { readArguments } from "../../src/mtkruto/methods/define.ts";
import { renderPollVoterList } from "../../src/mtkruto/types/poll_voters.ts";
import { tlUser } from "./_mtkruto_fixtures.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const ada = tlUser();
const peer: tl.TypePeer = { _: "peerUser", userId: ada.id };

function votesList(
  votes: tl.TypeMessagePeerVote[],
  nextOffset?: string,
): tl.messages.RawVotesList {
  return {
    _: "messages.votesList",
    count: votes.length,
    votes,
    users: [ada],
    chats: [],
    nextOffset,
  };
}

Deno.test("renderPollVoterList: option bytes become indexes, one or many", () => {
  const list = votesList([
    { _: "messagePeerVote", peer, option: encode("1"), date: 1700000000 },
    {
      _: "messagePeerVoteMultiple",
      peer,
      options: [encode("2"), encode("0")],
      date: 1700000001,
    },
  ], "2");
  const rendered = renderPollVoterList(list, PeersIndex.from(list));
  assertEquals(rendered.count, 2);
  assertEquals(rendered.nextOffset, "2");
  assertEquals(
    rendered.voters.map((v) => [v.voter.id, v.optionIndexes, v.votedAt]),
    [[ada.id, [1], 1700000000], [ada.id, [2, 0], 1700000001]],
  );
  assertEquals(rendered.voters[0].voter.type, "private");
});

Deno.test("renderPollVoterList: the reduced constructor takes the option asked about; no offset is left out", () => {
  const list = votesList([
    { _: "messagePeerVoteInputOption", peer, date: 1700000000 },
  ]);
  const rendered = renderPollVoterList(list, PeersIndex.from(list), 3);
  assertEquals(rendered.voters[0].optionIndexes, [3]);
  assertEquals("nextOffset" in rendered, false);
});

Deno.test("vote's optionIndexes: a non-empty list of indexes, duplicates dropped", () => {
  const vote = dialectMethod("vote")!;
  assertEquals(readArguments(vote, [1, 2, [1, 0, 1]], false)[2], [1, 0]);
  for (
    const [value, message] of [
      [[], /optionIndexes\) must name at least one option/],
      [[-1], /optionIndexes\)\[0\] must be an integer from 0/],
      [[0.5], /optionIndexes\)\[0\]/],
      ["0", /optionIndexes\)/],
    ] as const
  ) {
    const error = assertThrows(
      () => readArguments(vote, [1, 2, value], false),
      InputError,
    );
    assertEquals(message.test(error.message), true, error.message);
  }
  assertThrows(() => readArguments(vote, [1, 2, [0]], true), InputError);
});

Deno.test("retractVote and getPollVoters are for users, with MTKruto's signatures", () => {
  assertEquals(
    ["vote", "retractVote", "getPollVoters"].map((name) => {
      const method = dialectMethod(name)!;
      return [method.account, method.params.map((p) => p.name)];
    }),
    [
      ["user", ["chatId", "messageId", "optionIndexes"]],
      ["user", ["chatId", "messageId"]],
      ["user", ["chatId", "messageId", "params"]],
    ],
  );
});
