import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import {
  chatPeer,
  chatSetup,
  pushedMessages,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { invoke, userSession } from "./_testing.ts";
import { bareId } from "./peer_keys.ts";

Deno.test("a basic group starts with messageActionChatCreate in every member's box", async () => {
  const { world, ann, bob, bot, botMain, chat } = await chatSetup("group");
  assert(chat.key < 0 && chat.key > -1_000_000_000_000);
  for (const member of [ann, bob, bot]) {
    const [created] = world.state.mailboxes.chat(member.id, chat.key);
    assertEquals(created.action, {
      _: "messageActionChatCreate",
      title: "Test chat",
      users: [ann.id, bob.id, bot.id],
    });
    assertStrictEquals(created.senderId, ann.id);
  }
  const [pushed] = pushedMessages(botMain);
  assert(pushed._ === "messageService");
  assertEquals(pushed.peerId, { _: "peerChat", chatId: bareId(chat.key) });
  const container = botMain.pushes[0] as tl.RawUpdates;
  const [tlChat] = container.chats;
  assert(tlChat._ === "chat" && tlChat.participantsCount === 3);
  assert(!tlChat.creator);
});

Deno.test("group messages reach every member with the common pts; replies and deletions follow each box", async () => {
  const { world, ann, bob, bot, annMain, bobMain, botMain, chat } =
    await chatSetup("group");
  const botState = await invoke(world, botMain, { _: "updates.getState" });
  const sent = await sendText(
    world,
    annMain,
    chatPeer(world, ann.id, chat.key),
    "/start",
  );
  const annId = (sent.updates[0] as tl.RawUpdateMessageID).id;
  assertStrictEquals(annId, 2);

  const [, received] = pushedMessages(botMain);
  assert(received._ === "message" && received.message === "/start");
  assertEquals(received.fromId, { _: "peerUser", userId: ann.id });
  assertEquals(received.peerId, { _: "peerChat", chatId: bareId(chat.key) });
  assertStrictEquals(received.out, false);
  const botPush = botMain.pushes.at(-1) as tl.RawUpdates;
  assertStrictEquals(
    (botPush.updates[0] as tl.RawUpdateNewMessage).pts,
    botState.pts + 1,
  );
  assert(botPush.users.some((u) => u.id === ann.id));

  // the bot replies to its own copy; Ann's and Bob's copies reply to theirs
  await sendText(world, botMain, chatPeer(world, bot.id, chat.key), "hi", {
    replyTo: { _: "inputReplyToMessage", replyToMsgId: received.id },
  });
  const annReply = world.state.mailboxes.chat(ann.id, chat.key).at(-1)!;
  assertStrictEquals(annReply.replyToId, annId);
  assertStrictEquals(annReply.senderId, bot.id);
  const bobCopies = world.state.mailboxes.chat(bob.id, chat.key);
  assertStrictEquals(bobCopies.at(-1)!.replyToId, bobCopies.at(-2)!.id);

  // Ann deletes her message for everyone: the bot's copy goes too
  await invoke(world, annMain, {
    _: "messages.deleteMessages",
    id: [annId],
    revoke: true,
  });
  const deletion = pushedUpdates(botMain).find((u) =>
    u._ === "updateDeleteMessages"
  );
  assert(deletion?._ === "updateDeleteMessages");
  assertEquals(deletion.messages, [received.id]);
  assert(!world.state.mailboxes.get(bot.id, received.id));
  assert(
    pushedUpdates(bobMain).some((u) => u._ === "updateDeleteMessages"),
  );

  // Bob cannot revoke Ann's creation message for others: only his copy goes
  const bobCreated = world.state.mailboxes.chat(bob.id, chat.key)[0];
  await invoke(world, bobMain, {
    _: "messages.deleteMessages",
    id: [bobCreated.id],
    revoke: true,
  });
  assertStrictEquals(world.state.mailboxes.chat(ann.id, chat.key)[0].id, 1);

  const diff = await invoke(world, botMain, {
    _: "updates.getDifference",
    pts: botState.pts,
    date: botState.date,
    qts: 0,
  });
  assert(diff._ === "updates.difference");
  assert(diff.chats.some((c) => c._ === "chat" && c.id === bareId(chat.key)));
});

Deno.test("group edits, pins, full chat and history", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup("group");
  const peer = chatPeer(world, ann.id, chat.key);
  const sent = await sendText(world, annMain, peer, "typo");
  const id = (sent.updates[0] as tl.RawUpdateMessageID).id;
  await invoke(world, annMain, {
    _: "messages.editMessage",
    peer,
    id,
    message: "fixed",
  });
  const bobCopy = world.state.mailboxes.chat(bob.id, chat.key).at(-1)!;
  assertStrictEquals(bobCopy.text, "fixed");
  const edit = pushedUpdates(bobMain).find((u) => u._ === "updateEditMessage");
  assert(edit?._ === "updateEditMessage" && edit.message.id === bobCopy.id);

  const pinned = await invoke(world, annMain, {
    _: "messages.updatePinnedMessage",
    peer,
    id,
  });
  assert(pinned._ === "updates");
  const [pinUpdate, service] = pinned.updates;
  assert(pinUpdate._ === "updatePinnedMessages" && pinUpdate.pinned);
  assertEquals(pinUpdate.messages, [id]);
  assert(
    service._ === "updateNewMessage" &&
      service.message._ === "messageService" &&
      service.message.action._ === "messageActionPinMessage" &&
      service.message.replyTo?._ === "messageReplyHeader" &&
      service.message.replyTo.replyToMsgId === id,
  );
  const bobPin = pushedUpdates(bobMain).find((u) =>
    u._ === "updatePinnedMessages"
  );
  assert(bobPin?._ === "updatePinnedMessages");
  assertEquals(bobPin.messages, [bobCopy.id]);

  const full = await invoke(world, bobMain, {
    _: "messages.getFullChat",
    chatId: bareId(chat.key),
  });
  assert(full.fullChat._ === "chatFull");
  assertStrictEquals(full.fullChat.pinnedMsgId, bobCopy.id);
  assert(full.fullChat.participants._ === "chatParticipants");
  assertStrictEquals(full.fullChat.participants.participants.length, 3);
  assertStrictEquals(full.fullChat.botInfo?.length, 1);

  const chats = await invoke(world, bobMain, {
    _: "messages.getChats",
    id: [bareId(chat.key), 42],
  });
  assertEquals(chats.chats.map((c) => c.id), [bareId(chat.key)]);

  const history = await invoke(world, bobMain, {
    _: "messages.getHistory",
    peer: chatPeer(world, bob.id, chat.key),
    offsetId: 0,
    offsetDate: 0,
    addOffset: 0,
    limit: 10,
    maxId: 0,
    minId: 0,
    hash: 0 as never,
  });
  assert(history._ === "messages.messages");
  assertEquals(history.messages.map((m) => m._), [
    "messageService",
    "message",
    "messageService",
  ]);
  assertStrictEquals(history.chats.length, 1);

  const found = await invoke(world, bobMain, {
    _: "messages.search",
    peer: chatPeer(world, bob.id, chat.key),
    q: "FIX",
    filter: { _: "inputMessagesFilterEmpty" },
    minDate: 0,
    maxDate: 0,
    offsetId: 0,
    addOffset: 0,
    limit: 10,
    maxId: 0,
    minId: 0,
    hash: 0 as never,
  });
  assert(found._ === "messages.messages");
  assertEquals(found.messages.map((m) => m.id), [bobCopy.id]);
});

