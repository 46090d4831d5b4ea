import { assertEquals } from "../assert.ts";
import { createControl, createControlHandler } from "./control.ts";
import { chatPeer, chatSetup } from "./world/_chats_testing.ts";
import { invoke } from "./world/_testing.ts";

Deno.test("control: GET /bot-info shows a bot's texts per language and its commands per scope and language", async () => {
  const { world, bot, ann, botMain, chat } = await chatSetup("group");
  const handle = createControlHandler(createControl(world));
  const get = async (query: string) => {
    const response = await handle(
      new Request(`http://control/bot-info?bot=${bot.id}${query}`),
    );
    return { status: response.status, body: await response.json() };
  };
  await invoke(world, botMain, {
    _: "bots.setBotInfo",
    langCode: "de",
    about: "Gruppenbot",
  });
  const peer = chatPeer(world, bot.id, chat.key);
  await invoke(world, botMain, {
    _: "bots.setBotCommands",
    scope: { _: "botCommandScopePeer", peer },
    langCode: "de",
    commands: [{ _: "botCommand", command: "los", description: "Los!" }],
  });
  assertEquals(await get(""), {
    status: 200,
    body: { name: "group_bot", about: "", description: "", commands: [] },
  });
  assertEquals(
    await get(`&lang=de&scope=botCommandScopePeer&peer=${chat.key}`),
    {
      status: 200,
      body: {
        name: "",
        about: "Gruppenbot",
        description: "",
        commands: [{ command: "los", description: "Los!" }],
      },
    },
  );
  assertEquals(
    (await get(
      `&scope=botCommandScopePeerUser&peer=${chat.key}&user=${ann.id}`,
    ))
      .body.commands,
    [],
  );
  assertEquals((await get("&scope=botCommandScopePeerUser")).status, 400);
  assertEquals((await get("&scope=everywhere")).body, {
    error:
      'scope must be one of botCommandScopeDefault, botCommandScopeUsers, botCommandScopeChats, botCommandScopeChatAdmins, botCommandScopePeer, botCommandScopePeerAdmins, botCommandScopePeerUser, not "everywhere"',
  });
  const notABot = await handle(
    new Request(`http://control/bot-info?bot=${ann.id}`),
  );
  assertEquals(
    [notABot.status, await notABot.json()],
    [400, { error: `${ann.id} is no bot` }],
  );
});
