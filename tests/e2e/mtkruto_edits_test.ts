/**
 * End to end: MTKruto's editing, deleting and unpinning methods against the
 * real CLI and the DC emulator — a bot's messages in its private chat with a
 * user and its inline messages, each edit checked in the user's box — and a
 * user's sendCallbackQuery answered by the bot.
 */
import { assert, assertEquals } from "../assert.ts";
import { addUser } from "./_add_user.ts";
import { callMethod, callOk, nextUpdates } from "./_dialect_calls.ts";
import { png } from "./_media_samples.ts";
import { startBot, withWorld } from "./harness.ts";
import type { Dc, Gateway, WireUpdate } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** What the emulator's `GET /messages` shows of a message in the user's box. */
interface BoxItem {
  id: number;
  text: string;
  editDate?: number;
  pinned?: boolean;
  viaBot?: number;
  media?: Record<string, unknown>;
  replyMarkup?: { rows: { buttons: { text: string }[] }[] };
}

/** MTKruto's inline keyboard of one callback button. */
function keyboard(text: string, callbackData: string) {
  return {
    type: "inlineKeyboard",
    inlineKeyboard: [[{ type: "callbackData", text, callbackData }]],
  };
}

/** The button texts of a box item's inline keyboard. */
function buttonTexts(item: BoxItem): string[] {
  return (item.replyMarkup?.rows ?? []).flatMap((row) =>
    row.buttons.map((button) => button.text)
  );
}

/** The user's box of its chat with `peer`, oldest first. */
async function userBox(dc: Dc, userId: number, peer: number) {
  return await dc.control<BoxItem[]>(
    "GET",
    `/messages?user=${userId}&peer=${peer}`,
  );
}

/** Sends `file` through `method` as a multipart call: the chat, the file, the params. */
async function sendUpload(
  gateway: Gateway,
  base: string,
  method: string,
  chatId: number,
  file: File,
  params: Record<string, unknown>,
) {
  const form = new FormData();
  form.append("chatId", JSON.stringify(chatId));
  form.append("file", file);
  form.append("params", JSON.stringify(params));
  return await callOk(gateway, base, method, form);
}

/** The bot's next update of `type`, skipping others (the bot's own sends echo back, for one). */
async function nextUpdateOf(
  gateway: Gateway,
  base: string,
  type: string,
): Promise<WireUpdate> {
  const seen: string[] = [];
  for (let round = 0; round < 5; round++) {
    const updates = await nextUpdates(gateway, base);
    const found = updates.find((update) => update.type === type);
    if (found) return found;
    seen.push(...updates.map((update) => update.type));
  }
  throw new Error(`no ${type} update; got ${JSON.stringify(seen)}`);
}

