/** MTKruto's media objects rendered from TL (types.md §8, §4.2 step 4, the §16.3 photo), key order included. */
import type { tl } from "@mtcute/core";
import {
  documentFileIds,
  type DocumentFileType,
  documentThumbnailFileIds,
  photoFileIds,
} from "../../src/mtkruto/types/file_id.ts";
import {
  renderAnimation,
  renderAudio,
  renderDocumentContent,
  renderPhoto,
  renderSticker,
  renderThumbnails,
  renderVideo,
  renderVideoNote,
  renderVoice,
} from "../../src/mtkruto/types/media.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import { assertEquals, assertStrictEquals, assertThrows } from "../assert.ts";
import {
  assertRendersAs,
  long,
  tlDocument,
  tlPhoto,
  tlPhotoSize,
} from "./_mtkruto_fixtures.ts";
import { SAMPLE_PHOTO } from "./_mtkruto_samples.ts";

const VIDEO: tl.RawDocumentAttributeVideo = {
  _: "documentAttributeVideo",
  duration: 12.5,
  w: 1280,
  h: 720,
  supportsStreaming: true,
};
const ROUND: tl.RawDocumentAttributeVideo = {
  _: "documentAttributeVideo",
  roundMessage: true,
  duration: 9,
  w: 384,
  h: 384,
};
const ANIMATED: tl.RawDocumentAttributeAnimated = {
  _: "documentAttributeAnimated",
};
const STICKER: tl.RawDocumentAttributeSticker = {
  _: "documentAttributeSticker",
  alt: "😀",
  stickerset: {
    _: "inputStickerSetID",
    id: long("773947703670341676"),
    accessHash: long("-2934745345345"),
  },
};
const IMAGE_SIZE: tl.RawDocumentAttributeImageSize = {
  _: "documentAttributeImageSize",
  w: 512,
  h: 480,
};
const fileName = (name: string): tl.RawDocumentAttributeFilename => ({
  _: "documentAttributeFilename",
  fileName: name,
});
const THUMB = tlPhotoSize("m", 320, 180, 9000);

/** A document with these attributes and one plain thumbnail. */
function doc(
  attributes: tl.TypeDocumentAttribute[],
  overrides: Partial<tl.RawDocument> = {},
): tl.RawDocument {
  return tlDocument(attributes, { thumbs: [THUMB], ...overrides });
}

/** The ids MTKruto writes for `document` as `fileType`, and its thumbnail list. */
function idsOf(document: tl.RawDocument, fileType: DocumentFileType) {
  return documentFileIds(document, fileType);
}
function thumbnailsOf(document: tl.RawDocument) {
  return (document.thumbs ?? []).map((size) => ({
    ...documentThumbnailFileIds(document, size as tl.RawPhotoSize),
    width: 320,
    height: 180,
    fileSize: 9000,
  }));
}

Deno.test("renderPhoto: the §16.3 sample (progressive y is the photo; s, m, x its thumbnails; stripped skipped)", () => {
  assertRendersAs(renderPhoto(tlPhoto()), SAMPLE_PHOTO);
});

Deno.test("renderPhoto: sizes sorted by bytes whatever the TL order; a progressive one counts by its largest step", () => {
  const photo = tlPhoto({
    sizes: [
      tlPhotoSize("x", 800, 600, 61877),
      {
        _: "photoSizeProgressive",
        type: "m",
        w: 320,
        h: 240,
        sizes: [100, 15000],
      },
      tlPhotoSize("s", 90, 68, 1212),
      { _: "photoCachedSize", type: "c", w: 1, h: 1, bytes: new Uint8Array(1) },
      { _: "photoPathSize", type: "j", bytes: new Uint8Array(1) },
    ],
  });
  const size = (
    type: string,
    width: number,
    height: number,
    bytes: number,
  ) => ({
    ...photoFileIds(photo, { type }),
    width,
    height,
    fileSize: bytes,
  });
  assertRendersAs(renderPhoto(photo), {
    ...size("x", 800, 600, 61877),
    thumbnails: [size("s", 90, 68, 1212), size("m", 320, 240, 15000)],
  });
});

Deno.test("renderPhoto: a photo without a plain or progressive size throws RenderError", () => {
  assertThrows(
    () => renderPhoto(tlPhoto({ sizes: [{ _: "photoSizeEmpty", type: "s" }] })),
    RenderError,
  );
});

