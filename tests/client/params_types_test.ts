/**
 * client/mtkruto/params.ts against the gateway: typical params objects
 * type-check and the server's readers accept them; deliberate misuses are
 * type errors (`@ts-expect-error`) and, where the server checks the key,
 * its readers refuse them too. A misuse the server merely ignores (a key it
 * does not read) is a type error only.
 */
import { assertEquals, assertThrows } from "../assert.ts";
import { inputFile } from "../../client/files.ts";
import type { DialectMethods } from "../../client/mtkruto/methods.ts";
import { DIALECT_METHODS } from "../../client/mtkruto/methods.ts";
import type {
  AnswerInlineQueryParams,
  CallbackQueryQuestion,
  FileSource,
  GetHistoryParams,
  ID,
  InputInlineQueryResult,
  InputMedia,
  InputPollOption,
  InputReplyMarkup,
  SearchMessagesParams,
  SendDiceParams,
  SendDocumentParams,
  SendLocationParams,
  SendMessageParams,
  SendPhotoParams,
  SendPollParams,
  SendVideoParams,
  UnpinMessageParams,
} from "../../client/mtkruto/params.ts";
import { InputError } from "../../src/errors.ts";
import { toCallbackQuestion } from "../../src/mtkruto/params/callback.ts";
import { toChatId } from "../../src/mtkruto/params/chat_id.ts";
import {
  toInlineAnswerOptions,
  toInlineResults,
} from "../../src/mtkruto/params/inline_results.ts";
import {
  toDiceMedia,
  toInputMedia,
  toLocationMedia,
  toPollMedia,
  toSendMedia,
} from "../../src/mtkruto/params/media.ts";
import { toReplyMarkup } from "../../src/mtkruto/params/reply_markup.ts";
import { toSearchFilter } from "../../src/mtkruto/params/search.ts";
import { toSendOptions } from "../../src/mtkruto/params/send.ts";
import { parseText } from "../../src/mtkruto/text/parse_mode.ts";
import { documentFileId } from "../unit/_mtkruto_params_fixtures.ts";

const BOT = { isBot: true, method: "sendMessage" };
const USER = { isBot: false, method: "sendMessage" };
const PHOTO_URL = "https://example.com/cat.jpg";
const VIDEO_URL = "https://example.com/clip.mp4";

/** What a typed params object is to the server's readers: a JSON object. */
const json = (params: object) => params as Record<string, unknown>;

Deno.test("chat ids: marked ids, me, usernames and phone numbers", () => {
  const ids: ID[] = [-1001234567890, 42, "me", "@durov", "+15551234567"];
  for (const id of ids) toChatId(id, "chatId");
  // @ts-expect-error: a chat is a number or a string
  const wrong: ID = { id: 1 };
  assertThrows(() => toChatId(wrong, "chatId"), InputError);
});

Deno.test("sendMessage params: formatting, link preview, reply and keyboard", () => {
  const params: SendMessageParams = {
    parseMode: "HTML",
    entities: [{ type: "bold", offset: 0, length: 5 }],
    linkPreview: {
      type: "input",
      url: "https://example.com",
      isAboveText: true,
    },
    replyTo: {
      type: "message",
      messageId: 7,
      quote: { text: "hi", offset: 0 },
    },
    messageThreadId: 3,
    isSilent: true,
    isContentProtected: true,
    effectId: "5104841245755180586",
    replyMarkup: {
      type: "inlineKeyboard",
      inlineKeyboard: [[
        { type: "callbackData", text: "Yes", callbackData: "yes" },
        {
          type: "loginUrl",
          text: "Log in",
          loginUrl: {
            url: "https://example.com/login",
            requestWriteAccess: true,
          },
        },
      ]],
    },
  };
  parseText("<b>Hello</b> world", json(params), "params");
  toSendOptions(json(params), BOT, "params");
  const scheduled: SendMessageParams = {
    sendAs: "@channel",
    sendAt: 1_900_000_000,
    replyTo: { type: "story", chatId: "@durov", storyId: 5 },
  };
  toSendOptions(json(scheduled), USER, "params");

  const lowercase: SendMessageParams = {
    // @ts-expect-error: "Markdown" (MarkdownV2) and "HTML" only
    parseMode: "markdown",
  };
  assertThrows(() => parseText("*a*", json(lowercase), "params"), InputError);
  const untypedReply: SendMessageParams = {
    // @ts-expect-error: 0.216's ReplyTo has a `type`
    replyTo: { messageId: 7 },
  };
  const ephemeral: SendMessageParams = {
    // @ts-expect-error: replies to ephemeral messages are refused
    replyTo: { type: "ephemeralMessage", messageId: 7 },
  };
  const numericEffect: SendMessageParams = {
    // @ts-expect-error: 64-bit ids are decimal strings
    effectId: 5104841245,
  };
  const dated: SendMessageParams = {
    // @ts-expect-error: dates are Unix seconds
    sendAt: new Date(),
  };
  const toEphemeral: SendMessageParams = {
    // @ts-expect-error: ephemeral messages are refused
    receiverId: 42,
  };
  for (const misuse of [untypedReply, ephemeral, numericEffect, toEphemeral]) {
    assertThrows(() => toSendOptions(json(misuse), BOT, "params"), InputError);
  }
  assertThrows(() => toSendOptions(json(dated), USER, "params"), InputError);
});

