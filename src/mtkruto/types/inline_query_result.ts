/**
 * InlineQueryResult and InlineQueryAnswer in MTKruto 0.216's shape, from
 * what `messages.getInlineBotResults` gives a user (methods.md §A.1, §B.8).
 *
 * The kind follows the message the result sends: a location, a venue, a
 * text or web-page message (an article) or the result's own media (see
 * `inline_query_media_result.ts`). Rendered results carry no `caption`: a
 * media result's caption comes back as its `messageContent`, as in MTKruto.
 *
 * Divergences: MTKruto fails the whole answer on a result it has no kind
 * for; we drop that result (RenderError) and keep the others, and we render
 * contact messages (MTKruto's "contact" kind) and sticker files ("sticker"),
 * which MTKruto 0.216 declares but cannot build from TL. Games, invoices and
 * rich messages stay unrendered: Telegram does not say a game's short name,
 * and MTKruto has no result kind for the other two.
 */
import type { tl } from "@mtcute/core";
import { renderMediaAutoResult } from "./inline_query_media_result.ts";
import type { LinkPreview } from "./link_preview.ts";
import { renderGeoPoint, requiredPoint } from "./location.ts";
import { type MessageEntity, renderEntities } from "./message_entity.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { unlessMissing } from "./optional_peer.ts";
import type { Thumbnail } from "./photo.ts";
import { renderReplyMarkup, type ReplyMarkup } from "./reply_markup.ts";
import { RenderError } from "./render_error.ts";

/** The text message a result sends (its caption, for media results). */
export interface InlineMessageContent {
  type: "text";
  text: string;
  entities: MessageEntity[];
  /** Only for a web-page message; MTKruto knows nothing of the page but its URL. */
  linkPreview?: LinkPreview;
}

/** What every media result has besides its kind. */
interface MediaResultCommon {
  id: string;
  messageContent?: InlineMessageContent;
  replyMarkup?: ReplyMarkup;
}

/** A file by URL (the plain kind) or stored on Telegram (the cached kind). */
type Source<Url extends string, Cached extends string> =
  | { type: Url; url: string }
  | { type: Cached; fileId: string };

/** An article: a text or web-page message. */
export interface InlineQueryResultArticle {
  type: "article";
  id: string;
  title: string;
  description?: string;
  messageContent: InlineMessageContent;
  replyMarkup?: ReplyMarkup;
}

/** A location, live when it has `livePeriod`. */
export interface InlineQueryResultLocation {
  type: "location";
  id: string;
  title: string;
  latitude: number;
  longitude: number;
  horizontalAccuracy?: number;
  livePeriod?: number;
  heading?: number;
  proximityAlertRadius?: number;
  replyMarkup?: ReplyMarkup;
}

/** A venue. */
export interface InlineQueryResultVenue {
  type: "venue";
  id: string;
  title: string;
  latitude: number;
  longitude: number;
  address: string;
  foursquareId: string;
  foursquareType: string;
  replyMarkup?: ReplyMarkup;
}

/** A contact. */
export interface InlineQueryResultContact {
  type: "contact";
  id: string;
  phoneNumber: string;
  firstName: string;
  lastName?: string;
  vcard?: string;
  thumbnailUrl?: string;
  replyMarkup?: ReplyMarkup;
}

/** An audio file. */
export type InlineQueryResultAudio =
  & MediaResultCommon
  & Source<"audio", "cachedAudio">
  & { title: string; performer?: string; audioDuration?: number };

/** A GIF or an MPEG-4 animation. */
export type InlineQueryResultGif =
  & MediaResultCommon
  & (Source<"gif", "cachedGif"> | Source<"mpeg4Gif", "cachedMpeg4Gif">)
  & {
    title: string;
    thumbnailUrl?: string;
    width?: number;
    height?: number;
    duration?: number;
  };

/** A photo; a cached one lists its smaller sizes as `thumbnails`. */
export type InlineQueryResultPhoto =
  & MediaResultCommon
  & Source<"photo", "cachedPhoto">
  & {
    title: string;
    description?: string;
    thumbnailUrl?: string;
    thumbnails?: Thumbnail[];
    width?: number;
    height?: number;
  };

/** A video. */
export type InlineQueryResultVideo =
  & MediaResultCommon
  & Source<"video", "cachedVideo">
  & {
    title: string;
    description?: string;
    mimeType: string;
    thumbnailUrl?: string;
    width?: number;
    height?: number;
    videoDuration?: number;
  };

/** A voice message. */
export type InlineQueryResultVoice =
  & MediaResultCommon
  & Source<"voice", "cachedVoice">
  & { title: string; thumbnailUrl?: string; voiceDuration?: number };

