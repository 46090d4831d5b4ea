/**
 * End to end: MTKruto's profile settings against the real CLI and the DC
 * emulator. Alice's account, hosted on the gateway, sets and removes her
 * birthday, personal channel, emoji status and accent colors; each effect
 * is checked in the emulator (`GET /accounts`, its `extras`) and read back
 * through getChat("me") where MTKruto's Chat shows it (types.md §5.1–5.2).
 * Bad arguments answer 400 naming them; the bot is refused (user-only).
 */
import { assertEquals } from "../assert.ts";
import { type ChatsWorld, withChats } from "./_chats_world.ts";
import { callMethod, callOk } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** What `GET /accounts` shows of the settings. */
interface Extras {
  birthday?: { day: number; month: number; year?: number };
  personalChannelId?: number;
  emojiStatus?: { customEmojiId: string; until?: number };
  color?: { color?: number; backgroundEmojiId?: string };
  profileColor?: { color?: number; backgroundEmojiId?: string };
  notifySettings?: Record<string, Record<string, unknown>>;
}

/** The parts of MTKruto's ChatPrivate these tests look at. */
interface OwnChat {
  type: string;
  color: number;
  birthday?: { day: number; month: number; year?: number };
  emojiStatus?: { type: string; customEmojiId: string; until?: number };
}

const extras = async (world: ChatsWorld): Promise<Extras> =>
  (await world.dc.control<{ extras?: Extras }>(
    "GET",
    `/accounts?id=${world.userId}`,
  )).extras ?? {};

/** Alice's call that must succeed with MTKruto's void (null). */
const aliceVoid = async (
  world: ChatsWorld,
  method: string,
  args: unknown[] = [],
) =>
  assertEquals(
    await callOk<null>(world.gateway, world.userBase, method, args),
    null,
  );

/** Alice's call that must fail; its status, error type and message. */
const aliceFails = async (
  world: ChatsWorld,
  method: string,
  args: unknown[],
) => {
  const { status, errorType, body } = await callMethod(
    world.gateway,
    world.userBase,
    method,
    args,
  );
  return { status, errorType, error: body };
};

const ownChat = (world: ChatsWorld) =>
  callOk<OwnChat>(world.gateway, world.userBase, "getChat", ["me"]);

Deno.test(
  "dialect, profile settings: birthday and personal channel are set and removed",
  options,
  () =>
    withChats(async (world) => {
      await aliceVoid(world, "setBirthday", [{
        birthday: { day: 29, month: 2, year: 2000 },
      }]);
      assertEquals((await extras(world)).birthday, {
        day: 29,
        month: 2,
        year: 2000,
      });
      const chat = await ownChat(world);
      assertEquals([chat.type, chat.birthday], ["private", {
        day: 29,
        month: 2,
        year: 2000,
      }]);
      // Telegram checks the calendar: 2001 was no leap year
      assertEquals(
        await aliceFails(world, "setBirthday", [{
          birthday: { day: 29, month: 2, year: 2001 },
        }]),
        { status: 400, errorType: "rpc", error: "BIRTHDAY_INVALID" },
      );
      assertEquals(
        await aliceFails(world, "setBirthday", [{
          birthday: { day: 1, month: 13 },
        }]),
        {
          status: 400,
          errorType: "input",
          error:
            "params.birthday.month must be an integer from 1 to 12; got the number 13",
        },
      );
      await aliceVoid(world, "setBirthday");
      assertEquals((await extras(world)).birthday, undefined);
      assertEquals((await ownChat(world)).birthday, undefined);

      await aliceVoid(world, "setPersonalChannel", [{
        chatId: world.channel,
      }]);
      assertEquals((await extras(world)).personalChannelId, world.channel);
      assertEquals(
        await aliceFails(world, "setPersonalChannel", [{
          chatId: world.group,
        }]),
        {
          status: 400,
          errorType: "input",
          error: "params.chatId must be a channel",
        },
      );
      // a supergroup is a channel to TL but cannot be a personal channel
      assertEquals(
        await aliceFails(world, "setPersonalChannel", [{
          chatId: world.supergroup,
        }]),
        { status: 400, errorType: "rpc", error: "CHANNEL_INVALID" },
      );
      await aliceVoid(world, "setPersonalChannel", [{}]);
      assertEquals((await extras(world)).personalChannelId, undefined);
    }),
);

