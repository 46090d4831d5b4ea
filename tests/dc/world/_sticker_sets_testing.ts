/** Sticker set test fixtures: WebP headers, uploaded documents, and a bot with a user to make sets for. */
import type { tl } from "@mtcute/core";
import { assert } from "../../assert.ts";
import { botChatSetup, uploaded } from "./_bots_testing.ts";
import { type FakeSession, invoke } from "./_testing.ts";
import type { World } from "./world.ts";

/** A WebP (VP8X) header of `w`×`h`. */
export function webpHeader(w: number, h: number): Uint8Array {
  const bytes = new Uint8Array(40);
  bytes.set(new TextEncoder().encode("RIFF"), 0);
  bytes.set(new TextEncoder().encode("WEBPVP8X"), 8);
  const uint24 = (at: number, value: number) =>
    bytes.set([value & 0xff, (value >> 8) & 0xff, value >> 16], at);
  uint24(24, w - 1);
  uint24(27, h - 1);
  return bytes;
}

/** Uploads `bytes` as a document of `mimeType` with `messages.uploadMedia`, as a bot's uploadStickerFile does. */
export async function uploadDocument(
  world: World,
  session: FakeSession,
  peer: tl.TypeInputPeer,
  bytes: Uint8Array,
  mimeType: string,
  fileName: string,
): Promise<tl.RawDocument> {
  const media = await invoke(world, session, {
    _: "messages.uploadMedia",
    peer,
    media: {
      _: "inputMediaUploadedDocument",
      file: await uploaded(world, session, bytes, fileName),
      mimeType,
      attributes: [],
    },
  });
  assert(
    media._ === "messageMediaDocument" && media.document?._ === "document",
  );
  return media.document;
}

/** The `inputDocument` naming `document`. */
export const inputDocument = (
  document: tl.RawDocument,
): tl.RawInputDocument => ({
  _: "inputDocument",
  id: document.id,
  accessHash: document.accessHash,
  fileReference: document.fileReference,
});

/** A bot, its user and an uploaded 512×512 WebP; `create` makes a set of it for the user. */
export async function stickerSetup() {
  const setup = await botChatSetup();
  const { world, botMain, userPeer, user } = setup;
  const upload = (bytes: Uint8Array, mimeType = "image/webp") =>
    uploadDocument(world, botMain, userPeer, bytes, mimeType, "cat.webp");
  const webp = await upload(webpHeader(512, 512));
  const owner: tl.RawInputUser = {
    _: "inputUser",
    userId: user.id,
    accessHash: userPeer.accessHash,
  };
  const create = (
    overrides: Partial<tl.stickers.RawCreateStickerSetRequest> = {},
    session = botMain,
  ) =>
    invoke(world, session, {
      _: "stickers.createStickerSet",
      userId: owner,
      title: "Cats",
      shortName: "cats_by_keys_bot",
      stickers: [{
        _: "inputStickerSetItem",
        document: inputDocument(webp),
        emoji: "😺😀",
        keywords: "cat, smile",
      }],
      ...overrides,
    });
  return { ...setup, upload, webp, owner, create };
}
