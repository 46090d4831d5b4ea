import { assertEquals, assertThrows } from "../assert.ts";
import { InputError } from "../../src/errors.ts";
import { DEFAULT_POLL_TIMEOUT_SECONDS } from "../../src/gateway_methods.ts";
import { UPDATE_KINDS } from "../../src/updates/kinds.ts";
import {
  parseDeleteWebhookArgs,
  parseGetUpdatesArgs,
  parseSetWebhookArgs,
} from "../../src/updates/params.ts";

/** The message of the 400 `parse` throws for `args`. */
function refusal(parse: (args: unknown[]) => unknown, args: unknown[]) {
  const error = assertThrows(() => parse(args), InputError);
  assertEquals(error.status, 400);
  return error.message;
}

/** Checks that each of `args` is refused with `message`. */
function refusedWith(
  parse: (args: unknown[]) => unknown,
  cases: unknown[][],
  message: string,
) {
  for (const args of cases) {
    assertEquals([args, refusal(parse, args)], [args, message]);
  }
}

const KINDS_MESSAGE = `allowedUpdates must be an array of update types (${
  UPDATE_KINDS.join(", ")
})`;

const TIMEOUT_MESSAGE = "getUpdates: timeout must be an integer from 0 to 600";

Deno.test("parseGetUpdatesArgs() fills in the defaults, waiting DEFAULT_POLL_TIMEOUT_SECONDS without a timeout", () => {
  const defaults = {
    timeout: DEFAULT_POLL_TIMEOUT_SECONDS,
    offset: undefined,
    limit: 100,
    allowedUpdates: undefined,
    dropPendingUpdates: false,
  };
  assertEquals(DEFAULT_POLL_TIMEOUT_SECONDS, 60);
  assertEquals(parseGetUpdatesArgs([]), defaults);
  assertEquals(parseGetUpdatesArgs([{}]), defaults);
  assertEquals(parseGetUpdatesArgs([{ offset: 3 }]).timeout, 60);
  assertEquals(
    parseGetUpdatesArgs([{
      timeout: 600,
      offset: 0,
      limit: 1,
      allowedUpdates: ["message", "callbackQuery"],
      dropPendingUpdates: true,
    }]),
    {
      timeout: 600,
      offset: 0,
      limit: 1,
      allowedUpdates: ["message", "callbackQuery"],
      dropPendingUpdates: true,
    },
  );
  assertEquals(
    parseGetUpdatesArgs([{ offset: Number.MAX_SAFE_INTEGER, limit: 100 }])
      .offset,
    Number.MAX_SAFE_INTEGER,
  );
  assertEquals(
    parseGetUpdatesArgs([{ allowedUpdates: [] }]).allowedUpdates,
    [],
  );
  assertEquals(
    parseGetUpdatesArgs([{ allowedUpdates: [...UPDATE_KINDS] }])
      .allowedUpdates,
    [...UPDATE_KINDS],
  );
});

Deno.test("parseGetUpdatesArgs() waits fallbackSeconds (--poll-timeout) without a timeout; a named 0 answers at once", () => {
  assertEquals(parseGetUpdatesArgs([], 5).timeout, 5);
  assertEquals(parseGetUpdatesArgs([{ limit: 3 }], 1).timeout, 1);
  assertEquals(parseGetUpdatesArgs([{ timeout: 0 }], 5).timeout, 0);
  assertEquals(parseGetUpdatesArgs([{ timeout: 0 }]).timeout, 0);
  assertEquals(parseGetUpdatesArgs([{ timeout: 7 }], 5).timeout, 7);
});

Deno.test("parseGetUpdatesArgs() takes MTKruto Server's positional timeout, where 0 means wait", () => {
  assertEquals(parseGetUpdatesArgs([30]), {
    timeout: 30,
    offset: undefined,
    limit: 100,
    allowedUpdates: undefined,
    dropPendingUpdates: false,
  });
  assertEquals(parseGetUpdatesArgs([600]).timeout, 600);
  assertEquals(parseGetUpdatesArgs([0]).timeout, DEFAULT_POLL_TIMEOUT_SECONDS);
  assertEquals(parseGetUpdatesArgs([0], 5).timeout, 5);
  assertEquals(parseGetUpdatesArgs([30], 5).timeout, 30);
  assertEquals(
    parseGetUpdatesArgs([
      30,
      { offset: 5, limit: 2, allowedUpdates: ["poll"] },
    ]),
    {
      timeout: 30,
      offset: 5,
      limit: 2,
      allowedUpdates: ["poll"],
      dropPendingUpdates: false,
    },
  );
  assertEquals(parseGetUpdatesArgs([0, {}], 9).timeout, 9);
});

