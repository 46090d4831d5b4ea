/** The bot-info methods' readers (commands, BotCommandScope, languageCode) and BotCommand's renderer (methods.md §B.9, types.md §13). */
import type { tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { readArguments } from "../../src/mtkruto/methods/define.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import {
  mtcuteCommandScope,
  toBotCommands,
  toCommandScope,
  toCommandsOptions,
} from "../../src/mtkruto/params/bot_info.ts";
import { renderBotCommand } from "../../src/mtkruto/types/bot_command.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";

const BOT_INFO_METHODS = [
  "setMyCommands",
  "getMyCommands",
  "deleteMyCommands",
  "setMyName",
  "getMyName",
  "setMyDescription",
  "getMyDescription",
  "setMyShortDescription",
  "getMyShortDescription",
];

Deno.test("commands: {command, description} become TL botCommands; isEphemeral false is taken, true refused", () => {
  assertEquals(
    toBotCommands([
      { command: "start", description: "Start" },
      { command: "help", description: "Help", isEphemeral: false },
    ], "commands"),
    [
      { _: "botCommand", command: "start", description: "Start" },
      { _: "botCommand", command: "help", description: "Help" },
    ],
  );
  assertEquals(toBotCommands([], "commands"), []);
  assertThrowsWithMessage(
    () =>
      toBotCommands(
        [{ command: "a", description: "b", isEphemeral: true }],
        "commands",
      ),
    InputError,
    "commands[0].isEphemeral: ephemeral commands are not supported",
  );
  assertThrowsWithMessage(
    () => toBotCommands({ command: "a" }, "commands"),
    InputError,
    "commands must be an array",
  );
  assertThrowsWithMessage(
    () =>
      toBotCommands([{ command: "a", description: "b" }, "help"], "commands"),
    InputError,
    "commands[1] must be an object",
  );
  assertThrowsWithMessage(
    () => toBotCommands([{ command: 7, description: "b" }], "commands"),
    InputError,
    "commands[0].command must be a string; got the number 7",
  );
  assertThrowsWithMessage(
    () => toBotCommands([{ command: "a" }], "commands"),
    InputError,
    "commands[0].description must be a string",
  );
});

Deno.test("BotCommandScope: the seven types; chat scopes need chatId, chatMember also userId", () => {
  for (
    const type of [
      "default",
      "allPrivateChats",
      "allGroupChats",
      "allChatAdministrators",
    ]
  ) {
    assertEquals(toCommandScope({ type }, "scope"), { type });
  }
  assertEquals(toCommandScope({ type: "chat", chatId: -100123 }, "scope"), {
    type: "chat",
    chatId: -100123,
  });
  assertEquals(
    toCommandScope({ type: "chatAdministrators", chatId: "@lounge" }, "scope"),
    { type: "chatAdministrators", chatId: "lounge" },
  );
  assertEquals(
    toCommandScope({ type: "chatMember", chatId: -5, userId: 42 }, "scope"),
    { type: "chatMember", chatId: -5, userId: 42 },
  );
  assertThrowsWithMessage(
    () => toCommandScope({ type: "everywhere" }, "scope"),
    InputError,
    'scope.type must be one of "default", "allPrivateChats"',
  );
  assertThrowsWithMessage(
    () => toCommandScope({ type: "chat" }, "scope"),
    InputError,
    "scope.chatId must be a chat",
  );
  assertThrowsWithMessage(
    () => toCommandScope({ type: "chatMember", chatId: -5 }, "scope"),
    InputError,
    "scope.userId must be an integer of at least 1",
  );
});

Deno.test("commands options: the default scope and the fallback language when left out", () => {
  assertEquals(toCommandsOptions({}), {
    langCode: "",
    scope: { type: "default" },
  });
  assertEquals(
    toCommandsOptions({ languageCode: "de", scope: { type: "allGroupChats" } }),
    { langCode: "de", scope: { type: "allGroupChats" } },
  );
  assertThrowsWithMessage(
    () => toCommandsOptions({ languageCode: 1 }),
    InputError,
    "params.languageCode must be a string",
  );
  assertThrowsWithMessage(
    () => toCommandsOptions({ scope: "default" }),
    InputError,
    "params.scope must be an object",
  );
});

Deno.test("scopes as mtcute takes them: TL constants, or peers mtcute resolves, phone numbers looked up first", async () => {
  const phonePeer: tl.TypeInputPeer = { _: "inputPeerSelf" };
  const looked: string[] = [];
  const client = {
    resolvePhoneNumber(phone: string) {
      looked.push(phone);
      return Promise.resolve(phonePeer);
    },
  };
  assertEquals(await mtcuteCommandScope(client, { type: "default" }), {
    _: "botCommandScopeDefault",
  });
  assertEquals(await mtcuteCommandScope(client, { type: "allPrivateChats" }), {
    _: "botCommandScopeUsers",
  });
  assertEquals(await mtcuteCommandScope(client, { type: "allGroupChats" }), {
    _: "botCommandScopeChats",
  });
  assertEquals(
    await mtcuteCommandScope(client, { type: "allChatAdministrators" }),
    { _: "botCommandScopeChatAdmins" },
  );
  assertEquals(
    await mtcuteCommandScope(client, { type: "chat", chatId: -5 }),
    { type: "peer", peer: -5 },
  );
  assertEquals(
    await mtcuteCommandScope(client, {
      type: "chatAdministrators",
      chatId: "+15550001",
    }),
    { type: "peer_admins", peer: phonePeer },
  );
  assertEquals(
    await mtcuteCommandScope(client, {
      type: "chatMember",
      chatId: -100123,
      userId: 42,
    }),
    { type: "member", chat: -100123, user: 42 },
  );
  assertEquals(looked, ["+15550001"]);
});

Deno.test("BotCommand: command and description, isEphemeral always present (false: mtcute's layer has no flag)", () => {
  assertEquals(
    renderBotCommand({ _: "botCommand", command: "go", description: "Go" }),
    { command: "go", description: "Go", isEphemeral: false },
  );
});

Deno.test("the bot-info methods are bot-only, with their params object optional", () => {
  for (const name of BOT_INFO_METHODS) {
    const method = dialectMethod(name)!;
    assertEquals(method.account, "bot", name);
    assertThrowsWithMessage(
      () => readArguments(method, [], false),
      InputError,
      `${name}: not a bot client.`,
    );
    assertEquals(method.params.at(-1)?.optional, true, name);
  }
  const setMyCommands = dialectMethod("setMyCommands")!;
  assertEquals(
    readArguments(setMyCommands, [[{ command: "a", description: "b" }]], true),
    [[{ _: "botCommand", command: "a", description: "b" }], {}],
  );
  assertThrowsWithMessage(
    () => readArguments(setMyCommands, [], true),
    InputError,
    "Argument 1 of setMyCommands (commands) is missing; it must be InputBotCommand[]",
  );
  assertThrowsWithMessage(
    () => readArguments(setMyCommands, ["start"], true),
    InputError,
    "Argument 1 of setMyCommands (commands) must be an array",
  );
});
