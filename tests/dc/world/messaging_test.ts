import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import {
  botSession,
  FakeSession,
  inputPeer,
  invoke,
  userSession,
} from "./_testing.ts";
import { World } from "./world.ts";

async function setup(options: { differenceSliceSize?: number } = {}) {
  const world = new World(options);
  const user = world.state.accounts.createUser({
    phone: "15550100",
    firstName: "Ann",
  });
  const { bot, session: botMain } = await botSession(world);
  const userMain = userSession(user.id);
  const userOther = userSession(user.id);
  // sessions subscribe to updates by making a call
  for (const session of [botMain, userMain, userOther]) {
    await invoke(world, session, { _: "updates.getState" });
  }
  return { world, user, bot, botMain, userMain, userOther };
}

async function send(
  world: World,
  session: FakeSession,
  from: number,
  to: number,
  text: string,
  extra: Partial<tl.messages.RawSendMessageRequest> = {},
): Promise<tl.RawUpdates> {
  const result = await invoke(world, session, {
    _: "messages.sendMessage",
    peer: inputPeer(world, from, to),
    message: text,
    randomId: Long.fromNumber(Math.floor(Math.random() * 2 ** 52)),
    ...extra,
  });
  assertStrictEquals(result._, "updates");
  return result as tl.RawUpdates;
}

function newMessages(pushes: tl.TypeUpdates[]): tl.RawMessage[] {
  return pushes.flatMap((push) => push._ === "updates" ? push.updates : [])
    .flatMap((update) =>
      update._ === "updateNewMessage" && update.message._ === "message"
        ? [update.message]
        : []
    );
}

function state(world: World, session: FakeSession) {
  return invoke(world, session, { _: "updates.getState" });
}

function difference(
  world: World,
  session: FakeSession,
  from: tl.updates.RawState,
) {
  return invoke(world, session, {
    _: "updates.getDifference",
    pts: from.pts,
    date: from.date,
    qts: from.qts,
  });
}

Deno.test("a message from a user reaches the bot's session and the user's other session", async () => {
  const { world, user, bot, botMain, userMain, userOther } = await setup();
  const botStateBefore = await state(world, botMain);
  const result = await send(world, userMain, user.id, bot.id, "/start", {
    entities: [{ _: "messageEntityBotCommand", offset: 0, length: 6 }],
  });
  assertStrictEquals(result._, "updates");
  const [messageId, newMessage] = result.updates;
  assert(
    messageId._ === "updateMessageID" && newMessage._ === "updateNewMessage",
  );
  assert(newMessage.message._ === "message" && newMessage.message.out);

  const [received] = newMessages(botMain.pushes);
  assertStrictEquals(received.message, "/start");
  assertStrictEquals(received.out, false);
  assertEquals(received.peerId, { _: "peerUser", userId: user.id });
  assertEquals(received.entities, [{
    _: "messageEntityBotCommand",
    offset: 0,
    length: 6,
  }]);
  const push = botMain.pushes[0] as tl.RawUpdates;
  assert(push.users.some((u) => u.id === user.id));
  const pushed = push.updates[0] as tl.RawUpdateNewMessage;
  assertStrictEquals(pushed.pts, botStateBefore.pts + 1);
  assertStrictEquals(push.seq, botStateBefore.seq + 1);

  assertStrictEquals(newMessages(userOther.pushes)[0].id, messageId.id);
  assertStrictEquals(
    userMain.pushes.length,
    0,
    "the caller gets the message as its result, not as a push",
  );

  const diff = await difference(world, botMain, botStateBefore);
  assert(diff._ === "updates.difference");
  assertStrictEquals(diff.newMessages.length, 1);
  assertStrictEquals((diff.newMessages[0] as tl.RawMessage).id, received.id);
  assert(diff.users.some((u) => u.id === user.id));
  assertStrictEquals(diff.state.pts, pushed.pts);
  const empty = await difference(world, botMain, diff.state);
  assertStrictEquals(empty._, "updates.differenceEmpty");
});

Deno.test("each account numbers its own messages; replies point into the recipient's box", async () => {
  const { world, user, bot, botMain, userMain } = await setup();
  await send(world, botMain, bot.id, user.id, "hello");
  await send(world, botMain, bot.id, user.id, "again");
  const first = await send(world, userMain, user.id, bot.id, "hi");
  const firstId = (first.updates[0] as tl.RawUpdateMessageID).id;
  assertStrictEquals(firstId, 3);
  await send(world, userMain, user.id, bot.id, "reply", {
    replyTo: { _: "inputReplyToMessage", replyToMsgId: firstId },
  });
  const botCopies = world.state.mailboxes.chat(bot.id, user.id);
  assertEquals(botCopies.map((m) => [m.id, m.text]), [
    [1, "hello"],
    [2, "again"],
    [3, "hi"],
    [4, "reply"],
  ]);
  assertStrictEquals(botCopies[3].replyToId, 3);
});

