/** StickerSet in MTKruto's shape: a set and its stickers, from `messages.stickerSet`. */
import type { tl } from "@mtcute/core";
import type { Thumbnail } from "./photo.ts";
import { renderSticker, type Sticker } from "./sticker.ts";

/** A sticker (or custom emoji) set. */
export interface StickerSet {
  /** The set's id, a decimal string. */
  id: string;
  /** The set's short name (its slug). */
  name: string;
  title: string;
  type: "regular" | "mask" | "customEmoji";
  /** The stickers in the set's order, each naming the set. */
  stickers: Sticker[];
  /** Thumbnails of the set (not rendered: see renderStickerSet). */
  thumbnails: Thumbnail[];
  /** Whether the set's custom emoji take the text's color. */
  isAdaptive: boolean;
  canSetAsChannelStatus: boolean;
  /** Whether the current account made the set. */
  isCreator: boolean;
  isOfficial: boolean;
  isArchived: boolean;
  /** When the current account added the set (Unix seconds), if it did. */
  addedAt?: number;
}

/**
 * The StickerSet of a full `messages.stickerSet`. A set's own thumbnail
 * (`stickerSet.thumbs`) would need a file id of TDLib's "sticker set
 * thumbnail version" source, which this server does not write yet, so
 * `thumbnails` stays empty — as MTKruto's is for a set without one.
 */
export function renderStickerSet(full: tl.messages.RawStickerSet): StickerSet {
  const { set } = full;
  const stickers = full.documents.flatMap((document) =>
    document._ === "document"
      ? [renderSticker(document, { setName: set.shortName })]
      : []
  );
  const rendered: StickerSet = {
    id: set.id.toString(),
    name: set.shortName,
    title: set.title,
    type: set.emojis ? "customEmoji" : set.masks ? "mask" : "regular",
    stickers,
    thumbnails: [],
    isAdaptive: set.textColor ?? false,
    canSetAsChannelStatus: set.channelEmojiStatus ?? false,
    isCreator: set.creator ?? false,
    isOfficial: set.official ?? false,
    isArchived: set.archived ?? false,
  };
  if (set.installedDate) rendered.addedAt = set.installedDate;
  return rendered;
}