Deno.test(
  "dialect: a bot edits a message's caption, keyboard, media and live location, unpins all and deletes, as the user's box shows",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      const lastInBox = async () => (await userBox(dc, userId, bot.id)).at(-1)!;

      const photo = await sendUpload(
        gateway,
        base,
        "sendPhoto",
        userId,
        new File([png(40, 30)], "cup.png", { type: "image/png" }),
        { caption: "A cup", replyMarkup: keyboard("Sip", "sip") },
      );
      const photoId = photo.id as number;

      const captioned = await callOk(gateway, base, "editMessageCaption", [
        userId,
        photoId,
        { caption: "<b>Two</b> cups", parseMode: "HTML" },
      ]);
      assertEquals(
        [
          captioned.type,
          captioned.id,
          captioned.caption,
          captioned.captionEntities,
        ],
        ["photo", photoId, "Two cups", [{
          type: "bold",
          offset: 0,
          length: 3,
        }]],
      );
      assertEquals(typeof captioned.editDate, "number");
      // Without replyMarkup the edit removed the keyboard, as on Telegram.
      let inBox = await lastInBox();
      assertEquals([inBox.text, inBox.media?.type, buttonTexts(inBox)], [
        "Two cups",
        "photo",
        [],
      ]);

      const remarked = await callOk(gateway, base, "editMessageReplyMarkup", [
        userId,
        photoId,
        { replyMarkup: keyboard("Refill", "refill") },
      ]);
      assertEquals(
        [remarked.type, remarked.caption, remarked.replyMarkup],
        ["photo", "Two cups", keyboard("Refill", "refill")],
      );
      inBox = await lastInBox();
      assertEquals([inBox.text, buttonTexts(inBox)], ["Two cups", ["Refill"]]);

      const document = await sendUpload(
        gateway,
        base,
        "sendDocument",
        userId,
        new File(["steep for four minutes"], "recipe.txt", {
          type: "text/plain",
        }),
        {},
      );
      const documentFileId = (document.document as { fileId: string }).fileId;
      const remedied = await callOk(gateway, base, "editMessageMedia", [
        userId,
        photoId,
        { type: "document", document: documentFileId, caption: "The recipe" },
      ]);
      assertEquals(
        [
          remedied.type,
          remedied.id,
          remedied.caption,
          (remedied.document as { fileName: string }).fileName,
        ],
        ["document", photoId, "The recipe", "recipe.txt"],
      );
      // The user's box numbers messages its own way: find the edited one by its caption.
      inBox = (await userBox(dc, userId, bot.id)).find((item) =>
        item.text === "The recipe"
      )!;
      assertEquals(
        [inBox.text, inBox.media?.type, inBox.media?.fileName],
        ["The recipe", "document", "recipe.txt"],
      );

      const live = await callOk(gateway, base, "sendLocation", [
        userId,
        51.5,
        -0.12,
        { livePeriod: 600 },
      ]);
      const moved = await callOk(gateway, base, "editMessageLiveLocation", [
        userId,
        live.id,
        48.85,
        2.35,
        { heading: 90 },
      ]);
      const location = moved.location as Record<string, number>;
      assertEquals(
        [moved.type, moved.id, location.latitude, location.longitude],
        ["location", live.id, 48.85, 2.35],
      );
      inBox = await lastInBox();
      assertEquals(
        [inBox.media?.type, inBox.media?.latitude, inBox.media?.longitude],
        ["geoLive", 48.85, 2.35],
      );

      await callOk(gateway, base, "pinMessage", [userId, live.id]);
      await callOk(gateway, base, "pinMessage", [userId, photoId]);
      assertEquals(
        await callOk(gateway, base, "unpinMessages", [userId]),
        null,
      );
      const pinned = (await userBox(dc, userId, bot.id)).filter((item) =>
        item.pinned
      );
      assertEquals(pinned, [], "unpinMessages unpins every message");

      assertEquals(
        await callOk(gateway, base, "deleteMessage", [userId, live.id]),
        null,
      );
      const left = await userBox(dc, userId, bot.id);
      assert(
        !left.some((item) => item.media?.type === "geoLive"),
        "deleted for the user too",
      );
      assert(
        left.some((item) => item.text === "The recipe"),
        "only that message is deleted",
      );
    }),
);

/**
 * The user sends result `resultId` of the bot's answer to an inline query; the
 * bot's chosenInlineResult carries the inline message's id (its results have
 * keyboards).
 */
async function sendInline(
  world: { dc: Dc; gateway: Gateway; botId: number; userId: number },
  base: string,
  results: Record<string, unknown>[],
  resultId: string,
): Promise<string> {
  const { dc, gateway, botId, userId } = world;
  const asked = dc.control<{ queryId: string }>("POST", "/inline-queries", {
    from: userId,
    bot: botId,
    query: "tea",
  });
  // Awaited below; a failure meanwhile must not end the run before the assertions explain it.
  asked.catch(() => {});
  const update = await nextUpdateOf(gateway, base, "inlineQuery");
  const query = update.inlineQuery as { id: string };
  await callOk(gateway, base, "answerInlineQuery", [query.id, results]);
  await dc.control("POST", "/inline-queries/send", {
    from: userId,
    bot: botId,
    queryId: (await asked).queryId,
    resultId,
    peer: botId,
  });
  const chosen = await nextUpdateOf(gateway, base, "chosenInlineResult");
  const { inlineMessageId } = chosen.chosenInlineResult as {
    inlineMessageId?: string;
  };
  assert(inlineMessageId, "a result with a keyboard has an inline message id");
  return inlineMessageId;
}

