import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  pushedMessages,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { inputPeer, invoke, userSession } from "./_testing.ts";
import { bareId } from "./peer_keys.ts";

Deno.test("broadcast channel: posts have no sender, subscribers cannot post, bots are admins", async () => {
  const { world, ann, bob, bot, annMain, bobMain, botMain, chat } =
    await chatSetup("channel", { username: "news_channel" });
  const peer = chatPeer(world, ann.id, chat.key);
  await sendText(world, annMain, peer, "breaking");
  const [, post] = pushedMessages(botMain);
  assert(post._ === "message" && post.post);
  assertStrictEquals(post.fromId, undefined);
  assertStrictEquals(
    await rpcError(
      sendText(world, bobMain, chatPeer(world, bob.id, chat.key), "me too"),
    ),
    "CHAT_WRITE_FORBIDDEN",
  );
  // the bot is an admin: it may post and edit Ann's post
  await sendText(world, botMain, chatPeer(world, bot.id, chat.key), "bot post");
  await invoke(world, botMain, {
    _: "messages.editMessage",
    peer: chatPeer(world, bot.id, chat.key),
    id: post.id,
    message: "breaking news",
  });
  assertStrictEquals(
    world.state.mailboxes.get(chat.key, post.id)!.text,
    "breaking news",
  );

  const admins = await invoke(world, botMain, {
    _: "channels.getParticipants",
    channel: inputChannel(world, bot.id, chat.key),
    filter: { _: "channelParticipantsAdmins" },
    offset: 0,
    limit: 10,
    hash: Long.ZERO,
  });
  assert(admins._ === "channels.channelParticipants");
  assertEquals(admins.participants.map((p) => p._).sort(), [
    "channelParticipantAdmin",
    "channelParticipantCreator",
  ]);
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.getParticipants",
      channel: inputChannel(world, bob.id, chat.key),
      filter: { _: "channelParticipantsRecent" },
      offset: 0,
      limit: 10,
      hash: Long.ZERO,
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  const self = await invoke(world, bobMain, {
    _: "channels.getParticipant",
    channel: inputChannel(world, bob.id, chat.key),
    participant: { _: "inputPeerSelf" },
  });
  assertStrictEquals(self.participant._, "channelParticipantSelf");

  const full = await invoke(world, bobMain, {
    _: "channels.getFullChannel",
    channel: inputChannel(world, bob.id, chat.key),
  });
  assert(full.fullChat._ === "channelFull");
  assertEquals(
    [full.fullChat.participantsCount, full.fullChat.pts],
    [3, world.state.channelLogs.pts(chat.key)],
  );

  // a wrong access hash is CHANNEL_INVALID
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.getChannels",
      id: [inputChannel(world, ann.id, chat.key)],
    })),
    "CHANNEL_INVALID",
  );

  // anyone can find a public channel and read it, and forwarding keeps the channel as origin
  const eve = world.state.accounts.createUser({
    phone: "15550199",
    firstName: "Eve",
  });
  const eveMain = userSession(eve.id);
  const resolved = await invoke(world, eveMain, {
    _: "contacts.resolveUsername",
    username: "news_channel",
  });
  assertEquals(resolved.peer, {
    _: "peerChannel",
    channelId: bareId(chat.key),
  });
  const eveChannel = resolved.chats[0];
  assert(eveChannel._ === "channel" && eveChannel.left && eveChannel.broadcast);
  const got = await invoke(world, eveMain, {
    _: "channels.getMessages",
    channel: inputChannel(world, eve.id, chat.key),
    id: [{ _: "inputMessageID", id: post.id }, { _: "inputMessageID", id: 99 }],
  });
  assert(got._ === "messages.channelMessages");
  assertEquals(got.messages.map((m) => m._), ["message", "messageEmpty"]);
  const forwarded = await invoke(world, eveMain, {
    _: "messages.forwardMessages",
    fromPeer: chatPeer(world, eve.id, chat.key),
    toPeer: inputPeer(world, eve.id, bot.id),
    id: [post.id],
    randomId: [Long.fromNumber(11)],
  });
  assert(forwarded._ === "updates");
  const copy = forwarded.updates.find((u) => u._ === "updateNewMessage");
  assert(copy?._ === "updateNewMessage" && copy.message._ === "message");
  assertEquals(copy.message.fwdFrom?.fromId, {
    _: "peerChannel",
    channelId: bareId(chat.key),
  });
  assertStrictEquals(copy.message.fwdFrom?.channelPost, post.id);
  assert(forwarded.chats.some((c) => c.id === bareId(chat.key)));
});

Deno.test("channel pins, history, search and the common difference's updateChannelTooLong", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup(
    "supergroup",
  );
  const bobState = await invoke(world, bobMain, { _: "updates.getState" });
  const peer = chatPeer(world, ann.id, chat.key);
  const sent = await sendText(world, annMain, peer, "pin me");
  const id = (sent.updates[0] as tl.RawUpdateMessageID).id;
  const pinned = await invoke(world, bobMain, {
    _: "messages.updatePinnedMessage",
    peer: chatPeer(world, bob.id, chat.key),
    id,
  });
  assert(pinned._ === "updates");
  const [pin, service] = pinned.updates;
  assert(
    pin._ === "updatePinnedChannelMessages" && pin.pinned &&
      pin.messages[0] === id,
  );
  assert(
    service._ === "updateNewChannelMessage" &&
      service.message._ === "messageService" &&
      service.message.action._ === "messageActionPinMessage",
  );
  assert(
    pushedUpdates(annMain).some((u) => u._ === "updatePinnedChannelMessages"),
  );
  const byPin = await invoke(world, annMain, {
    _: "channels.getMessages",
    channel: inputChannel(world, ann.id, chat.key),
    id: [{ _: "inputMessagePinned" }],
  });
  assert(byPin._ === "messages.channelMessages");
  assertEquals(byPin.messages.map((m) => m.id), [id]);

  const history = await invoke(world, bobMain, {
    _: "messages.getHistory",
    peer: chatPeer(world, bob.id, chat.key),
    offsetId: 0,
    offsetDate: 0,
    addOffset: 0,
    limit: 2,
    maxId: 0,
    minId: 0,
    hash: Long.ZERO,
  });
  assert(history._ === "messages.channelMessages");
  assertEquals([history.count, history.messages.length], [3, 2]);
  const found = await invoke(world, bobMain, {
    _: "messages.search",
    peer: chatPeer(world, bob.id, chat.key),
    q: "pin",
    filter: { _: "inputMessagesFilterEmpty" },
    minDate: 0,
    maxDate: 0,
    offsetId: 0,
    addOffset: 0,
    limit: 10,
    maxId: 0,
    minId: 0,
    hash: Long.ZERO,
  });
  assert(found._ === "messages.channelMessages");
  assertEquals(found.messages.map((m) => m.id), [id]);

  const diff = await invoke(world, bobMain, {
    _: "updates.getDifference",
    pts: bobState.pts,
    date: bobState.date,
    qts: 0,
  });
  assert(diff._ === "updates.difference");
  assertEquals(diff.otherUpdates, [{
    _: "updateChannelTooLong",
    channelId: bareId(chat.key),
    pts: world.state.channelLogs.pts(chat.key),
  }]);
  assert(
    diff.chats.some((c) => c._ === "channel" && c.id === bareId(chat.key)),
  );
});
