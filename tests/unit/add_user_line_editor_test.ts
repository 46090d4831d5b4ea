import { assertEquals } from "../assert.ts";
import { LineEditor } from "../../src/add_user/line_editor.ts";
import type { KeyResult } from "../../src/add_user/line_editor.ts";

function type(editor: LineEditor, keys: string): KeyResult[] {
  return [...keys].map((key) => editor.feed(key));
}

Deno.test("LineEditor echoes typed characters and finishes on Enter", () => {
  const editor = new LineEditor({ hidden: false });
  const results = type(editor, "+15\r");
  assertEquals(results.map((r) => r.echo).join(""), "+15\r\n");
  assertEquals(results.at(-1)?.outcome, "done");
  assertEquals(editor.value, "+15");
});

Deno.test("LineEditor erases with backspace and Ctrl-U", () => {
  const editor = new LineEditor({ hidden: false });
  const results = type(editor, "12x\x7f3\b");
  assertEquals(editor.value, "12");
  assertEquals(results[3].echo, "\b \b");
  type(editor, "\x15");
  assertEquals(editor.value, "");
  // Backspace on an empty line erases nothing on the screen either.
  assertEquals(editor.feed("\x7f").echo, "");
});

Deno.test("LineEditor hides input entirely when hidden", () => {
  const editor = new LineEditor({ hidden: true });
  const results = type(editor, "secret\x7f");
  assertEquals(results.map((r) => r.echo).join(""), "");
  assertEquals(editor.value, "secre");
  assertEquals(editor.feed("\r"), { outcome: "done", echo: "\r\n" });
});

Deno.test("LineEditor reports Ctrl-C as an interrupt", () => {
  const editor = new LineEditor({ hidden: false });
  type(editor, "12");
  assertEquals(editor.feed("\x03").outcome, "interrupt");
});

Deno.test("LineEditor ends the input on Ctrl-D only on an empty line", () => {
  const editor = new LineEditor({ hidden: false });
  type(editor, "1");
  assertEquals(editor.feed("\x04").outcome, "continue");
  type(editor, "\x7f");
  assertEquals(editor.feed("\x04").outcome, "end");
});

Deno.test("LineEditor skips escape sequences and other control keys", () => {
  const editor = new LineEditor({ hidden: false });
  // Left arrow (CSI D), F1 (SS3 P), Alt-x, Tab.
  const results = type(editor, "1\x1b[D2\x1bOP3\x1bx4\t5");
  assertEquals(editor.value, "12345");
  assertEquals(results.map((r) => r.echo).join(""), "12345");
});

Deno.test("LineEditor keeps characters beyond ASCII whole", () => {
  const editor = new LineEditor({ hidden: false });
  type(editor, "pä🔑\x7f");
  assertEquals(editor.value, "pä");
});
