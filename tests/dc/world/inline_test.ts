import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import {
  botChatSetup,
  callbackKeyboard,
  eventually,
  pngHeader,
  randomId,
  sentId,
  uploaded,
} from "./_bots_testing.ts";
import { pushedUpdates, rpcError } from "./_chats_testing.ts";
import {
  type FakeSession,
  inputPeer,
  invoke,
  userSession,
} from "./_testing.ts";

const text = (message: string): tl.RawInputBotInlineMessageText => ({
  _: "inputBotInlineMessageText",
  message,
});

async function inlineSetup() {
  const setup = await botChatSetup();
  const { world, user, bot } = setup;
  const friend = world.state.accounts.createUser({
    phone: "15550101",
    firstName: "Bob",
  });
  const friendMain = userSession(friend.id);
  await invoke(world, friendMain, { _: "updates.getState" });
  const inputBot: tl.RawInputUser = {
    _: "inputUser",
    userId: bot.id,
    accessHash: world.state.accounts.accessHash(user.id, bot.id),
  };
  return { ...setup, friend, friendMain, inputBot };
}

function inlineQueries(session: FakeSession) {
  return pushedUpdates(session).filter((
    u,
  ): u is tl.RawUpdateBotInlineQuery => u._ === "updateBotInlineQuery");
}

