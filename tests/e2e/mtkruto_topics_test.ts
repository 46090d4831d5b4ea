/**
 * End to end: forum topics in MTKruto's dialect. Alice (a user hosted on the
 * gateway) makes her supergroup a forum, creates, edits, closes, reopens,
 * pins, hides (General) and deletes topics and lists them; the bot, a
 * member, posts into a topic with `messageThreadId` and gets the topics'
 * service messages and the topic's messages as MTKruto's updates. Each
 * effect is read back from the emulator (`GET /chats/<id>/topics`); bad
 * arguments are 400s naming them.
 */
import { assert, assertEquals } from "../assert.ts";
import type { ControlForum } from "../dc/control_forum.ts";
import {
  type ChatsWorld,
  type Message,
  ok,
  withChats,
} from "./_chats_world.ts";
import { readJson } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** The parts of MTKruto's messages in topics these tests look at. */
interface TopicMessage extends Message {
  isTopicMessage: boolean;
  threadId?: number;
  link?: string;
  replyToMessage?: TopicMessage;
  forumTopicCreated?: { name: string; color: number; customEmojiId?: string };
  forumTopicEdited?: { name: string; customEmojiId?: string };
}

/** MTKruto's Topic (its active variant's keys, or a deleted one's). */
interface Topic {
  type: "active" | "deleted";
  id: number;
  date?: number;
  creator?: { id: number; type: string };
  name?: string;
  isClosed?: boolean;
  isHidden?: boolean;
}

interface TopicList {
  items: { topic: Topic; lastMessage?: TopicMessage }[];
  isOrderedByCreationDate: boolean;
  count: number;
}

/** A custom emoji id as MTKruto writes it (the emulator takes any). */
const EMOJI_ID = "5312536423851630001";

/** Calls `method` as Alice, failing on any error. */
function alice<T = null>(world: ChatsWorld, method: string, args: unknown[]) {
  return ok<T>(world.gateway, world.userBase, method, args);
}

/** Calls `method` as the bot, failing on any error. */
function bot<T = null>(world: ChatsWorld, method: string, args: unknown[]) {
  return ok<T>(world.gateway, `/bot${world.bot.token}`, method, args);
}

