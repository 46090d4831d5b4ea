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
import { type FakeSession, invoke, userSession } from "./_testing.ts";
import type { Chat } from "./chats.ts";
import { inForce, memberStatus, normalizedUntil } from "./members_view.ts";
import { bareId } from "./peer_keys.ts";
import type { World } from "./world.ts";

const NO_RIGHTS: tl.RawChatBannedRights = {
  _: "chatBannedRights",
  untilDate: 0,
};
const ALL_ADMIN_RIGHTS: tl.RawChatAdminRights = {
  _: "chatAdminRights",
  changeInfo: true,
  deleteMessages: true,
  banUsers: true,
  inviteUsers: true,
  pinMessages: true,
  addAdmins: true,
  manageCall: true,
  other: true,
};

function inputUser(
  world: World,
  viewerId: number,
  userId: number,
): tl.RawInputUser {
  return {
    _: "inputUser",
    userId,
    accessHash: world.state.accounts.accessHash(viewerId, userId),
  };
}

function inputUserPeer(
  world: World,
  viewerId: number,
  userId: number,
): tl.RawInputPeerUser {
  return { ...inputUser(world, viewerId, userId), _: "inputPeerUser" };
}

/** `channels.editAdmin` as `session` (logged in as `actorId`). */
function promote(
  world: World,
  session: FakeSession,
  chat: Chat,
  actorId: number,
  userId: number,
  rights: tl.RawChatAdminRights = ALL_ADMIN_RIGHTS,
  rank?: string,
) {
  return invoke(world, session, {
    _: "channels.editAdmin",
    channel: inputChannel(world, actorId, chat.key),
    userId: inputUser(world, actorId, userId),
    adminRights: rights,
    rank,
  });
}

/** `channels.editBanned` as `session` (logged in as `actorId`). */
function editBanned(
  world: World,
  session: FakeSession,
  chat: Chat,
  actorId: number,
  userId: number,
  rights: Partial<tl.RawChatBannedRights>,
) {
  return invoke(world, session, {
    _: "channels.editBanned",
    channel: inputChannel(world, actorId, chat.key),
    participant: inputUserPeer(world, actorId, userId),
    bannedRights: { ...NO_RIGHTS, ...rights },
  });
}

function participantUpdates(session: FakeSession) {
  return pushedUpdates(session).filter((u) =>
    u._ === "updateChannelParticipant" || u._ === "updateChatParticipant"
  ) as (tl.RawUpdateChannelParticipant | tl.RawUpdateChatParticipant)[];
}

const kinds = (update: tl.RawUpdateChannelParticipant) => [
  update.userId,
  update.prevParticipant?._,
  update.newParticipant?._,
];

Deno.test("a supergroup's creator promotes the bot: the bot's own participant update, its real rights and title", async () => {
  const { world, ann, bot, annMain, botMain, chat } = await chatSetup(
    "supergroup",
  );
  await promote(world, annMain, chat, ann.id, bot.id, {
    _: "chatAdminRights",
    banUsers: true,
    deleteMessages: true,
  }, "Guard");
  const [update] = participantUpdates(botMain);
  assert(update._ === "updateChannelParticipant");
  assertEquals([update.actorId, ...kinds(update)], [
    ann.id,
    bot.id,
    "channelParticipantSelf",
    "channelParticipantAdmin",
  ]);
  assert(update.newParticipant?._ === "channelParticipantAdmin");
  assertEquals(
    [update.newParticipant.rank, update.newParticipant.promotedBy],
    ["Guard", ann.id],
  );
  assertEquals(update.newParticipant.adminRights, {
    _: "chatAdminRights",
    banUsers: true,
    deleteMessages: true,
  });
  assert(update.qts >= 2);
  assertStrictEquals(memberStatus(chat, bot.id), "administrator");
  const channel = (botMain.pushes.at(-1) as tl.RawUpdates).chats[0];
  assert(channel._ === "channel" && channel.adminRights?.banUsers);
  // without add_admins the bot appoints nobody
  assertStrictEquals(
    await rpcError(promote(world, botMain, chat, bot.id, ann.id)),
    "CHAT_ADMIN_REQUIRED",
  );
});

