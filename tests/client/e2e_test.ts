/** End to end: the client library against the real gateway (main.ts) and the DC emulator. */
import { assertEquals, assertMatch, assertRejects } from "../assert.ts";
import { withWorld } from "../e2e/harness.ts";
import type { Dc, World } from "../e2e/harness.ts";
import { spawnDeno } from "../e2e/process.ts";
import {
  Client,
  ConflictError,
  InputError,
  InputFile,
  type Message,
  RpcError,
  UnauthorizedError,
  type Update,
  webhookHandler,
} from "../../client/mod.ts";

/** The harness' world (bot `@e2e_bot`, user `@alice`) with a Client of the bot. */
function withClient(
  fn: (world: World & { client: Client }) => Promise<void>,
): Promise<void> {
  return withWorld((world) =>
    fn({
      ...world,
      client: new Client(`${world.gateway.url}/bot${world.bot.token}`, {
        timeoutMs: 30_000,
      }),
    })
  );
}

const options = { sanitizeOps: false, sanitizeResources: false };

/** Resolves with what `fn` gives when it first returns something other than undefined; rejects after `timeoutMs`. */
async function eventually<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Nothing happened within ${timeoutMs} ms`);
}

/** Sends `message` from the user to the bot, then waits until `received()` (at most `timeoutMs`). */
async function sendAndWait(
  dc: Dc,
  message: { from: number; to: number; text: string },
  received: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  await dc.control("POST", "/messages", message);
  await eventually(async () => await received() || undefined, timeoutMs);
}

function chatWith(dc: Dc, user: number, peer: number) {
  return dc.control<
    {
      from: number;
      text: string;
      media?: { type: string; fileName?: string; size: number };
    }[]
  >(
    "GET",
    `/messages?user=${user}&peer=${peer}`,
  );
}

Deno.test(
  "Client.getMe() returns the bot, with revived values",
  options,
  () =>
    withClient(async ({ client, bot }) => {
      const me = await client.getMe();
      assertEquals([me.id, me.isBot, me.username], [
        bot.id,
        true,
        "e2e_bot",
      ]);
      assertEquals(typeof me.inputPeer, "object");
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

Deno.test({
  name: "Client.poll() receives a user's message and the bot echoes it",
  ...options,
  fn: () =>
    withClient(async ({ dc, client, bot, userId }) => {
      // Logged in first: Telegram gives a session only the updates after its login.
      await client.getMe();
      const stop = new AbortController();
      const seen: Message[] = [];
      let handledId = 0;
      const polling = client.poll({
        newMessage: async (message, update) => {
          if (message.isOutgoing || seen.length) return;
          seen.push(message);
          handledId = update.updateId;
          await client.sendText(message.chat.id, message.text);
          stop.abort();
        },
      }, { signal: stop.signal, timeout: 5 });
      try {
        await sendAndWait(dc, {
          from: userId,
          to: bot.id,
          text: "echo me",
        }, () => stop.signal.aborted);
      } finally {
        stop.abort();
        await polling;
      }
      assertEquals(
        seen.map((m) => [m.sender.id, m.text, m.date instanceof Date]),
        [[userId, "echo me", true]],
      );
      const chat = await chatWith(dc, userId, bot.id);
      assertEquals(chat.filter((m) => m.from === bot.id).map((m) => m.text), [
        "echo me",
      ]);
      // Confirmed on the way out: nothing is left.
      const left = await client.getUpdates({ timeout: 0 });
      assertEquals(left.filter((u) => u.updateId <= handledId), []);
    }),
});

Deno.test({
  name:
    "Client.getUpdates() rejects with ConflictError when a second poll replaces it",
  ...options,
  fn: () =>
    withClient(async ({ client }) => {
      await client.getMe();
      const first = client.getUpdates({ timeout: 20 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const second = client.getUpdates({ timeout: 0 });
      const [firstOutcome, secondOutcome] = await Promise.allSettled([
        first,
        second,
      ]);
      const reason = firstOutcome.status === "rejected"
        ? firstOutcome.reason
        : undefined;
      assertEquals([
        firstOutcome.status,
        reason?.name,
        reason instanceof ConflictError,
      ], [
        "rejected",
        "ConflictError",
        true,
      ]);
      assertEquals(secondOutcome.status, "fulfilled");
    }),
});

Deno.test({
  name:
    "webhookHandler() receives signed deliveries; a failing handler makes the gateway deliver again",
  ...options,
  fn: () =>
    withClient(async ({ dc, client, bot, userId }) => {
      const secretToken = "client-e2e-secret";
      const calls: Update[] = [];
      let failNext = true;
      const receiver = Deno.serve(
        { hostname: "127.0.0.1", port: 0, onListen() {} },
        webhookHandler({
          newMessage: (_message, update) => {
            calls.push(update);
            if (failNext) {
              failNext = false;
              throw new Error("first delivery fails on purpose");
            }
          },
        }, { secretToken, onError: () => {} }),
      );
      try {
        const url = `http://127.0.0.1:${receiver.addr.port}/hook`;
        assertEquals(await client.setWebhook(url, { secretToken }), true);
        assertEquals((await client.getWebhookInfo()).url, url);
        await assertRejects(client.poll({}), ConflictError);
        await sendAndWait(
          dc,
          { from: userId, to: bot.id, text: "via webhook" },
          () => calls.length >= 2,
          40_000,
        );
        assertEquals(
          calls.slice(0, 2).map((u) => "newMessage" in u && u.newMessage.text),
          ["via webhook", "via webhook"],
        );
        assertEquals(calls[0].updateId, calls[1].updateId);
        await eventually(async () =>
          (await client.getWebhookInfo()).pendingUpdateCount === 0
            ? true
            : undefined
        );
        assertEquals(await client.deleteWebhook(), true);
        assertEquals((await client.getWebhookInfo()).url, "");
      } finally {
        await receiver.shutdown();
      }
    }),
});

Deno.test({
  name: "examples/echo_bot.ts echoes a user's message and stops on SIGINT",
  ...options,
  fn: () =>
    withClient(async ({ dc, gateway, bot, userId }) => {
      const example =
        new URL("../../client/examples/echo_bot.ts", import.meta.url).pathname;
      const child = spawnDeno(example, [`${gateway.url}/bot${bot.token}`]);
      try {
        await child.waitFor(/@e2e_bot is echoing/, 60_000);
        const echoed = async () =>
          (await chatWith(dc, userId, bot.id)).some((m) =>
            m.from === bot.id && m.text === "ping the echo"
          );
        await sendAndWait(dc, {
          from: userId,
          to: bot.id,
          text: "ping the echo",
        }, echoed);
      } finally {
        const status = await child.stop("SIGINT");
        assertMatch(child.output(), /Stopped\./);
        assertEquals(status.code, 0);
      }
    }),
});
