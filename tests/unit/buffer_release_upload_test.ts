import { assert, assertEquals } from "../assert.ts";
import { releasedBytes } from "../../src/telegram/buffer_release_patch.ts";
import { withEmulatorBot } from "./_emulator_context.ts";

const MIB = 1024 * 1024;

Deno.test({
  name:
    "an upload through the gateway's client frees its parts' copies as it goes (buffer_release_patch)",
  // mtcute keeps timers and sockets of its own past `destroy()`.
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withEmulatorBot("release_bot", async ({ host }) => {
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
    }),
});
