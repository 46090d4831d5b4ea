/**
 * Questions on the terminal: a line of input, or a hidden one for passwords.
 * On a TTY the terminal is in raw mode while a question waits, so that Ctrl-C
 * and Ctrl-D reach us as keys (and we can clean up) and hidden input is never
 * echoed. Between questions it stays in cbreak mode: still no echo, so a
 * password typed ahead while Telegram answers is not shown, but Ctrl-C raises
 * SIGINT. `close()` gives the terminal back as it was. Piped input (scripts)
 * is read line by line.
 */
import { EndOfInputError, InterruptedError } from "./errors.ts";
import { LineEditor } from "./line_editor.ts";

/** How the login talks to the operator. */
export interface Prompter {
  /** Asks a question and returns the answer, trimmed; throws InterruptedError or EndOfInputError. */
  ask(question: string): Promise<string>;
  /** Like `ask`, without showing what is typed (not even its length). */
  askHidden(question: string): Promise<string>;
  /** Shows a line of information. */
  say(line: string): void;
  /** Gives the terminal back as it was; call it before exiting. */
  close(): void;
}

/** The parts of `Deno.stdin` a prompter reads from. */
export interface PromptInput {
  read(buffer: Uint8Array): Promise<number | null>;
  isTerminal(): boolean;
  setRaw(raw: boolean, options?: { cbreak: boolean }): void;
}

/** Where questions go: stderr by default, so stdout holds only the result. */
export interface PromptOutput {
  writeSync(bytes: Uint8Array): number;
}

/** A Prompter over standard input and an output stream (standard error by default). */
export class TerminalPrompter implements Prompter {
  readonly #input: PromptInput;
  readonly #output: PromptOutput;
  readonly #encoder = new TextEncoder();
  readonly #decoder = new TextDecoder();
  /** Characters read but not yet used: keys typed ahead, or the rest of a piped chunk. */
  #pending: string[] = [];
  #ended = false;
  /** Whether the terminal's mode was changed (and must be restored by `close`). */
  #modeChanged = false;

  constructor(
    options: { input?: PromptInput; output?: PromptOutput } = {},
  ) {
    this.#input = options.input ?? Deno.stdin;
    this.#output = options.output ?? Deno.stderr;
  }

  ask(question: string): Promise<string> {
    return this.#question(question, false);
  }

  askHidden(question: string): Promise<string> {
    return this.#question(question, true);
  }

  say(line: string): void {
    this.#write(`${line}\n`);
  }

  close(): void {
    if (!this.#modeChanged) return;
    this.#modeChanged = false;
    this.#input.setRaw(false);
  }

  async #question(question: string, hidden: boolean): Promise<string> {
    this.#write(question);
    const answer = this.#input.isTerminal()
      ? await this.#editLine(hidden)
      : await this.#readPipedLine();
    return answer.trim();
  }

  async #editLine(hidden: boolean): Promise<string> {
    const editor = new LineEditor({ hidden });
    this.#modeChanged = true;
    this.#input.setRaw(true);
    try {
      for (;;) {
        const char = await this.#nextChar();
        if (char === undefined) {
          this.#write("\r\n");
          throw new EndOfInputError();
        }
        const { outcome, echo } = editor.feed(char);
        if (echo) this.#write(echo);
        if (outcome === "done") return editor.value;
        if (outcome === "interrupt") throw new InterruptedError();
        if (outcome === "end") throw new EndOfInputError();
      }
    } finally {
      this.#input.setRaw(true, { cbreak: true });
    }
  }

  async #readPipedLine(): Promise<string> {
    let line = "";
    for (;;) {
      const char = await this.#nextChar();
      if (char === undefined) {
        if (line === "") throw new EndOfInputError();
        break;
      }
      if (char === "\n") break;
      line += char;
    }
    // Piped input is not echoed by a terminal, so end the question's line ourselves.
    this.#write("\n");
    return line.replace(/\r$/, "");
  }

  /** The next typed character, or undefined at the end of input. */
  async #nextChar(): Promise<string | undefined> {
    while (this.#pending.length === 0) {
      if (this.#ended) return undefined;
      const buffer = new Uint8Array(1024);
      const count = await this.#input.read(buffer);
      if (count === null) {
        this.#ended = true;
        this.#pending.push(...this.#decoder.decode());
        continue;
      }
      // `stream: true` keeps a multi-byte character split across reads whole.
      this.#pending.push(
        ...this.#decoder.decode(buffer.subarray(0, count), { stream: true }),
      );
    }
    return this.#pending.shift();
  }

  #write(text: string): void {
    const bytes = this.#encoder.encode(text);
    let offset = 0;
    while (offset < bytes.length) {
      offset += this.#output.writeSync(bytes.subarray(offset));
    }
  }
}
