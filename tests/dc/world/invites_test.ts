import type { tl } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  pushedMessages,
  pushedUpdates,
  rpcError,
} from "./_chats_testing.ts";
import { type FakeSession, invoke, userSession } from "./_testing.ts";
import type { Chat } from "./chats.ts";
import { memberStatus } from "./members_view.ts";
import type { World } from "./world.ts";

const INVITE_RIGHTS: tl.RawChatAdminRights = {
  _: "chatAdminRights",
  inviteUsers: true,
};

/** A supergroup of Ann's with Bob and the bot, the bot an admin who may invite; Cat outside it. */
async function inviteSetup(options: { username?: string } = {}) {
  const setup = await chatSetup("supergroup", options);
  const { world, ann, annMain, bot, chat } = setup;
  await invoke(world, annMain, {
    _: "channels.editAdmin",
    channel: inputChannel(world, ann.id, chat.key),
    userId: inputUser(world, ann.id, bot.id),
    adminRights: INVITE_RIGHTS,
    rank: "",
  });
  const cat = world.state.accounts.createUser({
    phone: "15550102",
    firstName: "Cat",
    username: "cat_user",
  });
  cat.about = "I like chats";
  const catMain = userSession(cat.id);
  await invoke(world, catMain, { _: "updates.getState" });
  return { ...setup, cat, catMain };
}

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

/** `messages.exportChatInvite` as `session` (logged in as `viewerId`). */
function exportInvite(
  world: World,
  session: FakeSession,
  viewerId: number,
  chat: Chat,
  extra: Partial<tl.messages.RawExportChatInviteRequest> = {},
) {
  return invoke(world, session, {
    _: "messages.exportChatInvite",
    peer: chatPeer(world, viewerId, chat.key),
    ...extra,
  }) as Promise<tl.RawChatInviteExported>;
}

/** The hash of a `https://t.me/+<hash>` link. */
function hashOf(invite: tl.RawChatInviteExported): string {
  return invite.link.slice("https://t.me/+".length);
}

/** The updates of type `type` pushed to `session`. */
function pushed<K extends tl.TypeUpdate["_"]>(
  session: FakeSession,
  type: K,
): Extract<tl.TypeUpdate, { _: K }>[] {
  return pushedUpdates(session).filter((update) =>
    update._ === type
  ) as Extract<tl.TypeUpdate, { _: K }>[];
}

Deno.test("exportChatInvite: admins who may invite make links with a title, expiry and limit; bad terms are refused", async () => {
  const { world, bot, botMain, bob, bobMain, chat } = await inviteSetup();
  const expireDate = Math.floor(Date.now() / 1000) + 3600;
  const invite = await exportInvite(world, botMain, bot.id, chat, {
    title: "Friends",
    expireDate,
    usageLimit: 5,
  });
  assertEquals(
    { ...invite, link: invite.link.startsWith("https://t.me/+") },
    {
      _: "chatInviteExported",
      revoked: undefined,
      requestNeeded: undefined,
      link: true,
      adminId: bot.id,
      date: invite.date,
      startDate: undefined,
      expireDate,
      usageLimit: 5,
      usage: undefined,
      requested: undefined,
      title: "Friends",
    },
  );
  const bad = (extra: Partial<tl.messages.RawExportChatInviteRequest>) =>
    rpcError(exportInvite(world, botMain, bot.id, chat, extra));
  assertEquals(
    await bad({ usageLimit: 2, requestNeeded: true }),
    "USAGE_LIMIT_INVALID",
  );
  assertEquals(await bad({ usageLimit: 100_000 }), "USAGE_LIMIT_INVALID");
  assertEquals(await bad({ expireDate: 1000 }), "EXPIRE_DATE_INVALID");
  assertEquals(
    await rpcError(exportInvite(world, bobMain, bob.id, chat)),
    "CHAT_ADMIN_REQUIRED",
  );
});

