/** Sticker set inputs (slug or link, a sticker's file id, InputSticker) and the StickerSet renderer. */
import type { tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import {
  readAnimationFileId,
  readInputSticker,
  readStickerFileId,
  readStickerSetSlug,
} from "../../src/mtkruto/params/stickers.ts";
import { documentFileIds } from "../../src/mtkruto/types/file_id.ts";
import { renderStickerSet } from "../../src/mtkruto/types/sticker_set.ts";
import { assertEquals, assertThrows, assertThrowsMatching } from "../assert.ts";
import { long, tlDocument } from "./_mtkruto_fixtures.ts";
import { setRef, stickerDocument } from "./_mtkruto_sticker_set_fixtures.ts";

const PATH = "Argument 1 of getStickerSet (slug)";

Deno.test("sticker set slug: a slug as it is, a t.me/addstickers link's slug", () => {
  assertEquals(readStickerSetSlug("cats_by_bot", PATH), "cats_by_bot");
  for (
    const link of [
      "https://t.me/addstickers/cats_by_bot",
      "http://t.me/addstickers/cats_by_bot/",
    ]
  ) {
    assertEquals(readStickerSetSlug(link, PATH), "cats_by_bot");
  }
});

Deno.test("sticker set slug: other links, empty strings and non-strings are InputErrors naming the argument", () => {
  for (
    const bad of [
      "https://example.com/addstickers/cats",
      "https://t.me/addemoji/cats",
      "https://t.me/addstickers/",
      "ftp://t.me/addstickers/cats",
      "cats/dogs",
    ]
  ) {
    const error = assertThrows(() => readStickerSetSlug(bad, PATH), InputError);
    assertEquals(
      error.message.startsWith(`${PATH}: Invalid sticker set slug or link.`),
      true,
      error.message,
    );
  }
  assertThrowsMatching(
    () => readStickerSetSlug("", PATH),
    /getStickerSet \(slug\) must be a non-empty string/,
  );
  assertThrowsMatching(
    () => readStickerSetSlug(7, PATH),
    /getStickerSet \(slug\) must be a non-empty string/,
  );
});

Deno.test("sticker file id: a sticker's id gives its inputDocument; anything else is an InputError", () => {
  const document = stickerDocument();
  const { fileId } = documentFileIds(document, "sticker");
  const input = readStickerFileId(fileId, "fileId");
  assertEquals(
    [input._, input.id.toString(), input.accessHash.toString()],
    ["inputDocument", document.id.toString(), document.accessHash.toString()],
  );
  assertThrowsMatching(
    () => readStickerFileId("not an id", "fileId"),
    /fileId must be the file id of a sticker/,
  );
});

Deno.test("InputSticker: its file as a sticker medium with the emoji; a missing emoji or file names the key", () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const read = readInputSticker({ sticker: bytes, emoji: "😺" }, "sticker");
  assertEquals(read.emoji, "😺");
  assertEquals(
    [
      (read.media as { type?: string }).type,
      (read.media as { alt?: string }).alt,
    ],
    ["sticker", "😺"],
  );
  assertThrowsMatching(
    () => readInputSticker({ sticker: bytes }, "sticker"),
    /sticker\.emoji must be a string/,
  );
  assertThrowsMatching(
    () => readInputSticker({ sticker: bytes, emoji: "" }, "sticker"),
    /sticker\.emoji must not be empty/,
  );
  assertThrowsMatching(
    () => readInputSticker({ emoji: "😺" }, "sticker"),
    /sticker\.sticker must be a file/,
  );
});

Deno.test("animation file id: an animation's id gives its inputDocument; a sticker's is MTKruto's Invalid file ID.", () => {
  const document = tlDocument([{ _: "documentAttributeAnimated" }], {
    mimeType: "video/mp4",
  });
  const input = readAnimationFileId(
    documentFileIds(document, "animation").fileId,
    "fileId",
  );
  assertEquals(
    [input._, input.id.toString()],
    ["inputDocument", document.id.toString()],
  );
  for (
    const wrong of [documentFileIds(document, "sticker").fileId, "not an id"]
  ) {
    assertThrowsMatching(
      () => readAnimationFileId(wrong, "fileId"),
      /fileId: Invalid file ID\. It must be the file id of an animation/,
    );
  }
});

/** A full `messages.stickerSet` of `documents`, with `flags` on the set. */
function fullSet(
  documents: tl.TypeDocument[],
  flags: Partial<tl.RawStickerSet> = {},
): tl.messages.RawStickerSet {
  return {
    _: "messages.stickerSet",
    set: {
      _: "stickerSet",
      id: setRef().id,
      accessHash: setRef().accessHash,
      title: "Cats",
      shortName: "cats_by_bot",
      count: documents.length,
      hash: 0,
      ...flags,
    },
    packs: [],
    keywords: [],
    documents,
  };
}

Deno.test("StickerSet: the set's fields, its stickers in order naming the set", () => {
  const second = tlDocument([
    { _: "documentAttributeImageSize", w: 512, h: 340 },
    { _: "documentAttributeSticker", alt: "🐶", stickerset: setRef() },
  ], { id: long(42), mimeType: "image/webp" });
  const set = renderStickerSet(
    fullSet([stickerDocument(), second, { _: "documentEmpty", id: long(1) }], {
      creator: true,
      installedDate: 1700000000,
    }),
  );
  assertEquals(
    { ...set, stickers: set.stickers.map((s) => [s.emoji, s.setName]) },
    {
      id: setRef().id.toString(),
      name: "cats_by_bot",
      title: "Cats",
      type: "regular",
      stickers: [["😺", "cats_by_bot"], ["🐶", "cats_by_bot"]],
      thumbnails: [],
      isAdaptive: false,
      canSetAsChannelStatus: false,
      isCreator: true,
      isOfficial: false,
      isArchived: false,
      addedAt: 1700000000,
    },
  );
  assertEquals(set.stickers[1].height, 340);
});

Deno.test("StickerSet: emoji and mask sets, adaptive, official, archived, no addedAt when not added", () => {
  const emoji = renderStickerSet(
    fullSet([], { emojis: true, textColor: true, channelEmojiStatus: true }),
  );
  assertEquals(
    [emoji.type, emoji.isAdaptive, emoji.canSetAsChannelStatus],
    ["customEmoji", true, true],
  );
  assertEquals("addedAt" in emoji, false);
  const masks = renderStickerSet(
    fullSet([], { masks: true, official: true, archived: true }),
  );
  assertEquals(
    [masks.type, masks.isOfficial, masks.isArchived, masks.isCreator],
    ["mask", true, true, false],
  );
});
