/** MTKruto's service message variants (types.md §4.4): base fields, every action we render, and the fallbacks. */
import type { tl } from "@mtcute/core";
import { renderMessage } from "../../src/mtkruto/types/message.ts";
import { pinnedMessageId } from "../../src/mtkruto/types/message.ts";
import { renderPhoto } from "../../src/mtkruto/types/media.ts";
import { assertEquals } from "../assert.ts";
import { assertRendersAs, long, tlPhoto } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  CHANNEL_ID,
  EMOJI_ID,
  GRACE_ID,
  peerChannel,
  peerChat,
  peerUser,
  rendered,
  replyTo,
  serviceOf,
  tlGroupMessage,
  tlService,
} from "./_mtkruto_message_fixtures.ts";

Deno.test("service base: only the ✓ fields (no link, views or protection), reply ids and the given replied message", () => {
  const replied = renderMessage(tlGroupMessage({ id: 49 }), allPeers());
  const message = renderMessage(
    tlService({ _: "messageActionChatEditTitle", title: "New" }, {
      out: true,
      replyTo: replyTo(49, { replyToTopId: 40, forumTopic: true }),
    }),
    allPeers(),
    { replyToMessage: replied },
  );
  assertRendersAs(message, {
    type: "newChatTitle",
    isOutgoing: true,
    id: 50,
    chat: rendered.supergroup(),
    date: 1767225800,
    isTopicMessage: true,
    from: rendered.ada(),
    threadId: 40,
    replyToMessageId: 49,
    replyToMessage: replied,
    newChatTitle: "New",
  });
});

Deno.test("newChatMembers: the added users, or the sender who joined by link or request; groupCreated lists the users", () => {
  const added = serviceOf({
    _: "messageActionChatAddUser",
    users: [ADA_ID, GRACE_ID],
  });
  assertEquals(added, {
    type: "newChatMembers",
    newChatMembers: [rendered.adaUser(), rendered.graceUser()],
  });
  const byLink = serviceOf({
    _: "messageActionChatJoinedByLink",
    inviterId: GRACE_ID,
  });
  assertEquals(byLink, {
    type: "newChatMembers",
    newChatMembers: [rendered.adaUser()],
  });
  const byRequest = serviceOf({ _: "messageActionChatJoinedByRequest" });
  assertEquals(byRequest.newChatMembers, [rendered.adaUser()]);
  assertEquals(
    serviceOf({
      _: "messageActionChatCreate",
      title: "Club",
      users: [ADA_ID, 99],
    }, {
      peerId: peerChat(777),
    }),
    { type: "groupCreated", newChatMembers: [rendered.adaUser()] },
    "unknown users are skipped",
  );
  const unknownJoiner = tlService({
    _: "messageActionChatAddUser",
    users: [99],
  });
  assertEquals(
    renderMessage(unknownJoiner, allPeers()),
    undefined,
    "MTKruto fails on it",
  );
});

Deno.test("leftChatMember: the user, or unsupported when the user is unknown", () => {
  assertEquals(
    serviceOf({ _: "messageActionChatDeleteUser", userId: GRACE_ID }),
    {
      type: "leftChatMember",
      leftChatMember: rendered.graceUser(),
    },
  );
  assertEquals(serviceOf({ _: "messageActionChatDeleteUser", userId: 99 }), {
    type: "unsupported",
  });
});

Deno.test("chat photo, creation and migration notices", () => {
  assertRendersAs(
    serviceOf({ _: "messageActionChatEditPhoto", photo: tlPhoto() }),
    {
      type: "newChatPhoto",
      newChatPhoto: renderPhoto(tlPhoto()),
    },
  );
  assertEquals(
    serviceOf({
      _: "messageActionChatEditPhoto",
      photo: { _: "photoEmpty", id: long(1) },
    }),
    { type: "unsupported" },
  );
  assertEquals(serviceOf({ _: "messageActionChatDeletePhoto" }), {
    type: "deletedChatPhoto",
  });
  const created = { _: "messageActionChannelCreate", title: "X" } as const;
  assertEquals(serviceOf(created), { type: "supergroupCreated" });
  assertEquals(
    serviceOf(created, { peerId: peerChannel(CHANNEL_ID), fromId: undefined }),
    { type: "channelCreated" },
  );
  assertEquals(serviceOf(created, { peerId: peerChat(777) }), {
    type: "unsupported",
  });
  assertEquals(
    serviceOf({ _: "messageActionChatMigrateTo", channelId: 1234567890 }, {
      peerId: peerChat(777),
    }),
    { type: "chatMigratedTo", chatMigratedTo: -1001234567890 },
  );
  assertEquals(
    serviceOf({
      _: "messageActionChannelMigrateFrom",
      title: "Club",
      chatId: 777,
    }),
    { type: "chatMigratedFrom", chatMigratedFrom: -777 },
  );
  assertEquals(serviceOf({ _: "messageActionSetMessagesTTL", period: 86400 }), {
    type: "newAutoDeleteTime",
    newAutoDeleteTime: 86400,
  });
});

