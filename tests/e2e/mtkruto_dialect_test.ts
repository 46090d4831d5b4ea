/**
 * End to end: MTKruto's dialect against the real CLI and the DC emulator. A
 * bot answers a user with HTML and Markdown entities and an inline keyboard,
 * the user presses a button and gets the bot's answer; messages in a basic
 * group, a supergroup and a channel arrive as MTKruto updates, deletions
 * carry their chats; mtcute's methods stay callable as `mtcute.<name>`.
 */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { readJson, startBot, withWorld } from "./harness.ts";
import type { Gateway, WireUpdate } from "./harness.ts";
import {
  callMethod as call,
  callOk as ok,
  nextUpdates,
} from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

Deno.test(
  "dialect: sendMessage with HTML, Markdown and a keyboard; the user's button press reaches the bot, whose answer reaches the user",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });

      const html = await ok(gateway, base, "sendMessage", [
        userId,
        '<b>Hello</b>, <i>world</i> <a href="https://example.org/">link</a>',
        {
          parseMode: "HTML",
          replyMarkup: {
            type: "inlineKeyboard",
            inlineKeyboard: [[
              { type: "callbackData", text: "Yes", callbackData: "vote:yes" },
              { type: "url", text: "About", url: "https://example.org/about" },
            ]],
          },
        },
      ]);
      assertEquals(
        [html.type, html.isOutgoing, html.text, html.entities],
        ["text", true, "Hello, world link", [
          { type: "bold", offset: 0, length: 5 },
          { type: "italic", offset: 7, length: 5 },
          {
            type: "textLink",
            offset: 13,
            length: 4,
            url: "https://example.org/",
          },
        ]],
      );
      assertEquals(html.replyMarkup, {
        type: "inlineKeyboard",
        inlineKeyboard: [[
          { type: "callbackData", text: "Yes", callbackData: "vote:yes" },
          { type: "url", text: "About", url: "https://example.org/about" },
        ]],
      });
      assertEquals((html.chat as { id: number }).id, userId);
      assertEquals(typeof html.date, "number");

      const markdown = await ok(gateway, base, "sendMessage", [
        userId,
        "*bold* _italic_ `code` 1\\.5",
        { parseMode: "Markdown" },
      ]);
      assertEquals([markdown.text, markdown.entities], [
        "bold italic code 1.5",
        [
          { type: "bold", offset: 0, length: 4 },
          { type: "italic", offset: 5, length: 6 },
          { type: "code", offset: 12, length: 4 },
        ],
      ]);

      // What the user's own box holds: the entities and the keyboard, as Telegram stores them.
      const box = await dc.control<
        {
          id: number;
          text: string;
          entities?: { _: string }[];
          replyMarkup?: { _: string };
        }[]
      >("GET", `/messages?user=${userId}&peer=${bot.id}`);
      const received = box.find((item) => item.text === "Hello, world link");
      assert(received, "the user got the HTML message");
      assertEquals(received.entities?.map((entity) => entity._), [
        "messageEntityBold",
        "messageEntityItalic",
        "messageEntityTextUrl",
      ]);
      assertEquals(received.replyMarkup?._, "replyInlineMarkup");

      // The user presses "Yes"; the control call waits for the bot's answer.
      const pressed = dc.control<
        { answer: { message?: string; alert?: boolean } }
      >(
        "POST",
        "/callback-queries",
        {
          from: userId,
          peer: bot.id,
          messageId: received.id,
          data: "vote:yes",
        },
      );
      const [update] = await nextUpdates(gateway, base);
      assertEquals(update.type, "callbackQuery");
      const query = update.callbackQuery as {
        id: string;
        from: { id: number };
        data: string;
        chatInstance: string;
        message: { id: number; text: string };
      };
      assertMatch(query.id, /^-?\d+$/);
      assertEquals([
        query.from.id,
        query.data,
        query.message.id,
        query.message.text,
      ], [
        userId,
        "vote:yes",
        html.id,
        "Hello, world link",
      ]);
      assertEquals(typeof query.chatInstance, "string");
      assertEquals(
        await ok(gateway, base, "answerCallbackQuery", [query.id, {
          text: "Counted!",
          isAlert: true,
        }]),
        null,
      );
      assertEquals((await pressed).answer, {
        message: "Counted!",
        alert: true,
      });

      // An edit of the keyboard's message, seen in the user's box.
      const edited = await ok(gateway, base, "editMessageText", [
        userId,
        html.id,
        "Thanks for voting",
      ]);
      assertEquals([edited.type, edited.text, typeof edited.editDate], [
        "text",
        "Thanks for voting",
        "number",
      ]);
      const after = await dc.control<{ id: number; text: string }[]>(
        "GET",
        `/messages?user=${userId}&peer=${bot.id}`,
      );
      assertEquals(
        after.find((item) => item.id === received.id)?.text,
        "Thanks for voting",
      );

      // mtcute's own surface, behind its prefix.
      const viaMtcute = await ok(gateway, base, "mtcute.sendText", [
        userId,
        "raw",
      ]);
      assertEquals(viaMtcute.text, "raw");
      const unprefixed = await call(gateway, base, "sendText", [userId, "raw"]);
      assertEquals([unprefixed.status, unprefixed.body], [
        404,
        "Unknown method: sendText; mtcute's sendText is called as mtcute.sendText",
      ]);
      // A caller's mistakes are 400s in MTKruto's terms.
      const wrongType = await call(gateway, base, "sendMessage", [userId, 5]);
      assertEquals([wrongType.status, wrongType.errorType, wrongType.body], [
        400,
        "input",
        "Argument 2 of sendMessage (text) must be a string; got the number 5",
      ]);
      const userOnly = await call(gateway, base, "getHistory", [userId]);
      assertEquals([userOnly.status, userOnly.body], [
        400,
        "getHistory: not a user client.",
      ]);
      const badMarkdown = await call(gateway, base, "sendMessage", [
        userId,
        "1.5",
        { parseMode: "Markdown" },
      ]);
      assertEquals([badMarkdown.status, badMarkdown.errorType], [400, "input"]);
      assertMatch(String(badMarkdown.body), /Can't parse entities: .*'\.'/);
    }),
);

