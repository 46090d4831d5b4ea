/** answerInlineQuery's article and media results (0.216 kinds, cached ones included) → mtcute's InputInlineResult. */
import { toInlineResults } from "../../src/mtkruto/params/inline_results.ts";
import { assertEquals } from "../assert.ts";
import {
  assertInputError,
  documentFileId,
  photoFileId,
  plain,
} from "./_mtkruto_params_fixtures.ts";

const keyboard = {
  type: "inlineKeyboard",
  inlineKeyboard: [[{ type: "url", text: "Open", url: "https://a.b" }]],
};
const mtcuteKeyboard = {
  type: "inline",
  buttons: [[{ _: "keyboardButtonUrl", text: "Open", url: "https://a.b" }]],
};

Deno.test("article: every MessageContent kind mtcute can send", () => {
  const article = (messageContent: unknown) => ({
    type: "article",
    id: "a",
    title: "T",
    messageContent,
  });
  assertEquals(
    toInlineResults([
      {
        ...article({ type: "text", text: "*hi*", parseMode: "Markdown" }),
        description: "D",
        url: "https://example.com",
        isUrlHidden: true,
        thumbnailUrl: "https://example.com/t.jpg",
        thumbnailWidth: "64",
        replyMarkup: keyboard,
      },
      article({
        type: "text",
        text: "see",
        linkPreview: { type: "input", url: "https://x.y", mediaSize: "small" },
      }),
      article({ type: "location", latitude: 1, longitude: 2, livePeriod: 60 }),
      article({
        type: "venue",
        latitude: 1,
        longitude: 2,
        title: "V",
        address: "A",
        googlePlaceId: "g1",
      }),
      article({ type: "contact", phoneNumber: "+1", firstName: "Ann" }),
    ], "results"),
    [
      {
        type: "article",
        id: "a",
        title: "T",
        description: "D",
        url: "https://example.com",
        hideUrl: true,
        thumb: "https://example.com/t.jpg",
        message: {
          type: "text",
          text: {
            text: "hi",
            entities: [{ _: "messageEntityBold", offset: 0, length: 2 }],
          },
          replyMarkup: mtcuteKeyboard,
        },
      },
      {
        type: "article",
        id: "a",
        title: "T",
        message: {
          type: "webpage",
          url: "https://x.y",
          size: "small",
          text: plain("see"),
        },
      },
      {
        type: "article",
        id: "a",
        title: "T",
        message: { type: "geo_live", latitude: 1, longitude: 2, period: 60 },
      },
      {
        type: "article",
        id: "a",
        title: "T",
        message: {
          type: "venue",
          latitude: 1,
          longitude: 2,
          title: "V",
          address: "A",
          source: { provider: "gplaces", id: "g1", type: "" },
        },
      },
      {
        type: "article",
        id: "a",
        title: "T",
        message: { type: "contact", phone: "+1", firstName: "Ann" },
      },
    ],
  );
  assertInputError(
    () =>
      toInlineResults([{ type: "article", id: "a", title: "T" }], "results"),
    "results[0].messageContent must be a MessageContent object; got nothing",
  );
  assertInputError(
    () =>
      toInlineResults([article({ type: "invoice", title: "x" })], "results"),
    'results[0].messageContent: a message content of type "invoice" is not supported by this server; use "text", "location", "venue" or "contact"',
  );
  assertInputError(
    () => toInlineResults([article({ type: "text", text: 5 })], "results"),
    "results[0].messageContent.text must be a string; got the number 5",
  );
});

