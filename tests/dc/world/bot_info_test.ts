import type { tl } from "@mtcute/core";
import { assertEquals } from "../../assert.ts";
import { botChatSetup } from "./_bots_testing.ts";
import { chatPeer, chatSetup, rpcError } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";
import { privateChatCommands } from "./bot_info.ts";

const command = (name: string, description = name): tl.RawBotCommand => ({
  _: "botCommand",
  command: name,
  description,
});

/** The `InputUser` of the user an `inputPeerUser` names. */
const inputUserOf = (
  { userId, accessHash }: tl.RawInputPeerUser,
): tl.RawInputUser => ({ _: "inputUser", userId, accessHash });

const DEFAULT: tl.TypeBotCommandScope = { _: "botCommandScopeDefault" };
const USERS: tl.TypeBotCommandScope = { _: "botCommandScopeUsers" };

Deno.test("bots.setBotCommands stores a list per scope and language; getBotCommands answers exactly that list", async () => {
  const { world, botMain, userPeer } = await botChatSetup();
  const set = (
    scope: tl.TypeBotCommandScope,
    langCode: string,
    commands: tl.RawBotCommand[],
  ) =>
    invoke(world, botMain, {
      _: "bots.setBotCommands",
      scope,
      langCode,
      commands,
    });
  const get = async (scope: tl.TypeBotCommandScope, langCode = "") =>
    (await invoke(world, botMain, {
      _: "bots.getBotCommands",
      scope,
      langCode,
    })).map((c) => c.command);

  assertEquals(
    await set(DEFAULT, "", [command("start"), command("help")]),
    true,
  );
  assertEquals(await set(DEFAULT, "de", [command("hilfe")]), true);
  const peer: tl.TypeBotCommandScope = {
    _: "botCommandScopePeer",
    peer: userPeer,
  };
  assertEquals(await set(peer, "", [command("mine")]), true);
  assertEquals(await get(DEFAULT), ["start", "help"]);
  assertEquals(await get(DEFAULT, "de"), ["hilfe"]);
  // No fallback: a language or scope with nothing set answers an empty list.
  assertEquals(await get(DEFAULT, "fr"), []);
  assertEquals(await get(USERS), []);
  assertEquals(await get(peer), ["mine"]);

  assertEquals(
    await invoke(world, botMain, {
      _: "bots.resetBotCommands",
      scope: DEFAULT,
      langCode: "de",
    }),
    true,
  );
  assertEquals(await get(DEFAULT, "de"), []);
  // An empty list deletes, too.
  await set(peer, "", []);
  assertEquals(await get(peer), []);
  assertEquals(await get(DEFAULT), ["start", "help"]);
});

Deno.test("bots.setBotCommands refuses bad commands, descriptions, language codes and scopes, and users", async () => {
  const { world, botMain, userMain, userPeer } = await botChatSetup();
  const set = (
    commands: tl.RawBotCommand[],
    langCode = "",
    scope: tl.TypeBotCommandScope = DEFAULT,
  ) =>
    rpcError(invoke(world, botMain, {
      _: "bots.setBotCommands",
      scope,
      langCode,
      commands,
    }));
  assertEquals(await set([command("Start")]), "BOT_COMMAND_INVALID");
  assertEquals(await set([command("a".repeat(33))]), "BOT_COMMAND_INVALID");
  assertEquals(await set([command("")]), "BOT_COMMAND_INVALID");
  assertEquals(
    await set([command("ok", "")]),
    "BOT_COMMAND_DESCRIPTION_INVALID",
  );
  assertEquals(
    await set([command("ok", "x".repeat(257))]),
    "BOT_COMMAND_DESCRIPTION_INVALID",
  );
  assertEquals(await set([command("ok")], "english"), "LANG_CODE_INVALID");
  // Admins and members are scopes of groups: a private chat is no such chat.
  assertEquals(
    await set([command("ok")], "", {
      _: "botCommandScopePeerAdmins",
      peer: userPeer,
    }),
    "PEER_ID_INVALID",
  );
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "bots.setBotCommands",
      scope: DEFAULT,
      langCode: "",
      commands: [command("ok")],
    })),
    "USER_BOT_REQUIRED",
  );
  // The longest valid command and description are taken.
  assertEquals(
    await invoke(world, botMain, {
      _: "bots.setBotCommands",
      scope: DEFAULT,
      langCode: "",
      commands: [command("a_1".padEnd(32, "z"), "d".repeat(256))],
    }),
    true,
  );
});

