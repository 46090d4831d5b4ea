/**
 * End to end: a user account hosted on the gateway (`--add-user`) edits,
 * deletes, forwards and pins in a private chat with a bot, a basic group and
 * a supergroup, and posts and edits in a channel, all in MTKruto's dialect;
 * the bot, a member everywhere, gets each change as MTKruto's updates. The
 * user then reads the chats back with getHistory and searchMessages.
 */
import { assert, assertEquals } from "../assert.ts";
import type { Dc } from "./harness.ts";
import {
  chatOf,
  type ChatsWorld,
  type Message,
  ok,
  privateChat,
  type SharedChat,
  withChats,
} from "./_chats_world.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** Who the bot sees sending the user's messages: the user, or in a channel the channel itself. */
function senderSeenByBot(world: ChatsWorld, chat: SharedChat): number {
  return chat.type === "channel" ? chat.botChatId : world.userId;
}

/** The user sends `text` to the chat; the bot's copy of it. */
async function sendAndReceive(
  world: ChatsWorld,
  chat: SharedChat,
  text: string,
): Promise<{ sent: Message; received: Message }> {
  const sent = await ok(world.gateway, world.userBase, "sendMessage", [
    chat.userChatId,
    text,
  ]);
  const received = await world.botUpdates.message(
    "message",
    chat.botChatId,
    (m) => m.text === text,
  );
  assertEquals(
    [received.type, received.isOutgoing, received.chat.type, received.from.id],
    ["text", false, chat.type, senderSeenByBot(world, chat)],
  );
  return { sent, received };
}

/** The user edits its message; the bot gets `editedMessage` with the new text and an edit date. */
async function checkEdit(world: ChatsWorld, chat: SharedChat): Promise<void> {
  const { sent, received } = await sendAndReceive(
    world,
    chat,
    `hello ${chat.type}`,
  );
  const edited = await ok(world.gateway, world.userBase, "editMessageText", [
    chat.userChatId,
    sent.id,
    `hello ${chat.type}, edited`,
  ]);
  assertEquals([edited.id, edited.text], [
    sent.id,
    `hello ${chat.type}, edited`,
  ]);
  const update = await world.botUpdates.message(
    "editedMessage",
    chat.botChatId,
  );
  assertEquals(
    [
      update.type,
      update.id,
      update.text,
      update.chat.id,
      update.chat.type,
      update.from.id,
    ],
    [
      "text",
      received.id,
      `hello ${chat.type}, edited`,
      chat.botChatId,
      chat.type,
      senderSeenByBot(world, chat),
    ],
  );
  assertEquals(typeof update.editDate, "number");
  assert(update.editDate! >= update.date, "edited after it was sent");
}

/** The user deletes its message for everyone; the bot's `deletedMessages` names the chat and the bot's id of it. */
async function checkDelete(world: ChatsWorld, chat: SharedChat): Promise<void> {
  const { sent, received } = await sendAndReceive(
    world,
    chat,
    `delete me in the ${chat.type}`,
  );
  assertEquals(
    await ok(world.gateway, world.userBase, "deleteMessages", [
      chat.userChatId,
      [sent.id],
    ]),
    null,
  );
  const update = await world.botUpdates.take(
    `deletedMessages in chat ${chat.botChatId}`,
    (u) => u.type === "deletedMessages",
  );
  assertEquals(update.deletedMessages, [
    { chatId: chat.botChatId, messageId: received.id },
  ]);
}

/** Whether the copy `messageId` in `ownerId`'s box (a supergroup's own box for its messages) is pinned, as the emulator has it. */
async function isPinned(
  dc: Dc,
  box: { ownerId: number; peerId: number },
  messageId: number,
): Promise<boolean> {
  const messages = await dc.control<{ id: number; pinned?: boolean }[]>(
    "GET",
    `/messages?user=${box.ownerId}&peer=${box.peerId}`,
  );
  return messages.find((m) => m.id === messageId)?.pinned ?? false;
}

