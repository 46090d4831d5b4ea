import { assert, assertEquals } from "../assert.ts";
import type { tl } from "@mtcute/core";
import { createControl, createControlHandler } from "./control.ts";
import { chatSetup, pushedUpdates } from "./world/_chats_testing.ts";

async function setup(type: "group" | "supergroup" | "channel") {
  const chat = await chatSetup(type);
  const handle = createControlHandler(createControl(chat.world));
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await handle(
      new Request(`http://control${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const carol = chat.world.state.accounts.createUser({
    phone: "15550102",
    firstName: "Carol",
  });
  return { ...chat, carol, request };
}

Deno.test("control: GET /chats/<id> lists the members with their standing", async () => {
  const { chat, ann, bob, bot, request } = await setup("supergroup");
  assertEquals(await request("GET", `/chats/${chat.key}`), {
    status: 200,
    body: {
      id: chat.key,
      type: "supergroup",
      title: "Test chat",
      members: [
        { id: ann.id, status: "creator" },
        { id: bob.id, status: "member" },
        { id: bot.id, status: "member" },
      ],
    },
  });
  assertEquals(await request("GET", "/chats/-1009999999999"), {
    status: 404,
    body: { error: "no such chat" },
  });
  assertEquals((await request("GET", `/chats/${ann.id}`)).status, 400);
  assertEquals(
    (await request("PUT", `/chats/${chat.key}`)).body,
    { error: "method not allowed" },
  );
});

Deno.test("control: POST /chats/<id>/members joins, adds by a member, or makes an admin; DELETE leaves", async () => {
  const { chat, ann, bob, bot, carol, botMain, request } = await setup(
    "supergroup",
  );
  const path = `/chats/${chat.key}/members`;
  assertEquals(await request("POST", path, { user: bot.id, admin: true }), {
    status: 200,
    body: { id: bot.id, status: "administrator" },
  });
  assertEquals(await request("POST", path, { user: carol.id, by: bob.id }), {
    status: 200,
    body: { id: carol.id, status: "member" },
  });
  // the bot, an admin now, heard of Carol's arrival from Bob
  const join = pushedUpdates(botMain).findLast((u) =>
    u._ === "updateChannelParticipant"
  ) as tl.RawUpdateChannelParticipant;
  assertEquals([join.actorId, join.userId, join.newParticipant?._], [
    bob.id,
    carol.id,
    "channelParticipant",
  ]);
  assertEquals(
    (await request("POST", path, { user: carol.id })).body,
    { error: "USER_ALREADY_PARTICIPANT" },
  );
  assertEquals(await request("DELETE", `${path}/${carol.id}`), {
    status: 200,
    body: { ok: true },
  });
  assertEquals(
    (await request("DELETE", `${path}/${ann.id}`)).body,
    { error: "USER_CREATOR" },
  );
  const { body } = await request("GET", `/chats/${chat.key}`);
  assertEquals(body.members.map((m: { id: number }) => m.id), [
    ann.id,
    bob.id,
    bot.id,
  ]);
  assertEquals((await request("POST", path, { user: "x" })).status, 400);
  assertEquals((await request("POST", path, { user: 1, admin: 1 })).body, {
    error: "admin must be true or false",
  });
});

Deno.test("control: a bot joins a broadcast channel only as an admin; a basic group is joined as by a link", async () => {
  const news = await setup("channel");
  const bot = news.world.state.accounts.createBot({ username: "news_bot" });
  const path = `/chats/${news.chat.key}/members`;
  assertEquals((await news.request("POST", path, { user: bot.id })).body, {
    error: "USER_BOT",
  });
  assertEquals(
    (await news.request("POST", path, { user: bot.id, admin: true })).body,
    { id: bot.id, status: "administrator" },
  );
  const group = await setup("group");
  assertEquals(
    (await group.request("POST", `/chats/${group.chat.key}/members`, {
      user: group.carol.id,
      admin: true,
    })).body,
    { id: group.carol.id, status: "administrator" },
  );
  const joined = group.world.state.mailboxes.chat(group.ann.id, group.chat.key)
    .at(-1)!;
  assert(joined.action?._ === "messageActionChatJoinedByLink");
  assertEquals(joined.senderId, group.carol.id);
});
