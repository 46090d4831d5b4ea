import {
  assert,
  assertEquals,
  assertStrictEquals,
  assertThrowsWithMessage,
} from "../assert.ts";
import { Long, User } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { decodeValue, encodeValue } from "../../src/tl/values.ts";

/** Asserts that decoding `json` throws an InputError whose message contains each of `parts`. */
function assertRejected(json: unknown, ...parts: string[]): void {
  assertThrowsWithMessage(
    () => decodeValue(json, { path: "args[0]" }),
    InputError,
    ...parts,
  );
}

Deno.test("encodeValue() wraps dates, 64-bit integers and bytes", () => {
  assertEquals(encodeValue(new Date("2024-01-02T03:04:05.006Z")), {
    _: "date",
    value: "2024-01-02T03:04:05.006Z",
  });
  assertEquals(encodeValue(Long.MIN_VALUE), {
    _: "bigint",
    value: "-9223372036854775808",
  });
  assertEquals(encodeValue(2n ** 63n - 1n), {
    _: "bigint",
    value: "9223372036854775807",
  });
  assertEquals(encodeValue(new Uint8Array([0x52, 0x4f, 0x4a])), {
    _: "bytes",
    value: "Uk9K",
  });
  assertStrictEquals(encodeValue(new Date(NaN)), null);
});

Deno.test("encodeValue() drops undefined fields and functions, and nulls what JSON lacks", () => {
  assertEquals(
    encodeValue({
      a: 1,
      b: undefined,
      c: () => 1,
      d: [undefined, NaN, Infinity],
    }),
    { a: 1, d: [null, null, null] },
  );
  assertStrictEquals(encodeValue(undefined), null);
});

Deno.test("encodeValue() reads the getters of a class and its ancestors", () => {
  class Base {
    get inherited() {
      return "from base";
    }
  }
  class Thing extends Base {
    readonly type = "thing";
    readonly raw = { huge: true };
    readonly _internal = 1;
    constructor(private readonly seconds: number) {
      super();
    }
    get when() {
      return new Date(this.seconds * 1000);
    }
    get broken(): never {
      throw new Error("not available");
    }
    get _hidden() {
      return 1;
    }
    method() {
      return 1;
    }
  }
  assertEquals(encodeValue(new Thing(0)), {
    type: "thing",
    seconds: 0,
    when: { _: "date", value: "1970-01-01T00:00:00.000Z" },
    inherited: "from base",
  });
});

Deno.test("encodeValue() presents an mtcute User by its getters", () => {
  const user = new User(
    {
      _: "user",
      id: 1234,
      accessHash: Long.fromInt(99),
      firstName: "Ann",
      username: "ann",
      bot: true,
    } as ConstructorParameters<typeof User>[0],
  );
  const json = encodeValue(user) as Record<string, unknown>;
  assertStrictEquals(json.type, "user");
  assertStrictEquals(json.id, 1234);
  assertStrictEquals(json.firstName, "Ann");
  assertStrictEquals(json.username, "ann");
  assertStrictEquals(json.isBot, true);
  assertStrictEquals("raw" in json, false);
  JSON.stringify(json); // throws on a BigInt or a cycle left in
});

Deno.test("encodeValue() turns raw TL objects into TL-JSON", () => {
  assertEquals(
    encodeValue({
      reply: {
        _: "messageReplyStoryHeader",
        peer: { _: "peerUser", userId: 5 },
        storyId: 2,
      },
    }),
    {
      reply: {
        _: "messageReplyStoryHeader",
        peer: { _: "peerUser", user_id: 5 },
        story_id: 2,
      },
    },
  );
});

Deno.test("encodeValue() does not hang on cycles", () => {
  const node: Record<string, unknown> = { name: "a" };
  node.self = node;
  node.list = [node, 1];
  assertEquals(encodeValue(node), {
    name: "a",
    self: null,
    list: [null, 1],
  });

  class Linked {
    constructor(readonly name: string, public next?: Linked) {}
    get back() {
      return this.next;
    }
  }
  const first = new Linked("first");
  first.next = new Linked("second", first);
  assertEquals(encodeValue(first), {
    name: "first",
    next: { name: "second", next: null, back: null },
    back: { name: "second", next: null, back: null },
  });
});