/** Any other file. */
export type InlineQueryResultDocument =
  & MediaResultCommon
  & Source<"document", "cachedDocument">
  & { title: string; thumbnailUrl?: string };

/** A sticker (always stored on Telegram). */
export type InlineQueryResultSticker = MediaResultCommon & {
  type: "sticker";
  fileId: string;
};

/** One result of an inline query, told apart by `type`. */
export type InlineQueryResult =
  | InlineQueryResultArticle
  | InlineQueryResultLocation
  | InlineQueryResultVenue
  | InlineQueryResultContact
  | InlineQueryResultAudio
  | InlineQueryResultGif
  | InlineQueryResultPhoto
  | InlineQueryResultVideo
  | InlineQueryResultVoice
  | InlineQueryResultDocument
  | InlineQueryResultSticker;

/** A bot's answer to an inline query. */
export interface InlineQueryAnswer {
  id: string;
  results: InlineQueryResult[];
  nextOffset?: string;
}

/** The keyboard a result's message carries, in MTKruto's shape. */
function replyMarkupOf(
  message: tl.TypeBotInlineMessage,
): ReplyMarkup | undefined {
  return message.replyMarkup && renderReplyMarkup(message.replyMarkup);
}

/** A text-like message's text and entities as an InlineMessageContent. */
function textContent(
  message: { message: string; entities?: tl.TypeMessageEntity[] },
): InlineMessageContent {
  return {
    type: "text",
    text: message.message,
    entities: renderEntities(message.entities),
  };
}

/** The InlineQueryResult of one TL result; throws RenderError for one MTKruto has no kind for. */
export function renderInlineQueryResult(
  result: tl.TypeBotInlineResult,
): InlineQueryResult {
  const message = result.sendMessage;
  const { id } = result;
  const title = result.title ?? "";
  const replyMarkup = replyMarkupOf(message);
  switch (message._) {
    case "botInlineMessageMediaGeo": {
      const point = requiredPoint(message.geo, `Inline result ${id}`);
      return omitUndefined({
        type: "location",
        id,
        title,
        ...renderGeoPoint(point),
        livePeriod: message.period,
        heading: message.heading,
        proximityAlertRadius: message.proximityNotificationRadius,
        replyMarkup,
      });
    }
    case "botInlineMessageMediaVenue": {
      const point = requiredPoint(message.geo, `Inline result ${id}`);
      // MTKruto titles the result with the result's title, not the venue's.
      return omitUndefined({
        type: "venue",
        id,
        title,
        latitude: point.lat,
        longitude: point.long,
        address: message.address,
        foursquareId: message.venueId,
        foursquareType: message.venueType,
        replyMarkup,
      });
    }
    case "botInlineMessageText":
      return omitUndefined({
        type: "article",
        id,
        title,
        description: result.description,
        messageContent: textContent(message),
        replyMarkup,
      });
    case "botInlineMessageMediaWebPage":
      return omitUndefined({
        type: "article",
        id,
        title,
        description: result.description,
        messageContent: {
          ...textContent(message),
          linkPreview: {
            type: "unknown",
            id: "",
            url: message.url,
            mediaSize: message.forceLargeMedia ? "large" : "small",
            isAboveText: message.invertMedia ?? false,
          },
        },
        replyMarkup,
      });
    case "botInlineMessageMediaContact":
      return omitUndefined({
        type: "contact",
        id,
        phoneNumber: message.phoneNumber,
        firstName: message.firstName,
        lastName: message.lastName || undefined,
        vcard: message.vcard || undefined,
        thumbnailUrl: result._ === "botInlineResult"
          ? result.thumb?.url
          : undefined,
        replyMarkup,
      });
    case "botInlineMessageMediaAuto":
      return renderMediaAutoResult(
        result,
        message.message ? textContent(message) : undefined,
        replyMarkup,
      );
    default:
      throw new RenderError(
        `Inline result ${id} sends ${message._}, which has no InlineQueryResult kind`,
      );
  }
}

/** The InlineQueryAnswer of `messages.botResults`; results MTKruto has no kind for are left out. */
export function renderInlineQueryAnswer(
  results: tl.messages.RawBotResults,
): InlineQueryAnswer {
  const rendered: InlineQueryResult[] = [];
  for (const result of results.results) {
    const one = unlessMissing(() => renderInlineQueryResult(result));
    if (one) rendered.push(one);
  }
  return omitUndefined({
    id: results.queryId.toString(),
    results: rendered,
    nextOffset: results.nextOffset,
  });
}
