/** Forwarding, deleting, pinning and closing polls (methods.md §B.4). */
import type { InputPeerLike } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { InputError } from "../../errors.ts";
import { toReplyMarkup } from "../params/reply_markup.ts";
import { toChatId, withPhonesResolved } from "../params/chat_id.ts";
import { optionalBoolean, optionalInteger } from "../params/read.ts";
import { renderMessages, renderOneMessage } from "../render/messages.ts";
import { renderPoll } from "../types/poll.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  messageIdParam,
  messageIdsParam,
  optionsParam,
} from "./params.ts";

type ForwardOptions = Parameters<TelegramClient["forwardMessagesById"]>[0];

const flag = (params: Record<string, unknown>, key: string) =>
  optionalBoolean(params, key, "params") ?? false;

/** ForwardMessagesParams (0.216 names) → mtcute's forward options. */
function forwardOptions(
  call: DialectCall,
  from: InputPeerLike,
  to: InputPeerLike,
  ids: number[],
  params: Record<string, unknown>,
): ForwardOptions {
  const sendAt = optionalInteger(params, "sendAt", "params");
  if (params.sendAs !== undefined && call.isBot) {
    throw new InputError(`${call.method}: sendAs: not a user client.`);
  }
  if (sendAt !== undefined && call.isBot) {
    throw new InputError(`${call.method}: sendAt: not a user client.`);
  }
  return {
    fromChatId: from,
    toChatId: to,
    messages: ids,
    silent: flag(params, "isSilent"),
    forbidForwards: flag(params, "isContentProtected"),
    noAuthor: flag(params, "isSenderNameDropped"),
    noCaption: flag(params, "isCaptionDropped"),
    toThreadId: optionalInteger(params, "messageThreadId", "params"),
    sendAs: params.sendAs === undefined
      ? undefined
      : toChatId(params.sendAs, "params.sendAs"),
    // mtcute reads a number as milliseconds; MTKruto's sendAt is in seconds.
    schedule: sendAt === undefined ? undefined : sendAt * 1000,
  };
}

/** The managing methods. */
export const MANAGE_METHODS: DialectMethod[] = [
  defineMethod(
    "forwardMessages",
    "both",
    [
      chatIdParam("from"),
      chatIdParam("to"),
      messageIdsParam(),
      optionsParam("ForwardMessagesParams"),
    ],
    "Message[]",
    async (call, from, to, ids, params) => {
      const sent = await call.client.forwardMessagesById(
        await withPhonesResolved(
          call.client,
          forwardOptions(call, from, to, ids, params),
          ["sendAs"],
        ),
      );
      return await renderMessages(call.client, sent);
    },
  ),
  defineMethod(
    "forwardMessage",
    "both",
    [
      chatIdParam("from"),
      chatIdParam("to"),
      messageIdParam(),
      optionsParam("ForwardMessagesParams"),
    ],
    "Message",
    async (call, from, to, id, params) => {
      const [sent] = await call.client.forwardMessagesById(
        await withPhonesResolved(
          call.client,
          forwardOptions(call, from, to, [id], params),
          ["sendAs"],
        ),
      );
      if (!sent) throw new InputError("Message not found.", 404);
      return await renderOneMessage(call.client, sent);
    },
  ),
  defineMethod(
    "deleteMessages",
    "both",
    [chatIdParam(), messageIdsParam(), optionsParam("DeleteMessagesParams")],
    "void",
    async (call, chatId, ids, params) => {
      await call.client.deleteMessagesById(chatId, ids, {
        revoke: !flag(params, "isOnlyForMe"),
      });
      return null;
    },
  ),
  defineMethod(
    "deleteMessage",
    "both",
    [chatIdParam(), messageIdParam(), optionsParam("DeleteMessageParams")],
    "void",
    async (call, chatId, id, params) => {
      await call.client.deleteMessagesById(chatId, [id], {
        revoke: !flag(params, "isOnlyForMe"),
      });
      return null;
    },
  ),
  defineMethod(
    "pinMessage",
    "both",
    [chatIdParam(), messageIdParam(), optionsParam("PinMessageParams")],
    "void",
    async (call, chatId, id, params) => {
      await call.client.pinMessage({
        chatId,
        message: id,
        notify: !flag(params, "isSilent"),
        // Telegram refuses one-sided pins from bots (BOT_ONESIDE_NOT_AVAIL).
        bothSides: call.isBot || flag(params, "isForBothSides"),
      });
      return null;
    },
  ),
  defineMethod(
    "unpinMessage",
    "both",
    [chatIdParam(), messageIdParam(), optionsParam("UnpinMessageParams")],
    "void",
    async (call, chatId, id) => {
      await call.client.unpinMessage({ chatId, message: id });
      return null;
    },
  ),
  defineMethod(
    "unpinMessages",
    "both",
    [chatIdParam(), optionsParam("UnpinMessagesParams")],
    "void",
    async (call, chatId, params) => {
      await call.client.unpinAllMessages(chatId, {
        topicId: optionalInteger(params, "topicId", "params"),
      });
      return null;
    },
  ),
  defineMethod(
    "stopPoll",
    "both",
    [chatIdParam(), messageIdParam(), optionsParam("StopPollParams")],
    "Poll",
    async (call, chatId, id, params) => {
      const replyMarkup = params.replyMarkup === undefined
        ? undefined
        : toReplyMarkup(params.replyMarkup, "params.replyMarkup");
      const [message] = await call.client.getMessages(chatId, [id]);
      if (!message) throw new InputError("Message not found.");
      if (message.media?.type !== "poll") {
        throw new InputError("The message is not a poll.");
      }
      if (message.media.isClosed) {
        throw new InputError("The poll is already closed.");
      }
      const poll = await call.client.closePoll({ chatId, message: id });
      // mtcute's closePoll keeps the markup; a new one takes a second edit.
      if (replyMarkup) {
        await call.client.editMessage({ chatId, message: id, replyMarkup });
      }
      return renderPoll({
        _: "messageMediaPoll",
        poll: poll.raw as never,
        results: poll.results ?? { _: "pollResults" },
      });
    },
  ),
];