Deno.test("an admin bot bans a member: removed with a service message, barred, listed as kicked, and unbanned to left", async () => {
  const { world, ann, bob, bot, annMain, bobMain, botMain, chat } =
    await chatSetup("supergroup");
  await promote(world, annMain, chat, ann.id, bot.id);
  const result = await editBanned(world, botMain, chat, bot.id, bob.id, {
    viewMessages: true,
    sendMessages: true,
  });
  assert(result._ === "updates");
  assert(result.updates.some((u) => u._ === "updateChannel"));
  assertStrictEquals(memberStatus(chat, bob.id), "banned");
  const [, removal] = pushedMessages(annMain).slice(-2);
  assert(removal._ === "messageService");
  assertEquals(removal.action, {
    _: "messageActionChatDeleteUser",
    userId: bob.id,
  });
  const ban = participantUpdates(botMain).at(-1)!;
  assert(ban._ === "updateChannelParticipant");
  assertEquals([ban.actorId, ...kinds(ban)], [
    bot.id,
    bob.id,
    "channelParticipant",
    "channelParticipantBanned",
  ]);
  // Bob is told, and now sees the channel as forbidden
  const told = bobMain.pushes.at(-1) as tl.RawUpdates;
  assertEquals(told.updates, [{ _: "updateChannel", channelId: chat.id }]);
  assertStrictEquals(told.chats[0]._, "channelForbidden");
  assertStrictEquals(
    await rpcError(
      sendText(world, bobMain, chatPeer(world, bob.id, chat.key), "hi"),
    ),
    "CHANNEL_PRIVATE",
  );
  const kicked = await invoke(world, botMain, {
    _: "channels.getParticipants",
    channel: inputChannel(world, bot.id, chat.key),
    filter: { _: "channelParticipantsKicked", q: "" },
    offset: 0,
    limit: 10,
    hash: Long.ZERO,
  });
  assert(kicked._ === "channels.channelParticipants");
  assertEquals(
    kicked.participants.map((p) =>
      p._ === "channelParticipantBanned" ? [p.left, p.kickedBy] : p._
    ),
    [[true, bot.id]],
  );
  // a member may not add a banned user back; unbanning makes Bob "left"
  const carol = world.state.accounts.createUser({
    phone: "15550102",
    firstName: "Carol",
  });
  await invoke(world, annMain, {
    _: "channels.inviteToChannel",
    channel: inputChannel(world, ann.id, chat.key),
    users: [inputUser(world, ann.id, carol.id)],
  });
  assertStrictEquals(
    await rpcError(invoke(world, userSession(carol.id), {
      _: "channels.inviteToChannel",
      channel: inputChannel(world, carol.id, chat.key),
      users: [inputUser(world, carol.id, bob.id)],
    })),
    "USER_KICKED",
  );
  await editBanned(world, botMain, chat, bot.id, bob.id, {});
  assertStrictEquals(memberStatus(chat, bob.id), undefined);
  const unban = participantUpdates(botMain).at(-1)!;
  assert(unban._ === "updateChannelParticipant");
  assertEquals(kinds(unban), [
    bob.id,
    "channelParticipantBanned",
    "channelParticipantLeft",
  ]);
  // the creator, who may ban, adds a banned user back as a plain member
  await editBanned(world, botMain, chat, bot.id, bob.id, {
    viewMessages: true,
  });
  await invoke(world, annMain, {
    _: "channels.inviteToChannel",
    channel: inputChannel(world, ann.id, chat.key),
    users: [inputUser(world, ann.id, bob.id)],
  });
  assertStrictEquals(memberStatus(chat, bob.id), "member");
});

Deno.test("a restricted member stays, sees its banned rights and may not send what they forbid", async () => {
  const { world, ann, bob, annMain, bobMain, botMain, chat } = await chatSetup(
    "supergroup",
  );
  const peer = chatPeer(world, bob.id, chat.key);
  await editBanned(world, annMain, chat, ann.id, bob.id, { sendPlain: true });
  assertStrictEquals(memberStatus(chat, bob.id), "restricted");
  assertStrictEquals(
    await rpcError(sendText(world, bobMain, peer, "hello")),
    "CHAT_SEND_PLAIN_FORBIDDEN",
  );
  const own = await invoke(world, bobMain, {
    _: "channels.getParticipant",
    channel: inputChannel(world, bob.id, chat.key),
    participant: { _: "inputPeerSelf" },
  });
  assert(own.participant._ === "channelParticipantBanned");
  assertEquals([own.participant.left, own.participant.bannedRights.sendPlain], [
    undefined,
    true,
  ]);
  const channel = (bobMain.pushes.at(-1) as tl.RawUpdates).chats[0];
  assert(channel._ === "channel" && channel.bannedRights?.sendPlain);
  // the bot is no admin here: it hears nothing of it
  assertEquals(participantUpdates(botMain), []);
  await editBanned(world, annMain, chat, ann.id, bob.id, {});
  await sendText(world, bobMain, peer, "hello again");
  assertStrictEquals(memberStatus(chat, bob.id), "member");
  // a restriction set on a non-member applies once it joins
  const carol = world.state.accounts.createUser({
    phone: "15550102",
    firstName: "Carol",
  });
  await editBanned(world, annMain, chat, ann.id, carol.id, { sendMedia: true });
  assertStrictEquals(memberStatus(chat, carol.id), undefined);
  await invoke(world, annMain, {
    _: "channels.inviteToChannel",
    channel: inputChannel(world, ann.id, chat.key),
    users: [inputUser(world, ann.id, carol.id)],
  });
  assertStrictEquals(memberStatus(chat, carol.id), "restricted");
});

