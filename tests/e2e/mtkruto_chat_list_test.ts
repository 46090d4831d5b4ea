/**
 * End to end: the chat list in MTKruto's dialect. Alice (a user hosted on
 * the gateway) creates a group, a supergroup and a channel, lists her
 * chats (ChatListItem, types.md §13) page by page, archives and unarchives
 * them, reads her inactive channels, deletes chats, joins a public
 * supergroup by its username, opens and closes it, and leaves chats; the bot
 * leaves one too. Each effect is read back from the emulator (`GET
 * /chats/<id>`, `GET /dialogs`); bad arguments are 400s naming them, and
 * the user-only methods refuse the bot.
 */
import { assert, assertEquals } from "../assert.ts";
import { type ChatsWorld, withChats } from "./_chats_world.ts";
import { botBase, info, ok, refused } from "./_chats_admin_calls.ts";
import type { ControlDialog } from "../dc/control_chat_info.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** The parts of MTKruto's ChatListItem these tests look at. */
interface ChatListItem {
  folder?: { id: number; title: string };
  chat: { id: number; type: string; title?: string };
  lastMessage?: {
    id: number;
    date: number;
    type: string;
    chat: { id: number };
  };
  unreadChatCount?: number;
  unreadMessageCount?: number;
}

/** Alice's chat list in the emulator: each chat's folder. */
async function folders(world: ChatsWorld): Promise<Map<number, number>> {
  const dialogs = await world.dc.control<ControlDialog[]>(
    "GET",
    `/dialogs?user=${world.userId}`,
  );
  return new Map(dialogs.map((dialog) => [dialog.peer, dialog.folderId]));
}

/** Each chat's members as the emulator has them. */
async function memberIds(world: ChatsWorld, chatId: number): Promise<number[]> {
  const chat = await world.dc.control<{ members: { id: number }[] }>(
    "GET",
    `/chats/${chatId}`,
  );
  return chat.members.map((member) => member.id).sort((a, b) => a - b);
}

Deno.test(
  "dialect: createGroup, createSupergroup and createChannel answer ChatPs; getChats lists them newest first, pages after an item, and archives",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, bot, userId } = world;
      const made = await ok<Record<string, unknown>>(
        world,
        userBase,
        "createGroup",
        [
          "Made",
          { users: [bot.id] },
        ],
      );
      const groupId = made.id as number;
      assertEquals(made, {
        id: groupId,
        type: "group",
        color: made.color,
        title: "Made",
        isCreator: true,
      });
      assertEquals(
        await memberIds(world, groupId),
        [userId, bot.id].sort((a, b) => a - b),
      );
      const forum = await ok<Record<string, unknown>>(
        world,
        userBase,
        "createSupergroup",
        [
          "  Forum  ",
          { description: "About the forum", isForum: true },
        ],
      );
      assertEquals([forum.type, forum.title, forum.isForum], [
        "supergroup",
        "Forum",
        true,
      ]);
      assertEquals(
        (await info(world, forum.id as number)).about,
        "About the forum",
      );
      const news = await ok<Record<string, unknown>>(
        world,
        userBase,
        "createChannel",
        [
          "Made News",
          { messageTtl: 3600 },
        ],
      );
      assertEquals([news.type, news.title], ["channel", "Made News"]);
      assertEquals((await info(world, news.id as number)).ttlPeriod, 3600);

      const all = await ok<ChatListItem[]>(world, userBase, "getChats", []);
      assertEquals(all.slice(0, 3).map((item) => item.chat.id), [
        news.id,
        forum.id,
        groupId,
      ]);
      const [newest] = all;
      assertEquals(newest.chat.type, "channel");
      assertEquals(
        [newest.lastMessage?.type, newest.lastMessage?.chat.id],
        ["channelCreated", news.id],
      );
      assert(
        !("replyToMessage" in (newest.lastMessage ?? {})),
        "no replied message",
      );
      // the bot's welcome, Alice's first chat, comes last
      assertEquals(all.at(-1)?.chat.id, bot.id);

      const first = await ok<ChatListItem[]>(world, userBase, "getChats", [{
        limit: 2,
      }]);
      const next = await ok<ChatListItem[]>(world, userBase, "getChats", [{
        after: first[1],
        limit: 2,
      }]);
      assertEquals(
        [...first, ...next].map((item) => item.chat.id),
        all.slice(0, 4).map((item) => item.chat.id),
      );

      await ok(world, userBase, "archiveChat", [groupId]);
      await ok(world, userBase, "archiveChats", [[forum.id, news.id]]);
      const archivedFolders = await folders(world);
      assertEquals(
        [groupId, forum.id as number, news.id as number].map((id) =>
          archivedFolders.get(id)
        ),
        [1, 1, 1],
      );
      const archived = await ok<ChatListItem[]>(world, userBase, "getChats", [{
        from: "archived",
      }]);
      assertEquals(archived.map((item) => item.chat.id), [
        news.id,
        forum.id,
        groupId,
      ]);
      const [archive] = await ok<ChatListItem[]>(
        world,
        userBase,
        "getChats",
        [],
      );
      assertEquals([archive.folder, archive.chat.id], [
        { id: 1, title: "Archived Chats" },
        news.id,
      ]);
      await ok(world, userBase, "unarchiveChat", [groupId]);
      await ok(world, userBase, "unarchiveChats", [[forum.id, news.id]]);
      const back = await folders(world);
      assertEquals([groupId, forum.id as number].map((id) => back.get(id)), [
        0,
        0,
      ]);

      await refused(world, userBase, "createGroup", ["   "], {
        message: "Argument 1 of createGroup (title): Title cannot be empty.",
      });
      await refused(world, userBase, "getChats", [{ limit: 0 }], {
        message: "params.limit",
      });
      await refused(world, userBase, "getChats", [{ from: "pinned" }], {
        message: "params.from",
      });
      await refused(world, userBase, "archiveChats", [[]], {
        message: "Argument 1 of archiveChats (chatIds)",
      });
      await refused(world, botBase(world), "getChats", [], {
        message: "getChats: not a user client.",
      });
      await refused(world, botBase(world), "createChannel", ["X"], {
        message: "createChannel: not a user client.",
      });
    }),
);

