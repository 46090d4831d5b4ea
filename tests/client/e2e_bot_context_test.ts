/**
 * End to end (issue #16): the context's helpers — button presses answered
 * with `ctx.answerCallbackQuery`, the message under them edited and deleted
 * from the context, photos replied from bytes and downloaded back — against
 * the real gateway and the DC emulator.
 */
import { assertEquals } from "../assert.ts";
import { png } from "../e2e/_media_samples.ts";
import type { InputReplyMarkup, MessagePhoto } from "../../client/mod.ts";
import {
  botTextsOnceThereAre,
  chatWith,
  eventually,
  options,
  readAll,
  userPresses,
  userSays,
  whileStarted,
  withClient,
} from "./_e2e_world.ts";

/** The question's buttons: a vote, and one that deletes the question. */
const VOTE_KEYBOARD: InputReplyMarkup = {
  type: "inlineKeyboard",
  inlineKeyboard: [[
    { type: "callbackData", text: "Yes", callbackData: "vote:yes" },
    { type: "callbackData", text: "Delete", callbackData: "delete" },
  ]],
};

Deno.test({
  name:
    'client.callbackQuery("vote:yes") answers a press with "Thanks" (the user sees it), ctx.editMessageText edits the message under the button, ctx.delete() deletes it',
  ...options,
  fn: () =>
    withClient(async (world) => {
      const { dc, client, bot, userId } = world;
      const pressedBy: number[] = [];
      client.command(
        "vote",
        (ctx) => ctx.reply("Tea?", { replyMarkup: VOTE_KEYBOARD }),
      );
      client.callbackQuery("vote:yes", async (ctx) => {
        pressedBy.push(ctx.from.id);
        await ctx.answerCallbackQuery({ text: "Thanks" });
        await ctx.editMessageText(ctx.msg!.id, "Tea: yes", {
          replyMarkup: VOTE_KEYBOARD,
        });
      });
      client.callbackQuery("delete", async (ctx) => {
        await ctx.answerCallbackQuery();
        await ctx.delete();
      });

      await whileStarted(client, async () => {
        await userSays(world, "/vote");
        await botTextsOnceThereAre(world, 1);
        const question = (await chatWith(dc, userId, bot.id)).at(-1)!;
        assertEquals([question.from, question.text, question.editDate], [
          bot.id,
          "Tea?",
          undefined,
        ]);

        // The press waits for the bot's answer, as the user's app does.
        assertEquals(await userPresses(world, question.id, "vote:yes"), {
          message: "Thanks",
        });
        assertEquals(pressedBy, [userId]);
        const edited = await eventually(async () => {
          const message = (await chatWith(dc, userId, bot.id)).find((m) =>
            m.id === question.id
          );
          return message?.text === "Tea: yes" ? message : undefined;
        });
        assertEquals(typeof edited.editDate, "number");

        // The keyboard stayed: its other button deletes the message for both sides.
        assertEquals(await userPresses(world, question.id, "delete"), {});
        await eventually(async () =>
          (await chatWith(dc, userId, bot.id)).some((m) => m.id === question.id)
            ? undefined
            : true
        );
      });
      const left = await chatWith(dc, userId, bot.id);
      assertEquals(left.map((m) => [m.from, m.text]), [[userId, "/vote"]]);
    }),
});

Deno.test({
  name:
    "ctx.replyPhoto(bytes) and client.sendPhoto(userId, bytes) send a Uint8Array as a photo; client.download() gives the very bytes back by media, fileId and message",
  ...options,
  fn: () =>
    withClient(async (world) => {
      const { dc, client, bot, userId } = world;
      const bytes = png(64, 48, 16);
      const replies: MessagePhoto[] = [];
      client.command("photo", async (ctx) => {
        replies.push(await ctx.replyPhoto(bytes, { caption: "a png" }));
      });
      await whileStarted(client, async () => {
        await userSays(world, "/photo");
        await eventually(() =>
          Promise.resolve(replies.length ? true : undefined)
        );
      });
      const [reply] = replies;
      assertEquals(
        [reply.type, reply.caption, reply.photo.width, reply.photo.height],
        ["photo", "a png", 64, 48],
      );
      assertEquals(
        await readAll((await client.download(reply.photo)).body),
        bytes,
      );
      assertEquals(
        await readAll((await client.download(reply.photo.fileId)).body),
        bytes,
      );
      const byMessage = await client.download(reply);
      assertEquals([byMessage.status, byMessage.size], [200, bytes.length]);
      assertEquals(await readAll(byMessage.body), bytes);

      // The user's box holds that photo, as large as the bytes.
      const chat = await chatWith(dc, userId, bot.id);
      const { from, text, media } = chat.at(-1)!;
      assertEquals(
        [from, text, media?.type === "photo" && [media.width, media.size]],
        [bot.id, "a png", [64, bytes.length]],
      );

      // Without a context: the client's own method, the same bytes.
      const other = png(32, 24, 17);
      const sent = await client.sendPhoto(userId, other);
      assertEquals(
        [sent.type, sent.chat.id, sent.photo.width, sent.photo.height],
        ["photo", userId, 32, 24],
      );
      assertEquals(
        await readAll((await client.download(sent.photo)).body),
        other,
      );
    }),
});
