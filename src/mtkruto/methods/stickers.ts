/**
 * Sticker sets: reading one, creating one from uploaded stickers, adding,
 * removing and moving stickers, renaming and deleting a set (MTKruto's
 * StickerSetManager; `messages.getStickerSet` and the `stickers.*` calls).
 * A set is named by its slug (short name) or its t.me/addstickers/ link; a
 * bot edits the sets it made for a user and names that user in `userId`.
 */
import type { InputMediaLike, tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { resolveChatId, toChatId } from "../params/chat_id.ts";
import { toFileMedia } from "../params/file_media.ts";
import {
  at,
  given,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalBoolean,
  optionalString,
  readInteger,
} from "../params/read.ts";
import {
  type ReadInputSticker,
  readInputSticker,
  readStickerFileId,
  readStickerSetSlug,
} from "../params/stickers.ts";
import { renderStickerSet } from "../types/sticker_set.ts";
import { RenderError } from "../types/render_error.ts";
import type { DialectCall, DialectMethod, Param } from "./define.ts";
import { defineMethod } from "./define.ts";
import { customParam, optionsParam } from "./params.ts";
import { userOf } from "./peers.ts";

/** The emoji MTKruto files a set's thumbnail under when it uploads it. */
const THUMBNAIL_EMOJI = "⭐️";

const slugParam = (): Param<string> =>
  customParam("slug", "string", readStickerSetSlug);
const stickerFileIdParam = (name: string): Param<tl.RawInputDocument> =>
  customParam(name, "string", readStickerFileId);
const inputStickerParam = (): Param<ReadInputSticker> =>
  customParam("sticker", "InputSticker", readInputSticker);

/** The set a slug names, as the `stickers.*` calls take it. */
const bySlug = (shortName: string): tl.RawInputStickerSetShortName => ({
  _: "inputStickerSetShortName",
  shortName,
});

/** The set's owner: `params.userId` for a bot (required), the account itself for a user (who may not give one). */
async function ownerOf(
  call: DialectCall,
  params: JsonObject,
): Promise<tl.TypeInputUser> {
  const path = at("params", "userId");
  if (!given(params, "userId")) {
    if (call.isBot) {
      throw new InputError(`${path} is required for bots: the set's owner`);
    }
    return { _: "inputUserSelf" };
  }
  if (!call.isBot) {
    throw new InputError(`${path} is bot-only; a user's sets are their own`);
  }
  const userId = toChatId(params.userId, path);
  return await userOf(call, await resolveChatId(call.client, userId));
}

/** The peer the owner's stickers are uploaded for. */
function uploadPeer(owner: tl.TypeInputUser): tl.TypeInputPeer {
  return owner._ === "inputUser"
    ? { _: "inputPeerUser", userId: owner.userId, accessHash: owner.accessHash }
    : { _: "inputPeerSelf" };
}

/** Uploads a sticker medium for `owner` (`messages.uploadMedia`), as MTKruto does before a set takes it. */
async function uploadDocument(
  call: DialectCall,
  media: InputMediaLike,
  owner: tl.TypeInputUser,
): Promise<tl.RawInputDocument> {
  const uploaded = await call.client.uploadMedia(media, {
    peer: uploadPeer(owner),
  });
  if (!("inputDocument" in uploaded)) {
    throw new RenderError(
      `messages.uploadMedia gave no document for a sticker`,
    );
  }
  return uploaded.inputDocument;
}

/** An `inputStickerSetItem` of an uploaded InputSticker. */
async function stickerItem(
  call: DialectCall,
  sticker: ReadInputSticker,
  owner: tl.TypeInputUser,
): Promise<tl.RawInputStickerSetItem> {
  return {
    _: "inputStickerSetItem",
    document: await uploadDocument(call, sticker.media, owner),
    emoji: sticker.emoji,
  };
}

/** The StickerSet of a `messages.StickerSet` answer (hash 0 always gets the set itself). */
function stickerSetOf(result: tl.messages.TypeStickerSet) {
  if (result._ !== "messages.stickerSet") {
    throw new RenderError(`Telegram answered ${result._} for a sticker set`);
  }
  return renderStickerSet(result);
}

/** The params' thumbnail uploaded as a sticker, if one was given. */
async function thumbnailOf(
  call: DialectCall,
  params: JsonObject,
  owner: tl.TypeInputUser,
): Promise<tl.RawInputDocument | undefined> {
  if (!given(params, "thumbnail")) return undefined;
  const media = toFileMedia(
    "sticker",
    params.thumbnail,
    at("params", "thumbnail"),
    { ...params, emoji: THUMBNAIL_EMOJI },
    "params",
    { caption: false },
  );
  return await uploadDocument(call, media, owner);
}

/** Sticker set methods. */
export const STICKER_METHODS: DialectMethod[] = [
  defineMethod(
    "getStickerSet",
    "both",
    [slugParam()],
    "StickerSet",
    async (call, slug) =>
      stickerSetOf(
        await call.client.call({
          _: "messages.getStickerSet",
          stickerset: bySlug(slug),
          hash: 0,
        }),
      ),
  ),
  defineMethod(
    "createStickerSet",
    "both",
    [
      customParam("name", "string", readTitle),
      slugParam(),
      customParam("stickers", "InputSticker[]", (value, path) => {
        if (!Array.isArray(value) || value.length === 0) {
          throw new InputError(
            `${path} must be a non-empty array of InputSticker`,
          );
        }
        return value.map((item, index) =>
          readInputSticker(item, at(path, index))
        );
      }),
      optionsParam("CreateStickerSetParams"),
    ],
    "StickerSet",
    async (call, name, slug, stickers, params) => {
      const flags = {
        masks: optionalBoolean(params, "isMask", "params") || undefined,
        emojis: optionalBoolean(params, "isCustomEmoji", "params") || undefined,
        textColor: optionalBoolean(params, "isAdaptive", "params") || undefined,
        software: optionalString(params, "software", "params"),
      };
      const owner = await ownerOf(call, params);
      const items = [];
      for (const sticker of stickers) {
        items.push(await stickerItem(call, sticker, owner));
      }
      return stickerSetOf(
        await call.client.call({
          _: "stickers.createStickerSet",
          ...flags,
          userId: owner,
          title: name,
          shortName: slug,
          stickers: items,
          thumb: await thumbnailOf(call, params, owner),
        }),
      );
    },
  ),
  defineMethod(
    "addStickerToStickerSet",
    "both",
    [
      slugParam(),
      inputStickerParam(),
      optionsParam("AddStickerToStickerSetParams"),
    ],
    "void",
    async (call, slug, sticker, params) => {
      const owner = await ownerOf(call, params);
      await call.client.call({
        _: "stickers.addStickerToSet",
        stickerset: bySlug(slug),
        sticker: await stickerItem(call, sticker, owner),
      });
      return null;
    },
  ),
  defineMethod(
    "removeStickerFromStickerSet",
    "both",
    [stickerFileIdParam("fileId")],
    "void",
    async (call, sticker) => {
      await call.client.call({ _: "stickers.removeStickerFromSet", sticker });
      return null;
    },
  ),
  defineMethod(
    "changeStickerPositionInStickerSet",
    "both",
    [
      stickerFileIdParam("fileId"),
      customParam(
        "position",
        "number",
        (value, path) => readInteger(value, path, NON_NEGATIVE_INT32),
      ),
    ],
    "void",
    async (call, sticker, position) => {
      await call.client.call({
        _: "stickers.changeStickerPosition",
        sticker,
        position,
      });
      return null;
    },
  ),
  defineMethod(
    "setStickerSetTitle",
    "both",
    [slugParam(), customParam("title", "string", readTitle)],
    "void",
    async (call, slug, title) => {
      await call.client.call({
        _: "stickers.renameStickerSet",
        stickerset: bySlug(slug),
        title,
      });
      return null;
    },
  ),
  defineMethod(
    "deleteStickerSet",
    "both",
    [slugParam()],
    "void",
    async (call, slug) => {
      await call.client.call({
        _: "stickers.deleteStickerSet",
        stickerset: bySlug(slug),
      });
      return null;
    },
  ),
];

/** A set's title: a non-empty string (Telegram checks its length). */
function readTitle(value: unknown, path: string): string {
  if (typeof value !== "string" || value === "") {
    throw new InputError(`${path} must be a non-empty string (the title)`);
  }
  return value;
}
