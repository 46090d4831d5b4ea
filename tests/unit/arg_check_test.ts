import { assertEquals, assertThrows } from "../assert.ts";
import { InputError } from "../../src/errors.ts";
import { checkArguments } from "../../src/telegram/arg_check.ts";
import { ALLOWED_METHODS } from "../../src/telegram/methods.ts";
import {
  mtcuteSignatures,
  readSignatures,
} from "../../src/telegram/signatures.ts";
import { parseTsType } from "../../src/telegram/ts_types.ts";

const check = (method: string, args: unknown[]) =>
  checkArguments(method, mtcuteSignatures().get(method)!, args);

const refusal = (method: string, args: unknown[]) =>
  assertThrows(() => check(method, args), InputError).message;

Deno.test("every allowlisted method has a declared signature", () => {
  const signatures = mtcuteSignatures();
  const missing = Object.values(ALLOWED_METHODS).flat().filter((name) =>
    !signatures.has(name)
  );
  assertEquals(missing, []);
});

Deno.test("parseTsType reads unions, arrays, object literals and generics", () => {
  assertEquals(parseTsType("string | number[]"), {
    kind: "union",
    members: [
      { kind: "keyword", name: "string" },
      { kind: "array", item: { kind: "keyword", name: "number" } },
    ],
  });
  assertEquals(
    parseTsType("{ /** doc */ a?: MaybeArray<tl.Long>; readonly b: 'x' }"),
    {
      kind: "object",
      fields: new Map([
        ["a", {
          optional: true,
          type: {
            kind: "ref",
            name: "MaybeArray",
            args: [{ kind: "ref", name: "tl.Long", args: [] }],
          },
        }],
        ["b", { optional: false, type: { kind: "literal", value: "x" } }],
      ]),
    },
  );
  // What says too little to check against accepts anything.
  for (
    const source of [
      "(a: string) => void",
      "typeof sendText",
      "Parameters<typeof f>[2]",
      "[number, string]",
      "T extends string ? A : B",
      "import('node:stream').Readable",
    ]
  ) {
    assertEquals([source, parseTsType(source)], [source, { kind: "unknown" }]);
  }
});

Deno.test("readSignatures reads methods, their optional and rest parameters, and skips properties", () => {
  const signatures = readSignatures(`
    export interface TelegramClient extends Base {
      /** An emitter */
      readonly onThing: Emitter<Thing>;
      send(chatId: InputPeerLike, text: InputText, params?: { silent?: boolean }): Promise<Message>;
      many<T>(...ids: number[]): Promise<void>;
    }`);
  assertEquals([...signatures.keys()], ["send", "many"]);
  assertEquals(
    signatures.get("send")![0].map((p) => [p.name, p.optional, p.rest]),
    [["chatId", false, false], ["text", false, false], ["params", true, false]],
  );
  assertEquals(signatures.get("many")![0][0].rest, true);
});

Deno.test("checkArguments names the argument, what it must be and what came", () => {
  assertEquals(
    refusal("sendText", [1000001, 5]),
    'Argument 2 of sendText (text) must be a string, or {"text": "…", "entities": […]}; got the number 5',
  );
  assertEquals(
    refusal("sendText", [{}]),
    'Argument 1 of sendText (chatId) must be a chat: its id (a number), a username, phone number, "me" or "self" (a string), a TL input peer object, or an object with "inputPeer" (as getMe answers); got an object',
  );
  assertEquals(
    refusal("sendText", [1]),
    'Argument 2 of sendText (text) is missing: it must be a string, or {"text": "…", "entities": […]}',
  );
  assertEquals(
    refusal("sendText", [1, "a", {}, 4, 5]),
    "sendText takes 2 to 3 arguments (chatId, text, params?); got 5",
  );
  assertEquals(
    refusal("getMe", new Array(1_000_000).fill(0)),
    "getMe takes no arguments; got 1000000",
  );
  assertEquals(
    refusal("setMyCommands", [{ commands: [1] }]),
    'Argument 1 of setMyCommands (params), at .commands[0], must be a TL object {"_": "botCommand", …} ("_" may be left out); got the number 1',
  );
  assertEquals(
    refusal("deleteMessagesById", [1, [1, "two"]]),
    'Argument 2 of deleteMessagesById (ids), at [1], must be a number; got the string "two"',
  );
});

Deno.test("checkArguments fills in the _ of a single TL constructor", () => {
  assertEquals(
    check("setMyCommands", [{
      commands: [{ command: "start", description: "Start" }],
    }]),
    [{
      commands: [{ _: "botCommand", command: "start", description: "Start" }],
    }],
  );
  // A different constructor is refused rather than overwritten.
  assertEquals(
    refusal("setMyCommands", [{ commands: [{ _: "botInfo" }] }]).startsWith(
      "Argument 1 of setMyCommands (params), at .commands[0], must be",
    ),
    true,
  );
});

Deno.test("checkArguments refuses paths on the server as files, and file parts where no file goes", () => {
  for (const file of ["/etc/passwd", "file:/etc/passwd", "../x"]) {
    assertEquals(
      refusal("sendMedia", [1, { type: "document", file }]),
      `Argument 2 of sendMedia (media), at .file, must be a file: a file id, an http(s) URL, or {"_": "file", "field": "<part name>"} for a multipart file part; got the string ${
        JSON.stringify(file)
      }`,
    );
  }
  const part = { _: "file", field: "media" };
  assertEquals(
    refusal("sendMedia", [1, part]),
    'Argument 2 of sendMedia (media) must be a media object such as {"type": "photo", "file": …}, or a TL input media object or a string; got the multipart file part "media"; a file part can only stand where a file is expected, so send this argument as a text part holding JSON',
  );
  assertEquals(
    refusal("sendText", [{ _: "file", field: "chat" }, "hi"]).startsWith(
      'Argument 1 of sendText (chatId) must be a chat: its id (a number), a username, phone number, "me" or "self" (a string), a TL input peer object, or an object with "inputPeer" (as getMe answers); got the multipart file part "chat"',
    ),
    true,
  );
});

Deno.test("checkArguments passes what mtcute takes, unchanged", () => {
  const accepted: [string, unknown[]][] = [
    ["getMe", []],
    ["sendText", [1000001, "hi"]],
    ["sendText", ["@alice", { text: "hi", entities: [] }, { silent: true }]],
    ["sendMedia", [1, { type: "document", file: { _: "file", field: "doc" } }]],
    ["sendMedia", [1, { type: "photo", file: "https://example.com/a.jpg" }]],
    ["sendMedia", [1, "AgACAgIAAxkBAAIBY2Nn"]],
    ["deleteMessagesById", [1, [1, 2, 3]]],
    ["getMessages", [1, 5]],
    ["getMessages", [1, [5, 6]]],
    ["answerCallbackQuery", [{ _: "bigint", value: "123" }]],
  ];
  for (const [method, args] of accepted) {
    assertEquals([method, check(method, args)], [method, args]);
  }
  // null for an optional parameter is taken as its absence, as mtcute's defaults only fill undefined.
  assertEquals(check("sendText", ["me", "hi", null]), ["me", "hi", undefined]);
});
