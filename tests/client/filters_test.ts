import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { Composer } from "../../client/composer.ts";
import type { Context } from "../../client/context.ts";
import {
  createMatch,
  type FilterQuery,
  matchFilter,
  type WithFilter,
} from "../../client/filters.ts";
import type {
  ChatP,
  ChatPSupergroup,
  Message,
  MessageText,
  Photo,
  Update,
  User,
} from "../../client/mtkruto/types.ts";
import {
  ALICE,
  everyUpdate,
  messageUpdate,
  photoMessage,
  textMessage,
  update,
} from "./_fake_client.ts";

/** The names of the updates in `updates` that `query` matches. */
function matching(query: FilterQuery, updates: Record<string, Update>) {
  const match = createMatch(query);
  return Object.entries(updates)
    .filter(([, value]) => match(value))
    .map(([name]) => name);
}

Deno.test("an update type matches updates of that type only", () => {
  const updates = everyUpdate();
  for (const type of Object.keys(updates) as (keyof typeof updates)[]) {
    assertEquals(matching(type, updates), [type]);
  }
});

Deno.test("message:<type> matches new messages of that type only", () => {
  const updates = {
    text: messageUpdate(textMessage("hi")),
    photo: messageUpdate(photoMessage()),
    editedText: update("editedMessage", textMessage("hi")),
    callbackQuery: everyUpdate().callbackQuery,
  };
  assertEquals(matching("message:text", updates), ["text"]);
  assertEquals(matching("message:photo", updates), ["photo"]);
  assertEquals(matching("editedMessage:text", updates), ["editedText"]);
  assertEquals(matching("editedMessage:photo", updates), []);
  assertEquals(matching("message:sticker", updates), []);
});

Deno.test(":<type> matches new and edited messages of that type", () => {
  const updates = {
    text: messageUpdate(textMessage("hi")),
    photo: messageUpdate(photoMessage()),
    editedText: update("editedMessage", textMessage("hi")),
    editedPhoto: update("editedMessage", photoMessage()),
    // A button under a text message is not a text message update.
    callbackQuery: everyUpdate().callbackQuery,
  };
  assertEquals(matching(":text", updates), ["text", "editedText"]);
  assertEquals(matching(":photo", updates), ["photo", "editedPhoto"]);
});

Deno.test("message types without a field of their name match by type", () => {
  // MTKruto also looked for a key named like the type, which service
  // messages such as supergroupCreated do not have.
  const { text: _, entities: __, ...base } = textMessage("");
  const created = { ...base, type: "supergroupCreated" } as Message;
  assertEquals(
    matchFilter("message:supergroupCreated", messageUpdate(created)),
    true,
  );
});

Deno.test("callbackQuery:<field> matches queries that have the field", () => {
  const from = ALICE;
  const updates = {
    underMessage: update("callbackQuery", {
      id: "1",
      from,
      message: textMessage("x"),
      data: "a",
    }),
    inline: update("callbackQuery", {
      id: "2",
      from,
      inlineMessageId: "inline-1",
      data: "b",
    }),
    game: update("callbackQuery", {
      id: "3",
      from,
      message: textMessage("x"),
      gameShortName: "snake",
    }),
    message: messageUpdate(textMessage("data")),
  };
  assertEquals(matching("callbackQuery", updates), [
    "underMessage",
    "inline",
    "game",
  ]);
  assertEquals(matching("callbackQuery:data", updates), [
    "underMessage",
    "inline",
  ]);
  assertEquals(matching("callbackQuery:message", updates), [
    "underMessage",
    "game",
  ]);
  assertEquals(matching("callbackQuery:inlineMessageId", updates), [
    "inline",
  ]);
  assertEquals(matching("callbackQuery:gameShortName", updates), ["game"]);
});

Deno.test("chosenInlineResult:inlineMessageId needs the inline message", () => {
  const result = { resultId: "r", from: ALICE, query: "q" };
  const updates = {
    withMessage: update("chosenInlineResult", {
      ...result,
      inlineMessageId: "inline-1",
    }),
    without: update("chosenInlineResult", result),
  };
  assertEquals(matching("chosenInlineResult", updates), [
    "withMessage",
    "without",
  ]);
  assertEquals(matching("chosenInlineResult:inlineMessageId", updates), [
    "withMessage",
  ]);
});

Deno.test("a query with a second level its type does not have is refused", () => {
  for (
    const query of [
      "message:text:bold",
      "message:",
      "poll:data",
      "callbackQuery:text",
      "chosenInlineResult:data",
    ]
  ) {
    assertThrowsWithMessage(
      () => createMatch(query as FilterQuery),
      Error,
      "Invalid filter query",
      JSON.stringify(query),
    );
  }
});

/** True when `A` and `B` are the same type. */
type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends
  (<T>() => T extends B ? 1 : 2) ? true : false;

/** True when `A` is assignable to `B`. */
type Extends<A, B> = [A] extends [B] ? true : false;

