/**
 * A Telegram of your own for the examples: starts the DC emulator
 * (tests/dc/) and the gateway (main.ts) in front of it, creates a bot and a
 * user, Alice, and prints the bot's endpoint. Then you are Alice: each line
 * you type is sent to the bot, the bot's messages (and their edits and
 * deletions) are printed, and `#<n>` presses button n of its latest
 * keyboard. Ctrl+C stops everything.
 *
 * ```shell
 * deno run -A client/examples/emulator.ts
 * # in another terminal, with the endpoint it printed:
 * deno run -A client/examples/echo_bot.ts http://127.0.0.1:<port>/bot<TOKEN>
 * ```
 *
 * Nothing is kept: the world, the sessions and the token are new each run.
 */
import { decodeBase64 } from "../mod.ts";
import type { ControlMessage } from "../../tests/dc/control.ts";
import {
  type Dc,
  type Gateway,
  startDc,
  startGateway,
} from "../../tests/e2e/harness.ts";

/** How often the chat is looked at for the bot's new messages. */
const WATCH_INTERVAL_MS = 300;

/** A callback button of the bot's latest keyboard, as `#<n>` presses it. */
interface Button {
  messageId: number;
  text: string;
  data: string;
}

const dc = await startDc();
let gateway: Gateway | undefined;
try {
  const bot = await dc.control<{ id: number; token: string }>("POST", "/bots", {
    username: "example_bot",
  });
  const { id: alice } = await dc.control<{ id: number }>("POST", "/users", {
    phone: "15550001",
    firstName: "Alice",
    username: "alice",
  });
  gateway = await startGateway({ dc });
  const endpoint = `${gateway.url}/bot${bot.token}`;
  // Logged in now, the bot's session queues what Alice writes before a bot program polls.
  await fetch(`${endpoint}/getMe`).then((response) => response.body?.cancel());
  console.log(`Bot @example_bot: ${endpoint}
In another terminal, run a bot against it, e.g.:
  deno run -A client/examples/echo_bot.ts ${endpoint}
You are Alice: type a message and press Enter; #<n> presses button n; Ctrl+C quits.`);

  const stopped = stopOnSignal(dc, gateway);
  const buttons: Button[] = [];
  watchChat(dc, alice, bot.id, buttons);
  for await (const line of lines(Deno.stdin.readable)) {
    const text = line.trim();
    const press = /^#(\d+)$/.exec(text);
    if (press) await pressButton(dc, alice, bot.id, buttons, Number(press[1]));
    else if (text !== "") {
      await dc.control("POST", "/messages", { from: alice, to: bot.id, text })
        .catch((error) => console.log(`(not sent: ${error.message})`));
    }
  }
  // Input ended (e.g. `< /dev/null`): the chat goes on until a signal.
  await stopped;
} catch (error) {
  console.error(
    `${error}\n--- gateway ---\n${gateway?.child.output()}\n--- emulator ---\n${dc.child.output()}`,
  );
  await stop(dc, gateway);
  Deno.exit(1);
}

/** Stops the gateway and the emulator and exits on SIGINT or SIGTERM; the promise never resolves. */
function stopOnSignal(dc: Dc, gateway: Gateway): Promise<never> {
  return new Promise(() => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      Deno.addSignalListener(signal, async () => {
        await stop(dc, gateway);
        console.log("Stopped.");
        Deno.exit(0);
      });
    }
  });
}

async function stop(dc: Dc, gateway: Gateway | undefined): Promise<void> {
  if (gateway) {
    await gateway.stop();
    await Deno.remove(gateway.dataDir, { recursive: true }).catch(() => {});
  }
  await dc.stop();
}

/** Prints the bot's new, edited and deleted messages in Alice's chat with it, and keeps its latest keyboard in `buttons`; runs until the program exits. */
async function watchChat(
  dc: Dc,
  alice: number,
  botId: number,
  buttons: Button[],
): Promise<never> {
  const seen = new Map<number, ControlMessage>();
  while (true) {
    const chat = await dc.control<ControlMessage[]>(
      "GET",
      `/messages?user=${alice}&peer=${botId}`,
    ).catch(() => undefined);
    for (const message of chat?.filter((m) => m.from === botId) ?? []) {
      const before = seen.get(message.id);
      seen.set(message.id, message);
      if (before && before.editDate === message.editDate) continue;
      console.log(`bot${before ? " (edited)" : ""}: ${message.text}`);
      const keyboard = buttonsOf(message);
      if (keyboard.length) {
        buttons.splice(0, buttons.length, ...keyboard);
        console.log(keyboard.map((b, i) => `  [#${i + 1} ${b.text}]`).join(""));
      }
    }
    for (const [id, message] of seen) {
      if (chat && !chat.some((m) => m.id === id)) {
        seen.delete(id);
        console.log(`bot deleted: ${message.text}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, WATCH_INTERVAL_MS));
  }
}

/** The callback buttons of a message's inline keyboard (the emulator shows it as TL JSON, data in base64). */
function buttonsOf(message: ControlMessage): Button[] {
  const markup = message.replyMarkup as
    | { rows?: { buttons: { _: string; text: string; data?: string }[] }[] }
    | undefined;
  return (markup?.rows ?? []).flatMap((row) => row.buttons)
    .filter((button) => button._ === "keyboardButtonCallback" && button.data)
    .map((button) => ({
      messageId: message.id,
      text: button.text,
      data: new TextDecoder().decode(decodeBase64(button.data!)),
    }));
}

/** Presses button `n` (from 1) as Alice's app would, and prints the bot's answer. */
async function pressButton(
  dc: Dc,
  alice: number,
  botId: number,
  buttons: Button[],
  n: number,
): Promise<void> {
  const button = buttons[n - 1];
  if (!button) {
    console.log(`(no button #${n})`);
    return;
  }
  try {
    const { answer } = await dc.control<{ answer: { message?: string } }>(
      "POST",
      "/callback-queries",
      {
        from: alice,
        peer: botId,
        messageId: button.messageId,
        data: button.data,
      },
    );
    console.log(`(${button.text}: ${answer.message ?? "answered"})`);
  } catch (error) {
    console.log(`(${button.text}: ${(error as Error).message})`);
  }
}

/** The lines of a byte stream. */
async function* lines(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest) yield rest;
}
