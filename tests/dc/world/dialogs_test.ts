/** The chat list: dialogs newest first, the archive folder, inactive channels, and the chats creating and joining add. */
import { Long } from "@mtcute/core";
import { getMarkedPeerId as markedKey } from "@mtcute/core/utils.js";
import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { invoke, userSession } from "./_testing.ts";
import { settingsOf } from "./chat_settings.ts";

Deno.test("getDialogs: newest top message first; an archived chat moves to folder 1 and the main list shows the archive as a pinned dialogFolder", async () => {
  const { world, ann, annMain, chat } = await chatSetup("supergroup");
  const group = await invoke(world, annMain, {
    _: "messages.createChat",
    users: [],
    title: "Later",
  });
  const later = group.updates._ === "updates" ? group.updates.chats[0] : null;
  assert(later?._ === "chat");
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "newest");

  const main = await invoke(world, annMain, {
    _: "messages.getDialogs",
    offsetDate: 0,
    offsetId: 0,
    offsetPeer: { _: "inputPeerEmpty" },
    limit: 10,
    hash: Long.ZERO,
    folderId: 0,
  });
  assert(main._ === "messages.dialogs");
  assertEquals(main.dialogs.map((d) => markedKey(d.peer)), [
    chat.key,
    -later.id,
  ]);
  const [top] = main.messages;
  assert(top._ === "message" && top.message === "newest");

  const moved = await invoke(world, annMain, {
    _: "folders.editPeerFolders",
    folderPeers: [{
      _: "inputFolderPeer",
      peer: chatPeer(world, ann.id, chat.key),
      folderId: 1,
    }],
  });
  assert(moved._ === "updates");
  const [folderUpdate] = moved.updates;
  assert(folderUpdate._ === "updateFolderPeers");
  assertStrictEquals(folderUpdate.ptsCount, 1);

  const list = (folderId: number) =>
    invoke(world, annMain, {
      _: "messages.getDialogs",
      offsetDate: 0,
      offsetId: 0,
      offsetPeer: { _: "inputPeerEmpty" },
      limit: 10,
      hash: Long.ZERO,
      folderId,
    });
  const mainAfter = await list(0);
  assert(mainAfter._ === "messages.dialogs");
  const [archive, rest] = mainAfter.dialogs;
  assert(archive._ === "dialogFolder" && archive.pinned === true);
  assertEquals([archive.folder.id, markedKey(archive.peer)], [1, chat.key]);
  assertEquals(markedKey(rest.peer), -later.id);
  const archived = await list(1);
  assert(archived._ === "messages.dialogs");
  assertEquals(
    archived.dialogs.map((d) =>
      d._ === "dialog" && [markedKey(d.peer), d.folderId]
    ),
    [[chat.key, 1]],
  );
  const full = await invoke(world, annMain, {
    _: "channels.getFullChannel",
    channel: inputChannel(world, ann.id, chat.key),
  });
  assertStrictEquals(full.fullChat.folderId, 1);
  assertStrictEquals(
    await rpcError(invoke(world, annMain, {
      _: "folders.editPeerFolders",
      folderPeers: [{
        _: "inputFolderPeer",
        peer: chatPeer(world, ann.id, chat.key),
        folderId: 7,
      }],
    })),
    "FOLDER_ID_INVALID",
  );
});

