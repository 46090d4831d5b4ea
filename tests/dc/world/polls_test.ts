import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import {
  botChatSetup,
  eventually,
  sendMedia,
  sentId,
} from "./_bots_testing.ts";
import { pushedUpdates, rpcError } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";

const encode = (text: string) => new TextEncoder().encode(text);

function textOf(text: string): tl.RawTextWithEntities {
  return { _: "textWithEntities", text, entities: [] };
}

/** `inputMediaPoll` as mtcute builds it: `inputPollAnswer`s, zero id and hash. */
function pollMedia(
  question: string,
  answers: string[],
  extra: Partial<tl.RawPoll> = {},
  correctAnswers?: number[],
): tl.RawInputMediaPoll {
  return {
    _: "inputMediaPoll",
    poll: {
      _: "poll",
      id: Long.ZERO,
      question: textOf(question),
      answers: answers.map((text) => ({
        _: "inputPollAnswer",
        text: textOf(text),
      })),
      hash: Long.ZERO,
      ...extra,
    },
    correctAnswers,
    solution: correctAnswers ? "Because." : undefined,
  };
}

async function pollSetup(media: tl.RawInputMediaPoll) {
  const setup = await botChatSetup();
  const { world, botMain, userPeer, user, bot } = setup;
  const sent = await sendMedia(world, botMain, userPeer, media);
  const userCopy = world.state.mailboxes.chat(user.id, bot.id).at(-1)!;
  const vote = (...options: string[]) =>
    invoke(world, setup.userMain, {
      _: "messages.sendVote",
      peer: setup.botPeer,
      msgId: userCopy.id,
      options: options.map(encode),
    });
  return { ...setup, botMessageId: sentId(sent), userCopy, vote };
}

function pollUpdateOf(updates: tl.TypeUpdates): tl.RawUpdateMessagePoll {
  assert(updates._ === "updates");
  const [first] = updates.updates;
  assert(first._ === "updateMessagePoll");
  return first;
}

const voters = (results: tl.TypePollResults) =>
  results.results?.map((r) => [new TextDecoder().decode(r.option), r.voters]);

Deno.test("a user votes in a bot's poll: the user gets its view, the bot the new results; revotes replace", async () => {
  const { world, userMain, botMain, vote, userCopy, user, botMessageId } =
    await pollSetup(pollMedia("Best pet?", ["cats", "dogs", "fish"]));
  const before = await invoke(world, userMain, {
    _: "messages.getMessages",
    id: [{ _: "inputMessageID", id: userCopy.id }],
  });
  assert(before._ === "messages.messages");
  const shown = before.messages[0];
  assert(shown._ === "message" && shown.media?._ === "messageMediaPoll");
  // results stay hidden until the user votes
  assertStrictEquals(shown.media.results.results, undefined);
  const answers = shown.media.poll.answers as tl.RawPollAnswer[];
  assertEquals(answers.map((a) => new TextDecoder().decode(a.option)), [
    "0",
    "1",
    "2",
  ]);

  const voted = pollUpdateOf(await vote("0"));
  assert(voted.poll?._ === "poll");
  assertEquals(voters(voted.results), [["0", 1], ["1", 0], ["2", 0]]);
  assertStrictEquals(voted.results.results?.[0].chosen, true);
  assertStrictEquals(voted.results.totalVoters, 1);
  const botSide = await eventually(() =>
    pushedUpdates(botMain).find((u): u is tl.RawUpdateMessagePoll =>
      u._ === "updateMessagePoll"
    )
  );
  assertStrictEquals(botSide.msgId, botMessageId);
  assertEquals(voters(botSide.results), [["0", 1], ["1", 0], ["2", 0]]);
  assertStrictEquals(botSide.results.results?.[0].chosen, undefined);

  const revoted = pollUpdateOf(await vote("1"));
  assertEquals(voters(revoted.results), [["0", 0], ["1", 1], ["2", 0]]);
  assertStrictEquals(await rpcError(vote("0", "1")), "OPTIONS_TOO_MUCH");
  assertStrictEquals(await rpcError(vote("7")), "OPTION_INVALID");
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.sendVote",
      peer: { _: "inputPeerUser", userId: user.id, accessHash: Long.ZERO },
      msgId: botMessageId,
      options: [encode("0")],
    })),
    "BOT_METHOD_INVALID",
  );
});

Deno.test("the bot closes its poll with editMessage: updateMessagePoll first, then the edit; no more votes", async () => {
  const { world, botMain, userMain, userPeer, vote, botMessageId } =
    await pollSetup(pollMedia("Lunch?", ["yes", "no"]));
  await vote("1");
  // what mtcute's closePoll sends: only the closed flag matters
  const closed = await invoke(world, botMain, {
    _: "messages.editMessage",
    peer: userPeer,
    id: botMessageId,
    media: pollMedia("", [], { closed: true }),
  });
  const update = pollUpdateOf(closed);
  assert(update.poll?._ === "poll" && update.poll.closed);
  assertStrictEquals(update.poll.question.text, "Lunch?");
  assert(closed._ === "updates");
  assertStrictEquals(closed.updates[1]._, "updateEditMessage");
  const userEdit = await eventually(() =>
    pushedUpdates(userMain).find((u): u is tl.RawUpdateEditMessage =>
      u._ === "updateEditMessage"
    )
  );
  const edited = userEdit.message;
  assert(edited._ === "message" && edited.media?._ === "messageMediaPoll");
  assertStrictEquals(edited.media.poll.closed, true);
  // the user's own vote stays marked in its copy
  assertStrictEquals(edited.media.results.results?.[1].chosen, true);
  assertStrictEquals(await rpcError(vote("0")), "MESSAGE_POLL_CLOSED");
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.editMessage",
      peer: userPeer,
      id: botMessageId,
      media: pollMedia("", [], { closed: true }),
    })),
    "MESSAGE_NOT_MODIFIED",
  );
});

Deno.test("quizzes reveal the correct answer and solution after voting, and allow no revote; bad polls are refused", async () => {
  const { world, botMain, userPeer, vote } = await pollSetup(
    pollMedia("2+2?", ["3", "4"], { quiz: true }, [1]),
  );
  const answered = pollUpdateOf(await vote("0"));
  assertEquals(
    answered.results.results?.map((r) => [r.chosen, r.correct]),
    [[true, undefined], [undefined, true]],
  );
  assertStrictEquals(answered.results.solution, "Because.");
  assertStrictEquals(await rpcError(vote("1")), "REVOTE_NOT_ALLOWED");

  const refuse = (media: tl.RawInputMediaPoll) =>
    rpcError(sendMedia(world, botMain, userPeer, media));
  assertStrictEquals(
    await refuse(pollMedia("Only one?", ["yes"])),
    "POLL_ANSWERS_INVALID",
  );
  assertStrictEquals(
    await refuse(pollMedia(" ", ["a", "b"])),
    "POLL_QUESTION_INVALID",
  );
  assertStrictEquals(
    await refuse(pollMedia("Quiz?", ["a", "b"], { quiz: true })),
    "QUIZ_CORRECT_ANSWERS_EMPTY",
  );
  assertStrictEquals(
    await refuse(pollMedia("Quiz?", ["a", "b"], { quiz: true }, [5])),
    "QUIZ_CORRECT_ANSWER_INVALID",
  );
});
