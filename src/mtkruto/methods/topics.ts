/**
 * Forum topics (MTKruto 0.216's forum manager and the topic switches of its
 * chat manager): turning topics on and off (`channels.toggleForum`),
 * creating, editing, closing, hiding, pinning and deleting topics
 * (`messages.createForumTopic`, `messages.editForumTopic`,
 * `messages.updatePinnedForumTopic`, `messages.deleteTopicHistory`) and
 * listing them (`messages.getForumTopics`, `messages.getForumTopicsByID`).
 * Messages go to a topic with the send methods' `messageThreadId`.
 */
import { PeersIndex, type tl } from "@mtcute/core";
import type { InputPeerLike } from "@mtcute/core";
import { randomLong } from "@mtcute/core/utils.js";
import { resolveChatId } from "../params/chat_id.ts";
import { readTitle } from "../params/chats.ts";
import { readBoolean } from "../params/read.ts";
import {
  GENERAL_TOPIC_ID,
  readTopicId,
  readTopicIds,
  toNewTopicOptions,
  toTopicIcon,
  toTopicListQuery,
} from "../params/topics.ts";
import { renderRawMessages } from "../render/messages.ts";
import type { Message } from "../types/message.ts";
import type { MessageOf } from "../types/results.ts";
import {
  renderTopicList,
  type Topic,
  topicFromMessages,
  type TopicList,
} from "../types/topic.ts";
import { channelOf } from "./peers.ts";
import type { DialectCall, DialectMethod, Param } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, customParam, optionsParam } from "./params.ts";

/** `topicId`: any topic, or (`nonGeneral`) any but General, as MTKruto checks. */
function topicIdParam(nonGeneral = false): Param<number> {
  return customParam(
    "topicId",
    "number",
    (value, path) => readTopicId(value, path, { nonGeneral }),
  );
}

const titleParam = customParam("title", "string", readTitle);

/** Hands an `updates` answer to mtcute, as its own methods do, so its update state follows; answers null (void). */
function applied(call: DialectCall, updates: tl.TypeUpdates): null {
  call.client.handleClientUpdate(updates);
  return null;
}

/** The service message of `type` an `updates` answer carries, rendered (with the message it replies to). */
async function serviceMessageIn<T extends Message["type"]>(
  call: DialectCall,
  updates: tl.TypeUpdates,
  type: T,
): Promise<MessageOf<T>> {
  call.client.handleClientUpdate(updates);
  const carrier = updates._ === "updates" || updates._ === "updatesCombined"
    ? updates
    : undefined;
  const raw = carrier?.updates.flatMap((update) =>
    update._ === "updateNewChannelMessage" || update._ === "updateNewMessage"
      ? [update.message]
      : []
  )[0];
  const [message] = raw && carrier
    ? await renderRawMessages(call.client, [{
      raw,
      peers: PeersIndex.from(carrier),
    }])
    : [];
  if (message?.type !== type) {
    throw new Error(`${call.method}: Telegram sent no ${type} message`);
  }
  return message as MessageOf<T>;
}

/** A `messages.forumTopics` answer as MTKruto's TopicList (the newest messages built without what they reply to). */
async function topicList(
  call: DialectCall,
  result: tl.messages.TypeForumTopics,
): Promise<TopicList> {
  const peers = PeersIndex.from(result);
  const lastMessages = await renderRawMessages(
    call.client,
    result.messages.map((raw) => ({ raw, peers })),
  );
  return renderTopicList(result, peers, lastMessages);
}

/** The topics `topicIds` of a chat (`messages.getForumTopicsByID`). */
async function topicsById(
  call: DialectCall,
  chatId: InputPeerLike,
  topicIds: number[],
): Promise<TopicList> {
  return await topicList(
    call,
    await call.client.call({
      _: "messages.getForumTopicsByID",
      peer: await call.client.resolvePeer(chatId),
      topics: topicIds,
    }),
  );
}

/** `messages.editForumTopic` with one change, its notice handed to mtcute. */
async function editForumTopic(
  call: DialectCall,
  chatId: InputPeerLike,
  change: Omit<tl.messages.RawEditForumTopicRequest, "_" | "peer">,
): Promise<null> {
  return applied(
    call,
    await call.client.call({
      _: "messages.editForumTopic",
      peer: await call.client.resolvePeer(chatId),
      ...change,
    }),
  );
}

/** Pins or unpins a topic (`messages.updatePinnedForumTopic`). */
async function setTopicPinned(
  call: DialectCall,
  chatId: InputPeerLike,
  topicId: number,
  pinned: boolean,
): Promise<null> {
  return applied(
    call,
    await call.client.call({
      _: "messages.updatePinnedForumTopic",
      peer: await call.client.resolvePeer(chatId),
      topicId,
      pinned,
    }),
  );
}

