import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { type FakeSession, invoke } from "./_testing.ts";
import type { ChatType } from "./chats.ts";
import { bareId, peerKind } from "./peer_keys.ts";
import type { World } from "./world.ts";

const emoji = (emoticon: string): tl.RawReactionEmoji => ({
  _: "reactionEmoji",
  emoticon,
});
const some = (...emoticons: string[]): tl.RawChatReactionsSome => ({
  _: "chatReactionsSome",
  reactions: emoticons.map(emoji),
});

/** A chat of `type` with Ann (its creator), Bob and a bot, and a message of Ann's in it. */
async function chatWithMessage(type: ChatType) {
  const setup = await chatSetup(type);
  const { world, ann, bob, annMain, chat } = setup;
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "hello");
  const box = (userId: number) => type === "group" ? userId : chat.key;
  const idOf = (userId: number) =>
    world.state.mailboxes.chat(box(userId), chat.key).at(-1)!.id;
  const peerOf = (userId: number) => chatPeer(world, userId, chat.key);
  const react = (session: FakeSession, userId: number, reactions: string[]) =>
    invoke(world, session, {
      _: "messages.sendReaction",
      peer: peerOf(userId),
      msgId: idOf(userId),
      reaction: reactions.map(emoji),
    });
  const setAvailable = (
    session: FakeSession,
    userId: number,
    request: Partial<tl.messages.RawSetChatAvailableReactionsRequest>,
  ) =>
    invoke(world, session, {
      _: "messages.setChatAvailableReactions",
      peer: peerOf(userId),
      availableReactions: { _: "chatReactionsAll" },
      ...request,
    });
  return { ...setup, idOf, peerOf, react, setAvailable, ann, bob };
}

/** The chat's full info as `session` (user `userId`) gets it. */
async function fullInfo(
  world: World,
  session: FakeSession,
  userId: number,
  key: number,
): Promise<tl.TypeChatFull> {
  const full = peerKind(key) === "channel"
    ? await invoke(world, session, {
      _: "channels.getFullChannel",
      channel: inputChannel(world, userId, key),
    })
    : await invoke(world, session, {
      _: "messages.getFullChat",
      chatId: bareId(key),
    });
  return full.fullChat;
}

Deno.test("setChatAvailableReactions: the creator narrows a supergroup's reactions, sendReaction enforces them, channelFull shows them", async () => {
  const {
    world,
    ann,
    bob,
    annMain,
    bobMain,
    bot,
    botMain,
    chat,
    react,
    setAvailable,
  } = await chatWithMessage("supergroup");
  assertEquals(
    (await fullInfo(world, bobMain, bob.id, chat.key)).availableReactions,
    { _: "chatReactionsAll", allowCustom: true },
  );
  const result = await setAvailable(annMain, ann.id, {
    availableReactions: some("👍", "🎉"),
    reactionsLimit: 1,
  });
  assert(result._ === "updates");
  assert(result.chats.some((c) => c._ === "channel" && c.id === chat.id));
  const full = await fullInfo(world, bobMain, bob.id, chat.key);
  assertEquals(
    [full.availableReactions, full.reactionsLimit],
    [some("👍", "🎉"), 1],
  );

  assertStrictEquals(
    await rpcError(react(bobMain, bob.id, ["🔥"])),
    "REACTION_INVALID",
  );
  await react(bobMain, bob.id, ["👍"]);
  // reactions_limit 1: a second distinct reaction on the message is too many
  assertStrictEquals(
    await rpcError(react(annMain, ann.id, ["🎉"])),
    "REACTIONS_TOO_MANY",
  );
  await react(annMain, ann.id, ["👍"]);

  // the same settings again change nothing; members and bots may not change them
  assertStrictEquals(
    await rpcError(setAvailable(annMain, ann.id, {
      availableReactions: some("👍", "🎉"),
    })),
    "CHAT_NOT_MODIFIED",
  );
  assertStrictEquals(
    await rpcError(setAvailable(bobMain, bob.id, {})),
    "CHAT_ADMIN_REQUIRED",
  );
  assertStrictEquals(
    await rpcError(setAvailable(botMain, bot.id, {})),
    "BOT_METHOD_INVALID",
  );
  assertStrictEquals(
    await rpcError(setAvailable(annMain, ann.id, {
      availableReactions: some("🦖"),
    })),
    "REACTION_INVALID",
  );
  assertStrictEquals(
    await rpcError(setAvailable(annMain, ann.id, {
      availableReactions: {
        _: "chatReactionsSome",
        reactions: [{ _: "reactionPaid" }],
      },
    })),
    "REACTION_INVALID",
  );
  assertStrictEquals(
    await rpcError(setAvailable(annMain, ann.id, { reactionsLimit: 12 })),
    "REACTIONS_COUNT_INVALID",
  );

  // none: nothing may be sent, but one's reaction may still be taken back
  await setAvailable(annMain, ann.id, {
    availableReactions: { _: "chatReactionsNone" },
    paidEnabled: false,
  });
  assertStrictEquals(
    await rpcError(react(bobMain, bob.id, ["🎉"])),
    "REACTION_INVALID",
  );
  await react(bobMain, bob.id, []);
  const after = await fullInfo(world, annMain, ann.id, chat.key);
  assert(after._ === "channelFull");
  assertEquals(
    [
      after.availableReactions,
      after.reactionsLimit,
      after.paidReactionsAvailable,
    ],
    [{ _: "chatReactionsNone" }, 1, false],
  );
});

