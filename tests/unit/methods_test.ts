import { TelegramClient } from "@mtcute/core/client.js";
import { assertEquals } from "../assert.ts";
import {
  ALLOWED_METHODS,
  isAllowedMethod,
} from "../../src/telegram/methods.ts";

const allowed = Object.values(ALLOWED_METHODS).flat() as string[];

Deno.test("ALLOWED_METHODS names only methods mtcute's TelegramClient has", () => {
  const missing = allowed.filter((name) =>
    typeof (TelegramClient.prototype as unknown as Record<string, unknown>)[
      name
    ] !== "function"
  );
  assertEquals(missing, []);
});

Deno.test("isAllowedMethod() refuses session, connection and prototype methods", () => {
  for (
    const name of [
      "start",
      "signIn",
      "signInBot",
      "exportSession",
      "importSession",
      "logOut",
      "connect",
      "close",
      "destroy",
      "startUpdatesLoop",
      "onNewMessage",
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
      "call",
      "iterHistory",
      "downloadToFile",
      "changeCloudPassword",
    ]
  ) {
    assertEquals([name, isAllowedMethod(name)], [name, false]);
  }
});

Deno.test("docs/methods.md lists exactly the allowlist", async () => {
  const doc = await Deno.readTextFile(
    new URL("../../docs/methods.md", import.meta.url),
  );
  const listed = [...doc.matchAll(/^- `(\w+)`$/gm)].map((match) => match[1]);
  assertEquals(listed.sort(), [...allowed].sort());
});
