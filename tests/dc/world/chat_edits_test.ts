/** Changing chats as admins do: title and photo with their service messages, the silent settings, who may, and deleting chats. */
import type { tl } from "@mtcute/core";
import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { pngHeader, uploaded } from "./_bots_testing.ts";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  pushedMessages,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";
import { settingsOf } from "./chat_settings.ts";
import { bareId } from "./peer_keys.ts";

Deno.test("editChatTitle: every member's box gets messageActionChatEditTitle; the same or an empty title is refused", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup("group");
  const result = await invoke(world, annMain, {
    _: "messages.editChatTitle",
    chatId: bareId(chat.key),
    title: "  Renamed  ",
  });
  assertStrictEquals(chat.title, "Renamed");
  assert(result._ === "updates");
  const [tlChat] = result.chats;
  assert(tlChat._ === "chat" && tlChat.title === "Renamed");
  for (const member of [ann, bob]) {
    const last = world.state.mailboxes.chat(member.id, chat.key).at(-1)!;
    assertEquals(last.action, {
      _: "messageActionChatEditTitle",
      title: "Renamed",
    });
  }
  const [, pushed] = pushedMessages(bobMain);
  assert(pushed._ === "messageService");
  assertEquals(pushed.action._, "messageActionChatEditTitle");
  for (
    const [title, error] of [["Renamed", "CHAT_NOT_MODIFIED"], [
      " ",
      "CHAT_TITLE_EMPTY",
    ]]
  ) {
    assertStrictEquals(
      await rpcError(invoke(world, annMain, {
        _: "messages.editChatTitle",
        chatId: bareId(chat.key),
        title,
      })),
      error,
    );
  }
});

Deno.test("channels.editTitle: a broadcast channel's subscribers may not, its creator may (the post is a service message)", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup(
    "channel",
  );
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.editTitle",
      channel: inputChannel(world, bob.id, chat.key),
      title: "Mine",
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  await invoke(world, annMain, {
    _: "channels.editTitle",
    channel: inputChannel(world, ann.id, chat.key),
    title: "News",
  });
  const last = world.state.mailboxes.chat(chat.key, chat.key).at(-1)!;
  assertEquals([last.action, last.post], [
    { _: "messageActionChatEditTitle", title: "News" },
    true,
  ]);
});

Deno.test("editPhoto: an upload becomes the chat photo with Telegram's profile sizes; deleting it posts messageActionChatDeletePhoto", async () => {
  const { world, ann, annMain, chat } = await chatSetup("supergroup");
  const channel = inputChannel(world, ann.id, chat.key);
  const small = await uploaded(world, annMain, pngHeader(100, 100), "s.png");
  assertStrictEquals(
    await rpcError(invoke(world, annMain, {
      _: "channels.editPhoto",
      channel,
      photo: { _: "inputChatUploadedPhoto", file: small },
    })),
    "PHOTO_CROP_SIZE_SMALL",
  );
  const file = await uploaded(world, annMain, pngHeader(800, 600), "p.png");
  const result = await invoke(world, annMain, {
    _: "channels.editPhoto",
    channel,
    photo: { _: "inputChatUploadedPhoto", file },
  });
  const photo = settingsOf(chat).photo!;
  assertEquals(
    photo.tl.sizes.map((size) => size._ === "photoSize" && [size.type, size.w]),
    [["a", 160], ["b", 320], ["c", 600]],
  );
  assert(result._ === "updates");
  const tlChannel = result.chats.find((c) => c.id === chat.id);
  assert(tlChannel?._ === "channel" && tlChannel.photo._ === "chatPhoto");
  assert(tlChannel.photo.photoId.eq(photo.id));
  const full = await invoke(world, annMain, {
    _: "channels.getFullChannel",
    channel,
  });
  assert(full.fullChat._ === "channelFull");
  assert(full.fullChat.chatPhoto._ === "photo");
  assert(full.fullChat.chatPhoto.id.eq(photo.id));
  const posted = world.state.mailboxes.chat(chat.key, chat.key).at(-1)!;
  assertEquals(posted.action?._, "messageActionChatEditPhoto");

  await invoke(world, annMain, {
    _: "channels.editPhoto",
    channel,
    photo: { _: "inputChatPhotoEmpty" },
  });
  assertStrictEquals(settingsOf(chat).photo, undefined);
  assertEquals(
    world.state.mailboxes.chat(chat.key, chat.key).at(-1)!.action,
    { _: "messageActionChatDeletePhoto" },
  );
  assertStrictEquals(
    await rpcError(invoke(world, annMain, {
      _: "channels.editPhoto",
      channel,
      photo: { _: "inputChatPhotoEmpty" },
    })),
    "CHAT_NOT_MODIFIED",
  );
});

