/** MTKruto's media inputs (send params, InputMedia, locations, venues, contacts, dice) → mtcute's InputMediaLike. */
import { InputError } from "../../src/errors.ts";
import {
  toContactMedia,
  toDiceMedia,
  toInputMedia,
  toLocationMedia,
  toSendMedia,
  toVenueMedia,
} from "../../src/mtkruto/params/media.ts";
import { assert, assertEquals, assertThrowsWithMessage } from "../assert.ts";
import {
  assertInputError,
  attachedFile,
  documentFileId,
  photoFileId,
  plain,
} from "./_mtkruto_params_fixtures.ts";

const URL = "https://example.com/file";

Deno.test("toSendMedia: photo with 0.216 names, self-destruct and caption", () => {
  assertEquals(
    toSendMedia("photo", photoFileId(), {
      caption: "_cat_",
      parseMode: "Markdown",
      isSpoiler: true,
      selfDestruct: "afterOpen",
      // 0.4.0's name is not read any more.
      hasSpoiler: "ignored",
    }, "params"),
    {
      type: "photo",
      file: photoFileId(),
      caption: {
        text: "cat",
        entities: [{ _: "messageEntityItalic", offset: 0, length: 3 }],
      },
      spoiler: true,
      ttlSeconds: 0x7FFFFFFF,
    },
  );
  assertEquals(toSendMedia("photo", URL, { selfDestruct: 10 }, "params"), {
    type: "photo",
    file: URL,
    ttlSeconds: 10,
  });
  assertInputError(
    () => toSendMedia("photo", URL, { selfDestruct: 0 }, "params"),
    'params.selfDestruct must be "afterOpen" or a positive whole number of seconds; got the number 0',
  );
});

Deno.test("toSendMedia: an attached part's name, type and size unless the params set them", () => {
  const part = attachedFile("song.mp3");
  assertEquals(
    toSendMedia("audio", part, {
      mimeType: "audio/mpeg",
      duration: 180,
      performer: "Band",
      title: "Song",
      thumbnail: attachedFile("cover.jpg"),
    }, "params"),
    {
      type: "audio",
      file: part.file,
      fileName: "song.mp3",
      fileMime: "audio/mpeg",
      fileSize: 3,
      duration: 180,
      performer: "Band",
      title: "Song",
      thumb: attachedFile("cover.jpg").file,
    },
  );
  assertEquals(
    toSendMedia("document", part, { fileName: "other.bin", fileSize: 9 }, "p"),
    {
      type: "document",
      file: part.file,
      fileName: "other.bin",
      fileMime: "image/jpeg",
      fileSize: 9,
    },
  );
});

Deno.test("toSendMedia: an untyped photo part leaves the type to mtcute, which reads it from the bytes", () => {
  const part = {
    ...attachedFile("file"),
    mimeType: "application/octet-stream",
  };
  assertEquals(toSendMedia("photo", part, {}, "params"), {
    type: "photo",
    file: part.file,
    fileName: "file",
    fileSize: 3,
  });
  // A document keeps the type it came with: there it is the file's own.
  assertEquals(toSendMedia("document", part, {}, "params"), {
    type: "document",
    file: part.file,
    fileName: "file",
    fileMime: "application/octet-stream",
    fileSize: 3,
  });
});

Deno.test("toSendMedia: videos, animations, video notes, voice and stickers", () => {
  const video = documentFileId("video");
  assertEquals(
    toSendMedia("video", video, {
      duration: 12.5,
      width: 640,
      height: 480,
      isStreamingSupported: true,
      isSpoiler: false,
    }, "params"),
    {
      type: "video",
      file: video,
      duration: 12.5,
      width: 640,
      height: 480,
      supportsStreaming: true,
      spoiler: false,
    },
  );
  assertEquals(
    toSendMedia("animation", URL, { width: 100, height: 50 }, "params"),
    // MTKruto marks every animation it sends streamable.
    {
      type: "video",
      isAnimated: true,
      file: URL,
      width: 100,
      height: 50,
      supportsStreaming: true,
    },
  );
  // MTKruto's sendVideoNote takes no URL.
  assertInputError(
    () => toSendMedia("videoNote", URL, {}, "params"),
    "videoNote: URL not supported. A video note must be an upload or a file id",
  );
  assertEquals(
    toSendMedia("videoNote", documentFileId("videoNote"), {
      length: 240,
      duration: 3,
    }, "params"),
    {
      type: "video",
      isRound: true,
      file: documentFileId("videoNote"),
      width: 240,
      height: 240,
      duration: 3,
    },
  );
  assertEquals(
    toSendMedia("voice", documentFileId("voice"), { duration: 4 }, "params"),
    { type: "voice", file: documentFileId("voice"), duration: 4 },
  );
  assertEquals(
    toSendMedia("sticker", documentFileId("sticker"), {
      emoji: "😺",
      caption: "stickers have none",
    }, "params"),
    { type: "sticker", file: documentFileId("sticker"), alt: "😺" },
  );
});

