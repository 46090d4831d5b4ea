/**
 * End to end: the qts updates of MTKruto's dialect against the real CLI and
 * the DC emulator. A user votes in a bot's non-anonymous poll (`pollAnswer`)
 * and reacts to the bot's message (`messageReactions`) and to a channel post
 * the bot administers (`messageReactionCount`); what happens while the
 * gateway is down still arrives after its restart, through
 * `updates.getDifference` with the client's qts.
 */
import { assert, assertEquals } from "../assert.ts";
import { startBot, startGateway, withWorld } from "./harness.ts";
import type { WireUpdate, World } from "./harness.ts";
import { callOk } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };
/** How long a test waits for an update before failing. */
const UPDATE_TIMEOUT_MS = 20_000;

/** Calls the bot's `method` and returns its result, failing the test on any error. */
function ok<T = Record<string, unknown>>(
  world: World,
  method: string,
  args: unknown[] = [],
): Promise<T> {
  return callOk<T>(world.gateway, `/bot${world.bot.token}`, method, args);
}

/**
 * Polls the bot's updates (each poll confirming the one before) until one of
 * every kind in `types` has arrived; returns the first of each kind.
 */
async function nextOfTypes(
  world: World,
  types: string[],
): Promise<Map<string, WireUpdate>> {
  const deadline = Date.now() + UPDATE_TIMEOUT_MS;
  const found = new Map<string, WireUpdate>();
  const seen: string[] = [];
  while (Date.now() < deadline) {
    const updates = await ok<WireUpdate[]>(world, "getUpdates", [{
      timeout: 2,
    }]);
    for (const update of updates) {
      seen.push(update.type);
      if (types.includes(update.type) && !found.has(update.type)) {
        found.set(update.type, update);
      }
    }
    if (found.size === types.length) return found;
  }
  throw new Error(`no ${types.join(" and ")}; got ${JSON.stringify(seen)}`);
}

/** The first update of kind `type` from the bot's next updates. */
async function nextOfType(world: World, type: string): Promise<WireUpdate> {
  return (await nextOfTypes(world, [type])).get(type)!;
}

/** The id of the latest message of the user's chat with the bot, in the user's box. */
async function latestInUserBox(world: World): Promise<number> {
  const box = await world.dc.control<{ id: number }[]>(
    "GET",
    `/messages?user=${world.userId}&peer=${world.bot.id}`,
  );
  return box.at(-1)!.id;
}

/** The bot sends a non-anonymous poll to the user; its MTKruto message and the user's copy's id. */
async function sendPublicPoll(world: World) {
  const poll = await ok(world, "sendPoll", [world.userId, "Tea?", [
    { text: "Yes" },
    { text: "No" },
    { text: "Later" },
  ], { isAnonymous: false }]);
  assertEquals((poll.poll as { isAnonymous: boolean }).isAnonymous, false);
  return {
    pollId: (poll.poll as { id: string }).id,
    userCopyId: await latestInUserBox(world),
  };
}

function vote(world: World, messageId: number, optionIndexes: number[]) {
  return world.dc.control("POST", "/votes", {
    from: world.userId,
    peer: world.bot.id,
    messageId,
    options: optionIndexes,
  });
}

function react(world: World, peer: number, messageId: number, emoji: string) {
  return world.dc.control("POST", "/reactions", {
    from: world.userId,
    peer,
    messageId,
    reactions: [emoji],
  });
}

/** Asserts the `pollAnswer` payload: who voted in which poll for which options (types.md §3.1). */
function assertPollAnswer(
  update: WireUpdate,
  world: World,
  expected: { pollId: string; optionIndexes: number[] },
) {
  const answer = update.pollAnswer as {
    pollId: string;
    from: { type: string; id: number; firstName: string };
    optionIndexes: number[];
  };
  assertEquals(Object.keys(answer).sort(), ["from", "optionIndexes", "pollId"]);
  assertEquals(
    [answer.pollId, answer.optionIndexes],
    [expected.pollId, expected.optionIndexes],
  );
  assertEquals(
    [answer.from.type, answer.from.id, answer.from.firstName],
    ["private", world.userId, "Alice"],
  );
}

/** Asserts a `messageReactions` payload for the user's reaction to `messageId` of the bot's chat with the user (types.md §12). */
function assertUserReaction(
  update: WireUpdate,
  world: World,
  expected: { messageId: number; old: string[]; new: string[] },
) {
  const reactions = update.messageReactions as {
    chat: { type: string; id: number };
    messageId: number;
    user: { id: number; isBot: boolean; firstName: string };
    date: number;
    oldReactions: unknown[];
    newReactions: unknown[];
  };
  assertEquals(Object.keys(reactions).sort(), [
    "chat",
    "date",
    "messageId",
    "newReactions",
    "oldReactions",
    "user",
  ]);
  const emoji = (list: string[]) =>
    list.map((value) => ({ type: "emoji", emoji: value }));
  assertEquals(
    [
      reactions.chat.type,
      reactions.chat.id,
      reactions.messageId,
      reactions.user.id,
      reactions.user.isBot,
      reactions.user.firstName,
      reactions.oldReactions,
      reactions.newReactions,
    ],
    [
      "private",
      world.userId,
      expected.messageId,
      world.userId,
      false,
      "Alice",
      emoji(expected.old),
      emoji(expected.new),
    ],
  );
  assert(Number.isInteger(reactions.date), "date is Unix seconds");
}

