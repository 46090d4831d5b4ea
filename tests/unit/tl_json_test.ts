import {
  assert,
  assertEquals,
  assertStrictEquals,
  assertThrowsMatching,
  assertThrowsWithMessage,
} from "../assert.ts";
import { Long } from "@mtcute/core";
import {
  __tlReaderMap,
  __tlWriterMap,
  TlBinaryReader,
  TlBinaryWriter,
} from "@mtcute/core/utils.js";
import { InputError } from "../../src/errors.ts";
import { type MtcuteTlObject, tlJsonToMtcute } from "../../src/tl/from_json.ts";
import { mtcuteToTlJson } from "../../src/tl/to_json.ts";
import {
  bigint,
  bytes,
  CONSTRUCTORS,
  MESSAGE,
  peerUser,
  PHOTO_SIZE,
  UNWRITABLE_CONSTRUCTORS,
} from "./_tl_fixtures.ts";

/** JSON → mtcute → wire bytes (mtcute's writer) → mtcute (mtcute's reader) → JSON. */
function throughTheWire(json: unknown): unknown {
  const object = tlJsonToMtcute(json, { expect: "any" });
  const wire = TlBinaryWriter.serializeObject(__tlWriterMap, object);
  return mtcuteToTlJson(TlBinaryReader.deserializeObject(__tlReaderMap, wire));
}

/** Asserts that converting `json` throws an InputError whose message contains each of `parts`. */
function assertRejected(json: unknown, ...parts: string[]): void {
  assertThrowsWithMessage(
    () => tlJsonToMtcute(json, { expect: "any" }),
    InputError,
    ...parts,
  );
}

Deno.test("tlJsonToMtcute() converts the README's ping example", () => {
  const ping = tlJsonToMtcute({
    "_": "ping",
    "ping_id": { "_": "bigint", "value": "123456" },
  });
  assertStrictEquals(ping._, "mt_ping");
  assert(Long.isLong(ping.pingId));
  assertStrictEquals(String(ping.pingId), "123456");
  assertEquals(Object.keys(ping), ["_", "pingId"]);
});

for (const [name, json] of Object.entries(CONSTRUCTORS)) {
  Deno.test(`tlJsonToMtcute() and mtcuteToTlJson() round-trip ${name} through mtcute's binary form`, () => {
    assertEquals(throughTheWire(json), json);
  });
}

for (const [name, json] of Object.entries(UNWRITABLE_CONSTRUCTORS)) {
  Deno.test(`tlJsonToMtcute() and mtcuteToTlJson() round-trip ${name}`, () => {
    assertEquals(
      mtcuteToTlJson(tlJsonToMtcute(json, { expect: "any" })),
      json,
    );
  });
}

Deno.test("tlJsonToMtcute() keeps every bit of 64-bit values", () => {
  for (
    const value of [
      "9223372036854775807",
      "-9223372036854775808",
      "-1",
      "0",
      "4294967296",
    ]
  ) {
    const json = { _: "inputPeerUser", user_id: 1, access_hash: bigint(value) };
    const object = tlJsonToMtcute(json, { expect: "any" });
    assertStrictEquals((object.accessHash as Long).toString(), value);
    assertEquals(throughTheWire(json), json);
  }
});

Deno.test("tlJsonToMtcute() produces mtcute's shapes for a function", () => {
  const call = tlJsonToMtcute({
    _: "messages.sendMessage",
    silent: true,
    no_webpage: false,
    peer: { _: "inputPeerUser", user_id: 5, access_hash: 7 },
    message: "hi",
    random_id: bigint("-42"),
    entities: [{ _: "messageEntityBold", offset: 0, length: 2 }],
    schedule_date: null,
  });
  assertEquals(call, {
    _: "messages.sendMessage",
    silent: true,
    peer: { _: "inputPeerUser", userId: 5, accessHash: Long.fromInt(7) },
    message: "hi",
    randomId: Long.fromInt(-42),
    entities: [{ _: "messageEntityBold", offset: 0, length: 2 }],
  });
  assert(TlBinaryWriter.serializeObject(__tlWriterMap, call).length > 0);
});