Deno.test("an inline query reaches the bot; its results reach the user; a chosen result is sent via the bot", async () => {
  const { world, user, bot, userMain, botMain, inputBot, friend, friendMain } =
    await inlineSetup();
  const photoFile = await uploaded(
    world,
    botMain,
    pngHeader(640, 480),
    "a.png",
  );
  const photo = await invoke(world, botMain, {
    _: "messages.uploadMedia",
    peer: { _: "inputPeerSelf" },
    media: { _: "inputMediaUploadedPhoto", file: photoFile },
  });
  assert(photo._ === "messageMediaPhoto" && photo.photo?._ === "photo");
  const friendPeer = inputPeer(world, user.id, friend.id);

  const asked = invoke(world, userMain, {
    _: "messages.getInlineBotResults",
    bot: inputBot,
    peer: friendPeer,
    query: "cats",
    offset: "",
  });
  const query = await eventually(() => inlineQueries(botMain)[0]);
  assertEquals([query.userId, query.query, query.offset, query.peerType], [
    user.id,
    "cats",
    "",
    { _: "inlineQueryPeerTypePM" },
  ]);
  const answer = (results: tl.TypeInputBotInlineResult[]) =>
    invoke(world, botMain, {
      _: "messages.setInlineBotResults",
      queryId: query.queryId,
      results,
      cacheTime: 0,
      nextOffset: "20",
    });
  assertStrictEquals(
    await rpcError(answer([
      {
        _: "inputBotInlineResult",
        id: "a",
        type: "article",
        sendMessage: text("x"),
      },
    ])),
    "ARTICLE_TITLE_EMPTY",
  );
  assertStrictEquals(
    await rpcError(answer([
      {
        _: "inputBotInlineResult",
        id: "a",
        type: "poem",
        title: "t",
        sendMessage: text("x"),
      },
    ])),
    "RESULT_TYPE_INVALID",
  );
  assertStrictEquals(
    await rpcError(answer([
      {
        _: "inputBotInlineResult",
        id: "a",
        type: "article",
        title: "1",
        sendMessage: text("x"),
      },
      {
        _: "inputBotInlineResult",
        id: "a",
        type: "article",
        title: "2",
        sendMessage: text("y"),
      },
    ])),
    "RESULT_ID_DUPLICATE",
  );
  assertStrictEquals(
    await answer([
      {
        _: "inputBotInlineResult",
        id: "article",
        type: "article",
        title: "A cat",
        sendMessage: {
          ...text("*purr*"),
          entities: [{ _: "messageEntityBold", offset: 0, length: 6 }],
          replyMarkup: callbackKeyboard(["Pet", "pet"]),
        },
      },
      {
        _: "inputBotInlineResultPhoto",
        id: "photo",
        type: "photo",
        photo: {
          _: "inputPhoto",
          id: photo.photo.id,
          accessHash: photo.photo.accessHash,
          fileReference: photo.photo.fileReference,
        },
        sendMessage: {
          _: "inputBotInlineMessageMediaAuto",
          message: "a photo",
        },
      },
      {
        _: "inputBotInlineResult",
        id: "place",
        type: "venue",
        title: "Cat cafe",
        sendMessage: {
          _: "inputBotInlineMessageMediaVenue",
          geoPoint: { _: "inputGeoPoint", lat: 52.5, long: 13.4 },
          title: "Cat cafe",
          address: "Main st",
          provider: "",
          venueId: "",
          venueType: "",
        },
      },
    ]),
    true,
  );
  const results = await asked;
  assertEquals(results.results.map((r) => [r._, r.id, r.type]), [
    ["botInlineResult", "article", "article"],
    ["botInlineMediaResult", "photo", "photo"],
    ["botInlineResult", "place", "venue"],
  ]);
  assertStrictEquals(results.nextOffset, "20");
  assert(results.users.some((u) => u.id === bot.id));

  const send = (id: string) =>
    invoke(world, userMain, {
      _: "messages.sendInlineBotResult",
      peer: friendPeer,
      randomId: randomId(),
      queryId: results.queryId,
      id,
    });
  assertStrictEquals(await rpcError(send("nope")), "RESULT_ID_INVALID");
  const sentArticle = await send("article");
  const friendCopy = world.state.mailboxes.chat(friend.id, user.id).at(-1)!;
  assertEquals(
    [friendCopy.text, friendCopy.viaBotId, friendCopy.replyMarkup?._],
    ["*purr*", bot.id, "replyInlineMarkup"],
  );
  const pushed = pushedUpdates(friendMain).find((u) =>
    u._ === "updateNewMessage"
  );
  assert(pushed?._ === "updateNewMessage" && pushed.message._ === "message");
  assertStrictEquals(pushed.message.viaBotId, bot.id);
  const chosen = await eventually(() =>
    pushedUpdates(botMain).find((u): u is tl.RawUpdateBotInlineSend =>
      u._ === "updateBotInlineSend"
    )
  );
  assertEquals([chosen.userId, chosen.query, chosen.id], [
    user.id,
    "cats",
    "article",
  ]);
  assert(chosen.msgId?._ === "inputBotInlineMessageID");

  // without a keyboard Telegram gives the bot no inline message id
  await send("photo");
  const photoCopy = world.state.mailboxes.chat(friend.id, user.id).at(-1)!;
  assertEquals([photoCopy.text, photoCopy.media?._], [
    "a photo",
    "messageMediaPhoto",
  ]);
  await send("place");
  const sends = pushedUpdates(botMain).filter((u) =>
    u._ === "updateBotInlineSend"
  ) as tl.RawUpdateBotInlineSend[];
  assertEquals(sends.map((s) => [s.id, s.msgId === undefined]), [
    ["article", false],
    ["photo", true],
    ["place", true],
  ]);
  assertStrictEquals(
    world.state.mailboxes.chat(friend.id, user.id).at(-1)?.media?._,
    "messageMediaVenue",
  );

  // the keyboard of a message sent via the bot belongs to the bot
  const pressed = invoke(world, friendMain, {
    _: "messages.getBotCallbackAnswer",
    peer: inputPeer(world, friend.id, user.id),
    msgId: friendCopy.id,
    data: new TextEncoder().encode("pet"),
  });
  const inlineQuery = await eventually(() =>
    pushedUpdates(botMain).find((u): u is tl.RawUpdateInlineBotCallbackQuery =>
      u._ === "updateInlineBotCallbackQuery"
    )
  );
  assertEquals(inlineQuery.msgId, chosen.msgId);
  assertStrictEquals(inlineQuery.userId, friend.id);
  await invoke(world, botMain, {
    _: "messages.setBotCallbackAnswer",
    queryId: inlineQuery.queryId,
    cacheTime: 0,
  });
  await pressed;

  assertStrictEquals(
    await invoke(world, botMain, {
      _: "messages.editInlineBotMessage",
      id: chosen.msgId!,
      message: "*purrs loudly*",
    }),
    true,
  );
  assertStrictEquals(friendCopy.text, "*purrs loudly*");
  assertStrictEquals(friendCopy.replyMarkup, undefined);
  const senderCopy = world.state.mailboxes.get(user.id, sentId(sentArticle))!;
  assertStrictEquals(senderCopy.text, "*purrs loudly*");
});

Deno.test("inline errors: not a bot, unknown queries, timeouts", async () => {
  const { world, userMain, botMain, inputBot, friend, botPeer } =
    await inlineSetup();
  assertStrictEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.getInlineBotResults",
      bot: {
        _: "inputUser",
        userId: friend.id,
        accessHash: world.state.accounts.accessHash(
          userMain.accountId!,
          friend.id,
        ),
      },
      peer: botPeer,
      query: "",
      offset: "",
    })),
    "BOT_INVALID",
  );
  world.state.inline.timeoutMs = 20;
  assertStrictEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.getInlineBotResults",
      bot: inputBot,
      peer: botPeer,
      query: "slow",
      offset: "",
    })),
    "BOT_RESPONSE_TIMEOUT",
  );
  const [query] = inlineQueries(botMain);
  assertEquals(query.peerType, { _: "inlineQueryPeerTypeSameBotPM" });
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.setInlineBotResults",
      queryId: query.queryId,
      results: [],
      cacheTime: 0,
    })),
    "QUERY_ID_INVALID",
  );
  assertStrictEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.sendInlineBotResult",
      peer: botPeer,
      randomId: randomId(),
      queryId: query.queryId,
      id: "x",
    })),
    "INLINE_RESULT_EXPIRED",
  );
});
