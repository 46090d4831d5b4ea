/**
 * Scheduled messages (MTKruto 0.216.0's message manager): listing a chat's
 * queue, sending queued messages before their date and deleting them, all
 * user-only. Messages get scheduled with `sendAt` in the sending methods'
 * params.
 */
import { InputError } from "../../errors.ts";
import { renderMessages, renderOneMessage } from "../render/messages.ts";
import type { DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, messageIdParam, messageIdsParam } from "./params.ts";

/** The scheduled-message methods. */
export const SCHEDULED_METHODS: DialectMethod[] = [
  defineMethod(
    "getScheduledMessages",
    "user",
    [chatIdParam()],
    "Message[]",
    async (call, chatId) =>
      await renderMessages(
        call.client,
        await call.client.getAllScheduledMessages(chatId),
      ),
  ),
  defineMethod(
    "sendScheduledMessage",
    "user",
    [chatIdParam(), messageIdParam()],
    "Message",
    async (call, chatId, id) => {
      const [sent] = await call.client.sendScheduled(chatId, [id]);
      if (!sent) throw new InputError("Scheduled message not found.", 404);
      return await renderOneMessage(call.client, sent);
    },
  ),
  defineMethod(
    "sendScheduledMessages",
    "user",
    [chatIdParam(), messageIdsParam()],
    "Message[]",
    async (call, chatId, ids) =>
      await renderMessages(
        call.client,
        await call.client.sendScheduled(chatId, ids),
      ),
  ),
  defineMethod(
    "deleteScheduledMessage",
    "user",
    [chatIdParam(), messageIdParam()],
    "void",
    async (call, chatId, id) => {
      await call.client.deleteScheduledMessages(chatId, [id]);
      return null;
    },
  ),
  defineMethod(
    "deleteScheduledMessages",
    "user",
    [chatIdParam(), messageIdsParam()],
    "void",
    async (call, chatId, ids) => {
      await call.client.deleteScheduledMessages(chatId, ids);
      return null;
    },
  ),
];