Deno.test("toSendMedia: an uploaded sticker keeps its MIME type, which mtcute would make WebP", async () => {
  const part = (fileName: string, mimeType: string) => ({
    ...attachedFile(fileName),
    mimeType,
  });
  // A TGS sticker is mtcute's animated one.
  assertEquals(
    toSendMedia("sticker", part("duck.tgs", "application/x-tgsticker"), {
      emoji: "🦆",
    }, "params"),
    {
      type: "sticker",
      file: attachedFile().file,
      fileName: "duck.tgs",
      fileMime: "application/x-tgsticker",
      fileSize: 3,
      isAnimated: true,
      alt: "🦆",
    },
  );
  // A video sticker's bytes come as a Response that names their type.
  const video = toSendMedia("sticker", part("clap.webm", "video/webm"), {
    emoji: "👏",
  }, "params") as { file: unknown; fileMime: string; isAnimated?: true };
  assert(video.file instanceof Response);
  assertEquals(
    [video.file.headers.get("content-type"), video.fileMime, video.isAnimated],
    ["video/webm", "video/webm", undefined],
  );
  assertEquals(
    new Uint8Array(await video.file.arrayBuffer()),
    attachedFile().file,
  );
  // So is a reader's, read to its end.
  const chunks = [new Uint8Array([7, 8]), new Uint8Array([9])];
  const reader = {
    read: (into: Uint8Array) => {
      const chunk = chunks.shift();
      if (chunk) into.set(chunk);
      return Promise.resolve(chunk?.length ?? 0);
    },
  };
  const streamed = toSendMedia("sticker", reader, {
    mimeType: "video/webm",
  }, "params") as { file: Response };
  assertEquals(
    new Uint8Array(await streamed.file.arrayBuffer()),
    new Uint8Array([7, 8, 9]),
  );
  // A file id keeps its stored type: nothing to label.
  assertEquals(
    toSendMedia("sticker", documentFileId("sticker"), {
      mimeType: "video/webm",
    }, "params"),
    {
      type: "sticker",
      file: documentFileId("sticker"),
      fileMime: "video/webm",
    },
  );
});

Deno.test("toSendMedia: starCount makes a paid post that carries the caption", () => {
  assertEquals(
    toSendMedia("photo", URL, { starCount: 5, caption: "pay" }, "params"),
    {
      type: "paid",
      media: { type: "photo", file: URL },
      starsAmount: 5,
      caption: plain("pay"),
    },
  );
  assertInputError(
    () => toSendMedia("video", URL, { starCount: 0 }, "params"),
    "params.starCount must be an integer from 1 to 2147483647; got the number 0",
  );
});

Deno.test("toSendMedia: bad params and files name their path", () => {
  assertInputError(
    () => toSendMedia("video", URL, { width: "wide" }, "params"),
    'params.width must be an integer from 0 to 2147483647; got the string "wide"',
  );
  assertInputError(
    () => toSendMedia("video", URL, { duration: -1 }, "params"),
    "params.duration must be a non-negative number of seconds; got the number -1",
  );
  assertInputError(
    () => toSendMedia("document", URL, { chunkSize: 1024 * 1024 }, "params"),
    "params.chunkSize must be an integer from 1 to 524288; got the number 1048576",
  );
  assertThrowsWithMessage(
    () => toSendMedia("document", URL, { thumbnail: URL }, "params"),
    InputError,
    "params.thumbnail must be a multipart file part",
  );
  assertInputError(
    () => toSendMedia("sticker", photoFileId(), {}, "params"),
    "sticker: Invalid file ID. It is the file id of a photo, not of a sticker",
  );
  assertThrowsWithMessage(
    () => toSendMedia("photo", "/etc/passwd", {}, "params"),
    InputError,
    'photo must be a file: a file id, an http(s) URL, or {"_": "file"',
  );
});

