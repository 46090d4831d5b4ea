/**
 * mtcute raw TL for the inline result renderer tests: builders of
 * `botInlineResult` (by URL) and `botInlineMediaResult` (stored) results,
 * their messages and web documents, and `messages.botResults`.
 */
import type { tl } from "@mtcute/core";
import { documentFileIds } from "../../src/mtkruto/types/file_id.ts";
import { long, tlDocument } from "./_mtkruto_fixtures.ts";

/** A result's file URL. */
export const URL = "https://example.org/tea.jpg";
/** A result's thumbnail URL. */
export const THUMB_URL = "https://example.org/tea-thumb.jpg";
/** An inline keyboard with one URL button, and how MTKruto renders it. */
export const KEYBOARD: tl.RawReplyInlineMarkup = {
  _: "replyInlineMarkup",
  rows: [{
    _: "keyboardButtonRow",
    buttons: [{ _: "keyboardButtonUrl", text: "Open", url: URL }],
  }],
};
export const RENDERED_KEYBOARD = {
  type: "inlineKeyboard",
  inlineKeyboard: [[{ type: "url", text: "Open", url: URL }]],
};
/** Bold over the first three characters. */
export const BOLD: tl.RawMessageEntityBold = {
  _: "messageEntityBold",
  offset: 0,
  length: 3,
};
/** The caption "Tea" with its bold entity, as a media result's messageContent. */
export const CAPTION = {
  type: "text",
  text: "Tea",
  entities: [{ type: "bold", offset: 0, length: 3 }],
};

/** `botInlineMessageMediaAuto`: the caption "Tea" (bold) and the keyboard unless overridden. */
export function auto(
  overrides: Partial<tl.RawBotInlineMessageMediaAuto> = {},
): tl.RawBotInlineMessageMediaAuto {
  return {
    _: "botInlineMessageMediaAuto",
    message: "Tea",
    entities: [BOLD],
    replyMarkup: KEYBOARD,
    ...overrides,
  };
}

/** A web document as Telegram returns one (no proxy). */
export function web(
  url: string,
  mimeType: string,
  attributes: tl.TypeDocumentAttribute[] = [],
): tl.RawWebDocumentNoProxy {
  return { _: "webDocumentNoProxy", url, size: 0, mimeType, attributes };
}

/** A `botInlineResult` (a result by URL, or one without a file). */
export function byUrl(
  type: string,
  sendMessage: tl.TypeBotInlineMessage,
  overrides: Partial<tl.RawBotInlineResult> = {},
): tl.RawBotInlineResult {
  return { _: "botInlineResult", id: "r1", type, sendMessage, ...overrides };
}

/** A `botInlineMediaResult` (a photo or document stored on Telegram). */
export function stored(
  type: string,
  media: { photo?: tl.TypePhoto; document?: tl.TypeDocument },
  overrides: Partial<tl.RawBotInlineMediaResult> = {},
): tl.RawBotInlineMediaResult {
  return {
    _: "botInlineMediaResult",
    id: "r1",
    type,
    ...media,
    sendMessage: auto(),
    ...overrides,
  };
}

/** An audio file's attribute: a song with title and performer. */
export const AUDIO: tl.RawDocumentAttributeAudio = {
  _: "documentAttributeAudio",
  duration: 215,
  title: "Tea Song",
  performer: "The Kettles",
};
/** A voice message's attribute. */
export const VOICE: tl.RawDocumentAttributeAudio = {
  _: "documentAttributeAudio",
  voice: true,
  duration: 7,
};
/** A video or animation attribute (640×360, 12.5 s). */
export const VIDEO: tl.RawDocumentAttributeVideo = {
  _: "documentAttributeVideo",
  duration: 12.5,
  w: 640,
  h: 360,
};
/** The file id MTKruto writes for `tlDocument()` in an inline result (a plain document's). */
export const DOCUMENT_ID = documentFileIds(tlDocument(), "document").fileId;

/** `messages.botResults` with query id -8106258392015412345 and no results unless overridden. */
export function botResults(
  overrides: Partial<tl.messages.RawBotResults> = {},
): tl.messages.RawBotResults {
  return {
    _: "messages.botResults",
    queryId: long("-8106258392015412345"),
    results: [],
    cacheTime: 300,
    users: [],
    ...overrides,
  };
}