Deno.test("tlJsonToMtcute() accepts numbers for long and wrappers for int53 and int", () => {
  const object = tlJsonToMtcute({
    _: "inputPeerUser",
    user_id: bigint(5),
    access_hash: -3,
  }, { expect: "any" });
  assertEquals(object, {
    _: "inputPeerUser",
    userId: 5,
    accessHash: Long.fromInt(-3),
  });
  assertStrictEquals(
    tlJsonToMtcute({ _: "messageEntityBold", offset: bigint(1), length: 2 }, {
      expect: "any",
    }).offset,
    1,
  );
});

Deno.test("tlJsonToMtcute() accepts base64url bytes", () => {
  const object = tlJsonToMtcute({
    _: "upload.file",
    type: { _: "storage.fileUnknown" },
    mtime: 0,
    bytes: { _: "bytes", value: "-_8" },
  }, {
    expect: "any",
  });
  assertEquals(object.bytes, new Uint8Array([0xfb, 0xff]));
});

Deno.test("tlJsonToMtcute() takes a function for a generic query", () => {
  const call = tlJsonToMtcute({
    _: "invokeWithLayer",
    layer: 227,
    query: { _: "help.getConfig" },
  });
  assertEquals(call, {
    _: "invokeWithLayer",
    layer: 227,
    query: { _: "help.getConfig" },
  });
  assertRejected(
    { _: "invokeWithLayer", layer: 227, query: { _: "inputPeerSelf" } },
    "query.query",
    "expected a function",
  );
});

Deno.test("tlJsonToMtcute() omits the bare constructor's redundant name", () => {
  const object = tlJsonToMtcute({
    _: "future_salts",
    req_msg_id: 1,
    now: 2,
    salts: [{ valid_since: 1, valid_until: 2, salt: 3 }],
  }, {
    expect: "any",
  });
  assertStrictEquals((object.salts as MtcuteTlObject[])[0]._, "mt_future_salt");
  assertRejected(
    { _: "future_salts", req_msg_id: 1, now: 2, salts: [{ _: "pong" }] },
    "query.salts[0]",
    "expected a future_salt",
  );
});

Deno.test("tlJsonToMtcute() rejects a constructor at the top level unless told otherwise", () => {
  assertThrowsMatching(
    () => tlJsonToMtcute({ _: "inputPeerSelf" }),
    /invalid value at query: expected a function, got inputPeerSelf/,
  );
  assertThrowsMatching(
    () => tlJsonToMtcute("ping", { path: "args[0]" }),
    /invalid value at args\[0\]: expected a TL object/,
  );
});

Deno.test("tlJsonToMtcute() rejects an unknown constructor", () => {
  assertThrowsMatching(
    () => tlJsonToMtcute({ _: "foo.bar" }),
    /^InputError: unknown TL constructor or function: foo\.bar/,
  );
  assertRejected(
    { _: "inputPeerUser", user_id: 1, access_hash: 1, peer: 1 },
    "unknown field query.peer",
  );
  assertRejected(
    { _: "updateNewMessage", message: { _: "mesage" }, pts: 1, pts_count: 1 },
    "unknown TL constructor or function: mesage",
    "query.message",
  );
  // mtcute's prefix is not part of the user-facing name.
  assertRejected(
    { _: "mt_ping", ping_id: 1 },
    "unknown TL constructor or function: mt_ping",
  );
});

Deno.test("tlJsonToMtcute() rejects an unknown field", () => {
  assertRejected(
    { _: "inputPeerUser", user_id: 1, access_hash: 1, userId: 1 },
    "unknown field query.userId",
    "inputPeerUser has no field userId",
  );
});

Deno.test("tlJsonToMtcute() rejects a missing required field", () => {
  assertRejected(
    { _: "inputPeerUser", user_id: 1 },
    "missing required field query.access_hash",
  );
  assertRejected({
    _: "updates.state",
    pts: 1,
    qts: 1,
    date: 1,
    seq: 1,
    unread_count: null,
  }, "missing required field query.unread_count");
  assertRejected({
    _: "updateNewMessage",
    message: { _: "messageEmpty", id: 1 },
    pts_count: 1,
  }, "missing required field query.pts");
  assertRejected({
    _: "updateNewMessage",
    message: { ...MESSAGE, peer_id: { _: "peerUser" } },
    pts: 1,
    pts_count: 1,
  }, "missing required field query.message.peer_id.user_id");
});

