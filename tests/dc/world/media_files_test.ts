import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import {
  botChatSetup,
  pngHeader,
  randomId,
  sendMedia,
  uploaded,
} from "./_bots_testing.ts";
import { rpcError } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";
import { resolveFileMedia } from "./media_files.ts";
import { World } from "./world.ts";

/** A GIF header of `w`×`h`. */
function gifHeader(w: number, h: number): Uint8Array {
  const bytes = new Uint8Array(32);
  bytes.set(new TextEncoder().encode("GIF89a"));
  new DataView(bytes.buffer).setUint16(6, w, true);
  new DataView(bytes.buffer).setUint16(8, h, true);
  return bytes;
}

/** A WebP (VP8X) header of `w`×`h`. */
function webpHeader(w: number, h: number): Uint8Array {
  const bytes = new Uint8Array(40);
  bytes.set(new TextEncoder().encode("RIFF"), 0);
  bytes.set(new TextEncoder().encode("WEBPVP8X"), 8);
  const uint24 = (at: number, value: number) =>
    bytes.set([value & 0xff, (value >> 8) & 0xff, value >> 16], at);
  uint24(24, w - 1);
  uint24(27, h - 1);
  return bytes;
}

async function filesSetup() {
  const setup = await botChatSetup();
  const { world, botMain, userPeer, user, bot } = setup;
  /** The bot sends `media`; returns the user's copy of the media. */
  const deliver = async (media: tl.TypeInputMedia, caption = "") => {
    await sendMedia(world, botMain, userPeer, media, caption);
    return world.state.mailboxes.chat(user.id, bot.id).at(-1)!.media!;
  };
  const document = async (
    bytes: Uint8Array,
    name: string,
    mimeType: string,
    attributes: tl.TypeDocumentAttribute[],
    extra: Partial<tl.RawInputMediaUploadedDocument> = {},
  ) => {
    const media = await deliver({
      _: "inputMediaUploadedDocument",
      file: await uploaded(world, botMain, bytes, name),
      mimeType,
      attributes,
      ...extra,
    });
    assert(
      media._ === "messageMediaDocument" && media.document?._ === "document",
    );
    return { media, document: media.document };
  };
  return { ...setup, deliver, document };
}

const location = (
  file: tl.RawPhoto | tl.RawDocument,
  thumbSize: string,
): tl.TypeInputFileLocation => ({
  _: file._ === "photo"
    ? "inputPhotoFileLocation"
    : "inputDocumentFileLocation",
  id: file.id,
  accessHash: file.accessHash,
  fileReference: file.fileReference,
  thumbSize,
});

Deno.test("photos get Telegram's s/m/x/y sizes; every size downloads, unknown ones are LOCATION_INVALID", async () => {
  const { world, userMain, deliver, botMain } = await filesSetup();
  const bytes = pngHeader(1000, 500);
  const media = await deliver({
    _: "inputMediaUploadedPhoto",
    file: await uploaded(world, botMain, bytes, "big.png"),
    spoiler: true,
  });
  assert(media._ === "messageMediaPhoto" && media.photo?._ === "photo");
  assertStrictEquals(media.spoiler, true);
  assertEquals(
    media.photo.sizes.map((s) => s._ === "photoSize" && [s.type, s.w, s.h]),
    [["s", 100, 50], ["m", 320, 160], ["x", 800, 400], ["y", 1000, 500]],
  );
  const get = (thumbSize: string) =>
    invoke(world, userMain, {
      _: "upload.getFile",
      location: location(media.photo as tl.RawPhoto, thumbSize),
      offset: 0,
      limit: 4096,
    });
  assertEquals((await get("s") as tl.upload.RawFile).bytes, bytes);
  assertStrictEquals(await rpcError(get("w")), "LOCATION_INVALID");
});

