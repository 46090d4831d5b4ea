/**
 * MTKruto's middleware composer: handlers run in the order they were added,
 * each deciding whether the next one runs (`next()`), narrowed by filter
 * queries (`on("message:text")`), commands, callback data, inline queries
 * and chat types. `handleUpdate` runs them for one update in a
 * {@linkcode Context}.
 *
 * ```ts
 * const bot = new Composer();
 * bot.command("start", (ctx) => ctx.reply("Hi!"));
 * bot.on("message:text", (ctx) => ctx.reply(ctx.msg.text));
 * await bot.handleUpdate(client, update);
 * ```
 *
 * @module
 */
import { Context } from "./context.ts";
import {
  createMatch,
  type FilterQuery,
  type WithChatType,
  type WithFilter,
} from "./filters.ts";
import type { DialectMethods } from "./mtkruto/methods.ts";
import type { ChatP, Update, User } from "./mtkruto/types.ts";

/** Runs the rest of the middleware; resolves when it has finished. */
export type NextFunction = () => Promise<void>;

/** A value or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

/** A handler: gets the context and a `next` that runs the handlers after it. */
export type MiddlewareFn<C> = (
  ctx: C,
  next: NextFunction,
) => MaybePromise<unknown>;

/** Something that holds middleware, such as a {@linkcode Composer}. */
export interface MiddlewareObj<C> {
  middleware(): MiddlewareFn<C>;
}

/** A handler or something that holds handlers. */
export type Middleware<C> = MiddlewareFn<C> | MiddlewareObj<C>;

/** One name or pattern, or several: what `callbackQuery`, `inlineQuery` and `chosenInlineResult` match. */
export type Patterns = string | RegExp | (string | RegExp)[];

/** Command names (without the prefix), optionally with their own prefixes. */
export type Commands = Patterns | {
  names: Patterns;
  prefixes: string | string[];
};

/** The handler of `middleware`. */
export function flatten<C>(middleware: Middleware<C>): MiddlewareFn<C> {
  return typeof middleware === "function"
    ? middleware
    : (ctx, next) => middleware.middleware()(ctx, next);
}

/** `first`, whose `next()` runs `second` (once, however often it is called), whose `next()` is the outer one. */
export function concat<C>(
  first: MiddlewareFn<C>,
  second: MiddlewareFn<C>,
): MiddlewareFn<C> {
  return async (ctx, next) => {
    let called = false;
    await first(ctx, async () => {
      if (called) return;
      called = true;
      await second(ctx, next);
    });
  };
}

/** The middleware that only passes on. */
export function skip<C>(_ctx: C, next: NextFunction): Promise<void> {
  return next();
}

/** The account behind each client, asked once: `me` of every context. */
const accounts = new WeakMap<DialectMethods, Promise<User>>();

/** The account behind `client`, from the cache or from `getMe` (retried next time if it fails). */
export function getAccount(client: DialectMethods): Promise<User> {
  let account = accounts.get(client);
  if (account === undefined) {
    account = client.getMe();
    accounts.set(client, account);
    account.catch(() => accounts.delete(client));
  }
  return account;
}

/** Middleware in order, narrowed by filters; `handleUpdate` runs it for an update. */
export class Composer<C extends Context = Context> implements MiddlewareObj<C> {
  #handler: MiddlewareFn<C>;
  #prefixes?: string | string[];

  /** A composer that runs `middleware` in order. */
  constructor(...middleware: Middleware<C>[]) {
    this.#handler = middleware.length === 0
      ? skip
      : middleware.map(flatten).reduce(concat);
  }

  /** The command prefixes of `command()` (default "/"); may be set once. */
  set prefixes(value: string | string[]) {
    if (this.#prefixes !== undefined) {
      throw new Error("The command prefixes are already set.");
    }
    this.#prefixes = value;
  }

  /** The context of one update; override it to give handlers a subclass of {@linkcode Context}. */
  protected createContext(
    client: DialectMethods,
    me: User,
    update: Update,
  ): C {
    return new Context(client, me, update) as C;
  }

