import { assertEquals, assertStrictEquals, rejection } from "../assert.ts";
import { Context } from "../../client/context.ts";
import type { Update } from "../../client/mtkruto/types.ts";
import {
  ALICE,
  BOT,
  everyUpdate,
  fakeClient,
  messageUpdate,
  photoMessage,
  privateChat,
  type RecordedCall,
  SUPERGROUP,
  textMessage,
  update,
} from "./_fake_client.ts";

/** A context for `value` with a fresh fake client. */
function contextFor(value: Update) {
  const fake = fakeClient();
  return { ctx: new Context(fake.client, BOT, value), calls: fake.calls };
}

/** The one call `act` made on a context for `value`. */
async function callOf(
  value: Update,
  act: (ctx: Context) => Promise<unknown>,
): Promise<RecordedCall> {
  const { ctx, calls } = contextFor(value);
  await act(ctx);
  assertEquals(calls.length, 1);
  return calls[0];
}

const GROUP_MESSAGE = textMessage("hi", { id: 7, chat: SUPERGROUP });
const PRIVATE_MESSAGE = textMessage("hi", { id: 8 });

Deno.test("the shortcuts of each update type", () => {
  const updates = everyUpdate();
  const shortcuts = (value: Update) => {
    const ctx = new Context(fakeClient().client, BOT, value);
    return {
      msg: ctx.msg,
      message: ctx.message,
      editedMessage: ctx.editedMessage,
      callbackQuery: ctx.callbackQuery,
      inlineQuery: ctx.inlineQuery,
      chosenInlineResult: ctx.chosenInlineResult,
      chat: ctx.chat,
      chatId: ctx.chatId,
      from: ctx.from,
    };
  };
  const none = {
    msg: undefined,
    message: undefined,
    editedMessage: undefined,
    callbackQuery: undefined,
    inlineQuery: undefined,
    chosenInlineResult: undefined,
    chat: undefined,
    chatId: undefined,
    from: undefined,
  };
  const alice = privateChat();
  const message = updates.message.message;
  const edited = updates.editedMessage.editedMessage;
  const query = updates.callbackQuery.callbackQuery;
  assertEquals(shortcuts(updates.message), {
    ...none,
    msg: message,
    message,
    chat: alice,
    chatId: ALICE.id,
    from: alice,
  });
  assertEquals(shortcuts(updates.editedMessage), {
    ...none,
    msg: edited,
    editedMessage: edited,
    chat: alice,
    chatId: ALICE.id,
    from: alice,
  });
  assertEquals(shortcuts(updates.callbackQuery), {
    ...none,
    msg: textMessage("pick one"),
    callbackQuery: query,
    chat: alice,
    chatId: ALICE.id,
    // The user who pressed, not the message's sender.
    from: ALICE,
  });
  assertEquals(shortcuts(updates.inlineQuery), {
    ...none,
    inlineQuery: updates.inlineQuery.inlineQuery,
    from: ALICE,
  });
  assertEquals(shortcuts(updates.chosenInlineResult), {
    ...none,
    chosenInlineResult: updates.chosenInlineResult.chosenInlineResult,
    from: ALICE,
  });
  assertEquals(shortcuts(updates.messageReactions), {
    ...none,
    chat: SUPERGROUP,
    chatId: SUPERGROUP.id,
    from: updates.messageReactions.messageReactions.user,
  });
  assertEquals(shortcuts(updates.messageReactionCount), {
    ...none,
    chat: SUPERGROUP,
    chatId: SUPERGROUP.id,
  });
  assertEquals(shortcuts(updates.chatAction), {
    ...none,
    chatId: SUPERGROUP.id,
  });
  assertEquals(shortcuts(updates.pollAnswer), { ...none, from: alice });
  assertEquals(shortcuts(updates.preCheckoutQuery), { ...none, from: ALICE });
  for (const change of [updates.chatMember, updates.myChatMember]) {
    const payload = change.type === "chatMember"
      ? change.chatMember
      : change.myChatMember;
    assertEquals(shortcuts(change), {
      ...none,
      chat: payload.chat,
      chatId: payload.chat.id,
      from: payload.from,
    });
  }
  assertEquals(shortcuts(updates.story), {
    ...none,
    chat: alice,
    chatId: ALICE.id,
  });
  assertEquals(shortcuts(updates.deletedStory), { ...none, chatId: ALICE.id });
  assertEquals(shortcuts(updates.videoChat), none);
  assertEquals(shortcuts(updates.poll), none);
  assertEquals(shortcuts(updates.deletedMessages), none);
});

