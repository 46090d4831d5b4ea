/** answerInlineQuery's self-sending results, the checks on the list and AnswerInlineQueryParams → mtcute. */
import { InputError } from "../../src/errors.ts";
import {
  toInlineAnswerOptions,
  toInlineResults,
} from "../../src/mtkruto/params/inline_results.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertInputError } from "./_mtkruto_params_fixtures.ts";

const keyboard = {
  type: "inlineKeyboard",
  inlineKeyboard: [[{ type: "url", text: "Open", url: "https://a.b" }]],
};
const mtcuteKeyboard = {
  type: "inline",
  buttons: [[{ _: "keyboardButtonUrl", text: "Open", url: "https://a.b" }]],
};

Deno.test("game, location, venue and contact results send themselves", () => {
  assertEquals(
    toInlineResults([
      { type: "game", id: "g", gameShortName: "tetris", replyMarkup: keyboard },
      {
        type: "location",
        id: "l",
        title: "Here",
        latitude: 1,
        longitude: 2,
        heading: 5,
      },
      {
        type: "venue",
        id: "v",
        title: "Cafe",
        address: "Main St",
        latitude: 1,
        longitude: 2,
        foursquareId: "4b",
      },
      {
        type: "contact",
        id: "c",
        phoneNumber: "+1",
        firstName: "Ann",
        vcard: "V",
      },
    ], "results"),
    [
      {
        type: "game",
        id: "g",
        shortName: "tetris",
        message: { type: "game", replyMarkup: mtcuteKeyboard },
      },
      {
        type: "geo",
        id: "l",
        title: "Here",
        latitude: 1,
        longitude: 2,
        message: { type: "geo", latitude: 1, longitude: 2, heading: 5 },
      },
      {
        type: "venue",
        id: "v",
        title: "Cafe",
        address: "Main St",
        latitude: 1,
        longitude: 2,
        message: {
          type: "venue",
          latitude: 1,
          longitude: 2,
          title: "Cafe",
          address: "Main St",
          source: { provider: "foursquare", id: "4b", type: "" },
        },
      },
      {
        type: "contact",
        id: "c",
        phone: "+1",
        firstName: "Ann",
        message: { type: "contact", phone: "+1", firstName: "Ann", vcard: "V" },
      },
    ],
  );
});

Deno.test("results: ids, kinds, keyboards and the list are checked", () => {
  assertInputError(
    () => toInlineResults({}, "results"),
    "results must be an array; got an object",
  );
  assertInputError(
    () => toInlineResults([{ type: "game", gameShortName: "x" }], "results"),
    "results[0].id must be a non-empty string; got nothing",
  );
  assertInputError(
    () =>
      toInlineResults(
        [{ type: "game", id: "é".repeat(33), gameShortName: "x" }],
        "results",
      ),
    "results[0].id must be at most 64 bytes in UTF-8; got 66",
  );
  assertThrowsWithMessage(
    () => toInlineResults([{ type: "cachedSticker", id: "1" }], "results"),
    InputError,
    'results[0].type must be one of "article", "audio", "cachedAudio"',
    'got the string "cachedSticker"',
  );
  assertInputError(
    () =>
      toInlineResults([{
        type: "game",
        id: "1",
        gameShortName: "x",
        replyMarkup: { type: "forceReply" },
      }], "results"),
    'results[0].replyMarkup must be an inline keyboard ({"type": "inlineKeyboard", "inlineKeyboard": […]}); got a reply markup of type "forceReply"',
  );
  assertInputError(
    () =>
      toInlineResults(
        Array.from({ length: 51 }, (_, i) => ({
          type: "game",
          id: String(i),
          gameShortName: "x",
        })),
        "results",
      ),
    "results may hold at most 50 results; got 51",
  );
});

Deno.test("toInlineAnswerOptions: AnswerInlineQueryParams → mtcute's options", () => {
  assertEquals(toInlineAnswerOptions({}, "params"), {
    cacheTime: 300,
    gallery: false,
  });
  assertEquals(
    toInlineAnswerOptions({
      cacheTime: 0,
      isPersonal: true,
      isGallery: true,
      nextOffset: "20",
      button: {
        text: "Open",
        url: "https://app.example.com",
        startParameter: "go",
      },
    }, "params"),
    {
      cacheTime: 0,
      private: true,
      gallery: true,
      nextOffset: "20",
      switchWebview: { text: "Open", url: "https://app.example.com" },
      switchPm: { text: "Open", parameter: "go" },
    },
  );
  assertInputError(
    () => toInlineAnswerOptions({ button: { url: "https://a.b" } }, "params"),
    "params.button.text must be a string; got nothing",
  );
  assertInputError(
    () => toInlineAnswerOptions({ cacheTime: -1 }, "params"),
    "params.cacheTime must be an integer from 0 to 2147483647; got the number -1",
  );
});
