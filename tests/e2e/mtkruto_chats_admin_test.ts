/**
 * End to end: reading chats in full and changing them in MTKruto's dialect.
 * Alice (a user hosted on the gateway) and the bot read her private chat,
 * group, supergroup and channel with getChat (MTKruto's Chat per types.md
 * §5.3), then change titles, descriptions, photos, sticker sets, slow mode,
 * signatures, content protection, unrestricting boosts and the message TTL;
 * each effect is read back from the emulator (`GET /chats/<id>/info`).
 * Custom emoji come back as Stickers. Bad arguments are 400s naming them,
 * and user-only methods refuse the bot.
 */
import { assert, assertEquals } from "../assert.ts";
import { png } from "./_media_samples.ts";
import { withChats } from "./_chats_world.ts";
import {
  botBase,
  createStickerSet,
  info,
  ok,
  refused,
} from "./_chats_admin_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** A form posting `photo` for the chat, as multipart clients upload files. */
function photoForm(chatId: number, bytes: Uint8Array<ArrayBuffer>): FormData {
  const form = new FormData();
  form.append("chatId", JSON.stringify(chatId));
  form.append("photo", new File([bytes], "photo.png", { type: "image/png" }));
  return form;
}

/** MTKruto's default color: the marked id's decimal digits ("-100" read as "-"), absolute, modulo 7. */
function defaultColor(id: number): number {
  return Math.abs(Number(String(id).replace(/^-100/, "-"))) % 7;
}

const CHANNEL_FLAGS = {
  isScam: false,
  isFake: false,
  isVerified: false,
  isRestricted: false,
};

Deno.test(
  "dialect: getChat answers MTKruto's Chat for a private chat, a group, a supergroup and a channel, to the user and the bot",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, bot, group, supergroup, channel } = world;
      const privateChat = await ok(world, userBase, "getChat", [
        bot.id,
      ]);
      assertEquals(privateChat, {
        id: bot.id,
        type: "private",
        isBot: true,
        color: defaultColor(bot.id),
        firstName: "e2e_bot",
        username: "e2e_bot",
        isSelf: false,
        isDeleted: false,
        isContact: false,
        isMutualContact: false,
        isCloseFriend: false,
        ...CHANNEL_FLAGS,
        isPremium: false,
        isSupport: false,
        isAddedToAttachmentsMenu: false,
        hasMainMiniApp: false,
        isGuestQuerySupported: false,
      });
      const expected = {
        [group]: {
          id: group,
          type: "group",
          color: defaultColor(group),
          title: "Group",
          isCreator: true,
        },
        [supergroup]: {
          id: supergroup,
          color: defaultColor(supergroup),
          type: "supergroup",
          title: "Lounge",
          ...CHANNEL_FLAGS,
          isForum: false,
          isDirectMessagesChat: false,
        },
        [channel]: {
          id: channel,
          color: defaultColor(channel),
          type: "channel",
          title: "News",
          ...CHANNEL_FLAGS,
        },
      };
      for (const chatId of [group, supergroup, channel]) {
        const chat = await ok(world, userBase, "getChat", [chatId]);
        assertEquals(chat, expected[chatId]);
        // the bot sees the same chat, only not as its creator
        const seen = await ok<Record<string, unknown>>(
          world,
          botBase(world),
          "getChat",
          [chatId],
        );
        assertEquals(seen.id, chatId);
        if (chatId === group) assertEquals(seen.isCreator, false);
      }
      await refused(world, userBase, "getChat", [[group]], {
        message: "Argument 1 of getChat (chatId)",
      });
    }),
);

Deno.test(
  "dialect: setChatTitle, setChatDescription, setChatPhoto and deleteChatPhoto change the chat, for the user and the bot (an admin of the channel)",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, bot, group, supergroup, channel } = world;
      assertEquals(
        await ok(world, userBase, "setChatTitle", [group, "Group 2"]),
        null,
      );
      assertEquals((await info(world, group)).title, "Group 2");
      const renamed = await world.botUpdates.message(
        "message",
        group,
        (m) => m.type === "newChatTitle",
      );
      assertEquals(
        (renamed as unknown as { newChatTitle: string }).newChatTitle,
        "Group 2",
      );
      await ok(world, userBase, "setChatDescription", [
        supergroup,
        "All about the lounge",
      ]);
      assertEquals(
        (await info(world, supergroup)).about,
        "All about the lounge",
      );

      await ok(
        world,
        userBase,
        "setChatPhoto",
        photoForm(supergroup, png(640, 640)),
      );
      const photo = (await info(world, supergroup)).photo;
      assertEquals(photo?.sizes, [
        { type: "a", side: 160 },
        { type: "b", side: 320 },
        { type: "c", side: 640 },
      ]);
      const full = await ok<
        { photo?: { width: number; thumbnails: unknown[] } }
      >(
        world,
        userBase,
        "getChat",
        [supergroup],
      );
      assertEquals([full.photo?.width, full.photo?.thumbnails.length], [
        640,
        2,
      ]);
      await ok(world, userBase, "deleteChatPhoto", [supergroup]);
      assertEquals((await info(world, supergroup)).photo, undefined);

      // the bot is an admin of the channel, with change_info
      await ok(
        world,
        botBase(world),
        "setChatPhoto",
        photoForm(channel, png(320, 320)),
      );
      assert((await info(world, channel)).photo, "the channel has a photo");
      await ok(world, botBase(world), "setChatTitle", [channel, "Bot News"]);
      await ok(world, botBase(world), "deleteChatPhoto", [channel]);
      assertEquals(
        [
          (await info(world, channel)).title,
          (await info(world, channel)).photo,
        ],
        ["Bot News", undefined],
      );

      await refused(world, userBase, "setChatTitle", [bot.id, "x"], {
        message: "A chat or channel identifier was expected.",
      });
      await refused(world, userBase, "setChatDescription", [
        group,
        "x".repeat(256),
      ], { message: "Argument 2 of setChatDescription (description)" });
      await refused(world, userBase, "setChatPhoto", [
        group,
        "https://example.com/a.png",
      ], { message: "Argument 2 of setChatPhoto (photo)" });
      // Telegram's own refusal comes through as an RPC error
      await refused(world, userBase, "setChatTitle", [supergroup, "Lounge"], {
        type: "rpc",
        message: "CHAT_NOT_MODIFIED",
      });
    }),
);