Deno.test("videos, video notes, audio, voice, animations and stickers keep their attributes and flags", async () => {
  const { world, botMain, document: doc } = await filesSetup();
  const clip = await doc(new Uint8Array(100), "clip.mp4", "video/mp4", [{
    _: "documentAttributeVideo",
    duration: 5,
    w: 320,
    h: 240,
    supportsStreaming: true,
  }], { thumb: await uploaded(world, botMain, pngHeader(90, 60), "t.png") });
  assertEquals([clip.media.video, clip.media.round], [true, undefined]);
  assertEquals(clip.document.attributes.map((a) => a._), [
    "documentAttributeVideo",
    "documentAttributeFilename",
  ]);
  assertEquals(clip.document.thumbs, [
    { _: "photoSize", type: "m", w: 90, h: 60, size: 64 },
  ]);
  const thumb = await invoke(world, botMain, {
    _: "upload.getFile",
    location: location(clip.document, "m"),
    offset: 0,
    limit: 4096,
  });
  assertEquals((thumb as tl.upload.RawFile).bytes, pngHeader(90, 60));
  assertStrictEquals(
    (thumb as tl.upload.RawFile).type._,
    // a document's thumbnail is served as a JPEG
    "storage.fileJpeg",
  );

  const round = await doc(new Uint8Array(10), "n.mp4", "video/mp4", [{
    _: "documentAttributeVideo",
    roundMessage: true,
    duration: 1,
    w: 240,
    h: 240,
  }]);
  assertEquals([round.media.video, round.media.round], [undefined, true]);

  const voice = await doc(new Uint8Array(10), "v.ogg", "audio/ogg", [{
    _: "documentAttributeAudio",
    voice: true,
    duration: 3,
  }]);
  assertStrictEquals(voice.media.voice, true);
  // voice messages carry no file name
  assertEquals(voice.document.attributes.map((a) => a._), [
    "documentAttributeAudio",
  ]);

  const song = await doc(new Uint8Array(10), "s.mp3", "audio/mpeg", [{
    _: "documentAttributeAudio",
    duration: 200,
    title: "Song",
    performer: "Band",
  }]);
  const audio = song.document.attributes[0];
  assert(audio._ === "documentAttributeAudio");
  assertEquals([audio.title, audio.performer, audio.duration], [
    "Song",
    "Band",
    200,
  ]);

  const gif = await doc(gifHeader(48, 32), "a.gif", "image/gif", [
    { _: "documentAttributeAnimated" },
  ]);
  assert(
    gif.document.attributes.some((a) =>
      a._ === "documentAttributeImageSize" && a.w === 48 && a.h === 32
    ),
  );
  assertStrictEquals(gif.media.video, undefined);

  const sticker = await doc(webpHeader(512, 384), "s.webp", "image/webp", [{
    _: "documentAttributeSticker",
    alt: "😺",
    stickerset: { _: "inputStickerSetEmpty" },
  }]);
  assert(
    sticker.document.attributes.some((a) =>
      a._ === "documentAttributeImageSize" && a.w === 512 && a.h === 384
    ),
  );

  const forced = await doc(new Uint8Array(10), "raw.mp4", "video/mp4", [
    { _: "documentAttributeVideo", duration: 1, w: 1, h: 1 },
    { _: "documentAttributeFilename", fileName: "raw.mp4" },
  ], { forceFile: true });
  assertEquals(forced.document.attributes.map((a) => a._), [
    "documentAttributeFilename",
  ]);
  assertStrictEquals(forced.media.video, undefined);
});

Deno.test("stored files are reused by id; a stale file reference is FILE_REFERENCE_EXPIRED", async () => {
  const { world, botMain, userPeer, document } = await filesSetup();
  const { document: stored } = await document(
    new Uint8Array(10),
    "a.bin",
    "application/octet-stream",
    [],
  );
  const reuse = (fileReference: Uint8Array, accessHash = stored.accessHash) =>
    sendMedia(world, botMain, userPeer, {
      _: "inputMediaDocument",
      id: { _: "inputDocument", id: stored.id, accessHash, fileReference },
    });
  await reuse(stored.fileReference);
  assertStrictEquals(
    await rpcError(reuse(new Uint8Array([1, 2, 3]))),
    "FILE_REFERENCE_EXPIRED",
  );
  assertStrictEquals(
    await rpcError(reuse(stored.fileReference, stored.id)),
    "DOCUMENT_INVALID",
  );
});

