/**
 * End to end: a user's saved animations and drafts through MTKruto's
 * dialect. Alice saves, lists and unsaves an animation the bot sent her
 * (checked in the world with `GET /saved-gifs`), saves drafts in two chats
 * and clears them (`GET /drafts`); bots are refused both.
 */
import { assert, assertEquals } from "../assert.ts";
import { mp4 } from "./_media_samples.ts";
import { withChats } from "./_chats_world.ts";
import { callMethod, callOk } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** An Animation as types.md describes it, as far as this test reads it. */
interface Animation {
  fileId: string;
  fileUniqueId: string;
  width: number;
  height: number;
  duration: number;
  mimeType: string;
  fileSize: number;
}

Deno.test(
  "dialect: Alice saves an animation, lists her saved animations and unsaves it; bots have none",
  options,
  () =>
    withChats(async ({ dc, gateway, bot, userId, userBase }) => {
      const botBase = `/bot${bot.token}`;
      const body = new FormData();
      body.append("chatId", JSON.stringify(userId));
      body.append(
        "animation",
        new File([mp4(21)], "wave.mp4", { type: "video/mp4" }),
      );
      body.append("params", JSON.stringify({ width: 32, height: 16 }));
      await callOk(gateway, botBase, "sendAnimation", body);
      const [message] = await callOk<{ animation: Animation }[]>(
        gateway,
        userBase,
        "getHistory",
        [bot.id, { limit: 1 }],
      );
      const { animation } = message;
      const saved = () =>
        dc.control<string[]>("GET", `/saved-gifs?user=${userId}`);

      assertEquals(
        await callOk(gateway, userBase, "saveAnimation", [animation.fileId]),
        null,
      );
      assertEquals((await saved()).length, 1);
      const list = await callOk<Animation[]>(
        gateway,
        userBase,
        "getSavedAnimations",
      );
      assertEquals(list.length, 1);
      assertEquals(
        [list[0].fileUniqueId, list[0].width, list[0].height],
        [animation.fileUniqueId, 32, 16],
      );
      assertEquals(
        [list[0].mimeType, list[0].fileSize],
        ["video/mp4", mp4(21).length],
      );

      await callOk(gateway, userBase, "unsaveAnimation", [animation.fileId]);
      assertEquals(await saved(), []);
      assertEquals(
        await callOk(gateway, userBase, "getSavedAnimations"),
        [],
      );

      // Anything but an animation's file id is MTKruto's "Invalid file ID.".
      const wrong = await callMethod(gateway, userBase, "saveAnimation", [
        "not an id",
      ]);
      assertEquals([wrong.status, wrong.errorType], [400, "input"]);
      assert(
        String(wrong.body).startsWith(
          "Argument 1 of saveAnimation (fileId): Invalid file ID.",
        ),
        String(wrong.body),
      );
      const asBot = await callMethod(gateway, botBase, "getSavedAnimations");
      assertEquals([asBot.status, asBot.errorType], [400, "input"]);
    }),
);

/** A draft as the emulator's control API shows it. */
interface ControlDraft {
  chat: number;
  message: string;
  replyToMessageId?: number;
  noWebpage: boolean;
}

Deno.test(
  "dialect: Alice saves drafts in two chats and clears them; an empty text deletes one; media and bots are refused",
  options,
  () =>
    withChats(
      async ({ dc, gateway, bot, userId, userBase, supergroup, welcomeId }) => {
        const drafts = async () =>
          (await dc.control<ControlDraft[]>("GET", `/drafts?user=${userId}`))
            .sort((a, b) => a.chat - b.chat);
        assertEquals(
          await callOk(gateway, userBase, "saveDraft", [bot.id, "see you", {
            replyTo: { type: "message", messageId: welcomeId },
            isLinkPreviewDisabled: true,
          }]),
          null,
        );
        await callOk(gateway, userBase, "saveDraft", [supergroup, "*hi*", {
          parseMode: "Markdown",
        }]);
        assertEquals(
          await drafts(),
          [
            { chat: supergroup, message: "hi", noWebpage: false },
            {
              chat: bot.id,
              message: "see you",
              replyToMessageId: welcomeId,
              noWebpage: true,
            },
          ].sort((a, b) => a.chat - b.chat),
        );

        await callOk(gateway, userBase, "saveDraft", [supergroup, ""]);
        assertEquals((await drafts()).map((draft) => draft.chat), [bot.id]);
        await callOk(gateway, userBase, "saveDraft", [supergroup, "again"]);
        assertEquals(await callOk(gateway, userBase, "clearDrafts"), null);
        assertEquals(await drafts(), []);

        const withMedia = await callMethod(gateway, userBase, "saveDraft", [
          bot.id,
          "x",
          { media: { type: "photo", photo: "https://example.com/a.jpg" } },
        ]);
        assertEquals([withMedia.status, withMedia.errorType], [400, "input"]);
        assert(String(withMedia.body).startsWith("params.media"));
        const badText = await callMethod(gateway, userBase, "saveDraft", [
          bot.id,
          7,
        ]);
        assertEquals([badText.status, badText.errorType], [400, "input"]);
        assert(
          String(badText.body).startsWith("Argument 2 of saveDraft (text)"),
          String(badText.body),
        );
        const asBot = await callMethod(
          gateway,
          `/bot${bot.token}`,
          "clearDrafts",
        );
        assertEquals([asBot.status, asBot.errorType], [400, "input"]);
      },
    ),
);
