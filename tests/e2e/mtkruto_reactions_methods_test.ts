/**
 * End to end: the reaction methods of MTKruto's dialect against the real CLI
 * and the DC emulator. Alice, hosted on the gateway, reacts to the bot's
 * message with addReaction, removeReaction and setReactions; the emulator
 * holds what she chose, her and the bot's getMessage show it as
 * `reactions`, and the bot hears each change as `messageReactions`; the bot
 * reacts to hers with setReactions. As the
 * creator of a supergroup she narrows its reactions with
 * setAvailableReactions, which Telegram then enforces, and lists who
 * reacted with getMessageReactions.
 */
import { assert, assertEquals } from "../assert.ts";
import { readJson, type WireUpdate } from "./harness.ts";
import { type ChatsWorld, ok, withChats } from "./_chats_world.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

const emoji = (value: string) => ({ type: "emoji", emoji: value });

/** A message's reactions as the emulator's control API shows them. */
interface ControlReactions {
  reactions: { emoji: string; count: number; chosen: boolean }[];
  reactors: { from: number; emoji: string }[];
}

/** MessageReaction (types.md §12). */
interface MessageReaction {
  reaction: { type: string; emoji?: string };
  count: number;
  choosers: number[];
  isChosen: boolean;
}

/** The reactions on message `messageId` of `user`'s chat `peer`, as the emulator holds them. */
function reactionsIn(
  world: ChatsWorld,
  user: number,
  peer: number,
  messageId: number,
): Promise<ControlReactions> {
  return world.dc.control<ControlReactions>(
    "GET",
    `/reactions?user=${user}&peer=${peer}&messageId=${messageId}`,
  );
}

