/**
 * Proof that the emulator works with a plain mtcute client (no gateway):
 * logins, messaging both ways, catch-up after a restart, a 5 MB round trip,
 * flood waits, dropped connections and 1,000 concurrent connections.
 */
import { type Message, tl } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/node";
import { assert, assertEquals, assertRejects } from "../assert.ts";
import { EmulatorClients } from "./_mtcute_client.ts";
import { type Emulator, startEmulator } from "./mod.ts";
import { join } from "node:path";
import { startDc } from "../e2e/harness.ts";
import { LightConnection, serverKey } from "./light_client.ts";

/** Rejects when `promise` does not settle within `ms`. */
async function within<T>(ms: number, label: string, promise: Promise<T>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${label}: no result within ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when `client` has finished catching up ("updating" → "connected"). */
function caughtUp(client: TelegramClient): Promise<void> {
  const done = Promise.withResolvers<void>();
  let updating = false;
  client.onConnectionState.add((state) => {
    if (state === "updating") updating = true;
    else if (state === "connected" && updating) done.resolve();
  });
  return done.promise;
}

/** Resolves once `count` items were collected (the array keeps growing after that). */
function collector<T>(count: number) {
  const items: T[] = [];
  const done = Promise.withResolvers<T[]>();
  return {
    items,
    done: done.promise,
    push(item: T) {
      items.push(item);
      if (items.length === count) done.resolve(items);
    },
  };
}

/** Runs `body` with a fresh emulator and client factory, cleaning both up. */
async function withEmulator(
  body: (emulator: Emulator, clients: EmulatorClients) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator({ controlPort: false });
  const clients = await EmulatorClients.for(emulator);
  try {
    await body(emulator, clients);
  } finally {
    await clients.close();
    await emulator.close();
  }
}

/** Logs `client` in as a user through `start()` (code from the control API). */
function startUser(emulator: Emulator, client: TelegramClient, phone: string) {
  return client.start({
    phone,
    code: () => Promise.resolve(emulator.control.loginCode(phone)!),
    codeSentCallback: () => {},
  });
}

/** `length` pseudo-random bytes (xorshift32, so a failure is reproducible). */
/** A bot, and a user logged in on a fresh client with updates off. */
async function botAndLoggedInUser(
  emulator: Emulator,
  clients: EmulatorClients,
  { bot: username, phone, firstName }: {
    bot: string;
    phone: string;
    firstName: string;
  },
) {
  const bot = emulator.control.createBot({ username });
  const { id: userId } = await emulator.control.createUser({
    phone,
    firstName,
  });
  const client = clients.client({ disableUpdates: true });
  await within(15_000, "start", startUser(emulator, client, phone));
  return { bot, userId, client };
}

function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * "identical", or which 4 KiB blocks of `actual` differ from `expected` and,
 * for the first few runs of them, where in `expected` their bytes come from
 * (a misplaced chunk) if anywhere (corruption).
 */
function describeDifference(expected: Uint8Array, actual: Uint8Array): string {
  if (actual.length !== expected.length) {
    return `length ${actual.length} instead of ${expected.length}`;
  }
  const BLOCK = 4096;
  const same = (at: number, from: number) => {
    for (let i = 0; i < BLOCK && at + i < actual.length; i++) {
      if (actual[at + i] !== expected[from + i]) return false;
    }
    return true;
  };
  const runs: string[] = [];
  let differing = 0;
  for (let at = 0; at < expected.length;) {
    if (same(at, at)) {
      at += BLOCK;
      continue;
    }
    const start = at;
    for (; at < expected.length && !same(at, at); at += BLOCK) differing++;
    if (runs.length < 4) {
      let from = -1;
      for (let j = 0; j < expected.length && from < 0; j += BLOCK) {
        if (same(start, j)) from = j;
      }
      runs.push(
        `[${start}, ${at})` +
          (from >= 0 ? ` holding the bytes from ${from}` : ""),
      );
    }
  }
  return differing === 0
    ? "identical"
    : `${differing} differing 4 KiB blocks: ${runs.join(", ")}`;
}

const options = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  name: "mtcute proof: a bot logs in with start({botToken}) and getMe matches",
  ...options,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const bot = emulator.control.createBot({
        username: "proof_bot",
        firstName: "Proof",
      });
      const client = clients.client({ disableUpdates: true });
      const started = await within(
        15_000,
        "start",
        client.start({ botToken: bot.token }),
      );
      assertEquals(started.id, bot.id);
      const me = await within(10_000, "getMe", client.getMe());
      assertEquals(
        [me.id, me.username, me.firstName, me.isBot],
        [bot.id, "proof_bot", "Proof", true],
      );
      assert(
        emulator.control.calls(bot.id).includes("auth.importBotAuthorization"),
      );
    }),
});