Deno.test("tlJsonToMtcute() rejects the flags fields", () => {
  assertRejected(
    { _: "dcOption", flags: 1, id: 1, ip_address: "", port: 1 },
    "invalid value at query.flags",
    "leave it out",
  );
});

Deno.test("tlJsonToMtcute() rejects a constructor of the wrong type", () => {
  assertRejected(
    { _: "updateNewMessage", message: peerUser(1), pts: 1, pts_count: 1 },
    "invalid value at query.message: expected a constructor of type Message, got peerUser (a constructor of type Peer)",
  );
  assertRejected(
    {
      _: "updates",
      updates: [],
      users: [{ _: "chatEmpty", id: 1 }],
      chats: [],
      date: 1,
      seq: 1,
    },
    "query.users[0]",
    "type User",
  );
  assertRejected({
    _: "updateNewMessage",
    message: "hello",
    pts: 1,
    pts_count: 1,
  }, "invalid value at query.message: expected a TL object");
  assertRejected({
    _: "updateNewMessage",
    message: { id: 1 },
    pts: 1,
    pts_count: 1,
  }, "invalid value at query.message._");
});

/** One wrong value per primitive type, with the field it is put in and the expected complaint. */
const WRONG_PRIMITIVES: [string, Record<string, unknown>, string, string][] = [
  [
    "int given a string",
    { _: "messageEntityBold", offset: "1", length: 1 },
    "query.offset",
    "expected an integer",
  ],
  [
    "int given a fraction",
    { _: "messageEntityBold", offset: 1.5, length: 1 },
    "query.offset",
    "expected an integer",
  ],
  [
    "int past 32 bits",
    { _: "messageEntityBold", offset: 2 ** 31, length: 1 },
    "query.offset",
    "from -2147483648 to 2147483647",
  ],
  [
    "int53 given a string",
    { _: "peerUser", user_id: "1" },
    "query.user_id",
    "expected an integer",
  ],
  [
    "int53 past 2^53 in a wrapper",
    { _: "peerUser", user_id: bigint(2n ** 53n) },
    "query.user_id",
    "(int53)",
  ],
  [
    "long given a boolean",
    { _: "inputPeerUser", user_id: 1, access_hash: true },
    "query.access_hash",
    "expected an integer",
  ],
  [
    "long given an unsafe number",
    { _: "inputPeerUser", user_id: 1, access_hash: 2 ** 60 },
    "query.access_hash",
    '{"_":"bigint"',
  ],
  [
    "long past 64 bits",
    { _: "inputPeerUser", user_id: 1, access_hash: bigint(2n ** 63n) },
    "query.access_hash",
    "9223372036854775807",
  ],
  [
    "long below 64 bits",
    { _: "inputPeerUser", user_id: 1, access_hash: bigint(-(2n ** 63n) - 1n) },
    "query.access_hash",
    "(long)",
  ],
  [
    "long given a non-decimal wrapper",
    { _: "inputPeerUser", user_id: 1, access_hash: bigint("0x10") },
    "query.access_hash",
    "decimal integer",
  ],
  [
    "long given a wrapper without value",
    { _: "inputPeerUser", user_id: 1, access_hash: { _: "bigint" } },
    "query.access_hash",
    '{"_":"bigint","value"',
  ],
  [
    "double given a string",
    { _: "geoPoint", long: "1", lat: 1, access_hash: 1 },
    "query.long",
    "expected a number",
  ],
  [
    "string given a number",
    { _: "botCommand", command: 1, description: "" },
    "query.command",
    "expected a string",
  ],
  [
    "bytes given a plain string",
    {
      _: "upload.file",
      type: { _: "storage.filePartial" },
      mtime: 0,
      bytes: "Uk9K",
    },
    "query.bytes",
    '{"_":"bytes"',
  ],
  [
    "bytes given bad base64",
    {
      _: "upload.file",
      type: { _: "storage.filePartial" },
      mtime: 0,
      bytes: { _: "bytes", value: "Uk9K!" },
    },
    "query.bytes",
    "expected base64",
  ],
  [
    "bytes given a bigint wrapper",
    {
      _: "upload.file",
      type: { _: "storage.filePartial" },
      mtime: 0,
      bytes: bigint(1),
    },
    "query.bytes",
    '{"_":"bytes"',
  ],
  [
    "Bool given a number",
    { ...(CONSTRUCTORS.config as object), test_mode: 1 },
    "query.test_mode",
    "expected a boolean",
  ],
  [
    "true flag given a string",
    { _: "dcOption", ipv6: "yes", id: 1, ip_address: "", port: 1 },
    "query.ipv6",
    "expected a boolean",
  ],
  [
    "vector given an object",
    {
      _: "photo",
      id: 1,
      access_hash: 1,
      file_reference: bytes(),
      date: 1,
      sizes: PHOTO_SIZE,
      dc_id: 1,
    },
    "query.sizes",
    "expected an array",
  ],
  [
    "vector item of a wrong type",
    { _: "auth.dropTempAuthKeys", except_auth_keys: [1, "2"] },
    "query.except_auth_keys[1]",
    "expected an integer",
  ],
];