Deno.test("URL media results with captions and keyboards", () => {
  assertEquals(
    toInlineResults([
      {
        type: "photo",
        id: "p",
        url: "https://e.x/p.jpg",
        thumbnailUrl: "https://e.x/t.jpg",
        width: 10,
        height: 20,
        caption: "cap",
        replyMarkup: keyboard,
      },
      {
        type: "mpeg4Gif",
        id: "g",
        url: "https://e.x/g.mp4",
        duration: 2,
        thumbnailMimeType: "image/jpeg",
      },
      { type: "gif", id: "g2", url: "https://e.x/g.gif" },
      {
        type: "video",
        id: "v",
        title: "V",
        url: "https://youtube.example/embed",
        mimeType: "text/html",
        thumbnailUrl: "https://e.x/t.jpg",
        videoDuration: 30,
      },
      {
        type: "audio",
        id: "au",
        title: "Song",
        url: "https://e.x/s.mp3",
        performer: "Band",
        audioDuration: 100,
      },
      { type: "voice", id: "vo", title: "Hi", url: "https://e.x/v.ogg" },
      { type: "document", id: "d", title: "Doc", url: "https://e.x/d.pdf" },
    ], "results"),
    [
      {
        type: "photo",
        id: "p",
        media: "https://e.x/p.jpg",
        thumb: "https://e.x/t.jpg",
        width: 10,
        height: 20,
        message: {
          type: "media",
          text: plain("cap"),
          replyMarkup: mtcuteKeyboard,
        },
      },
      {
        type: "gif",
        id: "g",
        media: "https://e.x/g.mp4",
        mime: "video/mp4",
        duration: 2,
        thumbMime: "image/jpeg",
      },
      { type: "gif", id: "g2", media: "https://e.x/g.gif", mime: "image/gif" },
      {
        type: "video",
        id: "v",
        media: "https://youtube.example/embed",
        isEmbed: true,
        title: "V",
        thumb: "https://e.x/t.jpg",
        duration: 30,
      },
      {
        type: "audio",
        id: "au",
        media: "https://e.x/s.mp3",
        title: "Song",
        performer: "Band",
        duration: 100,
      },
      { type: "voice", id: "vo", media: "https://e.x/v.ogg", title: "Hi" },
      {
        type: "file",
        id: "d",
        media: "https://e.x/d.pdf",
        mime: "application/octet-stream",
        title: "Doc",
      },
    ],
  );
  assertInputError(
    () =>
      toInlineResults(
        [{ type: "photo", id: "p", url: "https://e.x/p.jpg" }],
        "results",
      ),
    "results[0].thumbnailUrl must be an http(s) URL; got nothing",
  );
  assertInputError(
    () =>
      toInlineResults([{
        type: "photo",
        id: "p",
        url: "file:/etc/passwd",
        thumbnailUrl: "https://e.x/t.jpg",
      }], "results"),
    'results[0].url must be an http(s) URL; got the string "file:/etc/passwd"',
  );
});

Deno.test("cached results take file ids of the right location", () => {
  const doc = documentFileId();
  assertEquals(
    toInlineResults([
      { type: "cachedPhoto", id: "1", fileId: photoFileId(), title: "P" },
      { type: "cachedDocument", id: "2", fileId: doc, description: "D" },
      { type: "cachedGif", id: "3", fileId: documentFileId("animation") },
      { type: "cachedMpeg4Gif", id: "4", fileId: documentFileId("animation") },
      {
        type: "cachedVideo",
        id: "5",
        fileId: documentFileId("video"),
        title: "V",
      },
      {
        type: "cachedVoice",
        id: "6",
        fileId: documentFileId("voice"),
        title: "Hi",
      },
      { type: "cachedAudio", id: "7", fileId: documentFileId("audio") },
      { type: "sticker", id: "8", fileId: documentFileId("sticker") },
    ], "results"),
    [
      { type: "photo", id: "1", media: photoFileId(), title: "P" },
      { type: "file", id: "2", media: doc, description: "D" },
      { type: "gif", id: "3", media: documentFileId("animation") },
      { type: "gif", id: "4", media: documentFileId("animation") },
      { type: "video", id: "5", media: documentFileId("video"), title: "V" },
      { type: "voice", id: "6", media: documentFileId("voice"), title: "Hi" },
      { type: "audio", id: "7", media: documentFileId("audio") },
      { type: "sticker", id: "8", media: documentFileId("sticker") },
    ],
  );
  assertInputError(
    () => toInlineResults([{ type: "cachedPhoto", id: "1", fileId: doc }], "r"),
    "r[0].fileId: Invalid file ID. It is the file id of a document; this result needs a photo's",
  );
  assertInputError(
    () =>
      toInlineResults(
        [{ type: "sticker", id: "1", fileId: "https://e.x/s.webp" }],
        "r",
      ),
    'r[0].fileId must be a file id; got the string "https://e.x/s.webp"',
  );
});
