/**
 * The worker side without a worker: `ClientHosts` (and through it
 * `ClientHost` and `dispatch`) in this process, its mtcute clients built by
 * the gateway's own factory and logged in to an in-process DC emulator.
 */
import {
  assert,
  assertEquals,
  assertMatch,
  assertRejects,
  assertStrictEquals,
} from "../assert.ts";
import {
  GatewayError,
  InputError,
  NotFoundError,
  RpcError,
  UnauthorizedError,
  UnavailableError,
} from "../../src/errors.ts";
import { RawJson } from "../../src/raw_json.ts";
import { botClientId, newUserId, sessionPath } from "../../src/client_id.ts";
import type { ClientRef } from "../../src/client_id.ts";
import { botRef, withEmulatorContext } from "./_emulator_context.ts";
import type { HostContext } from "../../src/telegram/client_factory.ts";
import { ClientHosts } from "../../src/telegram/hosts.ts";
import { methodList } from "../../src/telegram/methods.ts";
import type { Emulator } from "../dc/mod.ts";
import { until } from "./_update_helpers.ts";

/** What a test gets: the emulator, the hosts, and who was reported unloaded. */
interface World {
  emulator: Emulator;
  context: HostContext;
  hosts: ClientHosts;
  unloaded: string[];
  /** A new bot in the emulator, and the reference the front would send for it. */
  bot(username: string): { id: number; token: string; ref: ClientRef };
  /** A second `ClientHosts` over the same data directory, as after a restart (closed at the end). */
  restart(): ClientHosts;
  /** The session files in the data directory. */
  sessions(): string[];
  /** How often the account has logged in. */
  logins(accountId: number): number;
  /** Has the emulator answer the account's next call of `method` with the RPC error `error`. */
  failNext(accountId: number, method: string, error: string): void;
}

/** Runs `fn` against a fresh emulator and data directory; everything is closed after. */
function hostsTest(
  name: string,
  fn: (world: World) => Promise<void>,
  { idleTimeoutMs = 0 }: { idleTimeoutMs?: number } = {},
) {
  Deno.test({
    name,
    // mtcute keeps timers and sockets of its own past `destroy()`.
    sanitizeOps: false,
    sanitizeResources: false,
    fn() {
      const all: ClientHosts[] = [];
      return withEmulatorContext(
        "hosts",
        { idleTimeoutMs },
        ({ emulator, dataDir, context }) => {
          const unloaded: string[] = [];
          const newHosts = () => {
            const hosts = new ClientHosts({
              context,
              onUnloaded: (clientId) => unloaded.push(clientId),
            });
            all.push(hosts);
            return hosts;
          };
          return fn({
            emulator,
            context,
            hosts: newHosts(),
            unloaded,
            bot(username) {
              const bot = emulator.control.createBot({ username });
              return { ...bot, ref: botRef(bot.token) };
            },
            restart: newHosts,
            sessions: () =>
              [...Deno.readDirSync(dataDir)].map((entry) => entry.name)
                .filter((file) => file.endsWith(".sqlite")).sort(),
            logins: (accountId) =>
              emulator.control.calls(accountId).filter((method) =>
                method === "auth.importBotAuthorization"
              ).length,
            failNext: (account, method, error) =>
              emulator.control.addFault({ method, account, error, times: 1 }),
          });
        },
        async () => {
          for (const hosts of all) await hosts.closeAll();
        },
      );
    },
  });
}

const signal = new AbortController().signal;

/** Calls `method` on `ref`'s client, as the worker does for the front. */
const call = (
  hosts: ClientHosts,
  ref: ClientRef,
  method: string,
  args: unknown[] = [],
) => hosts.call(ref, method, args, { signal });

/** Status, type and message of the error `promise` rejects with, which must be an `errorClass`. */
async function failure(
  promise: Promise<unknown>,
  // deno-lint-ignore no-explicit-any
  errorClass: new (...args: any[]) => GatewayError = GatewayError,
) {
  const error = await assertRejects(promise, errorClass);
  return { status: error.status, type: error.type, message: error.message };
}

