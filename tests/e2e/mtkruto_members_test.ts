/**
 * End to end: chat members in MTKruto's dialect. Alice (a user hosted on the
 * gateway) creates a supergroup and a basic group with the bot and makes it
 * an admin; the bot bans, unbans, restricts, promotes and kicks members and
 * reads them back; Alice adds members, deletes one's messages, then demotes
 * and restricts the bot. Every call goes through HTTP, its effect is read
 * from the emulator (`GET /chats/<id>`), and the bot gets each change as a
 * `chatMember` update, or `myChatMember` when it is the member.
 */
import { assert, assertEquals } from "../assert.ts";
import { readJson, type WireUpdate } from "./harness.ts";
import { type ChatsWorld, ok, withChats } from "./_chats_world.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** The parts of MTKruto's ChatMember these tests look at. */
interface ChatMember {
  status: string;
  member: { id: number; type: string };
  rights?: Record<string, boolean>;
  title?: string;
  isMember?: boolean;
  until?: number;
}

/** MTKruto's ChatMemberUpdated. */
interface ChatMemberUpdated {
  chat: { id: number; type: string };
  from: { id: number; type?: string };
  date: number;
  oldChatMember: ChatMember;
  newChatMember: ChatMember;
}

/** The calls and checks the tests make, bound to one world. */
function actors(world: ChatsWorld) {
  const { gateway, userBase } = world;
  const botBase = `/bot${world.bot.token}`;
  /** Calls `method` on `base`; the answer whatever its status. */
  const answer = async (base: string, method: string, args: unknown[]) =>
    await readJson(
      await gateway.fetch(`${base}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(args),
      }),
    );
  return {
    answer,
    botBase,
    /** The bot's call, which must succeed. */
    bot: <T = unknown>(method: string, ...args: unknown[]) =>
      ok<T>(gateway, botBase, method, args),
    /** Alice's call, which must succeed. */
    alice: <T = unknown>(method: string, ...args: unknown[]) =>
      ok<T>(gateway, userBase, method, args),
    /** Each member's status in the chat, as the emulator has it. */
    async statuses(chatId: number): Promise<Record<number, string>> {
      const chat = await world.dc.control<
        { id: number; members: { id: number; status: string }[] }
      >("GET", `/chats/${chatId}`);
      assertEquals(chat.id, chatId);
      return Object.fromEntries(chat.members.map((m) => [m.id, m.status]));
    },
    /** The bot's next `type` update about `userId` in `chatId` whose new status is `status`, its shape checked. */
    async update(
      type: "chatMember" | "myChatMember",
      chatId: number,
      userId: number,
      status: string,
    ): Promise<ChatMemberUpdated> {
      const update: WireUpdate = await world.botUpdates.take(
        `${type} ${userId} → ${status} in ${chatId}`,
        (u) => {
          const payload = u[type] as ChatMemberUpdated | undefined;
          return u.type === type && payload?.chat.id === chatId &&
            payload.newChatMember.member.id === userId &&
            payload.newChatMember.status === status;
        },
      );
      const payload = update[type] as ChatMemberUpdated;
      // types.md §6.2: the keys in order, `from` a User (no `type`)
      assertEquals(Object.keys(payload), [
        "chat",
        "from",
        "date",
        "oldChatMember",
        "newChatMember",
      ]);
      assertEquals(payload.from.type, undefined);
      assertEquals(payload.oldChatMember.member.id, userId);
      return payload;
    },
    /** Creates a user (username `<name>_member`) through the control API; its id. */
    async createUser(phone: string, name: string): Promise<number> {
      const { id } = await world.dc.control<{ id: number }>("POST", "/users", {
        phone,
        firstName: name,
        username: `${name.toLowerCase()}_member`,
      });
      return id;
    },
  };
}

/** The 18 ChatAdministratorRights keys (types.md §6.1), each a bool; those in `granted` true. */
function adminRights(...granted: string[]): Record<string, boolean> {
  const keys = [
    "isAnonymous",
    "canManageChat",
    "canDeleteMessages",
    "canManageVideoChats",
    "canRestrictMembers",
    "canPromoteMembers",
    "canChangeInfo",
    "canInviteUsers",
    "canPostMessages",
    "canEditMessages",
    "canPinMessages",
    "canManageTopics",
    "canPostStories",
    "canEditStories",
    "canDeleteStories",
    "canManageDirectMessages",
    "canManageTags",
    "canManageLinkedChats",
  ];
  return Object.fromEntries(keys.map((key) => [key, granted.includes(key)]));
}

Deno.test(
  "members of a supergroup: the admin bot bans, unbans, restricts, promotes and kicks; Alice adds, deletes history, demotes and restricts the bot",
  options,
  () =>
    withChats(async (world) => {
      const { supergroup: chat, bot: { id: botId }, userId: aliceId } = world;
      const { alice, bot, statuses, update, createUser, answer, botBase } =
        actors(world);
      // Alice makes the bot an admin: its myChatMember, from her
      await alice("promoteChatMember", chat, botId, {
        canManageChat: true,
        canDeleteMessages: true,
        canRestrictMembers: true,
        canPromoteMembers: true,
        canInviteUsers: true,
        title: "Warden",
      });
      const promoted = await update(
        "myChatMember",
        chat,
        botId,
        "administrator",
      );
      assertEquals(
        [promoted.from.id, promoted.chat.type, promoted.oldChatMember.status],
        [aliceId, "supergroup", "member"],
      );
      assertEquals(promoted.newChatMember, {
        status: "administrator",
        member: promoted.newChatMember.member,
        rights: adminRights(
          "canManageChat",
          "canDeleteMessages",
          "canRestrictMembers",
          "canPromoteMembers",
          "canInviteUsers",
        ),
        title: "Warden",
      });
      assertEquals((await statuses(chat))[botId], "administrator");

      // three users join; the admin bot hears of each
      const bob = await createUser("15550002", "Bob");
      const carol = await createUser("15550003", "Carol");
      const dave = await createUser("15550004", "Dave");
      for (const user of [bob, carol, dave]) {
        await world.dc.control("POST", `/chats/${chat}/members`, { user });
        const joined = await update("chatMember", chat, user, "member");
        assertEquals([joined.from.id, joined.oldChatMember.status], [
          user,
          "left",
        ]);
      }
      await world.dc.control("POST", "/messages", {
        from: dave,
        chat,
        text: "hello from Dave",
      });

      // ban and unban Bob
      assertEquals(await bot("banChatMember", chat, bob), null);
      assertEquals((await statuses(chat))[bob], "banned");
      const banned = await update("chatMember", chat, bob, "banned");
      assertEquals([banned.from.id, banned.newChatMember.until], [botId, 0]);
      assertEquals(await bot("unbanChatMember", chat, bob), null);
      assertEquals((await statuses(chat))[bob], undefined);
      const unbanned = await update("chatMember", chat, bob, "left");
      assertEquals(unbanned.oldChatMember.status, "banned");

      // restrict Carol: she may no longer send texts
      assertEquals(
        await bot("setChatMemberRights", chat, carol, {
          rights: { canSendMessages: false, canSendPolls: false },
        }),
        null,
      );
      assertEquals((await statuses(chat))[carol], "restricted");
      const restricted = await update("chatMember", chat, carol, "restricted");
      const { isMember, until, rights } = restricted.newChatMember;
      assertEquals([isMember, until], [true, 0]);
      assertEquals(
        [
          rights!.canSendMessages,
          rights!.canSendPolls,
          rights!.canSendPhotos,
          rights!.canPinMessages,
        ],
        [false, false, true, true],
      );
      const refused = await world.dc.control("POST", "/messages", {
        from: carol,
        chat,
        text: "may I?",
      }).catch((error: Error) => error.message);
      assert(
        String(refused).includes("CHAT_SEND_PLAIN_FORBIDDEN"),
        String(refused),
      );
      const carolNow = await bot<ChatMember>("getChatMember", chat, carol);
      assertEquals(
        [carolNow.status, carolNow.member.id, carolNow.member.type],
        ["restricted", carol, "private"],
      );

      // promote Carol: the restriction goes
      await bot("promoteChatMember", chat, carol, {
        canDeleteMessages: true,
        title: "Helper",
      });
      const carolUp = await update("chatMember", chat, carol, "administrator");
      assertEquals(carolUp.oldChatMember.status, "restricted");
      assertEquals(
        [carolUp.newChatMember.rights, carolUp.newChatMember.title],
        [adminRights("canDeleteMessages"), "Helper"],
      );
      const admins = await bot<ChatMember[]>("getChatAdministrators", chat);
      assertEquals(admins.map((m) => [m.member.id, m.status]), [
        [aliceId, "creator"],
        [botId, "administrator"],
        [carol, "administrator"],
      ]);
      const everyone = await bot<ChatMember[]>("getChatMembers", chat, {
        limit: 10,
      });
      assertEquals(
        Object.fromEntries(everyone.map((m) => [m.member.id, m.status])),
        await statuses(chat),
      );

      // kick Dave: banned, then left
      assertEquals(await bot("kickChatMember", chat, dave), null);
      await update("chatMember", chat, dave, "banned");
      await update("chatMember", chat, dave, "left");
      assertEquals((await statuses(chat))[dave], undefined);

      // Alice deletes Dave's messages and adds Bob, Dave and Erin back
      const texts = async () =>
        (await world.dc.control<{ text: string }[]>(
          "GET",
          `/messages?user=${aliceId}&peer=${chat}`,
        )).map((m) => m.text);
      assert((await texts()).includes("hello from Dave"));
      assertEquals(await alice("deleteChatMemberMessages", chat, dave), null);
      assert(!(await texts()).includes("hello from Dave"));
      assertEquals(await alice("addChatMember", chat, bob), []);
      const erin = await createUser("15550005", "Erin");
      assertEquals(
        await alice("addChatMembers", chat, [dave, "erin_member"]),
        [],
      );
      for (const user of [bob, dave, erin]) {
        const added = await update("chatMember", chat, user, "member");
        assertEquals(added.from.id, aliceId);
      }
      const after = await statuses(chat);
      assertEquals([after[bob], after[dave], after[erin]], [
        "member",
        "member",
        "member",
      ]);

      // Alice demotes, then restricts the bot: two myChatMember updates, and its texts are refused
      await alice("promoteChatMember", chat, botId);
      const demoted = await update("myChatMember", chat, botId, "member");
      assertEquals(demoted.oldChatMember.status, "administrator");
      await alice("setChatMemberRights", chat, botId, {
        rights: { canSendMessages: false },
      });
      await update("myChatMember", chat, botId, "restricted");
      assertEquals((await statuses(chat))[botId], "restricted");
      const silenced = await answer(botBase, "sendMessage", [chat, "hi"]);
      assertEquals([silenced.status, silenced.errorType, silenced.body], [
        403,
        "rpc",
        "CHAT_SEND_PLAIN_FORBIDDEN",
      ]);
    }),
);

Deno.test(
  "members of a basic group: the bot made admin removes a member Alice added; bad arguments are 400s naming them",
  options,
  () =>
    withChats(async (world) => {
      const { group, supergroup, userBase, bot: { id: botId } } = world;
      const { alice, bot, statuses, update, createUser, answer, botBase } =
        actors(world);
      await world.dc.control("POST", `/chats/${group}/members`, {
        user: botId,
        admin: true,
      });
      const admin = await update("myChatMember", group, botId, "administrator");
      assertEquals(admin.chat.type, "group");
      // a basic group's admins have MTKruto's fixed rights
      assertEquals(
        admin.newChatMember.rights,
        adminRights(
          "canManageChat",
          "canDeleteMessages",
          "canRestrictMembers",
          "canChangeInfo",
          "canInviteUsers",
          "canPinMessages",
        ),
      );
      const bob = await createUser("15550002", "Bob");
      assertEquals(
        await alice("addChatMember", group, "bob_member", { historyLimit: 5 }),
        [],
      );
      await update("chatMember", group, bob, "member");
      assertEquals((await statuses(group))[bob], "member");
      const bobNow = await bot<ChatMember>("getChatMember", group, bob);
      assertEquals(bobNow, { status: "member", member: bobNow.member });
      assertEquals(await bot("banChatMember", group, bob), null);
      const removed = await update("chatMember", group, bob, "left");
      assertEquals([removed.from.id, removed.oldChatMember.status], [
        botId,
        "member",
      ]);
      assertEquals((await statuses(group))[bob], undefined);
      const gone = await answer(botBase, "getChatMember", [group, bob]);
      assertEquals([gone.status, gone.errorType, gone.body], [
        400,
        "rpc",
        "USER_NOT_PARTICIPANT",
      ]);

      // [who, method, arguments, what the error says]
      const refusals: [string, string, unknown[], string][] = [
        [botBase, "setChatMemberRights", [supergroup, bob, {
          rights: { canSendMessages: "no" },
        }], "params.rights.canSendMessages must be true or false"],
        [
          botBase,
          "banChatMember",
          [supergroup, "not a username!"],
          "Argument 2 of banChatMember (memberId)",
        ],
        [
          botBase,
          "promoteChatMember",
          [supergroup, bob, { title: 5 }],
          "params.title must be a string",
        ],
        [
          botBase,
          "unbanChatMember",
          [group, bob],
          "is neither a channel nor a supergroup",
        ],
        [
          botBase,
          "getChatMembers",
          [supergroup, { limit: 0 }],
          "params.limit must be",
        ],
        [
          botBase,
          "addChatMember",
          [group, bob],
          "addChatMember: not a user client.",
        ],
        [
          userBase,
          "addChatMembers",
          [group, [bob]],
          "addChatMembers cannot be used with basic groups.",
        ],
        [
          userBase,
          "addChatMembers",
          [supergroup, []],
          "Argument 2 of addChatMembers (userIds) must be a non-empty array",
        ],
        [
          userBase,
          "addChatMember",
          [botId, bob],
          "Cannot add members to private chats.",
        ],
      ];
      for (const [base, method, args, message] of refusals) {
        const refused = await answer(base, method, args);
        assertEquals([method, refused.status, refused.errorType], [
          method,
          400,
          "input",
        ]);
        assert(
          String(refused.body).includes(message),
          `${method}: ${refused.body}`,
        );
      }
    }),
);
