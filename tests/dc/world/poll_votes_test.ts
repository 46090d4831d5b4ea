import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import { botChatSetup, eventually, sendMedia } from "./_bots_testing.ts";
import { pushedUpdates } from "./_chats_testing.ts";
import { type FakeSession, invoke, userSession } from "./_testing.ts";
import type { World } from "./world.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** `inputMediaPoll` as mtcute builds it for sendPoll, public (`isAnonymous: false`) or not. */
function poll(answers: string[], publicVoters: boolean): tl.RawInputMediaPoll {
  const text = (value: string): tl.RawTextWithEntities => ({
    _: "textWithEntities",
    text: value,
    entities: [],
  });
  return {
    _: "inputMediaPoll",
    poll: {
      _: "poll",
      id: Long.ZERO,
      question: text("Which?"),
      answers: answers.map((answer) => ({
        _: "inputPollAnswer",
        text: text(answer),
      })),
      multipleChoice: true,
      publicVoters: publicVoters || undefined,
      hash: Long.ZERO,
    },
  };
}

/** A bot's poll in its chat with Ann, and Ann's vote function. */
async function botPoll(publicVoters: boolean) {
  const setup = await botChatSetup();
  const { world, botMain, userPeer, user, bot } = setup;
  await sendMedia(
    world,
    botMain,
    userPeer,
    poll(["a", "b", "c"], publicVoters),
  );
  const userCopy = world.state.mailboxes.chat(user.id, bot.id).at(-1)!;
  const vote = (...options: string[]) =>
    invoke(world, setup.userMain, {
      _: "messages.sendVote",
      peer: setup.botPeer,
      msgId: userCopy.id,
      options: options.map(encode),
    });
  return { ...setup, vote };
}

function pollVotes(session: FakeSession): tl.RawUpdateMessagePollVote[] {
  return pushedUpdates(session).filter((u): u is tl.RawUpdateMessagePollVote =>
    u._ === "updateMessagePollVote"
  );
}

Deno.test("a vote in a bot's non-anonymous poll reaches the bot as updateMessagePollVote with the next qts", async () => {
  const { world, botMain, user, vote } = await botPoll(true);
  const before = await invoke(world, botMain, { _: "updates.getState" });
  await vote("2", "0");
  const [voted] = await eventually(() => {
    const found = pollVotes(botMain);
    return found.length ? found : undefined;
  });
  assertEquals(voted.peer, { _: "peerUser", userId: user.id });
  assertEquals(voted.options.map(decode), ["2", "0"]);
  assertEquals(voted.positions, [2, 0]);
  assertStrictEquals(voted.qts, before.qts + 1);
  const stored = world.state.mailboxes.chat(botMain.accountId!, user.id).at(
    -1,
  )!;
  assert(stored.media?._ === "messageMediaPoll");
  assert(voted.pollId.eq(stored.media.poll.id));
  // the update comes in its own container, outside the common seq, with the voter
  const container = botMain.pushes.find((push) =>
    push._ === "updates" && push.updates.includes(voted)
  );
  assert(container?._ === "updates");
  assertStrictEquals(container.seq, 0);
  assert(container.users.some((u) => u._ === "user" && u.id === user.id));

  // retracting is a vote for nothing
  await vote();
  const retracted = await eventually(() => pollVotes(botMain)[1]);
  assertEquals([retracted.options, retracted.qts], [[], before.qts + 2]);
  const after = await invoke(world, botMain, { _: "updates.getState" });
  assertStrictEquals(after.qts, before.qts + 2);
});

Deno.test("a bot that missed qts updates gets them from updates.getDifference, in other_updates", async () => {
  const { world, botMain, user, vote } = await botPoll(true);
  const state = await invoke(world, botMain, { _: "updates.getState" });
  botMain.connected = false;
  await vote("1");
  await vote("0");
  assertEquals(pollVotes(botMain), []);
  const bot = userSession(botMain.accountId!);
  const diff = await invoke(world, bot, {
    _: "updates.getDifference",
    pts: state.pts,
    date: state.date,
    qts: state.qts,
  });
  assert(diff._ === "updates.difference");
  const votes = diff.otherUpdates.filter((
    u,
  ): u is tl.RawUpdateMessagePollVote => u._ === "updateMessagePollVote");
  assertEquals(votes.map((u) => [u.qts, u.options.map(decode)]), [
    [state.qts + 1, ["1"]],
    [state.qts + 2, ["0"]],
  ]);
  assert(diff.users.some((u) => u._ === "user" && u.id === user.id));
  assertStrictEquals(diff.state.qts, state.qts + 2);
  // the poll results' own update has no qts and is not kept
  assert(!diff.otherUpdates.some((u) => u._ === "updateMessagePoll"));

  // one qts event per slice with qts_limit; pts does not move
  const sliced = await invoke(world, bot, {
    _: "updates.getDifference",
    pts: state.pts,
    date: state.date,
    qts: state.qts,
    qtsLimit: 1,
  });
  assert(sliced._ === "updates.differenceSlice");
  assertEquals(sliced.otherUpdates.map((u) => u._), ["updateMessagePollVote"]);
  assertEquals(
    [sliced.intermediateState.pts, sliced.intermediateState.qts],
    [state.pts, state.qts + 1],
  );
  const caughtUp = await invoke(world, bot, {
    _: "updates.getDifference",
    pts: diff.state.pts,
    date: diff.state.date,
    qts: diff.state.qts,
  });
  assertStrictEquals(caughtUp._, "updates.differenceEmpty");
});

Deno.test("anonymous polls and users' polls tell nobody who voted", async () => {
  const anonymous = await botPoll(false);
  const qtsOf = async (setup: { world: World; botMain: FakeSession }) =>
    (await invoke(setup.world, setup.botMain, { _: "updates.getState" })).qts;
  const before = await qtsOf(anonymous);
  await anonymous.vote("1");
  // the bot still gets the new results
  await eventually(() =>
    pushedUpdates(anonymous.botMain).find((u) => u._ === "updateMessagePoll")
  );
  assertEquals(pollVotes(anonymous.botMain), []);
  assertStrictEquals(await qtsOf(anonymous), before);

  // a user's public poll in its chat with the bot: no bot created it
  const mine = await botChatSetup();
  const { world, user, bot, userMain, botMain, botPeer } = mine;
  await sendMedia(world, userMain, botPeer, poll(["x", "y"], true));
  const userCopy = world.state.mailboxes.chat(user.id, bot.id).at(-1)!;
  await invoke(world, userMain, {
    _: "messages.sendVote",
    peer: botPeer,
    msgId: userCopy.id,
    options: [encode("0")],
  });
  await eventually(() =>
    pushedUpdates(botMain).find((u) => u._ === "updateMessagePoll")
  );
  assertEquals(pollVotes(botMain), []);
  assertStrictEquals(await qtsOf(mine), before);
});