Deno.test("link previews are the input kind", () => {
  const shown: SendMessageParams = {
    linkPreview: { type: "input", mediaSize: "large" },
  };
  parseText("https://example.com", json(shown), "params");
  // @ts-expect-error: 0.4.0's { disable } is gone; `type: "input"` is required
  const old: SendMessageParams = { linkPreview: { disable: true } };
  assertEquals(typeof old, "object");
});

Deno.test("reply markup: reply keyboards with optional flags, and the rest", () => {
  const markups: InputReplyMarkup[] = [
    {
      type: "keyboard",
      keyboard: [
        [{ type: "text", text: "Hi" }, {
          type: "requestContact",
          text: "Phone",
        }],
        [{ type: "requestPoll", text: "Poll", pollType: "regular" }],
        [{ type: "requestChat", text: "Chat", requestId: 1, isChannel: false }],
      ],
      isResized: true,
      inputFieldPlaceholder: "Pick one",
    },
    { type: "removeKeyboard", isSelective: false },
    { type: "forceReply", inputFieldPlaceholder: "Your name" },
    {
      type: "inlineKeyboard",
      inlineKeyboard: [[{
        type: "url",
        text: "Site",
        url: "https://example.com",
        style: { background: "primary" },
      }]],
    },
  ];
  for (const markup of markups) toReplyMarkup(markup, "replyMarkup");

  // @ts-expect-error: 0.216's markup has a `type`
  const old: InputReplyMarkup = { keyboard: [[{ type: "text", text: "Hi" }]] };
  assertThrows(() => toReplyMarkup(old, "replyMarkup"), InputError);
  const bareButton: InputReplyMarkup = {
    type: "inlineKeyboard",
    // @ts-expect-error: an inline button has a `type`
    inlineKeyboard: [[{ text: "Site", url: "https://example.com" }]],
  };
  assertThrows(() => toReplyMarkup(bareButton, "replyMarkup"), InputError);
});

Deno.test("file sends: files, captions, thumbnails, self-destruct and paid media", () => {
  const sources: FileSource[] = [
    PHOTO_URL,
    new Blob(["x"]),
    new Uint8Array([1, 2, 3]),
    inputFile(new Uint8Array([1]), { name: "a.png" }),
  ];
  assertEquals(sources.length, 4);
  const photo: SendPhotoParams = {
    caption: "*Cat*",
    parseMode: "Markdown",
    isSpoiler: true,
    selfDestruct: "afterOpen",
  };
  toSendMedia("photo", PHOTO_URL, json(photo), "params");
  const video: SendVideoParams = {
    duration: 3.5,
    width: 640,
    height: 360,
    isStreamingSupported: true,
    starCount: 10,
  };
  toSendMedia("video", VIDEO_URL, json(video), "params");
  const document: SendDocumentParams = {
    thumbnail: new Blob(["thumb"]),
    fileName: "report.pdf",
    mimeType: "application/pdf",
  };
  toSendMedia(
    "document",
    "https://example.com/r.pdf",
    json(document),
    "params",
  );

  const thumbnailUrl: SendDocumentParams = {
    // @ts-expect-error: a thumbnail must be uploaded bytes
    thumbnail: PHOTO_URL,
  };
  const viewOnce: SendPhotoParams = {
    // @ts-expect-error: "afterOpen" or seconds
    selfDestruct: "afterView",
  };
  for (
    const [kind, misuse] of [["document", thumbnailUrl], [
      "photo",
      viewOnce,
    ]] as const
  ) {
    assertThrows(
      () => toSendMedia(kind, PHOTO_URL, json(misuse), "params"),
      InputError,
    );
  }
});

