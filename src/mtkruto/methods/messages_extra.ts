/**
 * Message methods beyond the seed's, from MTKruto 0.216.0's message and
 * chat managers: read marks (readMessages, markChatAsRead/Unread), views
 * and counters, read dates, Saved Messages and message links. All but
 * resolveMessageLink are user-only, as in MTKruto.
 */
import { Long, PeersIndex, type tl } from "@mtcute/core";
import type { InputPeerLike } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { resolveChatId } from "../params/chat_id.ts";
import {
  readMessageLink,
  readSavedChatsOptions,
  readSavedMessagesOptions,
} from "../params/messages_extra.ts";
import { renderOneMessage, renderRawMessages } from "../render/messages.ts";
import {
  renderMessageCounters,
  renderMessageViewer,
  renderSavedChat,
} from "../types/messages_extra.ts";
import { peerChatP } from "../types/peers.ts";
import type { DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  messageIdParam,
  messageIdsParam,
  optionsParam,
} from "./params.ts";

/** messages.getMessagesViews: the messages' counters, counting a view of each first with `increment`. */
async function messagesViews(
  client: TelegramClient,
  chatId: InputPeerLike,
  ids: number[],
  increment: boolean,
): Promise<tl.RawMessageViews[]> {
  const { views } = await client.call({
    _: "messages.getMessagesViews",
    peer: await client.resolvePeer(chatId),
    id: ids,
    increment,
  });
  return views;
}

/** messages.markDialogUnread, which MTKruto's markChatAsRead and markChatAsUnread both call. */
async function setChatUnread(
  client: TelegramClient,
  chatId: InputPeerLike,
  unread: boolean,
): Promise<null> {
  await client.call({
    _: "messages.markDialogUnread",
    peer: { _: "inputDialogPeer", peer: await client.resolvePeer(chatId) },
    unread,
  });
  return null;
}

/** Renders TL messages of one answer, with the peers that came with it. */
function renderAnswerMessages(
  client: TelegramClient,
  answer: {
    messages: tl.TypeMessage[];
    users: tl.TypeUser[];
    chats: tl.TypeChat[];
  },
) {
  const peers = PeersIndex.from(answer);
  return renderRawMessages(
    client,
    answer.messages.map((raw) => ({ raw, peers })),
  );
}

const READ_METHODS: DialectMethod[] = [
  defineMethod(
    "readMessages",
    "user",
    [chatIdParam(), messageIdParam("untilMessageId")],
    "void",
    async (call, chatId, untilMessageId) => {
      await call.client.readHistory(chatId, { maxId: untilMessageId });
      return null;
    },
  ),
  defineMethod(
    "markChatAsRead",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => setChatUnread(call.client, chatId, false),
  ),
  defineMethod(
    "markChatAsUnread",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => setChatUnread(call.client, chatId, true),
  ),
  defineMethod(
    "viewMessage",
    "user",
    [chatIdParam(), messageIdParam()],
    "void",
    async (call, chatId, id) => {
      await messagesViews(call.client, chatId, [id], true);
      return null;
    },
  ),
  defineMethod(
    "viewMessages",
    "user",
    [chatIdParam(), messageIdsParam()],
    "void",
    async (call, chatId, ids) => {
      await messagesViews(call.client, chatId, ids, true);
      return null;
    },
  ),
];

