import {
  assert,
  assertEquals,
  assertMatch,
  assertStrictEquals,
} from "../assert.ts";
import { createControl, createControlHandler } from "./control.ts";
import { FakeSession, invoke } from "./world/_testing.ts";
import { World } from "./world/world.ts";

function setup() {
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
  return { world, request };
}

Deno.test("control: bots, users, messages and the recipient's push", async () => {
  const { world, request } = setup();
  const bot = await request("POST", "/bots", { username: "echo_bot" });
  assertStrictEquals(bot.status, 200);
  assertMatch(
    bot.body.token,
    new RegExp(`^${bot.body.id}:[A-Za-z0-9_-]{35}$`),
  );
  const user = await request("POST", "/users", {
    phone: "+1 555 0100",
    firstName: "Ann",
    username: "ann_a",
  });
  assertStrictEquals(user.status, 200);

  const botSession = new FakeSession();
  await invoke(world, botSession, {
    _: "auth.importBotAuthorization",
    flags: 0,
    apiId: 1,
    apiHash: "x",
    botAuthToken: bot.body.token,
  });
  await invoke(world, botSession, { _: "updates.getState" });
  const sent = await request("POST", "/messages", {
    from: user.body.id,
    to: bot.body.id,
    text: "hi bot",
  });
  assertStrictEquals(sent.status, 200);
  assertStrictEquals(botSession.pushes.length, 1);

  const listed = await request(
    "GET",
    `/messages?user=${bot.body.id}&peer=${user.body.id}`,
  );
  assertStrictEquals(listed.body.length, 1);
  const [message] = listed.body;
  assertEquals([message.from, message.to, message.text], [
    user.body.id,
    bot.body.id,
    "hi bot",
  ]);
  assert(Math.abs(message.date - Date.now() / 1000) < 5);

  const calls = await request("GET", `/calls?account=${bot.body.id}`);
  assertEquals(calls.body, [
    "auth.importBotAuthorization",
    "updates.getState",
  ]);
});

Deno.test("control: login codes, faults, reset and bad input", async () => {
  const { world, request } = setup();
  assertStrictEquals(
    (await request("GET", "/login-code?phone=15550100")).status,
    404,
  );
  await request("POST", "/users", {
    phone: "15550100",
    firstName: "Ann",
    password: "secret",
  });
  await invoke(world, new FakeSession(), {
    _: "auth.sendCode",
    phoneNumber: "+15550100",
    apiId: 1,
    apiHash: "x",
    settings: { _: "codeSettings" },
  });
  const code = await request("GET", "/login-code?phone=%2B15550100");
  assertMatch(code.body.code, /^\d{5}$/);

  assertStrictEquals(
    (await request("POST", "/faults", {
      method: "help.getConfig",
      error: "FLOOD_WAIT_1",
      times: 1,
    })).status,
    200,
  );
  assertStrictEquals((await request("GET", "/faults")).body.length, 1);
  assertStrictEquals((await request("DELETE", "/faults")).status, 200);
  assertEquals((await request("GET", "/faults")).body, []);

  assertEquals(await request("POST", "/bots", { username: "not a bot" }), {
    status: 400,
    body: { error: "USERNAME_INVALID" },
  });
  assertStrictEquals(
    (await request("POST", "/users", { phone: "15550100", firstName: "Again" }))
      .status,
    400,
  );
  assertStrictEquals(
    (await request("POST", "/faults", { method: "x" })).status,
    400,
  );
  assertStrictEquals(
    (await request("GET", "/messages?user=abc&peer=1")).status,
    400,
  );
  assertStrictEquals((await request("GET", "/nowhere")).status, 404);

  assertStrictEquals((await request("POST", "/reset")).status, 200);
  assertStrictEquals(world.state.accounts.all().length, 0);
});
