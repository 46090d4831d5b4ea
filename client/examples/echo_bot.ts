/**
 * An echo bot: answers every text message with the same text, until Ctrl+C.
 *
 * Run it against the gateway (and the offline DC emulator, see client/README.md):
 *
 * ```shell
 * deno run --allow-net --allow-env client/examples/echo_bot.ts http://localhost:8000/bot<TOKEN>
 * ```
 *
 * The endpoint may also come from the MTKRUTO_ENDPOINT environment variable.
 */
import { Client, ConflictError } from "../mod.ts";

const endpoint = Deno.args[0] ?? Deno.env.get("MTKRUTO_ENDPOINT");
if (!endpoint) {
  console.error(
    "Usage: echo_bot.ts http://localhost:8000/bot<TOKEN> (or set MTKRUTO_ENDPOINT)",
  );
  Deno.exit(2);
}

const client = new Client(endpoint);
const me = await client.getMe();
console.log(`@${me.username} is echoing; press Ctrl+C to stop.`);

const stop = new AbortController();
Deno.addSignalListener("SIGINT", () => stop.abort());

try {
  await client.poll({
    message: async (message) => {
      if (message.isOutgoing || message.text === undefined) return;
      console.log(
        `${message.from.firstName ?? message.from.title}: ${message.text}`,
      );
      await client.sendText(message.chat.id, message.text, {
        replyTo: message.id,
      });
    },
  }, {
    signal: stop.signal,
    allowedUpdates: ["message"],
    onRetry: (error, delayMs) =>
      console.warn(`getUpdates failed (${error}); retrying in ${delayMs} ms`),
    // Log and go on: without onError, a failing handler stops the bot.
    onError: (error, update) =>
      console.error(`Update ${update.updateId} failed:`, error),
  });
} catch (error) {
  if (error instanceof ConflictError) {
    console.error(
      "Another getUpdates or a webhook holds this bot's updates:",
      error.message,
    );
    Deno.exit(1);
  }
  throw error;
}
console.log("Stopped.");