Deno.test("update, client and me are the constructor's, and JSON is the update", () => {
  const value = messageUpdate(PRIVATE_MESSAGE);
  const fake = fakeClient();
  const ctx = new Context(fake.client, BOT, value);
  assertStrictEquals(ctx.update, value);
  assertStrictEquals(ctx.client, fake.client);
  assertStrictEquals(ctx.me, BOT);
  assertEquals(JSON.parse(JSON.stringify(ctx)), value);
});

Deno.test("reply() quotes the message outside private chats only", async () => {
  const inGroup = await callOf(
    messageUpdate(GROUP_MESSAGE),
    (ctx) => ctx.reply("hello", { parseMode: "HTML" }),
  );
  assertEquals(inGroup, {
    method: "sendMessage",
    args: [SUPERGROUP.id, "hello", {
      parseMode: "HTML",
      replyTo: { type: "message", messageId: 7 },
    }],
  });
  const inPrivate = await callOf(
    messageUpdate(PRIVATE_MESSAGE),
    (ctx) => ctx.reply("hello"),
  );
  assertEquals(inPrivate.args, [ALICE.id, "hello", {}]);
});

Deno.test("reply()'s isQuoted overrides the default and is not sent", async () => {
  const quoted = await callOf(
    messageUpdate(PRIVATE_MESSAGE),
    (ctx) => ctx.reply("hello", { isQuoted: true }),
  );
  assertEquals(quoted.args[2], { replyTo: { type: "message", messageId: 8 } });
  const unquoted = await callOf(
    messageUpdate(GROUP_MESSAGE),
    (ctx) => ctx.reply("hello", { isQuoted: false, isSilent: true }),
  );
  assertEquals(unquoted.args[2], { isSilent: true });
});

Deno.test("a reply goes to the message's topic and business connection", async () => {
  const inTopic = textMessage("hi", {
    id: 9,
    chat: SUPERGROUP,
    threadId: 3,
    isTopicMessage: true,
  });
  const reply = await callOf(
    update("editedMessage", inTopic),
    (ctx) => ctx.reply("hello"),
  );
  assertEquals(reply.args[2], {
    replyTo: { type: "message", messageId: 9 },
    messageThreadId: 3,
  });
  const business = textMessage("hi", {
    businessConnectionId: "conn-1",
    directMessagesTopicId: 55,
  });
  const businessReply = await callOf(
    messageUpdate(business),
    (ctx) => ctx.reply("hello"),
  );
  assertEquals(businessReply.args[2], {
    directMessagesTopicId: 55,
    businessConnectionId: "conn-1",
  });
});

Deno.test("a reply to a button press quotes its message but leaves the topic out", async () => {
  // As MTKruto: only new and edited messages give their thread.
  const reply = await callOf(
    update("callbackQuery", {
      id: "1",
      from: ALICE,
      message: { ...GROUP_MESSAGE, threadId: 3 },
      data: "x",
    }),
    (ctx) => ctx.reply("pressed"),
  );
  assertEquals(reply.args, [SUPERGROUP.id, "pressed", {
    replyTo: { type: "message", messageId: 7 },
  }]);
});

