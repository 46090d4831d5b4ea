/**
 * End to end: MTKruto's profile and contact methods against the real CLI
 * and the DC emulator. Alice's account, hosted on the gateway, changes her
 * names, bio, username and status, shows, hides and orders collectible
 * usernames (her own, her bot's, her channel's), keeps contacts, blocks
 * Bob and the bot, and lists the groups she shares with the bot; the bot
 * reads a business connection. Each effect is checked in the emulator
 * (`GET /accounts`, `GET /usernames`, `GET /messages`).
 */
import { assert, assertEquals } from "../assert.ts";
import { type ChatsWorld, ok, withChats } from "./_chats_world.ts";
import { readJson, withWorld } from "./harness.ts";
import type { Gateway, WireUpdate } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** A username as `GET /usernames` shows it. */
interface HeldUsername {
  username: string;
  editable: boolean;
  active: boolean;
}

/** What `GET /accounts` shows. */
interface Profile {
  firstName: string;
  lastName?: string;
  about?: string;
  usernames: HeldUsername[];
  presence?: { online: boolean; date: number };
  contacts: {
    userId: number;
    firstName: string;
    lastName: string;
    phone: string;
    sharesPhone: boolean;
    note?: string;
  }[];
  blocked: { peer: number; date: number }[];
}

/** The parts of MTKruto's User these tests look at. */
interface User {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  also?: string[];
  isContact: boolean;
  isMutualContact: boolean;
  isBot: boolean;
}