Deno.test("setChatAvailableReactions in a basic group shows in chatFull; private chats have no such settings", async () => {
  const { world, ann, annMain, bob, bobMain, bot, chat, react, setAvailable } =
    await chatWithMessage("group");
  await setAvailable(annMain, ann.id, { availableReactions: some("❤") });
  assertEquals(
    (await fullInfo(world, bobMain, bob.id, chat.key)).availableReactions,
    some("❤"),
  );
  assertStrictEquals(
    await rpcError(react(bobMain, bob.id, ["👍"])),
    "REACTION_INVALID",
  );
  await react(bobMain, bob.id, ["❤"]);
  assertStrictEquals(
    await rpcError(invoke(world, annMain, {
      _: "messages.setChatAvailableReactions",
      peer: {
        _: "inputPeerUser",
        userId: bot.id,
        accessHash: world.state.accounts.accessHash(ann.id, bot.id),
      },
      availableReactions: { _: "chatReactionsNone" },
    })),
    "PEER_ID_INVALID",
  );
});

Deno.test("messages carry their reactions as the viewer sees them: own choice marked, who reacted except in broadcast channels", async () => {
  const group = await chatWithMessage("group");
  await group.react(group.bobMain, group.bob.id, ["🎉"]);
  const history = async (
    world: World,
    session: FakeSession,
    peer: tl.TypeInputPeer,
  ) => {
    const page = await invoke(world, session, {
      _: "messages.getHistory",
      peer,
      offsetId: 0,
      offsetDate: 0,
      addOffset: 0,
      limit: 1,
      maxId: 0,
      minId: 0,
      hash: Long.ZERO,
    });
    assert(page._ !== "messages.messagesNotModified");
    const [message] = page.messages;
    assert(message._ === "message");
    return { message, users: page.users };
  };
  const seenByAnn = await history(
    group.world,
    group.annMain,
    group.peerOf(group.ann.id),
  );
  assertEquals(seenByAnn.message.reactions, {
    _: "messageReactions",
    canSeeList: true,
    results: [{ _: "reactionCount", reaction: emoji("🎉"), count: 1 }],
    recentReactions: [{
      _: "messagePeerReaction",
      big: undefined,
      my: undefined,
      peerId: { _: "peerUser", userId: group.bob.id },
      date: seenByAnn.message.reactions!.recentReactions![0].date,
      reaction: emoji("🎉"),
    }],
  });
  // the reactor's user object comes with the message
  assert(seenByAnn.users.some((u) => u.id === group.bob.id));
  const seenByBob = await history(
    group.world,
    group.bobMain,
    group.peerOf(group.bob.id),
  );
  assertStrictEquals(seenByBob.message.reactions?.results[0].chosenOrder, 0);
  assertStrictEquals(
    seenByBob.message.reactions?.recentReactions?.[0].my,
    true,
  );

  const channel = await chatWithMessage("channel");
  await channel.react(channel.bobMain, channel.bob.id, ["👍"]);
  const post = await history(
    channel.world,
    channel.bobMain,
    channel.peerOf(channel.bob.id),
  );
  assertEquals(post.message.reactions, {
    _: "messageReactions",
    canSeeList: undefined,
    results: [{
      _: "reactionCount",
      reaction: emoji("👍"),
      count: 1,
      chosenOrder: 0,
    }],
    recentReactions: undefined,
  });
  // once the last reaction is gone, the message has none
  await channel.react(channel.bobMain, channel.bob.id, []);
  const bare = await history(
    channel.world,
    channel.bobMain,
    channel.peerOf(channel.bob.id),
  );
  assertStrictEquals(bare.message.reactions, undefined);
});