Deno.test("parseGetUpdatesArgs() refuses a timeout given both ways, and a positional one of the wrong kind", () => {
  refusedWith(
    parseGetUpdatesArgs,
    [[5, { timeout: 5 }], [0, { timeout: 0 }], [30, { timeout: 1, limit: 1 }]],
    "getUpdates: give the timeout once, as the first argument or as the trailing object's timeout",
  );
  refusedWith(
    parseGetUpdatesArgs,
    [-1, 1.5, "5", "timeout", null, true, NaN, Infinity, 601].map((
      timeout,
    ) => [timeout]),
    TIMEOUT_MESSAGE,
  );
  // An array, or an object before the trailing one, stands where the timeout goes.
  refusedWith(
    parseGetUpdatesArgs,
    [[[]], [[], {}], [{}, {}], [{ timeout: 1 }, {}]],
    TIMEOUT_MESSAGE,
  );
});

Deno.test("parseGetUpdatesArgs() takes one positional argument and a trailing object", () => {
  refusedWith(
    parseGetUpdatesArgs,
    [[5, 6], [0, []]],
    "getUpdates takes 1 argument(s) and an optional trailing object; got 2 arguments",
  );
  refusedWith(
    parseGetUpdatesArgs,
    [[5, 6, {}], [{}, {}, {}]],
    "getUpdates takes 1 argument(s) and an optional trailing object; got 3 arguments",
  );
});

Deno.test("parseGetUpdatesArgs() names an unknown option and the known ones", () => {
  refusedWith(
    parseGetUpdatesArgs,
    [[{ timeout: 1, allowed_updates: [] }]],
    'getUpdates has no option "allowed_updates"; expected one of timeout, offset, limit, allowedUpdates, dropPendingUpdates',
  );
});

Deno.test("parseGetUpdatesArgs() refuses numbers out of range or of the wrong kind", () => {
  const bad = [-1, 1.5, "5", null, true, NaN, Infinity];
  refusedWith(
    parseGetUpdatesArgs,
    [...bad, 601].map((timeout) => [{ timeout }]),
    TIMEOUT_MESSAGE,
  );
  refusedWith(
    parseGetUpdatesArgs,
    [...bad, Number.MAX_SAFE_INTEGER + 2].map((offset) => [{ offset }]),
    `getUpdates: offset must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}`,
  );
  refusedWith(
    parseGetUpdatesArgs,
    [...bad, 0, 101].map((limit) => [{ limit }]),
    "getUpdates: limit must be an integer from 1 to 100",
  );
});

Deno.test("parseGetUpdatesArgs() refuses allowedUpdates that are not known kinds, and a non-boolean drop", () => {
  refusedWith(
    parseGetUpdatesArgs,
    [
      "message",
      ["message", "new_message"],
      // mtcute's names, which the first release took, are no types of MTKruto's.
      ["newMessage"],
      ["editMessage", "deleteMessage"],
      [5],
      { 0: "message" },
      null,
    ].map((allowedUpdates) => [{ allowedUpdates }]),
    `getUpdates: ${KINDS_MESSAGE}`,
  );
  refusedWith(
    parseGetUpdatesArgs,
    ["true", 1, null].map((dropPendingUpdates) => [{ dropPendingUpdates }]),
    "getUpdates: dropPendingUpdates must be true or false",
  );
});