hostsTest(
  "ClientHosts.call() logs a bot in once however many first calls come at once",
  async (
    { hosts, bot, logins, sessions },
  ) => {
    const echo = bot("echo_bot");
    const names = await Promise.all(
      [1, 2, 3].map(() => call(hosts, echo.ref, "mtcute.getMyUsername")),
    );
    assertEquals(names, ["echo_bot", "echo_bot", "echo_bot"]);
    assertStrictEquals(logins(echo.id), 1);
    assertStrictEquals(hosts.size, 1);
    assertEquals(sessions(), [`${echo.ref.id}.sqlite`]);
    const me = await call(hosts, echo.ref, "getMe") as Record<string, unknown>;
    // MTKruto's User: no "type" (that is ChatP's), isSelf for the account itself.
    assertEquals([me.type, me.id, me.username, me.isBot, me.isSelf], [
      undefined,
      echo.id,
      "echo_bot",
      true,
      true,
    ]);
    assertEquals(await hosts.stats(4), [{
      label: echo.ref.id,
      kind: "bot",
      worker: 4,
      displayName: "echo_bot",
      username: "echo_bot",
      connected: true,
      connectionState: "connected",
      updates: {
        pending: 0,
        dropped: 0,
        lastUpdateAt: undefined,
        webhook: undefined,
      },
    }]);
  },
);

hostsTest("dispatch() answers the gateway's own methods in the worker", async (
  { hosts, bot },
) => {
  const { ref } = bot("gateway_bot");
  assertEquals(await call(hosts, ref, "methods"), methodList());
  assertEquals(await call(hosts, ref, "getWebhookInfo"), {
    url: "",
    pendingUpdateCount: 0,
  });
  const polled = await call(hosts, ref, "getUpdates", [{ timeout: 0 }]);
  assert(polled instanceof RawJson, "getUpdates is not passed on as raw JSON");
  assertStrictEquals(polled.text, "[]");
  assertStrictEquals(
    await call(hosts, ref, "setWebhook", ["http://127.0.0.1:9/hook"]),
    true,
  );
  assertStrictEquals(
    (await call(hosts, ref, "getWebhookInfo") as { url: string }).url,
    "http://127.0.0.1:9/hook",
  );
  assertStrictEquals(await call(hosts, ref, "deleteWebhook"), true);
});

hostsTest(
  "dispatch() runs invoke: TL-JSON in and out, ping included, refused functions 403",
  async (
    { hosts, bot },
  ) => {
    const { ref } = bot("invoke_bot");
    assertEquals(
      await call(hosts, ref, "invoke", [{ _: "help.getNearestDc" }]),
      { _: "nearestDc", country: "US", this_dc: 2, nearest_dc: 2 },
    );
    const pong = await call(hosts, ref, "invoke", [{
      _: "ping",
      ping_id: { _: "bigint", value: "123456" },
    }]) as Record<string, unknown>;
    assertEquals([pong._, pong.ping_id], ["pong", {
      _: "bigint",
      value: "123456",
    }]);
    for (const args of [[], [{ _: "help.getConfig" }, {}]]) {
      assertEquals(await failure(call(hosts, ref, "invoke", args)), {
        status: 400,
        type: "input",
        message:
          `invoke takes exactly one argument, a TL function object; got ${args.length}`,
      });
    }
    assertEquals(
      await failure(call(hosts, ref, "invoke", [{ _: "auth.logOut" }])),
      {
        status: 403,
        type: "input",
        message:
          "auth.logOut cannot be invoked through the gateway: it would hijack or corrupt the session",
      },
    );
    assertEquals(
      await failure(
        call(hosts, ref, "invoke", [{
          _: "destroy_session",
          session_id: { _: "bigint", value: "1" },
        }]),
      ),
      {
        status: 403,
        type: "input",
        message:
          "destroy_session is an MTProto service function and cannot be invoked",
      },
    );
  },
);

hostsTest(
  "dispatch() refuses methods that are not allowlisted, whatever the client object has",
  async (
    { hosts, bot },
  ) => {
    const { ref } = bot("strict_bot");
    for (
      const method of [
        "nope",
        "start",
        "logOut",
        "destroy",
        "exportSession",
        "constructor",
        "toString",
        "__proto__",
        "hasOwnProperty",
        "mtcute.start",
        "mtcute.exportSession",
        "mtcute.constructor",
        "mtcute.__proto__",
        "mtcute.",
        "mtcute.mtcute.getMe",
      ]
    ) {
      assertEquals(await failure(call(hosts, ref, method), NotFoundError), {
        status: 404,
        type: "input",
        message: `Unknown method: ${method}`,
      });
    }
  },
);

