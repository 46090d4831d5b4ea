/**
 * End to end: MTKruto's scheduled-message methods through the real CLI
 * against the DC emulator. Alice (a user hosted on the gateway) schedules
 * messages with `sendAt`, lists her queue, sends some before their date,
 * drops others and lets one go out by itself; the bot gets what is sent,
 * Alice's updates tell each message leaving the queue (`deletedMessages`
 * with `isScheduled`), and the emulator's queue and boxes show the effect.
 */
import { assert, assertEquals } from "../assert.ts";
import { BotUpdates, type Message, withChats } from "./_chats_world.ts";
import {
  alice,
  assertRefused,
  botBase,
  box,
  type MaybeScheduled,
  nowSeconds,
  options,
  scheduled,
} from "./_messages_extra.ts";

Deno.test(
  "dialect, messages: scheduled messages wait in the queue, go out on demand or at their date, and can be dropped",
  options,
  () =>
    withChats(async (world) => {
      const { dc, userId, bot } = world;
      const schedule = (text: string, sendAt: number) =>
        alice<MaybeScheduled>(world, "sendMessage", [bot.id, text, { sendAt }]);
      const later = await schedule("later", nowSeconds() + 600);
      assertEquals(
        [later.type, later.text, later.isScheduled, later.chat.id],
        ["text", "later", true, bot.id],
      );
      const dropped = await schedule("drop me", nowSeconds() + 600);
      const pair = [
        await schedule("one of two", nowSeconds() + 600),
        await schedule("two of two", nowSeconds() + 600),
      ];
      const timed = await schedule("on its own", nowSeconds() + 11);
      assertEquals(
        (await scheduled(dc, userId, bot.id)).map((m) => [m.id, m.text]),
        [later, dropped, ...pair, timed].map((m) => [m.id, m.text]),
      );
      assert(
        !(await box(dc, bot.id, userId)).some((m) => m.text === "later"),
        "nothing reaches the bot before it is sent",
      );

      const listed = await alice<MaybeScheduled[]>(
        world,
        "getScheduledMessages",
        [
          bot.id,
        ],
      );
      assertEquals(
        listed.map((m) => [m.text, m.isScheduled]).sort(),
        [later, dropped, ...pair, timed].map((m) => [m.text, true]).sort(),
      );

      const sent = await alice<MaybeScheduled>(world, "sendScheduledMessage", [
        bot.id,
        later.id,
      ]);
      assertEquals([sent.type, sent.text, sent.isScheduled], [
        "text",
        "later",
        true,
      ]);
      assert(sent.date < later.date, "sent now, not at its date");
      const received = await world.botUpdates.message(
        "message",
        userId,
        (m) => m.text === "later",
      );
      assertEquals(received.from.id, userId);
      const sentPair = await alice<Message[]>(world, "sendScheduledMessages", [
        bot.id,
        pair.map((m) => m.id),
      ]);
      assertEquals(sentPair.map((m) => m.text), ["one of two", "two of two"]);
      assertEquals(
        await alice(world, "deleteScheduledMessage", [bot.id, dropped.id]),
        null,
      );
      assertEquals(
        (await scheduled(dc, userId, bot.id)).map((m) => m.text),
        ["on its own"],
      );
      // Alice's own updates: each message left the queue, as MTKruto tells it
      const aliceUpdates = new BotUpdates(world.gateway, world.userBase);
      for (const left of [[later], pair, [dropped]]) {
        const deletedMessages = left.map((m) => ({
          chatId: bot.id,
          messageId: m.id,
        }));
        const update = await aliceUpdates.take(
          `the deletion of scheduled messages ${
            JSON.stringify(deletedMessages)
          }`,
          (u) =>
            u.type === "deletedMessages" &&
            JSON.stringify(u.deletedMessages) ===
              JSON.stringify(deletedMessages),
        );
        assertEquals(update.isScheduled, true);
      }
      const userBox = (await box(dc, userId, bot.id)).map((m) => m.text);
      assert(!userBox.includes("drop me"), "a dropped message is never sent");
      for (const text of ["later", "one of two", "two of two"]) {
        assert(userBox.includes(text), `${text} was sent`);
      }

      // the last one goes out by itself at its date
      await world.botUpdates.message(
        "message",
        userId,
        (m) => m.text === "on its own",
      );
      assertEquals(await scheduled(dc, userId, bot.id), []);
      const extra = await schedule("also dropped", nowSeconds() + 600);
      assertEquals(
        await alice(world, "deleteScheduledMessages", [bot.id, [extra.id]]),
        null,
      );
      assertEquals(await scheduled(dc, userId, bot.id), []);

      const base = world.userBase;
      await assertRefused(
        world,
        base,
        "sendScheduledMessage",
        [bot.id, later.id],
        "rpc",
        "MESSAGE_ID_INVALID",
      );
      await assertRefused(
        world,
        base,
        "sendScheduledMessages",
        [bot.id, []],
        "input",
        "Argument 2 of sendScheduledMessages (messageIds) must be a non-empty array of message ids; got an array",
      );
      await assertRefused(
        world,
        base,
        "getScheduledMessages",
        [],
        "input",
        "Argument 1 of getScheduledMessages (chatId) is missing; it must be ID",
      );
      await assertRefused(
        world,
        botBase(world),
        "getScheduledMessages",
        [userId],
        "input",
        "getScheduledMessages: not a user client.",
      );
    }),
);