Deno.test(
  "dialect: slow mode, signatures, sharing, unrestricting boosts and the message TTL are set as Telegram takes them; the bot may not",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, group, supergroup, channel } = world;
      const set = (method: string, args: unknown[]) =>
        ok(world, userBase, method, args);
      await set("setSlowMode", [supergroup, "5m"]);
      assertEquals((await info(world, supergroup)).slowModeSeconds, 300);
      await set("disableSlowMode", [supergroup]);
      assertEquals((await info(world, supergroup)).slowModeSeconds, 0);
      await set("enableSignatures", [channel, { showAuthorProfile: true }]);
      const signed = await info(world, channel);
      assertEquals([signed.signatures, signed.signatureProfiles], [true, true]);
      await set("disableSignatures", [channel]);
      assertEquals((await info(world, channel)).signatures, false);
      await set("disableSharing", [supergroup]);
      assertEquals((await info(world, supergroup)).noForwards, true);
      await set("enableSharing", [supergroup]);
      assertEquals((await info(world, supergroup)).noForwards, false);
      await set("setBoostsRequiredToCircumventRestrictions", [supergroup, 4]);
      assertEquals((await info(world, supergroup)).boostsUnrestrict, 4);
      await set("setMessageTtl", [group, 86400]);
      assertEquals((await info(world, group)).ttlPeriod, 86400);

      await refused(world, userBase, "setSlowMode", [supergroup, "2m"], {
        message: "Argument 2 of setSlowMode (duration)",
      });
      await refused(world, userBase, "setSlowMode", [group, "10s"], {
        message: "is neither a channel nor a supergroup",
      });
      await refused(world, userBase, "setSlowMode", [channel, "10s"], {
        type: "rpc",
        message: "CHANNEL_INVALID",
      });
      await refused(world, userBase, "enableSignatures", [channel, {
        showAuthorProfile: "yes",
      }], { message: "params.showAuthorProfile" });
      await refused(
        world,
        userBase,
        "setBoostsRequiredToCircumventRestrictions",
        [supergroup, 9],
        {
          message:
            "Argument 2 of setBoostsRequiredToCircumventRestrictions (boosts)",
        },
      );
      await refused(world, botBase(world), "setSlowMode", [supergroup, "10s"], {
        message: "setSlowMode: not a user client.",
      });
    }),
);

Deno.test(
  "dialect: setChatStickerSet and deleteChatStickerSet for a supergroup's admins; getCustomEmojiStickers answers Stickers",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, bot, supergroup, channel } = world;
      await createStickerSet(world, "cats_by_e2e_bot", { emojis: false });
      await ok(world, userBase, "setChatStickerSet", [
        supergroup,
        "cats_by_e2e_bot",
      ]);
      assertEquals(
        (await info(world, supergroup)).stickerSet,
        "cats_by_e2e_bot",
      );
      // the bot, a plain member, may not until Alice makes it an admin
      await refused(
        world,
        botBase(world),
        "deleteChatStickerSet",
        [supergroup],
        {
          status: 403,
          type: "rpc",
          message: "CHAT_ADMIN_REQUIRED",
        },
      );
      await world.dc.control("POST", `/chats/${supergroup}/members`, {
        user: bot.id,
        admin: true,
      });
      await ok(world, botBase(world), "deleteChatStickerSet", [supergroup]);
      assertEquals((await info(world, supergroup)).stickerSet, undefined);
      await refused(world, userBase, "setChatStickerSet", [supergroup, ""], {
        message: "Argument 2 of setChatStickerSet (setName)",
      });
      await refused(world, userBase, "setChatStickerSet", [
        supergroup,
        "no_such_set",
      ], { type: "rpc", message: "STICKERSET_INVALID" });
      await refused(world, userBase, "setChatStickerSet", [
        channel,
        "cats_by_e2e_bot",
      ], { type: "rpc", message: "CHANNEL_INVALID" });

      const [emoji] = await createStickerSet(world, "emo_by_e2e_bot", {
        emojis: true,
      });
      const emojiId = (emoji.id as { value: string }).value;
      for (const base of [userBase, botBase(world)]) {
        const [sticker, ...rest] = await ok<Record<string, unknown>[]>(
          world,
          base,
          "getCustomEmojiStickers",
          [[emojiId, "12345"]],
        );
        assertEquals(rest, []);
        assertEquals(
          [sticker.type, sticker.customEmojiId, sticker.emoji, sticker.width],
          ["customEmoji", emojiId, "😺", 100],
        );
        assert(typeof sticker.fileId === "string", "the sticker has a file id");
      }
      assertEquals(
        await ok(world, userBase, "getCustomEmojiStickers", [emojiId]).then((
          stickers,
        ) => (stickers as unknown[]).length),
        1,
      );
      await refused(world, userBase, "getCustomEmojiStickers", [["x1"]], {
        message: "Argument 1 of getCustomEmojiStickers (id)[0]",
      });
    }),
);
