import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import {
  botChatSetup,
  callbackKeyboard,
  eventually,
  randomId,
  sentId,
} from "./_bots_testing.ts";
import { pushedUpdates, rpcError, sendText } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";

async function keyboardMessage() {
  const setup = await botChatSetup();
  const { world, botMain, userPeer, user, bot } = setup;
  const sent = await sendText(world, botMain, userPeer, "choose", {
    replyMarkup: callbackKeyboard(["Yes", "yes"], ["No", "no"]),
  });
  const botMessageId = sentId(sent);
  const userMessageId = world.state.mailboxes.chat(user.id, bot.id).at(-1)!.id;
  return { ...setup, botMessageId, userMessageId };
}

function callbackQueries(
  pushes: tl.TypeUpdate[],
): tl.RawUpdateBotCallbackQuery[] {
  return pushes.filter((u): u is tl.RawUpdateBotCallbackQuery =>
    u._ === "updateBotCallbackQuery"
  );
}

Deno.test("a bot's inline keyboard is stored and returned with the message", async () => {
  const { world, userMain, botPeer, userMessageId } = await keyboardMessage();
  const fetched = await invoke(world, userMain, {
    _: "messages.getHistory",
    peer: botPeer,
    offsetId: 0,
    offsetDate: 0,
    addOffset: 0,
    limit: 10,
    maxId: 0,
    minId: 0,
    hash: Long.ZERO,
  });
  assert(fetched._ === "messages.messages");
  const message = fetched.messages[0];
  assert(message._ === "message" && message.id === userMessageId);
  assert(message.replyMarkup?._ === "replyInlineMarkup");
  const [yes] = message.replyMarkup.rows[0].buttons;
  assert(yes._ === "keyboardButtonCallback");
  assertEquals(new TextDecoder().decode(yes.data), "yes");
});

Deno.test("pressing a button: the bot gets the query, the user its answer", async () => {
  const {
    world,
    userMain,
    botMain,
    botPeer,
    user,
    botMessageId,
    userMessageId,
  } = await keyboardMessage();
  const answer = invoke(world, userMain, {
    _: "messages.getBotCallbackAnswer",
    peer: botPeer,
    msgId: userMessageId,
    data: new TextEncoder().encode("no"),
  });
  const query = await eventually(() =>
    callbackQueries(pushedUpdates(botMain))[0]
  );
  assertStrictEquals(query.userId, user.id);
  assertStrictEquals(query.msgId, botMessageId);
  assertEquals(query.peer, { _: "peerUser", userId: user.id });
  assertEquals(new TextDecoder().decode(query.data), "no");
  const ok = await invoke(world, botMain, {
    _: "messages.setBotCallbackAnswer",
    queryId: query.queryId,
    message: "Noted",
    alert: true,
    cacheTime: 5,
  });
  assertStrictEquals(ok, true);
  assertEquals(await answer, {
    _: "messages.botCallbackAnswer",
    alert: true,
    hasUrl: undefined,
    message: "Noted",
    url: undefined,
    cacheTime: 5,
  });
  // answered once: the id is spent
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.setBotCallbackAnswer",
      queryId: query.queryId,
      cacheTime: 0,
    })),
    "QUERY_ID_INVALID",
  );

  // a second press gets a new query id and the same chat_instance
  const again = invoke(world, userMain, {
    _: "messages.getBotCallbackAnswer",
    peer: botPeer,
    msgId: userMessageId,
    data: new TextEncoder().encode("yes"),
  });
  const second = await eventually(() =>
    callbackQueries(pushedUpdates(botMain))[1]
  );
  assert(!second.queryId.eq(query.queryId));
  assert(second.chatInstance.eq(query.chatInstance));
  await invoke(world, botMain, {
    _: "messages.setBotCallbackAnswer",
    queryId: second.queryId,
    url: "https://t.me/keys_bot?start=x",
    cacheTime: 0,
  });
  const answered = await again;
  assertStrictEquals(answered.hasUrl, true);
  assertStrictEquals(answered.url, "https://t.me/keys_bot?start=x");
});

