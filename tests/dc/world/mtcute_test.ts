/** The world behind the real MTProto server, driven by mtcute's own `TelegramClient`. */
import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { MemoryStorage } from "@mtcute/core";
import { addPublicKey } from "@mtcute/core/utils.js";
import { TelegramClient } from "@mtcute/node";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { startEmulator } from "../mod.ts";

Deno.test({
  name:
    "mtcute logs in (bot token, code + 2FA), messages, edits, uploads and downloads",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const emulator = await startEmulator({ controlPort: false });
    const crypto = new NodeCryptoProvider();
    await crypto.initialize();
    addPublicKey(crypto, emulator.publicKeyPem);
    const dc = { id: 2, ipAddress: "127.0.0.1", port: emulator.port };
    const clients: TelegramClient[] = [];
    const client = () => {
      const created = new TelegramClient({
        apiId: 1,
        apiHash: "x",
        storage: new MemoryStorage(),
        defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
        logLevel: 0,
      });
      clients.push(created);
      return created;
    };
    try {
      const bot = emulator.control.createBot({ username: "echo_bot" });
      await emulator.control.createUser({
        phone: "15550100",
        firstName: "Ann",
        password: "pw",
      });
      const botClient = client();
      const received = Promise.withResolvers<string>();
      botClient.onNewMessage.add((message) => received.resolve(message.text));
      assertStrictEquals(
        (await botClient.start({ botToken: bot.token })).username,
        "echo_bot",
      );

      const userClient = client();
      const me = await userClient.start({
        phone: "+1 555 0100",
        code: () => Promise.resolve(emulator.control.loginCode("15550100")!),
        password: "pw",
        codeSentCallback: () => {},
      });
      assertStrictEquals(me.displayName, "Ann");

      const sent = await userClient.sendText("echo_bot", "hello");
      assertStrictEquals(await received.promise, "hello");
      await userClient.editMessage({
        chatId: "echo_bot",
        message: sent.id,
        text: "edited",
      });
      assertStrictEquals(
        emulator.control.messages({ user: bot.id, peer: me.id })[0].text,
        "edited",
      );

      const file = new Uint8Array(300_000).map((_, i) => i % 251);
      const media = await userClient.sendMedia("echo_bot", {
        type: "document",
        file,
        fileName: "x.bin",
      });
      assert(media.media?.type === "document");
      assertEquals(
        new Uint8Array(await userClient.downloadAsBuffer(media.media)),
        file,
      );

      await botClient.setMyCommands({
        commands: [{ _: "botCommand", command: "start", description: "Start" }],
      });
      assertEquals(
        (await botClient.getMyCommands()).map((command) => command.command),
        ["start"],
      );
    } finally {
      for (const created of clients) await created.destroy();
      await emulator.close();
    }
  },
});
