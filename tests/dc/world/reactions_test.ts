import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import { botChatSetup, eventually, sentId } from "./_bots_testing.ts";
import {
  chatPeer,
  chatSetup,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { type FakeSession, invoke, userSession } from "./_testing.ts";
import type { World } from "./world.ts";

const emoji = (emoticon: string): tl.RawReactionEmoji => ({
  _: "reactionEmoji",
  emoticon,
});

/** `messages.sendReaction` as `session`'s client sends it. */
function react(
  world: World,
  session: FakeSession,
  peer: tl.TypeInputPeer,
  msgId: number,
  reaction?: tl.TypeReaction[],
) {
  return invoke(world, session, {
    _: "messages.sendReaction",
    peer,
    msgId,
    reaction,
  });
}

/** The one `updateMessageReactions` of a call's result. */
function reactionsOf(updates: tl.TypeUpdates): tl.RawUpdateMessageReactions {
  assert(updates._ === "updates");
  const [update] = updates.updates;
  assert(update._ === "updateMessageReactions");
  return update;
}

function pushed<K extends tl.TypeUpdate["_"]>(
  session: FakeSession,
  kind: K,
): Extract<tl.TypeUpdate, { _: K }>[] {
  return pushedUpdates(session).filter((u): u is Extract<
    tl.TypeUpdate,
    { _: K }
  > => u._ === kind);
}

const totals = (reactions: tl.TypeMessageReactions) =>
  reactions.results.map((r) => [
    r.reaction._ === "reactionEmoji" ? r.reaction.emoticon : r.reaction._,
    r.count,
    r.chosenOrder,
  ]);

Deno.test("a user reacts to a bot's message in their chat: its own view as the result, the bot gets updateBotMessageReaction (qts)", async () => {
  const { world, user, bot, botMain, userMain, userPeer, botPeer } =
    await botChatSetup();
  const sent = await sendText(world, botMain, userPeer, "rate me");
  const botMessageId = sentId(sent);
  const userCopy = world.state.mailboxes.chat(user.id, bot.id).at(-1)!;
  const botState = await invoke(world, botMain, { _: "updates.getState" });

  const own = reactionsOf(
    await react(world, userMain, botPeer, userCopy.id, [emoji("👍")]),
  );
  assertEquals([own.peer, own.msgId], [
    { _: "peerUser", userId: bot.id },
    userCopy.id,
  ]);
  assertEquals(totals(own.reactions), [["👍", 1, 0]]);
  assertEquals(own.reactions.recentReactions?.map((r) => [r.peerId, r.my]), [
    [{ _: "peerUser", userId: user.id }, true],
  ]);

  const [first] = await eventually(() => {
    const found = pushed(botMain, "updateBotMessageReaction");
    return found.length ? found : undefined;
  });
  assertEquals(
    [
      first.peer,
      first.msgId,
      first.actor,
      first.oldReactions,
      first.newReactions,
    ],
    [
      { _: "peerUser", userId: user.id },
      botMessageId,
      { _: "peerUser", userId: user.id },
      [],
      [emoji("👍")],
    ],
  );
  assertStrictEquals(first.qts, botState.qts + 1);
  // bots do not get the users' update about the same change
  assertEquals(pushed(botMain, "updateMessageReactions"), []);

  // changing and then removing (mtcute sends reactionEmpty) report old and new
  await react(world, userMain, botPeer, userCopy.id, [emoji("🔥")]);
  const removed = reactionsOf(
    await react(world, userMain, botPeer, userCopy.id, [{
      _: "reactionEmpty",
    }]),
  );
  assertEquals(removed.reactions.results, []);
  const changes = await eventually(() => {
    const found = pushed(botMain, "updateBotMessageReaction");
    return found.length === 3 ? found : undefined;
  });
  assertEquals(
    changes.slice(1).map((u) => [u.oldReactions, u.newReactions, u.qts]),
    [
      [[emoji("👍")], [emoji("🔥")], botState.qts + 2],
      [[emoji("🔥")], [], botState.qts + 3],
    ],
  );

  // what a client that was away fetches
  const bot2 = userSession(bot.id);
  const diff = await invoke(world, bot2, {
    _: "updates.getDifference",
    pts: (await invoke(world, bot2, { _: "updates.getState" })).pts,
    date: botState.date,
    qts: botState.qts,
  });
  assert(diff._ === "updates.difference");
  assertEquals(
    diff.otherUpdates.map((u) => u._),
    Array(3).fill("updateBotMessageReaction"),
  );
  assert(diff.users.some((u) => u._ === "user" && u.id === user.id));
});

Deno.test("sendReaction follows Telegram's rules", async () => {
  const { world, user, bot, botMain, userMain, userPeer, botPeer } =
    await botChatSetup();
  await sendText(world, botMain, userPeer, "hello");
  const msgId = world.state.mailboxes.chat(user.id, bot.id).at(-1)!.id;
  const refuse = (reaction?: tl.TypeReaction[], id = msgId) =>
    rpcError(react(world, userMain, botPeer, id, reaction));
  assertStrictEquals(await refuse([emoji("🦖")]), "REACTION_INVALID");
  assertStrictEquals(await refuse([{ _: "reactionPaid" }]), "REACTION_INVALID");
  assertStrictEquals(
    await refuse([{ _: "reactionCustomEmoji", documentId: Long.ONE }]),
    "PREMIUM_ACCOUNT_REQUIRED",
  );
  // without Premium, one reaction per account (reactions_user_max_default)
  assertStrictEquals(
    await refuse([emoji("👍"), emoji("🔥")]),
    "REACTIONS_TOO_MANY",
  );
  assertStrictEquals(await refuse([emoji("👍")], 999), "MESSAGE_ID_INVALID");
  assertStrictEquals(await refuse(), "MESSAGE_NOT_MODIFIED");
  await react(world, userMain, botPeer, msgId, [emoji("❤")]);
  assertStrictEquals(await refuse([emoji("❤")]), "MESSAGE_NOT_MODIFIED");
  // bots react too (Bot API setMessageReaction), but bots are not told about bots' reactions
  const botCopy = world.state.mailboxes.chat(bot.id, user.id).at(-1)!;
  const both = reactionsOf(
    await react(world, botMain, userPeer, botCopy.id, [emoji("❤")]),
  );
  assertEquals(totals(both.reactions), [["❤", 2, 0]]);
  // the user authored nothing here, so it is not told; the bot saw only the user's reaction
  assertEquals(pushed(userMain, "updateMessageReactions"), []);
  assertStrictEquals(pushed(botMain, "updateBotMessageReaction").length, 1);

  const fetched = await invoke(world, userMain, {
    _: "messages.getMessagesReactions",
    peer: botPeer,
    id: [msgId, 999],
  });
  assert(fetched._ === "updates");
  assertEquals(fetched.updates.length, 1);
  assertEquals(totals(reactionsOf(fetched).reactions), [["❤", 2, 0]]);
});

Deno.test("in a group the author gets updateMessageReactions; a bot that is only a member gets nothing", async () => {
  const { world, ann, bob, annMain, bobMain, botMain, chat } = await chatSetup(
    "group",
  );
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "news");
  const bobCopy = world.state.mailboxes.chat(bob.id, chat.key).at(-1)!;
  const result = reactionsOf(
    await react(
      world,
      bobMain,
      chatPeer(world, bob.id, chat.key),
      bobCopy.id,
      [emoji("🎉")],
    ),
  );
  assertEquals(result.peer, { _: "peerChat", chatId: chat.id });
  const annUpdate = await eventually(() =>
    pushed(annMain, "updateMessageReactions")[0]
  );
  const annCopy = world.state.mailboxes.chat(ann.id, chat.key).at(-1)!;
  assertEquals([annUpdate.msgId, totals(annUpdate.reactions)], [
    annCopy.id,
    [["🎉", 1, undefined]],
  ]);
  assertEquals(
    annUpdate.reactions.recentReactions?.map((r) => [r.peerId, r.my]),
    [[{ _: "peerUser", userId: bob.id }, undefined]],
  );
  // only admin bots hear of reactions in groups, and bots are never group admins here
  assertEquals(pushed(botMain, "updateBotMessageReaction"), []);
});