  /** Runs the middleware for `update`; rejects with what a handler threw. */
  async handleUpdate(client: DialectMethods, update: Update): Promise<void> {
    const me = await getAccount(client);
    await this.#handler(
      this.createContext(client, me, update),
      () => Promise.resolve(),
    );
  }

  /** All the middleware as one handler. */
  middleware(): MiddlewareFn<C> {
    return this.#handler;
  }

  /** Adds `middleware`; returns a composer whose additions run after it. */
  use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer(...middleware);
    this.#handler = concat(this.#handler, flatten(composer));
    return composer;
  }

  /** Adds a fork: `whenTrue` runs if `predicate` holds, `whenFalse` if not. */
  branch(
    predicate: (ctx: C) => MaybePromise<boolean>,
    whenTrue: Middleware<C>,
    whenFalse: Middleware<C>,
  ): Composer<C> {
    const onTrue = flatten(whenTrue);
    const onFalse = flatten(whenFalse);
    return this.use(async (ctx, next) => {
      await (await predicate(ctx) ? onTrue : onFalse)(ctx, next);
    });
  }

  /** Adds `middleware` for the updates `predicate` holds for; others pass on. */
  filter<D extends C>(
    predicate: (ctx: C) => ctx is D,
    ...middleware: Middleware<D>[]
  ): Composer<D>;
  filter(
    predicate: (ctx: C) => MaybePromise<boolean>,
    ...middleware: Middleware<C>[]
  ): Composer<C>;
  filter(
    predicate: (ctx: C) => MaybePromise<boolean>,
    ...middleware: Middleware<C>[]
  ): Composer<C> {
    const composer = new Composer(...middleware);
    this.branch(predicate, composer, skip);
    return composer;
  }

  /** Adds `middleware` for the updates the filter query matches (`"message:text"`, `":photo"`, `"callbackQuery:data"`…). */
  on<Q extends FilterQuery>(
    query: Q,
    ...middleware: Middleware<WithFilter<C, Q>>[]
  ): Composer<WithFilter<C, Q>> {
    const match = createMatch(query);
    return this.filter(
      (ctx): ctx is WithFilter<C, Q> => match(ctx.update),
      ...middleware,
    );
  }

  /**
   * Adds `middleware` for new text messages that start with one of the
   * commands (`/start`, `/start@thisbot`, with or without arguments after
   * it); names are matched case-insensitively, commands to other bots
   * are not.
   */
  command(
    commands: Commands,
    ...middleware: Middleware<WithFilter<C, "message:text">>[]
  ): Composer<WithFilter<C, "message:text">> {
    return this.filter(hasCommand<C>(commands, this.#prefixes), ...middleware);
  }

  /** Adds `middleware` for button presses whose data is (or matches) one of `data`. */
  callbackQuery(
    data: Patterns,
    ...middleware: Middleware<WithFilter<C, "callbackQuery:data">>[]
  ): Composer<WithFilter<C, "callbackQuery:data">> {
    const matches = matcher(data);
    const hasData = createMatch("callbackQuery:data");
    return this.filter(
      (ctx): ctx is WithFilter<C, "callbackQuery:data"> =>
        hasData(ctx.update) && matches(ctx.update.callbackQuery.data),
      ...middleware,
    );
  }

  /** Adds `middleware` for inline queries whose text is (or matches) one of `queries`. */
  inlineQuery(
    queries: Patterns,
    ...middleware: Middleware<WithFilter<C, "inlineQuery">>[]
  ): Composer<WithFilter<C, "inlineQuery">> {
    const matches = matcher(queries);
    return this.filter(
      (ctx): ctx is WithFilter<C, "inlineQuery"> =>
        ctx.update.type === "inlineQuery" &&
        matches(ctx.update.inlineQuery.query),
      ...middleware,
    );
  }

  /** Adds `middleware` for chosen inline results whose query is (or matches) one of `queries`. */
  chosenInlineResult(
    queries: Patterns,
    ...middleware: Middleware<WithFilter<C, "chosenInlineResult">>[]
  ): Composer<WithFilter<C, "chosenInlineResult">> {
    const matches = matcher(queries);
    return this.filter(
      (ctx): ctx is WithFilter<C, "chosenInlineResult"> =>
        ctx.update.type === "chosenInlineResult" &&
        matches(ctx.update.chosenInlineResult.query),
      ...middleware,
    );
  }

  /** Adds `middleware` for updates in chats of the type(s) given. */
  chatType<T extends ChatP["type"]>(
    type: T | T[],
    ...middleware: Middleware<WithChatType<C, T>>[]
  ): Composer<WithChatType<C, T>> {
    const types = new Set<string>(Array.isArray(type) ? type : [type]);
    return this.filter(
      (ctx): ctx is WithChatType<C, T> =>
        ctx.chat !== undefined && types.has(ctx.chat.type),
      ...middleware,
    );
  }
}

/** Whether a text equals one of the strings or matches one of the patterns. */
function matcher(patterns: Patterns): (text: string) => boolean {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  return (text) =>
    list.some((pattern) =>
      typeof pattern === "string"
        ? pattern === text
        : text.match(pattern) !== null
    );
}

/**
 * The test of `command()`. Prefixes come from `commands`, else the
 * composer's, else "/"; one prefix starting another would make a command
 * ambiguous, so that is refused (as MTKruto does).
 */
function hasCommand<C extends Context>(
  commands: Commands,
  composerPrefixes: string | string[] | undefined,
): (ctx: C) => ctx is WithFilter<C, "message:text"> {
  const withPrefixes = typeof commands === "object" && "names" in commands;
  const names = withPrefixes ? commands.names : commands;
  const prefixList = withPrefixes ? commands.prefixes : composerPrefixes ?? "/";
  const prefixes = Array.isArray(prefixList) ? prefixList : [prefixList];
  for (const prefix of prefixes) {
    const clash = prefixes.find((other) =>
      other !== prefix && other.startsWith(prefix)
    );
    if (clash !== undefined) {
      throw new Error(
        `Ambiguous command prefixes: ${JSON.stringify(prefixes)}`,
      );
    }
  }
  const matches = matcher(
    (Array.isArray(names) ? names : [names]).map((name) =>
      typeof name === "string" ? name.toLowerCase() : name
    ),
  );
  const hasText = createMatch("message:text");
  return (ctx): ctx is WithFilter<C, "message:text"> => {
    if (!hasText(ctx.update)) return false;
    const [word] = ctx.update.message.text.split(/\s/, 1);
    const prefix = prefixes.find((prefix) => word.startsWith(prefix));
    if (prefix === undefined) return false;
    const [command, addressee] = word.slice(prefix.length).split("@", 2);
    if (
      addressee !== undefined &&
      addressee.toLowerCase() !== ctx.me.username?.toLowerCase()
    ) {
      return false;
    }
    return matches(command.toLowerCase());
  };
}
