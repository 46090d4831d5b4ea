/** Sending messages (methods.md §B.2). */
import type { InputMediaLike, InputPeerLike, InputText } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { InputError } from "../../errors.ts";
import { toLinkPreview } from "../params/link_preview.ts";
import {
  toContactMedia,
  toDiceMedia,
  toInputMedia,
  toLocationMedia,
  toPollMedia,
  toSendMedia,
  toVenueMedia,
} from "../params/media.ts";
import type { SendMediaKind } from "../params/media.ts";
import { toTypingStatus } from "../params/chat_action.ts";
import { withPhonesResolved } from "../params/chat_id.ts";
import { optionalInteger, optionalString } from "../params/read.ts";
import { toSendOptions } from "../params/send.ts";
import { parseText } from "../text/parse_mode.ts";
import { renderMessages, renderOneMessage } from "../render/messages.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  fileParam,
  numberParam,
  optionsParam,
  stringParam,
} from "./params.ts";

type SendTextOptions = Parameters<TelegramClient["sendText"]>[2];
type SendMediaOptions = Parameters<TelegramClient["sendMedia"]>[2];
type SendGroupOptions = Parameters<TelegramClient["sendMediaGroup"]>[2];

const context = (call: DialectCall) => ({
  isBot: call.isBot,
  method: call.method,
});

/** The send options with a phone-number `sendAs` resolved; called once every parameter was read. */
function withSendAs(call: DialectCall, options: Record<string, unknown>) {
  return withPhonesResolved(call.client, options, ["sendAs"]);
}

/** Sends one medium with the common options; answers the sent message in MTKruto's shape. */
async function sendOne(
  call: DialectCall,
  chatId: InputPeerLike,
  media: unknown,
  params: Record<string, unknown>,
) {
  const options = await withSendAs(
    call,
    toSendOptions(params, context(call), "params"),
  );
  const sent = await call.client.sendMedia(
    chatId,
    media as InputMediaLike,
    options as SendMediaOptions,
  );
  return await renderOneMessage(call.client, sent);
}

const sendMessage = defineMethod(
  "sendMessage",
  "both",
  [
    chatIdParam(),
    stringParam("text", { nonEmpty: true }),
    optionsParam("SendMessageParams"),
  ],
  "MessageText",
  async (call, chatId, text, params) => {
    const input: InputText = parseText(text, params, "params");
    const read = toSendOptions(params, context(call), "params");
    const preview = params.linkPreview === undefined
      ? {}
      : toLinkPreview(params.linkPreview, "params.linkPreview");
    const options = await withSendAs(call, read);
    const sent = preview.webpage
      ? await call.client.sendMedia(
        chatId,
        { type: "webpage", ...preview.webpage } as InputMediaLike,
        {
          ...options,
          caption: input,
          invert: preview.invertMedia,
        } as SendMediaOptions,
      )
      : await call.client.sendText(chatId, input, {
        ...options,
        disableWebPreview: preview.disableWebPreview,
        invertMedia: preview.invertMedia,
      } as SendTextOptions);
    return await renderOneMessage(call.client, sent);
  },
);

const MEDIA_METHODS: [string, SendMediaKind, string, string][] = [
  ["sendPhoto", "photo", "SendPhotoParams", "MessagePhoto"],
  ["sendDocument", "document", "SendDocumentParams", "MessageDocument"],
  ["sendVideo", "video", "SendVideoParams", "MessageVideo"],
  ["sendAnimation", "animation", "SendAnimationParams", "MessageAnimation"],
  ["sendVoice", "voice", "SendVoiceParams", "MessageVoice"],
  ["sendAudio", "audio", "SendAudioParams", "MessageAudio"],
  ["sendVideoNote", "videoNote", "SendVideoNoteParams", "MessageVideoNote"],
  ["sendSticker", "sticker", "SendStickerParams", "MessageSticker"],
];

const mediaMethods = MEDIA_METHODS.map(([name, kind, paramsType, returns]) =>
  defineMethod(
    name,
    "both",
    [chatIdParam(), fileParam(kind), optionsParam(paramsType)],
    returns,
    (call, chatId, file, params) =>
      sendOne(
        call,
        chatId,
        toSendMedia(kind, file, params, "params"),
        params,
      ),
  )
);

