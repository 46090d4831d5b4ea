import { assertEquals, assertStrictEquals, assertThrows } from "../assert.ts";
import { InputError } from "../../src/errors.ts";
import {
  assertInvokable,
  REFUSED_FUNCTIONS,
  REFUSED_PREFIXES,
} from "../../src/telegram/invoke_policy.ts";

/** The 403 `assertInvokable` throws for `name`. */
function refusal(name: string): InputError {
  const error = assertThrows(() => assertInvokable(name), InputError);
  assertEquals([name, error.status, error.type], [name, 403, "input"]);
  return error;
}

Deno.test("assertInvokable() lets ordinary functions and mt_ping through", () => {
  for (
    const name of [
      "mt_ping",
      "help.getConfig",
      "messages.sendMessage",
      "account.getAuthorizations",
      "updates.getStateOfSomething",
      "upload.getFile",
      "users.getUsers",
      // A prefix refuses a namespace, not every name that starts alike.
      "authx.something",
    ]
  ) {
    assertStrictEquals(assertInvokable(name), undefined);
  }
});

Deno.test("assertInvokable() refuses MTProto service functions other than ping, by their TL name", () => {
  for (const name of ["mt_destroy_session", "mt_get_future_salts"]) {
    assertStrictEquals(
      refusal(name).message,
      `${name.slice(3)} is an MTProto service function and cannot be invoked`,
    );
  }
  assertStrictEquals(
    refusal("mt_ping_delay_disconnect").message,
    "ping_delay_disconnect is an MTProto service function and cannot be invoked",
  );
});

Deno.test("assertInvokable() refuses every listed function and the auth. namespace", () => {
  const hijack = (name: string) =>
    `${name} cannot be invoked through the gateway: it would hijack or corrupt the session`;
  for (const name of REFUSED_FUNCTIONS) {
    assertStrictEquals(refusal(name).message, hijack(name));
  }
  assertEquals(REFUSED_PREFIXES, ["auth."]);
  for (
    const name of [
      "auth.signIn",
      "auth.exportAuthorization",
      "auth.importBotAuthorization",
      "auth.logOut",
      "auth.bindTempAuthKey",
    ]
  ) {
    assertStrictEquals(refusal(name).message, hijack(name));
  }
});

Deno.test("REFUSED_FUNCTIONS keeps the session, upload and update-state functions out of invoke", () => {
  for (
    const name of [
      "initConnection",
      "invokeWithLayer",
      "invokeWithoutUpdates",
      "invokeWithTakeout",
      "upload.saveFilePart",
      "upload.saveBigFilePart",
      "account.resetAuthorization",
      "account.initTakeoutSession",
      "account.updatePasswordSettings",
      "account.deleteAccount",
      "updates.getState",
      "updates.getDifference",
      "updates.getChannelDifference",
    ]
  ) {
    assertEquals(
      [name, (REFUSED_FUNCTIONS as readonly string[]).includes(name)],
      [name, true],
    );
  }
});