Deno.test("parseSetWebhookArgs() reads the URL and fills in the defaults", () => {
  assertEquals(parseSetWebhookArgs(["https://Example.com:8443/hook?a=1"]), {
    url: "https://example.com:8443/hook?a=1",
    secretToken: undefined,
    maxConnections: 40,
    dropPendingUpdates: false,
    allowedUpdates: undefined,
  });
  const secretToken = "A-z_0".repeat(51) + "9";
  assertEquals(
    parseSetWebhookArgs(["http://127.0.0.1:9/x", {
      secretToken,
      maxConnections: 100,
      dropPendingUpdates: true,
      allowedUpdates: ["callbackQuery"],
    }]),
    {
      url: "http://127.0.0.1:9/x",
      secretToken,
      maxConnections: 100,
      dropPendingUpdates: true,
      allowedUpdates: ["callbackQuery"],
    },
  );
  assertEquals(secretToken.length, 256);
  assertEquals(
    parseSetWebhookArgs(["https://a.example", { secretToken: "x" }])
      .secretToken,
    "x",
  );
});

Deno.test("parseSetWebhookArgs() takes one URL and a trailing object", () => {
  // The count is of every argument, the trailing object included.
  refusedWith(
    parseSetWebhookArgs,
    [["https://a.example", "https://b.example"]],
    "setWebhook takes 1 argument(s) and an optional trailing object; got 2 arguments",
  );
  refusedWith(
    parseSetWebhookArgs,
    [["https://a.example", 1, {}]],
    "setWebhook takes 1 argument(s) and an optional trailing object; got 3 arguments",
  );
  refusedWith(
    parseSetWebhookArgs,
    [["https://a.example", { url: "https://a.example" }]],
    'setWebhook has no option "url"; expected one of secretToken, maxConnections, dropPendingUpdates, allowedUpdates',
  );
  // Options are checked before the URL.
  refusedWith(
    parseSetWebhookArgs,
    [["ftp://a.example", { max_connections: 5 }]],
    'setWebhook has no option "max_connections"; expected one of secretToken, maxConnections, dropPendingUpdates, allowedUpdates',
  );
});

Deno.test("parseSetWebhookArgs() refuses anything but an http(s) URL", () => {
  refusedWith(
    parseSetWebhookArgs,
    [
      [],
      [{}],
      [{ secretToken: "x" }],
      [""],
      ["example.com/hook"],
      ["/hook"],
      ["ftp://example.com/"],
      ["ws://example.com/"],
      ["javascript:alert(1)"],
      ["file:///etc/passwd"],
      [42],
      [null, {}],
    ],
    "setWebhook: the first argument must be an http:// or https:// URL",
  );
});

Deno.test("parseSetWebhookArgs() checks secretToken, maxConnections, allowedUpdates and dropPendingUpdates", () => {
  const url = "https://a.example/hook";
  refusedWith(
    parseSetWebhookArgs,
    ["", "a".repeat(257), "with space", "dot.ted", "ü", 5, null].map(
      (secretToken) => [url, { secretToken }],
    ),
    "setWebhook: secretToken must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -",
  );
  refusedWith(
    parseSetWebhookArgs,
    [0, 101, 2.5, "40"].map((maxConnections) => [url, { maxConnections }]),
    "setWebhook: maxConnections must be an integer from 1 to 100",
  );
  refusedWith(
    parseSetWebhookArgs,
    [["nope"], "message", ["newMessage"]].map((allowedUpdates) => [
      url,
      { allowedUpdates },
    ]),
    `setWebhook: ${KINDS_MESSAGE}`,
  );
  refusedWith(
    parseSetWebhookArgs,
    [[url, { dropPendingUpdates: "yes" }]],
    "setWebhook: dropPendingUpdates must be true or false",
  );
});

Deno.test("parseDeleteWebhookArgs() takes an optional dropPendingUpdates, nothing else", () => {
  assertEquals(parseDeleteWebhookArgs([]), { dropPendingUpdates: false });
  assertEquals(parseDeleteWebhookArgs([{ dropPendingUpdates: true }]), {
    dropPendingUpdates: true,
  });
  refusedWith(
    parseDeleteWebhookArgs,
    [[true]],
    "deleteWebhook takes an optional trailing object; got 1 arguments",
  );
  refusedWith(
    parseDeleteWebhookArgs,
    [[{ dropPendingUpdates: true, drop: true }]],
    'deleteWebhook has no option "drop"; expected one of dropPendingUpdates',
  );
  refusedWith(
    parseDeleteWebhookArgs,
    [[{ dropPendingUpdates: 1 }]],
    "deleteWebhook: dropPendingUpdates must be true or false",
  );
});
