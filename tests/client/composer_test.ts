import {
  assert,
  assertEquals,
  assertStrictEquals,
  assertThrowsWithMessage,
  rejection,
} from "../assert.ts";
import { Composer, type Middleware } from "../../client/composer.ts";
import { Context } from "../../client/context.ts";
import type { DialectMethods } from "../../client/mtkruto/methods.ts";
import type { Update, User } from "../../client/mtkruto/types.ts";
import {
  ALICE,
  BOT,
  everyUpdate,
  fakeClient,
  messageUpdate,
  photoMessage,
  SUPERGROUP,
  textMessage,
  update,
  user,
} from "./_fake_client.ts";

/** Runs `updates` through `bot` with one fake client; returns what the fake was asked. */
async function run(bot: Composer, ...updates: Update[]) {
  const fake = fakeClient();
  for (const value of updates) await bot.handleUpdate(fake.client, value);
  return fake.calls;
}

/** A handler that logs `name` and stops. */
function logs(log: string[], name: string): Middleware<Context> {
  return () => {
    log.push(name);
  };
}

const text = (value: string) => messageUpdate(textMessage(value));

Deno.test("middleware runs in order, each going on only by next()", async () => {
  const log: string[] = [];
  const bot = new Composer(async (_ctx, next) => {
    log.push("first:before");
    await next();
    log.push("first:after");
  });
  bot.use(async (_ctx, next) => {
    log.push("second");
    await next();
  });
  bot.use(logs(log, "third"));
  bot.use(logs(log, "never"));
  await run(bot, text("hi"));
  assertEquals(log, ["first:before", "second", "third", "first:after"]);
});

Deno.test("next() runs the rest once, however often it is called", async () => {
  const log: string[] = [];
  const bot = new Composer(async (_ctx, next) => {
    await next();
    await next();
  });
  bot.use(logs(log, "rest"));
  await run(bot, text("hi"));
  assertEquals(log, ["rest"]);
});

Deno.test("use() returns a composer whose middleware runs next", async () => {
  const log: string[] = [];
  const bot = new Composer();
  const inner = bot.use(async (_ctx, next) => {
    log.push("outer");
    await next();
  });
  inner.use(logs(log, "inner"));
  bot.use(logs(log, "after inner, never reached"));
  const nested = new Composer(logs(log, "not reached"));
  bot.use(nested);
  await run(bot, text("hi"));
  assertEquals(log, ["outer", "inner"]);
});

Deno.test("a composer is middleware of another", async () => {
  const log: string[] = [];
  const child = new Composer(async (_ctx, next) => {
    log.push("child");
    await next();
  });
  const bot = new Composer(child, logs(log, "parent"));
  await run(bot, text("hi"));
  assertEquals(log, ["child", "parent"]);
});

Deno.test("branch() picks a side by the predicate, async or not", async () => {
  const log: string[] = [];
  const bot = new Composer();
  bot.branch(
    (ctx) => ctx.update.type === "message",
    logs(log, "message"),
    async (_ctx, next) => {
      log.push("other");
      await next();
    },
  );
  bot.branch(
    (ctx) => Promise.resolve(ctx.update.type === "poll"),
    logs(log, "poll"),
    logs(log, "neither"),
  );
  const updates = everyUpdate();
  await run(bot, updates.message, updates.poll, updates.inlineQuery);
  assertEquals(log, ["message", "other", "poll", "other", "neither"]);
});

Deno.test("filter() runs its middleware when the predicate holds, else passes on", async () => {
  const log: string[] = [];
  const bot = new Composer();
  bot.filter((ctx) => Promise.resolve(ctx.msg?.id === 1), logs(log, "first"));
  bot.filter(
    (ctx): ctx is Context & { msg: { id: 2 } } => ctx.msg?.id === 2,
    (ctx) => {
      const id: 2 = ctx.msg.id;
      log.push(`second ${id}`);
    },
  );
  bot.use(logs(log, "rest"));
  const withId = (id: number) => messageUpdate(textMessage("x", { id }));
  await run(bot, withId(1), withId(2), withId(3));
  assertEquals(log, ["first", "second 2", "rest"]);
});

Deno.test("on() runs for matching updates and passes the others on", async () => {
  const log: string[] = [];
  const bot = new Composer();
  bot.on("message:text", (ctx) => {
    log.push(`text ${ctx.msg.text}`);
  });
  bot.on(":photo", (ctx) => {
    log.push(`photo ${ctx.msg.photo.fileId}`);
  });
  bot.on("callbackQuery:data", (ctx) => {
    log.push(`data ${ctx.callbackQuery.data}`);
  });
  bot.use((ctx) => {
    log.push(`rest ${ctx.update.type}`);
  });
  const updates = everyUpdate();
  await run(
    bot,
    text("hi"),
    update("editedMessage", photoMessage()),
    updates.callbackQuery,
    updates.poll,
    update("editedMessage", textMessage("edited")),
  );
  assertEquals(log, [
    "text hi",
    "photo photo-file",
    "data yes",
    "rest poll",
    "rest editedMessage",
  ]);
});

