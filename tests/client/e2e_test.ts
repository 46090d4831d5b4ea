/** End to end: the client library's calls, errors, timeouts and files against the real gateway (main.ts) and the DC emulator. */
import { assertEquals, assertMatch, assertRejects } from "../assert.ts";
import {
  Client,
  InputError,
  InputFile,
  NetworkError,
  RpcError,
  TimeoutError,
  UnauthorizedError,
} from "../../client/mod.ts";
import { chatWith, options, readAll, withClient } from "./_e2e_world.ts";
import type { Dc } from "../e2e/harness.ts";

/** How often the account called `method`, failed calls included (the emulator's call log). */
async function callsOf(dc: Dc, account: number, method: string) {
  const calls = await dc.control<string[]>("GET", `/calls?account=${account}`);
  return calls.filter((name) => name === method).length;
}

Deno.test(
  "Client.getMe() returns MTKruto's User of the bot",
  options,
  () =>
    withClient(async ({ client, bot }) => {
      const me = await client.getMe();
      assertEquals([me.id, me.isBot, me.username, me.isSelf], [
        bot.id,
        true,
        "e2e_bot",
        true,
      ]);
      assertEquals(typeof me.firstName, "string");
      // Nothing of mtcute's User leaks into MTKruto's.
      assertEquals(
        ["type", "displayName", "inputPeer"].filter((key) => key in me),
        [],
      );
    }),
);

Deno.test(
  "client.mtcute.* calls mtcute's methods: getMe and sendText answer in mtcute's shapes",
  options,
  () =>
    withClient(async ({ dc, client, bot, userId }) => {
      const me = await client.mtcute.getMe();
      assertEquals([me.id, me.isBot, me.username, me.type], [
        bot.id,
        true,
        "e2e_bot",
        "user",
      ]);
      assertEquals(typeof me.inputPeer, "object");
      const sent = await client.mtcute.sendText("@alice", "via mtcute");
      // mtcute's Message: a Date, and no MTKruto `type`.
      assertEquals([sent.text, sent.date instanceof Date, sent.chat.id], [
        "via mtcute",
        true,
        userId,
      ]);
      assertEquals("type" in sent, false);
      const chat = await chatWith(dc, userId, bot.id);
      assertEquals(chat.map((m) => [m.from, m.text]), [[bot.id, "via mtcute"]]);
    }),
);

Deno.test(
  "Client.sendMessage() reaches the emulator user as MTKruto's MessageText; getMessages() and getMessage() read it back",
  options,
  () =>
    withClient(async ({ dc, client, bot, userId }) => {
      // A bot can only write to users it has met: the username resolves Alice.
      const message = await client.sendMessage("@alice", "Hello, Alice!");
      assertEquals(
        [
          message.type,
          message.text,
          typeof message.date,
          message.chat.id,
          message.chat.type,
          message.from.id,
          message.isOutgoing,
        ],
        ["text", "Hello, Alice!", "number", userId, "private", bot.id, true],
      );
      const chat = await chatWith(dc, userId, bot.id);
      assertEquals(chat.map((m) => [m.from, m.text]), [[
        bot.id,
        "Hello, Alice!",
      ]]);
      const [fetched] = await client.getMessages(userId, [message.id]);
      assertEquals(
        fetched.type === "text" ? [fetched.id, fetched.text] : fetched.type,
        [message.id, "Hello, Alice!"],
      );
      const one = await client.getMessage(userId, message.id);
      assertEquals(one?.id, message.id);
    }),
);

Deno.test(
  "Client.invoke() sends TL-JSON and revives longs in the answer",
  options,
  () =>
    withClient(async ({ client, bot }) => {
      const users = await client.invoke<
        { _: string; id: number; access_hash: bigint }[]
      >({
        _: "users.getUsers",
        id: [{ _: "inputUserSelf" }],
      });
      assertEquals([users[0]._, users[0].id, typeof users[0].access_hash], [
        "user",
        bot.id,
        "bigint",
      ]);
      const pong = await client.invoke<
        { _: string; ping_id: bigint; msg_id: bigint }
      >({ _: "ping", ping_id: 123456n });
      assertEquals([pong._, pong.ping_id, typeof pong.msg_id], [
        "pong",
        123456n,
        "bigint",
      ]);
    }),
);

Deno.test(
  "Client errors from the gateway and from Telegram arrive as their classes",
  options,
  () =>
    withClient(async ({ dc, gateway, client, bot, userId }) => {
      const unknown = await assertRejects(
        client.call("noSuchMethod"),
        InputError,
      );
      assertEquals([unknown.status, unknown.message], [
        404,
        "Unknown method: noSuchMethod",
      ]);
      assertMatch(unknown.requestId ?? "", /^[A-Za-z0-9_-]+$/);
      const unprefixed = await assertRejects(
        client.call("sendText", userId, "hi"),
        InputError,
      );
      assertEquals([unprefixed.status, unprefixed.message], [
        404,
        "Unknown method: sendText; mtcute's sendText is called as mtcute.sendText",
      ]);
      // MTKruto's parameters are checked before Telegram is asked.
      const badText = await assertRejects(
        client.sendMessage("@alice", 42 as unknown as string),
        InputError,
      );
      assertEquals([badText.status, badText.message], [
        400,
        "Argument 2 of sendMessage (text) must be a string; got the number 42",
      ]);

      const refused = await assertRejects(
        client.invoke({ _: "auth.logOut" }),
        InputError,
      );
      assertEquals(refused.status, 403);

      await dc.control("POST", "/faults", {
        method: "messages.sendMessage",
        error: "FLOOD_WAIT_42",
        times: 1,
      });
      const flood = await assertRejects(
        client.sendMessage("@alice", "hi"),
        RpcError,
      );
      assertEquals(
        [flood.code, flood.text, flood.retryAfter, flood.floodWait],
        [420, "FLOOD_WAIT_42", 42, 42],
      );

      // Telegram's own answer for a message that does not exist.
      const missing = await assertRejects(
        client.editMessageText(userId, 999_999, "new text"),
        RpcError,
      );
      assertEquals([missing.code, missing.is("MESSAGE_ID_INVALID")], [
        400,
        true,
      ]);

      const stranger = new Client(
        `${gateway.url}/bot${bot.id}:${"A".repeat(35)}`,
      );
      await assertRejects(stranger.getMe(), UnauthorizedError);
    }),
);

