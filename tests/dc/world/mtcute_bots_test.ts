/** Keyboards, callback and inline queries, and every media kind, driven by a real mtcute bot against the MTProto server. */
import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import {
  BotInline,
  BotInlineMessage,
  BotKeyboard,
  type CallbackQuery,
  type ChosenInlineResult,
  InputMedia,
  type Message,
} from "@mtcute/core";
import { EmulatorClients } from "../_mtcute_client.ts";
import type { ControlMedia } from "../control_media.ts";
import { startEmulator } from "../mod.ts";
import { pngHeader } from "./_bots_testing.ts";

/** A WebP (VP8X) header of `w`×`h`, as a sticker upload needs. */
function webp(w: number, h: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set(new TextEncoder().encode("RIFF"), 0);
  bytes.set(new TextEncoder().encode("WEBPVP8X"), 8);
  bytes.set(
    [(w - 1) & 0xff, (w - 1) >> 8, 0, (h - 1) & 0xff, (h - 1) >> 8, 0],
    24,
  );
  return bytes;
}

Deno.test({
  name:
    "mtcute bot: keyboards and callback answers, inline queries, every media kind, polls and pins",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const emulator = await startEmulator({ controlPort: false });
    const clients = await EmulatorClients.for(emulator);
    const { control } = emulator;
    try {
      const bot = control.createBot({ username: "buttons_bot" });
      const user = await control.createUser({
        phone: "15550100",
        firstName: "Ann",
      });
      const botClient = clients.client();
      const firstMessage = Promise.withResolvers<Message>();
      botClient.onNewMessage.add((m) => firstMessage.resolve(m));
      const queries: CallbackQuery[] = [];
      botClient.onCallbackQuery.add(async (query) => {
        queries.push(query);
        await botClient.answerCallbackQuery(query, {
          text: `got ${query.dataStr}`,
          alert: true,
        });
      });
      botClient.onInlineQuery.add(async (query) => {
        await botClient.answerInlineQuery(query, [
          BotInline.article("hello", {
            title: `Hello, ${query.query}`,
            message: BotInlineMessage.text("Hello from inline", {
              replyMarkup: BotKeyboard.inline([[
                BotKeyboard.callback("Wave", "wave"),
              ]]),
            }),
          }),
          BotInline.geo("where", {
            latitude: 1,
            longitude: 2,
            title: "Here",
          }),
        ], { cacheTime: 0 });
      });
      botClient.onInlineCallbackQuery.add(async (query) => {
        await botClient.answerCallbackQuery(query.id, {
          text: `inline ${query.dataStr}`,
        });
      });
      const chosen = Promise.withResolvers<ChosenInlineResult>();
      botClient.onChosenInlineResult.add((result) => chosen.resolve(result));
      await botClient.start({ botToken: bot.token });

      // the user writes first, so the bot knows it; again until the bot's
      // updates loop runs (mtcute drops what arrives during its first state fetch)
      const ping = () =>
        control.sendMessage({ from: user.id, to: bot.id, text: "/start" });
      const pinging = setInterval(ping, 300);
      ping();
      const start = await firstMessage.promise.finally(() =>
        clearInterval(pinging)
      );
      const chatId = start.chat.id;
      assertStrictEquals(chatId, user.id);

      const menu = await botClient.sendText(chatId, "Pick one", {
        replyMarkup: BotKeyboard.inline([[
          BotKeyboard.callback("Yes", "yes"),
          BotKeyboard.url("Site", "https://example.com"),
        ]]),
      });
      const userCopy = control.messages({ user: user.id, peer: bot.id }).at(
        -1,
      )!;
      assertStrictEquals(userCopy.text, "Pick one");
      const pressed = await control.pressButton({
        from: user.id,
        peer: bot.id,
        messageId: userCopy.id,
        data: "yes",
      });
      assertEquals(pressed, {
        answer: { message: "got yes", alert: true, url: undefined },
      });
      assertStrictEquals(queries[0].messageId, menu.id);
      assertStrictEquals(queries[0].user.id, user.id);

      const results = await control.inlineQuery({
        from: user.id,
        bot: bot.id,
        query: "Ann",
      });
      assertEquals(results.results, [
        { id: "hello", type: "article", title: "Hello, Ann" },
        { id: "where", type: "geo", title: "Here" },
      ]);
      const sent = control.sendInlineResult({
        from: user.id,
        bot: bot.id,
        queryId: results.queryId,
        resultId: "hello",
        peer: bot.id,
      });
      const choice = await chosen.promise;
      assertEquals([choice.id, choice.query, choice.user.id], [
        "hello",
        "Ann",
        user.id,
      ]);
      assert(
        choice.messageId !== null,
        "a keyboard gives an inline message id",
      );
      const viaMessage = control.messages({ user: user.id, peer: bot.id })
        .find((m) => m.id === sent.id)!;
      assertEquals([viaMessage.text, viaMessage.viaBot], [
        "Hello from inline",
        bot.id,
      ]);
      // the inline message's keyboard belongs to the bot it came via
      const waved = await control.pressButton({
        from: user.id,
        peer: bot.id,
        messageId: sent.id,
        data: "wave",
      });
      assertStrictEquals(waved.answer.message, "inline wave");

      const send = (media: Parameters<typeof botClient.sendMedia>[1]) =>
        botClient.sendMedia(chatId, media);
      const bytes = new Uint8Array(2000).map((_, i) => i % 256);
      await send(InputMedia.photo(pngHeader(640, 480), { fileName: "p.png" }));
      await send(InputMedia.video(bytes, {
        fileName: "v.mp4",
        duration: 3,
        width: 320,
        height: 240,
        supportsStreaming: true,
      }));
      await send(InputMedia.video(bytes, {
        fileName: "n.mp4",
        isRound: true,
        duration: 2,
        width: 240,
        height: 240,
      }));
      await send(InputMedia.audio(bytes, {
        fileName: "s.mp3",
        fileMime: "audio/mpeg",
        duration: 180,
        title: "Song",
        performer: "Band",
      }));
      await send(
        InputMedia.voice(bytes, { fileMime: "audio/ogg", duration: 4 }),
      );
      await send(InputMedia.animation(bytes, {
        fileName: "a.mp4",
        duration: 1,
        width: 100,
        height: 100,
      }));
      await send(InputMedia.sticker(webp(512, 512), { alt: "😺" }));
      await send(InputMedia.document(bytes, { fileName: "d.bin" }));
      await send(InputMedia.geo(52.5, 13.4));
      await send(InputMedia.geoLive(52.5, 13.4, { period: 600 }));
      await send(InputMedia.venue({
        latitude: 1,
        longitude: 2,
        title: "Cafe",
        address: "Main st",
      }));
      await send(InputMedia.contact({ phone: "15550100", firstName: "Ann" }));
      await send(InputMedia.dice("🎲", {}));
      const poll = await send(InputMedia.poll({
        question: "Tea?",
        answers: ["yes", "no"],
      }));
      const album = await botClient.sendMediaGroup(chatId, [
        InputMedia.photo(pngHeader(10, 10), { fileName: "1.png" }),
        InputMedia.photo(pngHeader(20, 20), { fileName: "2.png" }),
      ]);
      assertStrictEquals(album.length, 2);

      const boxed = control.messages({ user: user.id, peer: bot.id });
      const media = boxed.slice(-16).map((m) => m.media as ControlMedia);
      const kinds = media.map((m) => m.type === "document" ? m.kind : m.type);
      assertEquals(kinds, [
        "photo",
        "video",
        "videoNote",
        "audio",
        "voice",
        "animation",
        "sticker",
        "document",
        "geo",
        "geoLive",
        "venue",
        "contact",
        "dice",
        "poll",
        "photo",
        "photo",
      ]);
      const [photo, video, , audio, , , sticker] = media;
      assertEquals(photo.type === "photo" && [photo.width, photo.height], [
        640,
        480,
      ]);
      assert(video.type === "document");
      assertEquals(
        [video.duration, video.width, video.height, video.supportsStreaming],
        [3, 320, 240, true],
      );
      assert(audio.type === "document");
      assertEquals([audio.title, audio.performer, audio.duration], [
        "Song",
        "Band",
        180,
      ]);
      assert(sticker.type === "document");
      assertEquals([sticker.emoji, sticker.width, sticker.height], [
        "😺",
        512,
        512,
      ]);
      const contact = media[11];
      assert(contact.type === "contact" && contact.userId === user.id);
      const [first, second] = boxed.slice(-2);
      assert(first.groupedId !== undefined);
      assertStrictEquals(first.groupedId, second.groupedId);

      const closed = await botClient.closePoll({
        chatId,
        message: poll.id,
      });
      assertStrictEquals(closed.isClosed, true);
      const pollCopy = control.messages({ user: user.id, peer: bot.id })
        .find((m) => m.media?.type === "poll")!;
      assert(pollCopy.media?.type === "poll" && pollCopy.media.closed);

      await botClient.pinMessage({
        chatId,
        message: menu.id,
        bothSides: true,
      });
      const pinnedCopy = control.messages({ user: user.id, peer: bot.id })
        .find((m) => m.id === userCopy.id)!;
      assertStrictEquals(pinnedCopy.pinned, true);
      assertStrictEquals(
        control.messages({ user: user.id, peer: bot.id }).at(-1)?.action,
        "messageActionPinMessage",
      );
    } finally {
      await clients.close();
      await emulator.close();
    }
  },
});
