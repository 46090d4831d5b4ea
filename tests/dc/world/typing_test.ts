/**
 * `messages.setTyping` as Telegram documents it: the other party of a private
 * chat gets `updateUserTyping`, the other members of a basic group
 * `updateChatUserTyping`, of a supergroup or channel `updateChannelUserTyping`,
 * each in an `updateShort` with no pts; never the sender, never bots.
 */
import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import {
  chatPeer,
  chatSetup,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import {
  botSession,
  type FakeSession,
  inputPeer,
  invoke,
  userSession,
} from "./_testing.ts";
import { bareId } from "./peer_keys.ts";
import type { World } from "./world.ts";

const TYPING: tl.TypeSendMessageAction = { _: "sendMessageTypingAction" };

/** `session` tells the chat `peer` it is doing `action` (in the thread `topMsgId`). */
async function setTyping(
  world: World,
  session: FakeSession,
  peer: tl.TypeInputPeer,
  action: tl.TypeSendMessageAction = TYPING,
  topMsgId?: number,
): Promise<void> {
  assertStrictEquals(
    await invoke(world, session, {
      _: "messages.setTyping",
      peer,
      action,
      topMsgId,
    }),
    true,
  );
}

/** The typing updates pushed to `session`, forgetting everything it was pushed. */
function typingPushed(session: FakeSession): tl.TypeUpdate[] {
  const typing = pushedUpdates(session).filter((update) =>
    update._ === "updateUserTyping" || update._ === "updateChatUserTyping" ||
    update._ === "updateChannelUserTyping"
  );
  session.pushes.length = 0;
  return typing;
}

/** Subscribes `sessions` to updates, as a client's first call does. */
async function subscribe(world: World, ...sessions: FakeSession[]) {
  for (const session of sessions) {
    await invoke(world, session, { _: "updates.getState" });
  }
}

Deno.test("private chat: the peer gets updateUserTyping in an updateShort, outside the pts sequence", async () => {
  const { world, ann, bob, annMain, bobMain } = await chatSetup("group");
  const annOther = userSession(ann.id);
  await subscribe(world, annOther);
  const before = await invoke(world, bobMain, { _: "updates.getState" });
  annMain.pushes.length = bobMain.pushes.length = 0;

  const upload = { _: "sendMessageUploadPhotoAction", progress: 42 } as const;
  await setTyping(world, annMain, inputPeer(world, ann.id, bob.id), upload);
  assertStrictEquals(bobMain.pushes.length, 1);
  const [push] = bobMain.pushes;
  assert(push._ === "updateShort");
  assertEquals(push.update, {
    _: "updateUserTyping",
    userId: ann.id,
    action: upload,
  });
  // the sender's sessions are not told
  assertEquals([annMain.pushes, annOther.pushes], [[], []]);

  const after = await invoke(world, bobMain, { _: "updates.getState" });
  assertEquals([after.pts, after.qts, after.seq], [
    before.pts,
    before.qts,
    before.seq,
  ]);
  const difference = await invoke(world, bobMain, {
    _: "updates.getDifference",
    pts: before.pts,
    date: before.date,
    qts: before.qts,
  });
  assertStrictEquals(difference._, "updates.differenceEmpty");
});

Deno.test("private chat: bots type to users, users' typing never reaches bots, bots cannot type to bots", async () => {
  const { world, ann, bot, annMain, botMain } = await chatSetup("group");
  const { bot: otherBot, session: otherBotMain } = await botSession(
    world,
    "other_bot",
  );
  await subscribe(world, otherBotMain);
  annMain.pushes.length = botMain.pushes.length = 0;

  await setTyping(world, botMain, inputPeer(world, bot.id, ann.id));
  assertEquals(typingPushed(annMain), [
    { _: "updateUserTyping", userId: bot.id, action: TYPING },
  ]);

  await setTyping(world, annMain, inputPeer(world, ann.id, bot.id));
  assertEquals(botMain.pushes, []);

  assertStrictEquals(
    await rpcError(
      invoke(world, botMain, {
        _: "messages.setTyping",
        peer: inputPeer(world, bot.id, otherBot.id),
        action: TYPING,
      }),
    ),
    "USER_IS_BOT",
  );
  assertEquals(otherBotMain.pushes, []);

  // Saved Messages: nobody to tell
  await setTyping(world, annMain, { _: "inputPeerSelf" });
  assertEquals(annMain.pushes, []);
});

Deno.test("basic group: the other users get updateChatUserTyping; the bot member is not told", async () => {
  const { world, bob, bot, annMain, bobMain, botMain, chat } = await chatSetup(
    "group",
  );
  annMain.pushes.length = bobMain.pushes.length = botMain.pushes.length = 0;

  const cancel = { _: "sendMessageCancelAction" } as const;
  await setTyping(world, bobMain, chatPeer(world, bob.id, chat.key), cancel);
  assertEquals(typingPushed(annMain), [{
    _: "updateChatUserTyping",
    chatId: bareId(chat.key),
    fromId: { _: "peerUser", userId: bob.id },
    action: cancel,
  }]);
  assertEquals([typingPushed(bobMain), typingPushed(botMain)], [[], []]);

  // a bot's typing reaches every user member, with the bot as from_id
  await setTyping(world, botMain, chatPeer(world, bot.id, chat.key));
  for (const session of [annMain, bobMain]) {
    assertEquals(typingPushed(session), [{
      _: "updateChatUserTyping",
      chatId: bareId(chat.key),
      fromId: { _: "peerUser", userId: bot.id },
      action: TYPING,
    }]);
  }
  assertEquals(typingPushed(botMain), []);
});

Deno.test("supergroup: updateChannelUserTyping, with the thread when top_msg_id names a message of the chat", async () => {
  const { world, ann, bob, bot, annMain, bobMain, botMain, chat } =
    await chatSetup("supergroup");
  const peer = chatPeer(world, ann.id, chat.key);
  const sent = await sendText(world, annMain, peer, "thread start");
  const root = sent.updates.find((u) => u._ === "updateNewChannelMessage");
  assert(root?._ === "updateNewChannelMessage");
  annMain.pushes.length = bobMain.pushes.length = botMain.pushes.length = 0;

  await setTyping(world, annMain, peer, TYPING, root.message.id);
  assertEquals(typingPushed(bobMain), [{
    _: "updateChannelUserTyping",
    channelId: bareId(chat.key),
    topMsgId: root.message.id,
    fromId: { _: "peerUser", userId: ann.id },
    action: TYPING,
  }]);
  assertEquals([typingPushed(annMain), typingPushed(botMain)], [[], []]);

  const upload = { _: "sendMessageUploadDocumentAction", progress: 7 } as const;
  await setTyping(world, botMain, chatPeer(world, bot.id, chat.key), upload);
  for (const session of [annMain, bobMain]) {
    assertEquals(typingPushed(session), [{
      _: "updateChannelUserTyping",
      channelId: bareId(chat.key),
      fromId: { _: "peerUser", userId: bot.id },
      action: upload,
    }]);
  }

  assertStrictEquals(
    await rpcError(
      invoke(world, bobMain, {
        _: "messages.setTyping",
        peer: chatPeer(world, bob.id, chat.key),
        topMsgId: root.message.id + 100,
        action: TYPING,
      }),
    ),
    "MSG_ID_INVALID",
  );
  assertEquals(typingPushed(annMain), []);
});

Deno.test("only who may write may type: outsiders and broadcast subscribers fail, admins reach the subscribers", async () => {
  const group = await chatSetup("group");
  const eve = group.world.state.accounts.createUser({
    phone: "15550199",
    firstName: "Eve",
  });
  assertStrictEquals(
    await rpcError(
      invoke(group.world, userSession(eve.id), {
        _: "messages.setTyping",
        peer: { _: "inputPeerChat", chatId: bareId(group.chat.key) },
        action: TYPING,
      }),
    ),
    "PEER_ID_INVALID",
  );

  const { world, bob, bot, annMain, bobMain, botMain, chat } = await chatSetup(
    "channel",
  );
  annMain.pushes.length = bobMain.pushes.length = botMain.pushes.length = 0;
  assertStrictEquals(
    await rpcError(
      invoke(world, bobMain, {
        _: "messages.setTyping",
        peer: chatPeer(world, bob.id, chat.key),
        action: TYPING,
      }),
    ),
    "CHAT_WRITE_FORBIDDEN",
  );
  assertEquals(typingPushed(annMain), []);

  // the bot is an admin of the channel
  await setTyping(world, botMain, chatPeer(world, bot.id, chat.key));
  for (const session of [annMain, bobMain]) {
    assertEquals(typingPushed(session), [{
      _: "updateChannelUserTyping",
      channelId: bareId(chat.key),
      fromId: { _: "peerUser", userId: bot.id },
      action: TYPING,
    }]);
  }
});
