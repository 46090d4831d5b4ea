import { Long, type tl } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  pushedMessages,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";

/** A supergroup of Ann's (Bob and a bot in it) made a forum, with call helpers as each member. */
async function forumSetup() {
  const setup = await chatSetup("supergroup");
  const { world, ann, annMain, chat } = setup;
  const peerOf = (userId: number) => chatPeer(world, userId, chat.key);
  const toggled = await invoke(world, annMain, {
    _: "channels.toggleForum",
    channel: inputChannel(world, ann.id, chat.key),
    enabled: true,
    tabs: true,
  });
  const createTopic = async (
    session: typeof annMain,
    userId: number,
    title: string,
    extra: Partial<tl.messages.RawCreateForumTopicRequest> = {},
  ) => {
    const result = await invoke(world, session, {
      _: "messages.createForumTopic",
      peer: peerOf(userId),
      title,
      randomId: Long.fromNumber(Math.floor(Math.random() * 2 ** 52)),
      ...extra,
    });
    assert(result._ === "updates");
    return result;
  };
  const topicsById = async (
    userId: number,
    session: typeof annMain,
    ids: number[],
  ) => {
    const result = await invoke(world, session, {
      _: "messages.getForumTopicsByID",
      peer: peerOf(userId),
      topics: ids,
    });
    return result.topics;
  };
  return { ...setup, toggled, peerOf, createTopic, topicsById };
}

/** The new channel message of an `updates`. */
function newMessage(
  updates: tl.RawUpdates,
): tl.RawMessage | tl.RawMessageService {
  const update = updates.updates.find((u) => u._ === "updateNewChannelMessage");
  assert(update?._ === "updateNewChannelMessage");
  assert(update.message._ !== "messageEmpty");
  return update.message;
}

Deno.test("toggleForum: the creator turns topics on with tabs; members see the flags", async () => {
  const { world, bob, bobMain, chat, toggled, peerOf, ann, annMain } =
    await forumSetup();
  assert(toggled._ === "updates");
  assertEquals(toggled.updates, [{ _: "updateChannel", channelId: chat.id }]);
  const [seen] = toggled.chats;
  assert(seen._ === "channel");
  assertEquals([seen.forum, seen.forumTabs], [true, true]);
  assert(pushedUpdates(bobMain).some((u) => u._ === "updateChannel"));
  assertEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.toggleForum",
      channel: inputChannel(world, bob.id, chat.key),
      enabled: false,
      tabs: false,
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "channels.toggleForum",
      channel: inputChannel(world, ann.id, chat.key),
      enabled: true,
      tabs: true,
    })),
    "CHAT_NOT_MODIFIED",
  );
  // General is there from the start
  const [general] = await invoke(world, annMain, {
    _: "messages.getForumTopicsByID",
    peer: peerOf(ann.id),
    topics: [1],
  }).then((r) => r.topics);
  assert(general._ === "forumTopic");
  assertEquals([general.id, general.title], [1, "General"]);
});

Deno.test("createForumTopic: a service message whose id is the topic's; not in a plain supergroup", async () => {
  const { bob, bobMain, createTopic, topicsById } = await forumSetup();
  const created = newMessage(
    await createTopic(bobMain, bob.id, "  Ideas ", { iconColor: 0xFF93B2 }),
  );
  assert(created._ === "messageService");
  assertEquals(created.action, {
    _: "messageActionTopicCreate",
    title: "Ideas",
    iconColor: 0xFF93B2,
    iconEmojiId: undefined,
  });
  assertEquals(created.replyTo, undefined);
  const [topic] = await topicsById(bob.id, bobMain, [created.id]);
  assert(topic._ === "forumTopic");
  assertEquals(
    [topic.id, topic.title, topic.my, topic.topMessage, topic.fromId],
    [created.id, "Ideas", true, created.id, {
      _: "peerUser",
      userId: bob.id,
    }],
  );
  assertEquals(
    await rpcError(createTopic(bobMain, bob.id, "   ")),
    "TOPIC_TITLE_EMPTY",
  );

  const plain = await chatSetup("supergroup");
  assertEquals(
    await rpcError(invoke(plain.world, plain.annMain, {
      _: "messages.createForumTopic",
      peer: chatPeer(plain.world, plain.ann.id, plain.chat.key),
      title: "Nope",
      randomId: Long.fromNumber(7),
    })),
    "CHANNEL_FORUM_MISSING",
  );
});