Deno.test(
  "dialect: a bot edits its inline messages' text, keyboard, media, caption and live location, as the user's box shows",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      const world = { dc, gateway, botId: bot.id, userId };
      const inBox = async () => {
        const box = await userBox(dc, userId, bot.id);
        const last = box.at(-1)!;
        assertEquals(last.viaBot, bot.id, "an inline message, via the bot");
        return last;
      };
      const results = [{
        type: "article",
        id: "a1",
        title: "Tea",
        messageContent: { type: "text", text: "Tea for two" },
        replyMarkup: keyboard("Sip", "sip"),
      }, {
        type: "location",
        id: "l1",
        title: "Here",
        latitude: 51.5,
        longitude: -0.12,
        livePeriod: 600,
        replyMarkup: keyboard("Follow", "follow"),
      }];
      // A file id to put in the inline message: inline edits take no uploads.
      const photo = await sendUpload(
        gateway,
        base,
        "sendPhoto",
        userId,
        new File([png(40, 30)], "cup.png", { type: "image/png" }),
        {},
      );
      const photoFileId = (photo.photo as { fileId: string }).fileId;

      const textId = await sendInline(world, base, results, "a1");
      assertEquals(
        await callOk(gateway, base, "editInlineMessageText", [
          textId,
          "<i>Tea</i> for three",
          { parseMode: "HTML", replyMarkup: keyboard("Sip", "sip") },
        ]),
        null,
      );
      let item = await inBox();
      assertEquals([item.text, buttonTexts(item)], ["Tea for three", ["Sip"]]);
      assert(item.editDate, "the edit is dated");

      assertEquals(
        await callOk(gateway, base, "editInlineMessageReplyMarkup", [textId, {
          replyMarkup: keyboard("Gulp", "gulp"),
        }]),
        null,
      );
      item = await inBox();
      assertEquals([item.text, buttonTexts(item)], ["Tea for three", ["Gulp"]]);

      assertEquals(
        await callOk(gateway, base, "editInlineMessageMedia", [textId, {
          type: "photo",
          photo: photoFileId,
          caption: "A cup",
        }]),
        null,
      );
      item = await inBox();
      assertEquals([item.text, item.media?.type], ["A cup", "photo"]);

      assertEquals(
        await callOk(gateway, base, "editInlineMessageCaption", [textId, {
          caption: "Two cups",
          replyMarkup: keyboard("Sip", "sip"),
        }]),
        null,
      );
      item = await inBox();
      assertEquals([item.text, item.media?.type, buttonTexts(item)], [
        "Two cups",
        "photo",
        ["Sip"],
      ]);

      const liveId = await sendInline(world, base, results, "l1");
      assertEquals(
        await callOk(gateway, base, "editInlineMessageLiveLocation", [
          liveId,
          48.85,
          2.35,
          { replyMarkup: keyboard("Follow", "follow") },
        ]),
        null,
      );
      item = await inBox();
      assertEquals(
        [item.media?.type, item.media?.latitude, item.media?.longitude],
        ["geoLive", 48.85, 2.35],
      );
      assertEquals(buttonTexts(item), ["Follow"]);
    }),
);

Deno.test(
  "dialect: a user's sendCallbackQuery on the bot's button reaches the bot, whose answerCallbackQuery comes back as a CallbackQueryAnswer",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const botBase = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      const userBase = `/${await addUser(dc, gateway.dataDir)}`;
      await callOk(gateway, botBase, "sendMessage", [userId, "Tea?", {
        replyMarkup: keyboard("Yes", "tea:yes"),
      }]);
      // The message's id in the user's own box, which is the one the user presses under.
      const pressedId = (await userBox(dc, userId, bot.id)).at(-1)!.id;

      const pressed = callOk(gateway, userBase, "sendCallbackQuery", [
        // By username: the user's client has no access hash for the bot's bare id.
        "e2e_bot",
        pressedId,
        { type: "button", data: "tea:yes" },
      ]);
      // Awaited below; a failure meanwhile must not end the run before the assertions explain it.
      pressed.catch(() => {});
      // If the press fails, its error ends the wait rather than a timeout.
      const update = await Promise.race([
        nextUpdateOf(gateway, botBase, "callbackQuery"),
        pressed.then((answer) => {
          throw new Error(`answered before the bot: ${JSON.stringify(answer)}`);
        }),
      ]);
      const query = update.callbackQuery as {
        id: string;
        data: string;
        from: { id: number };
        message: { text: string };
      };
      assertEquals([query.data, query.from.id, query.message.text], [
        "tea:yes",
        userId,
        "Tea?",
      ]);
      assertEquals(
        await callOk(gateway, botBase, "answerCallbackQuery", [query.id, {
          text: "Brewing",
          isAlert: true,
        }]),
        null,
      );
      assertEquals(await pressed, {
        isAlert: true,
        text: "Brewing",
        url: "",
      });
      // The query id was good for one answer.
      const again = await callMethod(gateway, botBase, "answerCallbackQuery", [
        query.id,
        { text: "Again" },
      ]);
      assertEquals([again.status, again.errorType], [400, "rpc"]);
      assert(
        JSON.stringify(again.body).includes("QUERY_ID_INVALID"),
        JSON.stringify(again.body),
      );
    }),
);
