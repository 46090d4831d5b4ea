import { TelegramClient } from "@mtcute/core/client.js";
import { assertEquals } from "../assert.ts";
import {
  ALLOWED_METHODS,
  isAllowedMethod,
} from "../../src/telegram/methods.ts";
import { withReference } from "../../src/telegram/methods_reference.ts";

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

Deno.test("docs/methods.md holds the lists generated from the method tables", async () => {
  const doc = await Deno.readTextFile(
    new URL("../../docs/methods.md", import.meta.url),
  );
  // `deno task docs` formats the file after writing it, so compare what the lists say.
  const listed = (text: string) =>
    [...text.matchAll(/^- `([^`]+)`/gm)].map((match) => match[1]);
  assertEquals(listed(doc), listed(withReference(doc)));
  // The left-out methods are paragraphs, which deno fmt may wrap differently.
  const leftOut = (text: string) =>
    text.slice(
      text.indexOf("## MTKruto's methods left out"),
      text.indexOf("## mtcute's methods"),
    ).replace(/\s+/g, " ");
  assertEquals(leftOut(doc), leftOut(withReference(doc)));
  const names = listed(doc).filter((item) => item.startsWith("mtcute."));
  assertEquals(names.sort(), allowed.map((name) => `mtcute.${name}`).sort());
});
