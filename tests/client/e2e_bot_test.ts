/**
 * End to end (issue #16): bots written as MTKruto bots are — middleware on a
 * Client, `start()`/`stop()`, a webhook handler — against the real gateway
 * and the DC emulator, the user's side played through the control API.
 */
import { assertEquals } from "../assert.ts";
import type { Client, Message } from "../../client/mod.ts";
import {
  botTextsInUserBox,
  botTextsOnceThereAre,
  eventually,
  options,
  userSays,
  webhookQueueEmptied,
  whileStarted,
  withClient,
} from "./_e2e_world.ts";

Deno.test({
  name:
    'An echo bot: on("message:text", ctx => ctx.reply(ctx.msg.text)) and start() echo a user\'s message; after stop() a restarted bot handles what came meanwhile, nothing twice, nothing lost',
  ...options,
  fn: () =>
    withClient(async (world) => {
      const handled: string[] = [];
      /** The echo bot as MTKruto's docs write it, plus a first middleware that records each text. */
      const echoBot = (): Client => {
        const client = world.newClient();
        client.use(async (ctx, next) => {
          if (ctx.msg?.type === "text") handled.push(ctx.msg.text);
          await next();
        });
        client.on("message:text", (ctx) => ctx.reply(ctx.msg.text));
        return client;
      };

      const client = echoBot();
      await client.start();
      await userSays(world, "one");
      assertEquals(await botTextsOnceThereAre(world, 1), ["one"]);
      await client.stop();
      // stop() confirmed the handled update: the gateway holds nothing more.
      assertEquals(await world.client.getUpdates({ timeout: 0 }), []);

      // While no bot runs, the gateway keeps what the user writes.
      await userSays(world, "two");
      await userSays(world, "three");
      const restarted = echoBot();
      await restarted.start();
      assertEquals(await botTextsOnceThereAre(world, 3), [
        "one",
        "two",
        "three",
      ]);
      await restarted.stop();
      assertEquals(handled, ["one", "two", "three"]);
      assertEquals(await world.client.getUpdates({ timeout: 0 }), []);
    }),
});

Deno.test({
  name:
    'client.command("start") answers /start (any case, with arguments, addressed to this bot) and lets every other text pass on',
  ...options,
  fn: () =>
    withClient(async (world) => {
      const { client } = world;
      const passedOn: string[] = [];
      client.command("start", (ctx) => ctx.reply(`Hello, ${ctx.me.username}!`));
      client.on("message:text", (ctx) => {
        passedOn.push(ctx.msg.text);
      });
      await whileStarted(client, async () => {
        // In order: the last text is a command, so its answer comes after all the others were handled.
        for (
          const text of [
            "hello",
            "/start",
            "/starter",
            "/start@other_bot",
            "start",
            "/START now",
            "/help",
            "/start@e2e_bot",
          ]
        ) {
          await userSays(world, text);
        }
        assertEquals(await botTextsOnceThereAre(world, 3), [
          "Hello, e2e_bot!",
          "Hello, e2e_bot!",
          "Hello, e2e_bot!",
        ]);
      });
      assertEquals(passedOn, [
        "hello",
        "/starter",
        "/start@other_bot",
        "start",
        "/help",
      ]);
      assertEquals((await botTextsInUserBox(world)).length, 3);
    }),
});

Deno.test({
  name:
    'client.webhookHandler() receives the gateway\'s signed deliveries into client.on("message"); deliveries signed with another secret are refused and delivered again once the secret matches',
  ...options,
  fn: () =>
    withClient(async (world) => {
      const { client } = world;
      const secretToken = "the-right-secret";
      const received: Message[] = [];
      client.on("message", async (ctx) => {
        received.push(ctx.msg);
        if (ctx.msg.type === "text") await ctx.reply(`got ${ctx.msg.text}`);
      });
      const server = Deno.serve(
        { hostname: "127.0.0.1", port: 0, onListen() {} },
        client.webhookHandler({ secretToken }),
      );
      try {
        const url = `http://127.0.0.1:${server.addr.port}/webhook`;
        assertEquals(await client.setWebhook(url, { secretToken }), true);
        await userSays(world, "via webhook");
        assertEquals(await botTextsOnceThereAre(world, 1), ["got via webhook"]);
        assertEquals(
          received.map((m) => [m.type, m.from.id, m.chat.id]),
          [["text", world.userId, world.userId]],
        );

        // Confirmed (the handler's 200 arrived) before the webhook changes, so it is not delivered again.
        await webhookQueueEmptied(client);
        // The gateway signs with what setWebhook was told; the handler knows the right secret only.
        await client.setWebhook(url, { secretToken: "a-wrong-secret" });
        await userSays(world, "refused");
        const refused = await eventually(async () => {
          const info = await client.getWebhookInfo();
          return info.lastErrorMessage === "HTTP 401 Unauthorized"
            ? info
            : undefined;
        });
        assertEquals(refused.pendingUpdateCount, 1);
        assertEquals(received.length, 1);

        await client.setWebhook(url, { secretToken });
        assertEquals(await botTextsOnceThereAre(world, 2), [
          "got via webhook",
          "got refused",
        ]);
        assertEquals(received.length, 2);
        await webhookQueueEmptied(client);
        assertEquals(await client.deleteWebhook(), true);
      } finally {
        await server.shutdown();
      }
    }),
});
