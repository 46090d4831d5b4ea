/**
 * End to end: a user account's inline query through MTKruto's dialect. The
 * user (logged in with `--add-user`) calls sendInlineQuery, the bot gets the
 * inlineQuery update and answers through the gateway, and the user's call
 * returns the bot's results as MTKruto's InlineQueryAnswer.
 */
import { assertEquals } from "../assert.ts";
import { addUser } from "./_add_user.ts";
import { startBot, withWorld } from "./harness.ts";
import type { WireUpdate } from "./harness.ts";
import { callOk as ok } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

const KEYBOARD = {
  type: "inlineKeyboard",
  inlineKeyboard: [[
    { type: "url", text: "Open", url: "https://example.org/tea" },
  ]],
};

Deno.test(
  "dialect: a user's sendInlineQuery reaches the bot, whose answerInlineQuery comes back as an InlineQueryAnswer",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const botBase = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      const userBase = `/${await addUser(dc, gateway.dataDir)}`;

      // The call waits for the bot's answer, so it runs while the bot polls.
      const asked = ok<Record<string, unknown>>(
        gateway,
        userBase,
        "sendInlineQuery",
        ["e2e_bot", "e2e_bot", { query: "tea", offset: "0" }],
      );
      // Awaited below; a failure meanwhile must not end the run before the assertions explain it.
      asked.catch(() => {});
      const [update] = await ok<WireUpdate[]>(gateway, botBase, "getUpdates", [
        { timeout: 10 },
      ]);
      assertEquals(update.type, "inlineQuery");
      const query = update.inlineQuery as {
        id: string;
        from: { id: number };
        query: string;
        offset: string;
      };
      assertEquals([query.from.id, query.query, query.offset], [
        userId,
        "tea",
        "0",
      ]);

      assertEquals(
        await ok(gateway, botBase, "answerInlineQuery", [query.id, [
          {
            type: "article",
            id: "a1",
            title: "Tea",
            description: "Hot",
            messageContent: { type: "text", text: "Tea for two" },
            replyMarkup: KEYBOARD,
          },
          {
            type: "photo",
            id: "p1",
            url: "https://example.org/tea.jpg",
            thumbnailUrl: "https://example.org/tea-thumb.jpg",
            width: 800,
            height: 600,
            caption: "A cup",
          },
        ], { nextOffset: "2" }]),
        null,
      );

      const answer = await asked;
      assertEquals(answer, {
        id: query.id,
        results: [
          {
            type: "article",
            id: "a1",
            title: "Tea",
            description: "Hot",
            messageContent: {
              type: "text",
              text: "Tea for two",
              entities: [],
            },
            replyMarkup: KEYBOARD,
          },
          {
            id: "p1",
            type: "photo",
            title: "",
            url: "https://example.org/tea.jpg",
            messageContent: { type: "text", text: "A cup", entities: [] },
            thumbnailUrl: "https://example.org/tea-thumb.jpg",
            width: 800,
            height: 600,
          },
        ],
        nextOffset: "2",
      });
      // MTKruto's key order, as the wire carries it.
      assertEquals(
        (answer.results as Record<string, unknown>[]).map(Object.keys),
        [
          [
            "type",
            "id",
            "title",
            "description",
            "messageContent",
            "replyMarkup",
          ],
          [
            "id",
            "type",
            "title",
            "url",
            "messageContent",
            "thumbnailUrl",
            "width",
            "height",
          ],
        ],
      );
    }),
);
