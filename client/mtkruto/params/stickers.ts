/**
 * Sticker sets: the stickers createStickerSet and addStickerToStickerSet
 * upload, and their params (a bot names the set's owner in `userId`; a user
 * may not; MTKruto's `signal` cannot cross HTTP). Also saveDraft's params,
 * of the same area.
 *
 * @module
 */
import type { MessageEntity } from "../types.ts";
import type { FileSource, ID, ParseMode, ReplyTo } from "./common.ts";
import type { UploadParams } from "./media.ts";

/** A sticker to upload into a set. */
export interface InputSticker extends UploadParams {
  /** The sticker's file: a WebP or PNG (512 px on its longer side), a TGS or a WebM. */
  sticker: FileSource;
  /** The emoji the sticker stands for (one or more). */
  emoji: string;
}

/** createStickerSet's params; the upload keys describe the thumbnail. */
export interface CreateStickerSetParams extends UploadParams {
  /** Whether the set holds masks. */
  isMask?: boolean;
  /** Whether the set holds custom emoji. */
  isCustomEmoji?: boolean;
  /** Whether the set's custom emoji take the text's color. */
  isAdaptive?: boolean;
  /** The set's thumbnail. */
  thumbnail?: FileSource;
  /** The name of the software that made the set. */
  software?: string;
  /** The set's owner: required for bots, refused for users. */
  userId?: ID;
}

/** addStickerToStickerSet's params. */
export interface AddStickerToStickerSetParams {
  /** The set's owner: required for bots, refused for users. */
  userId?: ID;
}

/** saveDraft's params. MTKruto's `media` is refused by the gateway. */
export interface SaveDraftParams {
  /** What the draft replies to. */
  replyTo?: ReplyTo;
  /** How the text is parsed. */
  parseMode?: ParseMode;
  /** The text's entities. */
  entities?: MessageEntity[];
  /** The message effect to send the message with (a decimal id). */
  effectId?: string;
  /** Whether the media goes above the text. */
  isMediaAboveText?: boolean;
  /** Whether the link preview is disabled. */
  isLinkPreviewDisabled?: boolean;
}
