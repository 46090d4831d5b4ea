/** The dialect's method descriptions: signatures, account checks and argument reading. */
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { InputError } from "../../src/errors.ts";
import {
  defineMethod,
  readArguments,
  signatureOf,
} from "../../src/mtkruto/methods/define.ts";
import {
  integerParam,
  messageIdsParam,
  optionsParam,
  stringParam,
} from "../../src/mtkruto/methods/params.ts";

const echo = defineMethod(
  "echo",
  "both",
  [
    stringParam("text", { nonEmpty: true }),
    integerParam("times"),
    optionsParam("EchoParams"),
  ],
  "string",
  (_call, text, times, params) => Promise.resolve({ text, times, params }),
);
const botOnly = defineMethod(
  "botThing",
  "bot",
  [],
  "void",
  () => Promise.resolve(null),
);
const userOnly = defineMethod(
  "userThing",
  "user",
  [],
  "void",
  () => Promise.resolve(null),
);

Deno.test("signatureOf() writes the method as MTKruto's docs do", () => {
  assertEquals(
    signatureOf(echo),
    "echo(text: string, times: number, params?: EchoParams): string",
  );
  assertEquals(signatureOf(botOnly), "botThing(): void");
});

Deno.test("readArguments() converts each argument and fills the options object", () => {
  assertEquals(readArguments(echo, ["hi", 2], true), ["hi", 2, {}]);
  assertEquals(readArguments(echo, ["hi", 2, { a: 1 }], false), [
    "hi",
    2,
    { a: 1 },
  ]);
  // A null trailing object is the same as none.
  assertEquals(readArguments(echo, ["hi", 2, null], false), ["hi", 2, {}]);
});

Deno.test("readArguments() refuses the wrong account in MTKruto's words", () => {
  assertThrowsWithMessage(
    () => readArguments(botOnly, [], false),
    InputError,
    "botThing: not a bot client.",
  );
  assertThrowsWithMessage(
    () => readArguments(userOnly, [], true),
    InputError,
    "userThing: not a user client.",
  );
});

Deno.test("readArguments() names the argument that is missing, extra or of the wrong type", () => {
  assertThrowsWithMessage(
    () => readArguments(echo, ["hi"], true),
    InputError,
    "Argument 2 of echo (times) is missing; it must be number",
  );
  assertThrowsWithMessage(
    () => readArguments(echo, ["hi", 2, {}, 4], true),
    InputError,
    "echo takes at most 3 arguments (text, times, params); got 4",
  );
  assertThrowsWithMessage(
    () => readArguments(botOnly, [1], true),
    InputError,
    "botThing takes no arguments; got 1",
  );
  assertThrowsWithMessage(
    () => readArguments(echo, [5, 2], true),
    InputError,
    "Argument 1 of echo (text) must be a string; got the number 5",
  );
  assertThrowsWithMessage(
    () => readArguments(echo, ["", 2], true),
    InputError,
    "Argument 1 of echo (text) must not be empty",
  );
  assertThrowsWithMessage(
    () => readArguments(echo, ["hi", 1.5], true),
    InputError,
    "Argument 2 of echo (times) must be an integer; got the number 1.5",
  );
  assertThrowsWithMessage(
    () => readArguments(echo, ["hi", 1, [1]], true),
    InputError,
    "params must be an object (EchoParams); got an array",
  );
});

Deno.test("messageIdsParam() takes a non-empty list of at most 100 ids", () => {
  const ids = messageIdsParam();
  assertEquals(ids.read([1, 2], "ids"), [1, 2]);
  assertThrowsWithMessage(
    () => ids.read([], "ids"),
    InputError,
    "ids must be a non-empty array of message ids; got an array",
  );
  assertThrowsWithMessage(
    () => ids.read([1, "2"], "ids"),
    InputError,
    'ids[1] must be an integer; got the string "2"',
  );
  assertThrowsWithMessage(
    () => ids.read(new Array(101).fill(1), "ids"),
    InputError,
    "ids may hold at most 100 message ids; got 101",
  );
});

Deno.test("readArguments() names a multipart file part that stands where no file goes", () => {
  const part = {
    kind: "attached",
    field: "params",
    file: {},
    fileName: "p.json",
  };
  assertThrowsWithMessage(
    () => readArguments(echo, ["hi", 2, part], true),
    InputError,
    'Argument 3 of echo (params) is the multipart file part "params"; a file part stands only where a FileSource goes (it must be EchoParams)',
  );
});
