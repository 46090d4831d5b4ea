/**
 * End to end: `--add-user` in a real terminal (tmux) against the DC emulator,
 * then the printed endpoint through a running gateway; `--list-users` and
 * `--remove-user`; and Ctrl-C / Ctrl-D at every prompt leaving nothing behind.
 */
import { assertEquals, assertMatch } from "../assert.ts";
import { clientArgs, readJson, startDc, startGateway } from "./harness.ts";
import type { Dc, WireUpdate } from "./harness.ts";
import { spawnDeno } from "./process.ts";
import { startTerminal } from "./_tmux.ts";
import type { Terminal } from "./_tmux.ts";

const options = { sanitizeOps: false, sanitizeResources: false };
const ROOT = new URL("../../", import.meta.url).pathname;

const BOB = {
  phone: "15550002",
  firstName: "Bob",
  username: "bob_e2e",
  password: "correct horse",
  passwordHint: "a horse",
};

function startAddUser(dc: Dc, dataDir: string): Promise<Terminal> {
  return startTerminal([
    Deno.execPath(),
    "run",
    "--allow-all",
    `${ROOT}main.ts`,
    "--add-user",
    ...clientArgs(dc, dataDir),
  ], { cwd: ROOT });
}

async function loginCode(dc: Dc, phone: string): Promise<string> {
  return (await dc.control<{ code: string }>(
    "GET",
    `/login-code?phone=${phone}`,
  )).code;
}

async function listDir(path: string): Promise<string[]> {
  try {
    return (await Array.fromAsync(Deno.readDir(path))).map((e) => e.name)
      .sort();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return ["<missing>"];
    throw error;
  }
}

/** Runs a non-interactive CLI command to its end. */
async function runCli(
  args: string[],
): Promise<{ code: number; output: string }> {
  const child = spawnDeno(`${ROOT}main.ts`, args);
  const { code } = await child.process.status;
  await child.stop();
  return { code, output: child.output() };
}

Deno.test(
  "--add-user logs in on a terminal and its endpoint serves getMe, mtcute.sendText and getUpdates",
  options,
  async () => {
    const dc = await startDc();
    const dataDir = await Deno.makeTempDir({ prefix: "mtkruto-add-user-" });
    const terminal = await startAddUser(dc, dataDir);
    let gateway;
    try {
      const { id: aliceId } = await dc.control<{ id: number }>(
        "POST",
        "/users",
        {
          phone: "15550001",
          firstName: "Alice",
          username: "alice_e2e",
        },
      );
      const { id: bobId } = await dc.control<{ id: number }>(
        "POST",
        "/users",
        BOB,
      );

      await terminal.waitFor(/Phone number, in international format .*: $/m);
      await terminal.type("+1 555 0002");
      await terminal.press("Enter");
      await terminal.waitFor(/The login code was sent to your Telegram app/);
      const code = await loginCode(dc, BOB.phone);
      const wrongCode = code.slice(0, -1) + ((Number(code.at(-1)) + 1) % 10);
      await terminal.type(wrongCode);
      await terminal.press("Enter");
      await terminal.waitFor(/That code is wrong; try again\./);
      await terminal.type(code);
      await terminal.press("Enter");
      await terminal.waitFor(
        /password \(hint: a horse\)\.\nPassword \(typing is not shown\): $/m,
      );
      await terminal.type("not the password");
      await terminal.press("Enter");
      await terminal.waitFor(/Wrong password; try again\./);
      await terminal.type(BOB.password);
      await terminal.press("Enter");
      assertEquals(await terminal.exitCode(), 0);

      const screen = await terminal.screen();
      const [, userId] = screen.match(/^\/(user[A-Za-z0-9_-]{32})$/m) ?? [];
      assertMatch(screen, /Logged in as Bob \(@bob_e2e\)/);
      assertMatch(
        screen,
        new RegExp(`curl http://localhost:8000/${userId}/getMe`),
      );
      // Hidden input is hidden: neither password reached the screen.
      assertEquals(screen.includes("not the password"), false);
      assertEquals(screen.includes(BOB.password), false);
      assertEquals(await listDir(dataDir), [`${userId}.sqlite`]);
      if (Deno.build.os !== "windows") {
        assertEquals(
          (await Deno.stat(`${dataDir}/${userId}.sqlite`)).mode! & 0o777,
          0o600,
        );
      }

      const listed = await runCli(["--list-users", "--data-dir", dataDir]);
      assertEquals(listed.code, 0);
      assertEquals(
        listed.output.trim(),
        `/${userId}  Bob, @bob_e2e, id ${bobId}`,
      );

      gateway = await startGateway({ dc, dataDir });
      const me = await readJson(await gateway.fetch(`/${userId}/getMe`));
      assertEquals(me.status, 200);
      const self = me.body as Record<string, unknown>;
      assertEquals(
        [self.id, self.isBot, self.firstName, self.username, self.isSelf],
        [bobId, false, "Bob", "bob_e2e", true],
      );

      const sent = await readJson(
        await gateway.fetch(`/${userId}/mtcute.sendText`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(["@alice_e2e", "Hi Alice, Bob here"]),
        }),
      );
      assertEquals(sent.status, 200);
      const messages = await dc.control<{ from: number; text: string }[]>(
        "GET",
        `/messages?user=${aliceId}&peer=${bobId}`,
      );
      assertEquals(messages.map((m) => [m.from, m.text]), [[
        bobId,
        "Hi Alice, Bob here",
      ]]);

      // A user account gets what others send it, but not its own outgoing
      // messages (MTKruto's default). Its message was sent first, so it would
      // be queued before Alice's.
      await dc.control("POST", "/messages", {
        from: aliceId,
        to: bobId,
        text: "Hi Bob",
      });
      let polled: WireUpdate[] = [];
      for (let i = 0; i < 20 && polled.length < 1; i++) {
        polled = await gateway.fetch(`/${userId}/getUpdates?timeout=1&offset=0`)
          .then((r) => r.json());
      }
      assertEquals(
        polled.map((u) => [
          u.type,
          u.message?.text,
          u.message?.isOutgoing,
          u.message?.chat.id,
          u.message?.from.id,
        ]),
        [["message", "Hi Bob", false, aliceId, aliceId]],
      );

      // A method only bots may call is Telegram's error (mtcute's), or MTKruto's
      // refusal before any call (MTKruto's), not a crash.
      const notABot = await readJson(
        await gateway.fetch(`/${userId}/answerCallbackQuery?"1"`),
      );
      assertEquals([notABot.status, notABot.errorType, notABot.body], [
        400,
        "input",
        "answerCallbackQuery: not a bot client.",
      ]);
      const botOnly = await readJson(
        await gateway.fetch(`/${userId}/mtcute.setMyCommands`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify([{
            commands: [{
              _: "botCommand",
              command: "start",
              description: "Start",
            }],
          }]),
        }),
      );
      assertEquals([botOnly.status, botOnly.errorType], [400, "rpc"]);

      const removed = await runCli([
        ...clientArgs(dc, dataDir),
        "--remove-user",
        `/${userId}`,
      ]);
      assertEquals([removed.code, removed.output], [0, removed.output]);
      assertMatch(
        removed.output,
        /Telegram ended the session\.\nRemoved the user endpoint\./,
      );
      assertEquals(await listDir(dataDir), []);
      // The gateway's loaded client has lost its authorization: 401 now, 404 once unloaded.
      const after = await gateway.fetch(`/${userId}/getMe`);
      await after.body?.cancel();
      assertMatch(String(after.status), /^(401|404)$/);
    } finally {
      await terminal.close();
      await gateway?.stop();
      await dc.stop();
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    }
  },
);