/** Compiles only when `T` is true: a type-level assertion. */
function assertType<T extends true>(_proof: T): void {}

Deno.test("filter queries narrow the context's types", () => {
  // Only the compiler checks these handlers: none of them runs.
  const bot = new Composer();
  bot.on("message:text", (ctx) => {
    assertType<Exactly<typeof ctx.msg.text, string>>(true);
    assertType<Exactly<typeof ctx.message, MessageText>>(true);
    assertType<Exactly<typeof ctx.update.message.text, string>>(true);
    assertType<Exactly<typeof ctx.editedMessage, undefined>>(true);
    assertType<Exactly<typeof ctx.chat, ChatP>>(true);
    assertType<Exactly<typeof ctx.chatId, number>>(true);
    // `from` is assignable, not identical: the Context's own type is
    // `User | ChatP | undefined`, and the compiler keeps `User & ChatP`.
    assertType<Extends<typeof ctx.from, ChatP>>(true);
    assertType<Exactly<typeof ctx.from.id, number>>(true);
  });
  bot.on("message:photo", (ctx) => {
    assertType<Exactly<typeof ctx.msg.photo, Photo>>(true);
    // @ts-expect-error: a photo message has no text
    ctx.msg.text;
  });
  bot.on(":text", (ctx) => {
    assertType<Exactly<typeof ctx.msg.text, string>>(true);
    assertType<Exactly<typeof ctx.update.type, "message" | "editedMessage">>(
      true,
    );
    // @ts-expect-error: the update may be an edit
    ctx.message.text;
  });
  bot.on("message", (ctx) => {
    assertType<Exactly<typeof ctx.msg, Message>>(true);
    assertType<Exactly<typeof ctx.message, Message>>(true);
    assertType<Exactly<typeof ctx.update.message, Message>>(true);
    assertType<Exactly<typeof ctx.chat, ChatP>>(true);
    // @ts-expect-error: not every message has text
    ctx.msg.text;
  });
  bot.on("callbackQuery:data", (ctx) => {
    assertType<Exactly<typeof ctx.callbackQuery.data, string>>(true);
    assertType<Extends<typeof ctx.from, User>>(true);
    // A button under an inline message has no message.
    assertType<Exactly<typeof ctx.msg, Message | undefined>>(true);
    assertType<Exactly<typeof ctx.chatId, number | undefined>>(true);
  });
  bot.on("callbackQuery:message", (ctx) => {
    assertType<Exactly<typeof ctx.msg, Message>>(true);
    assertType<Exactly<typeof ctx.chat, ChatP>>(true);
    // @ts-expect-error: data is not guaranteed
    ctx.callbackQuery.data.length;
  });
  bot.on("chosenInlineResult:inlineMessageId", (ctx) => {
    assertType<Exactly<typeof ctx.chosenInlineResult.inlineMessageId, string>>(
      true,
    );
    assertType<Exactly<typeof ctx.msg, undefined>>(true);
  });
  bot.on("inlineQuery", (ctx) => {
    assertType<Exactly<typeof ctx.inlineQuery.query, string>>(true);
    assertType<Exactly<typeof ctx.chat, undefined>>(true);
    assertType<Extends<typeof ctx.from, User>>(true);
  });
  bot.on("chatAction", (ctx) => {
    assertType<Exactly<typeof ctx.chatId, number>>(true);
    assertType<Exactly<typeof ctx.chat, undefined>>(true);
  });
  bot.on("messageReactions", (ctx) => {
    assertType<Exactly<typeof ctx.chat, ChatP>>(true);
    assertType<Extends<typeof ctx.from, User | undefined>>(true);
    // @ts-expect-error: the reacting user may be hidden
    ctx.from.id;
  });
  bot.on("message:text").on("message:text", (ctx) => {
    // Narrowing twice keeps the narrowed types.
    assertType<Exactly<typeof ctx.msg.text, string>>(true);
  });
  bot.command("start", (ctx) => {
    assertType<Exactly<typeof ctx.msg.text, string>>(true);
  });
  bot.chatType("supergroup", (ctx) => {
    assertType<Exactly<typeof ctx.chat, ChatPSupergroup>>(true);
  });
  // @ts-expect-error: not an update type (at run time, it never matches)
  bot.on("mesage", () => {});
  // @ts-expect-error: polls have no second level
  assertThrowsWithMessage(() => bot.on("poll:data"), Error, "poll:data");
  // @ts-expect-error: not a callback query field
  assertThrowsWithMessage(() => bot.on("callbackQuery:text"), Error, "text");
  // @ts-expect-error: not a message type (at run time, it never matches)
  bot.on("message:txt", () => {});
  // WithFilter is usable on its own, for handlers written apart.
  const echo = (ctx: WithFilter<Context, "message:text">) => ctx.msg.text;
  bot.on("message:text", echo);
  // @ts-expect-error: a photo handler's context is not a text one
  bot.on("message:photo", echo);
});