for (const [what, json, path, complaint] of WRONG_PRIMITIVES) {
  Deno.test(`tlJsonToMtcute() rejects ${what}`, () => {
    assertRejected(json, `at ${path}`, complaint);
  });
}

Deno.test("tlJsonToMtcute() rejects int128 and int256 of the wrong length", () => {
  const resPQ = CONSTRUCTORS.resPQ as Record<string, unknown>;
  assertRejected(
    { ...resPQ, nonce: bytes(...Array(15).fill(0)) },
    "invalid value at query.nonce",
    "expected exactly 16 bytes, got 15",
  );
  assertRejected(
    {
      _: "set_client_DH_params",
      nonce: bytes(...Array(16).fill(0)),
      server_nonce: bytes(1),
      encrypted_data: bytes(),
    },
    "query.server_nonce",
    "16 bytes",
  );
  assertRejected(
    {
      _: "p_q_inner_data_dc",
      pq: bytes(),
      p: bytes(),
      q: bytes(),
      nonce: resPQ.nonce,
      server_nonce: resPQ.nonce,
      new_nonce: resPQ.nonce,
      dc: 2,
    },
    "query.new_nonce",
    "expected exactly 32 bytes, got 16",
  );
});

Deno.test("mtcuteToTlJson() names fields from the schema, not by rule", () => {
  const json = mtcuteToTlJson({
    _: "account.password",
    hasPassword: true,
    srpB: new Uint8Array([1]),
    srpId: Long.fromInt(1),
    newAlgo: { _: "passwordKdfAlgoUnknown" },
  });
  assertEquals(json, {
    _: "account.password",
    has_password: true,
    srp_B: { _: "bytes", value: "AQ==" },
    srp_id: { _: "bigint", value: "1" },
    new_algo: { _: "passwordKdfAlgoUnknown" },
  });
});

Deno.test("mtcuteToTlJson() converts results that are not objects", () => {
  assertStrictEquals(mtcuteToTlJson(true), true);
  assertStrictEquals(mtcuteToTlJson(undefined), null);
  assertEquals(mtcuteToTlJson([1, 2]), [1, 2]);
  assertEquals(mtcuteToTlJson([Long.MAX_VALUE]), [{
    _: "bigint",
    value: "9223372036854775807",
  }]);
});

Deno.test("mtcuteToTlJson() drops false flags, fields the schema lacks and mtcute's prefix", () => {
  assertEquals(
    mtcuteToTlJson({
      _: "dcOption",
      ipv6: false,
      mediaOnly: true,
      id: 1,
      ipAddress: "",
      port: 1,
      extra: 1,
    }),
    {
      _: "dcOption",
      media_only: true,
      id: 1,
      ip_address: "",
      port: 1,
    },
  );
  assertEquals(
    mtcuteToTlJson({ _: "mt_pong", msgId: Long.ZERO, pingId: Long.ONE }),
    {
      _: "pong",
      msg_id: { _: "bigint", value: "0" },
      ping_id: { _: "bigint", value: "1" },
    },
  );
});

Deno.test("mtcuteToTlJson() keeps an unknown constructor's fields as they are", () => {
  assertEquals(
    mtcuteToTlJson({
      _: "somethingNew",
      someId: Long.fromInt(3),
      inner: [{ _: "peerUser", userId: 1 }],
      gone: undefined,
    }),
    {
      _: "somethingNew",
      someId: { _: "bigint", value: "3" },
      inner: [{ _: "peerUser", user_id: 1 }],
    },
  );
});