/** Calls Alice's `method` expecting a refusal: its status, error type and message. */
async function refusal(world: ChatsWorld, method: string, args: unknown[]) {
  const { status, errorType, body } = await readJson(
    await world.gateway.fetch(`${world.userBase}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(args),
    }),
  );
  return { status, errorType, error: body };
}

/** Alice calls a reaction method; it answers null (void). */
async function alice(world: ChatsWorld, method: string, args: unknown[]) {
  assertEquals(
    await ok<null>(world.gateway, world.userBase, method, args),
    null,
  );
}

/** The bot's next `messageReactions` update about message `messageId`. */
async function nextReactionUpdate(world: ChatsWorld, messageId: number) {
  const update: WireUpdate = await world.botUpdates.take(
    `messageReactions about message ${messageId}`,
    (u) =>
      u.type === "messageReactions" &&
      (u.messageReactions as { messageId: number }).messageId === messageId,
  );
  return update.messageReactions as {
    chat: { id: number; type: string };
    messageId: number;
    user?: { id: number };
    date: number;
    oldReactions: unknown[];
    newReactions: unknown[];
  };
}

/** The `reactions` of the message as `base`'s account reads it with getMessage. */
async function readReactions(
  world: ChatsWorld,
  base: string,
  chatId: number,
  messageId: number,
): Promise<MessageReaction[] | undefined> {
  const message = await ok<{ reactions?: MessageReaction[] }>(
    world.gateway,
    base,
    "getMessage",
    [chatId, messageId],
  );
  return message.reactions;
}

Deno.test(
  "dialect, reactions: Alice adds, removes and sets reactions on the bot's message; the emulator, getMessage and the bot's messageReactions agree",
  options,
  () =>
    withChats(async (world) => {
      const { bot, userId, welcomeId } = world;
      const botBase = `/bot${bot.token}`;
      const botCopyId = (await world.dc.control<{ id: number }[]>(
        "GET",
        `/messages?user=${bot.id}&peer=${userId}`,
      )).at(-1)!.id;
      const target = [bot.id, welcomeId] as const;

      await alice(world, "addReaction", [...target, emoji("👍")]);
      assertEquals(await reactionsIn(world, userId, bot.id, welcomeId), {
        reactions: [{ emoji: "👍", count: 1, chosen: true }],
        reactors: [{ from: userId, emoji: "👍" }],
      });
      const added = await nextReactionUpdate(world, botCopyId);
      assertEquals(
        [
          added.chat.id,
          added.chat.type,
          added.user?.id,
          added.oldReactions,
          added.newReactions,
        ],
        [userId, "private", userId, [], [emoji("👍")]],
      );
      assert(Number.isInteger(added.date));
      // types.md §12: one MessageReaction per reaction; the reactor sees its own as chosen
      assertEquals(await readReactions(world, world.userBase, ...target), [{
        reaction: emoji("👍"),
        count: 1,
        choosers: [userId],
        isChosen: true,
      }]);
      assertEquals(await readReactions(world, botBase, userId, botCopyId), [{
        reaction: emoji("👍"),
        count: 1,
        choosers: [userId],
        isChosen: false,
      }]);

      // already chosen: nothing happens (and nothing is sent)
      await alice(world, "addReaction", [...target, emoji("👍")]);
      // without Premium an account has one reaction per message: adding a second is Telegram's refusal
      assertEquals(
        await refusal(world, "addReaction", [...target, emoji("🔥")]),
        { status: 400, errorType: "rpc", error: "REACTIONS_TOO_MANY" },
      );

      await alice(world, "removeReaction", [...target, emoji("👍")]);
      assertEquals(await reactionsIn(world, userId, bot.id, welcomeId), {
        reactions: [],
        reactors: [],
      });
      const removed = await nextReactionUpdate(world, botCopyId);
      assertEquals([removed.oldReactions, removed.newReactions], [
        [emoji("👍")],
        [],
      ]);
      assertEquals(
        await readReactions(world, world.userBase, ...target),
        undefined,
      );
      // not chosen: nothing happens
      await alice(world, "removeReaction", [...target, emoji("👍")]);

      await alice(world, "setReactions", [...target, [emoji("🔥")], {
        isBig: true,
        addToRecents: true,
      }]);
      assertEquals(
        (await reactionsIn(world, userId, bot.id, welcomeId)).reactions,
        [{ emoji: "🔥", count: 1, chosen: true }],
      );
      const set = await nextReactionUpdate(world, botCopyId);
      assertEquals([set.oldReactions, set.newReactions], [[], [emoji("🔥")]]);
      await alice(world, "setReactions", [...target, []]);
      assertEquals(
        (await reactionsIn(world, userId, bot.id, welcomeId)).reactions,
        [],
      );
      const cleared = await nextReactionUpdate(world, botCopyId);
      assertEquals([cleared.oldReactions, cleared.newReactions], [
        [emoji("🔥")],
        [],
      ]);
      // the no-op add and remove told the bot nothing
      assertEquals(
        (await world.botUpdates.rest()).filter((u) =>
          u.type === "messageReactions"
        ),
        [],
      );

      // bots react too: the bot's heart on Alice's message, which she reads as its author
      const hello = await ok(world.gateway, world.userBase, "sendMessage", [
        bot.id,
        "react to me",
      ]);
      const received = await world.botUpdates.message(
        "message",
        userId,
        (m) => m.text === "react to me",
      );
      assertEquals(
        await ok<null>(world.gateway, botBase, "setReactions", [
          userId,
          received.id,
          [emoji("❤")],
        ]),
        null,
      );
      assertEquals(await reactionsIn(world, userId, bot.id, hello.id), {
        reactions: [{ emoji: "❤", count: 1, chosen: false }],
        reactors: [{ from: bot.id, emoji: "❤" }],
      });
      assertEquals(
        await readReactions(world, world.userBase, bot.id, hello.id),
        [{
          reaction: emoji("❤"),
          count: 1,
          choosers: [bot.id],
          isChosen: false,
        }],
      );

      // a message that does not exist, and bad arguments, are 400s naming them
      assertEquals(
        await refusal(world, "addReaction", [bot.id, 999_999, emoji("👍")]),
        {
          status: 400,
          errorType: "input",
          error:
            "Argument 2 of addReaction (messageId): message 999999 was not found in the chat",
        },
      );
      assertEquals(
        await refusal(world, "setReactions", [...target, emoji("👍")]),
        {
          status: 400,
          errorType: "input",
          error:
            "Argument 3 of setReactions (reactions) must be an array; got an object",
        },
      );
      assertEquals(
        (await refusal(world, "removeReaction", [...target, { type: "ok" }]))
          .error,
        'Argument 3 of removeReaction (reaction).type must be one of "emoji", "custom" or "paid"; got the string "ok"',
      );
    }),
);

Deno.test(
  "dialect, reactions: the creator's setAvailableReactions narrows a supergroup's reactions; getMessageReactions lists who reacted",
  options,
  () =>
    withChats(async (world) => {
      const { supergroup, userId } = world;
      const posted = await ok<{ id: number }>(
        world.gateway,
        `/bot${world.bot.token}`,
        "sendMessage",
        [supergroup, "vote with a reaction"],
      );
      const target = [supergroup, posted.id] as const;

      await alice(world, "setAvailableReactions", [supergroup, {
        type: "some",
        reactions: [emoji("👍"), emoji("🎉")],
        maxReactionCount: 2,
      }]);
      assertEquals(
        await world.dc.control("GET", `/chat-reactions?chat=${supergroup}`),
        { type: "some", emoji: ["👍", "🎉"], limit: 2, paidEnabled: false },
      );
      // what the chat does not allow, Telegram refuses
      assertEquals(
        await refusal(world, "setReactions", [...target, [emoji("🔥")]]),
        { status: 400, errorType: "rpc", error: "REACTION_INVALID" },
      );
      await alice(world, "setReactions", [...target, [emoji("🎉")]]);
      assertEquals(await reactionsIn(world, userId, supergroup, posted.id), {
        reactions: [{ emoji: "🎉", count: 1, chosen: true }],
        reactors: [{ from: userId, emoji: "🎉" }],
      });
      assertEquals(await readReactions(world, world.userBase, ...target), [{
        reaction: emoji("🎉"),
        count: 1,
        choosers: [userId],
        isChosen: true,
      }]);

      const list = await ok<{
        reactions: Record<string, unknown>[];
        count: number;
        nextOffset?: string;
      }>(world.gateway, world.userBase, "getMessageReactions", [
        ...target,
        { limit: 10 },
      ]);
      assertEquals(list.count, 1);
      assertEquals("nextOffset" in list, false);
      const [item] = list.reactions;
      const chat = item.chat as { id: number; type: string };
      assertEquals(
        [
          chat.id,
          chat.type,
          item.reaction,
          item.isBig,
          item.isCreator,
          item.isUnread,
        ],
        [userId, "private", emoji("🎉"), false, true, false],
      );
      assert(Number.isInteger(item.date));
      const onlyThumbs = await ok<{ count: number }>(
        world.gateway,
        world.userBase,
        "getMessageReactions",
        [...target, { reaction: emoji("👍") }],
      );
      assertEquals(onlyThumbs.count, 0);

      // none: no reaction may be sent any more
      await alice(world, "setAvailableReactions", [supergroup, {
        type: "none",
      }]);
      assertEquals(
        await world.dc.control("GET", `/chat-reactions?chat=${supergroup}`),
        { type: "none", limit: 2, paidEnabled: false },
      );
      assertEquals(
        (await refusal(world, "setReactions", [...target, [emoji("👍")]]))
          .error,
        "REACTION_INVALID",
      );

      // user-only methods, and a bad AvailableReactions, are 400 input errors
      const botRefusal = await readJson(
        await world.gateway.fetch(
          `/bot${world.bot.token}/setAvailableReactions`,
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify([supergroup, { type: "all" }]),
          },
        ),
      );
      assertEquals(botRefusal, {
        status: 400,
        errorType: "input",
        body: "setAvailableReactions: not a user client.",
      });
      assertEquals(
        await refusal(world, "setAvailableReactions", [supergroup, "all"]),
        {
          status: 400,
          errorType: "input",
          error:
            'Argument 2 of setAvailableReactions (availableReactions) must be an object; got the string "all"',
        },
      );
      assertEquals(
        (await refusal(world, "getMessageReactions", [...target, {
          limit: 500,
        }])).error,
        "params.limit must be an integer from 1 to 100; got the number 500",
      );
    }),
);