Deno.test(
  "interrupting --add-user at each prompt leaves the data dir as it was",
  options,
  async () => {
    const dc = await startDc();
    const parent = await Deno.makeTempDir({ prefix: "mtkruto-add-user-" });
    const existing = `${parent}/existing`;
    await Deno.mkdir(existing);
    await Deno.writeTextFile(`${existing}/keep.txt`, "kept");
    // Not there yet, two levels deep: an interrupted login must not leave it behind.
    const missing = `${parent}/missing/nested`;
    try {
      await dc.control("POST", "/users", BOB);
      const toPhone = async (_t: Terminal) => {};
      const toCode = async (t: Terminal) => {
        await toPhone(t);
        await t.type(BOB.phone);
        await t.press("Enter");
        await t.waitFor(/Login code: $/m);
      };
      const toPassword = async (t: Terminal) => {
        await toCode(t);
        await t.type(await loginCode(dc, BOB.phone));
        await t.press("Enter");
        await t.waitFor(/Password \(typing is not shown\): $/m);
      };
      const cases = [
        ["Ctrl-C at the phone prompt", toPhone, "C-c", 130],
        ["Ctrl-C at the code prompt", toCode, "C-c", 130],
        ["Ctrl-C at the password prompt", toPassword, "C-c", 130],
        ["Ctrl-D at the phone prompt", toPhone, "C-d", 1],
        ["Ctrl-D at the password prompt", toPassword, "C-d", 1],
      ] as const;
      for (const dataDir of [existing, missing]) {
        for (const [name, reach, key, status] of cases) {
          const before = await listDir(dataDir);
          const terminal = await startAddUser(dc, dataDir);
          try {
            await terminal.waitFor(/Phone number, in international format/);
            await reach(terminal);
            await terminal.press(key);
            assertEquals([name, await terminal.exitCode()], [name, status]);
            assertMatch(await terminal.screen(), /nothing was saved\./);
          } finally {
            await terminal.close();
          }
          assertEquals(
            [name, dataDir, await listDir(dataDir)],
            [name, dataDir, before],
          );
        }
      }
      assertEquals(await listDir(parent), ["existing"]);
    } finally {
      await dc.stop();
      await Deno.remove(parent, { recursive: true });
    }
  },
);