Deno.test("edits and deletions reach both sides and getDifference", async () => {
  const { world, user, bot, botMain, userMain } = await setup();
  const sent = await send(world, userMain, user.id, bot.id, "typo");
  const id = (sent.updates[0] as tl.RawUpdateMessageID).id;
  const botState = await state(world, botMain);
  const edited = await invoke(world, userMain, {
    _: "messages.editMessage",
    peer: inputPeer(world, user.id, bot.id),
    id,
    message: "fixed",
  });
  assert(
    edited._ === "updates" && edited.updates[0]._ === "updateEditMessage",
  );
  const affected = await invoke(world, userMain, {
    _: "messages.deleteMessages",
    id: [id],
    revoke: true,
  });
  assertStrictEquals(affected.ptsCount, 1);
  const diff = await difference(world, botMain, botState);
  assert(diff._ === "updates.difference");
  const [edit, deletion] = diff.otherUpdates;
  assert(
    edit._ === "updateEditMessage" && edit.message._ === "message" &&
      edit.message.message === "fixed",
  );
  assert(
    deletion._ === "updateDeleteMessages" && deletion.messages.length === 1,
  );
  assertStrictEquals(world.state.mailboxes.chat(bot.id, user.id).length, 0);
  assert(
    botMain.pushes.some((p) =>
      p._ === "updateShort" && p.update._ === "updateDeleteMessages"
    ),
  );
});

Deno.test("history, getMessages, forwarding, typing and read marks", async () => {
  const { world, user, bot, botMain, userMain } = await setup();
  for (const text of ["one", "two", "three"]) {
    await send(world, botMain, bot.id, user.id, text);
  }
  const history = await invoke(world, userMain, {
    _: "messages.getHistory",
    peer: inputPeer(world, user.id, bot.id),
    offsetId: 0,
    offsetDate: 0,
    addOffset: 0,
    limit: 2,
    maxId: 0,
    minId: 0,
    hash: Long.ZERO,
  });
  assert(history._ === "messages.messagesSlice" && history.count === 3);
  assertEquals(history.messages.map((m) => (m as tl.RawMessage).message), [
    "three",
    "two",
  ]);

  const got = await invoke(world, botMain, {
    _: "messages.getMessages",
    id: [{ _: "inputMessageID", id: 1 }, { _: "inputMessageID", id: 99 }],
  });
  assert(got._ === "messages.messages");
  assertEquals(got.messages.map((m) => m._), ["message", "messageEmpty"]);

  const forwarded = await invoke(world, userMain, {
    _: "messages.forwardMessages",
    fromPeer: inputPeer(world, user.id, bot.id),
    toPeer: { _: "inputPeerSelf" },
    id: [1],
    randomId: [Long.fromNumber(7)],
  });
  assertStrictEquals(forwarded._, "updates");
  const saved = (forwarded as tl.RawUpdates).updates.find((u) =>
    u._ === "updateNewMessage"
  ) as tl.RawUpdateNewMessage;
  assertEquals((saved.message as tl.RawMessage).fwdFrom?.fromId, {
    _: "peerUser",
    userId: bot.id,
  });

  await invoke(world, userMain, {
    _: "messages.setTyping",
    peer: inputPeer(world, user.id, bot.id),
    action: { _: "sendMessageTypingAction" },
  });
  // Telegram tells bots nothing of typing (see typing_test.ts)
  assert(
    !botMain.pushes.some((p) =>
      p._ === "updateShort" && p.update._ === "updateUserTyping"
    ),
  );

  const read = await invoke(world, userMain, {
    _: "messages.readHistory",
    peer: inputPeer(world, user.id, bot.id),
    maxId: 0,
  });
  assertStrictEquals(read.ptsCount, 1);
  const outbox = botMain.pushes.find((p) =>
    p._ === "updateShort" && p.update._ === "updateReadHistoryOutbox"
  );
  assert(
    outbox?._ === "updateShort" &&
      outbox.update._ === "updateReadHistoryOutbox" &&
      outbox.update.maxId === 3,
  );
});

Deno.test("sessions that only call withoutUpdates get no pushes; long gaps come in slices", async () => {
  const { world, user, bot, userMain } = await setup({
    differenceSliceSize: 2,
  });
  const quiet = userSession(bot.id);
  const botState = await invoke(world, quiet, { _: "updates.getState" }, {
    withoutUpdates: true,
  });
  for (const text of ["a", "b", "c"]) {
    await send(world, userMain, user.id, bot.id, text);
  }
  assertStrictEquals(quiet.pushes.length, 0);
  const slice = await difference(world, quiet, botState);
  assert(
    slice._ === "updates.differenceSlice" && slice.newMessages.length === 2,
  );
  const rest = await difference(world, quiet, slice.intermediateState);
  assert(rest._ === "updates.difference" && rest.newMessages.length === 1);
});
