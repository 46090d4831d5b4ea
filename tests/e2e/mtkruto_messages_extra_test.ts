/**
 * End to end: MTKruto's message methods beyond the seed's (scheduled
 * messages aside, see mtkruto_messages_extra_scheduled_test.ts) through the
 * real CLI against the DC emulator. Alice (a user hosted on the gateway)
 * reads chats and marks them unread, asks when Bob read her messages, views
 * a channel post and reads its counters, keeps Saved Messages and follows
 * message links; the bot follows links too. Each effect is checked in the
 * emulator's world, and bad input, Telegram's refusals and the account kind
 * each get their error.
 */
import { assertEquals } from "../assert.ts";
import { until } from "./harness.ts";
import { type Message, ok, withChats } from "./_chats_world.ts";
import {
  alice,
  assertRefused,
  botBase,
  options,
  type ReadState,
  readState,
  withBob,
} from "./_messages_extra.ts";

Deno.test(
  "dialect, messages: read marks, unread marks, read dates and viewers",
  options,
  () =>
    withChats(async (world) => {
      const { dc, userId, bot, supergroup } = world;
      const { bob, fromBob } = await withBob(world);
      assertEquals((await readState(dc, userId, bob)).unreadCount, 1);
      assertEquals(
        await alice(world, "readMessages", [bob, fromBob]),
        null,
      );
      const read = await readState(dc, userId, bob);
      assertEquals([read.readInboxMaxId, read.unreadCount], [fromBob, 0]);

      assertEquals(await alice(world, "markChatAsUnread", [bob]), null);
      assertEquals((await readState(dc, userId, bob)).unreadMark, true);
      assertEquals(await alice(world, "markChatAsRead", [bob]), null);
      assertEquals((await readState(dc, userId, bob)).unreadMark, false);

      // a supergroup is read with channels.readHistory
      const posted = await ok(world.gateway, botBase(world), "sendMessage", [
        supergroup,
        "read me",
      ]);
      await until(
        async () => (await readState(dc, userId, supergroup)).unreadCount > 0,
        10_000,
        "the bot's message in the supergroup",
      );
      assertEquals(
        await alice(world, "readMessages", [supergroup, posted.id]),
        null,
      );
      assertEquals(
        (await readState(dc, userId, supergroup)).readInboxMaxId,
        posted.id,
      );

      // when Bob read Alice's private message
      const question = await alice(world, "sendMessage", [bob, "seen it?"]);
      await assertRefused(
        world,
        world.userBase,
        "getMessageReadDate",
        [
          bob,
          question.id,
        ],
        "rpc",
        "MESSAGE_NOT_READ_YET",
      );
      const bobRead = await dc.control<ReadState>("POST", "/messages/read", {
        user: bob,
        peer: userId,
      });
      assertEquals(
        await alice<number>(world, "getMessageReadDate", [bob, question.id]),
        bobRead.readAt,
      );

      // who of a group read Alice's message
      const { id: trio } = await dc.control<{ id: number }>("POST", "/chats", {
        type: "group",
        title: "Trio",
        creator: userId,
        members: [bot.id, bob],
      });
      const hello = await alice(world, "sendMessage", [trio, "hello trio"]);
      assertEquals(
        await alice(world, "getMessageViewers", [trio, hello.id]),
        [],
      );
      const bobReadTrio = await dc.control<ReadState>(
        "POST",
        "/messages/read",
        { user: bob, peer: trio },
      );
      const viewers = await alice<Record<string, unknown>[]>(
        world,
        "getMessageViewers",
        [trio, hello.id],
      );
      assertEquals(viewers, [{ userId: bob, viewedAt: bobReadTrio.readAt }]);

      const base = world.userBase;
      await assertRefused(
        world,
        base,
        "getMessageReadDate",
        [trio, hello.id],
        "rpc",
        "PEER_ID_INVALID",
      );
      await assertRefused(
        world,
        base,
        "readMessages",
        [bob, "all"],
        "input",
        'Argument 2 of readMessages (untilMessageId) must be an integer; got the string "all"',
      );
      await assertRefused(
        world,
        botBase(world),
        "markChatAsUnread",
        [userId],
        "input",
        "markChatAsUnread: not a user client.",
      );
    }),
);