Deno.test("editChatAbout: the full chat's about; the same text and 256 characters are refused, private chats too", async () => {
  const { world, ann, bob, annMain, chat } = await chatSetup("group");
  const peer = chatPeer(world, ann.id, chat.key);
  assertStrictEquals(
    await invoke(world, annMain, {
      _: "messages.editChatAbout",
      peer,
      about: "All about it",
    }),
    true,
  );
  const full = await invoke(world, annMain, {
    _: "messages.getFullChat",
    chatId: bareId(chat.key),
  });
  assertStrictEquals(full.fullChat.about, "All about it");
  const refusals: [tl.TypeInputPeer, string, string][] = [
    [peer, "All about it", "CHAT_ABOUT_NOT_MODIFIED"],
    [peer, "x".repeat(256), "CHAT_ABOUT_TOO_LONG"],
    [
      {
        _: "inputPeerUser",
        userId: bob.id,
        accessHash: world.state.accounts.accessHash(ann.id, bob.id),
      },
      "hi",
      "PEER_ID_INVALID",
    ],
  ];
  for (const [target, about, error] of refusals) {
    assertStrictEquals(
      await rpcError(invoke(world, annMain, {
        _: "messages.editChatAbout",
        peer: target,
        about,
      })),
      error,
    );
  }
});

Deno.test("toggleSlowMode: supergroup admins with ban_users pick one of Telegram's delays; members learn it from updateChannel", async () => {
  const { world, ann, bob, annMain, bobMain, botMain, chat } = await chatSetup(
    "supergroup",
  );
  const channel = inputChannel(world, ann.id, chat.key);
  await invoke(world, annMain, {
    _: "channels.toggleSlowMode",
    channel,
    seconds: 30,
  });
  assertStrictEquals(settingsOf(chat).slowModeSeconds, 30);
  const update = pushedUpdates(bobMain).find((u) => u._ === "updateChannel");
  assertEquals(update, { _: "updateChannel", channelId: chat.id });
  const full = await invoke(world, bobMain, {
    _: "channels.getFullChannel",
    channel: inputChannel(world, bob.id, chat.key),
  });
  assert(full.fullChat._ === "channelFull");
  assertStrictEquals(full.fullChat.slowmodeSeconds, 30);
  const [tlChannel] = full.chats;
  assert(tlChannel._ === "channel" && tlChannel.slowmodeEnabled === true);
  // members who are not admins send one message per delay, the creator as it likes
  await sendText(world, bobMain, chatPeer(world, bob.id, chat.key), "one");
  const held = await rpcError(
    sendText(world, bobMain, chatPeer(world, bob.id, chat.key), "two"),
  );
  assert(/^SLOWMODE_WAIT_(30|29)$/.test(held), held);
  for (const text of ["a", "b"]) {
    await sendText(world, annMain, chatPeer(world, ann.id, chat.key), text);
  }
  const refusals: [typeof annMain, number, string][] = [
    [annMain, 30, "CHAT_NOT_MODIFIED"],
    [annMain, 42, "SECONDS_INVALID"],
    [bobMain, 60, "CHAT_ADMIN_REQUIRED"],
    [botMain, 60, "BOT_METHOD_INVALID"],
  ];
  for (const [session, seconds, error] of refusals) {
    assertStrictEquals(
      await rpcError(invoke(world, session, {
        _: "channels.toggleSlowMode",
        channel: inputChannel(world, session.accountId!, chat.key),
        seconds,
      })),
      error,
    );
  }
});

