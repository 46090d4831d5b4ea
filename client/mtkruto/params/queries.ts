/**
 * Callback and inline queries: callback questions and answers, inline
 * queries, and the results a bot answers them with.
 *
 * @module
 */
import type {
  InputInlineQueryResultArticle,
  InputInlineQueryResultAudio,
  InputInlineQueryResultCachedAudio,
  InputInlineQueryResultCachedDocument,
  InputInlineQueryResultCachedGif,
  InputInlineQueryResultCachedPhoto,
  InputInlineQueryResultCachedVideo,
  InputInlineQueryResultCachedVoice,
  InputInlineQueryResultContact,
  InputInlineQueryResultDocument,
  InputInlineQueryResultGame,
  InputInlineQueryResultGif,
  InputInlineQueryResultLocation,
  InputInlineQueryResultPhoto,
  InputInlineQueryResultSticker,
  InputInlineQueryResultVenue,
  InputInlineQueryResultVideo,
  InputInlineQueryResultVoice,
} from "./inline_results.ts";

// ─── Queries ────────────────────────────────────────────────────────────

/** answerCallbackQuery's params. */
export interface AnswerCallbackQueryParams {
  /** The notification's text. */
  text?: string;
  /** Whether it is shown as an alert rather than a toast. */
  isAlert?: boolean;
  /** A URL the user's client opens (a game's, or a t.me link to the bot). */
  url?: string;
  /** For how many seconds clients may cache the answer (default 0). */
  cacheTime?: number;
}

/** What a callback query asks for: a game, a button's data, or data guarded by the account's 2FA password. */
export type CallbackQueryQuestion =
  | {
    /** A game button. */
    type: "game";
  }
  | {
    /** A callback button. */
    type: "button";
    /** The button's callback data. */
    data: string;
  }
  | {
    /** A callback button that asks for the 2FA password. */
    type: "password";
    /** The button's callback data. */
    data: string;
    /** The account's 2FA password, in plain text. */
    password: string;
  };

/** sendInlineQuery's params. */
export interface SendInlineQueryParams {
  /** The query text (default ""). */
  query?: string;
  /** The offset of the results' page (default ""). */
  offset?: string;
}

/** The button shown above an inline query's results. */
export interface InlineQueryResultButton {
  /** The label. */
  text: string;
  /** An http(s) URL of a mini app it opens. */
  url?: string;
  /** The start parameter of the private chat with the bot it opens. */
  startParameter?: string;
}

/** answerInlineQuery's params. */
export interface AnswerInlineQueryParams {
  /** For how many seconds the results may be cached (default 300). */
  cacheTime?: number;
  /** Whether the results are cached for the querying user only. */
  isPersonal?: boolean;
  /** The offset the client sends for the next page; empty or left out, there is none. */
  nextOffset?: string;
  /** Whether the results are shown as a gallery. */
  isGallery?: boolean;
  /** The button shown above the results. */
  button?: InlineQueryResultButton;
}

/**
 * One result of answerInlineQuery (at most 50 per answer), told apart by
 * `type`; a file stored on Telegram has its own cached kind. The media kinds
 * take a caption, and every kind but a game takes a `messageContent` that
 * replaces what it sends; keyboards are inline ones only. (sendInlineQuery's
 * InlineQueryResult, from ./types.ts, is the shape results are read back in.)
 */
export type InputInlineQueryResult =
  | InputInlineQueryResultArticle
  | InputInlineQueryResultAudio
  | InputInlineQueryResultVoice
  | InputInlineQueryResultDocument
  | InputInlineQueryResultGif
  | InputInlineQueryResultPhoto
  | InputInlineQueryResultVideo
  | InputInlineQueryResultCachedAudio
  | InputInlineQueryResultCachedDocument
  | InputInlineQueryResultCachedGif
  | InputInlineQueryResultCachedPhoto
  | InputInlineQueryResultCachedVideo
  | InputInlineQueryResultCachedVoice
  | InputInlineQueryResultSticker
  | InputInlineQueryResultGame
  | InputInlineQueryResultLocation
  | InputInlineQueryResultVenue
  | InputInlineQueryResultContact;