Deno.test(
  "dialect, profile settings: emoji status and accent colors are set and removed; the bot may not",
  options,
  () =>
    withChats(async (world) => {
      const until = Math.floor(Date.now() / 1000) + 3600;
      await aliceVoid(world, "setEmojiStatus", [
        { type: "customEmoji", customEmojiId: "5368324170671202286" },
        { until },
      ]);
      assertEquals((await extras(world)).emojiStatus, {
        customEmojiId: "5368324170671202286",
        until,
      });
      assertEquals((await ownChat(world)).emojiStatus, {
        type: "customEmoji",
        customEmojiId: "5368324170671202286",
        until,
      });
      assertEquals(
        await aliceFails(world, "setEmojiStatus", [{ type: "sticker" }]),
        {
          status: 400,
          errorType: "input",
          error:
            'Argument 1 of setEmojiStatus (emojiStatus).type must be one of "customEmoji" or "gift"; got the string "sticker"',
        },
      );
      await aliceVoid(world, "removeEmojiStatus");
      assertEquals((await extras(world)).emojiStatus, undefined);
      assertEquals((await ownChat(world)).emojiStatus, undefined);

      await aliceVoid(world, "setNameColor", [5, {
        customEmojiId: "5368324170671202287",
      }]);
      await aliceVoid(world, "setProfileColor", [3]);
      const set = await extras(world);
      assertEquals([set.color, set.profileColor], [
        { color: 5, backgroundEmojiId: "5368324170671202287" },
        { color: 3 },
      ]);
      assertEquals((await ownChat(world)).color, 5);
      assertEquals(
        await aliceFails(world, "setNameColor", [99]),
        { status: 400, errorType: "rpc", error: "COLOR_INVALID" },
      );
      assertEquals(
        (await aliceFails(world, "setProfileColor", ["red"])).error,
        'Argument 1 of setProfileColor (color) must be an integer from 0 to 2147483647; got the string "red"',
      );

      // these are a user's settings
      const refused = await callMethod(
        world.gateway,
        `/bot${world.bot.token}`,
        "setNameColor",
        [1],
      );
      assertEquals([refused.status, refused.errorType, refused.body], [
        400,
        "input",
        "setNameColor: not a user client.",
      ]);
    }),
);

Deno.test(
  "dialect, resolveUsername: a user, a bot and a public channel resolve to their ChatP, for the user and the bot",
  options,
  () =>
    withChats(async (world) => {
      const { dc, gateway, userBase, bot, userId } = world;
      const { id: channelId } = await dc.control<{ id: number }>(
        "POST",
        "/chats",
        {
          type: "channel",
          title: "Public News",
          creator: userId,
          username: "public_news",
        },
      );
      const botBase = `/bot${bot.token}`;
      for (const base of [userBase, botBase]) {
        const user = await callOk(gateway, base, "resolveUsername", ["alice"]);
        assertEquals([user.type, user.id, user.username, user.isBot], [
          "private",
          userId,
          "alice",
          false,
        ]);
        const channel = await callOk(gateway, base, "resolveUsername", [
          "public_news",
        ]);
        assertEquals(
          [channel.type, channel.id, channel.title, channel.username],
          ["channel", channelId, "Public News", "public_news"],
        );
      }
      const resolvedBot = await callOk(gateway, userBase, "resolveUsername", [
        "e2e_bot",
      ]);
      assertEquals([resolvedBot.type, resolvedBot.id, resolvedBot.isBot], [
        "private",
        bot.id,
        true,
      ]);
      assertEquals(
        await aliceFails(world, "resolveUsername", ["nobody_here_x"]),
        { status: 400, errorType: "rpc", error: "USERNAME_NOT_OCCUPIED" },
      );
      assertEquals(
        await aliceFails(world, "resolveUsername", [""]),
        {
          status: 400,
          errorType: "input",
          error: "Argument 1 of resolveUsername (username) must not be empty",
        },
      );
    }),
);

Deno.test(
  "dialect, notification settings: a chat's are set, read back and reset; bad ones are refused",
  options,
  () =>
    withChats(async (world) => {
      const { bot, channel } = world;
      const muteUntil = Math.floor(Date.now() / 1000) + 86_400;
      assertEquals(
        await callOk(world.gateway, world.userBase, "getNotificationSettings", [
          bot.id,
        ]),
        {},
      );
      await aliceVoid(world, "setNotificationSettings", [bot.id, {
        settings: {
          muteUntil,
          isSilent: true,
          sound: { type: "none" },
          hidesStories: false,
        },
      }]);
      await aliceVoid(world, "setNotificationSettings", [channel, {
        settings: { showsPreviews: false },
      }]);
      assertEquals((await extras(world)).notifySettings, {
        [`peer:${bot.id}`]: {
          muteUntil,
          silent: true,
          sound: "notificationSoundNone",
          storiesHideSender: false,
        },
        [`peer:${channel}`]: { showPreviews: false },
      });
      // MTKruto's NotificationSettings: one sound per platform, as Telegram stores it
      assertEquals(
        await callOk(world.gateway, world.userBase, "getNotificationSettings", [
          bot.id,
        ]),
        {
          isSilent: true,
          muteUntil,
          iosSound: { type: "none" },
          androidSound: { type: "none" },
          otherPlatformsSound: { type: "none" },
          hidesStories: false,
        },
      );
      assertEquals(
        await aliceFails(world, "setNotificationSettings", [bot.id, {
          settings: { sound: { type: "loud" } },
        }]),
        {
          status: 400,
          errorType: "input",
          error:
            'params.settings.sound.type must be one of "default", "none", "local" or "ringtone"; got the string "loud"',
        },
      );
      assertEquals(
        (await aliceFails(world, "setNotificationSettings", [bot.id, {
          settings: { muteUntil: "tomorrow" },
        }])).error,
        'params.settings.muteUntil must be an integer from 0 to 2147483647; got the string "tomorrow"',
      );
      await aliceVoid(world, "resetNotificationSettings");
      assertEquals((await extras(world)).notifySettings, {});
      assertEquals(
        await callOk(world.gateway, world.userBase, "getNotificationSettings", [
          channel,
        ]),
        {},
      );
      const refused = await callMethod(
        world.gateway,
        `/bot${bot.token}`,
        "getNotificationSettings",
        [world.userId],
      );
      assertEquals([refused.status, refused.body], [
        400,
        "getNotificationSettings: not a user client.",
      ]);
    }),
);
