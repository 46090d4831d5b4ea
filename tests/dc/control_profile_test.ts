import { assert, assertEquals } from "../assert.ts";
import { createControl, createControlHandler } from "./control.ts";
import { chatSetup, pushedUpdates } from "./world/_chats_testing.ts";

async function setup() {
  const chat = await chatSetup("channel");
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
  return { ...chat, request };
}

Deno.test("control: a bot's owner, an account's profile and a Fragment username", async () => {
  const { ann, chat, request } = await setup();
  const created = await request("POST", "/bots", {
    username: "owned_bot",
    owner: ann.id,
  });
  assertEquals(created.status, 200);
  const bot = await request("GET", `/accounts?id=${created.body.id}`);
  assertEquals(
    [bot.body.kind, bot.body.ownerId, bot.body.usernames],
    ["bot", ann.id, [{
      username: "owned_bot",
      editable: true,
      active: true,
    }]],
  );
  assertEquals(
    (await request("POST", "/bots", { username: "x_bot", owner: 1 })).body,
    { error: "USER_ID_INVALID" },
  );

  const assigned = await request("POST", "/usernames", {
    peer: chat.key,
    username: "famous_channel",
    active: false,
  });
  assertEquals(assigned.body.usernames, [{
    username: "famous_channel",
    editable: false,
    active: false,
  }]);
  assertEquals(
    (await request("GET", `/usernames?peer=${chat.key}`)).body,
    assigned.body.usernames,
  );
  for (
    const [body, error] of [
      [{ peer: ann.id, username: "famous_channel" }, "USERNAME_OCCUPIED"],
      [{ peer: ann.id, username: "x" }, "USERNAME_INVALID"],
      [{ peer: -123, username: "some_name" }, "PEER_ID_INVALID"],
    ] as const
  ) {
    assertEquals((await request("POST", "/usernames", body)).body, { error });
  }
  assertEquals(
    (await request("POST", "/usernames", {
      peer: ann.id,
      username: "a_name",
      active: "yes",
    })).body,
    { error: "active must be true or false" },
  );

  const profile = await request("GET", `/accounts?id=${ann.id}`);
  assertEquals(profile.body, {
    id: ann.id,
    kind: "user",
    firstName: "Ann",
    usernames: [],
    contacts: [],
    blocked: [],
    blockedFromStories: [],
  });
});

Deno.test("control: a business connection reaches the bot; only users connect, and only to bots", async () => {
  const { ann, bob, bot, botMain, request } = await setup();
  const connected = await request("POST", "/business-connections", {
    user: ann.id,
    bot: bot.id,
  });
  assertEquals(connected.status, 200);
  const update = pushedUpdates(botMain).find((u) =>
    u._ === "updateBotBusinessConnect"
  );
  assert(update?._ === "updateBotBusinessConnect");
  assertEquals(
    [update.connection.connectionId, update.connection.rights?.reply],
    [connected.body.id, true],
  );
  assertEquals(
    (await request("POST", "/business-connections", {
      user: ann.id,
      bot: bob.id,
    })).body,
    { error: "BOT_INVALID" },
  );
  assertEquals(
    (await request("POST", "/business-connections", {
      user: bot.id,
      bot: bot.id,
    })).body,
    { error: "USER_ID_INVALID" },
  );
});
