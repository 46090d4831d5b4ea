/** End to end: the client library's calls, errors and files against the real gateway (main.ts) and the DC emulator. */
import { assertEquals, assertMatch, assertRejects } from "../assert.ts";
import {
  Client,
  InputError,
  InputFile,
  RpcError,
  UnauthorizedError,
} from "../../client/mod.ts";
import { chatWith, options, withClient } from "./_e2e_world.ts";

Deno.test(
  "Client.getMe() returns mtcute's User of the bot; call(\"getMe\") MTKruto's",
  options,
  () =>
    withClient(async ({ client, bot }) => {
      const me = await client.getMe();
      assertEquals([me.id, me.isBot, me.username, me.type], [
        bot.id,
        true,
        "e2e_bot",
        "user",
      ]);
      assertEquals(typeof me.inputPeer, "object");
      const mtkruto = await client.call("getMe") as Record<string, unknown>;
      assertEquals(
        [mtkruto.id, mtkruto.isBot, mtkruto.username, mtkruto.isSelf],
        [bot.id, true, "e2e_bot", true],
      );
      assertEquals(typeof mtkruto.firstName, "string");
      assertEquals(
        ["type", "displayName", "inputPeer"].filter((key) => key in mtkruto),
        [],
      );
    }),
);

Deno.test(
  "Client.sendText() reaches the emulator user and returns a revived Message",
  options,
  () =>
    withClient(async ({ dc, client, bot, userId }) => {
      // A bot can only write to users it has met: the username resolves Alice.
      const message = await client.sendText("@alice", "Hello, Alice!");
      assertEquals(message.text, "Hello, Alice!");
      assertEquals(message.date instanceof Date, true);
      assertEquals(message.chat.id, userId);
      const chat = await chatWith(dc, userId, bot.id);
      assertEquals(chat.map((m) => [m.from, m.text]), [[
        bot.id,
        "Hello, Alice!",
      ]]);
      const [fetched] = await client.getMessages(userId, [message.id]);
      assertEquals(fetched?.text, "Hello, Alice!");
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
    }),
);

Deno.test(
  "Client.invoke() pings with a bigint and gets bigints back",
  options,
  () =>
    withClient(async ({ client }) => {
      const pong = await client.invoke<
        { _: string; ping_id: bigint; msg_id: bigint }
      >({
        _: "ping",
        ping_id: 123456n,
      });
      assertEquals([pong._, pong.ping_id, typeof pong.msg_id], [
        "pong",
        123456n,
        "bigint",
      ]);
    }),
);

Deno.test(
  "Client errors from the gateway arrive as their classes",
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

      const refused = await assertRejects(
        client.invoke({ _: "auth.logOut" }),
        InputError,
      );
      assertEquals(refused.status, 403);

      await client.getMe();
      await dc.control("POST", "/faults", {
        method: "messages.sendMessage",
        error: "FLOOD_WAIT_42",
        times: 1,
      });
      const flood = await assertRejects(
        client.sendText("@alice", "hi"),
        RpcError,
      );
      assertEquals(
        [flood.code, flood.text, flood.retryAfter, flood.floodWait],
        [420, "FLOOD_WAIT_42", 42, 42],
      );

      await dc.control("POST", "/faults", {
        method: "messages.getHistory",
        error: "CHAT_ADMIN_REQUIRED",
        times: 1,
      });
      const rpc = await assertRejects(client.getHistory(userId), RpcError);
      assertEquals([rpc.code, rpc.is("CHAT_ADMIN_REQUIRED")], [400, true]);

      const stranger = new Client(
        `${gateway.url}/bot${bot.id}:${"A".repeat(35)}`,
      );
      await assertRejects(stranger.getMe(), UnauthorizedError);
    }),
);

Deno.test(
  "Client retries a FLOOD_WAIT from Telegram when asked to",
  options,
  () =>
    withClient(async ({ dc, gateway, bot }) => {
      const client = new Client(`${gateway.url}/bot${bot.token}`, {
        floodWait: { maxRetries: 1, maxWaitSeconds: 2 },
      });
      await client.getMe();
      await dc.control("POST", "/faults", {
        method: "messages.sendMessage",
        error: "FLOOD_WAIT_1",
        times: 1,
      });
      const sent = await client.sendText("@alice", "after the wait");
      assertEquals(sent.text, "after the wait");
    }),
);

Deno.test(
  "Client.sendMedia() uploads a file as multipart",
  options,
  () =>
    withClient(async ({ dc, client, bot, userId }) => {
      const bytes = new TextEncoder().encode("uploaded through the client");
      const message = await client.sendMedia("@alice", {
        type: "document",
        file: new InputFile(bytes, { name: "note.txt", type: "text/plain" }),
        fileName: "note.txt",
      });
      assertEquals(message.media?.type, "document");
      const chat = await chatWith(dc, userId, bot.id);
      assertEquals(chat.at(-1)?.media?.size, bytes.length);
    }),
);

Deno.test({
  name: "Client.download() streams an uploaded file back, whole and by range",
  ...options,
  fn: () =>
    withClient(async ({ client }) => {
      const bytes = new TextEncoder().encode("0123456789abcdef");
      const message = await client.sendMedia("@alice", {
        type: "document",
        file: new Blob([bytes], { type: "application/octet-stream" }),
        fileName: "digits.bin",
      });
      // By message: the gateway names the file and knows its size.
      const whole = await client.download(message);
      assertEquals(
        new Uint8Array(await new Response(whole.body).arrayBuffer()),
        bytes,
      );
      assertEquals([whole.status, whole.size, whole.fileName], [
        200,
        bytes.length,
        "digits.bin",
      ]);
      const part = await client.download(message.media!.fileId!, {
        range: { start: 2, end: 5 },
      });
      assertEquals([part.status, await new Response(part.body).text()], [
        206,
        "2345",
      ]);
    }),
});