Deno.test(
  "dialect: a basic group, a supergroup and a channel deliver MTKruto messages; deletions name their chats",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });

      const group = await dc.control<{ id: number }>("POST", "/chats", {
        type: "group",
        title: "Group",
        creator: userId,
        members: [bot.id],
      });
      const supergroup = await dc.control<{ id: number }>("POST", "/chats", {
        type: "supergroup",
        title: "Lounge",
        creator: userId,
        members: [bot.id],
      });
      const channel = await dc.control<{ id: number }>("POST", "/chats", {
        type: "channel",
        title: "News",
        creator: userId,
        members: [bot.id],
      });
      assert(group.id < 0 && group.id > -1e12, "a basic group is -chat_id");
      assert(supergroup.id < -1e12 && channel.id < -1e12, "channels are -100…");
      for (
        const [chat, text] of [[group.id, "in the group"], [
          supergroup.id,
          "in the lounge",
        ], [channel.id, "news"]] as const
      ) {
        await dc.control("POST", "/messages", { from: userId, chat, text });
      }
      const seen: WireUpdate[] = [];
      const texts = () =>
        seen.filter((u) => u.type === "message" && u.message?.type === "text");
      // Creating a chat is a service message too (groupCreated …): the texts are what we posted.
      while (texts().length < 3) {
        const batch = await nextUpdates(gateway, base);
        assert(batch.length, "the chat messages arrive");
        seen.push(...batch);
      }
      // Each chat keeps its order; across a channel's box and the account's own one, Telegram promises none.
      const order = [group.id, supergroup.id, channel.id];
      const messages = texts().map((u) => u.message!).sort((a, b) =>
        order.indexOf(a.chat.id) - order.indexOf(b.chat.id)
      );
      assertEquals(
        seen.filter((u) => u.message?.type === "groupCreated").length,
        1,
      );
      assertEquals(
        messages.map((m) => [m.text, m.chat.id, m.chat.type]),
        [
          ["in the group", group.id, "group"],
          ["in the lounge", supergroup.id, "supergroup"],
          ["news", channel.id, "channel"],
        ],
      );
      // A member's message comes from the member; a channel post from the channel.
      assertEquals(messages.map((m) => m.from.id), [
        userId,
        userId,
        channel.id,
      ]);

      // The bot replies in the group, with the replied message fetched into replyToMessage.
      const inGroup = await ok(gateway, base, "sendMessage", [
        group.id,
        "hello group",
        { replyTo: { type: "message", messageId: messages[0].id } },
      ]);
      assertEquals([
        inGroup.replyToMessageId,
        (inGroup.replyToMessage as { text: string })?.text,
      ], [messages[0].id, "in the group"]);
      const inLounge = await ok(gateway, base, "sendMessage", [
        supergroup.id,
        "hello lounge",
      ]);
      // The user deletes the bot's messages for everyone: in the group by
      // their ids in the user's box, in the supergroup in its one box.
      const userBox = await dc.control<{ id: number; text: string }[]>(
        "GET",
        `/messages?user=${userId}&peer=${group.id}`,
      );
      const userCopy = userBox.find((item) => item.text === "hello group");
      assert(userCopy, "the user has the bot's group message");
      await dc.control("POST", "/messages/delete", {
        from: userId,
        ids: [userCopy.id],
      });
      await dc.control("POST", "/messages/delete", {
        from: userId,
        chat: supergroup.id,
        ids: [inLounge.id],
      });
      const deletions: unknown[] = [];
      while (deletions.length < 2) {
        const batch = await nextUpdates(gateway, base);
        assert(batch.length, "the deletions arrive");
        for (const u of batch) {
          if (u.type === "deletedMessages") {
            deletions.push(...(u.deletedMessages as unknown[]));
          }
        }
      }
      // Telegram's updateDeleteMessages names no chat: the gateway's map of
      // the bot's messages (its own sent ones included) does.
      const byChat = (a: unknown, b: unknown) =>
        order.indexOf((a as { chatId: number }).chatId) -
        order.indexOf((b as { chatId: number }).chatId);
      assertEquals(deletions.sort(byChat), [
        { chatId: group.id, messageId: inGroup.id },
        { chatId: supergroup.id, messageId: inLounge.id },
      ]);
    }),
);