Deno.test("signatures, content protection and boosts: each in its kind of chat, shown on the chat object and the full chat", async () => {
  const channelSetup = await chatSetup("channel");
  const { world, ann, annMain, chat } = channelSetup;
  await invoke(world, annMain, {
    _: "channels.toggleSignatures",
    channel: inputChannel(world, ann.id, chat.key),
    signaturesEnabled: true,
    profilesEnabled: true,
  });
  const protectedResult = await invoke(world, annMain, {
    _: "messages.toggleNoForwards",
    peer: chatPeer(world, ann.id, chat.key),
    enabled: true,
  });
  assert(protectedResult._ === "updates");
  const [tlChannel] = protectedResult.chats;
  assert(tlChannel._ === "channel");
  assertEquals(
    [tlChannel.signatures, tlChannel.signatureProfiles, tlChannel.noforwards],
    [true, true, true],
  );
  assertStrictEquals(
    await rpcError(invoke(world, annMain, {
      _: "channels.setBoostsToUnblockRestrictions",
      channel: inputChannel(world, ann.id, chat.key),
      boosts: 2,
    })),
    "CHANNEL_INVALID",
  );

  const group = await chatSetup("supergroup");
  const channel = inputChannel(group.world, group.ann.id, group.chat.key);
  assertStrictEquals(
    await rpcError(invoke(group.world, group.annMain, {
      _: "channels.toggleSignatures",
      channel,
      signaturesEnabled: true,
    })),
    "CHANNEL_INVALID",
  );
  assertStrictEquals(
    await rpcError(invoke(group.world, group.bobMain, {
      _: "messages.toggleNoForwards",
      peer: chatPeer(group.world, group.bob.id, group.chat.key),
      enabled: true,
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  await invoke(group.world, group.annMain, {
    _: "channels.setBoostsToUnblockRestrictions",
    channel,
    boosts: 3,
  });
  const full = await invoke(group.world, group.annMain, {
    _: "channels.getFullChannel",
    channel,
  });
  assert(full.fullChat._ === "channelFull");
  assertStrictEquals(full.fullChat.boostsUnrestrict, 3);
});

Deno.test("deleteChannel: only the creator; members get updateChannel with channelForbidden and the channel is gone", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup(
    "supergroup",
  );
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.deleteChannel",
      channel: inputChannel(world, bob.id, chat.key),
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  const result = await invoke(world, annMain, {
    _: "channels.deleteChannel",
    channel: inputChannel(world, ann.id, chat.key),
  });
  assert(result._ === "updates");
  assertEquals(result.chats[0]._, "channelForbidden");
  assertStrictEquals(world.state.chats.get(chat.key), undefined);
  const pushed = bobMain.pushes.at(-1);
  assert(pushed?._ === "updates");
  assertEquals(pushed.updates, [{ _: "updateChannel", channelId: chat.id }]);
  assertEquals(pushed.chats[0]._, "channelForbidden");
});

Deno.test("messages.deleteChat: the creator deletes a basic group and every member's copies of its messages", async () => {
  const { world, bob, annMain, bobMain, chat } = await chatSetup("group");
  assertStrictEquals(
    await invoke(world, annMain, {
      _: "messages.deleteChat",
      chatId: bareId(chat.key),
    }),
    true,
  );
  assertEquals(world.state.mailboxes.chat(bob.id, chat.key), []);
  assert(
    pushedUpdates(bobMain).some((update) =>
      update._ === "updateDeleteMessages"
    ),
  );
  assertStrictEquals(
    await rpcError(invoke(world, annMain, {
      _: "messages.getFullChat",
      chatId: bareId(chat.key),
    })),
    "CHAT_ID_INVALID",
  );
});