Deno.test("renderThumbnails: only plain photoSize thumbs, as document thumbnail ids", () => {
  const document = tlDocument([], {
    thumbs: [
      { _: "photoStrippedSize", type: "i", bytes: new Uint8Array(3) },
      THUMB,
      { _: "photoPathSize", type: "j", bytes: new Uint8Array(3) },
      { _: "photoSizeProgressive", type: "y", w: 9, h: 9, sizes: [1, 2] },
    ],
  });
  assertRendersAs(renderThumbnails(document), [{
    ...documentThumbnailFileIds(document, THUMB),
    width: 320,
    height: 180,
    fileSize: 9000,
  }]);
  assertEquals(renderThumbnails(tlDocument()), []);
});

Deno.test("renderDocumentContent: sticker first, so webm video stickers and animated stickers are stickers", () => {
  for (const extra of [VIDEO, ANIMATED]) {
    const document = doc([extra, STICKER], { mimeType: "video/webm" });
    assertStrictEquals(renderDocumentContent(document).type, "sticker");
  }
});

Deno.test("renderDocumentContent: animation before video, then video note / video, voice / audio, document", () => {
  const animation = doc([VIDEO, ANIMATED, fileName("cat.mp4")], {
    mimeType: "video/mp4",
  });
  assertRendersAs(renderDocumentContent(animation), {
    type: "animation",
    animation: {
      ...idsOf(animation, "animation"),
      width: 1280,
      height: 720,
      duration: 12.5,
      thumbnails: thumbnailsOf(animation),
      fileName: "cat.mp4",
      mimeType: "video/mp4",
      fileSize: 48000,
    },
  });
  const videoNote = doc([ROUND], { mimeType: "video/mp4" });
  assertRendersAs(renderDocumentContent(videoNote), {
    type: "videoNote",
    videoNote: {
      ...idsOf(videoNote, "videoNote"),
      length: 384,
      duration: 9,
      thumbnails: thumbnailsOf(videoNote),
      fileSize: 48000,
    },
  });
  const video = doc([fileName("trip.mp4"), VIDEO], { mimeType: "video/mp4" });
  assertRendersAs(renderDocumentContent(video), {
    type: "video",
    video: {
      ...idsOf(video, "video"),
      width: 1280,
      height: 720,
      duration: 12.5,
      thumbnails: thumbnailsOf(video),
      fileName: "trip.mp4",
      mimeType: "video/mp4",
      fileSize: 48000,
    },
  });
  const voice = doc(
    [{ _: "documentAttributeAudio", voice: true, duration: 4 }],
    {
      mimeType: "audio/ogg",
      thumbs: undefined,
    },
  );
  assertRendersAs(renderDocumentContent(voice), {
    type: "voice",
    voice: {
      ...idsOf(voice, "voice"),
      duration: 4,
      mimeType: "audio/ogg",
      fileSize: 48000,
    },
  });
  const audio = doc([
    {
      _: "documentAttributeAudio",
      duration: 200,
      title: "Air",
      performer: "Bach",
    },
    fileName("air.mp3"),
  ], { mimeType: "audio/mpeg" });
  assertRendersAs(renderDocumentContent(audio), {
    type: "audio",
    audio: {
      ...idsOf(audio, "audio"),
      duration: 200,
      performer: "Bach",
      title: "Air",
      mimeType: "audio/mpeg",
      fileSize: 48000,
      thumbnails: thumbnailsOf(audio),
    },
  });
  const file = doc([fileName("notes.pdf")], { mimeType: "application/pdf" });
  assertRendersAs(renderDocumentContent(file), {
    type: "document",
    document: {
      ...idsOf(file, "document"),
      thumbnails: thumbnailsOf(file),
      fileName: "notes.pdf",
      mimeType: "application/pdf",
      fileSize: 48000,
    },
  });
  const unnamed = tlDocument([IMAGE_SIZE]);
  assertRendersAs(renderDocumentContent(unnamed), {
    type: "document",
    document: {
      ...idsOf(unnamed, "document"),
      thumbnails: [],
      fileName: "Unknown",
      mimeType: "application/octet-stream",
      fileSize: 48000,
    },
  });
});

