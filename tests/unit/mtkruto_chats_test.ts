/** The chat results: the full Chat of getChat (types.md §5.3), ChatListItem (§13), InactiveChat and ChatJoinResult, key order included. */
import type { tl } from "@mtcute/core";
import {
  renderChat,
  renderChatJoinResult,
  renderInactiveChats,
} from "../../src/mtkruto/types/chat.ts";
import {
  renderChatListItem,
  topMessageKey,
} from "../../src/mtkruto/types/chat_list_item.ts";
import type { Message } from "../../src/mtkruto/types/message.ts";
import { renderChatP, renderUser } from "../../src/mtkruto/types/peers.ts";
import { renderPhoto } from "../../src/mtkruto/types/photo.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import {
  assertEquals,
  assertThrows,
  assertThrowsWithMessage,
} from "../assert.ts";
import {
  assertRendersAs,
  long,
  peersOf,
  tlBot,
  tlChannel,
  tlChat,
  tlChatPhoto,
  tlPhoto,
  tlProfilePhoto,
  tlUser,
} from "./_mtkruto_fixtures.ts";

/** A `userFull` of `user` with these extras. */
function fullUser(
  user: tl.RawUser,
  extras: Partial<tl.RawUserFull> = {},
): tl.users.RawUserFull {
  return {
    _: "users.userFull",
    fullUser: {
      _: "userFull",
      id: user.id,
      settings: { _: "peerSettings" },
      notifySettings: { _: "peerNotifySettings" },
      commonChatsCount: 0,
      ...extras,
    },
    chats: [],
    users: [user],
  };
}

/** A `messages.chatFull` of a channel (`channelFull`) or a group (`chatFull`). */
function fullChat(
  chat: tl.RawChat | tl.RawChannel,
  extras: { chatPhoto?: tl.TypePhoto; call?: tl.TypeInputGroupCall } = {},
): tl.messages.RawChatFull {
  const common = {
    id: chat.id,
    about: "",
    notifySettings: { _: "peerNotifySettings" } as const,
    call: extras.call,
  };
  return {
    _: "messages.chatFull",
    fullChat: chat._ === "chat"
      ? {
        _: "chatFull",
        ...common,
        participants: { _: "chatParticipantsForbidden", chatId: chat.id },
        chatPhoto: extras.chatPhoto,
      }
      : {
        _: "channelFull",
        ...common,
        readInboxMaxId: 0,
        readOutboxMaxId: 0,
        unreadCount: 0,
        chatPhoto: extras.chatPhoto ?? { _: "photoEmpty", id: long(0) },
        botInfo: [],
        pts: 1,
      },
    chats: [chat],
    users: [],
  };
}

Deno.test("renderChat: a user's ChatP, its profile photo in full, then birthday and the business details (milliseconds of the week)", () => {
  const user = tlUser({ photo: tlProfilePhoto() });
  const chat = renderChat(fullUser(user, {
    profilePhoto: tlPhoto(),
    birthday: { _: "birthday", day: 10, month: 12, year: 1815 },
    businessLocation: {
      _: "businessLocation",
      address: "12 St James's Square",
      geoPoint: {
        _: "geoPoint",
        long: -0.1337,
        lat: 51.5074,
        accessHash: long(1),
      },
    },
    businessWorkHours: {
      _: "businessWorkHours",
      timezoneId: "Europe/London",
      weeklyOpen: [{
        _: "businessWeeklyOpen",
        startMinute: 540,
        endMinute: 1020,
      }],
    },
  }));
  assertRendersAs(chat, {
    ...renderChatP(user),
    // the ChatP's photo key, now the full photo
    photo: renderPhoto(tlPhoto()),
    birthday: { day: 10, month: 12, year: 1815 },
    address: "12 St James's Square",
    location: { latitude: 51.5074, longitude: -0.1337 },
    workingHours: {
      timezone: "Europe/London",
      intervals: [{ startsAt: 540 * 60_000, endsAt: 1020 * 60_000 }],
    },
  });
});

Deno.test("renderChat: without a full photo the ChatP's photo key goes; a birthday without a year has none", () => {
  const user = tlUser({ photo: tlProfilePhoto() });
  const { photo: _photo, ...withoutPhoto } = renderChatP(user);
  assertRendersAs(
    renderChat(fullUser(user, {
      profilePhoto: { _: "photoEmpty", id: long(0) },
      birthday: { _: "birthday", day: 1, month: 2 },
    })),
    { ...withoutPhoto, birthday: { day: 1, month: 2 } },
  );
});

