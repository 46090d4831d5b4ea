import { assert, assertEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import { botChatSetup, randomId } from "./_bots_testing.ts";
import {
  chatPeer,
  chatSetup,
  pushedMessages,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { invoke, userSession } from "./_testing.ts";
import { now } from "./emit.ts";
import { sendDueMessages } from "./scheduled.ts";

/** A minute ahead: well past the 10 seconds under which Telegram sends at once. */
const inAMinute = () => now() + 60;

/** The updates of `updates` of constructor `name`. */
function updatesOf<N extends tl.TypeUpdate["_"]>(
  updates: tl.TypeUpdates,
  name: N,
): Extract<tl.TypeUpdate, { _: N }>[] {
  assert(updates._ === "updates");
  return updates.updates.filter((u): u is Extract<tl.TypeUpdate, { _: N }> =>
    u._ === name
  );
}

Deno.test("a message scheduled a minute ahead waits in the sender's queue", async () => {
  const { world, user, bot, botPeer, botMain, userMain } = await botChatSetup();
  const other = userSession(user.id);
  await invoke(world, other, { _: "updates.getState" });
  const date = inAMinute();
  const result = await sendText(world, userMain, botPeer, "later", {
    scheduleDate: date,
  });
  const [idUpdate] = updatesOf(result, "updateMessageID");
  const [queued] = updatesOf(result, "updateNewScheduledMessage");
  assert(queued.message._ === "message");
  assertEquals(
    [queued.message.id, queued.message.date, queued.message.fromScheduled],
    [idUpdate.id, date, true],
  );
  assertEquals(queued.message.message, "later");
  assertEquals(result.seq, 0);
  // nothing is delivered yet; the sender's other session learns of the queue
  assertEquals(world.state.mailboxes.chat(user.id, bot.id), []);
  assertEquals(pushedMessages(botMain), []);
  assertEquals(
    pushedUpdates(other).map((u) => u._),
    ["updateNewScheduledMessage"],
  );
  const history = await invoke(world, userMain, {
    _: "messages.getScheduledHistory",
    peer: botPeer,
    hash: Long.ZERO,
  });
  assert(history._ === "messages.messages");
  assertEquals(history.messages.map((m) => m.id), [idUpdate.id]);
  world.reset();
});

Deno.test("at its date a scheduled message is sent with from_scheduled and leaves the queue", async () => {
  const { world, user, bot, botPeer, botMain, userMain } = await botChatSetup();
  const other = userSession(user.id);
  await invoke(world, other, { _: "updates.getState" });
  const date = inAMinute();
  await sendText(world, userMain, botPeer, "on time", { scheduleDate: date });
  const [scheduled] = world.state.scheduled.list(user.id, bot.id);

  sendDueMessages({ state: world.state, sessions: world.sessions }, date);
  assertEquals(world.state.scheduled.list(user.id, bot.id), []);
  const [sent] = world.state.mailboxes.chat(user.id, bot.id);
  const [received] = world.state.mailboxes.chat(bot.id, user.id);
  assertEquals([sent.text, sent.fromScheduled], ["on time", true]);
  assertEquals(received.text, "on time");
  const [botCopy] = pushedMessages(botMain);
  assertEquals(botCopy.id, received.id);
  // the sender's sessions get the message and the queue's deletion, naming the new id
  const pushed = pushedUpdates(other);
  const deletion = pushed.find((u) => u._ === "updateDeleteScheduledMessages");
  assert(deletion?._ === "updateDeleteScheduledMessages");
  assertEquals(
    [deletion.messages, deletion.sentMessages],
    [[scheduled.id], [sent.id]],
  );
  assert(pushedMessages(other).some((m) => m.id === sent.id));
  world.reset();
});

Deno.test("sendScheduledMessages sends now; deleteScheduledMessages drops; unknown ids fail", async () => {
  const { world, user, bot, botPeer, userMain } = await botChatSetup();
  for (const text of ["first", "second"]) {
    await sendText(world, userMain, botPeer, text, {
      scheduleDate: inAMinute(),
    });
  }
  const [first, second] = world.state.scheduled.list(user.id, bot.id);
  const sent = await invoke(world, userMain, {
    _: "messages.sendScheduledMessages",
    peer: botPeer,
    id: [first.id],
  });
  const [newMessage] = updatesOf(sent, "updateNewMessage");
  const [deletion] = updatesOf(sent, "updateDeleteScheduledMessages");
  assert(newMessage.message._ === "message");
  assertEquals(
    [newMessage.message.message, newMessage.message.fromScheduled],
    ["first", true],
  );
  assertEquals(deletion.sentMessages, [newMessage.message.id]);

  const deleted = await invoke(world, userMain, {
    _: "messages.deleteScheduledMessages",
    peer: botPeer,
    id: [second.id],
  });
  const [dropped] = updatesOf(deleted, "updateDeleteScheduledMessages");
  assertEquals([dropped.messages, dropped.sentMessages], [
    [second.id],
    undefined,
  ]);
  assertEquals(world.state.scheduled.list(user.id, bot.id), []);
  assertEquals(
    world.state.mailboxes.chat(user.id, bot.id).map((m) => m.text),
    ["first"],
  );
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.sendScheduledMessages",
      peer: botPeer,
      id: [second.id],
    })),
    "MESSAGE_ID_INVALID",
  );
  world.reset();
});