hostsTest(
  "dispatch() turns what mtcute says about the arguments into 400s and 404s",
  async (
    { hosts, bot },
  ) => {
    const { ref } = bot("args_bot");
    // The signature check, before mtcute is called.
    assertEquals(
      await failure(call(hosts, ref, "mtcute.getMessages", [12345, "x"])),
      {
        status: 400,
        type: "input",
        message:
          'Argument 2 of mtcute.getMessages (messageIds) must be a number, or an array of them; got the string "x"',
      },
    );
    // A file id that is none (mtcute's FileIdError).
    const fileId = await failure(
      call(hosts, ref, "mtcute.sendMedia", ["me", "zzzz"]),
      InputError,
    );
    assertEquals([fileId.status, fileId.type], [400, "input"]);
    assertMatch(
      fileId.message,
      /^Invalid arguments for mtcute.sendMedia: .*\(zzzz\)/,
    );
    assertMatch(
      fileId.message,
      /; a file is a file id \(from a message the client received\), an http\(s\) URL, or \{"_": "file", "field": "<part name>"\} for a multipart file part$/,
    );
    // A RangeError where mtcute parses an inline message id.
    assertMatch(
      (await failure(
        call(hosts, ref, "mtcute.editInlineMessage", [{
          messageId: "garbage",
          text: "x",
        }]),
      )).message,
      /^Invalid arguments for mtcute.editInlineMessage: \S/,
    );
    // The TL writer's complaint about an object it was given.
    assertEquals(
      await failure(call(hosts, ref, "mtcute.answerCallbackQuery", ["abc"])),
      {
        status: 400,
        type: "input",
        message:
          "Invalid arguments for mtcute.answerCallbackQuery: Object messages.setBotCallbackAnswer is missing required property queryId (see docs/tl-json.md)",
      },
    );
    // mtcute's MtPeerNotFoundError.
    assertEquals(
      await failure(call(hosts, ref, "mtcute.sendText", ["nobody_here", "hi"])),
      {
        status: 404,
        type: "input",
        message: "Peer with username nobody_here was not found",
      },
    );
  },
);

hostsTest(
  "ClientHosts.call() passes Telegram's errors on, FLOOD_WAIT with Retry-After, and keeps the client",
  async (
    { hosts, bot, failNext },
  ) => {
    const flooded = bot("flood_bot");
    await call(hosts, flooded.ref, "getMe");
    failNext(flooded.id, "help.getNearestDc", "FLOOD_WAIT_100");
    const error = await assertRejects(
      call(hosts, flooded.ref, "invoke", [{ _: "help.getNearestDc" }]),
      RpcError,
    );
    assertEquals(
      [error.status, error.type, error.text, error.retryAfter, error.headers],
      [420, "rpc", "FLOOD_WAIT_100", 100, { "retry-after": "100" }],
    );
    failNext(flooded.id, "help.getConfig", "CHAT_ADMIN_REQUIRED");
    assertEquals(
      await failure(
        call(hosts, flooded.ref, "invoke", [{ _: "help.getConfig" }]),
      ),
      { status: 400, type: "rpc", message: "CHAT_ADMIN_REQUIRED" },
    );
    assertStrictEquals(hosts.size, 1);
  },
);

hostsTest(
  "a bot session Telegram rejects is unloaded and deleted; the next call logs in anew",
  async (
    { hosts, bot, failNext, unloaded, sessions, logins },
  ) => {
    const revoked = bot("revoked_bot");
    await call(hosts, revoked.ref, "getMe");
    failNext(revoked.id, "help.getNearestDc", "AUTH_KEY_UNREGISTERED");
    assertEquals(
      await failure(
        call(hosts, revoked.ref, "invoke", [{ _: "help.getNearestDc" }]),
        UnauthorizedError,
      ),
      {
        status: 401,
        type: "unauthorized",
        message:
          "Telegram rejected this client's session: AUTH_KEY_UNREGISTERED",
      },
    );
    assertEquals([hosts.size, unloaded, sessions()], [0, [revoked.ref.id], []]);
    assertStrictEquals(
      await call(hosts, revoked.ref, "mtcute.getMyUsername"),
      "revoked_bot",
    );
    assertStrictEquals(logins(revoked.id), 2);
  },
);

hostsTest("a client that cannot log in leaves nothing behind", async (
  { hosts, unloaded, sessions },
) => {
  const token = `123:${"a".repeat(35)}`;
  const wrongToken: ClientRef = { kind: "bot", id: botClientId(token)!, token };
  assertEquals(
    await failure(call(hosts, wrongToken, "getMe"), UnauthorizedError),
    {
      status: 401,
      type: "unauthorized",
      message: "Telegram rejected this client's session: ACCESS_TOKEN_INVALID",
    },
  );
  // A bot started without its token (at boot) and no token stored.
  const noToken: ClientRef = { kind: "bot", id: "bot5-0123456789abcdef" };
  assertEquals(
    await failure(call(hosts, noToken, "getMe"), UnauthorizedError),
    {
      status: 401,
      type: "unauthorized",
      message: "No token is known for this bot",
    },
  );
  // A user id with no session: users are only ever added by --add-user.
  const user: ClientRef = { kind: "user", id: newUserId() };
  assertEquals(await failure(call(hosts, user, "getMe"), NotFoundError), {
    status: 404,
    type: "input",
    message: "No user client with this id",
  });
  assertEquals([hosts.size, sessions()], [0, []]);
  assertEquals(unloaded, [wrongToken.id, noToken.id, user.id]);
});