Deno.test(
  "dialect, messages: a channel post's views and forwards, Saved Messages, message links",
  options,
  () =>
    withChats(async (world) => {
      const { dc, userId, bot, channel, welcomeId } = world;
      const post = await alice(world, "sendMessage", [channel, "news"]);
      const digest = await alice(world, "sendMessage", [channel, "digest"]);
      const postViews = (id = post.id) =>
        dc.control<{ views: number; forwards: number; viewers: number[] }>(
          "GET",
          `/messages/views?chat=${channel}&id=${id}`,
        );
      assertEquals(await alice(world, "viewMessage", [channel, post.id]), null);
      assertEquals(await postViews(digest.id), {
        views: 0,
        forwards: 0,
        viewers: [],
      });
      assertEquals(
        await alice(world, "viewMessages", [channel, [post.id, digest.id]]),
        null,
      );
      // each account counts once
      for (const id of [post.id, digest.id]) {
        assertEquals(await postViews(id), {
          views: 1,
          forwards: 0,
          viewers: [userId],
        });
      }
      const forwarded = await alice(world, "forwardMessage", [
        channel,
        bot.id,
        post.id,
      ]);
      assertEquals((await postViews()).forwards, 1);
      const counters = { views: 1, replies: 0, forwards: 1 };
      assertEquals(
        await alice(world, "getMessageCounters", [channel, post.id]),
        counters,
      );
      // a forward shows the post's counters; a private message has none
      assertEquals(
        await alice(world, "getMessagesCounters", [bot.id, [
          forwarded.id,
          welcomeId,
        ]]),
        [counters, { views: 0, replies: 0, forwards: 0 }],
      );

      // Saved Messages: a note of Alice's and the bot's welcome, forwarded
      const note = await alice(world, "sendMessage", ["me", "note to self"]);
      const saved = await alice(world, "forwardMessage", [
        bot.id,
        "me",
        welcomeId,
      ]);
      const chats = await alice<
        {
          chats: {
            chat: { id: number; type: string };
            lastMessage: Message;
            isPinned: boolean;
          }[];
          total: number;
        }
      >(world, "getSavedChats", []);
      assertEquals(
        chats.chats.map((c) => [
          Object.keys(c),
          c.chat.id,
          c.chat.type,
          c.lastMessage.id,
          c.isPinned,
        ]),
        [
          [
            ["chat", "lastMessage", "isPinned"],
            bot.id,
            "private",
            saved.id,
            false,
          ],
          [
            ["chat", "lastMessage", "isPinned"],
            userId,
            "private",
            note.id,
            false,
          ],
        ],
      );
      assertEquals([Object.keys(chats), chats.total], [["chats", "total"], 2]);
      assertEquals(
        await dc.control("GET", `/messages/saved-dialogs?user=${userId}`),
        [{ peer: bot.id, topMessageId: saved.id }, {
          peer: userId,
          topMessageId: note.id,
        }],
      );
      const firstPage = await alice<{ chats: unknown[]; total: number }>(
        world,
        "getSavedChats",
        [{ limit: 1 }],
      );
      assertEquals([firstPage.chats.length, firstPage.total], [1, 2]);
      assertEquals(
        (await alice<Message[]>(world, "getSavedMessages", [bot.id])).map((
          m,
        ) => [m.id, m.text]),
        [[saved.id, "welcome"]],
      );
      assertEquals(
        (await alice<Message[]>(world, "getSavedMessages", ["me"])).map((m) =>
          m.id
        ),
        [note.id],
      );

      // links: the private channel's t.me/c form, a public supergroup's username form
      const bareChannelId = -channel - 1_000_000_000_000;
      const linked = await alice<Message>(world, "resolveMessageLink", [
        `https://t.me/c/${bareChannelId}/${post.id}`,
      ]);
      assertEquals([linked.id, linked.text, linked.chat.id], [
        post.id,
        "news",
        channel,
      ]);
      const { id: lounge } = await dc.control<{ id: number }>(
        "POST",
        "/chats",
        {
          type: "supergroup",
          title: "Open lounge",
          creator: userId,
          members: [bot.id],
          username: "open_lounge",
        },
      );
      const { id: loungeMessage } = await dc.control<{ id: number }>(
        "POST",
        "/messages",
        { from: userId, chat: lounge, text: "come in" },
      );
      const byBot = await ok(
        world.gateway,
        botBase(world),
        "resolveMessageLink",
        [
          `t.me/open_lounge/${loungeMessage}`,
        ],
      );
      assertEquals([byBot.id, byBot.text, byBot.chat.id], [
        loungeMessage,
        "come in",
        lounge,
      ]);
      assertEquals(
        await alice(world, "resolveMessageLink", [
          `https://t.me/open_lounge/${loungeMessage + 100}`,
        ]),
        null,
      );

      const base = world.userBase;
      await assertRefused(
        world,
        base,
        "resolveMessageLink",
        [
          "https://example.com/open_lounge/1",
        ],
        "input",
        'Argument 1 of resolveMessageLink (link) must be a message link: https://t.me/<username>/<id>, https://t.me/<username>/<thread>/<id>, https://t.me/c/<chat>/<id> or https://t.me/c/<chat>/<thread>/<id>; got the string "https://example.com/open_lounge/1"',
      );
      await assertRefused(
        world,
        base,
        "getSavedChats",
        [{ limit: 0 }],
        "input",
        "params.limit must be an integer from 1 to 100; got the number 0",
      );
      await assertRefused(
        world,
        base,
        "getMessagesCounters",
        [channel, [0.5]],
        "input",
        "Argument 2 of getMessagesCounters (messageIds)[0] must be an integer; got the number 0.5",
      );
      await assertRefused(
        world,
        botBase(world),
        "getSavedChats",
        [],
        "input",
        "getSavedChats: not a user client.",
      );
      await assertRefused(
        world,
        botBase(world),
        "viewMessage",
        [channel, 1],
        "input",
        "viewMessage: not a user client.",
      );
    }),
);
