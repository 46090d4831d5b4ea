import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  pushedMessages,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { type FakeSession, invoke } from "./_testing.ts";
import { bareId } from "./peer_keys.ts";
import type { World } from "./world.ts";

function channelDifference(
  world: World,
  session: FakeSession,
  viewerId: number,
  key: number,
  pts: number,
  limit = 100,
) {
  return invoke(world, session, {
    _: "updates.getChannelDifference",
    channel: inputChannel(world, viewerId, key),
    filter: { _: "channelMessagesFilterEmpty" },
    pts,
    limit,
  });
}

Deno.test("supergroup: one box, the channel's own pts, pushed to members with seq 0", async () => {
  const { world, ann, bob, bot, annMain, bobMain, botMain, chat } =
    await chatSetup("supergroup");
  assert(chat.key < -1_000_000_000_000);
  const channelId = bareId(chat.key);
  const [created] = pushedMessages(botMain);
  assert(
    created._ === "messageService" &&
      created.action._ === "messageActionChannelCreate" && created.id === 1,
  );
  const startPts = world.state.channelLogs.pts(chat.key);
  assertStrictEquals(startPts, 2);
  const commonPts = (await invoke(world, botMain, { _: "updates.getState" }))
    .pts;

  const sent = await sendText(
    world,
    annMain,
    chatPeer(world, ann.id, chat.key),
    "hello group",
  );
  const [messageId, newMessage] = sent.updates;
  assert(
    messageId._ === "updateMessageID" &&
      newMessage._ === "updateNewChannelMessage" &&
      newMessage.pts === startPts + 1 && newMessage.ptsCount === 1,
  );
  assertStrictEquals(sent.seq, 0);
  assert(newMessage.message._ === "message" && newMessage.message.out);

  const push = botMain.pushes.at(-1) as tl.RawUpdates;
  assertStrictEquals(push.seq, 0);
  const [botUpdate] = push.updates;
  assert(
    botUpdate._ === "updateNewChannelMessage" &&
      botUpdate.message._ === "message",
  );
  assertStrictEquals(botUpdate.message.id, messageId.id);
  assertStrictEquals(botUpdate.message.out, false);
  assertEquals(botUpdate.message.fromId, { _: "peerUser", userId: ann.id });
  assertEquals(botUpdate.message.peerId, { _: "peerChannel", channelId });
  const [tlChannel] = push.chats;
  assert(tlChannel._ === "channel" && tlChannel.megagroup);
  assert(
    tlChannel.accessHash!.eq(world.state.chats.accessHash(bot.id, chat.key)),
  );
  assert(
    !tlChannel.accessHash!.eq(world.state.chats.accessHash(ann.id, chat.key)),
    "access hashes differ per viewer",
  );
  assertStrictEquals(
    (await invoke(world, botMain, { _: "updates.getState" })).pts,
    commonPts,
    "channel messages leave the common pts alone",
  );

  // the bot replies, edits and deletes its reply
  const reply = await sendText(
    world,
    botMain,
    chatPeer(world, bot.id, chat.key),
    "hi Ann",
    { replyTo: { _: "inputReplyToMessage", replyToMsgId: messageId.id } },
  );
  const replyId = (reply.updates[0] as tl.RawUpdateMessageID).id;
  assertStrictEquals(
    world.state.mailboxes.get(chat.key, replyId)!.replyToId,
    messageId.id,
  );
  const edited = await invoke(world, botMain, {
    _: "messages.editMessage",
    peer: chatPeer(world, bot.id, chat.key),
    id: replyId,
    message: "hi, Ann",
  });
  assert(
    edited._ === "updates" &&
      edited.updates[0]._ === "updateEditChannelMessage",
  );
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "messages.editMessage",
      peer: chatPeer(world, bob.id, chat.key),
      id: replyId,
      message: "mine now",
    })),
    "MESSAGE_AUTHOR_REQUIRED",
  );
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.deleteMessages",
      channel: inputChannel(world, bob.id, chat.key),
      id: [replyId],
    })),
    "MESSAGE_DELETE_FORBIDDEN",
  );
  const affected = await invoke(world, botMain, {
    _: "channels.deleteMessages",
    channel: inputChannel(world, bot.id, chat.key),
    id: [replyId],
  });
  assertEquals([affected.pts, affected.ptsCount], [startPts + 4, 1]);
  const deletion = pushedUpdates(annMain).find((u) =>
    u._ === "updateDeleteChannelMessages"
  );
  assert(deletion?._ === "updateDeleteChannelMessages");
  assertEquals(
    [deletion.channelId, deletion.messages, deletion.pts],
    [channelId, [replyId], startPts + 4],
  );

  // the channel difference replays it all, per viewer
  const diff = await channelDifference(
    world,
    bobMain,
    bob.id,
    chat.key,
    startPts,
  );
  assert(diff._ === "updates.channelDifference" && diff.final);
  assertStrictEquals(diff.pts, startPts + 4);
  assertEquals(diff.newMessages.map((m) => m.id), [messageId.id, replyId]);
  assertEquals(diff.otherUpdates.map((u) => u._), [
    "updateEditChannelMessage",
    "updateDeleteChannelMessages",
  ]);
  assert(diff.chats.some((c) => c.id === channelId));
  const empty = await channelDifference(
    world,
    bobMain,
    bob.id,
    chat.key,
    diff.pts,
  );
  assertStrictEquals(empty._, "updates.channelDifferenceEmpty");
  assertStrictEquals(
    await rpcError(
      channelDifference(world, bobMain, bob.id, chat.key, diff.pts + 5),
    ),
    "PERSISTENT_TIMESTAMP_INVALID",
  );
});

Deno.test("channel difference: slices are not final, a gap beyond the limit is tooLong", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup(
    "supergroup",
    { differenceSliceSize: 2 },
  );
  const from = world.state.channelLogs.pts(chat.key);
  for (const text of ["a", "b", "c"]) {
    await sendText(world, annMain, chatPeer(world, ann.id, chat.key), text);
  }
  const slice = await channelDifference(world, bobMain, bob.id, chat.key, from);
  assert(slice._ === "updates.channelDifference" && !slice.final);
  assertStrictEquals(slice.newMessages.length, 2);
  const rest = await channelDifference(
    world,
    bobMain,
    bob.id,
    chat.key,
    slice.pts,
  );
  assert(rest._ === "updates.channelDifference" && rest.final);
  assertStrictEquals(rest.newMessages.length, 1);

  const tooLong = await channelDifference(
    world,
    bobMain,
    bob.id,
    chat.key,
    from,
    2,
  );
  assert(tooLong._ === "updates.channelDifferenceTooLong");
  assert(tooLong.dialog._ === "dialog");
  assertStrictEquals(tooLong.dialog.pts, from + 3);
  assertStrictEquals(tooLong.dialog.topMessage, 4);
  assertEquals(tooLong.messages.map((m) => m.id), [3, 4]);
});