Deno.test("external media in messages are WEBPAGE_CURL_FAILED, as Telegram answers when it cannot fetch the URL", async () => {
  const { world, botMain, userPeer, user, bot } = await filesSetup();
  const external: tl.TypeInputMedia[] = [
    { _: "inputMediaPhotoExternal", url: "https://example.com/cat.jpg" },
    { _: "inputMediaDocumentExternal", url: "https://example.com/a.mp4" },
  ];
  for (const media of external) {
    assertStrictEquals(
      await rpcError(sendMedia(world, botMain, userPeer, media)),
      "WEBPAGE_CURL_FAILED",
    );
    assertStrictEquals(
      await rpcError(
        invoke(world, botMain, {
          _: "messages.uploadMedia",
          peer: userPeer,
          media,
        }),
      ),
      "WEBPAGE_CURL_FAILED",
    );
    assertStrictEquals(
      await rpcError(
        invoke(world, botMain, {
          _: "messages.sendMultiMedia",
          peer: userPeer,
          multiMedia: [{
            _: "inputSingleMedia",
            media,
            randomId: randomId(),
            message: "",
          }],
        }),
      ),
      "WEBPAGE_CURL_FAILED",
    );
  }
  assertEquals(world.state.mailboxes.chat(user.id, bot.id), []);
});

Deno.test("inline results' content URLs are empty placeholders named after the URL, typed by its extension", () => {
  const { state } = new World();
  const botId = 1000001;
  const video = resolveFileMedia(state, botId, {
    _: "inputMediaDocumentExternal",
    url: "https://example.com/media/clip%201.mp4?x=1",
  });
  assert(
    video?._ === "messageMediaDocument" && video.document?._ === "document",
  );
  assertEquals([video.document.mimeType, video.document.size], [
    "video/mp4",
    0,
  ]);
  assertEquals(video.document.attributes.map((a) => a._), [
    "documentAttributeFilename",
    "documentAttributeVideo",
  ]);
  assertEquals(
    (video.document.attributes[0] as tl.RawDocumentAttributeFilename).fileName,
    "clip 1.mp4",
  );
  const photo = resolveFileMedia(state, botId, {
    _: "inputMediaPhotoExternal",
    url: "https://example.com/cat.jpg",
  });
  assert(photo?._ === "messageMediaPhoto" && photo.photo?._ === "photo");
  assertStrictEquals(photo.photo.sizes.length, 3);
});

Deno.test("albums share a grouped_id; uploads must go through uploadMedia first", async () => {
  const { world, botMain, userPeer, user, bot } = await filesSetup();
  const photos = [];
  for (const name of ["a.png", "b.png"]) {
    const media = await invoke(world, botMain, {
      _: "messages.uploadMedia",
      peer: userPeer,
      media: {
        _: "inputMediaUploadedPhoto",
        file: await uploaded(world, botMain, pngHeader(10, 10), name),
      },
    });
    assert(media._ === "messageMediaPhoto" && media.photo?._ === "photo");
    photos.push(media.photo);
  }
  const single = (
    media: tl.TypeInputMedia,
    message = "",
  ): tl.RawInputSingleMedia => ({
    _: "inputSingleMedia",
    media,
    randomId: randomId(),
    message,
  });
  const album = await invoke(world, botMain, {
    _: "messages.sendMultiMedia",
    peer: userPeer,
    multiMedia: photos.map((photo, index) =>
      single({
        _: "inputMediaPhoto",
        id: {
          _: "inputPhoto",
          id: photo.id,
          accessHash: photo.accessHash,
          fileReference: photo.fileReference,
        },
      }, `photo ${index}`)
    ),
  });
  assert(album._ === "updates");
  const newMessages = album.updates.filter((u) => u._ === "updateNewMessage");
  assertStrictEquals(newMessages.length, 2);
  const copies = world.state.mailboxes.chat(user.id, bot.id);
  assertEquals(copies.map((m) => m.text), ["photo 0", "photo 1"]);
  assert(copies[0].groupedId && copies[0].groupedId.eq(copies[1].groupedId!));
  const uploadedInAlbum = single({
    _: "inputMediaUploadedPhoto",
    file: await uploaded(world, botMain, pngHeader(1, 1), "c.png"),
  });
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.sendMultiMedia",
      peer: userPeer,
      multiMedia: [uploadedInAlbum],
    })),
    "MEDIA_INVALID",
  );
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.sendMultiMedia",
      peer: userPeer,
      multiMedia: Array.from({ length: 11 }, () => uploadedInAlbum),
    })),
    "MULTI_MEDIA_TOO_LONG",
  );
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.uploadMedia",
      peer: userPeer,
      media: { _: "inputMediaDice", emoticon: "🎲" },
    })),
    "MEDIA_INVALID",
  );
});
