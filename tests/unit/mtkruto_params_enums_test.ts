/** MTKruto's small input types: chat actions, search filters, callback questions, link previews and reactions. */
import { Long } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { toCallbackQuestion } from "../../src/mtkruto/params/callback.ts";
import { toTypingStatus } from "../../src/mtkruto/params/chat_action.ts";
import { toLinkPreview } from "../../src/mtkruto/params/link_preview.ts";
import { toReaction } from "../../src/mtkruto/params/reaction.ts";
import { toSearchFilter } from "../../src/mtkruto/params/search.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertInputError } from "./_mtkruto_params_fixtures.ts";

Deno.test("toTypingStatus: ChatActionType objects and 0.4.0 strings → TL actions", () => {
  assertEquals(toTypingStatus({ type: "typing" }, "action"), {
    _: "sendMessageTypingAction",
  });
  assertEquals(
    toTypingStatus({ type: "uploadingPhoto", progress: 40 }, "action"),
    { _: "sendMessageUploadPhotoAction", progress: 40 },
  );
  assertEquals(toTypingStatus({ type: "uploadingVideoNote" }, "action"), {
    _: "sendMessageUploadRoundAction",
    progress: 0,
  });
  assertEquals(toTypingStatus({ type: "choosingLocation" }, "action"), {
    _: "sendMessageGeoLocationAction",
  });
  assertEquals(toTypingStatus({ type: "cancel" }, "action"), {
    _: "sendMessageCancelAction",
  });
  assertEquals(toTypingStatus("type", "action"), {
    _: "sendMessageTypingAction",
  });
  // 0.4.0 sent the record action for uploadVideo; this sends the upload one.
  assertEquals(toTypingStatus("uploadVideo", "action"), {
    _: "sendMessageUploadVideoAction",
    progress: 0,
  });
  assertEquals(toTypingStatus("uploadAudio", "action"), {
    _: "sendMessageUploadAudioAction",
    progress: 0,
  });
  assertThrowsWithMessage(
    () => toTypingStatus({ type: "dancing" }, "action"),
    InputError,
    'action.type must be one of "typing", "uploadingPhoto"',
    'got the string "dancing"',
  );
  assertInputError(
    () => toTypingStatus({ type: "uploadingPhoto", progress: 101 }, "action"),
    "action.progress must be an integer from 0 to 100; got the number 101",
  );
  assertThrowsWithMessage(
    () => toTypingStatus("walk", "action"),
    InputError,
    "action must be a ChatActionType object",
    'got the string "walk"',
  );
});

Deno.test("toSearchFilter: MessageSearchFilter → TL filter", () => {
  assertEquals(toSearchFilter("photos", "params.filter"), {
    _: "inputMessagesFilterPhotos",
  });
  assertEquals(toSearchFilter("voiceMessagesAndVideoNotes", "f"), {
    _: "inputMessagesFilterRoundVoice",
  });
  assertEquals(toSearchFilter("animations", "f"), {
    _: "inputMessagesFilterGif",
  });
  assertThrowsWithMessage(
    () => toSearchFilter("photo", "params.filter"),
    InputError,
    'params.filter must be one of "empty", "animations"',
    '"pinned"; got the string "photo"',
  );
});

Deno.test("toCallbackQuestion: game, button and password questions", () => {
  assertEquals(toCallbackQuestion({ type: "game" }, "question"), {
    game: true,
  });
  assertEquals(
    toCallbackQuestion({ type: "button", data: "yes" }, "question"),
    { data: "yes" },
  );
  assertEquals(
    toCallbackQuestion(
      { type: "password", data: "pay", password: "hunter2" },
      "question",
    ),
    { data: "pay", password: "hunter2" },
  );
  assertInputError(
    () => toCallbackQuestion({ type: "button", data: "" }, "question"),
    'question.data must be a non-empty string; got the string ""',
  );
  assertInputError(
    () => toCallbackQuestion({ type: "password", data: "x" }, "question"),
    "question.password must be a non-empty string; got nothing",
  );
});

Deno.test("toLinkPreview: InputLinkPreview → preview switches or a webpage", () => {
  assertEquals(toLinkPreview({ type: "input", isDisabled: true }, "p"), {
    disableWebPreview: true,
  });
  assertEquals(
    toLinkPreview({
      type: "input",
      url: "https://example.com",
      mediaSize: "large",
      isAboveText: true,
    }, "p"),
    {
      invertMedia: true,
      webpage: { url: "https://example.com", size: "large" },
    },
  );
  // A disabled preview has no webpage to show.
  assertEquals(
    toLinkPreview({ type: "input", url: "https://a.b", isDisabled: true }, "p"),
    { disableWebPreview: true },
  );
  assertInputError(
    () => toLinkPreview({ isDisabled: true }, "params.linkPreview"),
    'params.linkPreview.type must be "input" (Expected link preview of type input.); got nothing',
  );
  assertInputError(
    () => toLinkPreview({ type: "input", mediaSize: "huge" }, "p"),
    'p.mediaSize must be one of "small" or "large"; got the string "huge"',
  );
});

Deno.test("toReaction: emoji, custom and paid reactions", () => {
  assertEquals(toReaction({ type: "emoji", emoji: "👍" }, "r"), "👍");
  assertEquals(
    toReaction({ type: "custom", id: "5368324170671202286" }, "r"),
    Long.fromString("5368324170671202286"),
  );
  assertEquals(toReaction({ type: "paid" }, "r"), { _: "reactionPaid" });
  assertInputError(
    () => toReaction({ type: "custom", id: 5 }, "r"),
    "r.id must be a 64-bit integer written as a decimal string; got the number 5",
  );
});