Deno.test({
  name:
    "mtcute proof: a user logs in with a code and 2FA (SESSION_PASSWORD_NEEDED, PASSWORD_HASH_INVALID)",
  ...options,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const phone = "15550100";
      const { id } = await emulator.control.createUser({
        phone,
        firstName: "Ann",
        password: "right horse",
      });
      const client = clients.client({ disableUpdates: true });
      const sent = await within(
        15_000,
        "sendCode",
        client.sendCode({ phone: "+1 555 0100" }),
      );
      assert(!("id" in sent), "sendCode logged in without a code");
      const code = emulator.control.loginCode(phone);
      assert(code !== undefined && /^\d{5}$/.test(code), `code ${code}`);

      const needed = await assertRejects(
        client.signIn({
          phone,
          phoneCodeHash: sent.phoneCodeHash,
          phoneCode: code,
        }),
        tl.RpcError,
      );
      assertEquals(needed.text, "SESSION_PASSWORD_NEEDED");

      const wrong = await assertRejects(
        client.checkPassword("wrong horse"),
        tl.RpcError,
      );
      assertEquals(wrong.text, "PASSWORD_HASH_INVALID");

      const me = await within(
        15_000,
        "checkPassword",
        client.checkPassword("right horse"),
      );
      assertEquals([me.id, me.firstName, me.isBot], [id, "Ann", false]);
      assertEquals((await client.getMe()).id, id);
    }),
});

Deno.test({
  name:
    "mtcute proof: user → bot arrives via the bot's onNewMessage, the bot's reply at the user",
  ...options,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const bot = emulator.control.createBot({ username: "echo_bot" });
      await emulator.control.createUser({ phone: "15550101", firstName: "Bo" });

      // catchUp only to learn (from onConnectionState) when each updates loop has
      // its state: mtcute's first state fetch drops what arrives while it runs
      const botClient = clients.client({ catchUp: true });
      const atBot = Promise.withResolvers<Message>();
      botClient.onNewMessage.add((message) => atBot.resolve(message));
      const botReady = caughtUp(botClient);
      await within(
        15_000,
        "bot start",
        botClient.start({ botToken: bot.token }),
      );

      const userClient = clients.client({ catchUp: true });
      const atUser = Promise.withResolvers<Message>();
      userClient.onNewMessage.add((message) => {
        if (!message.isOutgoing) atUser.resolve(message);
      });
      const userReady = caughtUp(userClient);
      const user = await within(
        15_000,
        "user start",
        startUser(emulator, userClient, "15550101"),
      );
      await within(10_000, "updates state", Promise.all([botReady, userReady]));

      await userClient.sendText("echo_bot", "ping");
      const received = await within(10_000, "message at bot", atBot.promise);
      assertEquals(
        [received.text, received.sender.id, received.chat.id],
        ["ping", user.id, user.id],
      );

      await botClient.replyText(received, "pong");
      const reply = await within(10_000, "reply at user", atUser.promise);
      assertEquals(
        [reply.text, reply.sender.id, reply.chat.id],
        ["pong", bot.id, bot.id],
      );
      assertEquals(
        emulator.control.messages({ user: user.id, peer: bot.id }).map((m) =>
          m.text
        ),
        ["ping", "pong"],
      );
    }),
});

