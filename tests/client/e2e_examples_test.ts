/**
 * The examples in client/examples/ type-check and do what their headers
 * say, run as programs against the real gateway and the DC emulator — the
 * two documented commands included (emulator.ts, then a bot).
 */
import { assertEquals, assertMatch } from "../assert.ts";
import { spawnDeno } from "../e2e/process.ts";
import {
  botTextsOnceThereAre,
  chatWith,
  eventually,
  options,
  userPresses,
  userSays,
  withClient,
} from "./_e2e_world.ts";

const EXAMPLES = new URL("../../client/examples/", import.meta.url);
const example = (name: string) => new URL(name, EXAMPLES).pathname;

Deno.test("client/examples/ type-check", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["check", "--quiet", EXAMPLES.pathname],
    cwd: new URL("../../", import.meta.url),
    env: { NO_COLOR: "1" },
    stdout: "null",
    stderr: "piped",
  }).output();
  assertEquals([code, new TextDecoder().decode(stderr)], [0, ""]);
});

Deno.test({
  name: "examples/echo_bot.ts echoes a user's message and stops on SIGINT",
  ...options,
  fn: () =>
    withClient(async (world) => {
      const child = spawnDeno(example("echo_bot.ts"), [world.endpoint]);
      try {
        await child.waitFor(/@e2e_bot is echoing/, 60_000);
        await userSays(world, "ping the echo");
        assertEquals(await botTextsOnceThereAre(world, 1), ["ping the echo"]);
      } finally {
        const status = await child.stop("SIGINT");
        assertMatch(child.output(), /Stopped\./);
        assertEquals(status.code, 0);
      }
    }),
});

Deno.test({
  name:
    "examples/button_bot.ts: /start gets the keyboard, a press is answered and edits the question, Delete deletes it",
  ...options,
  fn: () =>
    withClient(async (world) => {
      const { dc, bot, userId } = world;
      const child = spawnDeno(example("button_bot.ts"), [world.endpoint]);
      try {
        await child.waitFor(/@e2e_bot is waiting for \/start/, 60_000);
        await userSays(world, "/start");
        assertEquals(await botTextsOnceThereAre(world, 1), [
          "Do you like tea?",
        ]);
        const question = (await chatWith(dc, userId, bot.id)).at(-1)!;
        assertEquals(await userPresses(world, question.id, "vote:yes"), {
          message: "Thanks, you voted yes!",
        });
        await eventually(async () =>
          (await botTextsOnceThereAre(world, 1))[0] ===
              "Do you like tea? You said yes."
            ? true
            : undefined
        );
        assertEquals(await userPresses(world, question.id, "delete"), {
          message: "Deleted",
        });
        await eventually(async () =>
          (await chatWith(dc, userId, bot.id)).some((m) => m.from === bot.id)
            ? undefined
            : true
        );
      } finally {
        const status = await child.stop("SIGINT");
        assertEquals(status.code, 0);
      }
    }),
});

/** `deno run -A <script>` with a stdin to type into, its output collected. */
function spawnInteractive(script: string) {
  const process = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", script],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let text = "";
  const pumps = Promise.all(
    [process.stdout, process.stderr].map(async (stream) => {
      for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
        text += chunk;
      }
    }),
  );
  const input = process.stdin.getWriter();
  return {
    output: () => text,
    type: (line: string) => input.write(new TextEncoder().encode(`${line}\n`)),
    waitFor: (pattern: RegExp) =>
      eventually(
        () => Promise.resolve(text.match(pattern) ?? undefined),
        60_000,
      ),
    /** Sends SIGINT (once) and waits for the exit. */
    async stop(): Promise<Deno.CommandStatus> {
      try {
        process.kill("SIGINT");
      } catch { /* already gone */ }
      const status = await process.status;
      await input.close().catch(() => {});
      await pumps;
      return status;
    },
  };
}

Deno.test({
  name:
    "The examples' two commands: emulator.ts prints the endpoint, echo_bot.ts runs against it, and what Alice types there comes back",
  ...options,
  async fn() {
    const world = spawnInteractive(example("emulator.ts"));
    try {
      const [command, endpoint] = await world.waitFor(
        /deno run -A client\/examples\/echo_bot\.ts (http:\/\/\S+)/,
      );
      assertMatch(command, /bot\d+:/);
      const bot = spawnDeno(example("echo_bot.ts"), [endpoint]);
      try {
        await bot.waitFor(/@example_bot is echoing/, 60_000);
        await world.type("hello from Alice");
        await world.waitFor(/^bot: hello from Alice$/m);
      } finally {
        assertEquals((await bot.stop("SIGINT")).code, 0);
      }
      const status = await world.stop();
      assertEquals([status.code, world.output().trim().split("\n").at(-1)], [
        0,
        "Stopped.",
      ]);
      // The emulator and the gateway stopped with it.
      const gatewayGone = await fetch(`${endpoint}/getMe`).then(
        (response) => response.body?.cancel().then(() => false),
        () => true,
      );
      assertEquals(gatewayGone, true);
    } catch (error) {
      console.error(world.output());
      throw error;
    } finally {
      await world.stop();
    }
  },
});