Deno.test("pinnedMessage: the given pinned message (its id from the reply header), else unsupported", () => {
  const pin = { _: "messageActionPinMessage" } as const;
  const raw = tlService(pin, { replyTo: replyTo(1042) });
  assertEquals(pinnedMessageId(raw), 1042);
  const pinned = renderMessage(tlGroupMessage(), allPeers());
  assertEquals(serviceOf(pin, { replyTo: replyTo(1042) }, pinned), {
    type: "pinnedMessage",
    replyToMessageId: 1042,
    pinnedMessage: pinned,
  });
  assertEquals(serviceOf(pin, { replyTo: replyTo(1042) }), {
    type: "unsupported",
    replyToMessageId: 1042,
  });
});

Deno.test("userShared and writeAccessAllowed", () => {
  assertEquals(
    serviceOf({
      _: "messageActionRequestedPeer",
      buttonId: 7,
      peers: [peerUser(GRACE_ID)],
    }),
    { type: "userShared", userShared: { requestId: 7, userId: GRACE_ID } },
  );
  assertEquals(
    serviceOf({
      _: "messageActionRequestedPeer",
      buttonId: 7,
      peers: [peerChannel(CHANNEL_ID)],
    }),
    { type: "unsupported" },
  );
  assertEquals(
    serviceOf({ _: "messageActionBotAllowed", domain: "example.org" }),
    {
      type: "writeAccessAllowed",
      writeAccessAllowed: {},
    },
  );
  const app: tl.RawBotApp = {
    _: "botApp",
    id: long(1),
    accessHash: long(2),
    shortName: "shop",
    title: "Shop",
    description: "",
    photo: { _: "photoEmpty", id: long(0) },
    hash: long(0),
  };
  assertEquals(
    serviceOf({ _: "messageActionBotAllowed", app }).writeAccessAllowed,
    {
      miniAppName: "Shop",
    },
  );
});

Deno.test("forum topics: created, edited (title or icon), closed, reopened", () => {
  assertEquals(
    serviceOf({
      _: "messageActionTopicCreate",
      title: "Tea",
      iconColor: 0x6fb9f0,
      iconEmojiId: EMOJI_ID,
    }),
    {
      type: "forumTopicCreated",
      forumTopicCreated: {
        name: "Tea",
        color: 0x6fb9f0,
        customEmojiId: EMOJI_ID.toString(),
      },
    },
  );
  assertEquals(
    serviceOf({ _: "messageActionTopicCreate", title: "Tea", iconColor: 1 })
      .forumTopicCreated,
    { name: "Tea", color: 1 },
  );
  assertEquals(serviceOf({ _: "messageActionTopicEdit", title: "Coffee" }), {
    type: "forumTopicEdited",
    forumTopicEdited: { name: "Coffee" },
  });
  assertEquals(
    serviceOf({ _: "messageActionTopicEdit", iconEmojiId: EMOJI_ID }),
    {
      type: "forumTopicEdited",
      forumTopicEdited: { name: "", customEmojiId: EMOJI_ID.toString() },
    },
  );
  assertEquals(
    serviceOf({ _: "messageActionTopicEdit", closed: true, title: "X" }),
    { type: "forumTopicClosed" },
  );
  assertEquals(serviceOf({ _: "messageActionTopicEdit", closed: false }), {
    type: "forumTopicReopened",
  });
});

Deno.test("video chats: scheduled, started, ended", () => {
  const call: tl.TypeInputGroupCall = {
    _: "inputGroupCall",
    id: long(1),
    accessHash: long(2),
  };
  assertEquals(
    serviceOf({
      _: "messageActionGroupCallScheduled",
      call,
      scheduleDate: 1767300000,
    }),
    {
      type: "videoChatScheduled",
      videoChatScheduled: { startDate: 1767300000 },
    },
  );
  assertEquals(serviceOf({ _: "messageActionGroupCall", call }), {
    type: "videoChatStarted",
  });
  assertEquals(
    serviceOf({ _: "messageActionGroupCall", call, duration: 600 }),
    {
      type: "videoChatEnded",
      videoChatEnded: { duration: 600 },
    },
  );
});

Deno.test("any other action is unsupported", () => {
  assertEquals(serviceOf({ _: "messageActionHistoryClear" }), {
    type: "unsupported",
  });
  assertEquals(serviceOf({ _: "messageActionEmpty" }), { type: "unsupported" });
});