Deno.test({
  name:
    "mtcute proof: a restarted bot (sqlite session, catchUp) gets all 20 messages sent while it was down, in order",
  ...options,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const dir = await Deno.makeTempDir({ prefix: "mtcute_proof_" });
      try {
        const sessionFile = join(dir, "bot.sqlite");
        const bot = emulator.control.createBot({ username: "catchup_bot" });
        const { id: userId } = await emulator.control.createUser({
          phone: "15550102",
          firstName: "Cy",
        });

        // first run: log in, see one live message (so the update state is stored), stop
        const first = clients.client({ sessionFile, catchUp: true });
        const live = Promise.withResolvers<string>();
        first.onNewMessage.add((message) => live.resolve(message.text));
        const firstCaughtUp = caughtUp(first);
        await within(
          15_000,
          "first start",
          first.start({ botToken: bot.token }),
        );
        // start() resolves before the updates loop has its state, and mtcute's first
        // state fetch (getState + getDifference) drops what arrives in between
        await within(10_000, "first catch-up", firstCaughtUp);
        emulator.control.sendMessage({
          from: userId,
          to: bot.id,
          text: "live",
        });
        assertEquals(
          await within(10_000, "live message", live.promise),
          "live",
        );
        await clients.destroy(first);

        const texts = Array.from({ length: 20 }, (_, i) => `offline ${i + 1}`);
        for (const text of texts) {
          emulator.control.sendMessage({ from: userId, to: bot.id, text });
        }
        const callsBefore = emulator.control.calls(bot.id).length;

        // second run from the same session file
        const second = clients.client({ sessionFile, catchUp: true });
        const arrived = collector<Message>(texts.length);
        second.onNewMessage.add((message) => arrived.push(message));
        const secondCaughtUp = caughtUp(second);
        const started = Date.now();
        const me = await within(
          15_000,
          "second start",
          second.start({ botToken: bot.token }),
        );
        assertEquals(me.id, bot.id);
        await within(15_000, "catch-up", arrived.done);
        await within(10_000, "second catch-up", secondCaughtUp);
        const catchUpMs = Date.now() - started;
        // anything extra (a duplicate) would show up shortly after
        await new Promise((resolve) => setTimeout(resolve, 500));

        assertEquals(arrived.items.map((message) => message.text), texts);
        const ids = arrived.items.map((message) => message.id);
        assertEquals(ids, [...ids].sort((a, b) => a - b));
        assert(
          arrived.items.every((message) => message.sender.id === userId),
          "every message is from the user",
        );
        const callsAfter = emulator.control.calls(bot.id).slice(callsBefore);
        assert(
          callsAfter.includes("updates.getDifference"),
          `no getDifference after the restart: ${callsAfter.join(", ")}`,
        );
        assert(
          !callsAfter.includes("auth.importBotAuthorization"),
          "the restarted client logged in again instead of resuming",
        );
        console.log(`  catch-up of 20 messages: ${catchUpMs} ms`);
      } finally {
        await clients.close();
        await Deno.remove(dir, { recursive: true });
      }
    }),
});