/** The user pins a message (both sides of a private chat) and unpins it; the bot gets the pin's service message naming it. */
async function checkPin(world: ChatsWorld, chat: SharedChat): Promise<void> {
  const { dc, gateway, userBase, bot, userId } = world;
  const text = `pin me in the ${chat.type}`;
  const { sent, received } = await sendAndReceive(world, chat, text);
  const botBox = chat.type === "supergroup"
    ? { ownerId: chat.botChatId, peerId: chat.botChatId }
    : { ownerId: bot.id, peerId: chat.botChatId };
  if (chat.type === "private") {
    // MTKruto pins a private chat's message for the user alone unless told
    // otherwise: the bot's copy stays unpinned and gets no notice (the bot's
    // stream is checked for strays at the end).
    await ok(gateway, userBase, "pinMessage", [chat.userChatId, sent.id]);
    assertEquals(
      [
        await isPinned(dc, { ownerId: userId, peerId: bot.id }, sent.id),
        await isPinned(dc, botBox, received.id),
      ],
      [true, false],
    );
    await ok(gateway, userBase, "unpinMessage", [chat.userChatId, sent.id]);
  }
  assertEquals(
    await ok(gateway, userBase, "pinMessage", [
      chat.userChatId,
      sent.id,
      ...(chat.type === "private" ? [{ isForBothSides: true }] : []),
    ]),
    null,
  );
  const notice = await world.botUpdates.message(
    "message",
    chat.botChatId,
    (m) => m.type === "pinnedMessage",
  );
  assertEquals(
    [
      notice.from.id,
      notice.chat.type,
      notice.replyToMessageId,
      notice.pinnedMessage?.id,
      notice.pinnedMessage?.text,
      notice.pinnedMessage?.chat.id,
    ],
    [userId, chat.type, received.id, received.id, text, chat.botChatId],
  );
  // MTKruto has no update for an unpin: the bot's box tells.
  assertEquals(await isPinned(dc, botBox, received.id), true);
  assertEquals(
    await ok(gateway, userBase, "unpinMessage", [chat.userChatId, sent.id]),
    null,
  );
  assertEquals(await isPinned(dc, botBox, received.id), false);
}

/** Where a forward comes from, and what its ForwardHeader must say. */
interface ForwardSource {
  fromChatId: number;
  /** The message's id as the user sees it. */
  messageId: number;
  text: string;
  /** `type` and the original sender's (`user`) or channel's (`chat`) id; `messageId` for channel posts. */
  header: { type: string; originId: number; messageId?: number };
}

/** The user forwards a message into the chat; the bot's copy has MTKruto's forward header. */
async function checkForward(
  world: ChatsWorld,
  chat: SharedChat,
  source: ForwardSource,
): Promise<void> {
  const [forwarded] = await ok<Message[]>(
    world.gateway,
    world.userBase,
    "forwardMessages",
    [source.fromChatId, chat.userChatId, [source.messageId]],
  );
  assertEquals([forwarded.text, forwarded.chat.id, forwarded.isOutgoing], [
    source.text,
    chat.userChatId,
    true,
  ]);
  const received = await world.botUpdates.message(
    "message",
    chat.botChatId,
    (m) => m.forwardFrom !== undefined,
  );
  assertEquals(
    [
      received.type,
      received.text,
      received.from.id,
      received.isAutomaticForward,
    ],
    ["text", source.text, world.userId, false],
  );
  const header = received.forwardFrom as {
    type: string;
    date: number;
    user?: { id: number };
    chat?: { id: number };
    messageId?: number;
  };
  assertEquals(
    [header.type, (header.user ?? header.chat)?.id, header.messageId],
    [source.header.type, source.header.originId, source.header.messageId],
  );
  assertEquals(typeof header.date, "number");
}

/** Fails if the bot got anything besides what the tests took and the chats' creation notices. */
async function checkNoStrays(world: ChatsWorld): Promise<void> {
  const rest = await world.botUpdates.rest();
  assertEquals(
    rest.map((u) => [u.type, u.message?.type, u.message?.chat.id]).sort(),
    [
      ["message", "channelCreated", world.channel],
      ["message", "groupCreated", world.group],
      ["message", "supergroupCreated", world.supergroup],
    ].sort(),
  );
}

