/**
 * End to end: chat settings and chat lists in MTKruto's dialect (all
 * user-only). Alice turns anti-spam, the history for new members and the
 * member list on and off, links her channel's discussion group, picks the
 * chat she sends as, and reads her administered chats, pinned chats,
 * similar channels, a chat's settings and the online count; each effect is
 * read back from the emulator (`GET /chats/<id>/info`), each result checked
 * against types.md. Bad arguments are 400s naming them; the bot is refused.
 */
import { assertEquals } from "../assert.ts";
import { withChats } from "./_chats_world.ts";
import type { ChatsWorld } from "./_chats_world.ts";
import { botBase, info, ok, refused } from "./_chats_admin_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** MTKruto's default color: the marked id's decimal digits ("-100" read as "-"), absolute, modulo 7. */
function defaultColor(id: number): number {
  return Math.abs(Number(String(id).replace(/^-100/, "-"))) % 7;
}

/** The ChatP flags of a supergroup or channel nobody verified. */
const PLAIN = {
  isScam: false,
  isFake: false,
  isVerified: false,
  isRestricted: false,
};

/** A chat made through the control API (Alice's unless `creator` says); its marked id. */
async function createChat(
  world: ChatsWorld,
  input: { type: string; title: string; username?: string; creator?: number },
): Promise<number> {
  const { id } = await world.dc.control<{ id: number }>("POST", "/chats", {
    creator: world.userId,
    members: [],
    ...input,
  });
  return id;
}

/** Calls a TL function as Alice through `invoke`. */
function invoke(world: ChatsWorld, fn: Record<string, unknown>) {
  return ok(world, world.userBase, "invoke", [fn]);
}

Deno.test(
  "dialect: anti-spam, history for new members and the member list toggle a supergroup's settings",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, supergroup, group } = world;
      const flags = async () => {
        const chat = await info(world, supergroup);
        return [chat.antispam, chat.hiddenPrehistory, chat.participantsHidden];
      };
      assertEquals(await flags(), [false, false, false]);
      assertEquals(
        await ok(world, userBase, "enableAntispam", [supergroup]),
        null,
      );
      await ok(world, userBase, "disableChatHistoryForNewMembers", [
        supergroup,
      ]);
      await ok(world, userBase, "hideMemberList", [supergroup]);
      assertEquals(await flags(), [true, true, true]);
      await ok(world, userBase, "disableAntispam", [supergroup]);
      await ok(world, userBase, "enableChatHistoryForNewMembers", [supergroup]);
      await ok(world, userBase, "showMemberList", [supergroup]);
      assertEquals(await flags(), [false, false, false]);
      await refused(world, userBase, "enableAntispam", [[supergroup]], {
        message: "Argument 1 of enableAntispam (chatId)",
      });
      await refused(world, userBase, "hideMemberList", [group], {
        message: "is neither a channel nor a supergroup",
      });
      await refused(world, userBase, "showMemberList", [supergroup], {
        type: "rpc",
        message: "CHAT_NOT_MODIFIED",
      });
      await refused(world, botBase(world), "enableAntispam", [supergroup], {
        message: "enableAntispam: not a user client.",
      });
    }),
);

Deno.test(
  "dialect: setDiscussionChat links a channel and a supergroup; the suggestions are the groups Alice may link",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, group, supergroup, channel } = world;
      const suggested = await ok<{ id: number; type: string }[]>(
        world,
        userBase,
        "getDiscussionChatSuggestions",
        [],
      );
      assertEquals(
        suggested.map((chat) => [chat.id, chat.type]).sort(),
        [[group, "group"], [supergroup, "supergroup"]].sort(),
      );
      assertEquals(
        suggested.find((chat) => chat.id === supergroup),
        {
          id: supergroup,
          color: defaultColor(supergroup),
          type: "supergroup",
          title: "Lounge",
          ...PLAIN,
          isForum: false,
          isDirectMessagesChat: false,
        } as never,
      );
      await ok(world, userBase, "setDiscussionChat", [channel, supergroup]);
      assertEquals((await info(world, channel)).linkedChatId, supergroup);
      assertEquals((await info(world, supergroup)).linkedChatId, channel);
      assertEquals(
        (await ok<{ id: number }[]>(
          world,
          userBase,
          "getDiscussionChatSuggestions",
          [],
        )).map((chat) => chat.id),
        [group],
      );
      // a linked group keeps its history visible to new members
      await refused(world, userBase, "disableChatHistoryForNewMembers", [
        supergroup,
      ], { type: "rpc", message: "CHAT_LINK_EXISTS" });
      await refused(world, userBase, "setDiscussionChat", [channel, [1]], {
        message: "Argument 2 of setDiscussionChat (discussionChatId)",
      });
      await refused(world, userBase, "setDiscussionChat", [channel, group], {
        message: "is neither a channel nor a supergroup",
      });
      await refused(world, botBase(world), "getDiscussionChatSuggestions", [], {
        message: "getDiscussionChatSuggestions: not a user client.",
      });
    }),
);