Deno.test("getExportedChatInvites: own links for admins, anyone's for the creator; revoked apart, then deleted", async () => {
  const { world, ann, annMain, bot, botMain, chat } = await inviteSetup();
  const first = await exportInvite(world, botMain, bot.id, chat);
  const second = await exportInvite(world, botMain, bot.id, chat, {
    requestNeeded: true,
  });
  await exportInvite(world, annMain, ann.id, chat);
  const list = (adminId: number, revoked?: boolean, offsetLink?: string) =>
    invoke(world, annMain, {
      _: "messages.getExportedChatInvites",
      peer: chatPeer(world, ann.id, chat.key),
      adminId: inputUser(world, ann.id, adminId),
      revoked,
      offsetLink,
      limit: 10,
    });
  const bots = await list(bot.id);
  assertEquals(
    [bots.count, bots.invites.map((i) => "link" in i && i.link)],
    [2, [second.link, first.link]],
  );
  assertEquals(bots.users.map((u) => u.id), [bot.id]);
  assertEquals(
    (await list(bot.id, false, second.link)).invites.map((i) =>
      "link" in i && i.link
    ),
    [first.link],
  );
  assertEquals((await list(ann.id)).count, 1);
  // users cannot edit links bots made; the bot revokes its own
  const revoke = (session: FakeSession, viewerId: number) =>
    invoke(world, session, {
      _: "messages.editExportedChatInvite",
      peer: chatPeer(world, viewerId, chat.key),
      link: first.link,
      revoked: true,
    });
  assertEquals(
    await rpcError(revoke(annMain, ann.id)),
    "EDIT_BOT_INVITE_FORBIDDEN",
  );
  const revoked = await revoke(botMain, bot.id);
  assert(revoked._ === "messages.exportedChatInvite");
  assertEquals((revoked.invite as tl.RawChatInviteExported).revoked, true);
  assertEquals((await list(bot.id, true)).invites.length, 1);
  assertEquals((await list(bot.id)).invites.length, 1);
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "messages.importChatInvite",
      hash: hashOf(first),
    })),
    "INVITE_HASH_EXPIRED",
  );
  assertEquals(
    await invoke(world, annMain, {
      _: "messages.deleteRevokedExportedChatInvites",
      peer: chatPeer(world, ann.id, chat.key),
      adminId: inputUser(world, ann.id, bot.id),
    }),
    true,
  );
  assertEquals((await list(bot.id, true)).count, 0);
});

Deno.test("importChatInvite: a link without approval lets the user in, the bot told with the link; used up, it expires", async () => {
  const { world, bot, botMain, cat, catMain, chat, annMain } =
    await inviteSetup();
  const invite = await exportInvite(world, botMain, bot.id, chat, {
    usageLimit: 1,
  });
  const checked = await invoke(world, catMain, {
    _: "messages.checkChatInvite",
    hash: hashOf(invite),
  });
  assert(checked._ === "chatInvite");
  assertEquals(
    [checked.megagroup, checked.title, checked.participantsCount],
    [true, "Test chat", 3],
  );
  const joined = await invoke(world, catMain, {
    _: "messages.importChatInvite",
    hash: hashOf(invite),
  });
  assert(joined._ === "messages.chatInviteJoinResultOk");
  assertEquals(memberStatus(chat, cat.id), "member");
  const [message] = pushedMessages(annMain).slice(-1);
  assert(message._ === "messageService");
  assertEquals(message.action, {
    _: "messageActionChatJoinedByLink",
    inviterId: bot.id,
  });
  const participant = pushed(botMain, "updateChannelParticipant").at(-1)!;
  assertEquals([participant.actorId, participant.userId], [cat.id, cat.id]);
  assertEquals(
    (participant.invite as tl.RawChatInviteExported).link,
    invite.link,
  );
  assertEquals(
    (await invoke(world, catMain, {
      _: "messages.checkChatInvite",
      hash: hashOf(invite),
    }))._,
    "chatInviteAlready",
  );
  const bobSession = userSession(
    world.state.accounts.createUser({
      phone: "15550103",
      firstName: "Dan",
    }).id,
  );
  assertEquals(
    await rpcError(invoke(world, bobSession, {
      _: "messages.importChatInvite",
      hash: hashOf(invite),
    })),
    "INVITE_HASH_EXPIRED",
  );
  assertEquals(
    await rpcError(invoke(world, bobSession, {
      _: "messages.checkChatInvite",
      hash: "nope",
    })),
    "INVITE_HASH_INVALID",
  );
});