Deno.test("callback data on no button is DATA_INVALID; an unanswered query times out", async () => {
  const { world, userMain, botMain, botPeer, userMessageId } =
    await keyboardMessage();
  const press = (data: string) =>
    invoke(world, userMain, {
      _: "messages.getBotCallbackAnswer",
      peer: botPeer,
      msgId: userMessageId,
      data: new TextEncoder().encode(data),
    });
  assertStrictEquals(await rpcError(press("maybe")), "DATA_INVALID");
  assertStrictEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.getBotCallbackAnswer",
      peer: botPeer,
      msgId: 999,
      data: new TextEncoder().encode("yes"),
    })),
    "MESSAGE_ID_INVALID",
  );
  world.state.callbacks.timeoutMs = 20;
  assertStrictEquals(await rpcError(press("yes")), "BOT_RESPONSE_TIMEOUT");
  const [late] = callbackQueries(pushedUpdates(botMain));
  assertStrictEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.setBotCallbackAnswer",
      queryId: late.queryId,
      cacheTime: 0,
    })),
    "QUERY_ID_INVALID",
  );
  assertStrictEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.setBotCallbackAnswer",
      queryId: late.queryId,
      cacheTime: 0,
    })),
    "USER_BOT_REQUIRED",
  );
});

Deno.test("keyboards: users' markup is dropped, bad buttons are refused, input buttons converted, edits replace markup", async () => {
  const { world, userMain, botMain, botPeer, userPeer, user, bot } =
    await botChatSetup();
  await sendText(world, userMain, botPeer, "mine", {
    replyMarkup: callbackKeyboard(["x", "x"]),
  });
  assertStrictEquals(
    world.state.mailboxes.chat(bot.id, user.id)[0].replyMarkup,
    undefined,
  );
  const tooLong = callbackKeyboard(["x", "x".repeat(65)]);
  assertStrictEquals(
    await rpcError(sendText(world, botMain, userPeer, "bad", {
      replyMarkup: tooLong,
    })),
    "BUTTON_DATA_INVALID",
  );
  assertStrictEquals(
    await rpcError(sendText(world, botMain, userPeer, "bad", {
      replyMarkup: {
        _: "replyInlineMarkup",
        rows: [{
          _: "keyboardButtonRow",
          buttons: [{ _: "keyboardButton", text: "plain" }],
        }],
      },
    })),
    "BUTTON_TYPE_INVALID",
  );
  assertStrictEquals(
    await rpcError(sendText(world, botMain, userPeer, "bad", {
      replyMarkup: {
        _: "replyInlineMarkup",
        rows: [{
          _: "keyboardButtonRow",
          buttons: [{ _: "keyboardButtonUrl", text: "go", url: "not a url" }],
        }],
      },
    })),
    "BUTTON_URL_INVALID",
  );
  const sent = await sendText(world, botMain, userPeer, "profile", {
    replyMarkup: {
      _: "replyInlineMarkup",
      rows: [{
        _: "keyboardButtonRow",
        buttons: [{
          _: "inputKeyboardButtonUserProfile",
          text: "Ann",
          userId: {
            _: "inputUser",
            userId: user.id,
            accessHash: world.state.accounts.accessHash(bot.id, user.id),
          },
        }],
      }],
    },
  });
  const stored = world.state.mailboxes.get(bot.id, sentId(sent))!;
  assertEquals(stored.replyMarkup, {
    _: "replyInlineMarkup",
    rows: [{
      _: "keyboardButtonRow",
      buttons: [{
        _: "keyboardButtonUserProfile",
        style: undefined,
        text: "Ann",
        userId: user.id,
      }],
    }],
  });
  await sendText(world, botMain, userPeer, "reply keyboard", {
    replyMarkup: {
      _: "replyKeyboardMarkup",
      resize: true,
      rows: [{
        _: "keyboardButtonRow",
        buttons: [{ _: "keyboardButtonRequestPhone", text: "Phone" }],
      }],
    },
  });
  assertStrictEquals(
    world.state.mailboxes.chat(user.id, bot.id).at(-1)?.replyMarkup?._,
    "replyKeyboardMarkup",
  );
  // an edit without reply_markup removes the keyboard, as on Telegram
  await invoke(world, botMain, {
    _: "messages.editMessage",
    peer: userPeer,
    id: sentId(sent),
    message: "profile (edited)",
  });
  assertStrictEquals(stored.replyMarkup, undefined);
  await invoke(world, botMain, {
    _: "messages.editMessage",
    peer: userPeer,
    id: sentId(sent),
    replyMarkup: callbackKeyboard(["again", "again"]),
  });
  assertStrictEquals(
    world.state.mailboxes.get(bot.id, sentId(sent))?.replyMarkup?._,
    "replyInlineMarkup",
  );
  assertStrictEquals(
    await rpcError(sendText(world, botMain, userPeer, "x", {
      randomId: randomId(),
      replyMarkup: {
        _: "replyInlineMarkup",
        rows: [{
          _: "keyboardButtonRow",
          buttons: Array.from({ length: 9 }, (_, i) => ({
            _: "keyboardButtonCallback" as const,
            text: `b${i}`,
            data: new Uint8Array([i]),
          })),
        }],
      },
    })),
    "REPLY_MARKUP_TOO_LONG",
  );
});