/** Uploads `file` as the positional file argument of a send method (multipart, in field order). */
async function sendFile(
  gateway: Gateway,
  base: string,
  method: string,
  chatId: number,
  file: File,
  params: Record<string, unknown> = {},
) {
  const form = new FormData();
  form.append("chatId", JSON.stringify(chatId));
  form.append("file", file);
  form.append("params", JSON.stringify(params));
  return await readJson(
    await gateway.fetch(`${base}/${method}`, { method: "POST", body: form }),
  );
}

Deno.test(
  "dialect: uploaded files come back as MTKruto media whose fileId downloads byte-identical and sends again; forwards, pins and inline queries",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      // Several upload parts, and bytes no two files share.
      const bytes = Uint8Array.from(
        { length: 300_000 },
        (_, i) => (i * 7919 + (i >> 8)) & 0xff,
      );
      const sent = await sendFile(
        gateway,
        base,
        "sendDocument",
        userId,
        new File([bytes], "notes.bin", { type: "application/octet-stream" }),
        { caption: "<b>notes</b>", parseMode: "HTML" },
      );
      assertEquals(sent.status, 200, JSON.stringify(sent.body));
      const message = sent.body as {
        type: string;
        id: number;
        caption: string;
        captionEntities: unknown[];
        document: {
          fileId: string;
          fileUniqueId: string;
          fileName: string;
          mimeType: string;
          fileSize: number;
        };
      };
      assertEquals(
        [
          message.type,
          message.caption,
          message.captionEntities,
          message.document.fileName,
          message.document.mimeType,
          message.document.fileSize,
        ],
        [
          "document",
          "notes",
          [{ type: "bold", offset: 0, length: 5 }],
          "notes.bin",
          "application/octet-stream",
          bytes.length,
        ],
      );
      const downloaded = await gateway.fetch(
        `${base}/download?${
          encodeURIComponent(JSON.stringify(message.document.fileId))
        }`,
      );
      assertEquals(downloaded.status, 200);
      assertEquals(new Uint8Array(await downloaded.arrayBuffer()), bytes);
      // The id sends the same file again, without an upload.
      const again = await ok<typeof message>(gateway, base, "sendDocument", [
        userId,
        message.document.fileId,
      ]);
      assertEquals(
        [again.type, again.document.fileUniqueId],
        ["document", message.document.fileUniqueId],
      );
      // A photo id is not a document: MTKruto's refusal.
      const photo = await sendFile(
        gateway,
        base,
        "sendPhoto",
        userId,
        new File([Uint8Array.from([0xff, 0xd8, 0xff, 0xd9])], "p.jpg", {
          type: "image/jpeg",
        }),
      );
      assertEquals(photo.status, 200, JSON.stringify(photo.body));
      const photoMessage = photo.body as {
        type: string;
        photo: { fileId: string; thumbnails: unknown[] };
      };
      assertEquals(photoMessage.type, "photo");
      const wrongKind = await call(gateway, base, "sendDocument", [
        userId,
        photoMessage.photo.fileId,
      ]);
      assertEquals([wrongKind.status, wrongKind.errorType], [400, "input"]);
      // Local paths are never files.
      const path = await call(gateway, base, "sendDocument", [
        userId,
        "/etc/passwd",
      ]);
      assertEquals([path.status, path.errorType], [400, "input"]);

      // Locations, contacts, dice and polls land in the user's box as their kinds.
      const location = await ok(gateway, base, "sendLocation", [
        userId,
        52.5,
        13.4,
      ]);
      assertEquals(
        [location.type, (location.location as { latitude: number }).latitude],
        ["location", 52.5],
      );
      const contact = await ok(gateway, base, "sendContact", [
        userId,
        "Ada",
        "+15550123",
      ]);
      assertEquals(
        [contact.type, (contact.contact as { firstName: string }).firstName],
        ["contact", "Ada"],
      );
      const dice = await ok(gateway, base, "sendDice", [userId]);
      assertEquals([dice.type, (dice.dice as { emoji: string }).emoji], [
        "dice",
        "🎲",
      ]);
      const poll = await ok(gateway, base, "sendPoll", [userId, "Tea?", [
        { text: "Yes" },
        { text: "No" },
      ]]);
      assertEquals(
        [poll.type, (poll.poll as { question: string }).question],
        ["poll", "Tea?"],
      );
      const stopped = await ok(gateway, base, "stopPoll", [userId, poll.id]);
      assertEquals(stopped.isClosed, true);
      // Telegram tells the poll's sender about the closed poll: MTKruto's `poll` update.
      const polls = (await nextUpdates(gateway, base)).filter((u) =>
        u.type === "poll"
      );
      assertEquals(
        polls.map((u) => [
          (u.poll as { id: string }).id,
          (u.poll as { isClosed: boolean }).isClosed,
        ]).at(-1),
        [(poll.poll as { id: string }).id, true],
      );

      // The user forwards nothing; the bot forwards its own message and pins it.
      const forwarded = await ok<Record<string, unknown>[]>(
        gateway,
        base,
        "forwardMessages",
        [userId, userId, [location.id]],
      );
      assertEquals(forwarded.map((m) => m.type), ["location"]);
      assertEquals(
        await ok(gateway, base, "pinMessage", [userId, dice.id]),
        null,
      );
      const box = await dc.control<{ action?: string; pinned?: boolean }[]>(
        "GET",
        `/messages?user=${userId}&peer=${bot.id}`,
      );
      assert(
        box.some((item) => item.action === "messageActionPinMessage"),
        "the pin is a service message in the user's box",
      );

      // An inline query: answered by the bot, chosen by the user.
      const asked = dc.control<{ queryId: string; results: { id: string }[] }>(
        "POST",
        "/inline-queries",
        { from: userId, bot: bot.id, query: "tea" },
      );
      // Awaited below; a failure meanwhile must not end the run before the assertions explain it.
      asked.catch(() => {});
      const [inline] = await nextUpdates(gateway, base);
      assertEquals(inline.type, "inlineQuery");
      const query = inline.inlineQuery as {
        id: string;
        query: string;
        from: { id: number };
      };
      assertEquals([query.query, query.from.id], ["tea", userId]);
      await ok(gateway, base, "answerInlineQuery", [query.id, [{
        type: "article",
        id: "a1",
        title: "Tea",
        messageContent: { type: "text", text: "Tea for two" },
      }]]);
      const answer = await asked;
      assertEquals(answer.results.map((result) => result.id), ["a1"]);
      await dc.control("POST", "/inline-queries/send", {
        from: userId,
        bot: bot.id,
        queryId: answer.queryId,
        resultId: "a1",
        peer: bot.id,
      });
      const chosen = (await nextUpdates(gateway, base)).find((u) =>
        u.type === "chosenInlineResult"
      );
      assert(chosen, "the chosen result reaches the bot");
      assertEquals(
        [
          (chosen.chosenInlineResult as { resultId: string }).resultId,
          (chosen.chosenInlineResult as { query: string }).query,
        ],
        ["a1", "tea"],
      );
    }),
);
