/** Bot payments (methods.md §B.13): invoices, pre-checkout answers and Telegram Stars refunds. */
import { Long } from "@mtcute/core";
import type { InputMediaLike } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import {
  INVOICE_TEXT_LIMITS,
  readInvoiceText,
  toInvoiceMedia,
  toPrecheckoutError,
  toPriceTags,
} from "../params/payments.ts";
import { readBoolean, readDecimal } from "../params/read.ts";
import { toSendOptions } from "../params/send.ts";
import { renderOneMessage } from "../render/messages.ts";
import type { DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  optionsParam,
  stringParam,
} from "./params.ts";

type SendMediaOptions = Parameters<TelegramClient["sendMedia"]>[2];

/** An invoice's title or description, bounded as MTKruto bounds it. */
function invoiceTextParam(name: keyof typeof INVOICE_TEXT_LIMITS) {
  return customParam(
    name,
    "string",
    (value, path) => readInvoiceText(value, path, INVOICE_TEXT_LIMITS[name]),
  );
}

/** The payment methods. */
export const PAYMENT_METHODS: DialectMethod[] = [
  defineMethod(
    "sendInvoice",
    "bot",
    [
      chatIdParam(),
      invoiceTextParam("title"),
      invoiceTextParam("description"),
      stringParam("payload"),
      stringParam("currency", { nonEmpty: true }),
      customParam("prices", "PriceTag[]", toPriceTags),
      optionsParam("SendInvoiceParams"),
    ],
    "MessageInvoice",
    async (
      call,
      chatId,
      title,
      description,
      payload,
      currency,
      prices,
      params,
    ) => {
      const media = toInvoiceMedia(
        { title, description, payload, currency, prices },
        params,
        "params",
      );
      const options = toSendOptions(
        params,
        { isBot: call.isBot, method: call.method },
        "params",
      );
      const sent = await call.client.sendMedia(
        chatId,
        media as InputMediaLike,
        options as SendMediaOptions,
      );
      return await renderOneMessage(call.client, sent);
    },
  ),
  defineMethod(
    "answerPreCheckoutQuery",
    "bot",
    [
      customParam(
        "preCheckoutQueryId",
        "string",
        (value, path) => Long.fromString(readDecimal(value, path)),
      ),
      customParam("ok", "boolean", readBoolean),
      optionsParam("AnswerPreCheckoutQueryParams"),
    ],
    "void",
    async (call, queryId, ok, params) => {
      // Raw, as MTKruto: mtcute's answerPreCheckoutQuery says yes exactly when no error is given.
      await call.client.call({
        _: "messages.setBotPrecheckoutResults",
        queryId,
        success: ok || undefined,
        error: toPrecheckoutError(ok, params, "params"),
      });
      return null;
    },
  ),
  defineMethod(
    "refundStarPayment",
    "bot",
    [
      chatIdParam("userId"),
      stringParam("telegramPaymentChargeId", { nonEmpty: true }),
    ],
    "void",
    async (call, userId, chargeId) => {
      // mtcute has no method for it.
      const updates = await call.client.call({
        _: "payments.refundStarsCharge",
        userId: await call.client.resolveUser(userId),
        chargeId,
      });
      // The refund notice comes with the result: applied and delivered like any other update.
      call.client.handleClientUpdate(updates);
      return null;
    },
  ),
];
