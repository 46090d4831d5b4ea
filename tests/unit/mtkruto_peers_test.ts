/** ChatP and User rendered from TL peers (types.md §5.1–5.2, samples of §16), key order included. */
import { chatPhotoFileIds } from "../../src/mtkruto/types/file_id.ts";
import {
  markedPeerId,
  peerChatP,
  peerUser,
  renderChatP,
  renderUser,
} from "../../src/mtkruto/types/peers.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import { assertEquals, assertStrictEquals, assertThrows } from "../assert.ts";
import {
  assertRendersAs,
  long,
  peersOf,
  tlBot,
  tlChannel,
  tlChat,
  tlChatPhoto,
  tlProfilePhoto,
  tlUser,
} from "./_mtkruto_fixtures.ts";
import {
  ADA_CHATP,
  ADA_CHATP_PLAIN,
  ADA_USER,
  EXAMPLE_SUPERGROUP_CHATP,
  POLL_BOT_CHATP,
} from "./_mtkruto_samples.ts";

const FALSE_FLAGS = {
  isSelf: false,
  isDeleted: false,
  isContact: false,
  isMutualContact: false,
  isCloseFriend: false,
  isScam: false,
  isFake: false,
  isPremium: false,
  isVerified: false,
  isSupport: false,
  isRestricted: false,
};

Deno.test("renderChatP/renderUser: the §16 samples of Ada, the own bot and the supergroup", () => {
  assertRendersAs(renderChatP(tlUser()), ADA_CHATP);
  assertRendersAs(renderUser(tlUser()), ADA_USER);
  assertRendersAs(renderChatP(tlBot()), POLL_BOT_CHATP);
  assertRendersAs(
    renderChatP(tlUser({ status: undefined, langCode: undefined })),
    ADA_CHATP_PLAIN,
  );
  assertRendersAs(renderChatP(tlChannel()), EXAMPLE_SUPERGROUP_CHATP);
});

Deno.test("renderChatP/renderUser: a user with every field, in each type's key order", () => {
  const photo = tlProfilePhoto({ hasVideo: true, personal: true });
  const user = tlUser({
    contact: true,
    mutualContact: true,
    premium: true,
    verified: true,
    restricted: true,
    username: undefined,
    usernames: [
      { _: "username", username: "ada_l", active: true },
      { _: "username", username: "countess", active: true },
      { _: "username", username: "analyst" },
    ],
    phone: "441234567890",
    status: { _: "userStatusOffline", wasOnline: 1767220000 },
    emojiStatus: {
      _: "emojiStatus",
      documentId: long("5368324170671202286"),
      until: 1767300000,
    },
    restrictionReason: [{
      _: "restrictionReason",
      platform: "ios",
      reason: "porn",
      text: "Unavailable",
    }],
    color: { _: "peerColor", color: 5, backgroundEmojiId: long(9) },
    photo,
  });
  const chatPhoto = {
    ...chatPhotoFileIds(photo, user.id, user.accessHash),
    hasVideo: true,
    isPersonal: true,
  };
  const emojiStatus = {
    type: "customEmoji",
    customEmojiId: "5368324170671202286",
    until: 1767300000,
  };
  const restrictionReason = [{
    platform: "ios",
    reason: "porn",
    text: "Unavailable",
  }];
  const flags = {
    ...FALSE_FLAGS,
    isContact: true,
    isMutualContact: true,
    isPremium: true,
    isVerified: true,
    isRestricted: true,
  };
  assertRendersAs(renderChatP(user), {
    id: 123456789,
    type: "private",
    isBot: false,
    color: 5,
    firstName: "Ada",
    lastName: "Lovelace",
    username: "ada_l",
    phoneNumber: "441234567890",
    languageCode: "en",
    also: ["countess", "analyst"],
    status: { type: "offline", lastSeenAt: 1767220000 },
    emojiStatus,
    ...flags,
    restrictionReason,
    photo: chatPhoto,
  });
  assertRendersAs(renderUser(user), {
    id: 123456789,
    color: 5,
    isBot: false,
    firstName: "Ada",
    lastName: "Lovelace",
    username: "ada_l",
    phoneNumber: "441234567890",
    also: ["countess", "analyst"],
    status: { type: "offline", lastSeenAt: 1767220000 },
    emojiStatus,
    photo: chatPhoto,
    languageCode: "en",
    ...flags,
    restrictionReason,
  });
});

