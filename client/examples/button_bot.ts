/**
 * A bot with buttons, written as MTKruto bots are: /start asks a question
 * under an inline keyboard; a press is answered with a notification and the
 * question is edited to show the vote; "Delete" deletes it. Runs until
 * Ctrl+C.
 *
 * Try it offline, in two terminals, from the repository's root:
 *
 * ```shell
 * deno run -A client/examples/emulator.ts         # the emulator and a gateway; you chat as Alice here
 * deno run -A client/examples/button_bot.ts <the endpoint it printed>
 * ```
 *
 * Then type /start as Alice, and #1, #2 or #3 to press a button.
 *
 * Against Telegram, give it your gateway's bot endpoint,
 * `http://localhost:8000/bot<TOKEN>`, as the argument or as the
 * MTKRUTO_ENDPOINT environment variable.
 */
import { Client, type InputReplyMarkup } from "../mod.ts";

const endpoint = Deno.args[0] ?? Deno.env.get("MTKRUTO_ENDPOINT");
if (!endpoint) {
  console.error(
    "Usage: button_bot.ts http://localhost:8000/bot<TOKEN> (or set MTKRUTO_ENDPOINT)",
  );
  Deno.exit(2);
}

const keyboard: InputReplyMarkup = {
  type: "inlineKeyboard",
  inlineKeyboard: [
    [
      { type: "callbackData", text: "🍵 Yes", callbackData: "vote:yes" },
      { type: "callbackData", text: "☕ No", callbackData: "vote:no" },
    ],
    [{ type: "callbackData", text: "Delete", callbackData: "delete" }],
  ],
};

const client = new Client(endpoint);

client.command(
  "start",
  (ctx) => ctx.reply("Do you like tea?", { replyMarkup: keyboard }),
);

client.callbackQuery(/^vote:(yes|no)$/, async (ctx) => {
  const vote = ctx.callbackQuery.data === "vote:yes" ? "yes" : "no";
  await ctx.answerCallbackQuery({ text: `Thanks, you voted ${vote}!` });
  // A press on an inline message (inline mode) has no message to edit.
  if (ctx.msg) {
    await ctx.editMessageText(
      ctx.msg.id,
      `Do you like tea? You said ${vote}.`,
      {
        replyMarkup: keyboard,
      },
    );
  }
});

client.callbackQuery("delete", async (ctx) => {
  await ctx.answerCallbackQuery({ text: "Deleted" });
  await ctx.delete();
});

client.on("message:text", (ctx) => ctx.reply("Send /start to vote."));

await client.start();
const me = await client.getMe();
console.log(`@${me.username} is waiting for /start; press Ctrl+C to stop.`);

Deno.addSignalListener("SIGINT", async () => {
  await client.stop();
  console.log("Stopped.");
  Deno.exit(0);
});