Deno.test("getDialogs pages with offset_peer and answers dialogsSlice with the total; bots may not", async () => {
  const { world, ann, annMain, botMain, chat } = await chatSetup("channel");
  for (const title of ["One", "Two", "Three"]) {
    await invoke(world, annMain, {
      _: "messages.createChat",
      users: [],
      title,
    });
  }
  const page = (offsetPeer = { _: "inputPeerEmpty" } as const) =>
    invoke(world, annMain, {
      _: "messages.getDialogs",
      offsetDate: 0,
      offsetId: 0,
      offsetPeer,
      limit: 2,
      hash: Long.ZERO,
    });
  const first = await page();
  assert(first._ === "messages.dialogsSlice");
  assertStrictEquals(first.count, 4);
  const titles = (chats: typeof first.chats) =>
    chats.map((c) => "title" in c ? c.title : "");
  assertEquals(titles(first.chats), ["Three", "Two"]);
  const [, last] = first.dialogs;
  const second = await invoke(world, annMain, {
    _: "messages.getDialogs",
    offsetDate: 0,
    offsetId: 0,
    offsetPeer: {
      _: "inputPeerChat",
      chatId: -markedKey(last.peer),
    },
    limit: 2,
    hash: Long.ZERO,
  });
  assert(second._ === "messages.dialogsSlice");
  assertEquals(titles(second.chats), ["One", chat.title]);
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.getDialogs",
      offsetDate: 0,
      offsetId: 0,
      offsetPeer: { _: "inputPeerEmpty" },
      limit: 2,
      hash: Long.ZERO,
    })),
    "BOT_METHOD_INVALID",
  );
  assert(ann);
});

Deno.test("channels.createChannel makes a supergroup or a channel with its description; getInactiveChannels lists them least active first", async () => {
  const { world, ann, annMain } = await chatSetup("group");
  const created = await invoke(world, annMain, {
    _: "channels.createChannel",
    megagroup: true,
    forum: true,
    title: "Forum",
    about: "Topics here",
  });
  assert(created._ === "updates");
  const [forum] = created.chats;
  assert(forum._ === "channel" && forum.megagroup && forum.forum);
  const chat = world.state.chats.get(markedKey({
    _: "peerChannel",
    channelId: forum.id,
  }))!;
  assertEquals([settingsOf(chat).about, settingsOf(chat).isForum], [
    "Topics here",
    true,
  ]);
  const posted = world.state.mailboxes.chat(chat.key, chat.key);
  assertEquals(posted.map((m) => m.action?._), ["messageActionChannelCreate"]);

  const news = await invoke(world, annMain, {
    _: "channels.createChannel",
    broadcast: true,
    title: "News",
    about: "",
  });
  assert(news._ === "updates");
  // dates are in seconds: the message must come a second after the creations
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await sendText(
    world,
    annMain,
    chatPeer(world, ann.id, chat.key),
    "active here",
  );
  const inactive = await invoke(world, annMain, {
    _: "channels.getInactiveChannels",
  });
  assertEquals(inactive.chats.map((c) => "title" in c && c.title), [
    "News",
    "Forum",
  ]);
  assertStrictEquals(inactive.dates.length, 2);
  assert(inactive.dates[0] < inactive.dates[1]);
  assertStrictEquals(
    await rpcError(invoke(world, annMain, {
      _: "channels.createChannel",
      broadcast: true,
      title: "Long",
      about: "x".repeat(256),
    })),
    "CHAT_ABOUT_TOO_LONG",
  );
});

Deno.test("channels.joinChannel: anyone joins a public channel (as chatInviteJoinResultOk), nobody a private one; leaveChannel leaves it", async () => {
  const { world, chat: publicChat } = await chatSetup("supergroup", {
    username: "open_lounge",
  });
  const carol = world.state.accounts.createUser({
    phone: "15550199",
    firstName: "Carol",
  });
  const carolMain = userSession(carol.id);
  const joined = await invoke(world, carolMain, {
    _: "channels.joinChannel",
    channel: inputChannel(world, carol.id, publicChat.key),
  });
  assert(joined._ === "messages.chatInviteJoinResultOk");
  assert(publicChat.members.has(carol.id));
  await invoke(world, carolMain, {
    _: "channels.leaveChannel",
    channel: inputChannel(world, carol.id, publicChat.key),
  });
  assert(!publicChat.members.has(carol.id));

  const { world: other, chat: privateChat } = await chatSetup("channel");
  const dave = other.state.accounts.createUser({
    phone: "15550198",
    firstName: "Dave",
  });
  assertStrictEquals(
    await rpcError(invoke(other, userSession(dave.id), {
      _: "channels.joinChannel",
      channel: inputChannel(other, dave.id, privateChat.key),
    })),
    "CHANNEL_PRIVATE",
  );
});
