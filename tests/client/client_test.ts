import {
  assertEquals,
  assertMatch,
  assertRejects,
  assertThrows,
} from "../assert.ts";
import { Client, ConflictError, NetworkError } from "../../client/mod.ts";
import {
  botEndpoint,
  gatewayError,
  json,
  withFakeServer,
} from "./_fake_server.ts";

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
      const message = await new Client(botEndpoint(url)).call(
        "getMessage",
        34,
        42,
      );
      assertEquals(message, {
        id: 42,
        date: new Date("2024-01-02T03:04:05.006Z"),
        groupedId: 9007199254740993n,
        thumb: new Uint8Array([255]),
      });
    },
  ));

Deno.test("Client's methods are MTKruto's, by name and position; client.mtcute.<name> calls mtcute.<name>", () =>
  withFakeServer(
    () => json({ id: 1, type: "text", text: "hi" }),
    async ({ url, received }) => {
      const client = new Client(botEndpoint(url));
      await client.getMe();
      const sent = await client.sendMessage(1234, "hi", {
        parseMode: "HTML",
        replyTo: { type: "message", messageId: 5 },
      });
      assertEquals(sent.text, "hi");
      await client.answerCallbackQuery("77", { text: "ok" });
      await client.deleteMessages(10, [1, 2]);
      await client.editMessageText(10, 3, "new");
      await client.mtcute.sendText("@alice", "hi", { silent: true });
      await client.mtcute.getFullChat(10);
      assertEquals(
        received.map((r) => [r.path.split("/").at(-1), JSON.parse(r.text)]),
        [
          ["getMe", []],
          ["sendMessage", [1234, "hi", {
            parseMode: "HTML",
            replyTo: { type: "message", messageId: 5 },
          }]],
          ["answerCallbackQuery", ["77", { text: "ok" }]],
          ["deleteMessages", [10, [1, 2]]],
          ["editMessageText", [10, 3, "new"]],
          ["mtcute.sendText", ["@alice", "hi", { silent: true }]],
          ["mtcute.getFullChat", [10]],
        ],
      );
    },
  ));

Deno.test("Client uploads bare bytes as files in MTKruto's methods and sends them as bytes wrappers elsewhere", () =>
  withFakeServer(() => json({ id: 1 }), async ({ url, received }) => {
    const client = new Client(botEndpoint(url));
    await client.sendPhoto(1234, new Uint8Array([0xff, 0xd8]), {
      caption: "pic",
    });
    await client.mtcute.uploadFile({ file: new Uint8Array([1, 2]) });
    const form = received[0].form;
    assertEquals(form?.get("arg1"), '{"_":"file","field":"file0"}');
    const file = form?.get("file0") as File;
    assertEquals(
      [file.name, [...new Uint8Array(await file.arrayBuffer())]],
      ["file", [0xff, 0xd8]],
    );
    assertEquals(JSON.parse(received[1].text), [{
      file: { _: "bytes", value: "AQI=" },
    }]);
  }));

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

Deno.test("Client.start() fails when the updates are held elsewhere, and polls with confirmed offsets until stop()", async () => {
  const message = {
    type: "text",
    id: 1,
    chat: { id: 5, type: "private" },
    from: { id: 5, type: "private" },
    text: "hi",
  };
  await withFakeServer((request) => {
    if (request.path.endsWith("/getMe")) return json({ id: 1, isBot: true });
    const { offset } = JSON.parse(request.text)[0];
    return offset === 0
      ? gatewayError("Conflict: a webhook is set", 409, "conflict")
      : json([]);
  }, async ({ url }) => {
    const client = new Client(botEndpoint(url));
    await assertRejects(client.start(), ConflictError);
  });
  await withFakeServer((request) => {
    if (request.path.endsWith("/getMe")) return json({ id: 1, isBot: true });
    const { offset } = JSON.parse(request.text)[0];
    return json(
      offset === 0 ? [{ updateId: 1, type: "message", message }] : [],
    );
  }, async ({ url, received }) => {
    const client = new Client(botEndpoint(url));
    const seen: string[] = [];
    client.on("message:text", (ctx) => {
      seen.push(ctx.msg.text);
    });
    await client.start({ timeout: 1 });
    await assertRejects(client.start(), Error);
    while (!seen.length) await new Promise((r) => setTimeout(r, 10));
    await client.stop();
    assertEquals(seen, ["hi"]);
    const offsets = received
      .filter((r) => r.path.endsWith("/getUpdates"))
      .map((r) => JSON.parse(r.text)[0].offset);
    // The probe and the first poll see update 1 unconfirmed; later polls confirm it.
    assertEquals(offsets.slice(0, 2), [0, 0]);
    assertEquals(offsets.at(-1), 2);
  });
});
