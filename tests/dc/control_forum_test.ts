import { Long } from "@mtcute/core";
import { assertEquals } from "../assert.ts";
import { createControl, createControlHandler } from "./control.ts";
import { chatPeer, chatSetup, inputChannel } from "./world/_chats_testing.ts";
import { invoke } from "./world/_testing.ts";

Deno.test("control: GET /chats/<id>/topics shows a forum's topics with their messages", async () => {
  const { world, ann, annMain, chat } = await chatSetup("supergroup");
  const handle = createControlHandler(createControl(world));
  const topics = async (key: number) => {
    const response = await handle(
      new Request(`http://control/chats/${key}/topics`),
    );
    return { status: response.status, body: await response.json() };
  };
  assertEquals(await topics(chat.key), {
    status: 200,
    body: { isForum: false, tabs: false, topics: [] },
  });
  await invoke(world, annMain, {
    _: "channels.toggleForum",
    channel: inputChannel(world, ann.id, chat.key),
    enabled: true,
    tabs: false,
  });
  const created = await invoke(world, annMain, {
    _: "messages.createForumTopic",
    peer: chatPeer(world, ann.id, chat.key),
    title: "Ideas",
    iconEmojiId: Long.fromString("5312536423851630001"),
    randomId: Long.fromNumber(42),
  });
  const topicId = world.state.mailboxes.chat(chat.key, chat.key).at(-1)!.id;
  const { body } = await topics(chat.key);
  assertEquals(body.isForum, true);
  assertEquals(body.topics.map((t: { id: number }) => t.id), [1, topicId]);
  assertEquals(body.topics[1], {
    id: topicId,
    title: "Ideas",
    creator: ann.id,
    date: body.topics[1].date,
    iconColor: 0x6FB9F0,
    iconEmojiId: "5312536423851630001",
    closed: false,
    hidden: false,
    pinned: false,
    messageIds: [topicId],
  });
  assertEquals(created._, "updates");
  assertEquals((await topics(-1009999999999)).status, 404);
  assertEquals((await topics(ann.id)).status, 400);
});
