import {
  MtArgumentError,
  MtEmptyError,
  MtInvalidPeerTypeError,
  MtMessageNotFoundError,
  MtPeerNotFoundError,
  MtTimeoutError,
  tl,
} from "@mtcute/core";
import { assert, assertEquals, assertStrictEquals } from "../assert.ts";
import {
  GatewayError,
  InputError,
  RpcError,
  TimeoutError,
  UnauthorizedError,
} from "../../src/errors.ts";
import {
  fromMtcuteError,
  isSessionRejected,
  originalErrorText,
  SESSION_REJECTED_TEXTS,
} from "../../src/telegram/rpc_errors.ts";

/** An RPC error as mtcute builds it from Telegram's answer (FLOOD_WAIT_5 → FLOOD_WAIT_%d + seconds). */
const rpc = (code: number, text: string) =>
  tl.RpcError.fromTl({
    _: "mt_rpc_error",
    errorCode: code,
    errorMessage: text,
  });

/** Status, `x-error-type`, message and headers of a mapped error. */
function rendered(error: unknown) {
  assert(error instanceof GatewayError, `not a GatewayError: ${error}`);
  return {
    status: error.status,
    type: error.type,
    message: error.message,
    headers: error.headers,
  };
}

Deno.test("originalErrorText() puts back the number mtcute took out of the text", () => {
  const cases: [number, string][] = [
    [420, "FLOOD_WAIT_5"],
    [303, "FILE_MIGRATE_4"],
    [303, "PHONE_MIGRATE_1"],
    [303, "STATS_MIGRATE_3"],
    [400, "EMAIL_UNCONFIRMED_6"],
    [400, "PASSWORD_TOO_FRESH_3600"],
    [420, "SLOWMODE_WAIT_30"],
    [400, "FILE_PART_7_MISSING"],
    [400, "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_12MIN"],
    [400, "MESSAGE_ID_INVALID"],
  ];
  for (const [code, text] of cases) {
    const error = rpc(code, text);
    assertEquals([text, originalErrorText(error)], [text, text]);
  }
  // The case this exists for: mtcute really does rewrite the text.
  assertStrictEquals(rpc(420, "FLOOD_WAIT_5").text, "FLOOD_WAIT_%d");
});

Deno.test("originalErrorText() leaves a %d it has no number for", () => {
  assertStrictEquals(
    originalErrorText(new tl.RpcError(420, "FLOOD_WAIT_%d")),
    "FLOOD_WAIT_%d",
  );
  const error = new tl.RpcError(420, "FLOOD_WAIT_%d");
  (error as unknown as { seconds: string }).seconds = "5";
  assertStrictEquals(originalErrorText(error), "FLOOD_WAIT_%d");
});

Deno.test("fromMtcuteError() passes Telegram's code and original text on as an RpcError", () => {
  const mapped = fromMtcuteError(rpc(400, "MESSAGE_ID_INVALID"));
  assert(mapped instanceof RpcError);
  assertEquals([mapped.code, mapped.text, mapped.retryAfter], [
    400,
    "MESSAGE_ID_INVALID",
    undefined,
  ]);
  assertEquals(rendered(mapped), {
    status: 400,
    type: "rpc",
    message: "MESSAGE_ID_INVALID",
    headers: {},
  });
  assertEquals(rendered(fromMtcuteError(rpc(403, "CHAT_WRITE_FORBIDDEN"))), {
    status: 403,
    type: "rpc",
    message: "CHAT_WRITE_FORBIDDEN",
    headers: {},
  });
});

Deno.test("fromMtcuteError() sends FLOOD_WAIT's seconds as Retry-After, and no other wait's", () => {
  const flood = fromMtcuteError(rpc(420, "FLOOD_WAIT_17"));
  assert(flood instanceof RpcError);
  assertStrictEquals(flood.retryAfter, 17);
  assertEquals(rendered(flood), {
    status: 420,
    type: "rpc",
    message: "FLOOD_WAIT_17",
    headers: { "retry-after": "17" },
  });
  const slowmode = fromMtcuteError(rpc(420, "SLOWMODE_WAIT_30"));
  assert(slowmode instanceof RpcError);
  assertStrictEquals(slowmode.retryAfter, undefined);
  assertEquals(rendered(slowmode).headers, {});
  assertStrictEquals(slowmode.text, "SLOWMODE_WAIT_30");
});

