import { assert, assertEquals } from "../assert.ts";
import { Long, type tl } from "@mtcute/core";
import { createControl, createControlHandler } from "./control.ts";
import { botChatSetup, eventually, sendMedia } from "./world/_bots_testing.ts";
import {
  chatPeer,
  chatSetup,
  pushedUpdates,
  sendText,
} from "./world/_chats_testing.ts";
import { invoke } from "./world/_testing.ts";

async function setup() {
  const chat = await botChatSetup();
  const handle = createControlHandler(createControl(chat.world));
  const post = async (path: string, body: unknown) => {
    const response = await handle(
      new Request(`http://control${path}`, {
        method: "POST",
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const get = async (path: string) => {
    const response = await handle(new Request(`http://control${path}`));
    return { status: response.status, body: await response.json() };
  };
  return { ...chat, post, get };
}

const text = (value: string): tl.RawTextWithEntities => ({
  _: "textWithEntities",
  text: value,
  entities: [],
});

Deno.test("control: POST /votes votes by option index; the bot of a public poll learns the vote", async () => {
  const { world, botMain, userPeer, user, bot, post } = await setup();
  await sendMedia(world, botMain, userPeer, {
    _: "inputMediaPoll",
    poll: {
      _: "poll",
      id: Long.ZERO,
      question: text("Tea?"),
      answers: ["yes", "no"].map((answer) => ({
        _: "inputPollAnswer",
        text: text(answer),
      })),
      publicVoters: true,
      hash: Long.ZERO,
    },
  });
  const messageId = world.state.mailboxes.chat(user.id, bot.id).at(-1)!.id;
  const vote = (body: Record<string, unknown>) =>
    post("/votes", { from: user.id, peer: bot.id, messageId, ...body });
  assertEquals(await vote({ options: [1] }), {
    status: 200,
    body: { ok: true },
  });
  const voted = await eventually(() =>
    pushedUpdates(botMain).find((u): u is tl.RawUpdateMessagePollVote =>
      u._ === "updateMessagePollVote"
    )
  );
  assertEquals(voted.positions, [1]);
  assertEquals(await vote({ options: [5] }), {
    status: 400,
    body: { error: "OPTION_INVALID" },
  });
  assertEquals(await vote({ options: ["1"] }), {
    status: 400,
    body: {
      error: "options must be an array of option indexes (integers from 0)",
    },
  });
  assertEquals(await vote({ options: [0], messageId: 999 }), {
    status: 400,
    body: { error: "MESSAGE_ID_INVALID" },
  });
  assertEquals(await vote({ options: [0], from: bot.id, peer: user.id }), {
    status: 400,
    body: { error: "BOT_METHOD_INVALID" },
  });
});

Deno.test("control: POST /reactions sets the sender's reactions and answers the totals", async () => {
  const { world, botMain, userPeer, user, bot, post } = await setup();
  await sendText(world, botMain, userPeer, "hi");
  const messageId = world.state.mailboxes.chat(user.id, bot.id).at(-1)!.id;
  const react = (reactions: unknown) =>
    post("/reactions", { from: user.id, peer: bot.id, messageId, reactions });
  assertEquals(await react(["👍"]), {
    status: 200,
    body: { reactions: [{ emoji: "👍", count: 1, chosen: true }] },
  });
  const reacted = await eventually(() =>
    pushedUpdates(botMain).find((u): u is tl.RawUpdateBotMessageReaction =>
      u._ === "updateBotMessageReaction"
    )
  );
  assert(reacted.actor._ === "peerUser" && reacted.actor.userId === user.id);
  assertEquals(await react([]), { status: 200, body: { reactions: [] } });
  assertEquals(await react(["🦖"]), {
    status: 400,
    body: { error: "REACTION_INVALID" },
  });
  assertEquals(await react("👍"), {
    status: 400,
    body: { error: "reactions must be an array of strings" },
  });
});

Deno.test("control: POST /reactions takes one emoji too; GET /reactions shows a message's reactions and who chose them", async () => {
  const { world, botMain, userPeer, user, bot, post, get } = await setup();
  await sendText(world, botMain, userPeer, "hi");
  const messageId = world.state.mailboxes.chat(user.id, bot.id).at(-1)!.id;
  const ref = { from: user.id, peer: bot.id, messageId };
  assertEquals(await post("/reactions", { ...ref, emoji: "🔥" }), {
    status: 200,
    body: { reactions: [{ emoji: "🔥", count: 1, chosen: true }] },
  });
  assertEquals(
    await post("/reactions", { ...ref, emoji: "🔥", reactions: [] }),
    {
      status: 400,
      body: {
        error:
          "exactly one of reactions (an array of emoji) and emoji (one emoji) is required",
      },
    },
  );
  assertEquals(await post("/reactions", { ...ref, emoji: 5 }), {
    status: 400,
    body: { error: "emoji must be a string" },
  });
  // the bot's copy, as the bot sees it: not its own choice
  const botCopyId = world.state.mailboxes.chat(bot.id, user.id).at(-1)!.id;
  assertEquals(
    await get(
      `/reactions?user=${bot.id}&peer=${user.id}&messageId=${botCopyId}`,
    ),
    {
      status: 200,
      body: {
        reactions: [{ emoji: "🔥", count: 1, chosen: false }],
        reactors: [{ from: user.id, emoji: "🔥" }],
      },
    },
  );
  assertEquals(
    await get(`/reactions?user=${bot.id}&peer=${user.id}&messageId=999`),
    { status: 400, body: { error: "MESSAGE_ID_INVALID" } },
  );
});

Deno.test("control: GET /chat-reactions shows what a chat allows", async () => {
  const { world, annMain, ann, chat } = await chatSetup("supergroup");
  const handle = createControlHandler(createControl(world));
  const get = async (path: string) => {
    const response = await handle(new Request(`http://control${path}`));
    return { status: response.status, body: await response.json() };
  };
  assertEquals(await get(`/chat-reactions?chat=${chat.key}`), {
    status: 200,
    body: { type: "all" },
  });
  await invoke(world, annMain, {
    _: "messages.setChatAvailableReactions",
    peer: chatPeer(world, ann.id, chat.key),
    availableReactions: {
      _: "chatReactionsSome",
      reactions: [{ _: "reactionEmoji", emoticon: "👍" }],
    },
    reactionsLimit: 2,
    paidEnabled: true,
  });
  assertEquals(await get(`/chat-reactions?chat=${chat.key}`), {
    status: 200,
    body: { type: "some", emoji: ["👍"], limit: 2, paidEnabled: true },
  });
  assertEquals(await get(`/chat-reactions?chat=-999`), {
    status: 400,
    body: { error: "PEER_ID_INVALID" },
  });
});
