import { assertEquals, assertThrows } from "../assert.ts";
import { type Update, webhookHandler } from "../../client/mod.ts";
import { signDelivery } from "../../src/updates/signature.ts";

const SECRET = "s3cret_token-1";
const NOW_MS = Date.parse("2024-06-01T12:00:00Z");
const NOW_S = NOW_MS / 1000;

const ALICE = { id: 1000002, type: "private", firstName: "Alice" };
const BODY = JSON.stringify([
  {
    updateId: 1,
    type: "message",
    message: {
      type: "text",
      id: 5,
      chat: ALICE,
      from: ALICE,
      date: NOW_S - 1,
      isOutgoing: false,
      text: "hi",
      entities: [],
    },
  },
  {
    updateId: 2,
    type: "callbackQuery",
    callbackQuery: {
      id: "-99",
      from: ALICE,
      chatInstance: "42",
      data: "yes",
    },
  },
]);

/** A delivery as the gateway sends it, signed with the gateway's own code. */
async function delivery(
  options: {
    body?: string;
    secret?: string;
    signWith?: string;
    timestamp?: number;
    method?: string;
  } = {},
): Promise<Request> {
  const {
    body = BODY,
    secret = SECRET,
    signWith = SECRET,
    timestamp = NOW_S,
    method = "POST",
  } = options;
  return new Request("http://receiver.example/webhook", {
    method,
    headers: {
      "content-type": "application/json",
      "x-mtkruto-secret-token": secret,
      "x-mtkruto-timestamp": String(timestamp),
      "x-mtkruto-signature": await signDelivery(signWith, timestamp, body),
    },
    body: method === "POST" ? body : undefined,
  });
}

function recordingHandler() {
  const seen: unknown[] = [];
  const handle = webhookHandler({
    message: async (message) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen.push(["message", message.id, message.date, message.chat.id]);
    },
    callbackQuery: (query) => {
      seen.push(["callbackQuery", query.id, query.data]);
    },
  }, { secretToken: SECRET, now: () => NOW_MS });
  return { handle, seen };
}

Deno.test("webhookHandler() answers 200 only after every handler of a valid delivery finished", async () => {
  const { handle, seen } = recordingHandler();
  const response = await handle(await delivery());
  assertEquals(response.status, 200);
  assertEquals(seen, [
    ["message", 5, NOW_S - 1, 1000002],
    ["callbackQuery", "-99", "yes"],
  ]);
});

Deno.test("webhookHandler() refuses a wrong or missing secret token with 401", async () => {
  const { handle, seen } = recordingHandler();
  assertEquals((await handle(await delivery({ secret: "wrong" }))).status, 401);
  assertEquals(
    (await handle(await delivery({ secret: `${SECRET}x` }))).status,
    401,
  );
  const missing = await delivery();
  missing.headers.delete("x-mtkruto-secret-token");
  assertEquals((await handle(missing)).status, 401);
  assertEquals(seen, []);
});

Deno.test("webhookHandler() refuses a wrong, missing or malformed signature with 401", async () => {
  const { handle, seen } = recordingHandler();
  assertEquals(
    (await handle(await delivery({ signWith: "another-secret" }))).status,
    401,
  );
  const tampered = await delivery();
  const forged = new Request(tampered, { body: BODY.replace('"hi"', '"ho"') });
  assertEquals((await handle(forged)).status, 401);
  for (const signature of [null, "sha256=abc", "md5=" + "0".repeat(64)]) {
    const request = await delivery();
    if (signature === null) request.headers.delete("x-mtkruto-signature");
    else request.headers.set("x-mtkruto-signature", signature);
    assertEquals((await handle(request)).status, 401);
  }
  assertEquals(seen, []);
});

Deno.test("webhookHandler() refuses stale, future and malformed timestamps with 401", async () => {
  const { handle, seen } = recordingHandler();
  assertEquals(
    (await handle(await delivery({ timestamp: NOW_S - 301 }))).status,
    401,
  );
  assertEquals(
    (await handle(await delivery({ timestamp: NOW_S + 301 }))).status,
    401,
  );
  assertEquals(
    (await handle(await delivery({ timestamp: NOW_S - 299 }))).status,
    200,
  );
  const malformed = await delivery();
  malformed.headers.set("x-mtkruto-timestamp", "12.5");
  assertEquals((await handle(malformed)).status, 401);
  assertEquals(seen.length, 2);
});

Deno.test("webhookHandler() honours toleranceSeconds", async () => {
  const handle = webhookHandler({}, {
    secretToken: SECRET,
    now: () => NOW_MS,
    toleranceSeconds: 10,
  });
  assertEquals(
    (await handle(await delivery({ timestamp: NOW_S - 11 }))).status,
    401,
  );
  assertEquals(
    (await handle(await delivery({ timestamp: NOW_S - 9 }))).status,
    200,
  );
});

Deno.test("webhookHandler() answers 500 when a handler throws, so the gateway delivers again", async () => {
  const reported: [unknown, Update][] = [];
  const ran: number[] = [];
  const failure = new Error("database down");
  const handle = webhookHandler({
    message: () => {
      throw failure;
    },
    callbackQuery: () => {
      ran.push(2);
    },
  }, {
    secretToken: SECRET,
    now: () => NOW_MS,
    onError: (error, update) => reported.push([error, update]),
  });
  const response = await handle(await delivery());
  assertEquals(response.status, 500);
  assertEquals(reported.map(([error, update]) => [error, update.updateId]), [[
    failure,
    1,
  ]]);
  assertEquals(ran, []);
});

Deno.test("webhookHandler() answers 405 to other methods, 400 to a body that is not updates, 413 to a large body", async () => {
  const { handle } = recordingHandler();
  const get = await handle(await delivery({ method: "GET" }));
  assertEquals([get.status, get.headers.get("allow")], [405, "POST"]);
  for (
    const body of [
      '{"updateId":1,"type":"message"}',
      '[{"updateId":1,"message":{}}]',
      '[{"updateId":1.5,"type":"message"}]',
    ]
  ) {
    assertEquals([body, (await handle(await delivery({ body }))).status], [
      body,
      400,
    ]);
  }
  assertEquals((await handle(await delivery({ body: "[1," }))).status, 400);
  const small = webhookHandler({}, {
    secretToken: SECRET,
    now: () => NOW_MS,
    maxBodyBytes: 10,
  });
  assertEquals((await small(await delivery())).status, 413);
});

Deno.test("webhookHandler() needs a secret token", () => {
  assertThrows(() => webhookHandler({}, { secretToken: "" }), RangeError);
  assertThrows(
    () => webhookHandler({}, { secretToken: SECRET, toleranceSeconds: 0 }),
    RangeError,
  );
});

Deno.test("webhookHandler() works behind Deno.serve with a streamed body", async () => {
  const seen: number[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    webhookHandler({ message: (message) => void seen.push(message.id) }, {
      secretToken: SECRET,
    }),
  );
  try {
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify([
      { updateId: 1, type: "message", message: { id: 1 } },
      { updateId: 2, type: "message", message: { id: 2 } },
    ]);
    const response = await fetch(`http://127.0.0.1:${server.addr.port}/hook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-mtkruto-secret-token": SECRET,
        "x-mtkruto-timestamp": String(timestamp),
        "x-mtkruto-signature": await signDelivery(SECRET, timestamp, body),
      },
      body: new Blob([body]).stream(),
    });
    await response.body?.cancel();
    assertEquals([response.status, seen], [200, [1, 2]]);
  } finally {
    await server.shutdown();
  }
});