Deno.test("InputMedia: albums and media edits", () => {
  const album: InputMedia[] = [
    {
      type: "photo",
      photo: PHOTO_URL,
      caption: "<i>one</i>",
      parseMode: "HTML",
    },
    { type: "video", video: VIDEO_URL, isSpoiler: true, duration: 2 },
  ];
  album.forEach((media, index) => toInputMedia(media, `media[${index}]`));
  // @ts-expect-error: stickers cannot be InputMedia
  const sticker: InputMedia = { type: "sticker", sticker: PHOTO_URL };
  // @ts-expect-error: 0.216's InputMedia has a `type`
  const untyped: InputMedia = { photo: PHOTO_URL };
  for (const misuse of [sticker, untyped]) {
    assertThrows(() => toInputMedia(misuse, "media"), InputError);
  }
});

Deno.test("locations and dice", () => {
  const live: SendLocationParams = {
    livePeriod: 900,
    heading: 90,
    proximityAlertRadius: 100,
    horizontalAccuracy: 5,
  };
  toLocationMedia(52.5, 13.4, json(live), "params");
  const dice: SendDiceParams = { emoji: "🎯" };
  toDiceMedia(json(dice), "params");
  // @ts-expect-error: one of Telegram's dice only
  const game: SendDiceParams = { emoji: "🎮" };
  assertThrows(() => toDiceMedia(json(game), "params"), InputError);
});

Deno.test("polls: options as strings or objects, media and quizzes", () => {
  const options: InputPollOption[] = [
    "Red",
    { text: "<b>Blue</b>", parseMode: "HTML" },
    { text: "Here", media: { type: "location", latitude: 1, longitude: 2 } },
  ];
  const quiz: SendPollParams = {
    type: "quiz",
    correctOptionIndexes: [1],
    explanation: "Blue it is",
    explanationMedia: { type: "link", url: "https://example.com" },
    isAnonymous: false,
    openPeriod: 60,
    media: { type: "photo", photo: PHOTO_URL, isSpoiler: true },
  };
  toPollMedia("Which colour?", options, json(quiz), "params");
  const regional: SendPollParams = {
    // @ts-expect-error: the gateway cannot restrict polls to countries
    countries: ["DE"],
  };
  assertThrows(
    () => toPollMedia("Q", ["A"], json(regional), "params"),
    InputError,
  );
  const singular: SendPollParams = {
    // @ts-expect-error: 0.4.0's correctOptionIndex became a list
    correctOptionIndex: 1,
  };
  assertEquals(typeof singular, "object");
});

Deno.test("queries: callback questions and inline answers", () => {
  const questions: CallbackQueryQuestion[] = [
    { type: "game" },
    { type: "button", data: "yes" },
    { type: "password", data: "delete", password: "hunter2" },
  ];
  for (const question of questions) toCallbackQuestion(question, "question");
  // @ts-expect-error: a button question carries its data
  const dataless: CallbackQueryQuestion = { type: "button" };
  assertThrows(() => toCallbackQuestion(dataless, "question"), InputError);

  const answer: AnswerInlineQueryParams = {
    cacheTime: 0,
    isPersonal: true,
    nextOffset: "20",
    button: { text: "Open", url: "https://example.com/app" },
  };
  toInlineAnswerOptions(json(answer), "params");
  const oldButton: AnswerInlineQueryParams = {
    // @ts-expect-error: 0.216's button takes `url`, not 0.4.0's `miniApp`
    button: { text: "Open", miniApp: { url: "https://example.com/app" } },
  };
  assertEquals(typeof oldButton, "object");
});