Deno.test("fromMtcuteError() answers 500 for a Telegram code that is no HTTP error status", () => {
  const migrate = fromMtcuteError(rpc(303, "NETWORK_MIGRATE_2"));
  assert(migrate instanceof RpcError);
  assertEquals([migrate.code, migrate.status, migrate.text], [
    303,
    500,
    "NETWORK_MIGRATE_2",
  ]);
  assertStrictEquals(
    rendered(fromMtcuteError(rpc(-503, "Timedout"))).status,
    500,
  );
});

Deno.test("fromMtcuteError() turns a rejected session into a 401 naming Telegram's text", () => {
  for (const text of SESSION_REJECTED_TEXTS) {
    const error = rpc(401, text);
    assertStrictEquals(isSessionRejected(error), true);
    const mapped = fromMtcuteError(error);
    assert(mapped instanceof UnauthorizedError, `${text}: ${mapped}`);
    assertEquals(rendered(mapped), {
      status: 401,
      type: "unauthorized",
      message: `Telegram rejected this client's session: ${text}`,
      headers: {},
    });
  }
  // A 401 Telegram does not mean as "the session is gone" stays an RpcError.
  const password = rpc(401, "SESSION_PASSWORD_NEEDED");
  assertStrictEquals(isSessionRejected(password), false);
  assert(fromMtcuteError(password) instanceof RpcError);
});

Deno.test("isSessionRejected() is true only for mtcute's RpcError with a rejected text", () => {
  assertStrictEquals(
    isSessionRejected(rpc(401, "AUTH_KEY_UNREGISTERED")),
    true,
  );
  assertStrictEquals(isSessionRejected(rpc(400, "PEER_ID_INVALID")), false);
  assertStrictEquals(
    isSessionRejected(new UnauthorizedError("AUTH_KEY_UNREGISTERED")),
    false,
  );
  assertStrictEquals(
    isSessionRejected(new Error("AUTH_KEY_UNREGISTERED")),
    false,
  );
  assertStrictEquals(
    isSessionRejected(new RpcError(401, "AUTH_KEY_UNREGISTERED")),
    false,
  );
});

Deno.test("fromMtcuteError() maps mtcute's not-found errors to 404 and its argument errors to 400", () => {
  assertEquals(
    rendered(
      fromMtcuteError(new MtPeerNotFoundError("Peer @nobody is not found")),
    ),
    {
      status: 404,
      type: "input",
      message: "Peer @nobody is not found",
      headers: {},
    },
  );
  const message = fromMtcuteError(new MtMessageNotFoundError(5, 9, "to reply"));
  assert(message instanceof InputError);
  assertEquals([message.status, message.message], [
    404,
    "Message to reply 9 not found in 5",
  ]);
  for (
    const error of [
      new MtArgumentError("text must not be empty"),
      new MtInvalidPeerTypeError("@somebody", "channel"),
      new MtEmptyError(),
    ]
  ) {
    const mapped = fromMtcuteError(error);
    assert(mapped instanceof InputError, `${error}: ${mapped}`);
    assertEquals([mapped.status, mapped.message], [400, error.message]);
  }
});

Deno.test("fromMtcuteError() returns gateway errors and unknown errors unchanged", () => {
  const gateway = new TimeoutError("slow");
  assertStrictEquals(fromMtcuteError(gateway), gateway);
  const input = new InputError("bad", 413);
  assertStrictEquals(fromMtcuteError(input), input);
  for (
    const error of [
      new Error("boom"),
      new TypeError("x is not a function"),
      new MtTimeoutError(1000),
      "a string",
      { text: "AUTH_KEY_UNREGISTERED", code: 401 },
    ]
  ) {
    assertStrictEquals(fromMtcuteError(error), error);
  }
});

Deno.test("fromMtcuteError() and isSessionRejected() take null and undefined, which can be thrown too", () => {
  assertStrictEquals(fromMtcuteError(undefined), undefined);
  assertStrictEquals(fromMtcuteError(null), null);
  assertStrictEquals(isSessionRejected(undefined), false);
  assertStrictEquals(isSessionRejected(null), false);
});
