import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import { botChatSetup, sentId } from "./_bots_testing.ts";
import { pushedUpdates, rpcError, sendText } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";

async function pinSetup() {
  const setup = await botChatSetup();
  const { world, userMain, botPeer, user, bot } = setup;
  const sent = await sendText(world, userMain, botPeer, "pin me");
  const userMessageId = sentId(sent);
  const botCopy = world.state.mailboxes.chat(bot.id, user.id).at(-1)!;
  const pin = (
    extra: Partial<tl.messages.RawUpdatePinnedMessageRequest> = {},
  ) =>
    invoke(world, userMain, {
      _: "messages.updatePinnedMessage",
      peer: botPeer,
      id: userMessageId,
      ...extra,
    });
  return { ...setup, userMessageId, botCopy, pin };
}

Deno.test("a private pin reaches both sides with the service message replying to it", async () => {
  const { world, user, bot, botMain, pin, userMessageId, botCopy } =
    await pinSetup();
  const result = await pin({ silent: true });
  assert(result._ === "updates");
  const [pinned, service] = result.updates;
  assert(pinned._ === "updatePinnedMessages" && pinned.pinned);
  assertEquals(pinned.messages, [userMessageId]);
  assertEquals(pinned.peer, { _: "peerUser", userId: bot.id });
  assert(
    service._ === "updateNewMessage" &&
      service.message._ === "messageService" &&
      service.message.action._ === "messageActionPinMessage" &&
      service.message.replyTo?._ === "messageReplyHeader" &&
      service.message.replyTo.replyToMsgId === userMessageId,
  );
  const botSide = pushedUpdates(botMain);
  const botPin = botSide.find((u) => u._ === "updatePinnedMessages");
  assert(botPin?._ === "updatePinnedMessages");
  assertEquals(botPin.messages, [botCopy.id]);
  const botService = botSide.filter((u) => u._ === "updateNewMessage").at(-1);
  assert(
    botService?._ === "updateNewMessage" &&
      botService.message._ === "messageService" &&
      botService.message.replyTo?._ === "messageReplyHeader" &&
      botService.message.replyTo.replyToMsgId === botCopy.id,
  );
  assertStrictEquals(botCopy.pinned, true);
  assertStrictEquals(
    world.state.mailboxes.get(user.id, userMessageId)?.pinned,
    true,
  );

  // unpinning: the flag goes on both sides, no service message
  const unpinned = await pin({ unpin: true });
  assert(unpinned._ === "updates");
  assertEquals(unpinned.updates.map((u) => u._), ["updatePinnedMessages"]);
  assertStrictEquals(botCopy.pinned, undefined);
});

Deno.test("pm_oneside pins only the caller's copy; bots may not", async () => {
  const { world, user, pin, botCopy, userMessageId, botMain, userPeer } =
    await pinSetup();
  const result = await pin({ pmOneside: true });
  assert(result._ === "updates");
  assertEquals(result.updates.map((u) => u._), ["updatePinnedMessages"]);
  assertStrictEquals(
    world.state.mailboxes.get(user.id, userMessageId)?.pinned,
    true,
  );
  assertStrictEquals(botCopy.pinned, undefined);
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.updatePinnedMessage",
      peer: userPeer,
      id: botCopy.id,
      pmOneside: true,
    })),
    "BOT_ONESIDE_NOT_AVAIL",
  );
  assertStrictEquals(await rpcError(pin({ id: 999 })), "MESSAGE_ID_INVALID");
});

Deno.test("unpinAllMessages unpins both sides and tells each", async () => {
  const { world, userMain, botMain, botPeer, pin, botCopy } = await pinSetup();
  await pin();
  const before = await invoke(world, userMain, { _: "updates.getState" });
  const affected = await invoke(world, userMain, {
    _: "messages.unpinAllMessages",
    peer: botPeer,
  });
  assertEquals(affected, {
    _: "messages.affectedHistory",
    pts: before.pts + 1,
    ptsCount: 1,
    offset: 0,
  });
  assertStrictEquals(botCopy.pinned, undefined);
  const botUnpin = pushedUpdates(botMain).filter((u) =>
    u._ === "updatePinnedMessages"
  ).at(-1);
  assert(botUnpin?._ === "updatePinnedMessages" && !botUnpin.pinned);
  const again = await invoke(world, userMain, {
    _: "messages.unpinAllMessages",
    peer: botPeer,
  });
  assertStrictEquals(again.ptsCount, 0);
});