Deno.test("inline results: the input kinds, without the rendered shape's fields", () => {
  const results: InputInlineQueryResult[] = [
    {
      type: "article",
      id: "greeting",
      title: "Hello",
      messageContent: { type: "text", text: "Hello!" },
    },
    {
      type: "photo",
      id: "cat",
      url: PHOTO_URL,
      thumbnailUrl: PHOTO_URL,
      caption: "<b>Cat</b>",
      parseMode: "HTML",
    },
    {
      type: "venue",
      id: "cafe",
      title: "Café",
      address: "Main St 1",
      latitude: 52.5,
      longitude: 13.4,
    },
    { type: "cachedDocument", id: "report", fileId: documentFileId() },
  ];
  const read = toInlineResults(results, "results");
  assertEquals(read.map((result) => [result.type, result.id]), [
    ["article", "greeting"],
    ["photo", "cat"],
    ["venue", "cafe"],
    ["file", "report"],
  ]);
  assertEquals(read[1].message, {
    type: "media",
    text: {
      text: "Cat",
      entities: [{ _: "messageEntityBold", offset: 0, length: 3 }],
    },
  });
  assertEquals(
    read[2].message?.type === "venue" && read[2].message.source,
    { provider: "foursquare", id: "", type: "" },
  );

  const unknownKind: InputInlineQueryResult = {
    // @ts-expect-error: invoices are not a result kind
    type: "invoice",
    id: "1",
    title: "Pay",
  };
  // @ts-expect-error: every result has an id
  const idless: InputInlineQueryResult = {
    type: "article",
    title: "Hello",
    messageContent: { type: "text", text: "Hello!" },
  };
  const invoiceContent: InputInlineQueryResult = {
    type: "article",
    id: "1",
    title: "Pay",
    // @ts-expect-error: mtcute's inline messages cannot carry invoices
    messageContent: { type: "invoice", title: "Pay" },
  };
  const replyKeyboard: InputInlineQueryResult = {
    type: "cachedDocument",
    id: "1",
    fileId: documentFileId(),
    replyMarkup: {
      // @ts-expect-error: results take inline keyboards only
      type: "keyboard",
      keyboard: [[{ type: "text", text: "Hi" }]],
    },
  };
  for (const misuse of [unknownKind, idless, invoiceContent, replyKeyboard]) {
    assertThrows(() => toInlineResults([misuse], "results"), InputError);
  }
});

Deno.test("reading and managing: keys the gateway does not read are type errors", () => {
  const search: SearchMessagesParams = {
    chatId: -1001234567890,
    query: "cats",
    filter: "photosAndVideos",
    limit: 20,
  };
  toSearchFilter(search.filter, "params.filter");
  // @ts-expect-error: the filters are plural
  const singular: SearchMessagesParams = { filter: "photo" };
  assertThrows(
    () => toSearchFilter(singular.filter, "params.filter"),
    InputError,
  );
  // @ts-expect-error: takeoutId is not taken
  const takeout: GetHistoryParams = { takeoutId: "1" };
  // @ts-expect-error: unpinMessage takes no params
  const business: UnpinMessageParams = { businessConnectionId: "abc" };
  assertEquals([typeof takeout, typeof business], ["object", "object"]);
});

/** A DialectMethods that records each call and answers null. */
function recordingClient(calls: [string, unknown[]][]): DialectMethods {
  const methods = new Proxy({}, {
    get: (_, name) => (...args: unknown[]) => {
      calls.push([String(name), args]);
      return Promise.resolve(null);
    },
  });
  return methods as DialectMethods;
}

Deno.test("the generated signatures take the params types", async () => {
  const calls: [string, unknown[]][] = [];
  const client = recordingClient(calls);
  await client.sendMessage("@durov", "Hi", { isSilent: true });
  await client.sendPhoto(42, new Blob(["x"]), { caption: "Cat" });
  await client.sendPoll(42, "Q?", ["A", { text: "B" }], { type: "quiz" });
  await client.sendMediaGroup(42, [{ type: "photo", photo: PHOTO_URL }]);
  await client.sendChatAction(42, { type: "uploadingPhoto", progress: 50 });
  await client.editMessageReplyMarkup(42, 7, {
    replyMarkup: { type: "removeKeyboard" },
  });
  await client.forwardMessages(42, "me", [1, 2], { isSenderNameDropped: true });
  await client.unpinMessage(42, 7, {});
  await client.sendCallbackQuery("@bot", 7, { type: "button", data: "yes" });
  await client.answerInlineQuery("1", [
    { type: "sticker", id: "s", fileId: documentFileId("sticker") },
  ], { isPersonal: true });
  // @ts-expect-error: text comes second
  await client.sendMessage("Hi", 42);
  for (const [name, args] of calls) {
    const params = DIALECT_METHODS[name as keyof DialectMethods].params;
    assertEquals(args.length <= params.length, true, name);
  }
  assertEquals(calls.length, 11);
});
