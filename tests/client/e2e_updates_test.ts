/**
 * End to end: the client library's lower-level update plumbing — getUpdates,
 * runPolling with handlers by type, webhookHandler — against the real
 * gateway and the DC emulator.
 */
import { assertEquals, assertRejects } from "../assert.ts";
import { startBot } from "../e2e/harness.ts";
import {
  type CallbackQuery,
  ConflictError,
  type Message,
  runPolling,
  type Update,
  webhookHandler,
} from "../../client/mod.ts";
import {
  botTextsInUserBox,
  chatWith,
  options,
  sendAndWait,
  userPresses,
  webhookQueueEmptied,
  withClient,
} from "./_e2e_world.ts";

Deno.test({
  name:
    "runPolling() hands a user's message to the message handler, which echoes it; the update is confirmed on the way out",
  ...options,
  fn: () =>
    withClient(async (world) => {
      const { dc, client, bot, userId } = world;
      // Logged in first: Telegram gives a session only the updates after its login.
      await client.getMe();
      const stop = new AbortController();
      const seen: Message[] = [];
      let handledId = 0;
      const polling = runPolling(client, {
        message: async (message, update) => {
          seen.push(message);
          handledId = update.updateId;
          if (message.type === "text") {
            await client.sendMessage(message.chat.id, message.text);
          }
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
          m.type === "text" ? m.text : undefined,
          Number.isInteger(m.date),
          m.isOutgoing,
        ]),
        [["text", userId, userId, "private", "echo me", true, false]],
      );
      assertEquals(await botTextsInUserBox(world), ["echo me"]);
      // Confirmed on the way out: nothing is left.
      const left = await client.getUpdates({ timeout: 0 });
      assertEquals(left.filter((u) => u.updateId <= handledId), []);
    }),
});

Deno.test({
  name:
    "runPolling() gets a button press as MTKruto's CallbackQuery, and answerCallbackQuery(id) answers it",
  ...options,
  fn: () =>
    withClient(async (world) => {
      const { dc, gateway, client, bot, userId } = world;
      // The user starts the bot, so that the bot knows the user by id.
      await startBot({ dc, gateway, bot, userId });
      const sent = await client.sendMessage(userId, "Pick one", {
        replyMarkup: {
          type: "inlineKeyboard",
          inlineKeyboard: [[{
            type: "callbackData",
            text: "Yes",
            callbackData: "yes",
          }]],
        },
      });
      // The id of the message in the user's box, where the button is pressed.
      const button = (await chatWith(dc, userId, bot.id)).at(-1)!;
      assertEquals(button.text, "Pick one");
      const pressed = userPresses(world, button.id, "yes");
      const stop = new AbortController();
      const queries: CallbackQuery[] = [];
      await runPolling(client, {
        callbackQuery: async (query) => {
          queries.push(query);
          await client.answerCallbackQuery(query.id, { text: "Got it" });
          stop.abort();
        },
      }, {
        signal: stop.signal,
        timeout: 5,
        allowedUpdates: ["callbackQuery"],
      });
      assertEquals((await pressed).message, "Got it");
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
    "webhookHandler() receives signed deliveries; a failing handler makes the gateway deliver again; polling meanwhile is a ConflictError",
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
        await assertRejects(runPolling(client, {}), ConflictError);
        await sendAndWait(
          dc,
          { from: userId, to: bot.id, text: "via webhook" },
          () => calls.length >= 2,
          40_000,
        );
        assertEquals(
          calls.slice(0, 2).map((u) =>
            u.type === "message" && u.message.type === "text" && u.message.text
          ),
          ["via webhook", "via webhook"],
        );
        assertEquals(calls[0].updateId, calls[1].updateId);
        await webhookQueueEmptied(client);
        assertEquals(await client.deleteWebhook(), true);
        assertEquals((await client.getWebhookInfo()).url, "");
      } finally {
        await receiver.shutdown();
      }
    }),
});
