import { assert, assertEquals, assertStrictEquals } from "../assert.ts";
import type { tl } from "@mtcute/core";
import { createControl, createControlHandler } from "./control.ts";
import {
  botChatSetup,
  callbackKeyboard,
  eventually,
  sendMedia,
  uploaded,
} from "./world/_bots_testing.ts";
import { pushedUpdates, sendText } from "./world/_chats_testing.ts";
import { invoke } from "./world/_testing.ts";

async function setup() {
  const chat = await botChatSetup();
  const handle = createControlHandler(createControl(chat.world));
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await handle(
      new Request(`http://control${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  return { ...chat, request };
}

Deno.test("control: a user presses a bot's button and gets the answer; an unanswered press is 504", async () => {
  const { world, botMain, userPeer, user, bot, request } = await setup();
  await sendText(world, botMain, userPeer, "menu", {
    replyMarkup: callbackKeyboard(["Go", "go"]),
  });
  const listed = await request(
    "GET",
    `/messages?user=${user.id}&peer=${bot.id}`,
  );
  const [message] = listed.body;
  assertStrictEquals(message.replyMarkup._, "replyInlineMarkup");
  const pressed = request("POST", "/callback-queries", {
    from: user.id,
    peer: bot.id,
    messageId: message.id,
    data: "go",
  });
  const query = await eventually(() =>
    pushedUpdates(botMain).find((u): u is tl.RawUpdateBotCallbackQuery =>
      u._ === "updateBotCallbackQuery"
    )
  );
  await invoke(world, botMain, {
    _: "messages.setBotCallbackAnswer",
    queryId: query.queryId,
    message: "Going",
    cacheTime: 0,
  });
  assertEquals(await pressed, {
    status: 200,
    body: { answer: { message: "Going" } },
  });
  assertEquals(
    await request("POST", "/callback-queries", {
      from: user.id,
      peer: bot.id,
      messageId: message.id,
      data: "stay",
    }),
    { status: 400, body: { error: "DATA_INVALID" } },
  );
  world.state.callbacks.timeoutMs = 20;
  assertEquals(
    await request("POST", "/callback-queries", {
      from: user.id,
      peer: bot.id,
      messageId: message.id,
      data: "go",
    }),
    { status: 504, body: { error: "BOT_RESPONSE_TIMEOUT" } },
  );
  assertStrictEquals(
    (await request("POST", "/callback-queries", { from: user.id })).status,
    400,
  );
});

Deno.test("control: inline queries and sending a chosen result", async () => {
  const { world, botMain, user, bot, request } = await setup();
  const asked = request("POST", "/inline-queries", {
    from: user.id,
    bot: bot.id,
    query: "hi",
  });
  const query = await eventually(() =>
    pushedUpdates(botMain).find((u): u is tl.RawUpdateBotInlineQuery =>
      u._ === "updateBotInlineQuery"
    )
  );
  await invoke(world, botMain, {
    _: "messages.setInlineBotResults",
    queryId: query.queryId,
    cacheTime: 0,
    results: [{
      _: "inputBotInlineResult",
      id: "r1",
      type: "article",
      title: "Hello",
      sendMessage: { _: "inputBotInlineMessageText", message: "Hello!" },
    }],
  });
  const results = await asked;
  assertEquals(results.body, {
    queryId: query.queryId.toString(),
    results: [{ id: "r1", type: "article", title: "Hello" }],
  });
  const sent = await request("POST", "/inline-queries/send", {
    from: user.id,
    bot: bot.id,
    queryId: results.body.queryId,
    resultId: "r1",
    peer: bot.id,
  });
  assertStrictEquals(sent.status, 200);
  const listed = await request(
    "GET",
    `/messages?user=${user.id}&peer=${bot.id}`,
  );
  const message = listed.body.find((m: { id: number }) =>
    m.id === sent.body.id
  );
  assertEquals([message.text, message.viaBot], ["Hello!", bot.id]);
  assertEquals(
    await request("POST", "/inline-queries/send", {
      from: user.id,
      bot: bot.id,
      queryId: "12",
      resultId: "r1",
      peer: bot.id,
    }),
    { status: 400, body: { error: "INLINE_RESULT_EXPIRED" } },
  );
});

Deno.test("control: GET /messages summarizes every media kind", async () => {
  const { world, botMain, userPeer, user, bot, request } = await setup();
  await sendMedia(world, botMain, userPeer, {
    _: "inputMediaDice",
    emoticon: "🎯",
  });
  await sendMedia(world, botMain, userPeer, {
    _: "inputMediaVenue",
    geoPoint: { _: "inputGeoPoint", lat: 1, long: 2 },
    title: "Here",
    address: "There",
    provider: "foursquare",
    venueId: "4b05",
    venueType: "food/cafe",
  });
  await sendMedia(world, botMain, userPeer, {
    _: "inputMediaUploadedDocument",
    file: await uploaded(world, botMain, new Uint8Array(8), "voice.ogg"),
    mimeType: "audio/ogg",
    attributes: [{ _: "documentAttributeAudio", duration: 3 }],
  });
  const listed = await request(
    "GET",
    `/messages?user=${user.id}&peer=${bot.id}`,
  );
  const [dice, venue, audio] = listed.body.map((m: { media: unknown }) =>
    m.media
  );
  assert(dice.type === "dice" && dice.emoji === "🎯" && dice.value >= 1);
  assertEquals(venue, {
    type: "venue",
    latitude: 1,
    longitude: 2,
    title: "Here",
    address: "There",
    provider: "foursquare",
    venueId: "4b05",
    venueType: "food/cafe",
  });
  assertEquals([audio.type, audio.kind, audio.mimeType, audio.fileName], [
    "document",
    "audio",
    "audio/ogg",
    "voice.ogg",
  ]);
});