Deno.test("getMessageReactionsList: who reacted, newest first, by reaction and page; not in broadcast channels, not for bots", async () => {
  const { world, ann, bob, annMain, bobMain, botMain, idOf, peerOf, react } =
    await chatWithMessage("supergroup");
  await react(bobMain, bob.id, ["🎉"]);
  await react(annMain, ann.id, ["👍"]);
  const list = (
    request: Partial<tl.messages.RawGetMessageReactionsListRequest>,
    session = annMain,
  ) =>
    invoke(world, session, {
      _: "messages.getMessageReactionsList",
      peer: peerOf(ann.id),
      id: idOf(ann.id),
      limit: 100,
      ...request,
    });
  const all = await list({});
  assertEquals(
    [all.count, all.reactions.map((r) => [r.peerId, r.my]), all.nextOffset],
    [2, [
      [{ _: "peerUser", userId: ann.id }, true],
      [{ _: "peerUser", userId: bob.id }, undefined],
    ], undefined],
  );
  assertEquals(all.users.map((u) => u.id).sort(), [ann.id, bob.id].sort());
  const party = await list({ reaction: emoji("🎉") });
  assertEquals([party.count, party.reactions.map((r) => r.reaction)], [1, [
    emoji("🎉"),
  ]]);
  const first = await list({ limit: 1 });
  assertEquals([first.count, first.reactions.length, first.nextOffset], [
    2,
    1,
    "1",
  ]);
  const second = await list({ limit: 1, offset: first.nextOffset });
  assertEquals(
    [second.reactions[0].peerId, second.nextOffset],
    [{ _: "peerUser", userId: bob.id }, undefined],
  );
  assertStrictEquals(await rpcError(list({ offset: "x" })), "OFFSET_INVALID");
  assertStrictEquals(await rpcError(list({ limit: 0 })), "LIMIT_INVALID");
  assertStrictEquals(await rpcError(list({ id: 999 })), "MSG_ID_INVALID");
  assertStrictEquals(
    await rpcError(list({}, botMain)),
    "BOT_METHOD_INVALID",
  );

  const channel = await chatWithMessage("channel");
  await channel.react(channel.bobMain, channel.bob.id, ["👍"]);
  assertStrictEquals(
    await rpcError(invoke(channel.world, channel.annMain, {
      _: "messages.getMessageReactionsList",
      peer: channel.peerOf(channel.ann.id),
      id: channel.idOf(channel.ann.id),
      limit: 10,
    })),
    "BROADCAST_FORBIDDEN",
  );
});