Deno.test("encodeValue() keeps a shared object that is not a cycle", () => {
  const shared = { id: 1 };
  assertEquals(encodeValue([shared, shared]), [{ id: 1 }, { id: 1 }]);
});

Deno.test("encodeValue() bounds the depth", () => {
  let deep: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < 10; i++) deep = { deeper: deep };
  assertEquals(encodeValue(deep, { maxDepth: 2 }), {
    deeper: { deeper: null },
  });
});

Deno.test("encodeValue() converts maps and sets", () => {
  assertEquals(
    encodeValue(
      new Map<unknown, unknown>([[1, Long.ONE], ["b", new Set([1, 2])]]),
    ),
    {
      1: { _: "bigint", value: "1" },
      b: [1, 2],
    },
  );
});

Deno.test("decodeValue() unwraps dates, 64-bit integers and bytes", () => {
  const decoded = decodeValue([
    { _: "bigint", value: "-9223372036854775808" },
    { _: "bytes", value: "Uk9K" },
    { _: "date", value: "2024-01-02T03:04:05.006Z" },
  ]) as [Long, Uint8Array, Date];
  assert(Long.isLong(decoded[0]));
  assertStrictEquals(decoded[0].toString(), "-9223372036854775808");
  assertEquals(decoded[1], new Uint8Array([0x52, 0x4f, 0x4a]));
  assertStrictEquals(decoded[2].getTime(), Date.UTC(2024, 0, 2, 3, 4, 5, 6));
});

Deno.test("decodeValue() keeps plain values and walks into objects and arrays", () => {
  assertEquals(
    decodeValue({
      chatId: -100123,
      text: "hi",
      flags: [true, null],
      nested: { id: { _: "bigint", value: "5" } },
    }),
    {
      chatId: -100123,
      text: "hi",
      flags: [true, null],
      nested: { id: Long.fromInt(5) },
    },
  );
});

Deno.test("decodeValue() reads TL-JSON objects into mtcute's form", () => {
  assertEquals(
    decodeValue({
      peer: {
        _: "inputPeerUser",
        user_id: 1,
        access_hash: { _: "bigint", value: "2" },
      },
    }),
    {
      peer: { _: "inputPeerUser", userId: 1, accessHash: Long.fromInt(2) },
    },
  );
});

Deno.test("decodeValue() inverts encodeValue()", () => {
  const value = {
    id: Long.fromString("-42"),
    photo: new Uint8Array([1, 2]),
    at: new Date(0),
    list: [1, "a", false],
  };
  assertEquals(
    decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))),
    value,
  );
});

Deno.test("decodeValue() rejects malformed wrappers, naming the path", () => {
  assertRejected(
    { file: { _: "bytes", value: "@@" } },
    "invalid value at args[0].file",
    "base64",
  );
  assertRejected(
    [1, { _: "bigint", value: "18446744073709551615" }],
    "invalid value at args[0][1]",
    "64-bit",
  );
  assertRejected(
    { id: { _: "bigint", value: 5 } },
    "invalid value at args[0].id",
    '{"_":"bigint"',
  );
  assertRejected(
    { when: { _: "date", value: "yesterday" } },
    "invalid value at args[0].when",
    "ISO 8601",
  );
});

Deno.test("decodeValue() rejects an unknown or malformed TL object, naming the path", () => {
  assertRejected(
    { peer: { _: "inputPeerUsr" } },
    "unknown TL constructor or function: inputPeerUsr",
    "args[0].peer",
  );
  assertRejected(
    { peer: { _: "inputPeerUser", user_id: 1 } },
    "missing required field args[0].peer.access_hash",
  );
  assertRejected({ peer: { _: 5 } }, "invalid value at args[0].peer._");
});