Deno.test(
  "dialect: getAdministeredChats lists Alice's public chats and getSimilarChannels the public channels she is not in",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, channel } = world;
      const publicChannel = await createChat(world, {
        type: "channel",
        title: "Alice News",
        username: "alice_news",
      });
      const publicGroup = await createChat(world, {
        type: "supergroup",
        title: "Alice Lounge",
        username: "alice_lounge",
      });
      const administered = await ok<{ id: number }[]>(
        world,
        userBase,
        "getAdministeredChats",
        [],
      );
      assertEquals(
        administered.map((chat) => chat.id).sort(),
        [publicChannel, publicGroup].sort(),
      );
      assertEquals(
        await ok(world, userBase, "getAdministeredChats", [{
          isForPersonalChannel: true,
        }]),
        [{
          id: publicChannel,
          color: defaultColor(publicChannel),
          type: "channel",
          title: "Alice News",
          ...PLAIN,
          username: "alice_news",
        }],
      );
      await refused(world, userBase, "getAdministeredChats", [{
        isForPersonalChannel: "yes",
      }], { message: "params.isForPersonalChannel" });

      const bob = await world.dc.control<{ id: number }>("POST", "/users", {
        phone: "15550177",
        firstName: "Bob",
      });
      const bobChannel = await createChat(world, {
        type: "channel",
        title: "Bob Daily",
        username: "bob_daily",
        creator: bob.id,
      });
      assertEquals(await ok(world, userBase, "getSimilarChannels", [channel]), [
        {
          id: bobChannel,
          color: defaultColor(bobChannel),
          type: "channel",
          title: "Bob Daily",
          ...PLAIN,
          username: "bob_daily",
        },
      ]);
      await refused(world, userBase, "getSimilarChannels", [world.group], {
        message: "is neither a channel nor a supergroup",
      });
      await refused(world, botBase(world), "getAdministeredChats", [], {
        message: "getAdministeredChats: not a user client.",
      });
    }),
);

Deno.test(
  "dialect: getPinnedChats lists the pinned chats of a list; getChatSettings and getOnlineCount read a chat",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, bot, group, supergroup } = world;
      assertEquals(await ok(world, userBase, "getPinnedChats", []), []);
      await invoke(world, {
        _: "messages.toggleDialogPin",
        pinned: true,
        peer: {
          _: "inputDialogPeer",
          peer: { _: "inputPeerChat", chat_id: -group },
        },
      });
      const pinned = await ok<{ chat: { id: number; type: string } }[]>(
        world,
        userBase,
        "getPinnedChats",
        ["main"],
      );
      assertEquals(
        pinned.map((item) => [item.chat.id, item.chat.type]),
        [[group, "group"]],
      );
      assertEquals(
        await ok(world, userBase, "getPinnedChats", ["archived"]),
        [],
      );
      await refused(world, userBase, "getPinnedChats", ["starred"], {
        message: "Argument 1 of getPinnedChats (from)",
      });

      // the bot is no contact of Alice's; she wrote to it first (/start), so there is no spam to report
      assertEquals(await ok(world, userBase, "getChatSettings", [bot.id]), {
        canReport: false,
        canAddToContacts: true,
        canBlock: true,
        canShare: false,
        isContactsException: false,
        canReportLocation: false,
        canUnarchive: false,
        canInviteMembers: false,
        channelJoinRequest: false,
        isBusinessBotPaused: false,
        businessBotCanReply: false,
      });
      const plain = await ok<Record<string, boolean>>(
        world,
        userBase,
        "getChatSettings",
        [supergroup],
      );
      assertEquals(Object.values(plain).some((value) => value), false);

      await invoke(world, { _: "account.updateStatus", offline: true });
      assertEquals(
        await ok(world, userBase, "getOnlineCount", [supergroup]),
        0,
      );
      await invoke(world, { _: "account.updateStatus", offline: false });
      assertEquals(
        await ok(world, userBase, "getOnlineCount", [supergroup]),
        1,
      );
      await refused(world, userBase, "getOnlineCount", ["@"], {
        message: "Argument 1 of getOnlineCount (chatId)",
      });
      await refused(world, botBase(world), "getChatSettings", [world.userId], {
        message: "getChatSettings: not a user client.",
      });
    }),
);

Deno.test(
  "dialect: setDefaultSendAs picks the chat Alice sends as in a supergroup",
  options,
  () =>
    withChats(async (world) => {
      const { userBase, supergroup, channel, bot } = world;
      assertEquals(
        await ok(world, userBase, "setDefaultSendAs", [supergroup, channel]),
        null,
      );
      assertEquals((await info(world, supergroup)).defaultSendAs, {
        [world.userId]: channel,
      });
      await ok(world, userBase, "setDefaultSendAs", [supergroup, world.userId]);
      assertEquals((await info(world, supergroup)).defaultSendAs, {
        [world.userId]: world.userId,
      });
      await refused(world, userBase, "setDefaultSendAs", [supergroup, bot.id], {
        type: "rpc",
        message: "SEND_AS_PEER_INVALID",
      });
      await refused(world, userBase, "setDefaultSendAs", [supergroup, [1]], {
        message: "Argument 2 of setDefaultSendAs (sendAs)",
      });
      await refused(world, botBase(world), "setDefaultSendAs", [
        supergroup,
        channel,
      ], { message: "setDefaultSendAs: not a user client." });
    }),
);
