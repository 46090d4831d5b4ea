/** sendPoll's question, options and params, and InputPollMedia → mtcute's poll medium. */
import { toPollMedia } from "../../src/mtkruto/params/media.ts";
import { toPollAttachment } from "../../src/mtkruto/params/poll.ts";
import { assertEquals } from "../assert.ts";
import { assertInputError, plain } from "./_mtkruto_params_fixtures.ts";

const URL = "https://example.com/file";

Deno.test("toPollMedia: 0.216 options and params → mtcute poll", () => {
  assertEquals(
    toPollMedia("Lunch?", ["Pizza", {
      text: "*Sushi*",
      parseMode: "Markdown",
    }], {
      isAnonymous: false,
      isMultipleAnswersAllowed: true,
      openPeriod: 60,
      closeDate: 1900000000,
      isRevotingAllowed: false,
      isShuffled: true,
      isResultHidden: true,
      isAddingOptionsAllowed: true,
      isClosed: false,
      description: "Vote now",
      // Removed in 0.216.
      allowMultipleAnswers: "ignored",
    }, "params"),
    {
      type: "poll",
      question: plain("Lunch?"),
      answers: [
        { text: plain("Pizza") },
        {
          text: {
            text: "Sushi",
            entities: [{ _: "messageEntityBold", offset: 0, length: 5 }],
          },
        },
      ],
      closed: false,
      public: true,
      multiple: true,
      closePeriod: 60,
      closeDate: 1900000000000,
      openAnswers: true,
      disableRevoting: true,
      shuffleAnswers: true,
      hideResultsUntilClose: true,
      caption: plain("Vote now"),
    },
  );
});

Deno.test("toPollMedia: quizzes, poll media and refusals", () => {
  assertEquals(
    toPollMedia("2+2?", ["3", "4"], {
      type: "quiz",
      correctOptionIndexes: [1],
      explanation: "basic",
      explanationMedia: { type: "link", url: "https://example.com" },
      media: { type: "location", latitude: 1, longitude: 2 },
    }, "params"),
    {
      type: "quiz",
      question: plain("2+2?"),
      answers: [{ text: plain("3") }, { text: plain("4") }],
      attachedMedia: {
        _: "inputMediaGeoPoint",
        geoPoint: { _: "inputGeoPoint", lat: 1, long: 2 },
      },
      correct: [1],
      solution: plain("basic"),
      solutionMedia: { type: "webpage", url: "https://example.com" },
    },
  );
  assertInputError(
    () => toPollMedia("Q", ["a", "b"], { correctOptionIndexes: [2] }, "params"),
    "params.correctOptionIndexes[0] must be an integer from 0 to 1; got the number 2",
  );
  assertInputError(
    () => toPollMedia(" ", ["a"], {}, "params"),
    "question must not be empty",
  );
  assertInputError(
    () => toPollMedia("Q", [], {}, "params"),
    "options must hold at least one option",
  );
  assertInputError(
    () => toPollMedia("Q", ["a", 5], {}, "params"),
    "options[1] must be an object; got the number 5",
  );
  assertInputError(
    () => toPollMedia("Q", ["a", "b"], { countries: ["DE"] }, "params"),
    "params.countries is not supported by this server",
  );
  assertInputError(
    () => toPollMedia("Q", ["a", "b"], { type: "vote" }, "params"),
    'params.type must be one of "regular" or "quiz"; got the string "vote"',
  );
});

Deno.test("toPollAttachment: InputPollMedia kinds", () => {
  assertEquals(
    toPollAttachment({ type: "photo", photo: URL, isSpoiler: true }, "m"),
    { type: "photo", file: URL, spoiler: true },
  );
  assertEquals(
    toPollAttachment({
      type: "livePhoto",
      photo: URL,
      video: "https://example.com/v.mp4",
    }, "m"),
    {
      type: "photo",
      file: URL,
      livePhotoVideo: { type: "video", file: "https://example.com/v.mp4" },
    },
  );
  assertEquals(
    toPollAttachment({
      type: "venue",
      latitude: 1,
      longitude: 2,
      title: "T",
      address: "A",
    }, "m"),
    {
      type: "venue",
      latitude: 1,
      longitude: 2,
      title: "T",
      address: "A",
      source: { provider: "foursquare", id: "", type: "" },
    },
  );
  assertInputError(
    () => toPollAttachment({ type: "gif", url: URL }, "params.media"),
    'params.media.type must be one of "animation", "photo", "video", "sticker", "livePhoto", "location", "venue" or "link"; got the string "gif"',
  );
});
