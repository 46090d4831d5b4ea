/**
 * End to end: MTKruto's bot-info methods (methods.md §B.9) against the real
 * CLI and the DC emulator. What the bot sets is checked in the emulator
 * (`GET /bot-info`), read back with the getters, and seen by Alice, whose
 * account the gateway hosts too, in the bot's full profile
 * (`users.getFullUser`: its name, about text, description and the commands
 * of her private chat with it).
 */
import { assertEquals } from "../assert.ts";
import { type ChatsWorld, ok, withChats } from "./_chats_world.ts";
import { readJson } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** A command as setMyCommands takes it. */
interface InputCommand {
  command: string;
  description: string;
}

/** MTKruto's BotCommand (types.md §13). */
interface BotCommand extends InputCommand {
  isEphemeral: boolean;
}

/** What `GET /bot-info` shows. */
interface StoredBotInfo {
  name: string;
  about: string;
  description: string;
  commands: InputCommand[];
}

/** What Alice's client sees of the bot. */
interface SeenBot {
  name: string;
  about?: string;
  description: string;
  commands: string[];
}

const cmd = (command: string): InputCommand => ({
  command,
  description: `Does ${command}`,
});
const rendered = (command: string): BotCommand => ({
  ...cmd(command),
  isEphemeral: false,
});

/** The bot's endpoint. */
const botBase = (world: ChatsWorld) => `/bot${world.bot.token}`;

/** Calls the bot's `method`; its result, failing the test on any error. */
function bot<T = unknown>(
  world: ChatsWorld,
  method: string,
  args: unknown[] = [],
): Promise<T> {
  return ok<T>(world.gateway, botBase(world), method, args);
}

