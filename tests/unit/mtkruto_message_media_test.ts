/** MTKruto's media message variants (photo, livePhoto, document kinds, paid media) and the media base fields of types.md §4.1. */
import type { tl } from "@mtcute/core";
import {
  renderAnimation,
  renderAudio,
  renderDocument,
  renderPhoto,
  renderSticker,
  renderVideo,
  renderVideoNote,
  renderVoice,
} from "../../src/mtkruto/types/media.ts";
import { assert, assertEquals } from "../assert.ts";
import {
  assertRendersAs,
  long,
  tlDocument,
  tlPhoto,
} from "./_mtkruto_fixtures.ts";
import {
  tlMediaMessage,
  tlMessage,
  variantOf,
  VIDEO_ATTRIBUTE,
  videoDocument,
} from "./_mtkruto_message_fixtures.ts";

const CAPTION = {
  message: "A caption",
  entities: [{ _: "messageEntityItalic", offset: 2, length: 7 }],
} satisfies Partial<tl.RawMessage>;
const CAPTION_FIELDS = {
  caption: "A caption",
  captionEntities: [{ type: "italic", offset: 2, length: 7 }],
};

Deno.test("photo: the media base (caption, entities, selfDestruct, isSpoiler) before the photo", () => {
  const media: tl.RawMessageMediaPhoto = {
    _: "messageMediaPhoto",
    photo: tlPhoto(),
    spoiler: true,
    ttlSeconds: 30,
  };
  assertRendersAs(variantOf(tlMessage({ ...CAPTION, media })), {
    type: "photo",
    ...CAPTION_FIELDS,
    selfDestruct: 30,
    isSpoiler: true,
    photo: renderPhoto(tlPhoto()),
  });
  const afterOpen = tlMediaMessage({ ...media, ttlSeconds: 2147483647 });
  assertEquals(variantOf(afterOpen).selfDestruct, "afterOpen");
  const noTtl = variantOf(
    tlMediaMessage({ _: "messageMediaPhoto", photo: tlPhoto() }),
  );
  assertEquals([noTtl.caption, noTtl.isSpoiler], ["", false]);
  assert(!("selfDestruct" in noTtl));
});

Deno.test("photo: a photo medium without a photo (expired) is unsupported, without caption fields", () => {
  const expired = tlMediaMessage({ _: "messageMediaPhoto", ttlSeconds: 10 });
  assertEquals(variantOf(expired), { type: "unsupported" });
});

Deno.test("livePhoto: the photo and its video, the video named video.mp4", () => {
  const video = videoDocument();
  const media: tl.RawMessageMediaPhoto = {
    _: "messageMediaPhoto",
    photo: tlPhoto(),
    video,
  };
  assertRendersAs(variantOf(tlMediaMessage(media)), {
    type: "livePhoto",
    caption: "",
    captionEntities: [],
    isSpoiler: false,
    photo: renderPhoto(tlPhoto()),
    video: renderVideo(video, "video.mp4"),
  });
});

Deno.test("document media: each variant by its attributes; sticker and videoNote without caption fields", () => {
  const withMedia = (document: tl.RawDocument) =>
    variantOf(tlMessage({
      ...CAPTION,
      media: { _: "messageMediaDocument", document, spoiler: true },
    }));
  const captioned = { ...CAPTION_FIELDS, isSpoiler: true };
  const plain = tlDocument([{
    _: "documentAttributeFilename",
    fileName: "a.pdf",
  }]);
  assertRendersAs(withMedia(plain), {
    type: "document",
    ...captioned,
    document: renderDocument(plain),
  });
  const nameless = tlDocument();
  assertEquals(
    (withMedia(nameless).document as { fileName: string }).fileName,
    "Unknown",
  );
  const video = videoDocument();
  assertRendersAs(withMedia(video), {
    type: "video",
    ...captioned,
    video: renderVideo(video),
  });
  const gif = tlDocument([{ _: "documentAttributeAnimated" }, VIDEO_ATTRIBUTE]);
  assertRendersAs(withMedia(gif), {
    type: "animation",
    ...captioned,
    animation: renderAnimation(gif),
  });
  const voice = tlDocument([{
    _: "documentAttributeAudio",
    voice: true,
    duration: 3,
  }]);
  assertRendersAs(withMedia(voice), {
    type: "voice",
    ...captioned,
    voice: renderVoice(voice),
  });
  const song = tlDocument([{
    _: "documentAttributeAudio",
    duration: 200,
    title: "Song",
  }]);
  assertRendersAs(withMedia(song), {
    type: "audio",
    ...captioned,
    audio: renderAudio(song),
  });
  const sticker = tlDocument([
    {
      _: "documentAttributeSticker",
      alt: "😀",
      stickerset: { _: "inputStickerSetEmpty" },
    },
    VIDEO_ATTRIBUTE,
  ], { mimeType: "video/webm" });
  assertRendersAs(withMedia(sticker), {
    type: "sticker",
    sticker: renderSticker(sticker),
  });
  const round = tlDocument([{ ...VIDEO_ATTRIBUTE, roundMessage: true }]);
  assertRendersAs(withMedia(round), {
    type: "videoNote",
    videoNote: renderVideoNote(round),
  });
});

Deno.test("document media: an empty document is unsupported", () => {
  const empty = tlMediaMessage({
    _: "messageMediaDocument",
    document: { _: "documentEmpty", id: long(5) },
  });
  assertEquals(variantOf(empty), { type: "unsupported" });
  assertEquals(variantOf(tlMediaMessage({ _: "messageMediaDocument" })), {
    type: "unsupported",
  });
});

Deno.test("paid media: starCount between the caption fields and the spoiler; nothing purchased is unsupported with starCount", () => {
  const photo: tl.RawMessageMediaPhoto = {
    _: "messageMediaPhoto",
    photo: tlPhoto(),
    spoiler: true,
  };
  const paid = (extendedMedia: tl.TypeMessageExtendedMedia[]) =>
    variantOf(
      tlMediaMessage({
        _: "messageMediaPaidMedia",
        starsAmount: long(25),
        extendedMedia,
      }),
    );
  assertRendersAs(paid([{ _: "messageExtendedMedia", media: photo }]), {
    type: "photo",
    caption: "",
    captionEntities: [],
    starCount: 25,
    isSpoiler: true,
    photo: renderPhoto(tlPhoto()),
  });
  const video = videoDocument();
  assertRendersAs(
    paid([{
      _: "messageExtendedMedia",
      media: { _: "messageMediaDocument", document: video },
    }]),
    {
      type: "video",
      caption: "",
      captionEntities: [],
      starCount: 25,
      isSpoiler: false,
      video: renderVideo(video, "video.mp4"),
    },
  );
  assertRendersAs(paid([{ _: "messageExtendedMediaPreview" }]), {
    type: "unsupported",
    starCount: 25,
  });
});
