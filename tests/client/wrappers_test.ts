import { assertEquals, assertThrows } from "../assert.ts";
import {
  decodeBase64,
  encodeBase64,
  encodeValue,
  parseJson,
  revive,
} from "../../client/wrappers.ts";

Deno.test("parseJson() revives bigint, bytes and date wrappers at any depth", () => {
  const value = parseJson(JSON.stringify({
    id: { _: "bigint", value: "-9223372036854775808" },
    list: [{ _: "bytes", value: "Uk9K" }, {
      _: "date",
      value: "2024-01-02T03:04:05.006Z",
    }],
    tl: { _: "pong", ping_id: { _: "bigint", value: "123456" } },
  }));
  assertEquals(value, {
    id: -9223372036854775808n,
    list: [
      new Uint8Array([0x52, 0x4f, 0x4a]),
      new Date("2024-01-02T03:04:05.006Z"),
    ],
    tl: { _: "pong", ping_id: 123456n },
  });
});

Deno.test("parseJson() leaves objects that only look like wrappers alone", () => {
  const lookalikes = [
    { _: "bigint", value: "1", extra: true },
    { _: "bigint", value: 1 },
    { _: "inputPeerSelf" },
    { _: "file", value: "x" },
  ];
  assertEquals(parseJson(JSON.stringify(lookalikes)), lookalikes);
});

Deno.test("parseJson() rejects malformed wrappers with a TypeError", () => {
  assertThrows(() => parseJson('{"_":"bigint","value":"12a"}'), TypeError);
  assertThrows(() => parseJson('{"_":"date","value":"not a date"}'), TypeError);
  assertThrows(() => parseJson('{"_":"bytes","value":"%%%"}'), TypeError);
});

Deno.test("revive() converts an already parsed value the same way as parseJson()", () => {
  const text = '[{"a":{"_":"bigint","value":"5"}},{"_":"bytes","value":"AAE"}]';
  assertEquals(revive(JSON.parse(text)), parseJson(text));
});

Deno.test("decodeBase64() accepts standard and url-safe base64, with or without padding", () => {
  const bytes = new Uint8Array([0xfb, 0xff, 0xfe, 0x01]);
  assertEquals(decodeBase64("+//+AQ=="), bytes);
  assertEquals(decodeBase64("-__-AQ"), bytes);
  assertEquals(encodeBase64(bytes), "+//+AQ==");
});

Deno.test("encodeBase64() handles inputs larger than one chunk", () => {
  const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
  assertEquals(decodeBase64(encodeBase64(bytes)), bytes);
});

Deno.test("encodeValue() wraps bigint, bytes and dates and drops what JSON cannot hold", () => {
  const encoded = encodeValue({
    id: 2n ** 63n - 1n,
    data: new Uint8Array([1, 2, 3]),
    view: new Uint16Array([0x0201]),
    buffer: new Uint8Array([9]).buffer,
    when: new Date(0),
    nested: [undefined, () => 1, Number.NaN, "text", true, null],
    skipped: undefined,
    url: new URL("https://example.com/a"),
  });
  assertEquals(encoded, {
    id: { _: "bigint", value: "9223372036854775807" },
    data: { _: "bytes", value: "AQID" },
    view: { _: "bytes", value: "AQI=" },
    buffer: { _: "bytes", value: "CQ==" },
    when: { _: "date", value: "1970-01-01T00:00:00.000Z" },
    nested: [null, null, null, "text", true, null],
    url: "https://example.com/a",
  });
});

Deno.test("encodeValue() rejects cycles, invalid dates and files outside arguments", () => {
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  assertThrows(() => encodeValue(cycle), TypeError);
  assertThrows(() => encodeValue({ when: new Date(Number.NaN) }), TypeError);
  assertThrows(() => encodeValue({ file: new Blob(["x"]) }), TypeError);
});

Deno.test("encodeValue() allows the same object twice when it is not a cycle", () => {
  const shared = { a: 1n };
  assertEquals(encodeValue([shared, shared]), [
    { a: { _: "bigint", value: "1" } },
    { a: { _: "bigint", value: "1" } },
  ]);
});