hostsTest("updates Telegram pushes reach getUpdates as the bot's queue", async (
  { hosts, bot, emulator },
) => {
  const { id, ref } = bot("inbox_bot");
  const ann = await emulator.control.createUser({
    phone: "15550199",
    firstName: "Ann",
  });
  await call(hosts, ref, "getMe");
  const polled = call(hosts, ref, "getUpdates", [{ timeout: 10 }]);
  emulator.control.sendMessage({ from: ann.id, to: id, text: "/start" });
  const updates = JSON.parse(((await polled) as RawJson).text);
  assertEquals(updates.length, 1);
  assertEquals(
    [
      updates[0].updateId,
      updates[0].type,
      updates[0].message.text,
      updates[0].message.from.id,
    ],
    [1, "message", "/start", ann.id],
  );
  assertStrictEquals(
    (await hosts.stats(0))[0].updates.pending,
    1,
  );
});

hostsTest(
  "idle clients are unloaded but stay pinned, and come back from their session",
  async (
    { hosts, bot, unloaded, logins },
  ) => {
    const idle = bot("idle_bot");
    const hooked = bot("hooked_bot");
    await call(hosts, idle.ref, "getMe");
    await call(hosts, hooked.ref, "setWebhook", ["http://127.0.0.1:9/hook"]);
    // The webhook keeps its client; the other one goes (maybe already: logins are slow under load).
    await until(() => hosts.size === 1, 5_000);
    // Past its own idle time too, the webhook's client stays.
    await new Promise((resolve) => setTimeout(resolve, 400));
    assertEquals((await hosts.stats(0)).map((s) => s.label), [hooked.ref.id]);
    assertEquals(unloaded, []);
    assertStrictEquals(
      await call(hosts, idle.ref, "mtcute.getMyUsername"),
      "idle_bot",
    );
    assertStrictEquals(logins(idle.id), 1);
    await call(hosts, hooked.ref, "deleteWebhook", [{
      dropPendingUpdates: true,
    }]);
  },
  { idleTimeoutMs: 200 },
);

hostsTest(
  "boot() starts only the clients whose webhook or queue needs them, with the stored token",
  async (
    { hosts, bot, restart, unloaded, context },
  ) => {
    const quiet = bot("quiet_bot");
    const hooked = bot("boot_hook_bot");
    await call(hosts, quiet.ref, "getMe");
    await call(hosts, hooked.ref, "setWebhook", ["http://127.0.0.1:9/hook"]);
    await hosts.closeAll();
    assertEquals(unloaded, [quiet.ref.id, hooked.ref.id]);

    const again = restart();
    unloaded.length = 0;
    assertStrictEquals(
      await again.boot({ kind: "bot", id: quiet.ref.id }),
      false,
    );
    assertEquals([again.size, unloaded], [0, [quiet.ref.id]]);
    assertStrictEquals(
      await again.boot({ kind: "bot", id: hooked.ref.id }),
      true,
    );
    assertStrictEquals(again.size, 1);
    // Booted without the token: the session file had it.
    const [stats] = await again.stats(0);
    assertEquals([stats.username, stats.updates.webhook?.host], [
      "boot_hook_bot",
      "127.0.0.1:9",
    ]);
    // Already up: nothing to do.
    assertStrictEquals(
      await again.boot({ kind: "bot", id: hooked.ref.id }),
      true,
    );
    await Deno.stat(sessionPath(context.config.dataDir, quiet.ref.id));
  },
);

hostsTest(
  "closeAll() ends waiting polls with 503 and keeps the sessions",
  async (
    { hosts, bot, sessions },
  ) => {
    const { ref } = bot("closing_bot");
    await call(hosts, ref, "getMe");
    const polled = call(hosts, ref, "getUpdates", [{ timeout: 30 }]);
    await until(() => hosts.size === 1);
    // Let the poll reach its wait.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Handled before closing: closing takes event-loop turns, and the poll ends first.
    const ended = assertRejects(polled, UnavailableError);
    await hosts.closeAll();
    const error = await ended;
    assertEquals([error.status, error.message], [
      503,
      "The server is shutting down",
    ]);
    assertEquals([hosts.size, sessions()], [0, [`${ref.id}.sqlite`]]);
  },
);