Deno.test("each reply helper calls its send method with the reply fields", async () => {
  const replyTo = { type: "message", messageId: 7 };
  const cases: [
    (ctx: Context) => Promise<unknown>,
    string,
    unknown[],
  ][] = [
    [(ctx) => ctx.replyPhoto("p", { caption: "c" }), "sendPhoto", [
      "p",
      { caption: "c", replyTo },
    ]],
    [(ctx) => ctx.replyDocument("d"), "sendDocument", ["d", { replyTo }]],
    [(ctx) => ctx.replyVideo("v"), "sendVideo", ["v", { replyTo }]],
    [(ctx) => ctx.replyAnimation("a"), "sendAnimation", ["a", { replyTo }]],
    [(ctx) => ctx.replyVoice("o"), "sendVoice", ["o", { replyTo }]],
    [(ctx) => ctx.replyAudio("u"), "sendAudio", ["u", { replyTo }]],
    [(ctx) => ctx.replyVideoNote("n"), "sendVideoNote", ["n", { replyTo }]],
    [(ctx) => ctx.replySticker("s"), "sendSticker", ["s", { replyTo }]],
    [(ctx) => ctx.replyLocation(1.5, 2.5), "sendLocation", [1.5, 2.5, {
      replyTo,
    }]],
    [(ctx) => ctx.replyContact("Bob", "+1555"), "sendContact", [
      "Bob",
      "+1555",
      { replyTo },
    ]],
    [(ctx) => ctx.replyDice({ emoji: "🎯" }), "sendDice", [{
      emoji: "🎯",
      replyTo,
    }]],
    [(ctx) => ctx.replyVenue(1, 2, "Cafe", "Main St"), "sendVenue", [
      1,
      2,
      "Cafe",
      "Main St",
      { replyTo },
    ]],
    [(ctx) => ctx.replyPoll("Q?", ["a", "b"]), "sendPoll", [
      "Q?",
      ["a", "b"],
      { replyTo },
    ]],
    [
      (ctx) =>
        ctx.replyMediaGroup([{ type: "photo", photo: "p" }], {
          isQuoted: false,
        }),
      "sendMediaGroup",
      [[{ type: "photo", photo: "p" }], {}],
    ],
  ];
  for (const [act, method, args] of cases) {
    const call = await callOf(messageUpdate(GROUP_MESSAGE), act);
    assertEquals(call, { method, args: [SUPERGROUP.id, ...args] });
  }
});

Deno.test("the chat and query helpers call their methods with the update's ids", async () => {
  const updates = everyUpdate();
  const group = messageUpdate(GROUP_MESSAGE);
  const chatId = SUPERGROUP.id;
  const cases: [Update, (ctx: Context) => Promise<unknown>, RecordedCall][] = [
    [updates.chatAction, (ctx) => ctx.sendChatAction({ type: "typing" }), {
      method: "sendChatAction",
      args: [chatId, { type: "typing" }, undefined],
    }],
    [
      updates.callbackQuery,
      (ctx) => ctx.answerCallbackQuery({ text: "ok" }),
      { method: "answerCallbackQuery", args: ["9001", { text: "ok" }] },
    ],
    [
      updates.preCheckoutQuery,
      (ctx) => ctx.answerPreCheckoutQuery(false, { error: "Sold out" }),
      {
        method: "answerPreCheckoutQuery",
        args: [
          updates.preCheckoutQuery.preCheckoutQuery.id,
          false,
          { error: "Sold out" },
        ],
      },
    ],
    [
      updates.inlineQuery,
      (ctx) => ctx.answerInlineQuery([], { isPersonal: true }),
      {
        method: "answerInlineQuery",
        args: ["9002", [], { isPersonal: true }],
      },
    ],
    [group, (ctx) => ctx.delete(), {
      method: "deleteMessage",
      args: [chatId, 7],
    }],
    [group, (ctx) => ctx.forward("@channel"), {
      method: "forwardMessage",
      args: [chatId, "@channel", 7, undefined],
    }],
    [group, (ctx) => ctx.pin({ isSilent: true }), {
      method: "pinMessage",
      args: [chatId, 7, { isSilent: true }],
    }],
    [group, (ctx) => ctx.unpin(), {
      method: "unpinMessage",
      args: [chatId, 7],
    }],
    [group, (ctx) => ctx.deleteMessage(3, { isOnlyForMe: true }), {
      method: "deleteMessage",
      args: [chatId, 3, { isOnlyForMe: true }],
    }],
    [group, (ctx) => ctx.deleteMessages([3, 4]), {
      method: "deleteMessages",
      args: [chatId, [3, 4], undefined],
    }],
    [group, (ctx) => ctx.forwardMessage(5, 3), {
      method: "forwardMessage",
      args: [chatId, 5, 3, undefined],
    }],
    [group, (ctx) => ctx.forwardMessages(5, [3, 4], { isSilent: true }), {
      method: "forwardMessages",
      args: [chatId, 5, [3, 4], { isSilent: true }],
    }],
    [group, (ctx) => ctx.pinMessage(3), {
      method: "pinMessage",
      args: [chatId, 3, undefined],
    }],
    [group, (ctx) => ctx.unpinMessage(3), {
      method: "unpinMessage",
      args: [chatId, 3],
    }],
    [group, (ctx) => ctx.unpinMessages({ topicId: 2 }), {
      method: "unpinMessages",
      args: [chatId, { topicId: 2 }],
    }],
    [group, (ctx) => ctx.stopPoll(3), {
      method: "stopPoll",
      args: [chatId, 3, undefined],
    }],
    [group, (ctx) => ctx.getMessage(3), {
      method: "getMessage",
      args: [chatId, 3],
    }],
    [group, (ctx) => ctx.getMessages([3, 4]), {
      method: "getMessages",
      args: [chatId, [3, 4]],
    }],
    [updates.messageReactions, (ctx) => ctx.getHistory({ limit: 5 }), {
      method: "getHistory",
      args: [chatId, { limit: 5 }],
    }],
    [group, (ctx) => ctx.searchMessages({ query: "cat" }), {
      method: "searchMessages",
      args: [{ query: "cat", chatId }],
    }],
  ];
  for (const [value, act, expected] of cases) {
    assertEquals(await callOf(value, act), expected);
  }
});

