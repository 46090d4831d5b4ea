import { assert, assertEquals } from "../assert.ts";
import { botClientId } from "../../src/client_id.ts";
import { ClientHost } from "../../src/telegram/client_host.ts";
import { releasedBytes } from "../../src/telegram/buffer_release_patch.ts";
import { emulatorHostContext } from "./_emulator_context.ts";
import { startEmulator } from "../dc/mod.ts";

const MIB = 1024 * 1024;

Deno.test({
  name:
    "an upload through the gateway's client frees its parts' copies as it goes (buffer_release_patch)",
  // mtcute keeps timers and sockets of its own past `destroy()`.
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const emulator = await startEmulator({ controlPort: false });
    const dataDir = await Deno.makeTempDir({ prefix: "mtkruto-release-" });
    let host: ClientHost | undefined;
    try {
      const context = await emulatorHostContext(emulator, dataDir);
      const bot = emulator.control.createBot({ username: "release_bot" });
      host = await ClientHost.open({
        kind: "bot",
        id: botClientId(bot.token)!,
        token: bot.token,
      }, context);
      const size = 12 * MIB;
      // Random, so mtcute does not gzip the parts into small messages.
      const bytes = new Uint8Array(size);
      for (let offset = 0; offset < size; offset += 65536) {
        crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
      }
      const before = releasedBytes();
      const uploaded = await host.client.uploadFile({
        file: bytes,
        fileSize: size,
        fileName: "released.bin",
      });
      assertEquals(uploaded.size, size);
      // Each part's padded message, key input, ciphertext, packet and frame at least.
      const freed = releasedBytes() - before;
      assert(
        freed >= 5 * size,
        `freed ${freed} bytes for a ${size}-byte upload`,
      );
    } finally {
      await host?.close(new Error("test over"));
      await emulator.close();
      await Deno.remove(dataDir, { recursive: true });
    }
  },
});
