/**
 * The message methods beyond the seed's: message links and the Saved
 * Messages paging params as MTKruto 0.216.0 reads them, the counters,
 * viewers and saved chats as it renders them, and the deletion of
 * scheduled messages as its `deletedMessages` update.
 */
import type { tl } from "@mtcute/core";
import { describeValue } from "../../src/describe_value.ts";
import { InputError } from "../../src/errors.ts";
import {
  readMessageLink,
  readSavedChatsOptions,
  readSavedMessagesOptions,
} from "../../src/mtkruto/params/messages_extra.ts";
import {
  renderMessageCounters,
  renderMessageViewer,
  renderSavedChat,
} from "../../src/mtkruto/types/messages_extra.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { planUpdate } from "../../src/mtkruto/updates/from_tl.ts";
import {
  assertEquals,
  assertThrows,
  assertThrowsWithMessage,
} from "../assert.ts";
import {
  ADA_ID,
  allPeers,
  BOT_ID,
  peerUser,
  rendered,
} from "./_mtkruto_message_fixtures.ts";

const LINK_PATH = "Argument 1 of resolveMessageLink (link)";

const LINK_FORMS =
  "a message link: https://t.me/<username>/<id>, https://t.me/<username>/<thread>/<id>, https://t.me/c/<chat>/<id> or https://t.me/c/<chat>/<thread>/<id>";

/** Asserts that `run` throws an InputError saying exactly `message`. */
function refused(run: () => unknown, message: string): void {
  assertEquals(assertThrows(run, InputError).message, message);
}

Deno.test("message links: t.me/<username>/<id> and t.me/c/<chat>/<id>, with or without a thread, scheme optional", () => {
  const read = (link: string) => readMessageLink(link, LINK_PATH);
  assertEquals(read("https://t.me/MTKruto/212"), {
    chatId: "MTKruto",
    messageId: 212,
  });
  assertEquals(read("t.me/MTKruto/3/212"), {
    chatId: "MTKruto",
    messageId: 212,
  });
  assertEquals(read("http://t.me/c/1234567890/5"), {
    chatId: -1001234567890,
    messageId: 5,
  });
  assertEquals(read(" https://t.me/c/1234567890/7/5 "), {
    chatId: -1001234567890,
    messageId: 5,
  });
});

Deno.test("message links: other hosts, numeric or invalid usernames, zeros and extra segments are refused, naming the argument", () => {
  for (
    const link of [
      "https://telegram.me/MTKruto/212",
      "https://example.com/MTKruto/212",
      "ftp://t.me/MTKruto/212",
      "https://t.me/MTKruto",
      "https://t.me/123/45",
      "https://t.me/bad__name/1",
      "https://t.me/name_/1",
      "https://t.me/MTKruto/0",
      "https://t.me/MTKruto/012",
      "https://t.me/MTKruto/1/2/3",
      "https://t.me/c/1234567890",
      "https://t.me/c/12/3/4/5",
      "https://t.me/c/abc/5",
      `https://t.me/${"a".repeat(33)}/1`,
      "",
    ]
  ) {
    refused(
      () => readMessageLink(link, LINK_PATH),
      `${LINK_PATH} must be ${LINK_FORMS}; got ${describeValue(link)}`,
    );
  }
  refused(
    () => readMessageLink(5, LINK_PATH),
    `${LINK_PATH} must be a string; got the number 5`,
  );
});

Deno.test("getSavedChats' params: defaults, offsets, the offset chat and the limit's range", () => {
  assertEquals(readSavedChatsOptions({}), {
    offsetId: 0,
    offsetDate: 0,
    offsetChatId: undefined,
    limit: 100,
    excludePinned: false,
  });
  assertEquals(
    readSavedChatsOptions({
      offsetId: 9,
      offsetDate: 1767225600,
      offsetChatId: "@ada",
      limit: 1,
      excludePinned: true,
    }),
    {
      offsetId: 9,
      offsetDate: 1767225600,
      offsetChatId: "ada",
      limit: 1,
      excludePinned: true,
    },
  );
  refused(
    () => readSavedChatsOptions({ limit: 101 }),
    "params.limit must be an integer from 1 to 100; got the number 101",
  );
  refused(
    () => readSavedChatsOptions({ offsetId: -1 }),
    "params.offsetId must be an integer of at least 0; got the number -1",
  );
  refused(
    () => readSavedChatsOptions({ excludePinned: "yes" }),
    'params.excludePinned must be true or false; got the string "yes"',
  );
  assertThrowsWithMessage(
    () => readSavedChatsOptions({ offsetChatId: true }),
    InputError,
    "params.offsetChatId must be a chat",
  );
});

Deno.test("getSavedMessages' params: defaults and a negative addOffset", () => {
  assertEquals(readSavedMessagesOptions({}), {
    offsetId: 0,
    offsetDate: 0,
    addOffset: 0,
    limit: 100,
  });
  assertEquals(readSavedMessagesOptions({ addOffset: -5, limit: 20 }), {
    offsetId: 0,
    offsetDate: 0,
    addOffset: -5,
    limit: 20,
  });
  refused(
    () => readSavedMessagesOptions({ offsetDate: 1.5 }),
    "params.offsetDate must be an integer of at least 0; got the number 1.5",
  );
});

Deno.test("MessageCounters: what Telegram leaves out counts 0; replies come from the replies info", () => {
  assertEquals(renderMessageCounters({ _: "messageViews" }), {
    views: 0,
    replies: 0,
    forwards: 0,
  });
  assertEquals(
    renderMessageCounters({
      _: "messageViews",
      views: 12,
      forwards: 3,
      replies: {
        _: "messageReplies",
        replies: 4,
        repliesPts: 10,
      },
    }),
    { views: 12, replies: 4, forwards: 3 },
  );
});

Deno.test("MessageViewer: the reader and when it read", () => {
  assertEquals(
    renderMessageViewer({
      _: "readParticipantDate",
      userId: ADA_ID,
      date: 1767225600,
    }),
    { userId: ADA_ID, viewedAt: 1767225600 },
  );
});

Deno.test("SavedChat: the chat, its last message and whether it is pinned", () => {
  const lastMessage = {
    type: "text",
    text: "kept",
  } as unknown as Parameters<typeof renderSavedChat>[2];
  const dialog: tl.RawSavedDialog = {
    _: "savedDialog",
    peer: peerUser(BOT_ID),
    topMessage: 7,
  };
  assertEquals(renderSavedChat(dialog, rendered.bot(), lastMessage), {
    chat: rendered.bot(),
    lastMessage,
    isPinned: false,
  });
  assertEquals(
    renderSavedChat({ ...dialog, pinned: true }, rendered.bot(), lastMessage)
      .isPinned,
    true,
  );
});

Deno.test("updateDeleteScheduledMessages: deletedMessages of the queue's ids, flagged isScheduled", () => {
  const chats = new MessageChats(":memory:");
  try {
    assertEquals(
      planUpdate(
        {
          _: "updateDeleteScheduledMessages",
          peer: peerUser(BOT_ID),
          messages: [3, 4],
          sentMessages: [50, 51],
        },
        allPeers(),
        { chats },
      ),
      {
        type: "deletedMessages",
        update: {
          type: "deletedMessages",
          deletedMessages: [
            { chatId: BOT_ID, messageId: 3 },
            { chatId: BOT_ID, messageId: 4 },
          ],
          isScheduled: true,
        },
      },
    );
  } finally {
    chats.close();
  }
});
