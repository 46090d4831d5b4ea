import {
  assertEquals,
  assertMatch,
  assertRejects,
  assertThrows,
} from "../assert.ts";
import { Client, NetworkError } from "../../client/mod.ts";
import { botEndpoint, json, withFakeServer } from "./_fake_server.ts";

Deno.test("Client.call() POSTs the arguments as a JSON array to <endpoint>/<method>, the name unchanged", () =>
  withFakeServer(() => json(null), async ({ url, received }) => {
    const client = new Client(botEndpoint(url));
    await client.call("sendMessage", 1234, "Hello, world!", { isSilent: true });
    await client.call("mtcute.sendText", 1234, "Hi", { silent: true });
    assertEquals(received.map((r) => r.method), ["POST", "POST"]);
    assertEquals(received.map((r) => r.path), [
      "/bot123456:AAH0123456789abcdefghijklmnopqrstuv/sendMessage",
      "/bot123456:AAH0123456789abcdefghijklmnopqrstuv/mtcute.sendText",
    ]);
    assertEquals(received[0].headers.get("content-type"), "application/json");
    assertEquals(received.map((r) => JSON.parse(r.text)), [
      [1234, "Hello, world!", { isSilent: true }],
      [1234, "Hi", { silent: true }],
    ]);
  }));

Deno.test("Client.call() encodes bigint, bytes and dates and drops trailing undefined arguments", () =>
  withFakeServer(() => json(null), async ({ url, received }) => {
    const client = new Client(`${url}/userAbcdefghijklmnopqrstuvwx/`);
    await client.call(
      "someMethod",
      123n,
      new Uint8Array([1, 2]),
      { when: new Date("2024-05-06T07:08:09.000Z"), skip: undefined },
      undefined,
      undefined,
    );
    assertEquals(received[0].path, "/userAbcdefghijklmnopqrstuvwx/someMethod");
    assertEquals(JSON.parse(received[0].text), [
      { _: "bigint", value: "123" },
      { _: "bytes", value: "AQI=" },
      { when: { _: "date", value: "2024-05-06T07:08:09.000Z" } },
    ]);
  }));

Deno.test("Client.call() revives the wrappers in results", () =>
  withFakeServer(
    () =>
      json({
        id: 42,
        date: { _: "date", value: "2024-01-02T03:04:05.006Z" },
        groupedId: { _: "bigint", value: "9007199254740993" },
        thumb: { _: "bytes", value: "/w==" },
      }),
    async ({ url }) => {
      const message = await new Client(botEndpoint(url)).call("getMessage");
      assertEquals(message, {
        id: 42,
        date: new Date("2024-01-02T03:04:05.006Z"),
        groupedId: 9007199254740993n,
        thumb: new Uint8Array([255]),
      });
    },
  ));

Deno.test("Client typed methods call mtcute's methods (mtcute.<name>) in mtcute's argument order", () =>
  withFakeServer(
    () => json({ id: 1, date: { _: "date", value: "2024-01-01T00:00:00Z" } }),
    async ({ url, received }) => {
      const client = new Client(botEndpoint(url));
      await client.getMe();
      const sent = await client.sendText("@alice", "hi", { replyTo: 5 });
      assertEquals(sent.date, new Date("2024-01-01T00:00:00Z"));
      await client.answerCallbackQuery({ id: 77n } as never, { text: "ok" });
      // A callbackQuery update's query, and its id: decimal strings, sent as mtcute's 64-bit id.
      await client.answerCallbackQuery({
        id: "-9007199254740993",
        from: { id: 1 },
      });
      await client.answerCallbackQuery("78");
      await client.deleteMessagesById(10, [1, 2]);
      await client.getHistory(10, { limit: 5 });
      await client.editMessage({ chatId: 10, message: 3, text: "new" });
      assertEquals(
        received.map((r) => [r.path.split("/").at(-1), JSON.parse(r.text)]),
        [
          ["mtcute.getMe", []],
          ["mtcute.sendText", ["@alice", "hi", { replyTo: 5 }]],
          ["mtcute.answerCallbackQuery", [{ _: "bigint", value: "77" }, {
            text: "ok",
          }]],
          ["mtcute.answerCallbackQuery", [{
            _: "bigint",
            value: "-9007199254740993",
          }]],
          ["mtcute.answerCallbackQuery", [{ _: "bigint", value: "78" }]],
          ["mtcute.deleteMessagesById", [10, [1, 2]]],
          ["mtcute.getHistory", [10, { limit: 5 }]],
          ["mtcute.editMessage", [{ chatId: 10, message: 3, text: "new" }]],
        ],
      );
      const badId = await assertRejects(
        client.answerCallbackQuery("not a number"),
        TypeError,
      );
      assertEquals(
        badId.message,
        'Invalid callback query id: expected a decimal integer, got "not a number"',
      );
      assertEquals(received.length, 8);
    },
  ));

