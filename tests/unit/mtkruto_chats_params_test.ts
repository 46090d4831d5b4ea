/** The chat methods' readers: GetChatsParams, titles, descriptions, the create params, SlowModeDuration, boosts, custom emoji ids, OpenChatParams. */
import {
  checkOpenChatParams,
  readCustomEmojiIds,
  readDescription,
  readSlowModeDuration,
  readTitle,
  readUnrestrictBoosts,
  toChatListQuery,
  toNewChatOptions,
  toShowAuthorProfile,
} from "../../src/mtkruto/params/chats.ts";
import { assertEquals } from "../assert.ts";
import { assertInputError } from "./_mtkruto_params_fixtures.ts";

Deno.test("toChatListQuery: the main list by default, the archive as folder 1, and the item to page after", () => {
  assertEquals(toChatListQuery({}, "params"), {
    folderId: 0,
    limit: 100,
    after: undefined,
  });
  assertEquals(
    toChatListQuery({
      from: "archived",
      limit: 20,
      after: {
        chat: { id: -1001234567890, type: "supergroup" },
        lastMessage: { id: 42, date: 1767225000, type: "text" },
      },
    }, "params"),
    {
      folderId: 1,
      limit: 20,
      after: { chatId: -1001234567890, messageId: 42, date: 1767225000 },
    },
  );
  // an item without a last message pages by its chat alone
  assertEquals(
    toChatListQuery({ after: { chat: { id: 5 } } }, "params").after,
    { chatId: 5, messageId: 0, date: 0 },
  );
  assertInputError(
    () => toChatListQuery({ from: "pinned" }, "params"),
    'params.from must be one of "main" or "archived"; got the string "pinned"',
  );
  assertInputError(
    () => toChatListQuery({ limit: 101 }, "params"),
    "params.limit must be an integer from 1 to 100; got the number 101",
  );
  assertInputError(
    () => toChatListQuery({ after: { lastMessage: { id: 1 } } }, "params"),
    "params.after.chat must be an object; got nothing",
  );
});

Deno.test("titles are trimmed and must keep something; descriptions are at most 255 characters", () => {
  assertEquals(readTitle("  Book Club ", "title"), "Book Club");
  assertInputError(
    () => readTitle(" \n", "title"),
    "title: Title cannot be empty.",
  );
  assertInputError(
    () => readTitle(7, "title"),
    "title must be a string; got the number 7",
  );
  assertEquals(readDescription("", "d"), "");
  assertInputError(
    () => readDescription("x".repeat(256), "d"),
    "d must be at most 255 characters; got 256",
  );
});

Deno.test("toNewChatOptions: a group's users and TTL; a supergroup's description and forum flag; a channel's description", () => {
  assertEquals(
    toNewChatOptions("group", { users: [5, "@ada"], messageTtl: 60 }, "params"),
    { users: [5, "ada"], messageTtl: 60 },
  );
  assertEquals(
    toNewChatOptions("supergroup", {
      description: "About",
      isForum: true,
    }, "params"),
    {
      users: [],
      description: "About",
      isForum: true,
      messageTtl: undefined,
    },
  );
  // keys of another kind are MTKruto's to ignore
  assertEquals(
    toNewChatOptions("channel", { isForum: true, users: [1] }, "params"),
    {
      users: [],
      description: undefined,
      isForum: undefined,
      messageTtl: undefined,
    },
  );
  assertInputError(
    () => toNewChatOptions("group", { users: [{}] }, "params"),
    'params.users[0] must be a chat: its id (a JSON number, e.g. -1001234567890), "me", a username (optionally with @ or as a t.me link) or a phone number starting with "+" or a digit; got an object',
  );
  assertInputError(
    () => toNewChatOptions("channel", { messageTtl: -1 }, "params"),
    "params.messageTtl must be an integer from 0 to 2147483647; got the number -1",
  );
});

Deno.test("SlowModeDuration, boosts, custom emoji ids, EnableSignaturesParams and OpenChatParams", () => {
  assertEquals(
    ["10s", "30s", "1m", "5m", "15m", "1h"].map((duration) =>
      readSlowModeDuration(duration, "duration")
    ),
    [10, 30, 60, 300, 900, 3600],
  );
  assertInputError(
    () => readSlowModeDuration("2m", "duration"),
    'duration must be one of "10s", "30s", "1m", "5m", "15m" or "1h"; got the string "2m"',
  );
  assertEquals([0, 8].map((n) => readUnrestrictBoosts(n, "boosts")), [0, 8]);
  assertInputError(
    () => readUnrestrictBoosts(9, "boosts"),
    "boosts must be an integer from 0 (no boosts needed) to 8; got the number 9",
  );
  assertEquals(readCustomEmojiIds("5368324170671202286", "id"), [
    "5368324170671202286",
  ]);
  assertEquals(readCustomEmojiIds(["1", "-2"], "id"), ["1", "-2"]);
  assertInputError(
    () => readCustomEmojiIds(["1", 2], "id"),
    "id[1] must be a 64-bit integer written as a decimal string; got the number 2",
  );
  assertEquals(toShowAuthorProfile({}, "params"), false);
  assertEquals(
    toShowAuthorProfile({ showAuthorProfile: true }, "params"),
    true,
  );
  checkOpenChatParams({ timeout: 2.5 }, "params");
  assertInputError(
    () => checkOpenChatParams({ timeout: 0 }, "params"),
    "params.timeout: An invalid timeout was specified (it must be a number of seconds above 0).",
  );
});
