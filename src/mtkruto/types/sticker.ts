/** Sticker in MTKruto's shape (types.md §8). */
import type { tl } from "@mtcute/core";
import { documentAttribute } from "./document_attribute.ts";
import { documentFileIds } from "./file_id.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { renderThumbnails, type Thumbnail } from "./photo.ts";

/** Where a mask sticker sits on a face. */
export interface MaskPosition {
  point: "forehead" | "eyes" | "mouth" | "chin";
  xShift: number;
  yShift: number;
  scale: number;
}

/** A sticker or custom emoji. */
export interface Sticker {
  fileId: string;
  fileUniqueId: string;
  type: "regular" | "mask" | "customEmoji";
  width: number;
  height: number;
  isAnimated: boolean;
  isVideo: boolean;
  thumbnails: Thumbnail[];
  emoji?: string;
  setName?: string;
  maskPosition?: MaskPosition;
  customEmojiId?: string;
  isRepaintingNeeded?: boolean;
  fileSize: number;
}

/** What a sticker's TL does not carry: MTKruto looks these up over the network. */
export interface StickerExtras {
  /** Short name of the sticker's set (MTKruto resolves it with `messages.getStickerSet`); omitted when not given. */
  setName?: string;
  /** The custom emoji id (MTKruto sets it only for `getCustomEmojiStickers`; `""` otherwise). */
  customEmojiId?: string;
}

/** Short names of sticker sets by the id reference a sticker attribute holds; undefined for a set whose name is not known. */
export type StickerSetNames = (
  stickerSet: tl.RawInputStickerSetID,
) => string | undefined;

/** The set a sticker document's attribute references by id, if it does: the only reference MTKruto resolves a name for. */
export function referencedStickerSet(
  document: tl.RawDocument,
): tl.RawInputStickerSetID | undefined {
  const stickerset = documentAttribute(document, "documentAttributeSticker")
    ?.stickerset;
  return stickerset?._ === "inputStickerSetID" ? stickerset : undefined;
}

/** The short name of the set `document` references by id, as `names` knows it. */
export function stickerSetNameOf(
  document: tl.RawDocument,
  names: StickerSetNames | undefined,
): string | undefined {
  const stickerSet = referencedStickerSet(document);
  return stickerSet && names?.(stickerSet);
}

const MASK_POINTS = ["forehead", "eyes", "mouth"] as const;

/** TL mask coordinates in MTKruto's shape (any point past 2 is the chin, as MTKruto reads it). */
export function renderMaskPosition(coords: tl.TypeMaskCoords): MaskPosition {
  return {
    point: MASK_POINTS[coords.n] ?? "chin",
    xShift: coords.x,
    yShift: coords.y,
    scale: coords.zoom,
  };
}

/** The Sticker of a document with a sticker or custom-emoji attribute. */
export function renderSticker(
  document: tl.RawDocument,
  extras: StickerExtras = {},
): Sticker {
  const sticker = documentAttribute(document, "documentAttributeSticker");
  const customEmoji = documentAttribute(
    document,
    "documentAttributeCustomEmoji",
  );
  const dimensions =
    documentAttribute(document, "documentAttributeImageSize") ??
      documentAttribute(document, "documentAttributeVideo");
  return omitUndefined({
    ...documentFileIds(document, "sticker"),
    type: customEmoji ? "customEmoji" : sticker?.mask ? "mask" : "regular",
    width: dimensions?.w ?? 512,
    height: dimensions?.h ?? 512,
    isAnimated: document.mimeType === "application/x-tgsticker",
    isVideo: document.mimeType === "video/webm",
    thumbnails: renderThumbnails(document),
    emoji: (customEmoji ?? sticker)?.alt || undefined,
    setName: extras.setName,
    maskPosition: sticker?.maskCoords && renderMaskPosition(sticker.maskCoords),
    customEmojiId: customEmoji ? extras.customEmojiId ?? "" : undefined,
    isRepaintingNeeded: customEmoji
      ? customEmoji.textColor ?? false
      : undefined,
    fileSize: document.size,
  });
}