Deno.test("renderChat: groups, supergroups and channels get the full photo where the ChatP had its ChatPhoto, and the video chat id", () => {
  const group = tlChat({ photo: tlChatPhoto(), creator: true });
  const call: tl.RawInputGroupCall = {
    _: "inputGroupCall",
    id: long("-8070450532247928832"),
    accessHash: long(5),
  };
  assertRendersAs(
    renderChat(fullChat(group, { chatPhoto: tlPhoto(), call })),
    {
      ...renderChatP(group),
      photo: renderPhoto(tlPhoto()),
      videoChatId: "-8070450532247928832",
    },
  );
  const supergroup = tlChannel({ photo: tlChatPhoto() });
  const { photo: _photo, ...withoutPhoto } = renderChatP(supergroup);
  assertRendersAs(renderChat(fullChat(supergroup)), withoutPhoto);
  const channel = tlChannel({ megagroup: undefined, broadcast: true });
  assertRendersAs(
    renderChat(fullChat(channel, { chatPhoto: tlPhoto() })),
    { ...renderChatP(channel), photo: renderPhoto(tlPhoto()) },
  );
});

Deno.test("renderChat: a full answer without its peer is a RenderError", () => {
  const full = fullUser(tlUser());
  assertThrowsWithMessage(
    () => renderChat({ ...full, users: [] }),
    RenderError,
    "came without its peer",
  );
  // a group and a channel may share a numeric id: the kind must match too
  const group = fullChat(tlChat({ id: 42 }));
  assertThrows(
    () => renderChat({ ...group, chats: [tlChannel({ id: 42 })] }),
    RenderError,
  );
});

Deno.test("renderInactiveChats pairs each chat with its date; renderChatJoinResult answers joined or the captcha's bot and query id", () => {
  const channel = tlChannel();
  assertRendersAs(
    renderInactiveChats({
      _: "messages.inactiveChats",
      dates: [1767225000],
      chats: [channel],
      users: [],
    }),
    [{ lastActivity: 1767225000, chat: renderChatP(channel) }],
  );
  assertEquals(
    renderChatJoinResult({
      _: "messages.chatInviteJoinResultOk",
      updates: { _: "updatesTooLong" },
    }),
    { type: "joined" },
  );
  const bot = tlBot({ self: undefined });
  assertRendersAs(
    renderChatJoinResult({
      _: "messages.chatInviteJoinResultWebView",
      botId: bot.id,
      webview: {
        _: "webViewResultUrl",
        queryId: long("-42"),
        url: "https://example.com/captcha",
      },
      users: [bot],
    }),
    { type: "captcha", bot: renderUser(bot), queryId: "-42" },
  );
});

/** The parts of a rendered message a ChatListItem carries over. */
const LAST_MESSAGE = {
  type: "text",
  id: 9,
  chat: { id: -1001234567890 },
  replyToMessage: { type: "text", id: 8 },
  text: "hello",
} as unknown as Message;

Deno.test("renderChatListItem: the chat and its last message (without the replied message); a folder brings its unread counts", () => {
  const channel = tlChannel();
  const peers = peersOf(channel);
  const dialog: tl.RawDialog = {
    _: "dialog",
    peer: { _: "peerChannel", channelId: channel.id },
    topMessage: 9,
    readInboxMaxId: 0,
    readOutboxMaxId: 0,
    unreadCount: 2,
    unreadMentionsCount: 0,
    unreadReactionsCount: 0,
    unreadPollVotesCount: 0,
    notifySettings: { _: "peerNotifySettings" },
  };
  assertEquals(topMessageKey(dialog), "-1001234567890:9");
  const lastMessages = new Map([[topMessageKey(dialog), LAST_MESSAGE]]);
  const { replyToMessage: _reply, ...withoutReply } = LAST_MESSAGE;
  assertRendersAs(renderChatListItem(dialog, peers, lastMessages), {
    chat: renderChatP(channel),
    lastMessage: withoutReply,
  });
  assertRendersAs(renderChatListItem(dialog, peers, new Map()), {
    chat: renderChatP(channel),
  });
  const folder: tl.RawDialogFolder = {
    _: "dialogFolder",
    pinned: true,
    folder: { _: "folder", id: 1, title: "Archived Chats" },
    peer: dialog.peer,
    topMessage: 9,
    unreadMutedPeersCount: 1,
    unreadUnmutedPeersCount: 2,
    unreadMutedMessagesCount: 3,
    unreadUnmutedMessagesCount: 4,
  };
  assertRendersAs(renderChatListItem(folder, peers, lastMessages), {
    folder: { id: 1, title: "Archived Chats" },
    chat: renderChatP(channel),
    lastMessage: withoutReply,
    unreadChatCount: 2,
    unreadMessageCount: 4,
    unreadMutedChatCount: 1,
    unreadMutedMessageCount: 3,
  });
});
