/**
 * End to end: the poll methods of MTKruto's dialect against the real CLI
 * and the DC emulator. The bot posts a non-anonymous poll in Alice's
 * supergroup; Alice, hosted on the gateway, votes (the emulator counts the
 * vote, the bot gets `pollAnswer`), lists the voters, changes and retracts
 * her vote. Bad arguments are 400s naming them; bots are refused.
 */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { type ChatsWorld, ok, withChats } from "./_chats_world.ts";
import { callMethod } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** MTKruto's PollVoterList. */
interface PollVoterList {
  voters: {
    voter: { id: number; type: string };
    optionIndexes: number[];
    votedAt: number;
  }[];
  count: number;
  nextOffset?: string;
}

/** The poll of message `id` of the supergroup as the emulator holds it for `viewer`. */
async function controlPoll(
  world: ChatsWorld,
  viewer: number,
  id: number,
): Promise<{ totalVoters: number }> {
  const box = await world.dc.control<
    { id: number; media?: { type: string; totalVoters: number } }[]
  >("GET", `/messages?user=${viewer}&peer=${world.supergroup}`);
  const message = box.find((item) => item.id === id);
  assert(message?.media?.type === "poll", `message ${id} is a poll`);
  return message.media;
}

/** The bot's non-anonymous poll in the supergroup; its message id. */
async function botPoll(world: ChatsWorld, multiple = false): Promise<number> {
  const poll = await ok<{ id: number }>(
    world.gateway,
    `/bot${world.bot.token}`,
    "sendPoll",
    [world.supergroup, "Tea?", [{ text: "Yes" }, { text: "No" }, {
      text: "Later",
    }], { isAnonymous: false, allowMultipleAnswers: multiple }],
  );
  return poll.id;
}

Deno.test(
  "mtkruto polls: Alice votes, lists the voters, retracts; the bot sees each answer",
  options,
  async () => {
    await withChats(async (world) => {
      const { gateway, userBase, userId, supergroup, botUpdates } = world;
      const pollId = await botPoll(world);
      assertEquals(
        await ok(gateway, userBase, "vote", [supergroup, pollId, [1]]),
        null,
      );
      assertEquals((await controlPoll(world, userId, pollId)).totalVoters, 1);
      const answer = await botUpdates.take(
        "pollAnswer",
        (u) => u.type === "pollAnswer",
      );
      const pollAnswer = answer.pollAnswer as {
        pollId: string;
        from: { id: number };
        optionIndexes: number[];
      };
      assertEquals([pollAnswer.from.id, pollAnswer.optionIndexes], [userId, [
        1,
      ]]);
      assertMatch(pollAnswer.pollId, /^-?\d+$/);

      const voters = await ok<PollVoterList>(
        gateway,
        userBase,
        "getPollVoters",
        [supergroup, pollId],
      );
      assertEquals(voters.count, 1);
      assertEquals(voters.nextOffset, undefined);
      assertEquals(
        voters.voters.map((v) => [v.voter.id, v.voter.type, v.optionIndexes]),
        [[userId, "private", [1]]],
      );
      assert(Number.isInteger(voters.voters[0].votedAt));
      const ofOption = await ok<PollVoterList>(
        gateway,
        userBase,
        "getPollVoters",
        [supergroup, pollId, { optionIndex: 0 }],
      );
      assertEquals([ofOption.count, ofOption.voters], [0, []]);

      // the same vote again is MTKruto's input error; another option replaces it
      const again = await callMethod(gateway, userBase, "vote", [
        supergroup,
        pollId,
        [1],
      ]);
      assertEquals([again.status, again.errorType], [400, "input"]);
      await ok(gateway, userBase, "vote", [supergroup, pollId, [2]]);
      const changed = await botUpdates.take(
        "the changed pollAnswer",
        (u) => u.type === "pollAnswer",
      );
      assertEquals(
        (changed.pollAnswer as { optionIndexes: number[] }).optionIndexes,
        [2],
      );

      assertEquals(
        await ok(gateway, userBase, "retractVote", [supergroup, pollId]),
        null,
      );
      assertEquals((await controlPoll(world, userId, pollId)).totalVoters, 0);
      const retracted = await botUpdates.take(
        "the retracted pollAnswer",
        (u) => u.type === "pollAnswer",
      );
      assertEquals(
        (retracted.pollAnswer as { optionIndexes: number[] }).optionIndexes,
        [],
      );
      // nothing left to retract
      const none = await callMethod(gateway, userBase, "retractVote", [
        supergroup,
        pollId,
      ]);
      assertEquals([none.status, none.errorType], [400, "input"]);
    });
  },
);

Deno.test(
  "mtkruto polls: bad input is a 400 naming the argument; bots are refused",
  options,
  async () => {
    await withChats(async (world) => {
      const { gateway, userBase, supergroup } = world;
      const pollId = await botPoll(world);
      const cases: [string, unknown[], RegExp][] = [
        ["vote", [supergroup, pollId, []], /optionIndexes/],
        ["vote", [supergroup, pollId, ["a"]], /optionIndexes\)\[0\]/],
        ["vote", [supergroup, pollId, [0, 1]], /multiple options/],
        ["vote", [supergroup, pollId, [7]], /invalid option index/],
        ["vote", [supergroup, world.welcomeId + 1000, [0]], /not found/],
        ["getPollVoters", [supergroup, pollId, { limit: 0 }], /params\.limit/],
        [
          "getPollVoters",
          [supergroup, pollId, { optionIndex: -1 }],
          /params\.optionIndex/,
        ],
      ];
      for (const [method, args, message] of cases) {
        const answer = await callMethod(gateway, userBase, method, args);
        assertEquals(
          [method, answer.status, answer.errorType],
          [method, 400, "input"],
        );
        assertMatch(JSON.stringify(answer.body), message);
      }
      const byBot = await callMethod(
        gateway,
        `/bot${world.bot.token}`,
        "vote",
        [
          supergroup,
          pollId,
          [0],
        ],
      );
      assertEquals([byBot.status, byBot.errorType], [400, "input"]);
    });
  },
);
