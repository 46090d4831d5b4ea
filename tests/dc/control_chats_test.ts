import { assert, assertEquals, assertStrictEquals } from "../assert.ts";
import { Long } from "@mtcute/core";
import { createControl, createControlHandler } from "./control.ts";
import { chatPeer } from "./world/_chats_testing.ts";
import { botSession, invoke, userSession } from "./world/_testing.ts";
import { World } from "./world/world.ts";

async function setup() {
  const world = new World();
  const handle = createControlHandler(createControl(world));
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await handle(
      new Request(`http://control${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const ann = await request("POST", "/users", {
    phone: "15550100",
    firstName: "Ann",
  });
  const { bot, session: botMain } = await botSession(world, "group_bot");
  await invoke(world, botMain, { _: "updates.getState" });
  return { world, request, annId: ann.body.id as number, bot, botMain };
}

Deno.test("control: POST /chats makes groups and channels with marked ids", async () => {
  const { world, request, annId, bot, botMain } = await setup();
  const group = await request("POST", "/chats", {
    type: "group",
    title: "Pair",
    creator: annId,
    members: [bot.id],
  });
  assertStrictEquals(group.status, 200);
  assert(group.body.id < 0 && group.body.id > -1_000_000_000_000);
  const channel = await request("POST", "/chats", {
    type: "channel",
    title: "News",
    creator: annId,
    members: [bot.id],
    username: "news_channel",
  });
  assert(channel.body.id < -1_000_000_000_000);
  assertStrictEquals(
    world.state.chats.get(channel.body.id)?.members.get(bot.id)?.role,
    "admin",
  );
  // the bot's session got both creation messages
  assertStrictEquals(botMain.pushes.length, 2);

  const listed = await request(
    "GET",
    `/messages?user=${bot.id}&peer=${channel.body.id}`,
  );
  assertEquals(listed.body.map((m: { action: string }) => m.action), [
    "messageActionChannelCreate",
  ]);
  assertStrictEquals(listed.body[0].post, true);
  assertStrictEquals(listed.body[0].to, channel.body.id);

  for (
    const [body, error] of [
      [{ type: "forum", title: "x", creator: annId }, "type must be one of"],
      [
        { type: "group", title: "x", creator: annId, username: "some_group" },
        "username is only for supergroups and channels",
      ],
      [{ type: "group", title: "x", creator: annId, members: [0] }, "members"],
      [{ type: "group", title: " ", creator: annId }, "CHAT_TITLE_EMPTY"],
      [{ type: "group", title: "x", creator: bot.id }, "BOT_METHOD_INVALID"],
      [
        { type: "channel", title: "x", creator: annId, username: "group_bot" },
        "USERNAME_OCCUPIED",
      ],
    ] as const
  ) {
    const answer = await request("POST", "/chats", body);
    assertStrictEquals(answer.status, 400, JSON.stringify(body));
    assert(answer.body.error.includes(error), answer.body.error);
  }
});

Deno.test("control: POST /messages to a chat with replyTo, GET /messages shows entities and keyboards", async () => {
  const { world, request, annId, bot, botMain } = await setup();
  const bob = await request("POST", "/users", {
    phone: "15550101",
    firstName: "Bob",
  });
  const group = await request("POST", "/chats", {
    type: "group",
    title: "Trio",
    creator: annId,
    members: [bot.id, bob.body.id],
  });
  const first = await request("POST", "/messages", {
    from: annId,
    chat: group.body.id,
    text: "first",
  });
  assertStrictEquals(first.status, 200);
  assertEquals(
    Object.keys(first.body.memberMessageIds).sort(),
    [
      String(bob.body.id),
      String(bot.id),
    ].sort(),
  );
  const reply = await request("POST", "/messages", {
    from: bob.body.id,
    chat: group.body.id,
    text: "second",
    replyTo: first.body.memberMessageIds[bob.body.id],
  });
  assertStrictEquals(reply.status, 200);

  await invoke(world, botMain, {
    _: "messages.sendMessage",
    peer: chatPeer(world, bot.id, group.body.id),
    message: "bold",
    entities: [{ _: "messageEntityBold", offset: 0, length: 4 }],
    replyMarkup: {
      _: "replyInlineMarkup",
      rows: [{
        _: "keyboardButtonRow",
        buttons: [{
          _: "keyboardButtonCallback",
          text: "Go",
          data: new TextEncoder().encode("go"),
        }],
      }],
    },
    randomId: Long.fromNumber(5),
  });

  const listed = await request(
    "GET",
    `/messages?user=${annId}&peer=${group.body.id}`,
  );
  const [created, fromAnn, fromBob, fromBot] = listed.body;
  assertStrictEquals(created.action, "messageActionChatCreate");
  assertEquals([fromAnn.id, fromAnn.to, fromAnn.from], [
    first.body.id,
    group.body.id,
    annId,
  ]);
  assertStrictEquals(fromBob.replyToId, first.body.id);
  assertEquals(fromBot.entities, [{
    _: "messageEntityBold",
    offset: 0,
    length: 4,
  }]);
  assertEquals(fromBot.replyMarkup, {
    _: "replyInlineMarkup",
    rows: [{
      _: "keyboardButtonRow",
      buttons: [{ _: "keyboardButtonCallback", text: "Go", data: "Z28=" }],
    }],
  });

  // a user's keyboard is dropped, as on Telegram
  const annSession = userSession(annId);
  await invoke(world, annSession, {
    _: "messages.sendMessage",
    peer: chatPeer(world, annId, group.body.id),
    message: "no keyboard",
    replyMarkup: { _: "replyKeyboardHide" },
    randomId: Long.fromNumber(6),
  });
  const [last] = (await request(
    "GET",
    `/messages?user=${annId}&peer=${group.body.id}`,
  )).body.slice(-1);
  assertStrictEquals(last.replyMarkup, undefined);

  for (
    const [body, error] of [
      [{ from: annId, text: "x" }, "exactly one of to"],
      [
        { from: annId, to: bot.id, chat: group.body.id, text: "x" },
        "exactly one",
      ],
      [{ from: annId, chat: bot.id, text: "x" }, "marked"],
      [{ from: annId, chat: -42, text: "x" }, "PEER_ID_INVALID"],
      [
        { from: annId, chat: group.body.id, text: "x", replyTo: 99 },
        "MESSAGE_ID_INVALID",
      ],
    ] as const
  ) {
    const answer = await request("POST", "/messages", body);
    assertStrictEquals(answer.status, 400, JSON.stringify(body));
    assert(answer.body.error.includes(error), answer.body.error);
  }
});

Deno.test("control: channel messages, and private replies with replyTo", async () => {
  const { request, annId, bot } = await setup();
  const channel = await request("POST", "/chats", {
    type: "supergroup",
    title: "Lounge",
    creator: annId,
    members: [bot.id],
  });
  const posted = await request("POST", "/messages", {
    from: annId,
    chat: channel.body.id,
    text: "hi all",
  });
  assertEquals(posted.body, { id: 2 });
  const listed = await request(
    "GET",
    `/messages?user=${bot.id}&peer=${channel.body.id}`,
  );
  assertEquals(listed.body.map((m: { id: number }) => m.id), [1, 2]);
  assertStrictEquals(listed.body[1].post, undefined);

  const first = await request("POST", "/messages", {
    from: annId,
    to: bot.id,
    text: "one",
  });
  const second = await request("POST", "/messages", {
    from: annId,
    to: bot.id,
    text: "two",
    replyTo: first.body.id,
  });
  assertStrictEquals(second.status, 200);
  const atBot = await request("GET", `/messages?user=${bot.id}&peer=${annId}`);
  assertStrictEquals(atBot.body[1].replyToId, first.body.recipientMessageId);
});
