/**
 * End to end: a sticker from a sticker set carries the set's short name
 * (Sticker `setName`, types.md §8). The bot uploads a sticker, makes a set
 * of it for Alice with `stickers.createStickerSet` (through `invoke`), and
 * sends the set's sticker; every render of it — the fetched message, the
 * result of sendSticker by its fileId, Alice's history, and Alice's own
 * sticker reaching the bot as an update — names the set.
 */
import { assert, assertEquals } from "../assert.ts";
import { addUser } from "./_add_user.ts";
import { webp } from "./_media_samples.ts";
import { startBot, withWorld } from "./harness.ts";
import type { WireUpdate } from "./harness.ts";
import { callOk as ok } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** The set's short name: a bot's sets end in `_by_<its username>`. */
const SHORT_NAME = "cats_by_e2e_bot";

/** A TL-JSON object, as `invoke` answers. */
type TlJson = Record<string, unknown> & { _: string };

/** A sticker message in MTKruto's shape, as far as this test reads it. */
interface StickerMessage {
  id: number;
  type: string;
  from?: { id: number };
  sticker: { fileId: string; emoji?: string; setName?: string };
}

/** The sticker of `message`, which must be a sticker message. */
function stickerOf(message: StickerMessage) {
  assertEquals(message.type, "sticker");
  return message.sticker;
}

/** The `inputDocument` naming a TL-JSON `document`. */
function inputDocument(document: TlJson): TlJson {
  assertEquals(document._, "document");
  const { id, access_hash, file_reference } = document;
  return { _: "inputDocument", id, access_hash, file_reference };
}

Deno.test(
  "dialect: a sticker from a set made with stickers.createStickerSet carries setName in results, fetched messages and updates",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const botBase = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });

      // The bot uploads the sticker's file (sent to Alice: a sticker without a set).
      const form = new FormData();
      form.append("chatId", JSON.stringify(userId));
      form.append(
        "sticker",
        new File([webp(512, 512)], "cat.webp", { type: "image/webp" }),
      );
      form.append("params", JSON.stringify({ emoji: "😺" }));
      const uploaded = await ok<StickerMessage>(
        gateway,
        botBase,
        "sendSticker",
        form,
      );
      assertEquals(stickerOf(uploaded).setName, undefined);

      // Its document, and Alice as the bot sees her, in TL-JSON.
      const fetched = await ok<{ messages: TlJson[]; users: TlJson[] }>(
        gateway,
        botBase,
        "invoke",
        [{
          _: "messages.getMessages",
          id: [{ _: "inputMessageID", id: uploaded.id }],
        }],
      );
      const media = fetched.messages[0].media as { document: TlJson };
      const alice = fetched.users.find((user) => user.id === userId);
      assert(alice, "Alice is among the users");

      const created = await ok<{ set: TlJson; documents: TlJson[] }>(
        gateway,
        botBase,
        "invoke",
        [{
          _: "stickers.createStickerSet",
          user_id: {
            _: "inputUser",
            user_id: userId,
            access_hash: alice.access_hash,
          },
          title: "E2E cats",
          short_name: SHORT_NAME,
          stickers: [{
            _: "inputStickerSetItem",
            document: inputDocument(media.document),
            emoji: "😺",
          }],
        }],
      );
      assertEquals(
        [created.set.short_name, created.set.count, created.documents.length],
        [SHORT_NAME, 1, 1],
      );

      // The set's sticker, sent by its document: the message fetched through the dialect names the set.
      const sent = await ok<{ updates: TlJson[] }>(
        gateway,
        botBase,
        "invoke",
        [{
          _: "messages.sendMedia",
          peer: {
            _: "inputPeerUser",
            user_id: userId,
            access_hash: alice.access_hash,
          },
          media: {
            _: "inputMediaDocument",
            id: inputDocument(created.documents[0]),
          },
          message: "",
          random_id: { _: "bigint", value: "81726354" },
        }],
      );
      const newMessage = sent.updates.find((update) =>
        update._ === "updateNewMessage"
      ) as { message: { id: number } } | undefined;
      assert(newMessage, "sendMedia answered the new message");
      const fromSet = await ok<StickerMessage>(
        gateway,
        botBase,
        "getMessage",
        [userId, newMessage.message.id],
      );
      assertEquals(stickerOf(fromSet).setName, SHORT_NAME);

      // sendSticker by that fileId: the result names the set too.
      const resent = await ok<StickerMessage>(
        gateway,
        botBase,
        "sendSticker",
        [userId, stickerOf(fromSet).fileId],
      );
      assertEquals(
        [stickerOf(resent).setName, stickerOf(resent).emoji],
        [SHORT_NAME, "😺"],
      );

      // Alice, hosted on the gateway too, sees it in her history and sends it back.
      const aliceBase = `/${await addUser(dc, gateway.dataDir)}`;
      // A fresh session knows no peers yet: Alice names the bot by username.
      const [latest] = await ok<StickerMessage[]>(
        gateway,
        aliceBase,
        "getHistory",
        ["e2e_bot", { limit: 1 }],
      );
      assertEquals(latest.id, resent.id);
      assertEquals(stickerOf(latest).setName, SHORT_NAME);
      const hers = await ok<StickerMessage>(
        gateway,
        aliceBase,
        "sendSticker",
        [bot.id, stickerOf(latest).fileId],
      );
      assertEquals(stickerOf(hers).setName, SHORT_NAME);

      // Her message reaches the bot as an update (held back for the set's name), named.
      const updates = await ok<WireUpdate[]>(
        gateway,
        botBase,
        "getUpdates",
        [{ timeout: 10 }],
      );
      assertEquals(updates.map((update) => update.type), ["message"]);
      const received = updates[0].message as unknown as StickerMessage;
      assertEquals(
        [received.from?.id, stickerOf(received).setName],
        [userId, SHORT_NAME],
      );
    }),
);
