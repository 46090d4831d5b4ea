/** End to end: the real CLI against the DC emulator, over HTTP. */
import { assertEquals } from "../assert.ts";
import {
  botLogins,
  readJson,
  startBot,
  startGateway,
  withWorld,
} from "./harness.ts";
import type { Bot } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

Deno.test(
  "bot getMe works over GET and POST, with and without a trailing slash",
  options,
  () =>
    withWorld(async ({ gateway, bot }) => {
      const viaGet = await readJson(
        await gateway.fetch(`/bot${bot.token}/getMe`),
      );
      assertEquals(viaGet.status, 200);
      // MTKruto's User: no mtcute fields such as "type": "user" or displayName.
      const me = viaGet.body as Record<string, unknown>;
      assertEquals(me.id, bot.id);
      assertEquals(me.isBot, true);
      assertEquals(me.username, "e2e_bot");
      assertEquals([typeof me.firstName, me.isSelf], ["string", true]);
      assertEquals(
        ["type", "displayName", "inputPeer"].filter((key) => key in me),
        [],
      );

      const viaPost = await readJson(
        await gateway.fetch(`/bot${bot.token}/getMe/`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "[]",
        }),
      );
      assertEquals(viaPost.status, 200);
      assertEquals((viaPost.body as Record<string, unknown>).id, bot.id);
    }),
);

Deno.test(
  "mtcute.sendText and sendMessage reach the emulator user, and invoke ping works verbatim",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      await startBot({ dc, gateway, bot, userId });
      const sent = await readJson(
        await gateway.fetch(
          `/bot${bot.token}/mtcute.sendText?${userId}&%22Hello%2C%20Alice!%22`,
        ),
      );
      assertEquals(sent.status, 200);
      assertEquals((sent.body as { text: string }).text, "Hello, Alice!");
      // MTKruto's sendMessage, as the README shows it: the chat id as a JSON number.
      const viaMtkruto = await readJson(
        await gateway.fetch(`/bot${bot.token}/sendMessage`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify([userId, "Hello"]),
        }),
      );
      assertEquals(viaMtkruto.status, 200);
      const message = viaMtkruto.body as {
        type: string;
        text: string;
        isOutgoing: boolean;
        chat: { id: number; type: string };
        from: { id: number };
        date: number;
      };
      assertEquals(
        [
          message.type,
          message.text,
          message.isOutgoing,
          message.chat.id,
          message.chat.type,
          message.from.id,
          Number.isInteger(message.date),
        ],
        ["text", "Hello", true, userId, "private", bot.id, true],
      );
      const messages = await dc.control<{ text: string; from: number }[]>(
        "GET",
        `/messages?user=${userId}&peer=${bot.id}`,
      );
      assertEquals(messages.map((m) => [m.from, m.text]), [
        [userId, "/start"],
        [bot.id, "Hello, Alice!"],
        [bot.id, "Hello"],
      ]);

      const ping = await readJson(
        await gateway.fetch(`/bot${bot.token}/invoke`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body:
            '{\n  "_": "ping",\n  "ping_id": {\n    "_": "bigint",\n    "value": "123456"\n  }\n}',
        }),
      );
      assertEquals(ping.status, 200);
      assertEquals((ping.body as Record<string, unknown>)._, "pong");
      assertEquals((ping.body as Record<string, unknown>).ping_id, {
        _: "bigint",
        value: "123456",
      });
    }),
);

Deno.test(
  "a bot token Telegram rejects is a 401 and leaves nothing on disk",
  options,
  () =>
    withWorld(async ({ gateway, bot }) => {
      const wrong = `${bot.id}:${"A".repeat(35)}`;
      const response = await readJson(
        await gateway.fetch(`/bot${wrong}/getMe`),
      );
      assertEquals([response.status, response.errorType], [
        401,
        "unauthorized",
      ]);
      const files = [...Deno.readDirSync(gateway.dataDir)].map((entry) =>
        entry.name
      );
      assertEquals(files, []);
      const unknownUser = await readJson(
        await gateway.fetch(`/user${"x".repeat(22)}/getMe`),
      );
      assertEquals([unknownUser.status, unknownUser.errorType], [404, "input"]);
      assertEquals([...Deno.readDirSync(gateway.dataDir)].length, 0);
    }),
);

