/**
 * Inline results as `messages.setInlineBotResults` gives them and Telegram
 * checks them: each becomes the `BotInlineResult` the user sees and the
 * message content sending it produces.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import type { MessageContent } from "./mailboxes.ts";
import type { MessageExtras } from "./message_extras.ts";
import { resolveFileMedia } from "./media_files.ts";
import { contactMedia, geoPoint } from "./media_places.ts";
import { resolveEntities } from "./peers.ts";
import { isInlineKeyboard, resolveReplyMarkup } from "./reply_markup.ts";
import type { WorldState } from "./state.ts";

const MAX_RESULTS = 50;
const MAX_ID_BYTES = 64;
const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;

/** The result types MTProto bots use (the Bot API's "document" and "location" are "file" and "geo" here, as in TDLib and mtcute). */
const RESULT_TYPES = new Set([
  "article",
  "audio",
  "contact",
  "file",
  "geo",
  "gif",
  "photo",
  "sticker",
  "venue",
  "video",
  "voice",
]);

/** What sending a result puts in the chat. */
export type InlineContent =
  & Pick<MessageContent, "text" | "entities" | "media" | "replyMarkup">
  & MessageExtras;

/** One accepted result. */
export interface InlineResult {
  readonly id: string;
  readonly type: string;
  readonly title?: string;
  /** What users get in `messages.botResults`. */
  readonly tl: tl.TypeBotInlineResult;
  /** The content of the message sending it makes (files from URLs are stored only then). */
  content(): InlineContent;
}

interface Converted {
  tl: tl.TypeBotInlineMessage;
  content: Omit<InlineContent, "media">;
  /** Media the message itself defines (geo, venue, contact). */
  media?: tl.TypeMessageMedia;
  /** Whether the message takes the result's photo or document. */
  auto: boolean;
}

/** `text` if it fits a message (or, with `caption`, a media caption); `MESSAGE_TOO_LONG`/`MEDIA_CAPTION_TOO_LONG` otherwise. */
export function checkedText(text: string, caption: boolean): string {
  if (text.length > (caption ? MAX_CAPTION_LENGTH : MAX_TEXT_LENGTH)) {
    throw new RpcFailure(
      400,
      caption ? "MEDIA_CAPTION_TOO_LONG" : "MESSAGE_TOO_LONG",
    );
  }
  return text;
}

function convertMessage(
  state: WorldState,
  bot: Account,
  input: tl.TypeInputBotInlineMessage,
): Converted {
  const replyMarkup = resolveReplyMarkup(state, bot, input.replyMarkup);
  if (replyMarkup && !isInlineKeyboard(replyMarkup)) {
    throw new RpcFailure(400, "REPLY_MARKUP_INVALID");
  }
  switch (input._) {
    case "inputBotInlineMessageMediaAuto":
    case "inputBotInlineMessageText": {
      const auto = input._ === "inputBotInlineMessageMediaAuto";
      const text = checkedText(input.message, auto);
      if (!auto && !text.trim()) throw new RpcFailure(400, "MESSAGE_EMPTY");
      const entities = resolveEntities(state, bot.id, input.entities);
      return {
        tl: {
          ...input,
          _: auto ? "botInlineMessageMediaAuto" : "botInlineMessageText",
          entities,
          replyMarkup,
        },
        content: { text, entities, replyMarkup },
        auto,
      };
    }
    case "inputBotInlineMessageMediaGeo": {
      const { geoPoint: point, ...rest } = input;
      const geo = geoPoint(point);
      const live = input.period !== undefined;
      return {
        tl: { ...rest, _: "botInlineMessageMediaGeo", geo, replyMarkup },
        content: { text: "", replyMarkup },
        media: live
          ? {
            _: "messageMediaGeoLive",
            geo,
            heading: input.heading,
            period: input.period!,
            proximityNotificationRadius: input.proximityNotificationRadius,
          }
          : { _: "messageMediaGeo", geo },
        auto: false,
      };
    }
    case "inputBotInlineMessageMediaVenue": {
      const { title, address, provider, venueId, venueType } = input;
      const venue = {
        geo: geoPoint(input.geoPoint),
        title,
        address,
        provider,
        venueId,
        venueType,
      };
      return {
        tl: { ...venue, _: "botInlineMessageMediaVenue", replyMarkup },
        content: { text: "", replyMarkup },
        media: { ...venue, _: "messageMediaVenue" },
        auto: false,
      };
    }
    case "inputBotInlineMessageMediaContact":
      return {
        tl: { ...input, _: "botInlineMessageMediaContact", replyMarkup },
        content: { text: "", replyMarkup },
        media: contactMedia(state, input),
        auto: false,
      };
    default:
      throw new RpcFailure(400, "SEND_MESSAGE_TYPE_INVALID");
  }
}