Deno.test(
  "dialect: a vote in the bot's non-anonymous poll is a pollAnswer, a reaction in the bot's chat a messageReactions",
  options,
  () =>
    withWorld(async (world) => {
      await startBot(world);
      const { pollId, userCopyId } = await sendPublicPoll(world);
      await vote(world, userCopyId, [2]);
      assertPollAnswer(await nextOfType(world, "pollAnswer"), world, {
        pollId,
        optionIndexes: [2],
      });
      // a retracted vote names no options
      await vote(world, userCopyId, []);
      assertPollAnswer(await nextOfType(world, "pollAnswer"), world, {
        pollId,
        optionIndexes: [],
      });

      const message = await ok(world, "sendMessage", [
        world.userId,
        "React to me",
      ]);
      const copyId = await latestInUserBox(world);
      await react(world, world.bot.id, copyId, "👍");
      assertUserReaction(await nextOfType(world, "messageReactions"), world, {
        messageId: message.id as number,
        old: [],
        new: ["👍"],
      });
      await react(world, world.bot.id, copyId, "🔥");
      assertUserReaction(await nextOfType(world, "messageReactions"), world, {
        messageId: message.id as number,
        old: ["👍"],
        new: ["🔥"],
      });
    }),
);

Deno.test(
  "dialect: a reaction to a post of a channel the bot administers is a messageReactionCount",
  options,
  () =>
    withWorld(async (world) => {
      await startBot(world);
      // bots join broadcast channels as admins
      const { id: channelId } = await world.dc.control<{ id: number }>(
        "POST",
        "/chats",
        {
          type: "channel",
          title: "News",
          creator: world.userId,
          members: [world.bot.id],
        },
      );
      const { id: postId } = await world.dc.control<{ id: number }>(
        "POST",
        "/messages",
        { from: world.userId, chat: channelId, text: "Big news" },
      );
      await react(world, channelId, postId, "🔥");
      const update = await nextOfType(world, "messageReactionCount");
      const count = update.messageReactionCount as {
        chat: { type: string; id: number; title: string };
        messageId: number;
        date: number;
        reactions: unknown[];
      };
      assertEquals(Object.keys(count).sort(), [
        "chat",
        "date",
        "messageId",
        "reactions",
      ]);
      assertEquals(
        [count.chat.type, count.chat.id, count.chat.title, count.messageId],
        ["channel", channelId, "News", postId],
      );
      assertEquals(count.reactions, [{
        reaction: { type: "emoji", emoji: "🔥" },
        count: 1,
      }]);
      assert(Number.isInteger(count.date), "date is Unix seconds");
    }),
);

Deno.test(
  "dialect: a vote and a reaction while the gateway is down arrive after its restart (qts difference)",
  options,
  () =>
    withWorld(async (world) => {
      await startBot(world);
      const { pollId, userCopyId } = await sendPublicPoll(world);
      const message = await ok(world, "sendMessage", [
        world.userId,
        "React later",
      ]);
      const messageCopyId = await latestInUserBox(world);
      const dataDir = world.gateway.dataDir;
      await world.gateway.stop();
      const differencesBefore = await differenceCalls(world);

      // Nobody is connected as the bot: these exist only in its qts log now.
      await vote(world, userCopyId, [0]);
      await react(world, world.bot.id, messageCopyId, "👍");

      world.gateway = await startGateway({ dc: world.dc, dataDir });
      const recovered = await nextOfTypes(world, [
        "pollAnswer",
        "messageReactions",
      ]);
      assertPollAnswer(recovered.get("pollAnswer")!, world, {
        pollId,
        optionIndexes: [0],
      });
      assertUserReaction(recovered.get("messageReactions")!, world, {
        messageId: message.id as number,
        old: [],
        new: ["👍"],
      });
      // pushed to nobody, so they came from the restarted client's getDifference
      assert(
        await differenceCalls(world) > differencesBefore,
        "the restarted bot asked for its difference",
      );
    }),
);

/** How many times the bot called `updates.getDifference`, from the emulator's call log. */
async function differenceCalls(world: World): Promise<number> {
  const calls = await world.dc.control<string[]>(
    "GET",
    `/calls?account=${world.bot.id}`,
  );
  return calls.filter((name) => name === "updates.getDifference").length;
}
