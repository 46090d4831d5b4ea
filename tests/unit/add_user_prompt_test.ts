import { assertEquals, assertRejects } from "../assert.ts";
import { TerminalPrompter } from "../../src/add_user/prompt.ts";
import type { PromptInput } from "../../src/add_user/prompt.ts";
import {
  EndOfInputError,
  InterruptedError,
} from "../../src/add_user/errors.ts";

/** Standard input that delivers `chunks` one read at a time, then ends. */
function fakeInput(chunks: (string | Uint8Array)[], terminal: boolean) {
  const encoder = new TextEncoder();
  const modes: string[] = [];
  const queue = chunks.map((chunk) =>
    typeof chunk === "string" ? encoder.encode(chunk) : chunk
  );
  const input: PromptInput = {
    read(buffer) {
      const chunk = queue.shift();
      if (!chunk) return Promise.resolve(null);
      buffer.set(chunk);
      return Promise.resolve(chunk.length);
    },
    isTerminal: () => terminal,
    setRaw: (raw, options) =>
      void modes.push(raw ? (options?.cbreak ? "cbreak" : "raw") : "cooked"),
  };
  return { input, modes };
}

function fakeOutput() {
  const decoder = new TextDecoder();
  let text = "";
  return {
    output: {
      writeSync(bytes: Uint8Array) {
        text += decoder.decode(bytes);
        return bytes.length;
      },
    },
    text: () => text,
  };
}

Deno.test("TerminalPrompter edits lines in raw mode and keeps keys typed ahead", async () => {
  // Both answers arrive in one read, the way a fast typist (or tmux) sends them.
  const { input, modes } = fakeInput(["+1555\x7f5\r123", "45\r"], true);
  const out = fakeOutput();
  const prompter = new TerminalPrompter({ input, output: out.output });
  assertEquals(await prompter.ask("Phone: "), "+1555");
  assertEquals(await prompter.askHidden("Password: "), "12345");
  assertEquals(out.text(), "Phone: +1555\b \b5\r\nPassword: \r\n");
  // Raw mode is on only while a question waits.
  // Raw while a question waits, no echo (cbreak) between questions, as before after close().
  assertEquals(modes, ["raw", "cbreak", "raw", "cbreak"]);
  prompter.close();
  prompter.close();
  assertEquals(modes.at(-1), "cooked");
  assertEquals(modes.length, 5);
});

Deno.test("TerminalPrompter throws InterruptedError on Ctrl-C, then close() restores the terminal", async () => {
  const { input, modes } = fakeInput(["12\x03"], true);
  const prompter = new TerminalPrompter({ input, output: fakeOutput().output });
  await assertRejects(prompter.ask("Code: "), InterruptedError);
  prompter.close();
  assertEquals(modes, ["raw", "cbreak", "cooked"]);
});

Deno.test("TerminalPrompter throws EndOfInputError when the terminal input ends", async () => {
  const { input } = fakeInput([], true);
  const prompter = new TerminalPrompter({ input, output: fakeOutput().output });
  await assertRejects(prompter.ask("Phone: "), EndOfInputError);
});

Deno.test("TerminalPrompter reads piped input line by line", async () => {
  const { input, modes } = fakeInput(
    ["+15550001\r\n12", "345\nlast"],
    false,
  );
  const prompter = new TerminalPrompter({ input, output: fakeOutput().output });
  assertEquals(await prompter.ask("Phone: "), "+15550001");
  assertEquals(await prompter.ask("Code: "), "12345");
  // A last line without a newline still counts; after it, the input has ended.
  assertEquals(await prompter.askHidden("Password: "), "last");
  await assertRejects(prompter.ask("More: "), EndOfInputError);
  prompter.close();
  assertEquals(modes, []);
});

Deno.test("TerminalPrompter keeps a character split across reads whole", async () => {
  const bytes = new TextEncoder().encode("ä\n");
  const { input } = fakeInput([bytes.subarray(0, 1), bytes.subarray(1)], false);
  const prompter = new TerminalPrompter({ input, output: fakeOutput().output });
  assertEquals(await prompter.ask("Name: "), "ä");
});
