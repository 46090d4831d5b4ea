/**
 * answerInlineQuery's result kinds: articles, media by URL or stored on
 * Telegram, games, locations, venues and contacts (gathered as
 * InputInlineQueryResult in ./queries.ts).
 *
 * @module
 */
import type { CaptionParams } from "./common.ts";
import type {
  InputContactMessageContent,
  InputLocationMessageContent,
  InputMessageContent,
  InputVenueMessageContent,
} from "./inline_content.ts";
import type { InputInlineKeyboardMarkup } from "./keyboards.ts";

/** What every result but a game's takes. */
export interface InputInlineQueryResultCommon {
  /** The result's id, 1–64 bytes in UTF-8 (chosenInlineResult updates name it). */
  id: string;
  /** The message sent in place of the result's own. */
  messageContent?: InputMessageContent;
  /** The inline keyboard the sent message gets. */
  replyMarkup?: InputInlineKeyboardMarkup;
}

/** A result that sends a file, with its caption unless `messageContent` replaces it. */
export interface InputInlineQueryResultMediaCommon
  extends InputInlineQueryResultCommon, CaptionParams {}

/** A file stored on Telegram, sent by its file id. */
export interface InputInlineQueryResultCachedCommon
  extends InputInlineQueryResultMediaCommon {
  /** The file id: a photo's for cachedPhoto, a document's for the other kinds. */
  fileId: string;
}

/** A result's thumbnail, shown in the results list. */
export interface InputInlineQueryResultThumbnail {
  /** The thumbnail's http(s) URL. */
  thumbnailUrl?: string;
  /** Its width in pixels, a number or a string of digits (checked; Telegram has no field for it). */
  thumbnailWidth?: number | string;
  /** Its height in pixels, a number or a string of digits (checked; Telegram has no field for it). */
  thumbnailHeight?: number | string;
}

/** An article: the message it sends is `messageContent`. */
export interface InputInlineQueryResultArticle
  extends InputInlineQueryResultCommon, InputInlineQueryResultThumbnail {
  /** Always "article". */
  type: "article";
  /** The title shown in the results list. */
  title: string;
  /** The message the article sends. */
  messageContent: InputMessageContent;
  /** The description shown under the title. */
  description?: string;
  /** An http(s) URL the result links to. */
  url?: string;
  /** Whether the URL is hidden in the results list. */
  isUrlHidden?: boolean;
}

/** An audio file by URL. */
export interface InputInlineQueryResultAudio
  extends InputInlineQueryResultMediaCommon {
  /** Always "audio". */
  type: "audio";
  /** The audio file's http(s) URL. */
  url: string;
  /** Its title. */
  title: string;
  /** Its performer. */
  performer?: string;
  /** Its duration in whole seconds. */
  audioDuration?: number;
}

/** A voice message by URL. */
export interface InputInlineQueryResultVoice
  extends InputInlineQueryResultMediaCommon {
  /** Always "voice". */
  type: "voice";
  /** The voice message's http(s) URL. */
  url: string;
  /** The title shown in the results list. */
  title: string;
  /** Its duration in whole seconds. */
  voiceDuration?: number;
}

/** A document by URL (announced as application/octet-stream, as MTKruto does). */
export interface InputInlineQueryResultDocument
  extends InputInlineQueryResultMediaCommon, InputInlineQueryResultThumbnail {
  /** Always "document". */
  type: "document";
  /** The document's http(s) URL. */
  url: string;
  /** The title shown in the results list. */
  title: string;
  /** The description shown under the title. */
  description?: string;
}

/** A GIF ("gif") or a soundless MPEG-4 video ("mpeg4Gif") by URL. */
export interface InputInlineQueryResultGif
  extends InputInlineQueryResultMediaCommon, InputInlineQueryResultThumbnail {
  /** "gif" or "mpeg4Gif". */
  type: "gif" | "mpeg4Gif";
  /** The animation's http(s) URL. */
  url: string;
  /** The title shown in the results list. */
  title?: string;
  /** Its width in pixels. */
  width?: number;
  /** Its height in pixels. */
  height?: number;
  /** Its duration in seconds. */
  duration?: number;
  /** The thumbnail's MIME type. */
  thumbnailMimeType?: string;
}

