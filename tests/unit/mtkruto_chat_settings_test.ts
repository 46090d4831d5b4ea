/** The chat settings methods' arguments and ChatSettings from `messages.peerSettings` (MTKruto 0.216). */
import type { tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { readArguments } from "../../src/mtkruto/methods/define.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import { renderChatSettings } from "../../src/mtkruto/types/chat_settings.ts";
import { renderUser } from "../../src/mtkruto/types/peers.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertRendersAs, long, tlBot, tlUser } from "./_mtkruto_fixtures.ts";

const NAMES = [
  "enableAntispam",
  "disableAntispam",
  "enableChatHistoryForNewMembers",
  "disableChatHistoryForNewMembers",
  "showMemberList",
  "hideMemberList",
  "setDiscussionChat",
  "getDiscussionChatSuggestions",
  "getAdministeredChats",
  "getPinnedChats",
  "getChatSettings",
  "getOnlineCount",
  "getSimilarChannels",
  "setDefaultSendAs",
];

/** A `messages.peerSettings` with the given flags and users. */
function peerSettings(
  settings: Partial<tl.RawPeerSettings>,
  users: tl.TypeUser[] = [],
): tl.messages.RawPeerSettings {
  return {
    _: "messages.peerSettings",
    settings: { _: "peerSettings", ...settings },
    chats: [],
    users,
  };
}

/** ChatSettings' flags, all false. */
const NO_FLAGS = {
  canReport: false,
  canAddToContacts: false,
  canBlock: false,
  canShare: false,
  isContactsException: false,
  canReportLocation: false,
  canUnarchive: false,
  canInviteMembers: false,
  channelJoinRequest: false,
  isBusinessBotPaused: false,
  businessBotCanReply: false,
};

Deno.test("chat settings methods: user-only, with MTKruto's signatures", () => {
  for (const name of NAMES) {
    assertEquals(dialectMethod(name)?.account, "user", name);
  }
  assertEquals(
    dialectMethod("setDiscussionChat")!.params.map((p) => p.name),
    ["chatId", "discussionChatId"],
  );
  assertEquals(
    dialectMethod("setDefaultSendAs")!.params.map((p) => p.name),
    ["chatId", "sendAs"],
  );
  assertEquals(dialectMethod("getSimilarChannels")!.returns, "ChatPChannel[]");
});

Deno.test("chat settings methods: bad arguments name themselves; getPinnedChats defaults to the main list", () => {
  const method = (name: string) => dialectMethod(name)!;
  assertEquals(readArguments(method("getPinnedChats"), [], false), ["main"]);
  assertEquals(readArguments(method("getPinnedChats"), ["archived"], false), [
    "archived",
  ]);
  assertThrowsWithMessage(
    () => readArguments(method("getPinnedChats"), ["pinned"], false),
    InputError,
    'Argument 1 of getPinnedChats (from) must be one of "archived" or "main"',
  );
  assertThrowsWithMessage(
    () => readArguments(method("setDefaultSendAs"), [-100, true], false),
    InputError,
    "Argument 2 of setDefaultSendAs (sendAs)",
  );
  assertThrowsWithMessage(
    () => readArguments(method("getAdministeredChats"), [[]], false),
    InputError,
    "params must be an object (GetAdministeredChatsParams)",
  );
  assertThrowsWithMessage(
    () => readArguments(method("hideMemberList"), [-100], true),
    InputError,
    "hideMemberList: not a user client.",
  );
});

Deno.test("ChatSettings: the flags as booleans, then the optional facts; zero dates and prices left out", () => {
  assertRendersAs(renderChatSettings(peerSettings({})), NO_FLAGS);
  const bot = tlBot();
  assertRendersAs(
    renderChatSettings(peerSettings({
      reportSpam: true,
      addContact: true,
      blockContact: true,
      geoDistance: 150,
      requestChatTitle: "News",
      requestChatDate: 1767225600,
      businessBotId: bot.id,
      businessBotManageUrl: "https://t.me/manage",
      chargePaidMessageStars: long(25),
      registrationMonth: "01.2020",
      phoneCountry: "NL",
      nameChangeDate: 0,
      photoChangeDate: 1767225000,
    }, [tlUser(), bot])),
    {
      ...NO_FLAGS,
      canReport: true,
      canAddToContacts: true,
      canBlock: true,
      distance: 150,
      joinRequestChatTitle: "News",
      joinRequestDate: 1767225600,
      businessBot: renderUser(bot),
      businessBotUrl: "https://t.me/manage",
      messagePrice: 25,
      registrationMonth: "01.2020",
      phoneCountry: "NL",
      photoChangeDate: 1767225000,
    },
  );
  assertEquals(
    renderChatSettings(peerSettings({
      requestChatDate: 0,
      chargePaidMessageStars: long(0),
    })),
    NO_FLAGS,
  );
});