Deno.test(
  "dialect: getInactiveChats and deleteChat; joinChat, openChat, closeChat and leaveChat with a public supergroup",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, bot, userId, group, supergroup, channel } = world;
      const inactive = await ok<
        { lastActivity: number; chat: { id: number; type: string } }[]
      >(
        world,
        userBase,
        "getInactiveChats",
        [],
      );
      assertEquals(
        inactive.map((item) => item.chat.id).sort(),
        [supergroup, channel].sort(),
      );
      assert(
        inactive.every((item) => Number.isInteger(item.lastActivity)),
        "Unix seconds",
      );

      await ok(world, userBase, "deleteChat", [channel]);
      await refused(world, userBase, "getChat", [channel], {
        status: 400,
        type: "rpc",
        message: "CHANNEL_INVALID",
      });
      assertEquals((await folders(world)).has(channel), false);
      await refused(world, userBase, "deleteChat", [bot.id], {
        message: "A chat or channel identifier was expected.",
      });

      const { id: bob } = await world.dc.control<{ id: number }>(
        "POST",
        "/users",
        {
          phone: "15550002",
          firstName: "Bob",
        },
      );
      const { id: open } = await world.dc.control<{ id: number }>(
        "POST",
        "/chats",
        {
          type: "supergroup",
          title: "Open lounge",
          creator: bob,
          members: [],
          username: "open_lounge",
        },
      );
      assertEquals(await ok(world, userBase, "joinChat", ["@open_lounge"]), {
        type: "joined",
      });
      assert((await memberIds(world, open)).includes(userId), "Alice joined");
      assertEquals(await ok(world, userBase, "openChat", [open]), null);
      assertEquals(
        await ok(world, userBase, "openChat", [open, { timeout: 5 }]),
        null,
      );
      assertEquals(await ok(world, userBase, "closeChat", [open]), null);
      await refused(world, userBase, "closeChat", [open], {
        message: "Chat not open.",
      });
      await refused(world, userBase, "openChat", [group], {
        message: "is neither a channel nor a supergroup",
      });
      await refused(world, userBase, "openChat", [open, { timeout: 0 }], {
        message: "params.timeout",
      });
      await ok(world, userBase, "leaveChat", [open]);
      assert(!(await memberIds(world, open)).includes(userId), "Alice left");

      await refused(world, userBase, "joinChat", [bot.id], {
        message: "Cannot join private chats.",
      });
      await refused(world, userBase, "leaveChat", [bot.id], {
        message: "Cannot leave private chats.",
      });
      await refused(world, botBase(world), "joinChat", [open], {
        message: "joinChat: not a user client.",
      });
      // leaving works for bots too
      await ok(world, botBase(world), "leaveChat", [group]);
      assert(!(await memberIds(world, group)).includes(bot.id), "the bot left");
    }),
);