Deno.test("toInputMedia: InputMedia with type, its file under the type's key", () => {
  assertEquals(
    toInputMedia({
      type: "video",
      video: URL,
      caption: "clip",
      isSpoiler: true,
      isStreamingSupported: true,
    }, "media[0]"),
    {
      type: "video",
      file: URL,
      caption: plain("clip"),
      spoiler: true,
      supportsStreaming: true,
    },
  );
  assertEquals(
    toInputMedia({ type: "animation", animation: URL, duration: 2 }, "m"),
    {
      type: "video",
      isAnimated: true,
      file: URL,
      duration: 2,
      supportsStreaming: true,
    },
  );
  assertEquals(
    toInputMedia({ type: "voice", voice: attachedFile("a.ogg") }, "m"),
    {
      type: "voice",
      file: attachedFile().file,
      fileName: "a.ogg",
      fileMime: "image/jpeg",
      fileSize: 3,
    },
  );
  assertInputError(
    () => toInputMedia({ photo: URL }, "media[1]"),
    'media[1].type must be one of "animation", "audio", "document", "photo", "video" or "voice"; got nothing',
  );
  assertThrowsWithMessage(
    () => toInputMedia({ type: "photo", video: URL }, "media[1]"),
    InputError,
    "media[1].photo must be a file",
    "got nothing",
  );
  assertInputError(
    () => toInputMedia({ type: "document", document: photoFileId() }, "m"),
    "m.document: Invalid file ID. It is the file id of a photo, not of a document",
  );
});

Deno.test("toLocationMedia: a point keeps its accuracy; livePeriod makes it live", () => {
  assertEquals(
    toLocationMedia(51.5, -0.12, { horizontalAccuracy: 10.4 }, "params"),
    {
      _: "inputMediaGeoPoint",
      geoPoint: {
        _: "inputGeoPoint",
        lat: 51.5,
        long: -0.12,
        accuracyRadius: 10,
      },
    },
  );
  assertEquals(
    toLocationMedia(1, 2, {
      livePeriod: 900,
      heading: 90,
      proximityAlertRadius: 100,
    }, "params"),
    {
      _: "inputMediaGeoLive",
      geoPoint: { _: "inputGeoPoint", lat: 1, long: 2 },
      period: 900,
      heading: 90,
      proximityNotificationRadius: 100,
    },
  );
  assertInputError(
    () => toLocationMedia(91, 0, {}, "params"),
    "latitude must be a number from -90 to 90; got the number 91",
  );
  assertInputError(
    () => toLocationMedia(0, 0, { heading: 0, livePeriod: 60 }, "params"),
    "params.heading must be an integer from 1 to 360; got the number 0",
  );
  assertInputError(
    () => toLocationMedia(0, 0, { horizontalAccuracy: 2000 }, "params"),
    "params.horizontalAccuracy must be from 0 to 1500 (meters); got 2000",
  );
});

Deno.test("toContactMedia, toVenueMedia and toDiceMedia", () => {
  assertEquals(
    toContactMedia("Ann", "+15550001", { lastName: "Lee", vcard: "V" }, "p"),
    {
      type: "contact",
      firstName: "Ann",
      phone: "+15550001",
      lastName: "Lee",
      vcard: "V",
    },
  );
  assertInputError(
    () => toContactMedia("", "+1", {}, "p"),
    'firstName must be a non-empty string; got the string ""',
  );
  assertEquals(
    toVenueMedia(1, 2, "Cafe", "Main St", {
      foursquareId: "4b",
      foursquareType: "food/cafe",
    }, "p"),
    {
      type: "venue",
      latitude: 1,
      longitude: 2,
      title: "Cafe",
      address: "Main St",
      source: { provider: "foursquare", id: "4b", type: "food/cafe" },
    },
  );
  assertEquals(toDiceMedia({}, "p"), { type: "dice", emoji: "🎲" });
  assertEquals(toDiceMedia({ emoji: "🎯" }, "p"), {
    type: "dice",
    emoji: "🎯",
  });
  assertThrowsWithMessage(
    () => toDiceMedia({ emoji: "🃏" }, "params"),
    InputError,
    'params.emoji must be one of "🎲", "🎯"',
  );
});