Deno.test("the edit helpers edit in the chat, through the message's business connection", async () => {
  const business = messageUpdate(
    textMessage("hi", { businessConnectionId: "conn-1" }),
  );
  const plain = messageUpdate(GROUP_MESSAGE);
  const cases: [Update, (ctx: Context) => Promise<unknown>, RecordedCall][] = [
    [plain, (ctx) => ctx.editMessageText(3, "new"), {
      method: "editMessageText",
      args: [SUPERGROUP.id, 3, "new", undefined],
    }],
    [business, (ctx) => ctx.editMessageText(3, "new", { parseMode: "HTML" }), {
      method: "editMessageText",
      args: [ALICE.id, 3, "new", {
        parseMode: "HTML",
        businessConnectionId: "conn-1",
      }],
    }],
    [business, (ctx) => ctx.editMessageCaption(3, { caption: "c" }), {
      method: "editMessageCaption",
      args: [ALICE.id, 3, { caption: "c", businessConnectionId: "conn-1" }],
    }],
    [plain, (ctx) => ctx.editMessageMedia(3, { type: "photo", photo: "p" }), {
      method: "editMessageMedia",
      args: [SUPERGROUP.id, 3, { type: "photo", photo: "p" }, undefined],
    }],
    [business, (ctx) => ctx.editMessageReplyMarkup(3), {
      method: "editMessageReplyMarkup",
      args: [ALICE.id, 3, { businessConnectionId: "conn-1" }],
    }],
    [plain, (ctx) => ctx.editMessageLiveLocation(3, 1, 2, { heading: 90 }), {
      method: "editMessageLiveLocation",
      args: [SUPERGROUP.id, 3, 1, 2, { heading: 90 }],
    }],
  ];
  for (const [value, act, expected] of cases) {
    assertEquals(await callOf(value, act), expected);
  }
});