function webDocument(
  input: tl.TypeInputWebDocument | undefined,
): tl.RawWebDocumentNoProxy | undefined {
  return input && { ...input, _: "webDocumentNoProxy" };
}

/** The message media an `inputBotInlineResult`'s content URL would make (a placeholder, see `media_files.ts`). */
function contentMedia(
  state: WorldState,
  bot: Account,
  result: tl.RawInputBotInlineResult,
): tl.TypeMessageMedia | undefined {
  if (!result.content) return undefined;
  const media: tl.TypeInputMedia = result.type === "photo"
    ? { _: "inputMediaPhotoExternal", url: result.content.url }
    : { _: "inputMediaDocumentExternal", url: result.content.url };
  return resolveFileMedia(state, bot.id, media);
}

function convertResult(
  state: WorldState,
  bot: Account,
  input: tl.TypeInputBotInlineResult,
): InlineResult {
  if (input._ === "inputBotInlineResultGame" || !RESULT_TYPES.has(input.type)) {
    // games need a registered game, which this world has none of
    throw new RpcFailure(400, "RESULT_TYPE_INVALID");
  }
  const message = convertMessage(state, bot, input.sendMessage);
  let resultTl: tl.TypeBotInlineResult;
  let fileMedia: () => tl.TypeMessageMedia | undefined;
  let title: string | undefined;
  switch (input._) {
    case "inputBotInlineResult": {
      if (input.type === "article" && !input.title?.trim()) {
        throw new RpcFailure(400, "ARTICLE_TITLE_EMPTY");
      }
      title = input.title;
      resultTl = {
        ...input,
        _: "botInlineResult",
        thumb: webDocument(input.thumb),
        content: webDocument(input.content),
        sendMessage: message.tl,
      };
      fileMedia = () => contentMedia(state, bot, input);
      break;
    }
    case "inputBotInlineResultPhoto": {
      const media = resolveFileMedia(state, bot.id, {
        _: "inputMediaPhoto",
        id: input.photo,
      }) as tl.RawMessageMediaPhoto;
      resultTl = {
        _: "botInlineMediaResult",
        id: input.id,
        type: input.type,
        photo: media.photo,
        sendMessage: message.tl,
      };
      fileMedia = () => media;
      break;
    }
    case "inputBotInlineResultDocument": {
      const media = resolveFileMedia(state, bot.id, {
        _: "inputMediaDocument",
        id: input.document,
      }) as tl.RawMessageMediaDocument;
      title = input.title;
      resultTl = {
        _: "botInlineMediaResult",
        id: input.id,
        type: input.type,
        document: media.document,
        title: input.title,
        description: input.description,
        sendMessage: message.tl,
      };
      fileMedia = () => media;
      break;
    }
  }
  return {
    id: input.id,
    type: input.type,
    title,
    tl: resultTl,
    content() {
      const media = message.media ?? (message.auto ? fileMedia() : undefined);
      if (!media && !message.content.text.trim()) {
        throw new RpcFailure(400, "MESSAGE_EMPTY");
      }
      return { ...message.content, media };
    },
  };
}

/** Checks and converts a bot's inline results, as `messages.setInlineBotResults` does. */
export function inlineResults(
  state: WorldState,
  bot: Account,
  inputs: tl.TypeInputBotInlineResult[],
): InlineResult[] {
  if (inputs.length > MAX_RESULTS) {
    throw new RpcFailure(400, "RESULTS_TOO_MUCH");
  }
  const seen = new Set<string>();
  return inputs.map((input) => {
    const idBytes = new TextEncoder().encode(input.id).length;
    if (idBytes < 1 || idBytes > MAX_ID_BYTES) {
      throw new RpcFailure(400, "RESULT_ID_INVALID");
    }
    if (seen.has(input.id)) throw new RpcFailure(400, "RESULT_ID_DUPLICATE");
    seen.add(input.id);
    return convertResult(state, bot, input);
  });
}