Deno.test("outsiders cannot use a basic group", async () => {
  const { world, chat } = await chatSetup("group");
  const eve = world.state.accounts.createUser({
    phone: "15550199",
    firstName: "Eve",
  });
  const eveMain = userSession(eve.id);
  assertStrictEquals(
    await rpcError(
      sendText(world, eveMain, chatPeer(world, eve.id, chat.key), "hi"),
    ),
    "PEER_ID_INVALID",
  );
  assertStrictEquals(
    await rpcError(
      invoke(world, eveMain, {
        _: "messages.getFullChat",
        chatId: bareId(chat.key),
      }),
    ),
    "CHAT_ID_INVALID",
  );
  const chats = await invoke(world, eveMain, {
    _: "messages.getChats",
    id: [bareId(chat.key)],
  });
  assertStrictEquals(chats.chats[0]._, "chatForbidden");
});

Deno.test("group read marks reach the sender, typing reaches the other users", async () => {
  const { world, ann, bob, annMain, bobMain, botMain, chat } = await chatSetup(
    "group",
  );
  const sent = await sendText(
    world,
    annMain,
    chatPeer(world, ann.id, chat.key),
    "read me",
  );
  const annId = (sent.updates[0] as tl.RawUpdateMessageID).id;
  assertStrictEquals(world.state.unreadCount(bob.id), 2);
  const read = await invoke(world, bobMain, {
    _: "messages.readHistory",
    peer: chatPeer(world, bob.id, chat.key),
    maxId: 0,
  });
  assertStrictEquals(read.ptsCount, 1);
  assertStrictEquals(world.state.unreadCount(bob.id), 0);
  const outbox = pushedUpdates(annMain).find((u) =>
    u._ === "updateReadHistoryOutbox"
  );
  assert(outbox?._ === "updateReadHistoryOutbox");
  assertEquals(
    [outbox.peer, outbox.maxId],
    [{ _: "peerChat", chatId: bareId(chat.key) }, annId],
  );

  await invoke(world, bobMain, {
    _: "messages.setTyping",
    peer: chatPeer(world, bob.id, chat.key),
    action: { _: "sendMessageTypingAction" },
  });
  const typing = pushedUpdates(annMain).find((u) =>
    u._ === "updateChatUserTyping"
  );
  assert(typing?._ === "updateChatUserTyping");
  assertEquals(typing.fromId, { _: "peerUser", userId: bob.id });
  // neither the sender nor, as on Telegram, the bot member is told
  for (const session of [bobMain, botMain]) {
    assert(!pushedUpdates(session).some((u) => u._ === "updateChatUserTyping"));
  }
});
