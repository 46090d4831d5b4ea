/**
 * Editing sticker sets (core.telegram.org/api/stickers): adding, removing
 * and moving stickers, renaming and deleting a set. Only the set's creator
 * (a user, or the bot that made it for them) and its owner may edit it;
 * anyone else is told the set is invalid, as Telegram does.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import {
  checkTitle,
  MAX_EMOJI_STICKERS,
  MAX_STICKERS,
  type StickerSets,
  type StoredStickerSet,
} from "./sticker_sets.ts";

/** Whether `account` may edit `set`. */
function mayEdit(set: StoredStickerSet, account: Account): boolean {
  return set.creatorId === account.id || set.ownerId === account.id;
}

/** The set `input` names, if `editor` may edit it (`STICKERSET_INVALID` otherwise). */
export function editableSet(
  sets: StickerSets,
  input: tl.TypeInputStickerSet,
  editor: Account,
): StoredStickerSet {
  const set = sets.find(input);
  if (!mayEdit(set, editor)) throw new RpcFailure(400, "STICKERSET_INVALID");
  return set;
}

/** The editable set holding the sticker `input` and its index there (`STICKER_INVALID` otherwise). */
function editableSticker(
  sets: StickerSets,
  input: tl.TypeInputDocument,
  editor: Account,
): { set: StoredStickerSet; index: number } {
  const set = input._ === "inputDocument" ? sets.holding(input.id) : undefined;
  const index =
    set?.stickers.findIndex(({ document }) =>
      input._ === "inputDocument" && document.id.eq(input.id) &&
      document.accessHash.eq(input.accessHash)
    ) ?? -1;
  if (!set || index < 0 || !mayEdit(set, editor)) {
    throw new RpcFailure(400, "STICKER_INVALID");
  }
  return { set, index };
}

/** `stickers.addStickerToSet`: appends a new sticker (`STICKERS_TOO_MUCH` past the set's limit). */
export function addSticker(
  sets: StickerSets,
  editor: Account,
  request: tl.stickers.RawAddStickerToSetRequest,
): StoredStickerSet {
  const set = editableSet(sets, request.stickerset, editor);
  const limit = set.emojis ? MAX_EMOJI_STICKERS : MAX_STICKERS;
  if (set.stickers.length >= limit) {
    throw new RpcFailure(400, "STICKERS_TOO_MUCH");
  }
  const checked = sets.checkItem(set, request.sticker);
  set.stickers.push(sets.storeItem(set, checked));
  return set;
}

/** `stickers.removeStickerFromSet`: takes the sticker out of its set. */
export function removeSticker(
  sets: StickerSets,
  editor: Account,
  sticker: tl.TypeInputDocument,
): StoredStickerSet {
  const { set, index } = editableSticker(sets, sticker, editor);
  set.stickers.splice(index, 1);
  return set;
}

/**
 * `stickers.changeStickerPosition`: moves the sticker to the zero-based
 * `position`. Telegram documents no error for a position past the set's
 * end; one is refused here as the sticker's `STICKER_INVALID` rather than
 * moved somewhere the caller did not ask for.
 */
export function moveSticker(
  sets: StickerSets,
  editor: Account,
  sticker: tl.TypeInputDocument,
  position: number,
): StoredStickerSet {
  const { set, index } = editableSticker(sets, sticker, editor);
  if (position < 0 || position >= set.stickers.length) {
    throw new RpcFailure(400, "STICKER_INVALID");
  }
  const [moved] = set.stickers.splice(index, 1);
  set.stickers.splice(position, 0, moved);
  return set;
}

/** `stickers.renameStickerSet`: a new title, checked as a new set's is. */
export function renameSet(
  sets: StickerSets,
  editor: Account,
  input: tl.TypeInputStickerSet,
  title: string,
): StoredStickerSet {
  const set = editableSet(sets, input, editor);
  checkTitle(title);
  set.title = title;
  return set;
}

/** `stickers.deleteStickerSet`: the set is gone; its short name is free again. */
export function deleteSet(
  sets: StickerSets,
  editor: Account,
  input: tl.TypeInputStickerSet,
): void {
  sets.delete(editableSet(sets, input, editor));
}
