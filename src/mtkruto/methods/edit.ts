/** Editing messages and inline messages (methods.md §B.3). */
import type { InputMediaLike, InputPeerLike } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { InputError } from "../../errors.ts";
import { toLinkPreview } from "../params/link_preview.ts";
import { toGeoPoint, toLiveLocationAlerts } from "../params/geo.ts";
import { toInputMedia } from "../params/media.ts";
import { optionalString } from "../params/read.ts";
import { toReplyMarkup } from "../params/reply_markup.ts";
import { toCaption } from "../params/send.ts";
import { parseText } from "../text/parse_mode.ts";
import { decodeInlineMessageId } from "../types/inline_message_id.ts";
import { renderOneMessage } from "../render/messages.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  messageIdParam,
  numberParam,
  optionsParam,
  stringParam,
} from "./params.ts";

type EditOptions = Parameters<TelegramClient["editMessage"]>[0];
type EditInlineOptions = Parameters<TelegramClient["editInlineMessage"]>[0];

const inlineMessageIdParam = customParam(
  "inlineMessageId",
  "string",
  (value, path) => {
    if (typeof value !== "string") {
      throw new InputError(`${path} must be an inline message id (a string)`);
    }
    return decodeInlineMessageId(value);
  },
);

/** `replyMarkup` and `businessConnectionId` of edit params; both are for bots only. */
function editCommon(
  call: DialectCall,
  params: Record<string, unknown>,
  { business = true } = {},
): Record<string, unknown> {
  const common: Record<string, unknown> = {};
  if (params.replyMarkup !== undefined) {
    if (!call.isBot) {
      throw new InputError(`${call.method}: replyMarkup: not a bot client.`);
    }
    common.replyMarkup = toReplyMarkup(
      params.replyMarkup,
      "params.replyMarkup",
    );
  }
  if (business && params.businessConnectionId !== undefined) {
    if (!call.isBot) {
      throw new InputError(
        `${call.method}: businessConnectionId: not a bot client.`,
      );
    }
    common.businessConnectionId = optionalString(
      params,
      "businessConnectionId",
      "params",
    );
  }
  return common;
}

/** The text fields of an edit: text with entities and the link preview switches. */
function textEdit(text: string, params: Record<string, unknown>) {
  const preview = params.linkPreview === undefined
    ? {}
    : toLinkPreview(params.linkPreview, "params.linkPreview");
  return {
    text: parseText(text, params, "params"),
    disableWebPreview: preview.disableWebPreview,
    invertMedia: preview.invertMedia,
  };
}

async function edit(
  call: DialectCall,
  chatId: InputPeerLike,
  messageId: number,
  fields: Record<string, unknown>,
) {
  const edited = await call.client.editMessage({
    chatId,
    message: messageId,
    ...fields,
  } as EditOptions);
  return await renderOneMessage(call.client, edited);
}

async function editInline(
  call: DialectCall,
  messageId: unknown,
  fields: Record<string, unknown>,
) {
  await call.client.editInlineMessage({
    messageId,
    ...fields,
  } as EditInlineOptions);
  return null;
}

/** A caption edit: the caption must be given, as MTKruto's params object is all there is. */
function captionEdit(params: Record<string, unknown>) {
  const caption = toCaption(params, "params");
  return { text: caption ?? "" };
}

/** The new position of a live location; its period stays as it was. */
function liveLocation(
  latitude: number,
  longitude: number,
  params: Record<string, unknown>,
): InputMediaLike {
  return {
    _: "inputMediaGeoLive",
    geoPoint: toGeoPoint(latitude, longitude, params, {
      latitude: "latitude",
      longitude: "longitude",
      object: "params",
    }),
    ...toLiveLocationAlerts(params, "params"),
  } as unknown as InputMediaLike;
}

