/** The extra chat settings as the world answers them: toggles and links shown in `channelFull`, pins, peer settings, onlines, send-as. */
import { assert, assertEquals } from "../../assert.ts";
import { chatSetup, inputChannel, rpcError } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";
import { createChat } from "./chat_creation.ts";
import { bareId } from "./peer_keys.ts";
import type { World } from "./world.ts";
import type { FakeSession } from "./_testing.ts";

/** The `channelFull` of `key` as the session's account sees it. */
async function fullOf(world: World, session: FakeSession, key: number) {
  const viewer = session.accountId!;
  const result = await invoke(world, session, {
    _: "channels.getFullChannel",
    channel: inputChannel(world, viewer, key),
  });
  assert(result.fullChat._ === "channelFull");
  return { full: result.fullChat, chat: result.chats[0] };
}

Deno.test("world: supergroup toggles show in channelFull and refuse repeats and non-admins", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup(
    "supergroup",
  );
  const channel = inputChannel(world, ann.id, chat.key);
  await invoke(world, annMain, {
    _: "channels.toggleAntiSpam",
    channel,
    enabled: true,
  });
  await invoke(world, annMain, {
    _: "channels.togglePreHistoryHidden",
    channel,
    enabled: true,
  });
  await invoke(world, annMain, {
    _: "channels.toggleParticipantsHidden",
    channel,
    enabled: true,
  });
  const { full } = await fullOf(world, annMain, chat.key);
  assertEquals(
    [full.antispam, full.hiddenPrehistory, full.participantsHidden],
    [true, true, true],
  );
  assertEquals(
    await rpcError(
      invoke(world, annMain, {
        _: "channels.toggleAntiSpam",
        channel,
        enabled: true,
      }),
    ),
    "CHAT_NOT_MODIFIED",
  );
  assertEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.toggleParticipantsHidden",
      channel: inputChannel(world, bob.id, chat.key),
      enabled: false,
    })),
    "CHAT_ADMIN_REQUIRED",
  );
});

Deno.test("world: setDiscussionGroup links both ways, shows has_link and linked_chat_id, and guards the history", async () => {
  const { world, ann, annMain, chat: group } = await chatSetup("supergroup");
  const broadcast = createChat(
    { state: world.state, sessions: world.sessions },
    {
      type: "channel",
      title: "News",
      creatorId: ann.id,
      memberIds: [],
    },
  );
  const suggested = await invoke(world, annMain, {
    _: "channels.getGroupsForDiscussion",
  });
  assertEquals(suggested.chats.map((c) => c.id), [bareId(group.key)]);
  assertEquals(
    await invoke(world, annMain, {
      _: "channels.setDiscussionGroup",
      broadcast: inputChannel(world, ann.id, broadcast.key),
      group: inputChannel(world, ann.id, group.key),
    }),
    true,
  );
  const channelView = await fullOf(world, annMain, broadcast.key);
  const groupView = await fullOf(world, annMain, group.key);
  assertEquals(channelView.full.linkedChatId, bareId(group.key));
  assertEquals(groupView.full.linkedChatId, bareId(broadcast.key));
  assert(channelView.chat._ === "channel" && channelView.chat.hasLink);
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "channels.togglePreHistoryHidden",
      channel: inputChannel(world, ann.id, group.key),
      enabled: true,
    })),
    "CHAT_LINK_EXISTS",
  );
  await invoke(world, annMain, {
    _: "channels.setDiscussionGroup",
    broadcast: inputChannel(world, ann.id, broadcast.key),
    group: { _: "inputChannelEmpty" },
  });
  assertEquals(
    (await fullOf(world, annMain, group.key)).full.linkedChatId,
    undefined,
  );
});

Deno.test("world: pinned dialogs, peer settings, onlines and the default send-as peer", async () => {
  const { world, ann, bob, annMain, chat } = await chatSetup("group");
  const peer = { _: "inputPeerChat" as const, chatId: bareId(chat.key) };
  await invoke(world, annMain, {
    _: "messages.toggleDialogPin",
    peer: { _: "inputDialogPeer", peer },
    pinned: true,
  });
  const pinned = await invoke(world, annMain, {
    _: "messages.getPinnedDialogs",
    folderId: 0,
  });
  assertEquals(pinned.dialogs.map((d) => [d.peer, d.pinned]), [[
    { _: "peerChat", chatId: bareId(chat.key) },
    true,
  ]]);
  const settings = await invoke(world, annMain, {
    _: "messages.getPeerSettings",
    peer: {
      _: "inputPeerUser",
      userId: bob.id,
      accessHash: world.state.accounts.accessHash(ann.id, bob.id),
    },
  });
  assertEquals(settings.settings, {
    _: "peerSettings",
    reportSpam: true,
    addContact: true,
    blockContact: true,
  });
  await invoke(world, annMain, { _: "account.updateStatus", offline: false });
  assertEquals(
    await invoke(world, annMain, { _: "messages.getOnlines", peer }),
    { _: "chatOnlines", onlines: 1 },
  );
  assertEquals(
    await rpcError(
      invoke(world, annMain, {
        _: "messages.saveDefaultSendAs",
        peer,
        sendAs: { _: "inputPeerSelf" },
      }),
    ),
    "PEER_ID_INVALID",
  );
});
