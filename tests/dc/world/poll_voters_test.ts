import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import { botChatSetup, sendMedia } from "./_bots_testing.ts";
import { rpcError } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** A bot's multiple-choice poll with answers "0", "1", "2" in its chat with the user; the user's getPollVotes and sendVote. */
async function botPoll(publicVoters: boolean) {
  const setup = await botChatSetup();
  const { world, botMain, userPeer, user, bot } = setup;
  const text = (value: string): tl.RawTextWithEntities => ({
    _: "textWithEntities",
    text: value,
    entities: [],
  });
  await sendMedia(world, botMain, userPeer, {
    _: "inputMediaPoll",
    poll: {
      _: "poll",
      id: Long.ZERO,
      question: text("Which?"),
      answers: ["a", "b", "c"].map((answer) => ({
        _: "inputPollAnswer",
        text: text(answer),
      })),
      multipleChoice: true,
      publicVoters: publicVoters || undefined,
      hash: Long.ZERO,
    },
  });
  const msgId = world.state.mailboxes.chat(user.id, bot.id).at(-1)!.id;
  const votes = (query: { option?: string; offset?: string; limit?: number }) =>
    invoke(world, setup.userMain, {
      _: "messages.getPollVotes",
      peer: setup.botPeer,
      id: msgId,
      option: query.option === undefined ? undefined : encode(query.option),
      offset: query.offset,
      limit: query.limit ?? 10,
    });
  const vote = (...options: string[]) =>
    invoke(world, setup.userMain, {
      _: "messages.sendVote",
      peer: setup.botPeer,
      msgId,
      options: options.map(encode),
    });
  return { ...setup, msgId, votes, vote };
}

Deno.test("getPollVotes needs the caller's vote, then lists each ballot with its date", async () => {
  const { user, votes, vote } = await botPoll(true);
  assertStrictEquals(await rpcError(votes({})), "POLL_VOTE_REQUIRED");
  await vote("2", "0");
  const list = await votes({});
  assertEquals(list.count, 1);
  assertEquals(list.nextOffset, undefined);
  const [ballot] = list.votes;
  assert(ballot._ === "messagePeerVoteMultiple");
  assertEquals(ballot.peer, { _: "peerUser", userId: user.id });
  assertEquals(ballot.options, [encode("2"), encode("0")]);
  assert(ballot.date > 0);
  assertEquals(list.users.map((u) => u.id), [user.id]);
  await vote("1");
  const [single] = (await votes({})).votes;
  assertEquals(single._, "messagePeerVote");
});

Deno.test("getPollVotes for one option answers with the reduced constructor and counts only its voters", async () => {
  const { votes, vote } = await botPoll(true);
  await vote("1");
  const ofOne = await votes({ option: "1" });
  assertEquals(ofOne.count, 1);
  assertEquals(ofOne.votes[0]._, "messagePeerVoteInputOption");
  assertEquals((await votes({ option: "0" })).count, 0);
  assertStrictEquals(await rpcError(votes({ option: "9" })), "OPTION_INVALID");
});

Deno.test("getPollVotes pages by offset and is for users only", async () => {
  const { world, botMain, userPeer, votes, vote } = await botPoll(true);
  await vote("0");
  const first = await votes({ limit: 1 });
  assertEquals([first.count, first.votes.length, first.nextOffset], [
    1,
    1,
    undefined,
  ]);
  const past = await votes({ offset: "1", limit: 1 });
  assertEquals([past.count, past.votes], [1, []]);
  assertStrictEquals(
    await rpcError(votes({ offset: "x" })),
    "OFFSET_INVALID",
  );
  const byBot = invoke(world, botMain, {
    _: "messages.getPollVotes",
    peer: userPeer,
    id: 1,
    limit: 1,
  });
  assertStrictEquals(await rpcError(byBot), "BOT_METHOD_INVALID");
});

Deno.test("getPollVotes refuses anonymous polls", async () => {
  const { votes, vote } = await botPoll(false);
  await vote("0");
  assertStrictEquals(await rpcError(votes({})), "MSG_ID_INVALID");
});