Deno.test("renderDocumentContent: a regular sticker, with setName only when given", () => {
  const document = doc([IMAGE_SIZE, STICKER, fileName("sticker.webp")], {
    mimeType: "image/webp",
  });
  const expected = {
    ...idsOf(document, "sticker"),
    type: "regular",
    width: 512,
    height: 480,
    isAnimated: false,
    isVideo: false,
    thumbnails: thumbnailsOf(document),
    emoji: "😀",
    fileSize: 48000,
  };
  assertRendersAs(renderDocumentContent(document), {
    type: "sticker",
    sticker: expected,
  });
  const { emoji, fileSize, ...head } = expected;
  assertRendersAs(
    renderDocumentContent(document, { stickerSetName: "HotCherry" }),
    {
      type: "sticker",
      sticker: { ...head, emoji, setName: "HotCherry", fileSize },
    },
  );
});

Deno.test("renderSticker: masks, animated and video stickers, custom emoji, size fallbacks", () => {
  const mask = renderSticker(tlDocument([{
    ...STICKER,
    mask: true,
    alt: "",
    maskCoords: { _: "maskCoords", n: 1, x: -0.5, y: 0.25, zoom: 1.5 },
  }], { mimeType: "application/x-tgsticker" }));
  assertRendersAs(mask, {
    ...idsOf(tlDocument(), "sticker"),
    type: "mask",
    width: 512,
    height: 512,
    isAnimated: true,
    isVideo: false,
    thumbnails: [],
    maskPosition: { point: "eyes", xShift: -0.5, yShift: 0.25, scale: 1.5 },
    fileSize: 48000,
  });
  const points = [0, 2, 3, 9].map((n) =>
    renderSticker(tlDocument([{
      ...STICKER,
      maskCoords: { _: "maskCoords", n, x: 0, y: 0, zoom: 1 },
    }])).maskPosition?.point
  );
  assertEquals(points, ["forehead", "mouth", "chin", "chin"]);

  const video = renderSticker(
    tlDocument([STICKER, { ...VIDEO, w: 512, h: 300 }], {
      mimeType: "video/webm",
    }),
  );
  assertEquals([video.isVideo, video.width, video.height], [true, 512, 300]);

  const customEmoji = tlDocument([
    {
      _: "documentAttributeCustomEmoji",
      alt: "⭐",
      textColor: true,
      stickerset: { _: "inputStickerSetEmpty" },
    },
    IMAGE_SIZE,
  ], { mimeType: "image/webp" });
  assertRendersAs(renderSticker(customEmoji), {
    ...idsOf(customEmoji, "sticker"),
    type: "customEmoji",
    width: 512,
    height: 480,
    isAnimated: false,
    isVideo: false,
    thumbnails: [],
    emoji: "⭐",
    customEmojiId: "",
    isRepaintingNeeded: true,
    fileSize: 48000,
  });
  const found = renderSticker(customEmoji, {
    customEmojiId: "5368324170671202286",
  });
  assertStrictEquals(found.customEmojiId, "5368324170671202286");
});

Deno.test("renderVideo: file name left out without an attribute, overridable (live photos), required attribute", () => {
  const video = tlDocument([VIDEO], { mimeType: "video/mp4" });
  assertStrictEquals("fileName" in renderVideo(video), false);
  assertStrictEquals(renderVideo(video, "video.mp4").fileName, "video.mp4");
  assertThrows(() => renderVideo(tlDocument([fileName("a.mp4")])), RenderError);
  assertThrows(() => renderVideoNote(tlDocument()), RenderError);
  assertThrows(() => renderVoice(tlDocument()), RenderError);
});

Deno.test("renderAnimation/renderAudio: zeros without the attribute, optional keys left out", () => {
  const gif = tlDocument([ANIMATED], { mimeType: "image/gif" });
  assertRendersAs(renderAnimation(gif), {
    ...idsOf(gif, "animation"),
    width: 0,
    height: 0,
    duration: 0,
    thumbnails: [],
    mimeType: "image/gif",
    fileSize: 48000,
  });
  const audio = tlDocument([], { mimeType: "audio/flac" });
  assertRendersAs(renderAudio(audio), {
    ...idsOf(audio, "audio"),
    duration: 0,
    mimeType: "audio/flac",
    fileSize: 48000,
    thumbnails: [],
  });
});
