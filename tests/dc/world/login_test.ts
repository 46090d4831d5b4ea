import {
  assert,
  assertEquals,
  assertMatch,
  assertStrictEquals,
  rejection,
} from "../../assert.ts";
import type { tl } from "@mtcute/core";
import { computeSrpParams } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { RpcFailure } from "../contract.ts";
import { createPasswordVerifier } from "./srp.ts";
import { botSession, FakeSession, invoke } from "./_testing.ts";
import { World } from "./world.ts";

const GET_ME: tl.users.RawGetUsersRequest = {
  _: "users.getUsers",
  id: [{ _: "inputUserSelf" }],
};

async function rejects(
  promise: Promise<unknown>,
  text: string,
  code?: number,
): Promise<void> {
  await rejection(promise, (error: unknown) => {
    assert(error instanceof RpcFailure, `expected RpcFailure, got ${error}`);
    assertStrictEquals(error.text, text);
    if (code !== undefined) assertStrictEquals(error.code, code);
    return true;
  });
}

async function sendCode(world: World, session: FakeSession, phone: string) {
  const sent = await invoke(world, session, {
    _: "auth.sendCode",
    phoneNumber: phone,
    apiId: 1,
    apiHash: "x",
    settings: { _: "codeSettings" },
  });
  assertStrictEquals(sent._, "auth.sentCode");
  assertStrictEquals(sent.type._, "auth.sentCodeTypeApp");
  return {
    phoneCodeHash: sent.phoneCodeHash,
    code: world.state.logins.lastCode(phone)!,
  };
}

Deno.test("calls that need a login answer AUTH_KEY_UNREGISTERED before it", async () => {
  const world = new World();
  await rejects(
    invoke(world, new FakeSession(), GET_ME),
    "AUTH_KEY_UNREGISTERED",
    401,
  );
});

Deno.test("a bot logs in with its token and sees itself", async () => {
  const world = new World();
  const { bot, session } = await botSession(world);
  assertMatch(bot.botToken!, /^\d+:[A-Za-z0-9_-]{35}$/);
  assertStrictEquals(session.accountId, bot.id);
  const [me] = await invoke(world, session, GET_ME);
  assert(me._ === "user" && me.self && me.bot && me.username === "test_bot");
  await rejects(
    invoke(world, new FakeSession(), {
      _: "auth.importBotAuthorization",
      flags: 0,
      apiId: 1,
      apiHash: "x",
      botAuthToken: `${bot.id}:wrong`,
    }),
    "ACCESS_TOKEN_INVALID",
  );
});

Deno.test("a user logs in with the code sent to the phone", async () => {
  const world = new World();
  const user = world.state.accounts.createUser({
    phone: "+1 555 0100",
    firstName: "Ann",
  });
  const session = new FakeSession();
  const { phoneCodeHash, code } = await sendCode(world, session, "15550100");
  assertMatch(code, /^\d{5}$/);
  const wrongCode = code === "00000" ? "11111" : "00000";
  await rejects(
    invoke(world, session, {
      _: "auth.signIn",
      phoneNumber: "15550100",
      phoneCodeHash,
      phoneCode: wrongCode,
    }),
    "PHONE_CODE_INVALID",
  );
  const auth = await invoke(world, session, {
    _: "auth.signIn",
    phoneNumber: "15550100",
    phoneCodeHash,
    phoneCode: code,
  });
  assert(auth._ === "auth.authorization" && auth.user.id === user.id);
  assertStrictEquals(session.accountId, user.id);
  await rejects(
    invoke(world, new FakeSession(), {
      _: "auth.signIn",
      phoneNumber: "15550100",
      phoneCodeHash,
      phoneCode: code,
    }),
    "PHONE_CODE_EXPIRED",
  );
  assertEquals(await invoke(world, session, { _: "auth.logOut" }), {
    _: "auth.loggedOut",
  });
  await rejects(invoke(world, session, GET_ME), "AUTH_KEY_UNREGISTERED");
});

Deno.test("an unknown phone gets a code, then sign-up is required", async () => {
  const world = new World();
  const session = new FakeSession();
  const { phoneCodeHash, code } = await sendCode(world, session, "15550199");
  const auth = await invoke(world, session, {
    _: "auth.signIn",
    phoneNumber: "15550199",
    phoneCodeHash,
    phoneCode: code,
  });
  assertStrictEquals(auth._, "auth.authorizationSignUpRequired");
  await rejects(
    invoke(world, session, {
      _: "auth.sendCode",
      phoneNumber: "12",
      apiId: 1,
      apiHash: "x",
      settings: { _: "codeSettings" },
    }),
    "PHONE_NUMBER_INVALID",
  );
});

Deno.test("2FA: the server side of SRP verifies mtcute's client side", async () => {
  const world = new World();
  const password = await createPasswordVerifier("correct horse", "a horse");
  const user = world.state.accounts.createUser({
    phone: "15550101",
    firstName: "Bo",
    password,
  });
  const session = new FakeSession();
  const { phoneCodeHash, code } = await sendCode(world, session, "15550101");
  await rejects(
    invoke(world, session, {
      _: "auth.signIn",
      phoneNumber: "15550101",
      phoneCodeHash,
      phoneCode: code,
    }),
    "SESSION_PASSWORD_NEEDED",
    401,
  );
  await rejects(invoke(world, session, GET_ME), "SESSION_PASSWORD_NEEDED", 401);

  const crypto = new NodeCryptoProvider();
  await crypto.initialize();
  const wrong = await invoke(world, session, { _: "account.getPassword" });
  assert(wrong.hasPassword && wrong.hint === "a horse");
  await rejects(
    invoke(world, session, {
      _: "auth.checkPassword",
      password: await computeSrpParams(crypto, wrong, "wrong horse"),
    }),
    "PASSWORD_HASH_INVALID",
  );
  assertStrictEquals(session.accountId, undefined);

  const right = await invoke(world, session, { _: "account.getPassword" });
  const proof = await computeSrpParams(crypto, right, "correct horse");
  const auth = await invoke(world, session, {
    _: "auth.checkPassword",
    password: proof,
  });
  assert(auth._ === "auth.authorization" && auth.user.id === user.id);
  assertStrictEquals(session.accountId, user.id);
  // a proof is good for one attempt only
  await rejects(
    invoke(world, session, { _: "auth.checkPassword", password: proof }),
    "SRP_ID_INVALID",
  );
});