/** `[type, text, isOutgoing]` of each message, to compare histories. */
function summary(messages: Message[]): [string, string | undefined, boolean][] {
  return messages.map((m) => [m.type, m.text, m.isOutgoing]);
}

Deno.test(
  "dialect, private chat: a user's edit, deletion, forward and pin reach the bot; getHistory reads the chat newest first",
  options,
  () =>
    withChats(async (world) => {
      const { gateway, userBase, bot } = world;
      const chat = privateChat(world);
      const inGroup = await sendAndReceive(
        world,
        chatOf("group", world),
        "news from the group",
      );
      await checkEdit(world, chat);
      await checkDelete(world, chat);
      await checkForward(world, chat, {
        fromChatId: world.group,
        messageId: inGroup.sent.id,
        text: "news from the group",
        header: { type: "user", originId: world.userId },
      });
      await checkPin(world, chat);

      const history = await ok<Message[]>(gateway, userBase, "getHistory", [
        bot.id,
      ]);
      assertEquals(summary(history), [
        ["pinnedMessage", undefined, true],
        ["text", "pin me in the private", true],
        ["text", "news from the group", true],
        ["text", "hello private, edited", true],
        ["text", "welcome", false],
        ["text", "/start", true],
      ]);
      assert(
        history.every((m) => m.chat.id === bot.id),
        "the chat is named by the bot's id",
      );
      assertEquals(history[0].pinnedMessage?.id, history[1].id);
      // offsetId pages to older messages: those before it, newest first.
      const older = await ok<Message[]>(gateway, userBase, "getHistory", [
        bot.id,
        { offsetId: history[1].id, limit: 2 },
      ]);
      assertEquals(summary(older), summary(history.slice(2, 4)));
      await checkNoStrays(world);
    }),
);

Deno.test(
  "dialect, basic group and supergroup: a user's edits, deletions, forwards and pins reach the bot; getHistory and searchMessages read the supergroup",
  options,
  () =>
    withChats(async (world) => {
      const { gateway, userBase } = world;
      const group = chatOf("group", world);
      const supergroup = chatOf("supergroup", world);
      const post = await sendAndReceive(
        world,
        chatOf("channel", world),
        "channel news",
      );
      for (const chat of [group, supergroup]) {
        await checkEdit(world, chat);
        await checkDelete(world, chat);
      }
      // A channel post keeps the channel and the post's id; a bot's message, the bot.
      await checkForward(world, group, {
        fromChatId: world.channel,
        messageId: post.sent.id,
        text: "channel news",
        header: {
          type: "channel",
          originId: world.channel,
          messageId: post.sent.id,
        },
      });
      await checkForward(world, supergroup, {
        fromChatId: world.bot.id,
        messageId: world.welcomeId,
        text: "welcome",
        header: { type: "user", originId: world.bot.id },
      });
      for (const chat of [group, supergroup]) await checkPin(world, chat);

      const history = await ok<Message[]>(gateway, userBase, "getHistory", [
        world.supergroup,
      ]);
      assertEquals(summary(history), [
        ["pinnedMessage", undefined, true],
        ["text", "pin me in the supergroup", true],
        ["text", "welcome", true],
        ["text", "hello supergroup, edited", true],
        ["supergroupCreated", undefined, true],
      ]);
      assertEquals(
        history.map((m) => [m.chat.id, m.chat.type]),
        history.map(() => [world.supergroup, "supergroup"]),
      );
      const found = await ok<{ messages: Message[]; count: number }>(
        gateway,
        userBase,
        "searchMessages",
        [{ chatId: world.supergroup, query: "supergroup" }],
      );
      assertEquals(
        [summary(found.messages), found.count],
        [[
          ["text", "pin me in the supergroup", true],
          ["text", "hello supergroup, edited", true],
        ], 2],
      );
      await checkNoStrays(world);
    }),
);

Deno.test(
  "dialect, channel: the creator's post and its edit and deletion reach a member bot as the channel's",
  options,
  () =>
    withChats(async (world) => {
      const channel = chatOf("channel", world);
      await checkEdit(world, channel);
      await checkDelete(world, channel);
      await checkNoStrays(world);
    }),
);
