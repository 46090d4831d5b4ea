/** Callback and inline queries (methods.md §B.8). */
import { Long } from "@mtcute/core";
import type { InputInlineResult } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { toCallbackQuestion } from "../params/callback.ts";
import {
  toInlineAnswerOptions,
  toInlineResults,
} from "../params/inline_results.ts";
import {
  optionalBoolean,
  optionalInteger,
  optionalString,
} from "../params/read.ts";
import { renderInlineQueryAnswer } from "../types/inline_query_result.ts";
import type { DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  messageIdParam,
  optionsParam,
} from "./params.ts";

/** A query id: MTKruto writes 64-bit ids as decimal strings. */
const queryIdParam = customParam("id", "string", (value, path) => {
  if (typeof value !== "string" || !/^-?\d{1,20}$/.test(value)) {
    throw new InputError(
      `${path} must be a query id (a decimal string, as updates carry it)`,
    );
  }
  return Long.fromString(value);
});

/** The query methods. */
export const QUERY_METHODS: DialectMethod[] = [
  defineMethod(
    "answerCallbackQuery",
    "bot",
    [queryIdParam, optionsParam("AnswerCallbackQueryParams")],
    "void",
    async (call, id, params) => {
      await call.client.answerCallbackQuery(id, {
        text: optionalString(params, "text", "params"),
        alert: optionalBoolean(params, "isAlert", "params"),
        url: optionalString(params, "url", "params"),
        cacheTime: optionalInteger(params, "cacheTime", "params", {
          min: 0,
        }) ?? 0,
      });
      return null;
    },
  ),
  defineMethod(
    "sendCallbackQuery",
    "user",
    [
      chatIdParam("botId"),
      messageIdParam(),
      customParam("question", "CallbackQueryQuestion", toCallbackQuestion),
    ],
    "CallbackQueryAnswer",
    async (call, botId, messageId, question) => {
      const answer = await call.client.getCallbackAnswer({
        chatId: botId,
        message: messageId,
        data: question.data ?? "",
        game: question.game,
        password: question.password,
      });
      return {
        isAlert: answer.alert ?? false,
        text: answer.message ?? "",
        url: answer.url ?? "",
      };
    },
  ),
  defineMethod(
    "sendInlineQuery",
    "user",
    [
      chatIdParam("botId"),
      chatIdParam(),
      optionsParam("SendInlineQueryParams"),
    ],
    "InlineQueryAnswer",
    async (call, botId, chatId, params) => {
      // Read before any network call, so a bad option costs no peer lookups.
      const query = optionalString(params, "query", "params") ?? "";
      const offset = optionalString(params, "offset", "params") ?? "";
      const results = await call.client.call({
        _: "messages.getInlineBotResults",
        bot: await call.client.resolveUser(botId),
        peer: await call.client.resolvePeer(chatId),
        query,
        offset,
      });
      return renderInlineQueryAnswer(results);
    },
  ),
  defineMethod(
    "answerInlineQuery",
    "bot",
    [
      queryIdParam,
      customParam("results", "InputInlineQueryResult[]", toInlineResults),
      optionsParam("AnswerInlineQueryParams"),
    ],
    "void",
    async (call, id, results, params) => {
      await call.client.answerInlineQuery(
        id,
        results as InputInlineResult[],
        toInlineAnswerOptions(params, "params"),
      );
      return null;
    },
  ),
];