Deno.test("Client.invoke() sends one TL-JSON object and revives the TL-JSON answer", () =>
  withFakeServer(
    () =>
      json({
        _: "pong",
        msg_id: { _: "bigint", value: "1" },
        ping_id: { _: "bigint", value: "123456" },
      }),
    async ({ url, received }) => {
      const pong = await new Client(botEndpoint(url)).invoke({
        _: "ping",
        ping_id: 123456n,
      });
      assertEquals(JSON.parse(received[0].text), [{
        _: "ping",
        ping_id: { _: "bigint", value: "123456" },
      }]);
      assertEquals(pong, { _: "pong", msg_id: 1n, ping_id: 123456n });
    },
  ));

Deno.test("Client sends its extra headers and per-call headers", () =>
  withFakeServer(
    () => json({ gateway: ["invoke"] }),
    async ({ url, received }) => {
      const client = new Client(botEndpoint(url), {
        headers: { authorization: "Bearer x" },
      });
      assertEquals(await client.methods(), { gateway: ["invoke"] });
      await client.callWithOptions("getMe", [], {
        headers: { "x-trace": "1" },
      });
      assertEquals(received[0].headers.get("authorization"), "Bearer x");
      assertEquals(received[1].headers.get("x-trace"), "1");
      assertEquals(received[1].headers.get("authorization"), "Bearer x");
    },
  ));

Deno.test("new Client() rejects endpoints without a client, with a query, or not http(s), without echoing them", () => {
  for (
    const endpoint of [
      "not a url",
      "ftp://host/bot1:secret",
      "http://localhost:8000",
      "http://localhost:8000/",
      "http://localhost:8000/bot1:secret?x=1",
    ]
  ) {
    const error = assertThrows(() => new Client(endpoint), TypeError);
    assertEquals(error.message.includes("secret"), false);
  }
  assertThrows(
    () => new Client("http://localhost/bot1:x", { timeoutMs: 0 }),
    RangeError,
  );
});

Deno.test("Client.call() fails with a NetworkError (timedOut) when the answer takes longer than timeoutMs", () =>
  withFakeServer(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return json(null);
  }, async ({ url }) => {
    const client = new Client(botEndpoint(url), { timeoutMs: 50 });
    const error = await assertRejects(client.call("getMe"), NetworkError);
    assertEquals([error.timedOut, error.method], [true, "getMe"]);
    assertMatch(error.message, /no answer within 50 ms/);
  }));

Deno.test("Client.call() rejects with the signal's reason when aborted", () =>
  withFakeServer(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return json(null);
  }, async ({ url }) => {
    const controller = new AbortController();
    const reason = new Error("stop");
    setTimeout(() => controller.abort(reason), 20);
    const call = new Client(botEndpoint(url)).callWithOptions("getMe", [], {
      signal: controller.signal,
    });
    assertEquals(await call.then(() => "resolved", (error) => error), reason);
  }));

Deno.test("Client.call() fails with a NetworkError when nothing listens, without the token in the message", async () => {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(),
  );
  const url = `http://127.0.0.1:${server.addr.port}`;
  await server.shutdown();
  const error = await assertRejects(
    new Client(botEndpoint(url)).call("getMe"),
    NetworkError,
  );
  assertEquals(error.timedOut, false);
  assertEquals(error.message.includes("AAH0123456789"), false);
});

Deno.test("Client.call() fails with a NetworkError when a 200 answer is not JSON", () =>
  withFakeServer(() => new Response("<html>proxy</html>"), async ({ url }) => {
    await assertRejects(
      new Client(botEndpoint(url)).call("getMe"),
      NetworkError,
    );
  }));

Deno.test("Client accepts a custom fetch", async () => {
  const seen: string[] = [];
  const client = new Client(
    "https://gateway.example/bot1:AAH0123456789abcdefghijklmnopqrstuv",
    {
      fetch: (input) => {
        seen.push(String(input));
        return Promise.resolve(json({ id: 1 }));
      },
    },
  );
  assertEquals(await client.call("getMe"), { id: 1 });
  assertEquals(seen, [
    "https://gateway.example/bot1:AAH0123456789abcdefghijklmnopqrstuv/getMe",
  ]);
});