const COUNTER_METHODS: DialectMethod[] = [
  defineMethod(
    "getMessageCounters",
    "user",
    [chatIdParam(), messageIdParam()],
    "MessageCounters",
    async (call, chatId, id) => {
      const [views] = await messagesViews(call.client, chatId, [id], false);
      return renderMessageCounters(views);
    },
  ),
  defineMethod(
    "getMessagesCounters",
    "user",
    [chatIdParam(), messageIdsParam()],
    "MessageCounters[]",
    async (call, chatId, ids) =>
      (await messagesViews(call.client, chatId, ids, false)).map(
        renderMessageCounters,
      ),
  ),
  defineMethod(
    "getMessageReadDate",
    "user",
    [chatIdParam(), messageIdParam()],
    "number",
    async (call, chatId, id) => {
      const { date } = await call.client.call({
        _: "messages.getOutboxReadDate",
        peer: await call.client.resolvePeer(chatId),
        msgId: id,
      });
      return date;
    },
  ),
  defineMethod(
    "getMessageViewers",
    "user",
    [chatIdParam(), messageIdParam()],
    "MessageViewer[]",
    async (call, chatId, id) => {
      const viewers = await call.client.call({
        _: "messages.getMessageReadParticipants",
        peer: await call.client.resolvePeer(chatId),
        msgId: id,
      });
      return viewers.map(renderMessageViewer);
    },
  ),
];

const SAVED_METHODS: DialectMethod[] = [
  defineMethod(
    "getSavedChats",
    "user",
    [optionsParam("GetSavedChatsParams")],
    "SavedChats",
    async (call, params) => {
      const options = readSavedChatsOptions(params);
      const { client } = call;
      const result = await client.call({
        _: "messages.getSavedDialogs",
        excludePinned: options.excludePinned || undefined,
        offsetDate: options.offsetDate,
        offsetId: options.offsetId,
        offsetPeer: options.offsetChatId === undefined
          ? { _: "inputPeerEmpty" }
          : await client.resolvePeer(
            await resolveChatId(client, options.offsetChatId),
          ),
        limit: options.limit,
        hash: Long.ZERO,
      });
      if (result._ === "messages.savedDialogsNotModified") {
        throw new Error(
          "messages.getSavedDialogs: not modified without a hash",
        );
      }
      const peers = PeersIndex.from(result);
      const tops = await renderAnswerMessages(client, {
        ...result,
        messages: result.dialogs.map((dialog) =>
          result.messages.find((m) => m.id === dialog.topMessage) ??
            { _: "messageEmpty", id: dialog.topMessage }
        ),
      });
      const chats = result.dialogs.flatMap((dialog) => {
        const lastMessage = tops.find((m) => m.id === dialog.topMessage);
        return lastMessage
          ? [
            renderSavedChat(dialog, peerChatP(peers, dialog.peer), lastMessage),
          ]
          : [];
      });
      return {
        chats,
        total: result._ === "messages.savedDialogsSlice"
          ? result.count
          : result.dialogs.length,
      };
    },
  ),
  defineMethod(
    "getSavedMessages",
    "user",
    [chatIdParam(), optionsParam("GetSavedMessagesParams")],
    "Message[]",
    async (call, chatId, params) => {
      const options = readSavedMessagesOptions(params);
      const result = await call.client.call({
        _: "messages.getSavedHistory",
        peer: await call.client.resolvePeer(chatId),
        offsetId: options.offsetId,
        offsetDate: options.offsetDate,
        addOffset: options.addOffset,
        limit: options.limit,
        maxId: 0,
        minId: 0,
        hash: Long.ZERO,
      });
      if (result._ === "messages.messagesNotModified") {
        throw new Error(
          "messages.getSavedHistory: not modified without a hash",
        );
      }
      return await renderAnswerMessages(call.client, result);
    },
  ),
];

const LINK_METHODS: DialectMethod[] = [
  defineMethod(
    "resolveMessageLink",
    "both",
    [customParam("link", "string", readMessageLink)],
    "Message | null",
    async (call, link) => {
      const [found] = await call.client.getMessages(link.chatId, [
        link.messageId,
      ]);
      return found ? await renderOneMessage(call.client, found) : null;
    },
  ),
];

/** The message methods beyond the seed's, by topic. */
export const MESSAGES_EXTRA_METHODS: DialectMethod[] = [
  ...READ_METHODS,
  ...COUNTER_METHODS,
  ...SAVED_METHODS,
  ...LINK_METHODS,
];