Deno.test(
  "Client retries a FLOOD_WAIT from Telegram when asked to, and not one longer than maxWaitSeconds",
  options,
  () =>
    withClient(async ({ dc, newClient, bot }) => {
      const client = newClient({
        floodWait: { maxRetries: 1, maxWaitSeconds: 2 },
      });
      await client.getMe();
      await dc.control("POST", "/faults", {
        method: "messages.sendMessage",
        error: "FLOOD_WAIT_1",
        times: 1,
      });
      const started = Date.now();
      const sent = await client.sendMessage("@alice", "after the wait");
      assertEquals(sent.text, "after the wait");
      assertEquals(Date.now() - started >= 1000, true);
      assertEquals(await callsOf(dc, bot.id, "messages.sendMessage"), 2);

      await dc.control("POST", "/faults", {
        method: "messages.sendMessage",
        error: "FLOOD_WAIT_30",
        times: 1,
      });
      const tooLong = await assertRejects(
        client.sendMessage("@alice", "not sent"),
        RpcError,
      );
      assertEquals(tooLong.floodWait, 30);
      assertEquals(await callsOf(dc, bot.id, "messages.sendMessage"), 3);
    }),
);

Deno.test(
  "Client times out: the gateway's --request-timeout is a TimeoutError, the client's own timeoutMs a NetworkError",
  options,
  () =>
    withClient(async ({ dc, newClient }) => {
      const client = newClient();
      await client.getMe();
      const slowTelegram = {
        method: "messages.sendMessage",
        delayMs: 5_000,
        times: 1,
      };
      await dc.control("POST", "/faults", slowTelegram);
      const gatewayGaveUp = await assertRejects(
        client.sendMessage("@alice", "slow"),
        TimeoutError,
      );
      assertEquals(gatewayGaveUp.status, 504);

      await dc.control("POST", "/faults", slowTelegram);
      const impatient = newClient({ timeoutMs: 500 });
      const clientGaveUp = await assertRejects(
        impatient.sendMessage("@alice", "slower"),
        NetworkError,
      );
      assertEquals([clientGaveUp.timedOut, clientGaveUp.method], [
        true,
        "sendMessage",
      ]);
    }, { gatewayArgs: ["--request-timeout", "2"] }),
);

Deno.test(
  "Client.sendDocument() uploads an InputFile and a ReadableStream as multipart",
  options,
  () =>
    withClient(async ({ dc, client, bot, userId }) => {
      const bytes = new TextEncoder().encode("uploaded through the client");
      const message = await client.sendDocument(
        "@alice",
        new InputFile(bytes, { name: "note.txt", type: "text/plain" }),
        { caption: "a note" },
      );
      assertEquals(
        [
          message.type,
          message.caption,
          message.document.fileName,
          message.document.mimeType,
          message.document.fileSize,
        ],
        ["document", "a note", "note.txt", "text/plain", bytes.length],
      );
      const streamed = await client.sendDocument(
        userId,
        new Blob([bytes]).stream(),
        { fileName: "streamed.txt" },
      );
      assertEquals(streamed.document.fileName, "streamed.txt");
      const chat = await chatWith(dc, userId, bot.id);
      assertEquals(
        chat.map(({ media }) =>
          media?.type === "document"
            ? [media.type, media.fileName, media.size]
            : media?.type
        ),
        [
          ["document", "note.txt", bytes.length],
          ["document", "streamed.txt", bytes.length],
        ],
      );
    }),
);

Deno.test(
  "Client.download() streams an uploaded file back by message, by media object and by fileId with a range",
  options,
  () =>
    withClient(async ({ client }) => {
      const bytes = new TextEncoder().encode("0123456789abcdef");
      const message = await client.sendDocument(
        "@alice",
        new Blob([bytes], { type: "application/octet-stream" }),
        { fileName: "digits.bin" },
      );
      // By message: the gateway names the file and knows its size.
      const whole = await client.download(message);
      assertEquals(await readAll(whole.body), bytes);
      assertEquals([whole.status, whole.size, whole.fileName], [
        200,
        bytes.length,
        "digits.bin",
      ]);
      const byMedia = await client.download(message.document);
      assertEquals(await readAll(byMedia.body), bytes);
      const part = await client.download(message.document.fileId, {
        range: { start: 2, end: 5 },
      });
      assertEquals([part.status, await new Response(part.body).text()], [
        206,
        "2345",
      ]);
    }),
);