Deno.test({
  name:
    "mtcute proof: a 5 MB document uploads with sendMedia and downloads byte-identical",
  ...options,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const bot = emulator.control.createBot({ username: "files_bot" });
      await emulator.control.createUser({ phone: "15550103", firstName: "Di" });
      const userClient = clients.client({ disableUpdates: true });
      const user = await within(
        15_000,
        "user start",
        startUser(emulator, userClient, "15550103"),
      );
      const file = pseudoRandomBytes(5 * 1024 * 1024);

      let started = Date.now();
      const sent = await within(
        60_000,
        "upload",
        userClient.sendMedia("files_bot", {
          type: "document",
          file,
          fileName: "random.bin",
          fileMime: "application/octet-stream",
        }),
      );
      const uploadMs = Date.now() - started;
      assert(sent.media?.type === "document", `media ${sent.media?.type}`);
      assertEquals(sent.media.fileSize, file.length);

      // what the emulator stored for the recipient is the uploaded file
      const botMessage = emulator.control.messages({
        user: bot.id,
        peer: user.id,
      })[0];
      const stored = emulator.control.file({
        user: bot.id,
        message: botMessage.id,
      });
      assert(stored !== undefined, "the bot's message has no media");
      assertEquals(describeDifference(file, stored.bytes), "identical");

      started = Date.now();
      const downloaded = await within(
        60_000,
        "download",
        userClient.downloadAsBuffer(sent.media),
      );
      const downloadMs = Date.now() - started;
      assertEquals(describeDifference(file, downloaded), "identical");
      console.log(`  5 MiB: upload ${uploadMs} ms, download ${downloadMs} ms`);
    }),
});

Deno.test({
  name:
    "mtcute proof: FLOOD_WAIT_2 is slept through and retried, FLOOD_WAIT_30 surfaces as RpcError seconds = 30",
  ...options,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const { bot, userId, client } = await botAndLoggedInUser(
        emulator,
        clients,
        {
          bot: "flood_bot",
          phone: "15550104",
          firstName: "Ed",
        },
      );

      // mtcute's flood waiter sleeps through waits up to 10 s (floodWaiter maxWait) and retries
      emulator.control.addFault({
        method: "messages.sendMessage",
        error: "FLOOD_WAIT_2",
        times: 1,
      });
      const started = Date.now();
      const sent = await within(
        15_000,
        "sendText after FLOOD_WAIT_2",
        client.sendText("flood_bot", "after a short flood wait"),
      );
      const waitedMs = Date.now() - started;
      assert(waitedMs >= 1900, `retried after only ${waitedMs} ms`);
      assertEquals(sent.text, "after a short flood wait");
      assertEquals(
        emulator.control.calls(userId).filter((method) =>
          method === "messages.sendMessage"
        ).length,
        2,
      );
      assertEquals(
        emulator.control.messages({ user: userId, peer: bot.id }).map((m) =>
          m.text
        ),
        ["after a short flood wait"],
      );

      // longer than the threshold: thrown at once, with the seconds parsed
      emulator.control.addFault({
        method: "messages.sendMessage",
        error: "FLOOD_WAIT_30",
        times: 1,
      });
      const thrownAt = Date.now();
      const error = await within(
        5_000,
        "FLOOD_WAIT_30",
        assertRejects(client.sendText("flood_bot", "never sent"), tl.RpcError),
      );
      assert(
        error.is("FLOOD_WAIT_%d"),
        `error ${error.text} (${error.message})`,
      );
      assertEquals([error.code, error.seconds], [420, 30]);
      assert(Date.now() - thrownAt < 5_000, "mtcute slept on FLOOD_WAIT_30");
      assertEquals(
        emulator.control.messages({ user: userId, peer: bot.id }).length,
        1,
      );
    }),
});

Deno.test({
  name:
    "mtcute proof: a dropped connection is reconnected and the call still succeeds",
  ...options,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const { bot, userId, client } = await botAndLoggedInUser(
        emulator,
        clients,
        {
          bot: "drop_bot",
          phone: "15550105",
          firstName: "Flo",
        },
      );

      emulator.control.addFault({
        method: "messages.sendMessage",
        drop: true,
        times: 1,
      });
      const started = Date.now();
      const sent = await within(
        20_000,
        "sendText over a dropped connection",
        client.sendText("drop_bot", "survived a drop"),
      );
      const recoveredMs = Date.now() - started;
      assertEquals(sent.text, "survived a drop");
      assertEquals(emulator.control.faults(), []);
      assertEquals(
        emulator.control.calls(userId).filter((method) =>
          method === "messages.sendMessage"
        ).length,
        2,
      );
      // delivered exactly once
      assertEquals(
        emulator.control.messages({ user: userId, peer: bot.id }).map((m) =>
          m.text
        ),
        ["survived a drop"],
      );
      // and the connection keeps working
      const after = await within(
        10_000,
        "next call",
        client.sendText("drop_bot", "and after"),
      );
      assertEquals(after.text, "and after");
      console.log(`  dropped call recovered after ${recoveredMs} ms`);
    }),
});