/** A photo by URL. */
export interface InputInlineQueryResultPhoto
  extends InputInlineQueryResultMediaCommon, InputInlineQueryResultThumbnail {
  /** Always "photo". */
  type: "photo";
  /** The photo's http(s) URL. */
  url: string;
  /** The thumbnail's http(s) URL. */
  thumbnailUrl: string;
  /** The title shown in the results list. */
  title?: string;
  /** The description shown under the title. */
  description?: string;
  /** Its width in pixels. */
  width?: number;
  /** Its height in pixels. */
  height?: number;
}

/** A video by URL, or a page embedding one (`mimeType` "text/html"). */
export interface InputInlineQueryResultVideo
  extends InputInlineQueryResultMediaCommon, InputInlineQueryResultThumbnail {
  /** Always "video". */
  type: "video";
  /** The video's (or the page's) http(s) URL. */
  url: string;
  /** Its MIME type: "video/mp4", or "text/html" for a page embedding the video. */
  mimeType: string;
  /** The thumbnail's http(s) URL. */
  thumbnailUrl: string;
  /** The title shown in the results list. */
  title: string;
  /** The description shown under the title. */
  description?: string;
  /** Its width in pixels. */
  width?: number;
  /** Its height in pixels. */
  height?: number;
  /** Its duration in seconds. */
  videoDuration?: number;
}

/** An audio file stored on Telegram. */
export interface InputInlineQueryResultCachedAudio
  extends InputInlineQueryResultCachedCommon {
  /** Always "cachedAudio". */
  type: "cachedAudio";
}

/** A document stored on Telegram. */
export interface InputInlineQueryResultCachedDocument
  extends InputInlineQueryResultCachedCommon {
  /** Always "cachedDocument". */
  type: "cachedDocument";
  /** The title shown in the results list. */
  title?: string;
  /** The description shown under the title. */
  description?: string;
}

/** A GIF ("cachedGif") or a soundless MPEG-4 video ("cachedMpeg4Gif") stored on Telegram. */
export interface InputInlineQueryResultCachedGif
  extends InputInlineQueryResultCachedCommon {
  /** "cachedGif" or "cachedMpeg4Gif". */
  type: "cachedGif" | "cachedMpeg4Gif";
  /** The title shown in the results list. */
  title?: string;
}

/** A photo stored on Telegram. MTKruto's `thumbnails` is not read: a stored photo has its own sizes. */
export interface InputInlineQueryResultCachedPhoto
  extends InputInlineQueryResultCachedCommon {
  /** Always "cachedPhoto". */
  type: "cachedPhoto";
  /** The title shown in the results list. */
  title?: string;
  /** The description shown under the title. */
  description?: string;
}

/** A video stored on Telegram. */
export interface InputInlineQueryResultCachedVideo
  extends InputInlineQueryResultCachedCommon {
  /** Always "cachedVideo". */
  type: "cachedVideo";
  /** The title shown in the results list. */
  title: string;
  /** The description shown under the title. */
  description?: string;
}

/** A voice message stored on Telegram. */
export interface InputInlineQueryResultCachedVoice
  extends InputInlineQueryResultCachedCommon {
  /** Always "cachedVoice". */
  type: "cachedVoice";
  /** The title shown in the results list. */
  title: string;
}

/** A sticker, always stored on Telegram. */
export interface InputInlineQueryResultSticker
  extends InputInlineQueryResultCachedCommon {
  /** Always "sticker". */
  type: "sticker";
}

/** A game of the bot. */
export interface InputInlineQueryResultGame {
  /** Always "game". */
  type: "game";
  /** The result's id, 1–64 bytes in UTF-8. */
  id: string;
  /** The game's short name (not empty). */
  gameShortName: string;
  /** The inline keyboard the game message gets. */
  replyMarkup?: InputInlineKeyboardMarkup;
}

/** A location, live when it has `livePeriod`. */
export interface InputInlineQueryResultLocation
  extends
    InputInlineQueryResultCommon,
    InputInlineQueryResultThumbnail,
    InputLocationMessageContent {
  /** The title shown in the results list. */
  title: string;
}

/** A venue. */
export interface InputInlineQueryResultVenue
  extends
    InputInlineQueryResultCommon,
    InputInlineQueryResultThumbnail,
    InputVenueMessageContent {}

/** A contact (type "contact", which MTKruto 0.4.0 typed "game"). */
export interface InputInlineQueryResultContact
  extends
    InputInlineQueryResultCommon,
    InputInlineQueryResultThumbnail,
    InputContactMessageContent {}