Deno.test("join requests: a link that requires approval files one, the bot and the creator are told, the bot approves", async () => {
  const { world, ann, annMain, bot, botMain, cat, catMain, chat } =
    await inviteSetup();
  const invite = await exportInvite(world, botMain, bot.id, chat, {
    requestNeeded: true,
  });
  assertEquals(
    await rpcError(invoke(world, catMain, {
      _: "messages.importChatInvite",
      hash: hashOf(invite),
    })),
    "INVITE_REQUEST_SENT",
  );
  assertEquals(memberStatus(chat, cat.id), undefined);
  const [request] = pushed(botMain, "updateBotChatInviteRequester");
  assertEquals(
    [request.userId, request.about, request.peer],
    [cat.id, "I like chats", { _: "peerChannel", channelId: chat.id }],
  );
  assertEquals((request.invite as tl.RawChatInviteExported).requested, 1);
  assertEquals(pushed(annMain, "updatePendingJoinRequests").at(-1), {
    _: "updatePendingJoinRequests",
    peer: { _: "peerChannel", channelId: chat.id },
    requestsPending: 1,
    recentRequesters: [cat.id],
  });
  const importers = await invoke(world, annMain, {
    _: "messages.getChatInviteImporters",
    requested: true,
    peer: chatPeer(world, ann.id, chat.key),
    offsetDate: 0,
    offsetUser: { _: "inputUserEmpty" },
    limit: 10,
  });
  assertEquals(
    importers.importers.map((i) => [i.userId, i.requested, i.about]),
    [[cat.id, true, "I like chats"]],
  );
  const hide = (approved: boolean) =>
    invoke(world, botMain, {
      _: "messages.hideChatJoinRequest",
      approved,
      peer: chatPeer(world, bot.id, chat.key),
      userId: inputUser(world, bot.id, cat.id),
    });
  await hide(true);
  assertEquals(memberStatus(chat, cat.id), "member");
  const joinedBy = pushed(botMain, "updateChannelParticipant").at(-1)!;
  assertEquals([joinedBy.actorId, joinedBy.userId], [bot.id, cat.id]);
  const [message] = pushedMessages(annMain).slice(-1);
  assert(message._ === "messageService");
  assertEquals(
    [message.action._, message.fromId],
    ["messageActionChatJoinedByRequest", { _: "peerUser", userId: cat.id }],
  );
  assertEquals(await rpcError(hide(true)), "HIDE_REQUESTER_MISSING");
});

Deno.test("join requests: dismissed ones leave the user out; hideAll handles those of one link", async () => {
  const { world, ann, annMain, bot, botMain, bob, cat, catMain, chat } =
    await inviteSetup();
  const invite = await exportInvite(world, botMain, bot.id, chat, {
    requestNeeded: true,
  });
  const other = await exportInvite(world, annMain, ann.id, chat, {
    requestNeeded: true,
  });
  await rpcError(invoke(world, catMain, {
    _: "messages.importChatInvite",
    hash: hashOf(invite),
  }));
  const dan = world.state.accounts.createUser({
    phone: "15550103",
    firstName: "Dan",
  });
  await rpcError(invoke(world, userSession(dan.id), {
    _: "messages.importChatInvite",
    hash: hashOf(other),
  }));
  const hideAll = (approved: boolean, link?: string) =>
    invoke(world, annMain, {
      _: "messages.hideAllChatJoinRequests",
      approved,
      peer: chatPeer(world, ann.id, chat.key),
      link,
    });
  await hideAll(false, invite.link);
  assertEquals(memberStatus(chat, cat.id), undefined);
  await hideAll(true);
  assertEquals(memberStatus(chat, dan.id), "member");
  assertEquals(await rpcError(hideAll(true)), "HIDE_REQUESTER_MISSING");
  // a plain member may not handle requests
  assertEquals(
    await rpcError(invoke(world, userSession(bob.id), {
      _: "messages.hideAllChatJoinRequests",
      peer: chatPeer(world, bob.id, chat.key),
    })),
    "CHAT_ADMIN_REQUIRED",
  );
});

Deno.test("toggleJoinRequest: public supergroups only; joining directly then files a request", async () => {
  const { world, ann, annMain, botMain, cat, catMain, chat } =
    await inviteSetup({ username: "open_lounge" });
  const toggle = (enabled: boolean) =>
    invoke(world, annMain, {
      _: "channels.toggleJoinRequest",
      channel: inputChannel(world, ann.id, chat.key),
      enabled,
    });
  const result = await toggle(true);
  assert(result._ === "updates");
  assertEquals((result.chats[0] as tl.RawChannel).joinRequest, true);
  assertEquals(await rpcError(toggle(true)), "CHAT_NOT_MODIFIED");
  const join = () =>
    invoke(world, catMain, {
      _: "channels.joinChannel",
      channel: inputChannel(world, cat.id, chat.key),
    });
  assertEquals(await rpcError(join()), "INVITE_REQUEST_SENT");
  const [request] = pushed(botMain, "updateBotChatInviteRequester");
  assertEquals(request.invite, { _: "chatInvitePublicJoinRequests" });
  await toggle(false);
  assert((await join())._ === "messages.chatInviteJoinResultOk");
  assertEquals(memberStatus(chat, cat.id), "member");
  const {
    world: other,
    annMain: otherAnn,
    ann: otherAnnAccount,
    chat: closed,
  } = await inviteSetup();
  assertEquals(
    await rpcError(invoke(other, otherAnn, {
      _: "channels.toggleJoinRequest",
      channel: inputChannel(other, otherAnnAccount.id, closed.key),
      enabled: true,
    })),
    "CHAT_PUBLIC_REQUIRED",
  );
});
