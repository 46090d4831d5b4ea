/**
 * The world of the chat tests (mtkruto_chats_test.ts): the bot started,
 * Alice's account hosted on the gateway too, and three chats of hers the
 * bot is in; MTKruto dialect calls and the bot's update stream.
 */
import { assertEquals } from "../assert.ts";
import { addUser } from "./_add_user.ts";
import { startBot, until, withWorld } from "./harness.ts";
import type { Gateway, WireUpdate, World } from "./harness.ts";
import { callMethod as call, callOk } from "./_dialect_calls.ts";

/** The parts of MTKruto's Message these tests look at. */
export interface Message {
  type: string;
  id: number;
  isOutgoing: boolean;
  date: number;
  text?: string;
  editDate?: number;
  chat: { id: number; type: string };
  from: { id: number; type: string };
  replyToMessageId?: number;
  isAutomaticForward?: boolean;
  forwardFrom?: Record<string, unknown>;
  pinnedMessage?: Message;
}

/** Calls `method` and returns its result, failing the test on any error. */
export function ok<T = Message>(
  gateway: Gateway,
  base: string,
  method: string,
  args: unknown[],
): Promise<T> {
  return callOk<T>(gateway, base, method, args);
}

/** How many empty polls `take` sits through before giving up. */
const MAX_IDLE_POLLS = 3;

/** The bot's getUpdates stream: `take` waits for the next update that matches and keeps the others for later takes. */
export class BotUpdates {
  readonly #pending: WireUpdate[] = [];
  constructor(readonly gateway: Gateway, readonly base: string) {}

  /** The first update (in delivery order) that `matches`, removed from the stream. */
  async take(
    what: string,
    matches: (update: WireUpdate) => boolean,
  ): Promise<WireUpdate> {
    for (let idle = 0;;) {
      const index = this.#pending.findIndex(matches);
      if (index !== -1) return this.#pending.splice(index, 1)[0];
      if (idle === MAX_IDLE_POLLS) {
        throw new Error(
          `the bot got no ${what}; it got ${JSON.stringify(this.#pending)}`,
        );
      }
      const batch = await ok<WireUpdate[]>(
        this.gateway,
        this.base,
        "getUpdates",
        [{ timeout: 10 }],
      );
      if (batch.length === 0) idle++;
      this.#pending.push(...batch);
    }
  }

  /** What is left once the stream has been quiet for a second. */
  async rest(): Promise<WireUpdate[]> {
    const late = await ok<WireUpdate[]>(
      this.gateway,
      this.base,
      "getUpdates",
      [{ timeout: 1 }],
    );
    return this.#pending.splice(0).concat(late);
  }

  /** The next `type` update about a message of chat `chatId` (`editedMessage`, `message`) that `matches`. */
  async message(
    type: "message" | "editedMessage",
    chatId: number,
    matches: (message: Message) => boolean = () => true,
  ): Promise<Message> {
    const update = await this.take(
      `${type} in chat ${chatId}`,
      (u) => {
        const message = u[type] as Message | undefined;
        return u.type === type && message?.chat.id === chatId &&
          matches(message);
      },
    );
    return update[type] as Message;
  }
}

/** A world with the bot started and Alice's account hosted on the gateway too, with three chats she created and the bot is in. */
export interface ChatsWorld extends World {
  /** Alice's endpoint: `/<user-id>`. */
  userBase: string;
  botUpdates: BotUpdates;
  group: number;
  supergroup: number;
  channel: number;
  /** The id, in Alice's box, of the bot's "welcome" to her. */
  welcomeId: number;
}

/** Creates a chat of Alice's with the bot in it through the control API; its marked id. */
async function createChat(
  { dc, userId, bot }: World,
  type: "group" | "supergroup" | "channel",
  title: string,
): Promise<number> {
  const { id } = await dc.control<{ id: number }>("POST", "/chats", {
    type,
    title,
    creator: userId,
    members: [bot.id],
  });
  return id;
}

/**
 * Runs `fn` with Alice's account on the gateway. The bot's welcome and the
 * chats come once her client is connected, so their updates tell it the
 * bot's and the channels' access hashes, as they would an app's.
 */
export function withChats(
  fn: (world: ChatsWorld) => Promise<void>,
): Promise<void> {
  return withWorld(async (world) => {
    const { dc, gateway, bot, userId } = world;
    await startBot(world);
    const userBase = `/${await addUser(dc, gateway.dataDir)}`;
    await ok(gateway, userBase, "getMe", []);
    const botBase = `/bot${bot.token}`;
    await ok(gateway, botBase, "sendMessage", [userId, "welcome"]);
    const group = await createChat(world, "group", "Group");
    const supergroup = await createChat(world, "supergroup", "Lounge");
    const channel = await createChat(world, "channel", "News");
    const knows = async (chatId: number) =>
      (await call(gateway, userBase, "getHistory", [chatId, { limit: 1 }]))
        .status === 200;
    await until(
      async () =>
        await knows(bot.id) && await knows(supergroup) && await knows(channel),
      10_000,
      "Alice's client to learn the bot, the supergroup and the channel",
    );
    const [welcome] = await ok<Message[]>(gateway, userBase, "getHistory", [
      bot.id,
      { limit: 1 },
    ]);
    assertEquals([welcome.text, welcome.isOutgoing], ["welcome", false]);
    await fn({
      ...world,
      userBase,
      botUpdates: new BotUpdates(gateway, botBase),
      group,
      supergroup,
      channel,
      welcomeId: welcome.id,
    });
  });
}

/** A chat the user and the bot share, as each of them names it. */
export interface SharedChat {
  type: "private" | "group" | "supergroup" | "channel";
  /** The chat id the user passes. */
  userChatId: number;
  /** The chat id the bot's updates carry (the user's id for the private chat). */
  botChatId: number;
}

/** The private chat of Alice and the bot. */
export function privateChat(world: ChatsWorld): SharedChat {
  return { type: "private", userChatId: world.bot.id, botChatId: world.userId };
}

/** One of Alice's chats with the bot in it. */
export function chatOf(
  type: "group" | "supergroup" | "channel",
  world: ChatsWorld,
): SharedChat {
  return { type, userChatId: world[type], botChatId: world[type] };
}