Deno.test("the inline edit helpers edit the chosen result's or the pressed button's message", async () => {
  const chosen = everyUpdate().chosenInlineResult;
  const pressed = update("callbackQuery", {
    id: "1",
    from: ALICE,
    inlineMessageId: "inline-2",
    data: "x",
  });
  const media = { type: "photo", photo: "p" } as const;
  const cases: [Update, (ctx: Context) => Promise<unknown>, RecordedCall][] = [
    [chosen, (ctx) => ctx.editInlineMessageText("new"), {
      method: "editInlineMessageText",
      args: ["inline-1", "new", undefined],
    }],
    [
      pressed,
      (ctx) => ctx.editInlineMessageText("new", { parseMode: "HTML" }),
      {
        method: "editInlineMessageText",
        args: ["inline-2", "new", { parseMode: "HTML" }],
      },
    ],
    [chosen, (ctx) => ctx.editInlineMessageCaption({ caption: "c" }), {
      method: "editInlineMessageCaption",
      args: ["inline-1", { caption: "c" }],
    }],
    [pressed, (ctx) => ctx.editInlineMessageMedia(media), {
      method: "editInlineMessageMedia",
      args: ["inline-2", media, undefined],
    }],
    [chosen, (ctx) => ctx.editInlineMessageReplyMarkup(), {
      method: "editInlineMessageReplyMarkup",
      args: ["inline-1", undefined],
    }],
    [pressed, (ctx) => ctx.editInlineMessageLiveLocation(1, 2), {
      method: "editInlineMessageLiveLocation",
      args: ["inline-2", 1, 2, undefined],
    }],
  ];
  for (const [value, act, expected] of cases) {
    assertEquals(await callOf(value, act), expected);
  }
});

Deno.test("a helper rejects, calling nothing, when the update lacks what it needs", async () => {
  const updates = everyUpdate();
  const inlinePress = update("callbackQuery", {
    id: "1",
    from: ALICE,
    inlineMessageId: "inline-2",
    data: "x",
  });
  const cases: [Update, (ctx: Context) => Promise<unknown>, string][] = [
    [
      updates.inlineQuery,
      (ctx) => ctx.reply("x"),
      "reply: this inlineQuery update has no message",
    ],
    [
      inlinePress,
      (ctx) => ctx.replyPhoto("p"),
      "replyPhoto: this callbackQuery update has no message",
    ],
    [
      updates.messageReactions,
      (ctx) => ctx.delete(),
      "delete: this messageReactions update has no message",
    ],
    [
      updates.poll,
      (ctx) => ctx.sendChatAction({ type: "typing" }),
      "sendChatAction: this poll update has no chat",
    ],
    [
      updates.inlineQuery,
      (ctx) => ctx.deleteMessages([1]),
      "deleteMessages: this inlineQuery update has no chat",
    ],
    [
      updates.message,
      (ctx) => ctx.answerCallbackQuery(),
      "answerCallbackQuery: this message update is not a callback query",
    ],
    [
      updates.message,
      (ctx) => ctx.answerPreCheckoutQuery(true),
      "answerPreCheckoutQuery: this message update is not a pre-checkout query",
    ],
    [
      updates.callbackQuery,
      (ctx) => ctx.answerInlineQuery([]),
      "answerInlineQuery: this callbackQuery update is not an inline query",
    ],
    [
      updates.callbackQuery,
      (ctx) => ctx.editInlineMessageText("x"),
      "editInlineMessageText: this callbackQuery update has no inline message",
    ],
    [
      updates.message,
      (ctx) => ctx.editInlineMessageCaption(),
      "editInlineMessageCaption: this message update has no inline message",
    ],
  ];
  for (const [value, act, message] of cases) {
    const { ctx, calls } = contextFor(value);
    await rejection(
      act(ctx),
      (error) => error instanceof Error && error.message === message,
    );
    assertEquals(calls, []);
  }
});

Deno.test("a helper rejects with the client's error", async () => {
  const failure = new Error("FLOOD_WAIT_3");
  const fake = fakeClient({ sendPhoto: () => Promise.reject(failure) });
  const ctx = new Context(fake.client, BOT, messageUpdate(photoMessage()));
  assertStrictEquals(await rejection(ctx.replyPhoto("p")), failure);
});

Deno.test("a helper answers what the client answered", async () => {
  const sent = textMessage("hello", { id: 99 });
  const fake = fakeClient({ sendMessage: () => Promise.resolve(sent) });
  const ctx = new Context(fake.client, BOT, messageUpdate(PRIVATE_MESSAGE));
  assertStrictEquals(await ctx.reply("hello"), sent);
});