/** The editing methods. */
export const EDIT_METHODS: DialectMethod[] = [
  defineMethod(
    "editMessageText",
    "both",
    [
      chatIdParam(),
      messageIdParam(),
      stringParam("text", { nonEmpty: true }),
      optionsParam("EditMessageTextParams"),
    ],
    "MessageText",
    (call, chatId, messageId, text, params) =>
      edit(call, chatId, messageId, {
        ...textEdit(text, params),
        ...editCommon(call, params),
      }),
  ),
  defineMethod(
    "editInlineMessageText",
    "bot",
    [
      inlineMessageIdParam,
      stringParam("text", { nonEmpty: true }),
      optionsParam("EditInlineMessageTextParams"),
    ],
    "void",
    (call, id, text, params) =>
      editInline(call, id, {
        ...textEdit(text, params),
        ...editCommon(call, params, { business: false }),
      }),
  ),
  defineMethod(
    "editMessageCaption",
    "both",
    [chatIdParam(), messageIdParam(), optionsParam("EditMessageCaptionParams")],
    "Message",
    (call, chatId, messageId, params) =>
      edit(call, chatId, messageId, {
        ...captionEdit(params),
        ...editCommon(call, params),
      }),
  ),
  defineMethod(
    "editInlineMessageCaption",
    "bot",
    [inlineMessageIdParam, optionsParam("EditInlineMessageCaptionParams")],
    "void",
    (call, id, params) =>
      editInline(call, id, {
        ...captionEdit(params),
        ...editCommon(call, params, { business: false }),
      }),
  ),
  defineMethod(
    "editMessageMedia",
    "both",
    [
      chatIdParam(),
      messageIdParam(),
      customParam("media", "InputMedia", toInputMedia),
      optionsParam("EditMessageMediaParams"),
    ],
    "Message",
    (call, chatId, messageId, media, params) =>
      edit(call, chatId, messageId, {
        media: media as InputMediaLike,
        ...editCommon(call, params),
      }),
  ),
  defineMethod(
    "editInlineMessageMedia",
    "bot",
    [
      inlineMessageIdParam,
      customParam("media", "InputMedia", toInputMedia),
      optionsParam("EditInlineMessageMediaParams"),
    ],
    "void",
    (call, id, media, params) =>
      editInline(call, id, {
        media,
        ...editCommon(call, params, { business: false }),
      }),
  ),
  defineMethod(
    "editMessageReplyMarkup",
    "both",
    [
      chatIdParam(),
      messageIdParam(),
      optionsParam("EditMessageReplyMarkupParams"),
    ],
    "Message",
    (call, chatId, messageId, params) =>
      // Without replyMarkup the keyboard is removed, as in Telegram's API.
      edit(call, chatId, messageId, editCommon(call, params)),
  ),
  defineMethod(
    "editInlineMessageReplyMarkup",
    "bot",
    [inlineMessageIdParam, optionsParam("EditMessageReplyMarkupParams")],
    "void",
    (call, id, params) =>
      editInline(call, id, editCommon(call, params, { business: false })),
  ),
  defineMethod(
    "editMessageLiveLocation",
    "both",
    [
      chatIdParam(),
      messageIdParam(),
      numberParam("latitude"),
      numberParam("longitude"),
      optionsParam("EditMessageLiveLocationParams"),
    ],
    "MessageLocation",
    (call, chatId, messageId, latitude, longitude, params) =>
      edit(call, chatId, messageId, {
        media: liveLocation(latitude, longitude, params),
        ...editCommon(call, params),
      }),
  ),
  defineMethod(
    "editInlineMessageLiveLocation",
    "bot",
    [
      inlineMessageIdParam,
      numberParam("latitude"),
      numberParam("longitude"),
      optionsParam("EditMessageLiveLocationParams"),
    ],
    "void",
    (call, id, latitude, longitude, params) =>
      editInline(call, id, {
        media: liveLocation(latitude, longitude, params),
        ...editCommon(call, params, { business: false }),
      }),
  ),
];