Deno.test("bots.setBotCommands: scopes of a group's admins and of one member, resolved as the bot names them", async () => {
  const { world, ann, bot, botMain, chat } = await chatSetup("supergroup");
  const peer = chatPeer(world, bot.id, chat.key);
  const member: tl.TypeBotCommandScope = {
    _: "botCommandScopePeerUser",
    peer,
    userId: {
      _: "inputUser",
      userId: ann.id,
      accessHash: world.state.accounts.accessHash(bot.id, ann.id),
    },
  };
  const admins: tl.TypeBotCommandScope = {
    _: "botCommandScopePeerAdmins",
    peer,
  };
  for (const [scope, name] of [[member, "ann"], [admins, "admins"]] as const) {
    await invoke(world, botMain, {
      _: "bots.setBotCommands",
      scope,
      langCode: "",
      commands: [command(name)],
    });
  }
  const get = async (scope: tl.TypeBotCommandScope) =>
    (await invoke(world, botMain, {
      _: "bots.getBotCommands",
      scope,
      langCode: "",
    })).map((c) => c.command);
  assertEquals(await get(member), ["ann"]);
  assertEquals(await get(admins), ["admins"]);
  assertEquals(await get({ _: "botCommandScopePeer", peer }), []);
});

Deno.test("private-chat commands: the chat's own scope, then all private chats, then the default, each in the language before the fallback", async () => {
  const { world, botMain, bot, user, userPeer } = await botChatSetup();
  const set = (scope: tl.TypeBotCommandScope, langCode: string, name: string) =>
    invoke(world, botMain, {
      _: "bots.setBotCommands",
      scope,
      langCode,
      commands: [command(name)],
    });
  const seen = (langCode?: string) =>
    privateChatCommands(bot, user.id, langCode).map((c) => c.command);
  assertEquals(seen(), []);
  await set(DEFAULT, "", "fallback");
  assertEquals([seen(), seen("de")], [["fallback"], ["fallback"]]);
  await set(DEFAULT, "de", "standard");
  assertEquals([seen(), seen("de")], [["fallback"], ["standard"]]);
  await set(USERS, "", "private");
  assertEquals([seen(), seen("de")], [["private"], ["private"]]);
  await set({ _: "botCommandScopePeer", peer: userPeer }, "de", "deins");
  assertEquals([seen(), seen("de")], [["private"], ["deins"]]);
});

Deno.test("bots.setBotInfo and getBotInfo: name, about and description per language; the fallback name is the bot's first name", async () => {
  const { world, botMain, bot } = await botChatSetup();
  const info = (langCode = "") =>
    invoke(world, botMain, { _: "bots.getBotInfo", langCode });
  assertEquals(await info(), {
    _: "bots.botInfo",
    name: "keys_bot",
    about: "",
    description: "",
  });
  const set = (
    langCode: string,
    texts: { name?: string; about?: string; description?: string },
  ) => invoke(world, botMain, { _: "bots.setBotInfo", langCode, ...texts });
  assertEquals(
    await set("", { name: "Keys", about: "Opens doors", description: "Hi" }),
    true,
  );
  assertEquals(await set("de", { about: "Öffnet Türen" }), true);
  // Texts not given stay as they are.
  assertEquals(await set("de", { name: "Schlüssel" }), true);
  assertEquals(await info(), {
    _: "bots.botInfo",
    name: "Keys",
    about: "Opens doors",
    description: "Hi",
  });
  assertEquals(bot.firstName, "Keys");
  assertEquals(await info("de"), {
    _: "bots.botInfo",
    name: "Schlüssel",
    about: "Öffnet Türen",
    description: "",
  });
  // "" removes the language's dedicated text; the fallback name cannot go.
  assertEquals(await set("de", { about: "" }), true);
  assertEquals((await info("de")).about, "");
  assertEquals(
    await rpcError(set("", { name: " " })),
    "FIRSTNAME_INVALID",
  );
  // A bot may name itself.
  assertEquals(
    (await invoke(world, botMain, {
      _: "bots.getBotInfo",
      langCode: "",
      bot: { _: "inputUserSelf" },
    })).name,
    "Keys",
  );
});

Deno.test("bots.setBotInfo as a user: without a bot USER_BOT_INVALID, with one BOT_INVALID (no user owns a bot here)", async () => {
  const { world, userMain, botPeer } = await botChatSetup();
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "bots.setBotInfo",
      langCode: "",
      about: "x",
    })),
    "USER_BOT_INVALID",
  );
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "bots.getBotInfo",
      langCode: "",
      bot: inputUserOf(botPeer),
    })),
    "BOT_INVALID",
  );
});

Deno.test("users.getFullUser on a bot: its about text, description and the commands of the viewer's private chat", async () => {
  const { world, botMain, userMain, botPeer, userPeer } = await botChatSetup();
  await invoke(world, botMain, {
    _: "bots.setBotInfo",
    langCode: "",
    about: "Opens doors",
    description: "Say /open",
  });
  await invoke(world, botMain, {
    _: "bots.setBotCommands",
    scope: DEFAULT,
    langCode: "",
    commands: [command("open")],
  });
  await invoke(world, botMain, {
    _: "bots.setBotCommands",
    scope: { _: "botCommandScopePeer", peer: userPeer },
    langCode: "",
    commands: [command("open"), command("close")],
  });
  const { fullUser } = await invoke(world, userMain, {
    _: "users.getFullUser",
    id: inputUserOf(botPeer),
  });
  assertEquals(fullUser.about, "Opens doors");
  assertEquals(fullUser.botInfo, {
    _: "botInfo",
    userId: botPeer.userId,
    description: "Say /open",
    commands: [command("open"), command("close")],
  });
});