Deno.test("schedule dates: under 10 seconds sends at once, over a year fails, bots may not schedule", async () => {
  const { world, user, bot, botPeer, userPeer, botMain, userMain } =
    await botChatSetup();
  const soon = await sendText(world, userMain, botPeer, "soon", {
    scheduleDate: now() + 5,
  });
  assertEquals(updatesOf(soon, "updateNewMessage").length, 1);
  assertEquals(world.state.scheduled.list(user.id, bot.id), []);
  assertEquals(
    await rpcError(sendText(world, userMain, botPeer, "far", {
      scheduleDate: now() + 400 * 24 * 60 * 60,
    })),
    "SCHEDULE_DATE_TOO_LATE",
  );
  assertEquals(
    await rpcError(sendText(world, botMain, userPeer, "bot", {
      scheduleDate: inAMinute(),
    })),
    "SCHEDULE_BOT_NOT_ALLOWED",
  );
  assertEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.getScheduledHistory",
      peer: userPeer,
      hash: Long.ZERO,
    })),
    "BOT_METHOD_INVALID",
  );
});

Deno.test("forwards and albums can be scheduled too", async () => {
  const { world, user, bot, botPeer, userMain } = await botChatSetup();
  await sendText(world, userMain, botPeer, "original");
  const [original] = world.state.mailboxes.chat(user.id, bot.id);
  const forwarded = await invoke(world, userMain, {
    _: "messages.forwardMessages",
    fromPeer: botPeer,
    toPeer: { _: "inputPeerSelf" },
    id: [original.id],
    randomId: [randomId()],
    scheduleDate: inAMinute(),
  });
  assertEquals(updatesOf(forwarded, "updateNewScheduledMessage").length, 1);
  const [queued] = world.state.scheduled.list(user.id, user.id);
  assertEquals(queued.outgoing.content.forwardOrigin?.fromId, user.id);
  world.reset();
});

Deno.test("a channel's queue is its admins'; the post goes out as the channel's", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup(
    "channel",
  );
  const date = inAMinute();
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "news", {
    scheduleDate: date,
  });
  assertEquals(
    await rpcError(invoke(world, bobMain, {
      _: "messages.getScheduledHistory",
      peer: chatPeer(world, bob.id, chat.key),
      hash: Long.ZERO,
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  sendDueMessages({ state: world.state, sessions: world.sessions }, date);
  const post = world.state.mailboxes.chat(chat.key, chat.key).at(-1)!;
  assertEquals([post.text, post.post, post.fromScheduled], [
    "news",
    true,
    true,
  ]);
  assert(pushedMessages(bobMain).some((m) => m.id === post.id));
});

Deno.test("a reset stops the queue's timers", async () => {
  const { world, user, bot, botPeer, userMain } = await botChatSetup();
  await sendText(world, userMain, botPeer, "never", {
    scheduleDate: inAMinute(),
  });
  const before = world.state;
  assertEquals(before.scheduled.list(user.id, bot.id).length, 1);
  assertEquals(before.scheduled.armed, 1);
  world.reset();
  assertEquals(before.scheduled.armed, 0);
});
