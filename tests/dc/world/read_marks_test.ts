import type { tl } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import { botChatSetup, randomId } from "./_bots_testing.ts";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { inputPeer, invoke, userSession } from "./_testing.ts";
import { bareId } from "./peer_keys.ts";

/** The id of the newest message of the chat `peerKey` in `ownerId`'s box (the channel's for channels). */
function newestId(
  world: Awaited<ReturnType<typeof chatSetup>>["world"],
  ownerId: number,
  peerKey: number,
): number {
  return world.state.mailboxes.chat(ownerId, peerKey).at(-1)!.id;
}

Deno.test("channels.readHistory moves the reader's mark and tells the sender of a supergroup message", async () => {
  const { world, ann, bob, bobMain, chat } = await chatSetup("supergroup");
  const annOther = userSession(ann.id);
  await invoke(world, annOther, { _: "updates.getState" });
  const annMain = userSession(ann.id);
  await sendText(world, bobMain, chatPeer(world, bob.id, chat.key), "hi all");
  const id = newestId(world, chat.key, chat.key);
  assertEquals(world.state.mailboxes.unreadCount(ann.id, chat.key), 1);

  assertEquals(
    await invoke(world, annMain, {
      _: "channels.readHistory",
      channel: inputChannel(world, ann.id, chat.key),
      maxId: 0,
    }),
    true,
  );
  assertEquals(world.state.mailboxes.readMark(ann.id, chat.key), id);
  assertEquals(world.state.mailboxes.unreadCount(ann.id, chat.key), 0);
  const inbox = pushedUpdates(annOther).find((u) =>
    u._ === "updateReadChannelInbox"
  );
  assert(inbox?._ === "updateReadChannelInbox");
  assertEquals([inbox.channelId, inbox.maxId, inbox.stillUnreadCount], [
    bareId(chat.key),
    id,
    0,
  ]);
  const outbox = pushedUpdates(bobMain).find((u) =>
    u._ === "updateReadChannelOutbox"
  );
  assert(outbox?._ === "updateReadChannelOutbox");
  assertEquals(outbox.maxId, id);

  // Bob sees who read his message; Ann may not ask about his
  const readers = await invoke(world, bobMain, {
    _: "messages.getMessageReadParticipants",
    peer: chatPeer(world, bob.id, chat.key),
    msgId: id,
  });
  assertEquals(readers.map((r) => r.userId), [ann.id]);
  assertEquals(
    readers[0].date,
    world.state.mailboxes.readDate(ann.id, chat.key, id),
  );
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "messages.getMessageReadParticipants",
      peer: chatPeer(world, ann.id, chat.key),
      msgId: id,
    })),
    "MSG_ID_INVALID",
  );
});

Deno.test("read participants of a basic group come from each member's own copy", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup("group");
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "read me");
  const annId = newestId(world, ann.id, chat.key);
  const peer = chatPeer(world, ann.id, chat.key);
  const ask = () =>
    invoke(world, annMain, {
      _: "messages.getMessageReadParticipants",
      peer,
      msgId: annId,
    });
  assertEquals(await ask(), []);
  await invoke(world, bobMain, {
    _: "messages.readHistory",
    peer: chatPeer(world, bob.id, chat.key),
    maxId: 0,
  });
  const [reader] = await ask();
  assertEquals(reader.userId, bob.id);
});

Deno.test("getOutboxReadDate: the peer's read date of one's own private message", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup("group");
  const bobPeer = inputPeer(world, ann.id, bob.id);
  await sendText(world, annMain, bobPeer, "did you read this?");
  const id = newestId(world, ann.id, bob.id);
  const ask = (msgId: number, peer: tl.TypeInputPeer = bobPeer) =>
    invoke(world, annMain, { _: "messages.getOutboxReadDate", peer, msgId });
  assertEquals(await rpcError(ask(id)), "MESSAGE_NOT_READ_YET");
  await invoke(world, bobMain, {
    _: "messages.readHistory",
    peer: inputPeer(world, bob.id, ann.id),
    maxId: 0,
  });
  const { date } = await ask(id);
  assertEquals(
    date,
    world.state.mailboxes.readDate(
      bob.id,
      ann.id,
      newestId(world, bob.id, ann.id),
    ),
  );
  await sendText(world, bobMain, inputPeer(world, bob.id, ann.id), "yes");
  assertEquals(
    await rpcError(ask(newestId(world, ann.id, bob.id))),
    "MESSAGE_ID_INVALID",
  );
  assertEquals(
    await rpcError(ask(id, chatPeer(world, ann.id, chat.key))),
    "PEER_ID_INVALID",
  );
});

Deno.test("markDialogUnread sets and clears the mark; other sessions hear of it", async () => {
  const { world, user, bot, botPeer, userMain } = await botChatSetup();
  const other = userSession(user.id);
  await invoke(world, other, { _: "updates.getState" });
  const mark = (unread: boolean) =>
    invoke(world, userMain, {
      _: "messages.markDialogUnread",
      peer: { _: "inputDialogPeer", peer: botPeer },
      unread,
    });
  assertEquals(await mark(true), true);
  const marks = await invoke(world, userMain, {
    _: "messages.getDialogUnreadMarks",
  });
  assertEquals(marks, [{
    _: "dialogPeer",
    peer: { _: "peerUser", userId: bot.id },
  }]);
  const [pushed] = pushedUpdates(other);
  assert(pushed._ === "updateDialogUnreadMark");
  assertEquals(pushed.unread, true);
  await mark(false);
  assertEquals(world.state.unreadMarks.has(user.id, bot.id), false);
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.markDialogUnread",
      peer: { _: "inputDialogPeerFolder", folderId: 1 },
      unread: true,
    })),
    "PEER_ID_INVALID",
  );
});

Deno.test("getMessagesViews counts each viewer of a post once, and forwards of it", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup(
    "channel",
  );
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "post");
  const id = newestId(world, chat.key, chat.key);
  const views = (
    session: typeof annMain,
    viewerId: number,
    peer = chatPeer(world, viewerId, chat.key),
    msgId = id,
    increment = true,
  ) =>
    invoke(world, session, {
      _: "messages.getMessagesViews",
      peer,
      id: [msgId],
      increment,
    });
  await views(bobMain, bob.id);
  await views(bobMain, bob.id);
  const [seen] = (await views(annMain, ann.id)).views;
  assertEquals([seen.views, seen.forwards], [2, 0]);

  // a forward shows the original post's counters
  await invoke(world, bobMain, {
    _: "messages.forwardMessages",
    fromPeer: chatPeer(world, bob.id, chat.key),
    toPeer: inputPeer(world, bob.id, ann.id),
    id: [id],
    randomId: [randomId()],
  });
  const forwardId = newestId(world, bob.id, ann.id);
  const [viaForward] = (await views(
    bobMain,
    bob.id,
    inputPeer(world, bob.id, ann.id),
    forwardId,
    false,
  )).views;
  assertEquals([viaForward.views, viaForward.forwards], [2, 1]);
});

Deno.test("supergroup and private messages have no view counters", async () => {
  const { world, ann, annMain, chat } = await chatSetup("supergroup");
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "chat");
  const result = await invoke(world, annMain, {
    _: "messages.getMessagesViews",
    peer: chatPeer(world, ann.id, chat.key),
    id: [newestId(world, chat.key, chat.key), 999],
    increment: true,
  });
  assertEquals(result.views, [{ _: "messageViews" }, { _: "messageViews" }]);
});