/** Turns a supergroup's topics on (listed as tabs or not) or off (`channels.toggleForum`). */
async function toggleTopics(
  call: DialectCall,
  chatId: InputPeerLike,
  enabled: boolean,
  tabs: boolean,
): Promise<null> {
  return applied(
    call,
    await call.client.call({
      _: "channels.toggleForum",
      channel: await channelOf(call, chatId),
      enabled,
      tabs,
    }),
  );
}

/** The forum topic methods. */
export const TOPIC_METHODS: DialectMethod[] = [
  defineMethod(
    "enableTopics",
    "user",
    [
      chatIdParam(),
      customParam("isShownAsTabs", "boolean", readBoolean),
    ],
    "void",
    (call, chatId, isShownAsTabs) =>
      toggleTopics(call, chatId, true, isShownAsTabs),
  ),
  defineMethod(
    "disableTopics",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => toggleTopics(call, chatId, false, false),
  ),
  defineMethod(
    "createTopic",
    "both",
    [chatIdParam(), titleParam, optionsParam("CreateTopicParams")],
    "Topic",
    async (call, chatId, title, params): Promise<Topic> => {
      const options = toNewTopicOptions(params, call, "params");
      const sendAs = options.sendAs === undefined
        ? undefined
        : await call.client.resolvePeer(
          await resolveChatId(call.client, options.sendAs),
        );
      const updates = await call.client.call({
        _: "messages.createForumTopic",
        peer: await call.client.resolvePeer(chatId),
        title,
        iconColor: options.iconColor,
        iconEmojiId: options.iconEmojiId,
        sendAs,
        randomId: randomLong(),
      });
      return topicFromMessages(
        await serviceMessageIn(call, updates, "forumTopicCreated"),
      );
    },
  ),
  defineMethod(
    "editTopic",
    "both",
    [
      chatIdParam(),
      topicIdParam(true),
      titleParam,
      optionsParam("EditTopicParams"),
    ],
    "Topic",
    async (call, chatId, topicId, title, params): Promise<Topic> => {
      await editForumTopic(call, chatId, {
        topicId,
        title,
        iconEmojiId: toTopicIcon(params, "params"),
      });
      // The topic as it is now: MTKruto's own answer, built from the notice, leaves a closed topic open and drops an unchanged icon.
      const { items: [item] } = await topicsById(call, chatId, [topicId]);
      if (!item) throw new Error(`${call.method}: Telegram sent no topic`);
      return item.topic;
    },
  ),
  defineMethod(
    "hideGeneralTopic",
    "both",
    [chatIdParam()],
    "void",
    (call, chatId) =>
      editForumTopic(call, chatId, { topicId: GENERAL_TOPIC_ID, hidden: true }),
  ),
  defineMethod(
    "showGeneralTopic",
    "both",
    [chatIdParam()],
    "void",
    (call, chatId) =>
      editForumTopic(call, chatId, {
        topicId: GENERAL_TOPIC_ID,
        hidden: false,
      }),
  ),
  defineMethod(
    "closeTopic",
    "both",
    [chatIdParam(), topicIdParam()],
    "void",
    (call, chatId, topicId) =>
      editForumTopic(call, chatId, { topicId, closed: true }),
  ),
  defineMethod(
    "reopenTopic",
    "both",
    [chatIdParam(), topicIdParam()],
    "void",
    (call, chatId, topicId) =>
      editForumTopic(call, chatId, { topicId, closed: false }),
  ),
  defineMethod(
    "pinTopic",
    "both",
    [chatIdParam(), topicIdParam()],
    "void",
    (call, chatId, topicId) => setTopicPinned(call, chatId, topicId, true),
  ),
  defineMethod(
    "unpinTopic",
    "both",
    [chatIdParam(), topicIdParam()],
    "void",
    (call, chatId, topicId) => setTopicPinned(call, chatId, topicId, false),
  ),
  defineMethod(
    "deleteTopic",
    "both",
    [chatIdParam(), topicIdParam(true)],
    "void",
    async (call, chatId, topicId) => {
      // mtcute's call also moves its pts past the deletion
      await call.client.deleteForumTopicHistory(chatId, topicId);
      return null;
    },
  ),
  defineMethod(
    "getTopics",
    "user",
    [chatIdParam(), optionsParam("GetTopicsParams")],
    "TopicList",
    async (call, chatId, params) => {
      const query = toTopicListQuery(params, "params");
      return await topicList(
        call,
        await call.client.call({
          _: "messages.getForumTopics",
          peer: await call.client.resolvePeer(chatId),
          ...query,
        }),
      );
    },
  ),
  defineMethod(
    "getTopicsById",
    "user",
    [chatIdParam(), customParam("topicIds", "number[]", readTopicIds)],
    "TopicList",
    (call, chatId, topicIds) => topicsById(call, chatId, topicIds),
  ),
  defineMethod(
    "getTopic",
    "user",
    [chatIdParam(), topicIdParam()],
    "TopicListItem | null",
    async (call, chatId, topicId) =>
      (await topicsById(call, chatId, [topicId])).items[0] ?? null,
  ),
];