Deno.test("admin rules: creator and admins cannot be banned, rights are capped by the promoter's, titles are short", async () => {
  const { world, ann, bob, bot, annMain, bobMain, botMain, chat } =
    await chatSetup("supergroup");
  assertStrictEquals(
    await rpcError(editBanned(world, bobMain, chat, bob.id, bot.id, {
      viewMessages: true,
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  await promote(world, annMain, chat, ann.id, bot.id, {
    _: "chatAdminRights",
    addAdmins: true,
    inviteUsers: true,
  });
  assertStrictEquals(
    await rpcError(editBanned(world, annMain, chat, ann.id, bot.id, {
      viewMessages: true,
    })),
    "USER_ADMIN_INVALID",
  );
  assertStrictEquals(
    await rpcError(promote(world, botMain, chat, bot.id, bob.id)),
    "RIGHT_FORBIDDEN",
  );
  assertStrictEquals(
    await rpcError(
      promote(
        world,
        annMain,
        chat,
        ann.id,
        bob.id,
        ALL_ADMIN_RIGHTS,
        "x".repeat(17),
      ),
    ),
    "ADMIN_RANK_INVALID",
  );
  await promote(world, botMain, chat, bot.id, bob.id, {
    _: "chatAdminRights",
    inviteUsers: true,
  });
  assertStrictEquals(memberStatus(chat, bob.id), "administrator");
  // the bot promoted Bob, so the bot may dismiss him
  await promote(world, botMain, chat, bot.id, bob.id, {
    _: "chatAdminRights",
  });
  assertStrictEquals(memberStatus(chat, bob.id), "member");
  const admins = await invoke(world, bobMain, {
    _: "channels.getParticipants",
    channel: inputChannel(world, bob.id, chat.key),
    filter: { _: "channelParticipantsAdmins" },
    offset: 0,
    limit: 10,
    hash: Long.ZERO,
  });
  assert(admins._ === "channels.channelParticipants");
  assertEquals(admins.participants.map((p) => p._), [
    "channelParticipantCreator",
    "channelParticipantAdmin",
  ]);
  // the bot admin heard of both changes to Bob
  assertEquals(
    participantUpdates(botMain).slice(-2).map((u) =>
      kinds(u as tl.RawUpdateChannelParticipant)
    ),
    [
      [bob.id, "channelParticipant", "channelParticipantAdmin"],
      [bob.id, "channelParticipantAdmin", "channelParticipant"],
    ],
  );
});

Deno.test("inviting to a supergroup posts messageActionChatAddUser; bots go into broadcast channels only as admins", async () => {
  const { world, ann, bot, annMain, botMain, chat } = await chatSetup(
    "supergroup",
  );
  await promote(world, annMain, chat, ann.id, bot.id);
  const carol = world.state.accounts.createUser({
    phone: "15550102",
    firstName: "Carol",
  });
  const invited = await invoke(world, annMain, {
    _: "channels.inviteToChannel",
    channel: inputChannel(world, ann.id, chat.key),
    users: [inputUser(world, ann.id, carol.id)],
  });
  assertEquals(invited.missingInvitees, []);
  const [message] = pushedMessages(botMain).slice(-1);
  assert(message._ === "messageService");
  assertEquals(message.action, {
    _: "messageActionChatAddUser",
    users: [carol.id],
  });
  const join = participantUpdates(botMain).at(-1)!;
  assert(join._ === "updateChannelParticipant");
  assertEquals([join.actorId, ...kinds(join)], [
    ann.id,
    carol.id,
    undefined,
    "channelParticipant",
  ]);

  const news = await chatSetup("channel");
  const other = news.world.state.accounts.createBot({ username: "other_bot" });
  assertStrictEquals(
    await rpcError(invoke(news.world, news.annMain, {
      _: "channels.inviteToChannel",
      channel: inputChannel(news.world, news.ann.id, news.chat.key),
      users: [inputUser(news.world, news.ann.id, other.id)],
    })),
    "USER_BOT",
  );
  await promote(news.world, news.annMain, news.chat, news.ann.id, other.id);
  assertStrictEquals(memberStatus(news.chat, other.id), "administrator");
});

Deno.test("basic groups: members are added and removed with service messages; the creator makes admins; bot admins hear of it", async () => {
  const { world, ann, bob, bot, annMain, bobMain, botMain, chat } =
    await chatSetup("group");
  assertStrictEquals(
    await invoke(world, annMain, {
      _: "messages.editChatAdmin",
      chatId: chat.id,
      userId: inputUser(world, ann.id, bot.id),
      isAdmin: true,
    }),
    true,
  );
  assertStrictEquals(memberStatus(chat, bot.id), "administrator");
  const promoted = participantUpdates(botMain).at(-1)!;
  assert(promoted._ === "updateChatParticipant");
  assertEquals(
    [promoted.prevParticipant?._, promoted.newParticipant?._],
    ["chatParticipant", "chatParticipantAdmin"],
  );
  await sendText(world, bobMain, chatPeer(world, bob.id, chat.key), "spam");
  // the bot removes Bob with his history: every box loses his message
  await invoke(world, botMain, {
    _: "messages.deleteChatUser",
    chatId: chat.id,
    userId: inputUser(world, bot.id, bob.id),
    revokeHistory: true,
  });
  assertStrictEquals(memberStatus(chat, bob.id), undefined);
  assertEquals(
    world.state.mailboxes.chat(ann.id, chat.key).map((m) => m.action?._),
    ["messageActionChatCreate", "messageActionChatDeleteUser"],
  );
  const removed = participantUpdates(botMain).at(-1)!;
  assert(removed._ === "updateChatParticipant");
  assertEquals(
    [removed.actorId, removed.userId, removed.newParticipant],
    [bot.id, bob.id, undefined],
  );
  // Bob saw the service message before he was removed
  const [notice] = pushedMessages(bobMain).slice(-1);
  assert(notice._ === "messageService");
  assertEquals(notice.peerId, { _: "peerChat", chatId: bareId(chat.key) });
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "messages.addChatUser",
      chatId: chat.id,
      userId: inputUser(world, bob.id, ann.id),
      fwdLimit: 0,
    })),
    "CHAT_ID_INVALID",
  );
  await invoke(world, annMain, {
    _: "messages.addChatUser",
    chatId: chat.id,
    userId: inputUser(world, ann.id, bob.id),
    fwdLimit: 10,
  });
  assertStrictEquals(memberStatus(chat, bob.id), "member");
  assertStrictEquals(
    await rpcError(invoke(world, annMain, {
      _: "messages.addChatUser",
      chatId: chat.id,
      userId: inputUser(world, ann.id, bob.id),
      fwdLimit: 0,
    })),
    "USER_ALREADY_PARTICIPANT",
  );
  // a member may not remove another it did not add
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "messages.deleteChatUser",
      chatId: chat.id,
      userId: inputUser(world, bob.id, bot.id),
    })),
    "CHAT_ADMIN_REQUIRED",
  );
});