Deno.test("messages in a topic carry forum_topic, with the topic as reply_to_top_id of replies", async () => {
  const { world, ann, annMain, botMain, bot, createTopic, peerOf, topicsById } =
    await forumSetup();
  const topicId = newMessage(await createTopic(annMain, ann.id, "Ideas")).id;
  // as mtcute sends to a topic: reply_to_msg_id and top_msg_id both the topic
  const inTopic = newMessage(
    await sendText(world, botMain, peerOf(bot.id), "hello topic", {
      replyTo: {
        _: "inputReplyToMessage",
        replyToMsgId: topicId,
        topMsgId: topicId,
      },
    }),
  );
  assertEquals(inTopic.replyTo, {
    _: "messageReplyHeader",
    forumTopic: true,
    replyToMsgId: topicId,
    replyToTopId: undefined,
  });
  const reply = newMessage(
    await sendText(world, annMain, peerOf(ann.id), "a reply", {
      replyTo: { _: "inputReplyToMessage", replyToMsgId: inTopic.id },
    }),
  );
  assertEquals(reply.replyTo, {
    _: "messageReplyHeader",
    forumTopic: true,
    replyToMsgId: inTopic.id,
    replyToTopId: topicId,
  });
  const general = newMessage(
    await sendText(world, annMain, peerOf(ann.id), "in General"),
  );
  assertEquals(general.replyTo, undefined);
  // the bot's copy (pushed) says the same
  const pushed = pushedMessages(botMain).find((m) => m.id === reply.id);
  assertEquals(pushed?.replyTo, reply.replyTo);
  const [topic, generalTopic] = await topicsById(ann.id, annMain, [topicId, 1]);
  assert(topic._ === "forumTopic" && generalTopic._ === "forumTopic");
  assertEquals(topic.topMessage, reply.id);
  assertEquals(generalTopic.topMessage, general.id);
});

Deno.test("editForumTopic: titles, closing and General's visibility, each as Telegram takes it", async () => {
  const { world, ann, annMain, bob, bobMain, createTopic, peerOf, topicsById } =
    await forumSetup();
  const topicId = newMessage(await createTopic(annMain, ann.id, "Ideas")).id;
  const edit = (
    session: typeof annMain,
    userId: number,
    change: Partial<tl.messages.RawEditForumTopicRequest>,
  ) =>
    invoke(world, session, {
      _: "messages.editForumTopic",
      peer: peerOf(userId),
      topicId,
      ...change,
    });
  const renamed = await edit(annMain, ann.id, { title: "Plans" });
  assert(renamed._ === "updates");
  const notice = newMessage(renamed);
  assert(notice._ === "messageService");
  assertEquals(notice.action, { _: "messageActionTopicEdit", title: "Plans" });
  assertEquals(notice.replyTo, {
    _: "messageReplyHeader",
    forumTopic: true,
    replyToMsgId: topicId,
    replyToTopId: undefined,
  });
  assertEquals(
    await rpcError(edit(annMain, ann.id, { title: "Plans" })),
    "TOPIC_NOT_MODIFIED",
  );
  assertEquals(
    await rpcError(edit(annMain, ann.id, { title: "X", closed: true })),
    "TOPIC_CLOSE_SEPARATELY",
  );
  assertEquals(
    await rpcError(edit(annMain, ann.id, { hidden: true })),
    "NOGENERAL_HIDE_FORBIDDEN",
  );
  // Bob neither created the topic nor manages topics
  assertEquals(
    await rpcError(edit(bobMain, bob.id, { title: "Mine" })),
    "CHAT_ADMIN_REQUIRED",
  );

  await edit(annMain, ann.id, { closed: true });
  const toTopic = {
    replyTo: { _: "inputReplyToMessage" as const, replyToMsgId: topicId },
  };
  assertEquals(
    await rpcError(sendText(world, bobMain, peerOf(bob.id), "hi", toTopic)),
    "TOPIC_CLOSED",
  );
  // the creator still writes in it
  await sendText(world, annMain, peerOf(ann.id), "closing words", toTopic);
  const [closed] = await topicsById(ann.id, annMain, [topicId]);
  assert(closed._ === "forumTopic");
  assertEquals([closed.title, closed.closed], ["Plans", true]);

  const hidden = await invoke(world, annMain, {
    _: "messages.editForumTopic",
    peer: peerOf(ann.id),
    topicId: 1,
    hidden: true,
  });
  assert(hidden._ === "updates");
  assertEquals(newMessage(hidden).replyTo, undefined);
  const [general] = await topicsById(ann.id, annMain, [1]);
  assert(general._ === "forumTopic");
  assertEquals(general.hidden, true);
});