/** Calls `method` as `base`; status, error type and body, for the failures. */
async function answer(
  world: ChatsWorld,
  base: string,
  method: string,
  args: unknown[],
) {
  const { status, errorType, body } = await readJson(
    await world.gateway.fetch(`${base}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(args),
    }),
  );
  // An error's body is its message, as a JSON string.
  return { status, errorType, error: body };
}

/** What the emulator stored for the bot, in `lang` and, for commands, the scope `query` names. */
function stored(
  world: ChatsWorld,
  query = "",
): Promise<StoredBotInfo> {
  return world.dc.control<StoredBotInfo>(
    "GET",
    `/bot-info?bot=${world.bot.id}${query}`,
  );
}

/** The bot as Alice's client sees it: `users.getFullUser` through `invoke`, the peer from mtcute's resolvePeer. */
async function seenByAlice(world: ChatsWorld): Promise<SeenBot> {
  const { gateway, userBase } = world;
  const peer = await ok<{ user_id: number; access_hash: unknown }>(
    gateway,
    userBase,
    "mtcute.resolvePeer",
    [world.bot.id],
  );
  const full = await ok<{
    full_user: {
      about?: string;
      // An optional vector: left out when there are no commands.
      bot_info: { description: string; commands?: InputCommand[] };
    };
    users: { id: number; first_name: string }[];
  }>(gateway, userBase, "invoke", [{
    _: "users.getFullUser",
    id: {
      _: "inputUser",
      user_id: peer.user_id,
      access_hash: peer.access_hash,
    },
  }]);
  const { about, bot_info } = full.full_user;
  return {
    name: full.users.find((user) => user.id === world.bot.id)!.first_name,
    about,
    description: bot_info.description,
    commands: (bot_info.commands ?? []).map((command) => command.command),
  };
}

Deno.test(
  "dialect, bot info: setMyCommands per scope and language, read back with getMyCommands, seen by Alice, deleted with deleteMyCommands",
  options,
  () =>
    withChats(async (world) => {
      const { userId, group, supergroup } = world;
      const set = (commands: InputCommand[], params?: unknown) =>
        bot(world, "setMyCommands", params ? [commands, params] : [commands]);
      const get = (params?: unknown) =>
        bot<BotCommand[]>(world, "getMyCommands", params ? [params] : []);

      assertEquals(await set([cmd("start"), cmd("help")]), null);
      assertEquals(await set([cmd("hilfe")], { languageCode: "de" }), null);
      assertEquals(
        await set([cmd("mine")], { scope: { type: "chat", chatId: userId } }),
        null,
      );
      await set([cmd("groups")], { scope: { type: "allGroupChats" } });
      await set([cmd("moderate")], {
        scope: { type: "chatAdministrators", chatId: supergroup },
      });
      await set([cmd("you")], {
        scope: { type: "chatMember", chatId: group, userId },
        languageCode: "en",
      });

      // Each list is stored under its own scope and language.
      assertEquals((await stored(world)).commands, [cmd("start"), cmd("help")]);
      assertEquals((await stored(world, "&lang=de")).commands, [cmd("hilfe")]);
      assertEquals(
        (await stored(world, `&scope=botCommandScopePeer&peer=${userId}`))
          .commands,
        [cmd("mine")],
      );
      assertEquals(
        (await stored(world, "&scope=botCommandScopeChats")).commands,
        [cmd("groups")],
      );
      assertEquals(
        (await stored(
          world,
          `&scope=botCommandScopePeerAdmins&peer=${supergroup}`,
        )).commands,
        [cmd("moderate")],
      );
      assertEquals(
        (await stored(
          world,
          `&lang=en&scope=botCommandScopePeerUser&peer=${group}&user=${userId}`,
        )).commands,
        [cmd("you")],
      );

      // getMyCommands reads exactly the list asked for, in MTKruto's shape.
      assertEquals(await get(), [rendered("start"), rendered("help")]);
      assertEquals(await get({ languageCode: "de" }), [rendered("hilfe")]);
      assertEquals(await get({ languageCode: "fr" }), []);
      assertEquals(await get({ scope: { type: "allPrivateChats" } }), []);
      assertEquals(
        await get({
          scope: { type: "chatAdministrators", chatId: supergroup },
        }),
        [rendered("moderate")],
      );
      assertEquals(
        await get({
          scope: { type: "chatMember", chatId: group, userId },
          languageCode: "en",
        }),
        [rendered("you")],
      );

      // Alice's private chat has a list of its own, which wins over the default.
      assertEquals((await seenByAlice(world)).commands, ["mine"]);
      assertEquals(
        await bot(world, "deleteMyCommands", [{
          scope: { type: "chat", chatId: userId },
        }]),
        null,
      );
      assertEquals(
        (await stored(world, `&scope=botCommandScopePeer&peer=${userId}`))
          .commands,
        [],
      );
      assertEquals(await get({ scope: { type: "chat", chatId: userId } }), []);
      assertEquals((await seenByAlice(world)).commands, ["start", "help"]);

      // Without params, the default scope's fallback list goes.
      assertEquals(await bot(world, "deleteMyCommands"), null);
      assertEquals((await stored(world)).commands, []);
      assertEquals((await stored(world, "&lang=de")).commands, [cmd("hilfe")]);
      assertEquals((await seenByAlice(world)).commands, []);
    }),
);

Deno.test(
  "dialect, bot info: setMyCommands' bad input is a 400 naming it; Telegram's refusals pass through; the stored list stays",
  options,
  () =>
    withChats(async (world) => {
      const base = botBase(world);
      await bot(world, "setMyCommands", [[cmd("start")]]);
      const refusal = (args: unknown[], method = "setMyCommands") =>
        answer(world, base, method, args);

      assertEquals(await refusal(["start"]), {
        status: 400,
        errorType: "input",
        error:
          'Argument 1 of setMyCommands (commands) must be an array; got the string "start"',
      });
      assertEquals(
        (await refusal([[{ command: "go" }]])).error,
        "Argument 1 of setMyCommands (commands)[0].description must be a string; got nothing",
      );
      assertEquals(
        await refusal([[{ ...cmd("go"), isEphemeral: true }]]),
        {
          status: 400,
          errorType: "input",
          error:
            "Argument 1 of setMyCommands (commands)[0].isEphemeral: ephemeral commands are not supported by this server",
        },
      );
      assertEquals(
        (await refusal([[cmd("go")], { scope: { type: "everywhere" } }]))
          .error,
        'params.scope.type must be one of "default", "allPrivateChats", "allGroupChats", "allChatAdministrators", "chat", "chatAdministrators" or "chatMember"; got the string "everywhere"',
      );
      // MTKruto leaves the texts to Telegram, which refuses them.
      assertEquals(await refusal([[cmd("Start")]]), {
        status: 400,
        errorType: "rpc",
        error: "BOT_COMMAND_INVALID",
      });
      assertEquals(
        (await refusal([[{ command: "go", description: "" }]])).error,
        "BOT_COMMAND_DESCRIPTION_INVALID",
      );
      assertEquals(
        (await refusal([[cmd("go")], { languageCode: "english" }])).error,
        "LANG_CODE_INVALID",
      );
      // Administrators are a group's: a private chat has none.
      assertEquals(
        await refusal([{
          scope: { type: "chatAdministrators", chatId: world.userId },
        }], "getMyCommands"),
        { status: 400, errorType: "rpc", error: "PEER_ID_INVALID" },
      );
      assertEquals((await stored(world)).commands, [cmd("start")]);
    }),
);

Deno.test(
  "dialect, bot info: name, description and short description per language, read back and seen by Alice; bots only",
  options,
  () =>
    withChats(async (world) => {
      const getText = (method: string, languageCode?: string) =>
        bot<string>(world, method, languageCode ? [{ languageCode }] : []);

      // A fresh bot's name is its first name; it has no texts yet.
      assertEquals(await getText("getMyName"), "e2e_bot");
      assertEquals(await getText("getMyDescription"), "");
      assertEquals(await getText("getMyShortDescription"), "");

      assertEquals(await bot(world, "setMyName", [{ name: "Helper" }]), null);
      await bot(world, "setMyName", [{ name: "Helfer", languageCode: "de" }]);
      await bot(world, "setMyDescription", [{ description: "I help." }]);
      await bot(world, "setMyDescription", [{
        description: "Ich helfe.",
        languageCode: "de",
      }]);
      await bot(world, "setMyShortDescription", [{
        shortDescription: "A helper",
      }]);
      // A text left out stays as it is.
      assertEquals(
        await bot(world, "setMyName", [{ languageCode: "de" }]),
        null,
      );

      assertEquals(await stored(world), {
        name: "Helper",
        about: "A helper",
        description: "I help.",
        commands: [],
      });
      assertEquals(await stored(world, "&lang=de"), {
        name: "Helfer",
        about: "",
        description: "Ich helfe.",
        commands: [],
      });
      assertEquals(
        [
          await getText("getMyName"),
          await getText("getMyName", "de"),
          await getText("getMyDescription"),
          await getText("getMyDescription", "de"),
          await getText("getMyShortDescription"),
          await getText("getMyShortDescription", "de"),
        ],
        ["Helper", "Helfer", "I help.", "Ich helfe.", "A helper", ""],
      );
      assertEquals(await seenByAlice(world), {
        name: "Helper",
        about: "A helper",
        description: "I help.",
        commands: [],
      });

      // An empty text removes the language's own one.
      await bot(world, "setMyDescription", [{
        description: "",
        languageCode: "de",
      }]);
      assertEquals(await getText("getMyDescription", "de"), "");
      assertEquals((await stored(world, "&lang=de")).description, "");

      assertEquals(
        await answer(world, botBase(world), "setMyName", [{ name: 5 }]),
        {
          status: 400,
          errorType: "input",
          error: "params.name must be a string; got the number 5",
        },
      );
      for (
        const method of [
          "setMyCommands",
          "getMyCommands",
          "deleteMyCommands",
          "setMyName",
          "getMyName",
          "setMyDescription",
          "getMyDescription",
          "setMyShortDescription",
          "getMyShortDescription",
        ]
      ) {
        const args = method === "setMyCommands" ? [[cmd("x")]] : [];
        assertEquals(await answer(world, world.userBase, method, args), {
          status: 400,
          errorType: "input",
          error: `${method}: not a bot client.`,
        });
      }
      assertEquals((await stored(world)).name, "Helper");
    }),
);