Deno.test("renderChatP: `also` lists usernames other than the main one, [] when none, absent without a list", () => {
  const listed = renderChatP(tlUser({
    usernames: [
      { _: "username", username: "ada" },
      { _: "username", username: "lovelace" },
    ],
  }));
  assertEquals(
    [
      listed.type === "private" && listed.username,
      "also" in listed && listed.also,
    ],
    ["ada", ["lovelace"]],
  );
  const alone = renderChatP(
    tlUser({ usernames: [{ _: "username", username: "ada" }] }),
  );
  assertEquals("also" in alone && alone.also, []);
  const none = renderChatP(tlUser());
  assertStrictEquals("also" in none, false);
});

Deno.test("renderChatP: bot-only flags are true/false for bots and absent for users", () => {
  const bot = renderUser(tlBot({
    attachMenuEnabled: true,
    botHasMainApp: true,
    botGuestchat: true,
    self: false,
  }));
  assertEquals(
    [
      bot.isAddedToAttachmentsMenu,
      bot.hasMainMiniApp,
      bot.isGuestQuerySupported,
    ],
    [true, true, true],
  );
  const user = renderUser(tlUser({ attachMenuEnabled: true }));
  for (
    const key of [
      "isAddedToAttachmentsMenu",
      "hasMainMiniApp",
      "isGuestQuerySupported",
    ]
  ) {
    assertStrictEquals(key in user, false);
  }
});

Deno.test("renderChatP: a min user renders with what it carries; its photo uses access hash 0", () => {
  const photo = tlProfilePhoto();
  const min = tlUser({
    min: true,
    accessHash: undefined,
    status: undefined,
    langCode: undefined,
    lastName: undefined,
    username: undefined,
    firstName: undefined,
    photo,
  });
  assertRendersAs(renderChatP(min), {
    id: 123456789,
    type: "private",
    isBot: false,
    color: 1,
    firstName: "",
    ...FALSE_FLAGS,
    photo: {
      ...chatPhotoFileIds(photo, 123456789, undefined),
      hasVideo: false,
      isPersonal: false,
    },
  });
});

Deno.test("renderChatP: basic groups, with their photo (access hash 0), and forbidden ones", () => {
  const photo = tlChatPhoto({ hasVideo: true });
  assertRendersAs(renderChatP(tlChat({ creator: true, photo })), {
    id: -777,
    type: "group",
    color: 0,
    title: "Book Club",
    isCreator: true,
    photo: {
      ...chatPhotoFileIds(photo, -777, undefined),
      hasVideo: true,
      isPersonal: false,
    },
  });
  assertRendersAs(renderChatP(tlChat()), {
    id: -777,
    type: "group",
    color: 0,
    title: "Book Club",
    isCreator: false,
  });
  assertRendersAs(
    renderChatP({ _: "chatForbidden", id: 778, title: "Gone" }),
    { id: -778, type: "group", color: 1, title: "Gone", isCreator: false },
  );
});

Deno.test("renderChatP: a broadcast channel with emoji status, usernames, photo and restriction", () => {
  const photo = tlChatPhoto();
  const channel = tlChannel({
    megagroup: undefined,
    broadcast: true,
    id: 2000000001,
    title: "News",
    username: undefined,
    usernames: [
      { _: "username", username: "news" },
      { _: "username", username: "headlines" },
    ],
    verified: true,
    restricted: true,
    restrictionReason: [{
      _: "restrictionReason",
      platform: "all",
      reason: "copyright",
      text: "Blocked",
    }],
    emojiStatus: { _: "emojiStatus", documentId: long(77) },
    photo,
    color: undefined,
  });
  const id = -1002000000001;
  assertStrictEquals(
    markedPeerId({ _: "peerChannel", channelId: 2000000001 }),
    id,
  );
  assertRendersAs(renderChatP(channel), {
    id,
    color: 2000000001 % 7,
    type: "channel",
    title: "News",
    emojiStatus: { type: "customEmoji", customEmojiId: "77" },
    isScam: false,
    isFake: false,
    isVerified: true,
    isRestricted: true,
    username: "news",
    also: ["headlines"],
    photo: {
      ...chatPhotoFileIds(photo, id, channel.accessHash),
      hasVideo: false,
      isPersonal: false,
    },
    restrictionReason: [{
      platform: "all",
      reason: "copyright",
      text: "Blocked",
    }],
  });
});