// --- 1,000 connections ---

/** Runs `task` over `items`, `limit` at a time. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await task(items[next++]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

Deno.test({
  name:
    "mtcute proof: 1,000 connections stay open at once with their own auth keys, and mtcute still gets answers",
  ...options,
  async fn() {
    const TOTAL = 1000;
    // The standalone emulator in its own process, so its CPU is not the test's.
    const dc = await startDc({ protocolDebug: true });
    const publicKeyPem = await Deno.readTextFile(dc.publicKeyPath);
    const clients = await EmulatorClients.for({ port: dc.port, publicKeyPem });
    const connections: LightConnection[] = [];
    try {
      const key = await serverKey(publicKeyPem);
      const started = Date.now();
      // Open all connections first; connect() waits for the server's first answer, so with 50
      // in flight at most 50 wait in the listen backlog (511 deep) and none is refused.
      await pool(Array.from({ length: TOTAL }), 50, async () => {
        connections.push(await LightConnection.connect(dc.port));
      });
      const connectedMs = Date.now() - started;

      // Then a real auth key on each, while all of them stay open. The server's 2048-bit DH
      // arithmetic is the bottleneck (15-30 s for all on two cores): a slow machine takes
      // longer, with no deadline that would let the test pass on a fraction of them.
      const keyed: LightConnection[] = [];
      const errors: unknown[] = [];
      const handshakesStarted = Date.now();
      await pool(
        [...connections],
        8,
        async (conn) => {
          try {
            await conn.handshake(key, { timeoutMs: 30_000 });
            keyed.push(conn);
          } catch (error) {
            errors.push(error);
          }
        },
      );
      const handshakesMs = Date.now() - handshakesStarted;

      // Every keyed connection answers an encrypted ping, all at once.
      const pingsStarted = Date.now();
      const pongs = await Promise.all(
        keyed.map((conn) =>
          conn.ping({ timeoutMs: 20_000 }).then(() => true, () => false)
        ),
      );
      const pingsMs = Date.now() - pingsStarted;
      const open = connections.filter((conn) => conn.open).length;

      // A normal mtcute client on top of the 1,000 connections.
      const bot = await dc.control<{ id: number; token: string }>(
        "POST",
        "/bots",
        { username: "busy_bot" },
      );
      const client = clients.client({ disableUpdates: true });
      const mtcuteStarted = Date.now();
      await within(
        20_000,
        "mtcute start",
        client.start({ botToken: bot.token }),
      );
      const me = await within(10_000, "mtcute getMe", client.getMe());
      const mtcuteMs = Date.now() - mtcuteStarted;

      console.log(
        `  ${connections.length} connections opened in ${connectedMs} ms; ` +
          `${keyed.length} handshakes in ${handshakesMs} ms ` +
          `(${
            (handshakesMs / Math.max(1, keyed.length)).toFixed(1)
          } ms each), ${errors.length} failed; ` +
          `${
            pongs.filter(Boolean).length
          } pongs in ${pingsMs} ms; ${open} open at the end; ` +
          `mtcute start + getMe ${mtcuteMs} ms`,
      );
      assertEquals(errors, []);
      assertEquals(connections.length, TOTAL);
      assertEquals(open, TOTAL);
      assertEquals(keyed.length, TOTAL);
      assertEquals(pongs.filter(Boolean).length, TOTAL);
      assertEquals(me.id, bot.id);
    } catch (error) {
      console.error(`--- emulator output ---\n${dc.child.output()}`);
      throw error;
    } finally {
      await Promise.all(connections.map((conn) => conn.close()));
      await clients.close();
      await dc.stop();
    }
  },
});