Deno.test("an admin deletes a member's messages; a reaction in a supergroup now reaches the bot admin", async () => {
  const { world, ann, bob, bot, annMain, bobMain, botMain, chat } =
    await chatSetup("supergroup");
  const bobPeer = chatPeer(world, bob.id, chat.key);
  await sendText(world, bobMain, bobPeer, "one");
  await sendText(world, bobMain, bobPeer, "two");
  await sendText(world, annMain, chatPeer(world, ann.id, chat.key), "mine");
  assertStrictEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.deleteParticipantHistory",
      channel: inputChannel(world, bob.id, chat.key),
      participant: inputUserPeer(world, bob.id, ann.id),
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  const affected = await invoke(world, annMain, {
    _: "channels.deleteParticipantHistory",
    channel: inputChannel(world, ann.id, chat.key),
    participant: inputUserPeer(world, ann.id, bob.id),
  });
  assertEquals([affected.ptsCount, affected.offset], [2, 0]);
  assertEquals(
    world.state.mailboxes.chat(chat.key, chat.key).map((m) => m.text),
    ["", "mine"],
  );

  await promote(world, annMain, chat, ann.id, bot.id);
  const mine = world.state.mailboxes.chat(chat.key, chat.key).at(-1)!;
  await invoke(world, bobMain, {
    _: "messages.sendReaction",
    peer: bobPeer,
    msgId: mine.id,
    reaction: [{ _: "reactionEmoji", emoticon: "👍" }],
  });
  assert(
    pushedUpdates(botMain).some((u) => u._ === "updateBotMessageReaction"),
  );
});

Deno.test("until dates: kept 30 s to 366 days ahead, forever otherwise; passed ones no longer apply", () => {
  const at = 1_000_000;
  assertEquals(
    [10, 3600, 367 * 86400].map((ahead) => normalizedUntil(at + ahead, at)),
    [0, at + 3600, 0],
  );
  assertStrictEquals(normalizedUntil(0, at), 0);
  assertEquals(
    [0, at - 1, at + 1].map((untilDate) =>
      inForce({ _: "chatBannedRights", untilDate }, at)
    ),
    [true, false, true],
  );
});
