/**
 * An echo bot, written as MTKruto bots are: every text message comes back
 * as it was sent, until Ctrl+C.
 *
 * Try it offline, in two terminals, from the repository's root:
 *
 * ```shell
 * deno run -A client/examples/emulator.ts       # the emulator and a gateway; you chat as Alice here
 * deno run -A client/examples/echo_bot.ts <the endpoint it printed>
 * ```
 *
 * Against Telegram, give it your gateway's bot endpoint,
 * `http://localhost:8000/bot<TOKEN>`, as the argument or as the
 * MTKRUTO_ENDPOINT environment variable.
 */
import { Client } from "../mod.ts";

const endpoint = Deno.args[0] ?? Deno.env.get("MTKRUTO_ENDPOINT");
if (!endpoint) {
  console.error(
    "Usage: echo_bot.ts http://localhost:8000/bot<TOKEN> (or set MTKRUTO_ENDPOINT)",
  );
  Deno.exit(2);
}

const client = new Client(endpoint);

client.on("message:text", (ctx) => ctx.reply(ctx.msg.text));

await client.start();
const me = await client.getMe();
console.log(`@${me.username} is echoing; press Ctrl+C to stop.`);

Deno.addSignalListener("SIGINT", async () => {
  // Confirms what was handled, so that a restart does not handle it again.
  await client.stop();
  console.log("Stopped.");
  Deno.exit(0);
});