/** The texts of `messages` that `command()` with `commands` lets through. */
async function commandMatches(
  register: (bot: Composer, handler: Middleware<Context>) => void,
  messages: string[],
  me: User = BOT,
): Promise<string[]> {
  const seen: string[] = [];
  const bot = new Composer();
  register(bot, (ctx) => {
    seen.push(ctx.msg?.type === "text" ? ctx.msg.text : "");
  });
  const fake = fakeClient({ getMe: () => Promise.resolve(me) });
  for (const message of messages) {
    await bot.handleUpdate(fake.client, text(message));
  }
  return seen;
}

Deno.test("command() matches /name, /name@thisbot and arguments", async () => {
  const seen = await commandMatches(
    (bot, handler) => bot.command("start", handler),
    [
      "/start",
      "/start payload 123",
      "/start\npayload",
      "/START",
      "/start@TestBot",
      "/start@testbot now",
      "/start@OtherBot",
      "/started",
      "/stop",
      "start",
      "hello /start",
      "!start",
    ],
  );
  assertEquals(seen, [
    "/start",
    "/start payload 123",
    "/start\npayload",
    "/START",
    "/start@TestBot",
    "/start@testbot now",
  ]);
});

Deno.test("command() ignores addressed commands when the account has no username", async () => {
  const seen = await commandMatches(
    (bot, handler) => bot.command("start", handler),
    ["/start@TestBot", "/start"],
    user(5, { isBot: true }),
  );
  assertEquals(seen, ["/start"]);
});

Deno.test("command() takes several names and patterns", async () => {
  const seen = await commandMatches(
    (bot, handler) => bot.command(["help", /^set_\w+$/], handler),
    ["/help", "/set_name x", "/set_", "/Set_Lang", "/start"],
  );
  assertEquals(seen, ["/help", "/set_name x", "/Set_Lang"]);
});

Deno.test("command() takes its own prefixes or the composer's", async () => {
  const own = await commandMatches(
    (bot, handler) =>
      bot.command({ names: "ping", prefixes: ["!", "."] }, handler),
    ["!ping", ".ping", "/ping"],
  );
  assertEquals(own, ["!ping", ".ping"]);
  const composers = await commandMatches((bot, handler) => {
    bot.prefixes = "\\";
    bot.command("ping", handler);
  }, ["\\ping", "/ping"]);
  assertEquals(composers, ["\\ping"]);
});

Deno.test("command() refuses prefixes that start one another", () => {
  const bot = new Composer();
  assertThrowsWithMessage(
    () => bot.command({ names: "x", prefixes: ["!", "!!"] }, () => {}),
    Error,
    "Ambiguous command prefixes",
  );
  bot.prefixes = "/";
  assertThrowsWithMessage(
    () => {
      bot.prefixes = "!";
    },
    Error,
    "already set",
  );
});

Deno.test("command() is for new text messages only", async () => {
  const log: string[] = [];
  const bot = new Composer();
  bot.command("start", logs(log, "command"));
  bot.use((ctx) => {
    log.push(ctx.update.type);
  });
  await run(bot, update("editedMessage", textMessage("/start")));
  assertEquals(log, ["editedMessage"]);
});

Deno.test("callbackQuery() matches the data by string or pattern", async () => {
  const log: string[] = [];
  const bot = new Composer();
  bot.callbackQuery("yes", logs(log, "exactly yes"));
  bot.callbackQuery([/^page:(\d+)$/, "first"], (ctx) => {
    log.push(`page ${ctx.callbackQuery.data}`);
  });
  bot.use((ctx) => {
    log.push(`unmatched ${ctx.callbackQuery?.data ?? ctx.update.type}`);
  });
  const press = (data?: string) =>
    update("callbackQuery", {
      id: "1",
      from: ALICE,
      message: textMessage("x"),
      ...(data === undefined ? { gameShortName: "snake" } : { data }),
    });
  await run(
    bot,
    press("yes"),
    press("page:3"),
    press("first"),
    press("yes please"),
    press(),
    text("yes"),
  );
  assertEquals(log, [
    "exactly yes",
    "page page:3",
    "page first",
    "unmatched yes please",
    "unmatched callbackQuery",
    "unmatched message",
  ]);
});

Deno.test("a global pattern matches every time (no lastIndex left over)", async () => {
  const log: string[] = [];
  const bot = new Composer();
  bot.callbackQuery(/a/g, logs(log, "a"));
  const press = update("callbackQuery", { id: "1", from: ALICE, data: "a" });
  await run(bot, press, press, press);
  assertEquals(log, ["a", "a", "a"]);
});

Deno.test("inlineQuery() and chosenInlineResult() match the query", async () => {
  const log: string[] = [];
  const bot = new Composer();
  bot.inlineQuery(/^cat/, (ctx) => {
    log.push(`inline ${ctx.inlineQuery.query}`);
  });
  bot.chosenInlineResult("cats", (ctx) => {
    log.push(`chosen ${ctx.chosenInlineResult.resultId}`);
  });
  bot.use((ctx) => {
    log.push(`rest ${ctx.update.type}`);
  });
  const updates = everyUpdate();
  const dogs = update("inlineQuery", {
    id: "2",
    from: ALICE,
    query: "dogs",
    offset: "",
  });
  const chosenDogs = update("chosenInlineResult", {
    resultId: "r2",
    from: ALICE,
    query: "dogs",
  });
  await run(
    bot,
    updates.inlineQuery,
    dogs,
    updates.chosenInlineResult,
    chosenDogs,
  );
  assertEquals(log, [
    "inline cats",
    "rest inlineQuery",
    "chosen r1",
    "rest chosenInlineResult",
  ]);
});

