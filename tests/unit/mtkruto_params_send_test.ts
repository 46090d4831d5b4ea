/** MTKruto's send-common (S), reply markup (R), ReplyTo and caption (C) params → mtcute's send options. */
import { Long } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { toCaption, toSendOptions } from "../../src/mtkruto/params/send.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertInputError } from "./_mtkruto_params_fixtures.ts";

const bot = { isBot: true, method: "sendMessage" };
const user = { isBot: false, method: "sendMessage" };

Deno.test("toSendOptions: S and R with 0.216 names → mtcute CommonSendParams", () => {
  assertEquals(
    toSendOptions(
      {
        isSilent: true,
        isContentProtected: true,
        messageThreadId: 7,
        effectId: "5104841245755180586",
        businessConnectionId: "conn",
        isPaidBroadcast: true,
        replyTo: { type: "message", messageId: 10 },
        replyMarkup: { type: "removeKeyboard" },
        // Unknown keys (0.4.0's names among them) are ignored.
        disableNotification: "whatever",
      },
      bot,
      "params",
    ),
    {
      silent: true,
      forbidForwards: true,
      threadId: 7,
      effect: Long.fromString("5104841245755180586"),
      businessConnectionId: "conn",
      allowPaidFloodskip: true,
      replyTo: 10,
      replyMarkup: { type: "reply_hide" },
    },
  );
  assertEquals(
    toSendOptions({ sendAs: "@channel", sendAt: 1900000000 }, user, "params"),
    // sendAt is Unix seconds; mtcute reads numbers as milliseconds.
    { sendAs: "channel", schedule: 1900000000000 },
  );
  assertEquals(toSendOptions({}, user, "params"), {});
  assertEquals(
    toSendOptions({ directMessagesTopicId: 123 }, user, "params"),
    { toMonoforumPeer: 123 },
  );
});

Deno.test("toSendOptions: bot-only and user-only params are refused with MTKruto's message", () => {
  assertInputError(
    () =>
      toSendOptions(
        { replyMarkup: { type: "removeKeyboard" } },
        user,
        "params",
      ),
    "sendMessage: replyMarkup: not a bot client.",
  );
  assertInputError(
    () => toSendOptions({ businessConnectionId: "x" }, user, "params"),
    "sendMessage: businessConnectionId: not a bot client.",
  );
  assertInputError(
    () => toSendOptions({ isPaidBroadcast: false }, user, "params"),
    "sendMessage: isPaidBroadcast: not a bot client.",
  );
  assertInputError(
    () => toSendOptions({ sendAs: "me" }, bot, "params"),
    "sendMessage: sendAs: not a user client.",
  );
  assertInputError(
    () =>
      toSendOptions({ sendAt: 1 }, { isBot: true, method: "sendPhoto" }, "p"),
    "sendPhoto: sendAt: not a user client.",
  );
  // null counts as left out, so it is no use of the param.
  assertEquals(toSendOptions({ sendAs: null }, bot, "params"), {});
});

Deno.test("toSendOptions: wrong types and unsupported keys name the path", () => {
  assertInputError(
    () => toSendOptions({ isSilent: "yes" }, bot, "params"),
    'params.isSilent must be true or false; got the string "yes"',
  );
  assertInputError(
    () => toSendOptions({ effectId: 5 }, bot, "params"),
    "params.effectId must be a 64-bit integer written as a decimal string; got the number 5",
  );
  assertInputError(
    () => toSendOptions({ sendAt: "2030-01-01" }, user, "params"),
    'params.sendAt must be an integer from 1 to 2147483647; got the string "2030-01-01"',
  );
  assertInputError(
    () => toSendOptions({ receiverId: 5 }, bot, "params"),
    "params.receiverId: ephemeral messages are not supported by this server",
  );
  assertInputError(
    () =>
      toSendOptions(
        { replyMarkup: { type: "inlineKeyboard", inlineKeyboard: 5 } },
        bot,
        "params",
      ),
    "params.replyMarkup.inlineKeyboard must be an array; got the number 5",
  );
});

Deno.test("toSendOptions: ReplyTo with type", () => {
  assertEquals(
    toSendOptions(
      {
        replyTo: {
          type: "message",
          messageId: 5,
          quote: {
            offset: 3,
            text: "quoted",
            entities: [{ type: "bold", offset: 0, length: 6 }],
          },
          pollOptionIndex: 2,
          checklistItemId: 4,
        },
      },
      user,
      "params",
    ),
    {
      replyTo: 5,
      quote: {
        text: "quoted",
        entities: [{ _: "messageEntityBold", offset: 0, length: 6 }],
      },
      quoteOffset: 3,
      replyToPollOption: new TextEncoder().encode("2"),
      replyToTodoItem: 4,
    },
  );
  assertEquals(
    toSendOptions(
      { replyTo: { type: "story", chatId: "durov", storyId: 9 } },
      user,
      "params",
    ),
    { replyToStory: 9 },
  );
  assertInputError(
    () => toSendOptions({ replyTo: { messageId: 5 } }, user, "params"),
    'params.replyTo.type must be one of "message", "story" or "ephemeralMessage"; got nothing',
  );
  assertInputError(
    () =>
      toSendOptions(
        { replyTo: { type: "message", messageId: "5" } },
        user,
        "params",
      ),
    'params.replyTo.messageId must be an integer from 1 to 2147483647; got the string "5"',
  );
  assertInputError(
    () =>
      toSendOptions(
        { replyTo: { type: "ephemeralMessage", messageId: 5 } },
        user,
        "params",
      ),
    "params.replyTo: replies to ephemeral messages are not supported by this server",
  );
  assertInputError(
    () =>
      toSendOptions(
        { replyTo: { type: "story", chatId: "-1", storyId: 9 } },
        user,
        "params",
      ),
    'params.replyTo.chatId: invalid username "-1"; params.replyTo.chatId must be a chat: its id (a JSON number, e.g. -1001234567890), "me", a username (optionally with @ or as a t.me link) or a phone number starting with "+" or a digit',
  );
});

Deno.test("toCaption: caption, captionEntities and parseMode → InputText", () => {
  assertEquals(toCaption({}, "params"), undefined);
  assertEquals(
    toCaption({ caption: "*big* cat", parseMode: "Markdown" }, "params"),
    {
      text: "big cat",
      entities: [{ _: "messageEntityBold", offset: 0, length: 3 }],
    },
  );
  assertEquals(
    toCaption({
      caption: "cat",
      captionEntities: [{ type: "italic", offset: 0, length: 3 }],
    }, "params"),
    {
      text: "cat",
      entities: [{ _: "messageEntityItalic", offset: 0, length: 3 }],
    },
  );
  // A caption may be empty (it removes one in edits).
  assertEquals(toCaption({ caption: "" }, "params"), {
    text: "",
    entities: [],
  });
  assertInputError(
    () => toCaption({ caption: 5 }, "params"),
    "params.caption must be a string; got the number 5",
  );
  assertThrowsWithMessage(
    () =>
      toCaption({
        caption: "cat",
        captionEntities: [{ type: "bold", offset: "a", length: 1 }],
      }, "params"),
    InputError,
    "params.captionEntities[0].offset",
  );
});
