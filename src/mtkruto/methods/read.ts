/** Reading messages: by id, history, search (methods.md §B.4). */
import type { TelegramClient } from "@mtcute/core/client.js";
import { toChatId, withPhonesResolved } from "../params/chat_id.ts";
import { optionalInteger, optionalString, pageLimit } from "../params/read.ts";
import { toSearchFilter } from "../params/search.ts";
import { renderMessages } from "../render/messages.ts";
import type { DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  messageIdParam,
  messageIdsParam,
  optionsParam,
} from "./params.ts";

type SearchOptions = NonNullable<
  Parameters<TelegramClient["searchMessages"]>[0]
>;

/** The reading methods. */
export const READ_METHODS: DialectMethod[] = [
  defineMethod(
    "getMessages",
    "both",
    [chatIdParam(), messageIdsParam()],
    "Message[]",
    async (call, chatId, ids) => {
      const found = await call.client.getMessages(chatId, ids);
      return await renderMessages(
        call.client,
        found.filter((message) => message !== null),
      );
    },
  ),
  defineMethod(
    "getMessage",
    "both",
    [chatIdParam(), messageIdParam()],
    "Message | null",
    async (call, chatId, id) => {
      const [found] = await call.client.getMessages(chatId, [id]);
      if (!found) return null;
      const [rendered] = await renderMessages(call.client, [found]);
      return rendered ?? null;
    },
  ),
  defineMethod(
    "getHistory",
    "user",
    [chatIdParam(), optionsParam("GetHistoryParams")],
    "Message[]",
    async (call, chatId, params) => {
      const history = await call.client.getHistory(chatId, {
        limit: pageLimit(params),
        offset: {
          id: optionalInteger(params, "offsetId", "params") ?? 0,
          date: optionalInteger(params, "offsetDate", "params") ?? 0,
        },
        addOffset: optionalInteger(params, "addOffset", "params"),
      });
      return await renderMessages(call.client, history);
    },
  ),
  defineMethod(
    "searchMessages",
    "user",
    [optionsParam("SearchMessagesParams")],
    "MessageList",
    async (call, params) => {
      const options: SearchOptions = {
        query: optionalString(params, "query", "params") ?? "",
        chatId: params.chatId === undefined
          ? undefined
          : toChatId(params.chatId, "params.chatId"),
        fromUser: params.from === undefined
          ? undefined
          : toChatId(params.from, "params.from"),
        filter: params.filter === undefined
          ? undefined
          : toSearchFilter(params.filter, "params.filter") as SearchOptions[
            "filter"
          ],
        offset: optionalInteger(params, "offset", "params"),
        addOffset: optionalInteger(params, "addOffset", "params"),
        threadId: optionalInteger(params, "threadId", "params"),
        limit: pageLimit(params),
      };
      const found = await call.client.searchMessages(
        await withPhonesResolved(call.client, options, ["chatId", "fromUser"]),
      );
      return {
        messages: await renderMessages(call.client, found),
        count: found.total,
      };
    },
  ),
];