/** Calls `method` as `base`; status, error type and the error message (or result). */
async function answer(
  gateway: Gateway,
  base: string,
  method: string,
  args: unknown[],
) {
  const { status, errorType, body } = await readJson(
    await gateway.fetch(`${base}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(args),
    }),
  );
  return { status, errorType, error: body };
}

/** Alice's call of `method`; its result, failing on any error. */
const alice = <T = unknown>(
  world: ChatsWorld,
  method: string,
  args: unknown[] = [],
) => ok<T>(world.gateway, world.userBase, method, args);
/** Alice's call of `method` that must fail. */
const aliceFails = (world: ChatsWorld, method: string, args: unknown[]) =>
  answer(world.gateway, world.userBase, method, args);

const profile = (world: ChatsWorld, id: number) =>
  world.dc.control<Profile>("GET", `/accounts?id=${id}`);
const usernames = async (world: ChatsWorld, peer: number) =>
  (await world.dc.control<HeldUsername[]>("GET", `/usernames?peer=${peer}`))
    .map((held) => `${held.username}${held.active ? "" : " (hidden)"}`);

Deno.test(
  "dialect, profile: names, bio, username and status change in the emulator; bad input is a 400 naming it",
  options,
  () =>
    withChats(async (world) => {
      const { userId } = world;
      assertEquals(
        await alice(world, "updateProfile", [{
          firstName: " Alicia ",
          lastName: "Smith",
          bio: "Hello from e2e",
        }]),
        null,
      );
      const stored = await profile(world, userId);
      assertEquals([stored.firstName, stored.lastName, stored.about], [
        "Alicia",
        "Smith",
        "Hello from e2e",
      ]);
      const me = await alice<User>(world, "getMe");
      assertEquals([me.firstName, me.lastName], ["Alicia", "Smith"]);
      assertEquals(await aliceFails(world, "updateProfile", [{}]), {
        status: 400,
        errorType: "input",
        error: "params must set at least one of firstName, lastName and bio",
      });
      assertEquals(
        (await aliceFails(world, "updateProfile", [{ bio: 7 }])).error,
        "params.bio must be a string; got the number 7",
      );

      assertEquals(await alice(world, "setUsername", ["alicia_e2e"]), null);
      assertEquals(await usernames(world, userId), ["alicia_e2e"]);
      assertEquals(await alice(world, "checkUsername", ["free_name_1"]), true);
      assertEquals(await aliceFails(world, "checkUsername", ["e2e_bot"]), {
        status: 400,
        errorType: "rpc",
        error: "USERNAME_OCCUPIED",
      });
      assertEquals(await alice(world, "removeUsername"), null);
      assertEquals(await usernames(world, userId), []);
      await alice(world, "setUsername", ["alice"]);

      assertEquals(await alice(world, "setIsOnline", [true]), null);
      assertEquals((await profile(world, userId)).presence?.online, true);
      await alice(world, "setIsOnline", [false]);
      assertEquals((await profile(world, userId)).presence?.online, false);
      assertEquals(await aliceFails(world, "setIsOnline", ["yes"]), {
        status: 400,
        errorType: "input",
        error:
          'Argument 1 of setIsOnline (isOnline) must be true or false; got the string "yes"',
      });
      // the bot may not: these are a user's
      assertEquals(
        await answer(world.gateway, `/bot${world.bot.token}`, "setUsername", [
          "x_bot_name",
        ]),
        {
          status: 400,
          errorType: "input",
          error: "setUsername: not a user client.",
        },
      );
    }),
);

Deno.test(
  "dialect, usernames: collectible usernames of Alice, her bot and her channel are shown, hidden and ordered",
  options,
  () =>
    withChats(async (world) => {
      const { dc, userId, channel, group } = world;
      await dc.control("POST", "/usernames", {
        peer: userId,
        username: "alicefamous",
        active: false,
      });
      assertEquals(
        await alice(world, "showUsername", ["me", "alicefamous"]),
        null,
      );
      assertEquals(await usernames(world, userId), ["alice", "alicefamous"]);
      assertEquals(
        await alice(world, "reorderUsernames", ["me", [
          "alicefamous",
          "alice",
        ]]),
        true,
      );
      assertEquals(await usernames(world, userId), ["alicefamous", "alice"]);
      assertEquals(
        await alice(world, "hideUsername", ["me", "alicefamous"]),
        null,
      );
      assertEquals(await usernames(world, userId), [
        "alice",
        "alicefamous (hidden)",
      ]);
      // User: the first listed username, the others in `also`
      const me = await alice<User>(world, "getMe");
      assertEquals([me.username, me.also], ["alice", ["alicefamous"]]);
      assertEquals(
        await aliceFails(world, "hideUsername", ["me", "alicefamous"]),
        {
          status: 400,
          errorType: "rpc",
          error: "USERNAME_NOT_MODIFIED",
        },
      );

      // a bot she created with BotFather, and one she did not
      const helper = await dc.control<{ id: number }>("POST", "/bots", {
        username: "alice_helper_bot",
        owner: userId,
      });
      await dc.control("POST", "/usernames", {
        peer: helper.id,
        username: "alicehelper",
        active: false,
      });
      await alice(world, "showUsername", ["@alice_helper_bot", "alicehelper"]);
      assertEquals(
        await alice(world, "reorderUsernames", ["@alice_helper_bot", [
          "alicehelper",
          "alice_helper_bot",
        ]]),
        true,
      );
      assertEquals(await usernames(world, helper.id), [
        "alicehelper",
        "alice_helper_bot",
      ]);
      assertEquals(
        await aliceFails(world, "showUsername", ["@e2e_bot", "e2e_bot"]),
        {
          status: 400,
          errorType: "rpc",
          error: "BOT_INVALID",
        },
      );

      // her channel
      await dc.control("POST", "/usernames", {
        peer: channel,
        username: "newsfamous",
      });
      assertEquals(await alice(world, "hideUsernames", [channel]), true);
      assertEquals(await usernames(world, channel), ["newsfamous (hidden)"]);
      assertEquals(await alice(world, "hideUsernames", [channel]), false);
      await alice(world, "showUsername", [channel, "newsfamous"]);
      assertEquals(await usernames(world, channel), ["newsfamous"]);

      assertEquals(await aliceFails(world, "hideUsernames", [group]), {
        status: 400,
        errorType: "input",
        error:
          "Argument 1 of hideUsernames (id) must be a supergroup or a channel",
      });
      assertEquals(
        (await aliceFails(world, "showUsername", [group, "x_name"])).error,
        'Argument 1 of showUsername (id) must be "me", a bot, a supergroup or a channel; a basic group has no usernames',
      );
      assertEquals(
        (await aliceFails(world, "reorderUsernames", ["me", []])).error,
        "Argument 2 of reorderUsernames (order) must name at least one username",
      );
    }),
);

Deno.test(
  "dialect, contacts: saved contacts, blocking (a blocked user's messages do not reach Alice) and common chats",
  options,
  () =>
    withChats(async (world) => {
      const { dc, gateway, userId, bot, group, supergroup, channel } = world;
      const { id: bobId } = await dc.control<{ id: number }>("POST", "/users", {
        phone: "15550002",
        firstName: "Bob",
        username: "bob_e2e",
      });
      assertEquals(
        await alice(world, "addContact", ["@bob_e2e", "Robert", {
          lastName: "B.",
          note: "met at *work*",
          noteParseMode: "Markdown",
        }]),
        null,
      );
      assertEquals((await profile(world, userId)).contacts, [{
        userId: bobId,
        firstName: "Robert",
        lastName: "B.",
        phone: "",
        sharesPhone: false,
        note: "met at work",
      }]);
      const [contact] = await alice<User[]>(world, "getContacts");
      assertEquals(
        [contact.id, contact.firstName, contact.lastName, contact.isContact],
        [bobId, "Robert", "B.", true],
      );
      assertEquals([contact.isMutualContact, contact.isBot], [false, false]);
      assertEquals(
        (await aliceFails(world, "addContact", [-1001234, "X"])).error,
        "Argument 1 of addContact (userId) must be a user; -1001234 is a group or channel id",
      );
      assertEquals(
        (await aliceFails(world, "addContact", ["@bob_e2e", 5])).error,
        "Argument 2 of addContact (firstName) must be a string; got the number 5",
      );
      assertEquals(await alice(world, "deleteContact", ["@bob_e2e"]), null);
      assertEquals((await profile(world, userId)).contacts, []);
      await alice(world, "addContact", ["@bob_e2e", "Bob"]);
      assertEquals(await alice(world, "deleteContacts", [["@bob_e2e"]]), null);
      assertEquals((await profile(world, userId)).contacts, []);
      assertEquals(
        (await aliceFails(world, "deleteContacts", [[]])).error,
        "Argument 1 of deleteContacts (userIds) must name at least one user",
      );

      // Bob blocked: his message stays in his own box
      assertEquals(await alice(world, "blockUser", ["@bob_e2e"]), null);
      assertEquals((await profile(world, userId)).blocked.map((b) => b.peer), [
        bobId,
      ]);
      await dc.control("POST", "/messages", {
        from: bobId,
        to: userId,
        text: "hello?",
      });
      const texts = async (user: number, peer: number) =>
        (await dc.control<{ text: string }[]>(
          "GET",
          `/messages?user=${user}&peer=${peer}`,
        ))
          .map((m) => m.text);
      assertEquals(await texts(userId, bobId), []);
      assertEquals(await texts(bobId, userId), ["hello?"]);
      const list = await alice<
        { blockedUsers: { user: User; blockedAt: number }[]; count: number }
      >(
        world,
        "getBlockedUsers",
      );
      assertEquals(list.count, 1);
      assertEquals([
        list.blockedUsers[0].user.id,
        list.blockedUsers[0].user.firstName,
      ], [bobId, "Bob"]);
      assert(list.blockedUsers[0].blockedAt > 1_700_000_000);
      assertEquals(await aliceFails(world, "sendMessage", [bobId, "hi"]), {
        status: 400,
        errorType: "rpc",
        error: "YOU_BLOCKED_USER",
      });
      assertEquals(
        (await aliceFails(world, "getBlockedUsers", [{ limit: 0 }])).error,
        "params.limit must be an integer from 1 to 100; got the number 0",
      );
      await alice(world, "unblockUser", ["@bob_e2e"]);
      await dc.control("POST", "/messages", {
        from: bobId,
        to: userId,
        text: "now?",
      });
      assertEquals(await texts(userId, bobId), ["now?"]);

      // the bot blocked: Telegram tells it so
      await alice(world, "blockUser", [bot.id]);
      const botBase = `/bot${bot.token}`;
      assertEquals(
        await answer(gateway, botBase, "sendMessage", [userId, "promo"]),
        {
          status: 403,
          errorType: "rpc",
          error: "USER_IS_BLOCKED",
        },
      );
      await alice(world, "unblockUser", [bot.id]);
      await ok(gateway, botBase, "sendMessage", [userId, "back"]);

      // the bot is in the group and the supergroup (a broadcast channel does not count)
      const common = await alice<{ id: number; type: string }[]>(
        world,
        "getCommonChats",
        [bot.id],
      );
      assertEquals(common.map((c) => [c.id, c.type]), [[
        supergroup,
        "supergroup",
      ], [group, "group"]]);
      assert(!common.some((c) => c.id === channel));
      const [first] = await alice<{ id: number }[]>(world, "getCommonChats", [
        bot.id,
        { limit: 1 },
      ]);
      assertEquals(first.id, supergroup);
      const rest = await alice<{ id: number }[]>(world, "getCommonChats", [
        bot.id,
        { fromChatId: supergroup },
      ]);
      assertEquals(rest.map((c) => c.id), [group]);
      assertEquals(
        (await aliceFails(world, "getCommonChats", [bot.id, {
          fromChatId: bobId,
        }])).error,
        "params.fromChatId must be a group, supergroup or channel, not a user",
      );
      assertEquals(
        (await answer(gateway, botBase, "blockUser", [userId])).error,
        "blockUser: not a user client.",
      );
    }),
);

Deno.test(
  "dialect, business: the bot gets a connection Alice made as an update and reads it by id; an unknown id is Telegram's CONNECTION_ID_INVALID",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const botBase = `/bot${bot.token}`;
      // started first, so Telegram pushes the connection to it
      await ok(gateway, botBase, "getMe", []);
      const { id } = await dc.control<{ id: string }>(
        "POST",
        "/business-connections",
        {
          user: userId,
          bot: bot.id,
          canReply: true,
        },
      );
      const connection = await ok<{
        id: string;
        user: User;
        date: number;
        canReply: boolean;
        isEnabled: boolean;
      }>(gateway, botBase, "getBusinessConnection", [id]);
      assertEquals(Object.keys(connection), [
        "id",
        "user",
        "date",
        "canReply",
        "isEnabled",
      ]);
      assertEquals(
        [
          connection.id,
          connection.user.id,
          connection.user.firstName,
          connection.canReply,
          connection.isEnabled,
        ],
        [id, userId, "Alice", true, true],
      );
      assert(connection.date > 1_700_000_000);
      const updates = await ok<WireUpdate[]>(gateway, botBase, "getUpdates", [
        { timeout: 10 },
      ]);
      assertEquals(
        updates.map((u) => [u.type, u.businessConnection]),
        [["businessConnection", connection]],
      );
      assertEquals(
        await answer(gateway, botBase, "getBusinessConnection", ["nope"]),
        {
          status: 400,
          errorType: "rpc",
          error: "CONNECTION_ID_INVALID",
        },
      );
      assertEquals(
        (await answer(gateway, botBase, "getBusinessConnection", [""])).error,
        "Argument 1 of getBusinessConnection (id) must not be empty",
      );
    }),
);
