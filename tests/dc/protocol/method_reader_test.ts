/** The schema-driven reader decodes what mtcute's writer map writes, field for field. */
import { Long } from "@mtcute/core";
import { __tlWriterMap, TlBinaryWriter } from "@mtcute/core/utils.js";
import { deflateSync, gzipSync } from "node:zlib";
import {
  DecodeError,
  decodeTlObject,
  GZIP_PACKED_ID,
} from "./method_reader.ts";
import { assert, assertEquals } from "../../assert.ts";

type Obj = { _: string; [key: string]: unknown };

/** Drops what a reader reports for absent fields (undefined, and false for `true` flags). */
function present(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(present);
  if (
    value instanceof Uint8Array || Long.isLong(value) ||
    typeof value !== "object" || value === null
  ) return value;
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== false).map(
      ([k, v]) => [k, present(v)],
    ),
  );
}

function write(object: Obj): Uint8Array {
  return TlBinaryWriter.serializeObject(__tlWriterMap, object);
}

function assertRoundTrip(object: Obj): Obj {
  const bytes = write(object);
  const decoded = decodeTlObject(bytes) as Obj;
  assertEquals(present(decoded), present(object));
  // Writing the decoded object again gives the same bytes: nothing was lost or invented.
  assertEquals(write(decoded), bytes);
  return decoded;
}

Deno.test("messages.sendMessage with flags, entities and longs", () => {
  const decoded = assertRoundTrip({
    _: "messages.sendMessage",
    silent: true,
    peer: {
      _: "inputPeerUser",
      userId: 123456789012,
      accessHash: Long.fromString("-8000000000000000001"),
    },
    replyTo: { _: "inputReplyToMessage", replyToMsgId: 42 },
    message: "héllo",
    randomId: Long.fromString("9007199254740993"),
    entities: [{ _: "messageEntityBold", offset: 0, length: 5 }],
    scheduleDate: 1700000000,
  });
  assertEquals(decoded.noWebpage, false);
  assertEquals(decoded.silent, true);
  assertEquals(decoded.sendAs, undefined);
  assert(
    Long.isLong(decoded.randomId) &&
      (decoded.randomId as Long).toString() === "9007199254740993",
  );
});

Deno.test("users.getUsers: a vector of boxed objects", () => {
  assertRoundTrip({
    _: "users.getUsers",
    id: [{ _: "inputUserSelf" }, {
      _: "inputUser",
      userId: 7,
      accessHash: Long.ONE,
    }],
  });
});

Deno.test("invokeWithLayer(initConnection(help.getConfig)) nests functions", () => {
  const decoded = assertRoundTrip({
    _: "invokeWithLayer",
    layer: 200,
    query: {
      _: "initConnection",
      apiId: 1,
      deviceModel: "test",
      systemVersion: "1",
      appVersion: "1",
      systemLangCode: "en",
      langPack: "",
      langCode: "en",
      params: {
        _: "jsonObject",
        value: [{
          _: "jsonObjectValue",
          key: "k",
          value: { _: "jsonBool", value: true },
        }],
      },
      query: { _: "help.getConfig" },
    },
  });
  assertEquals(((decoded.query as Obj).query as Obj)._, "help.getConfig");
});

Deno.test("vectors of bare longs and int53, Bool, bytes, MTProto functions", () => {
  assertRoundTrip({
    _: "messages.getMessagesViews",
    peer: { _: "inputPeerSelf" },
    id: [1, 2, 3],
    increment: false,
  });
  assertRoundTrip({ _: "contacts.getContactIDs", hash: Long.fromInt(-5) });
  assertRoundTrip({
    _: "messages.deleteScheduledMessages",
    peer: { _: "inputPeerSelf" },
    id: [5],
  });
  assertRoundTrip({
    _: "photos.deletePhotos",
    id: [{
      _: "inputPhoto",
      id: Long.ONE,
      accessHash: Long.ZERO,
      fileReference: Uint8Array.of(1, 2, 3),
    }],
  });
  assertRoundTrip({
    _: "mt_ping_delay_disconnect",
    pingId: Long.fromString("-1"),
    disconnectDelay: 75,
  });
  assertRoundTrip({ _: "mt_req_pq_multi", nonce: new Uint8Array(16).fill(7) });
});

Deno.test("gzip_packed is unpacked, with gzip or zlib framing", () => {
  const inner = write({ _: "help.getNearestDc" });
  for (const packed of [gzipSync(inner), deflateSync(inner)]) {
    const writer = TlBinaryWriter.manual(packed.length + 16);
    writer.uint(GZIP_PACKED_ID);
    writer.bytes(new Uint8Array(packed));
    assertEquals(decodeTlObject(writer.result()), { _: "help.getNearestDc" });
  }
});

Deno.test("truncated or unknown input is a DecodeError", () => {
  const bytes = write({
    _: "messages.sendMessage",
    peer: { _: "inputPeerSelf" },
    message: "x".repeat(40),
    randomId: Long.ONE,
  });
  for (
    const broken of [
      bytes.subarray(0, 30),
      bytes.subarray(0, bytes.length - 4),
      Uint8Array.of(1, 2, 3, 4),
    ]
  ) {
    let error: unknown;
    try {
      decodeTlObject(broken);
    } catch (caught) {
      error = caught;
    }
    assert(
      error instanceof DecodeError,
      `expected a DecodeError, got ${error}`,
    );
  }
});