Deno.test("pinned topics come first in getForumTopics; every member learns of the pin", async () => {
  const { world, ann, annMain, bob, bobMain, createTopic, peerOf } =
    await forumSetup();
  const first = newMessage(await createTopic(annMain, ann.id, "First")).id;
  const second = newMessage(await createTopic(annMain, ann.id, "Second")).id;
  await invoke(world, annMain, {
    _: "messages.updatePinnedForumTopic",
    peer: peerOf(ann.id),
    topicId: first,
    pinned: true,
  });
  assert(
    pushedUpdates(bobMain).some((u) =>
      u._ === "updatePinnedForumTopic" && u.topicId === first && u.pinned
    ),
  );
  const list = await invoke(world, bobMain, {
    _: "messages.getForumTopics",
    peer: peerOf(bob.id),
    offsetDate: 0,
    offsetId: 0,
    offsetTopic: 0,
    limit: 10,
  });
  assertEquals(list.count, 3);
  const ids = list.topics.map((topic) => topic.id);
  assertEquals(ids, [first, second, 1]);
  assert(list.topics[0]._ === "forumTopic" && list.topics[0].pinned);
  // the top messages come along (General's: the chat's creation message); the next page starts after the last topic
  assertEquals(list.messages.map((m) => m.id), [first, second, 1]);
  const next = await invoke(world, bobMain, {
    _: "messages.getForumTopics",
    peer: peerOf(bob.id),
    offsetDate: 0,
    offsetId: second,
    offsetTopic: second,
    limit: 10,
  });
  assertEquals(next.topics.map((topic) => topic.id), [1]);
  assertEquals(
    await rpcError(invoke(world, bobMain, {
      _: "messages.updatePinnedForumTopic",
      peer: peerOf(bob.id),
      topicId: second,
      pinned: true,
    })),
    "CHAT_ADMIN_REQUIRED",
  );
});

Deno.test("deleteTopicHistory removes a topic with its messages; General stays", async () => {
  const { world, ann, annMain, chat, createTopic, peerOf, topicsById } =
    await forumSetup();
  const topicId = newMessage(await createTopic(annMain, ann.id, "Gone")).id;
  const inTopic = newMessage(
    await sendText(world, annMain, peerOf(ann.id), "bye", {
      replyTo: { _: "inputReplyToMessage", replyToMsgId: topicId },
    }),
  );
  const affected = await invoke(world, annMain, {
    _: "messages.deleteTopicHistory",
    peer: peerOf(ann.id),
    topMsgId: topicId,
  });
  assertEquals([affected.ptsCount, affected.offset], [2, 0]);
  const left = world.state.mailboxes.chat(chat.key, chat.key).map((m) => m.id);
  assert(!left.includes(topicId) && !left.includes(inTopic.id));
  assertEquals(await topicsById(ann.id, annMain, [topicId]), [
    { _: "forumTopicDeleted", id: topicId },
  ]);
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "messages.deleteTopicHistory",
      peer: peerOf(ann.id),
      topMsgId: 1,
    })),
    "TOPIC_ID_INVALID",
  );
});