Deno.test(
  "a session Telegram revokes is unloaded and answered with 401",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot }) => {
      assertEquals(
        (await gateway.fetch(`/bot${bot.token}/getMe`).then(readJson)).status,
        200,
      );
      await dc.control("POST", "/faults", {
        method: "help.getNearestDc",
        account: bot.id,
        error: "AUTH_KEY_UNREGISTERED",
        times: 1,
      });
      const revoked = await readJson(
        await gateway.fetch(
          `/bot${bot.token}/invoke?{"_":"help.getNearestDc"}`,
        ),
      );
      assertEquals([revoked.status, revoked.errorType], [401, "unauthorized"]);
      // The next request logs in again from scratch (the session was discarded with the revoked key).
      assertEquals(
        (await gateway.fetch(`/bot${bot.token}/getMe`).then(readJson)).status,
        200,
      );
      assertEquals(await botLogins(dc, bot), 2);
    }),
);

Deno.test(
  "--workers 2 spreads clients over both workers",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot }) => {
      const second = await dc.control<Bot>("POST", "/bots", {
        username: "second_bot",
      });
      const [a, b] = await Promise.all(
        [bot, second].map((b) =>
          gateway.fetch(`/bot${b.token}/getMe`).then(readJson)
        ),
      );
      assertEquals([a.status, b.status], [200, 200]);
      const stats = await gateway.stats();
      assertEquals(stats.workers.map((w: { clients: number }) => w.clients), [
        1,
        1,
      ]);
    }, { workers: 2 }),
);

Deno.test(
  "concurrent first requests create one client, and a restart reuses the session",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot }) => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          gateway.fetch(`/bot${bot.token}/getMe`).then(readJson)),
      );
      assertEquals(
        results.map((r) =>
          r.status
        ),
        Array(8).fill(200),
      );
      await gateway.stop();
      const restarted = await startGateway({ dc, dataDir: gateway.dataDir });
      try {
        assertEquals(
          (await restarted.fetch(`/bot${bot.token}/getMe`).then(readJson))
            .status,
          200,
        );
      } finally {
        await restarted.stop();
      }
      assertEquals(await botLogins(dc, bot), 1);
    }),
);

Deno.test(
  "requests with random bogus ids leave nothing in memory or on disk",
  options,
  () =>
    withWorld(async ({ gateway, bot }) => {
      const random = (length: number) =>
        crypto.getRandomValues(new Uint8Array(length)).toBase64({
          alphabet: "base64url",
          omitPadding: true,
        })
          .slice(0, length);
      const users = await Promise.all(
        Array.from(
          { length: 200 },
          () => gateway.fetch(`/user${random(32)}/getMe`).then(readJson),
        ),
      );
      assertEquals(
        new Set(users.map((r) => `${r.status} ${r.errorType}`)),
        new Set(["404 input"]),
      );
      const bots = [];
      for (let i = 0; i < 20; i++) {
        bots.push(
          await gateway.fetch(`/bot${bot.id + 1000 + i}:${random(35)}/getMe`)
            .then(readJson),
        );
      }
      assertEquals(
        new Set(bots.map((r) => `${r.status} ${r.errorType}`)),
        new Set(["401 unauthorized"]),
      );
      const files = [...Deno.readDirSync(gateway.dataDir)].map((entry) =>
        entry.name
      ).filter((name) => name !== ".uploads");
      assertEquals(files, []);
      const stats = await gateway.stats();
      assertEquals(stats.workers.map((w: { clients: number }) => w.clients), [
        0,
      ]);
    }),
);