/** Calls `method` expecting a refusal: its status, error type and message. */
async function refusal(
  world: ChatsWorld,
  base: string,
  method: string,
  args: unknown[],
) {
  const { status, errorType, body } = await readJson(
    await world.gateway.fetch(`${base}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(args),
    }),
  );
  // An error's body is its message, as a JSON string.
  return { status, errorType, error: body };
}

/** The supergroup's forum in the emulator. */
function forum(world: ChatsWorld): Promise<ControlForum> {
  return world.dc.control<ControlForum>(
    "GET",
    `/chats/${world.supergroup}/topics`,
  );
}

/** The bot's next message update in the supergroup of `type`. */
async function botGets(
  world: ChatsWorld,
  type: string,
): Promise<TopicMessage> {
  return await world.botUpdates.message(
    "message",
    world.supergroup,
    (m) => m.type === type,
  ) as TopicMessage;
}

/** The topic Alice creates, as createTopic answers it, checked against the emulator's. */
async function createIdeas(world: ChatsWorld): Promise<Topic> {
  const topic = await alice<Topic>(world, "createTopic", [
    world.supergroup,
    "  Ideas ",
    { color: 0xFF93B2 },
  ]);
  assertEquals(topic, {
    type: "active",
    id: topic.id,
    date: topic.date,
    creator: topic.creator,
    isGeneral: false,
    isClosed: false,
    isHidden: false,
    name: "Ideas",
    color: 0xFF93B2,
    isDeleted: false,
  } as Topic);
  assertEquals([topic.creator?.id, topic.creator?.type], [
    world.userId,
    "private",
  ]);
  const [, stored] = (await forum(world)).topics;
  assertEquals(
    [stored.id, stored.title, stored.creator, stored.iconColor],
    [topic.id, "Ideas", world.userId, 0xFF93B2],
  );
  return topic;
}

Deno.test(
  "dialect, topics: Alice runs a forum's topics; the bot posts into one and gets every notice",
  options,
  () =>
    withChats(async (world) => {
      const { supergroup, userId } = world;
      assertEquals(
        await alice(world, "enableTopics", [supergroup, true]),
        null,
      );
      assertEquals(
        [(await forum(world)).isForum, (await forum(world)).tabs],
        [true, true],
      );
      const seenByBot = await bot<{ isForum: boolean }>(world, "getChat", [
        supergroup,
      ]);
      assertEquals(seenByBot.isForum, true);

      const topic = await createIdeas(world);
      const created = await botGets(world, "forumTopicCreated");
      assertEquals(
        [created.id, created.from.id, created.isTopicMessage],
        [topic.id, userId, false],
      );
      assertEquals(created.forumTopicCreated, {
        name: "Ideas",
        color: 0xFF93B2,
      });

      // The bot sends into the topic: a message "to" the topic's first message.
      const posted = await bot<TopicMessage>(world, "sendMessage", [
        supergroup,
        "hello topic",
        { messageThreadId: topic.id },
      ]);
      assertEquals(
        [posted.isTopicMessage, posted.replyToMessageId, posted.threadId],
        [true, topic.id, undefined],
      );
      assertEquals(posted.replyToMessage?.type, "forumTopicCreated");
      assert((await forum(world)).topics[1].messageIds.includes(posted.id));

      // Alice answers it; the reply is in the topic, which is its thread.
      const reply = await alice<TopicMessage>(world, "sendMessage", [
        supergroup,
        "a reply",
        { replyTo: { type: "message", messageId: posted.id } },
      ]);
      const replySeen = await world.botUpdates.message(
        "message",
        supergroup,
        (m) => m.text === "a reply",
      ) as TopicMessage;
      for (const message of [reply, replySeen]) {
        assertEquals(
          [message.isTopicMessage, message.threadId, message.replyToMessageId],
          [true, topic.id, posted.id],
        );
      }
      const channelId = -supergroup - 1_000_000_000_000;
      assertEquals(
        replySeen.link,
        `https://t.me/c/${channelId}/${topic.id}/${reply.id}`,
      );
      const history = await alice<TopicMessage[]>(world, "getHistory", [
        supergroup,
        { limit: 3 },
      ]);
      assertEquals(
        history.map((m) => [m.id, m.isTopicMessage, m.replyToMessageId]),
        [
          [reply.id, true, posted.id],
          [posted.id, true, topic.id],
          [topic.id, false, undefined],
        ],
      );

      // The list: the busiest topic first, each with its newest message.
      const list = await alice<TopicList>(world, "getTopics", [supergroup]);
      assertEquals([list.count, list.isOrderedByCreationDate], [2, false]);
      assertEquals(
        list.items.map((item) => [item.topic.id, item.topic.name]),
        [[topic.id, "Ideas"], [1, "General"]],
      );
      const [ideas, general] = list.items;
      assertEquals(
        [ideas.lastMessage?.id, ideas.lastMessage?.text],
        [reply.id, "a reply"],
      );
      assert(!("replyToMessage" in ideas.lastMessage!));
      assertEquals(general.lastMessage?.type, "supergroupCreated");
      assertEquals(
        [
          general.topic.creator?.id,
          (general.topic as { isGeneral?: boolean })
            .isGeneral,
        ],
        [userId, true],
      );

      // Editing, closing and reopening, each with its notice in the topic.
      const edited = await alice<Topic>(world, "editTopic", [
        supergroup,
        topic.id,
        "Plans",
        { customEmojiId: EMOJI_ID },
      ]);
      assertEquals(edited, {
        ...topic,
        name: "Plans",
        customEmojiId: EMOJI_ID,
      } as Topic);
      const editNotice = await botGets(world, "forumTopicEdited");
      assertEquals(editNotice.forumTopicEdited, {
        name: "Plans",
        customEmojiId: EMOJI_ID,
      });
      assertEquals(
        [editNotice.isTopicMessage, editNotice.replyToMessageId],
        [true, topic.id],
      );
      assertEquals(
        await alice(world, "closeTopic", [supergroup, topic.id]),
        null,
      );
      assertEquals(
        (await botGets(world, "forumTopicClosed")).isTopicMessage,
        true,
      );
      assertEquals((await forum(world)).topics[1].closed, true);
      const botBase = `/bot${world.bot.token}`;
      assertEquals(
        await refusal(world, botBase, "sendMessage", [supergroup, "late", {
          messageThreadId: topic.id,
        }]),
        { status: 400, errorType: "rpc", error: "TOPIC_CLOSED" },
      );
      // Only who manages topics (or created this one) may reopen it.
      assertEquals(
        (await refusal(world, botBase, "reopenTopic", [supergroup, topic.id]))
          .error,
        "CHAT_ADMIN_REQUIRED",
      );
      const [closed] = (await alice<TopicList>(world, "getTopicsById", [
        supergroup,
        [topic.id],
      ])).items;
      assertEquals([closed.topic.isClosed, closed.topic.name], [true, "Plans"]);
      assertEquals(
        await alice(world, "reopenTopic", [supergroup, topic.id]),
        null,
      );
      await botGets(world, "forumTopicReopened");
      assertEquals((await forum(world)).topics[1].closed, false);

      // Pins, and General's visibility.
      assertEquals(
        await alice(world, "pinTopic", [supergroup, topic.id]),
        null,
      );
      assertEquals((await forum(world)).topics[1].pinned, true);
      assertEquals(
        await alice(world, "unpinTopic", [supergroup, topic.id]),
        null,
      );
      assertEquals((await forum(world)).topics[1].pinned, false);
      assertEquals(await alice(world, "hideGeneralTopic", [supergroup]), null);
      assertEquals((await forum(world)).topics[0].hidden, true);
      const hidden = await alice<TopicList["items"][0]>(world, "getTopic", [
        supergroup,
        1,
      ]);
      assertEquals(hidden.topic.isHidden, true);
      assertEquals(await alice(world, "showGeneralTopic", [supergroup]), null);
      assertEquals((await forum(world)).topics[0].hidden, false);

      // Deleting takes the topic and its messages.
      assertEquals(
        await alice(world, "deleteTopic", [supergroup, topic.id]),
        null,
      );
      assertEquals((await forum(world)).topics.map((t) => t.id), [1]);
      assertEquals(
        await alice(world, "getTopic", [supergroup, topic.id]),
        { topic: { type: "deleted", id: topic.id } },
      );
      const left = await world.dc.control<{ id: number }[]>(
        "GET",
        `/messages?user=${userId}&peer=${supergroup}`,
      );
      assert(!left.some((m) => [topic.id, posted.id, reply.id].includes(m.id)));

      assertEquals(await alice(world, "disableTopics", [supergroup]), null);
      assertEquals((await forum(world)).isForum, false);
    }),
);

