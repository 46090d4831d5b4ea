/**
 * End to end: MTKruto's `chatAction` update. The bot's sendChatAction
 * (messages.setTyping) reaches Alice's account, hosted on the gateway too, as
 * `chatAction {type, chatId, fromId, messageThreadId?}` in her private chat
 * with the bot, a basic group, a supergroup (also in a thread) and a channel.
 * Alice's own sendChatAction reaches no bot: Telegram tells bots nothing of
 * typing (tests/dc/README.md, "Typing").
 */
import { assertEquals } from "../assert.ts";
import {
  BotUpdates,
  type ChatsWorld,
  type Message,
  ok,
  withChats,
} from "./_chats_world.ts";
import type { WireUpdate } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** MTKruto's ChatActionType (types.md §3.1). */
interface ChatActionType {
  type: string;
  progress?: number;
}

/** MTKruto's `chatAction` payload (types.md §3.1). */
interface ChatAction {
  type: ChatActionType;
  chatId: number;
  fromId: number;
  messageThreadId?: number;
}

/** Calls sendChatAction as `base` (the bot's or Alice's endpoint); it answers nothing. */
async function sendChatAction(
  world: ChatsWorld,
  base: string,
  chatId: number,
  action: ChatActionType,
  params?: { messageThreadId: number },
): Promise<void> {
  const args = params ? [chatId, action, params] : [chatId, action];
  assertEquals(
    await ok(world.gateway, base, "sendChatAction", args),
    null,
  );
}

/** The next `chatAction` in `chatId` from Alice's update stream. */
async function nextChatAction(
  updates: BotUpdates,
  chatId: number,
): Promise<ChatAction> {
  const update = await updates.take(
    `chatAction in chat ${chatId}`,
    (u) =>
      u.type === "chatAction" &&
      (u.chatAction as ChatAction).chatId === chatId,
  );
  assertEquals(Object.keys(update).sort(), [
    "chatAction",
    "type",
    "updateId",
  ]);
  return update.chatAction as ChatAction;
}

/** The `chatAction`s among `updates`. */
function chatActions(updates: WireUpdate[]): unknown[] {
  return updates.filter((u) => u.type === "chatAction");
}

Deno.test(
  "dialect, chatAction: the bot's typing, uploads with progress and cancel reach Alice in the private chat, a group, a supergroup thread and a channel",
  options,
  () =>
    withChats(async (world) => {
      const { bot, gateway, userBase } = world;
      const botBase = `/bot${bot.token}`;
      const alice = new BotUpdates(gateway, userBase);

      // The private chat is named by the other party: the bot, who is also the one acting.
      const privateActions: ChatActionType[] = [
        { type: "typing" },
        { type: "uploadingPhoto", progress: 40 },
        { type: "cancel" },
      ];
      for (const action of privateActions) {
        await sendChatAction(world, botBase, world.userId, action);
        assertEquals(await nextChatAction(alice, bot.id), {
          type: action,
          chatId: bot.id,
          fromId: bot.id,
        });
      }

      // An upload sent without a progress reports 0, as Telegram's action always carries one.
      await sendChatAction(world, botBase, world.userId, {
        type: "uploadingDocument",
      });
      assertEquals(await nextChatAction(alice, bot.id), {
        type: { type: "uploadingDocument", progress: 0 },
        chatId: bot.id,
        fromId: bot.id,
      });

      // In groups and channels the chat is the marked id, the bot the actor.
      const chatCases: [number, ChatActionType][] = [
        [world.group, { type: "recordingVoice" }],
        [world.supergroup, { type: "uploadingVideo", progress: 99 }],
        [world.channel, { type: "typing" }],
      ];
      for (const [chatId, action] of chatCases) {
        await sendChatAction(world, botBase, chatId, action);
        assertEquals(await nextChatAction(alice, chatId), {
          type: action,
          chatId,
          fromId: bot.id,
        });
      }

      // A thread of the supergroup: its root message's id comes back as messageThreadId.
      const root = await ok<Message>(gateway, userBase, "sendMessage", [
        world.supergroup,
        "what do you think?",
      ]);
      await world.botUpdates.message(
        "message",
        world.supergroup,
        (m) => m.id === root.id,
      );
      await sendChatAction(world, botBase, world.supergroup, {
        type: "typing",
      }, { messageThreadId: root.id });
      assertEquals(await nextChatAction(alice, world.supergroup), {
        type: { type: "typing" },
        chatId: world.supergroup,
        fromId: bot.id,
        messageThreadId: root.id,
      });
      assertEquals(chatActions(await alice.rest()), []);
    }),
);

Deno.test(
  "dialect, chatAction: Alice's sendChatAction succeeds but reaches no bot, and Alice is not told of her own",
  options,
  () =>
    withChats(async (world) => {
      const { bot, gateway, userBase } = world;
      const alice = new BotUpdates(gateway, userBase);
      for (const chatId of [bot.id, world.group, world.supergroup]) {
        await sendChatAction(world, userBase, chatId, { type: "typing" });
        await sendChatAction(world, userBase, chatId, { type: "cancel" });
      }
      // A message after the typing: once the bot has it, any typing would have come before.
      await ok(gateway, userBase, "sendMessage", [bot.id, "done typing"]);
      await world.botUpdates.message(
        "message",
        world.userId,
        (m) => m.text === "done typing",
      );
      assertEquals(chatActions(await world.botUpdates.rest()), []);
      assertEquals(chatActions(await alice.rest()), []);
    }),
);