Deno.test("renderChatP: restrictionReason of channels only when restricted, [] without a list", () => {
  const restricted = renderChatP(tlChannel({ restricted: true }));
  assertEquals(
    "restrictionReason" in restricted && restricted.restrictionReason,
    [],
  );
  const free = renderChatP(tlChannel({
    restrictionReason: [{
      _: "restrictionReason",
      platform: "all",
      reason: "x",
      text: "y",
    }],
  }));
  assertStrictEquals("restrictionReason" in free, false);
});

Deno.test("renderChatP: forum and direct-messages supergroups", () => {
  const forum = renderChatP(tlChannel({ forum: true, monoforum: true }));
  assertEquals(
    forum.type === "supergroup" && [forum.isForum, forum.isDirectMessagesChat],
    [true, true],
  );
});

Deno.test("renderChatP: forbidden channels give MTKruto's minimal objects", () => {
  const base = {
    _: "channelForbidden" as const,
    id: 1234567890,
    accessHash: long(5),
    title: "Hidden",
  };
  assertRendersAs(renderChatP({ ...base, megagroup: true, monoforum: true }), {
    id: -1001234567890,
    color: 3,
    title: "Hidden",
    type: "supergroup",
    isScam: false,
    isFake: false,
    isVerified: false,
    isRestricted: false,
    isForum: false,
    isDirectMessagesChat: true,
  });
  assertRendersAs(renderChatP({ ...base, broadcast: true }), {
    id: -1001234567890,
    color: 3,
    title: "Hidden",
    type: "channel",
    isScam: false,
    isFake: false,
    isVerified: false,
    isRestricted: false,
  });
});

Deno.test("renderChatP/renderUser: empty peers throw RenderError", () => {
  assertThrows(() => renderChatP({ _: "userEmpty", id: 5 }), RenderError);
  assertThrows(() => renderChatP({ _: "chatEmpty", id: 5 }), RenderError);
  assertThrows(() => renderUser({ _: "userEmpty", id: 5 }), RenderError);
});

Deno.test("markedPeerId: user id, -chat_id, -100… for channels", () => {
  assertStrictEquals(markedPeerId({ _: "peerUser", userId: 42 }), 42);
  assertStrictEquals(markedPeerId({ _: "peerChat", chatId: 777 }), -777);
  assertStrictEquals(
    markedPeerId({ _: "peerChannel", channelId: 1234567890 }),
    -1001234567890,
  );
});

Deno.test("peerChatP/peerUser: peers from mtcute's PeersIndex; a missing one throws RenderError", () => {
  const peers = peersOf(tlUser(), tlChat(), tlChannel());
  assertRendersAs(
    peerChatP(peers, { _: "peerUser", userId: 123456789 }),
    ADA_CHATP,
  );
  assertStrictEquals(
    peerChatP(peers, { _: "peerChat", chatId: 777 }).type,
    "group",
  );
  assertRendersAs(
    peerChatP(peers, { _: "peerChannel", channelId: 1234567890 }),
    EXAMPLE_SUPERGROUP_CHATP,
  );
  assertRendersAs(peerUser(peers, 123456789), ADA_USER);
  const error = assertThrows(
    () => peerChatP(peers, { _: "peerUser", userId: 1 }),
    RenderError,
  );
  assertEquals(error.message, "User 1 did not come with the update or result");
  assertThrows(
    () => peerChatP(peers, { _: "peerChat", chatId: 1 }),
    RenderError,
  );
  assertThrows(() => peerUser(peers, 6123456789), RenderError);
});
