/** End to end: the client library's polling, webhooks and example bot against the real gateway and the DC emulator. */
import { assertEquals, assertMatch, assertRejects } from "../assert.ts";
import { startBot } from "../e2e/harness.ts";
import { spawnDeno } from "../e2e/process.ts";
import {
  ConflictError,
  type Update,
  type UpdateCallbackQuery,
  type UpdateMessage,
  webhookHandler,
} from "../../client/mod.ts";
import {
  chatWith,
  eventually,
  options,
  sendAndWait,
  withClient,
} from "./_e2e_world.ts";

Deno.test({
  name: "Client.poll() receives a user's message and the bot echoes it",
  ...options,
  fn: () =>
    withClient(async ({ dc, client, bot, userId }) => {
      // Logged in first: Telegram gives a session only the updates after its login.
      await client.getMe();
      const stop = new AbortController();
      const seen: UpdateMessage[] = [];
      let handledId = 0;
      const polling = client.poll({
        message: async (message, update) => {
          if (message.isOutgoing || seen.length) return;
          seen.push(message);
          handledId = update.updateId;
          await client.sendText(message.chat.id, message.text ?? "");
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
        seen.map((m) => [
          m.type,
          m.from.id,
          m.chat.id,
          m.chat.type,
          m.text,
          Number.isInteger(m.date),
        ]),
        [["text", userId, userId, "private", "echo me", true]],
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
    "Client.poll() gets a button press as MTKruto's callbackQuery, and answerCallbackQuery() answers it",
  ...options,
  fn: () =>
    withClient(async ({ dc, gateway, client, bot, userId }) => {
      // The user starts the bot, so that the bot knows the user by id.
      await startBot({ dc, gateway, bot, userId });
      // MTKruto's sendMessage, through call(): the name passes through as it is.
      const sent = await client.call("sendMessage", userId, "Pick one", {
        replyMarkup: {
          type: "inlineKeyboard",
          inlineKeyboard: [[{
            type: "callbackData",
            text: "Yes",
            callbackData: "yes",
          }]],
        },
      }) as { type: string; id: number };
      assertEquals(sent.type, "text");
      // The id of the message in the user's box, where the button is pressed.
      const button = (await chatWith(dc, userId, bot.id)).at(-1)!;
      assertEquals(button.text, "Pick one");
      const pressed = dc.control<{ answer: { message?: string } }>(
        "POST",
        "/callback-queries",
        { from: userId, peer: bot.id, messageId: button.id, data: "yes" },
      );
      const stop = new AbortController();
      const queries: UpdateCallbackQuery[] = [];
      await client.poll({
        callbackQuery: async (query) => {
          queries.push(query);
          await client.answerCallbackQuery(query, { text: "Got it" });
          stop.abort();
        },
      }, {
        signal: stop.signal,
        timeout: 5,
        allowedUpdates: ["callbackQuery"],
      });
      assertEquals((await pressed).answer.message, "Got it");
      assertEquals(
        queries.map((q) => [
          /^-?\d+$/.test(q.id),
          q.from.id,
          q.data,
          q.message?.id,
          q.message?.chat.id,
          typeof q.chatInstance,
        ]),
        [[true, userId, "yes", sent.id, userId, "string"]],
      );
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
          message: (_message, update) => {
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
          calls.slice(0, 2).map((u) => u.type === "message" && u.message.text),
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
