import { Long } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import { botChatSetup, randomId } from "./_bots_testing.ts";
import { rpcError, sendText } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";

const SELF = { _: "inputPeerSelf" } as const;
const EMPTY = { _: "inputPeerEmpty" } as const;

/** Ann's Saved Messages: a note of her own, then a forward of the bot's message. */
async function savedSetup() {
  const setup = await botChatSetup();
  const { world, user, bot, botMain, userMain, userPeer, botPeer } = setup;
  await sendText(world, userMain, SELF, "note to self");
  await sendText(world, botMain, userPeer, "keep this");
  const fromBot = world.state.mailboxes.chat(user.id, bot.id).at(-1)!;
  await invoke(world, userMain, {
    _: "messages.forwardMessages",
    fromPeer: botPeer,
    toPeer: SELF,
    id: [fromBot.id],
    randomId: [randomId()],
  });
  const [note, forward] = world.state.mailboxes.chat(user.id, user.id);
  return { ...setup, note, forward };
}

Deno.test("getSavedDialogs groups Saved Messages by where they were saved from, newest first", async () => {
  const { world, user, bot, userMain, note, forward } = await savedSetup();
  const dialogs = (limit: number, offsetId = 0, offsetDate = 0) =>
    invoke(world, userMain, {
      _: "messages.getSavedDialogs",
      offsetDate,
      offsetId,
      offsetPeer: EMPTY,
      limit,
      hash: Long.ZERO,
    });
  const all = await dialogs(10);
  assert(all._ === "messages.savedDialogs");
  assertEquals(
    all.dialogs.map((d) => [d.peer, d.topMessage]),
    [
      [{ _: "peerUser", userId: bot.id }, forward.id],
      [{ _: "peerUser", userId: user.id }, note.id],
    ],
  );
  assertEquals(all.messages.map((m) => m.id), [forward.id, note.id]);
  assert(all.users.some((u) => u.id === bot.id));

  const first = await dialogs(1);
  assert(first._ === "messages.savedDialogsSlice");
  assertEquals([first.count, first.dialogs.length], [2, 1]);
  const rest = await dialogs(1, forward.id, forward.date);
  assert(rest._ === "messages.savedDialogsSlice");
  assertEquals(rest.dialogs.map((d) => d.topMessage), [note.id]);
});

Deno.test("getSavedHistory reads one saved dialog", async () => {
  const { world, user, userMain, botPeer, note, forward } = await savedSetup();
  const history = (peer: typeof botPeer | typeof SELF) =>
    invoke(world, userMain, {
      _: "messages.getSavedHistory",
      peer,
      offsetId: 0,
      offsetDate: 0,
      addOffset: 0,
      limit: 10,
      maxId: 0,
      minId: 0,
      hash: Long.ZERO,
    });
  const fromBot = await history(botPeer);
  assert(fromBot._ === "messages.messages");
  assertEquals(fromBot.messages.map((m) => m.id), [forward.id]);
  const own = await history(SELF);
  assert(own._ === "messages.messages");
  assertEquals(own.messages.map((m) => m.id), [note.id]);
  assertEquals(world.state.mailboxes.chat(user.id, user.id).length, 2);
});

Deno.test("bots have no Saved Messages", async () => {
  const { world, botMain } = await botChatSetup();
  assertEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.getSavedDialogs",
      offsetDate: 0,
      offsetId: 0,
      offsetPeer: EMPTY,
      limit: 10,
      hash: Long.ZERO,
    })),
    "BOT_METHOD_INVALID",
  );
});