const sendLocation = defineMethod(
  "sendLocation",
  "both",
  [
    chatIdParam(),
    numberParam("latitude"),
    numberParam("longitude"),
    optionsParam("SendLocationParams"),
  ],
  "MessageLocation",
  (call, chatId, latitude, longitude, params) =>
    sendOne(
      call,
      chatId,
      toLocationMedia(latitude, longitude, params, "params"),
      params,
    ),
);

const sendContact = defineMethod(
  "sendContact",
  "both",
  [
    chatIdParam(),
    stringParam("firstName"),
    stringParam("phoneNumber"),
    optionsParam("SendContactParams"),
  ],
  "MessageContact",
  (call, chatId, firstName, phoneNumber, params) =>
    sendOne(
      call,
      chatId,
      toContactMedia(firstName, phoneNumber, params, "params"),
      params,
    ),
);

const sendDice = defineMethod(
  "sendDice",
  "both",
  [chatIdParam(), optionsParam("SendDiceParams")],
  "MessageDice",
  (call, chatId, params) =>
    sendOne(call, chatId, toDiceMedia(params, "params"), params),
);

const sendVenue = defineMethod(
  "sendVenue",
  "both",
  [
    chatIdParam(),
    numberParam("latitude"),
    numberParam("longitude"),
    stringParam("title"),
    stringParam("address"),
    optionsParam("SendVenueParams"),
  ],
  "MessageVenue",
  (call, chatId, latitude, longitude, title, address, params) =>
    sendOne(
      call,
      chatId,
      toVenueMedia(latitude, longitude, title, address, params, "params"),
      params,
    ),
);

const sendPoll = defineMethod(
  "sendPoll",
  "both",
  [
    chatIdParam(),
    stringParam("question", { nonEmpty: true }),
    customParam("options", "InputPollOption[]", (value) => value),
    optionsParam("SendPollParams"),
  ],
  "MessagePoll",
  (call, chatId, question, options, params) =>
    sendOne(
      call,
      chatId,
      toPollMedia(question, options, params, "params"),
      params,
    ),
);

/** The most items Telegram takes in one album. */
const MAX_GROUP_ITEMS = 10;

const sendMediaGroup = defineMethod(
  "sendMediaGroup",
  "both",
  [
    chatIdParam(),
    customParam("media", "InputMedia[]", (value, path) => {
      if (!Array.isArray(value) || value.length === 0) {
        throw new InputError(`${path} must be a non-empty array of InputMedia`);
      }
      if (value.length > MAX_GROUP_ITEMS) {
        throw new InputError(
          `${path} may hold at most ${MAX_GROUP_ITEMS} items; got ${value.length}`,
        );
      }
      const media = value.map((item, index) =>
        toInputMedia(item, `${path}[${index}]`)
      );
      // Converted, an animation is an mtcute video: the kinds are MTKruto's.
      const kinds = value.map((item) => String(item.type));
      return { media, kinds };
    }),
    optionsParam("SendMediaGroupParams"),
  ],
  "Message[]",
  async (call, chatId, { media, kinds }, params) => {
    if (kinds.includes("animation")) {
      throw new InputError("sendMediaGroup: animations cannot be grouped");
    }
    const visual = (kind: string) => kind === "photo" || kind === "video";
    if (
      !kinds.every(visual) && !kinds.every((kind) => kind === kinds[0])
    ) {
      throw new InputError(
        "sendMediaGroup: photos and videos may be mixed; other kinds must all be of one kind",
      );
    }
    const options = await withSendAs(
      call,
      toSendOptions(params, context(call), "params"),
    );
    const sent = await call.client.sendMediaGroup(
      chatId,
      media as InputMediaLike[],
      options as SendGroupOptions,
    );
    return await renderMessages(call.client, sent);
  },
);

const sendChatAction = defineMethod(
  "sendChatAction",
  "both",
  [
    chatIdParam(),
    customParam("action", "ChatActionType", toTypingStatus),
    optionsParam("SendChatActionParams"),
  ],
  "void",
  async (call, chatId, action, params) => {
    await call.client.sendTyping(
      chatId,
      action as Parameters<TelegramClient["sendTyping"]>[1],
      {
        threadId: optionalInteger(params, "messageThreadId", "params"),
        businessConnectionId: optionalString(
          params,
          "businessConnectionId",
          "params",
        ),
      },
    );
    return null;
  },
);

/** The sending methods. */
export const SEND_METHODS: DialectMethod[] = [
  sendMessage,
  ...mediaMethods,
  sendLocation,
  sendContact,
  sendDice,
  sendVenue,
  sendPoll,
  sendMediaGroup,
  sendChatAction,
];