Deno.test("chatType() matches the chat's type, from messages and reactions", async () => {
  const log: string[] = [];
  const bot = new Composer();
  bot.chatType("private", (ctx) => {
    log.push(`private ${ctx.chat.firstName}`);
  });
  bot.chatType(["group", "supergroup"], (ctx) => {
    log.push(`group ${ctx.chat.type} ${ctx.update.type}`);
  });
  bot.use((ctx) => {
    log.push(`no chat ${ctx.update.type}`);
  });
  const updates = everyUpdate();
  await run(
    bot,
    text("hi"),
    messageUpdate(textMessage("hi", { chat: SUPERGROUP })),
    updates.messageReactions,
    updates.inlineQuery,
  );
  assertEquals(log, [
    "private Alice",
    "group supergroup message",
    "group supergroup messageReactions",
    "no chat inlineQuery",
  ]);
});

Deno.test("handleUpdate() asks each client for its account once", async () => {
  const first = fakeClient();
  const other = user(888, { isBot: true, username: "OtherBot" });
  const second = fakeClient({ getMe: () => Promise.resolve(other) });
  const accounts: [DialectMethods, User][] = [];
  const record = (ctx: Context) => {
    accounts.push([ctx.client, ctx.me]);
  };
  const bot = new Composer(record);
  const anotherBot = new Composer(record);
  await Promise.all([
    bot.handleUpdate(first.client, text("a")),
    bot.handleUpdate(first.client, text("b")),
  ]);
  await anotherBot.handleUpdate(first.client, text("c"));
  await bot.handleUpdate(second.client, text("d"));
  assertEquals(first.calls.map((call) => call.method), ["getMe"]);
  assertEquals(second.calls.map((call) => call.method), ["getMe"]);
  assertEquals(accounts, [
    [first.client, BOT],
    [first.client, BOT],
    [first.client, BOT],
    [second.client, other],
  ]);
});

Deno.test("handleUpdate() rejects when getMe fails, and asks again next time", async () => {
  let failures = 1;
  const fake = fakeClient({
    getMe: () =>
      failures-- > 0
        ? Promise.reject(new Error("network down"))
        : Promise.resolve(BOT),
  });
  const log: string[] = [];
  const bot = new Composer(logs(log, "handled"));
  await rejection(
    bot.handleUpdate(fake.client, text("a")),
    (error) => error instanceof Error && error.message === "network down",
  );
  await bot.handleUpdate(fake.client, text("b"));
  assertEquals(log, ["handled"]);
  assertEquals(fake.calls.map((call) => call.method), ["getMe", "getMe"]);
});

Deno.test("an error thrown by middleware rejects handleUpdate", async () => {
  const thrown = new Error("handler failed");
  const afterwards: string[] = [];
  const bot = new Composer();
  bot.on("message:text").use(() => {
    throw thrown;
  });
  bot.on("poll", () => Promise.reject(thrown));
  bot.use(logs(afterwards, "not reached"));
  const fake = fakeClient();
  for (const value of [text("hi"), everyUpdate().poll]) {
    const error = await rejection(bot.handleUpdate(fake.client, value));
    assertStrictEquals(error, thrown);
  }
  assertEquals(afterwards, []);
  // The composer still works for the next update.
  await bot.handleUpdate(fake.client, everyUpdate().inlineQuery);
  assertEquals(afterwards, ["not reached"]);
});

Deno.test("an error thrown after next() rejects too, after the rest ran", async () => {
  const log: string[] = [];
  const bot = new Composer(async (_ctx, next) => {
    await next();
    throw new Error("after");
  });
  bot.use(logs(log, "rest"));
  await rejection(
    run(bot, text("hi")),
    (error) => error instanceof Error && error.message === "after",
  );
  assertEquals(log, ["rest"]);
});

Deno.test("createContext() can give handlers a subclass of Context", async () => {
  class MyContext extends Context {
    get shout(): string {
      return this.msg?.type === "text" ? this.msg.text.toUpperCase() : "";
    }
  }
  class MyComposer extends Composer<MyContext> {
    protected override createContext(
      client: DialectMethods,
      me: User,
      value: Update,
    ): MyContext {
      return new MyContext(client, me, value);
    }
  }
  const log: string[] = [];
  const bot = new MyComposer();
  bot.on("message:text", (ctx) => {
    assert(ctx instanceof MyContext);
    log.push(`${ctx.shout} ${ctx.msg.text}`);
  });
  const fake = fakeClient();
  await bot.handleUpdate(fake.client, text("hi"));
  assertEquals(log, ["HI hi"]);
});