Deno.test(
  "dialect, topics: bad arguments are 400s naming them; user-only methods refuse the bot; Telegram's refusals pass through",
  options,
  () =>
    withChats(async (world) => {
      const { supergroup, group, userBase } = world;
      const botBase = `/bot${world.bot.token}`;
      const input = (error: string) => ({
        status: 400,
        errorType: "input",
        error,
      });
      // Not a forum yet: Telegram refuses.
      assertEquals(
        await refusal(world, userBase, "createTopic", [supergroup, "Early"]),
        { status: 400, errorType: "rpc", error: "CHANNEL_FORUM_MISSING" },
      );
      assertEquals(
        await refusal(world, userBase, "enableTopics", [supergroup]),
        input(
          "Argument 2 of enableTopics (isShownAsTabs) is missing; it must be boolean",
        ),
      );
      assertEquals(
        (await refusal(world, userBase, "enableTopics", [group, false])).error,
        `The chat ${group} is neither a channel nor a supergroup.`,
      );
      await alice(world, "enableTopics", [supergroup, false]);
      assertEquals((await forum(world)).tabs, false);

      assertEquals(
        await refusal(world, userBase, "createTopic", [supergroup, "   "]),
        input("Argument 2 of createTopic (title): Title cannot be empty."),
      );
      assertEquals(
        (await refusal(world, userBase, "createTopic", [supergroup, "T", {
          color: -1,
        }])).error,
        "params.color must be an integer from 0 to 16777215; got the number -1",
      );
      assertEquals(
        (await refusal(world, userBase, "createTopic", [supergroup, "T", {
          customEmojiId: 5,
        }])).error,
        "params.customEmojiId must be a 64-bit integer written as a decimal string; got the number 5",
      );
      assertEquals(
        (await refusal(world, botBase, "createTopic", [supergroup, "T", {
          sendAs: supergroup,
        }])).error,
        "createTopic: sendAs: not a user client.",
      );
      assertEquals(
        (await refusal(world, userBase, "editTopic", [supergroup, 1, "G"]))
          .error,
        "Argument 2 of editTopic (topicId) must be an integer from 2 to 2147483647; got the number 1",
      );
      assertEquals(
        (await refusal(world, userBase, "closeTopic", [supergroup, "2"]))
          .error,
        'Argument 2 of closeTopic (topicId) must be an integer from 1 to 2147483647; got the string "2"',
      );
      assertEquals(
        (await refusal(world, userBase, "deleteTopic", [supergroup, 1])).error,
        "Argument 2 of deleteTopic (topicId) must be an integer from 2 to 2147483647; got the number 1",
      );
      assertEquals(
        (await refusal(world, userBase, "getTopics", [supergroup, {
          limit: 0,
        }])).error,
        "params.limit must be an integer from 1 to 100; got the number 0",
      );
      assertEquals(
        (await refusal(world, userBase, "getTopicsById", [supergroup, []]))
          .error,
        "Argument 2 of getTopicsById (topicIds) must be a non-empty array of topic ids; got an array",
      );
      for (const method of ["getTopics", "getTopic", "getTopicsById"]) {
        const args = method === "getTopics"
          ? [supergroup]
          : [supergroup, method === "getTopic" ? 1 : [1]];
        assertEquals(
          await refusal(world, botBase, method, args),
          input(`${method}: not a user client.`),
        );
      }
      // An unknown topic is Telegram's to refuse.
      assertEquals(
        await refusal(world, userBase, "closeTopic", [supergroup, 999]),
        { status: 400, errorType: "rpc", error: "TOPIC_ID_INVALID" },
      );
      assertEquals((await forum(world)).topics.map((t) => t.id), [1]);
    }),
);