Deno.test("in a broadcast channel reactions are anonymous: the admin bot gets updateBotMessageReactions with the totals", async () => {
  const { world, ann, bob, bobMain, annMain, botMain, chat } = await chatSetup(
    "channel",
  );
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "post");
  const post = world.state.mailboxes.chat(chat.key, chat.key).at(-1)!;
  const result = reactionsOf(
    await react(world, bobMain, chatPeer(world, bob.id, chat.key), post.id, [
      emoji("👍"),
    ]),
  );
  assertStrictEquals(result.reactions.recentReactions, undefined);
  await react(world, annMain, chatPeer(world, ann.id, chat.key), post.id, [
    emoji("👍"),
  ]);
  const counts = await eventually(() => {
    const found = pushed(botMain, "updateBotMessageReactions");
    return found.length === 2 ? found : undefined;
  });
  assertEquals(
    counts.map((u) => [
      u.peer,
      u.msgId,
      totals({
        _: "messageReactions",
        results: u.reactions,
      }),
    ]),
    [
      [{ _: "peerChannel", channelId: chat.id }, post.id, [[
        "👍",
        1,
        undefined,
      ]]],
      [{ _: "peerChannel", channelId: chat.id }, post.id, [[
        "👍",
        2,
        undefined,
      ]]],
    ],
  );
  const container = botMain.pushes.find((push) =>
    push._ === "updates" && push.updates.includes(counts[0])
  );
  assert(container?._ === "updates");
  assert(container.chats.some((c) => c._ === "channel" && c.id === chat.id));
  assertEquals(pushed(botMain, "updateBotMessageReaction"), []);

  // only members react
  const cy = world.state.accounts.createUser({
    phone: "15550102",
    firstName: "Cy",
  });
  assertStrictEquals(
    await rpcError(
      react(
        world,
        userSession(cy.id),
        chatPeer(world, cy.id, chat.key),
        post.id,
        [emoji("👍")],
      ),
    ),
    "CHANNEL_PRIVATE",
  );
});
