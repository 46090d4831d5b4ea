/**
 * Line editing for a terminal in raw mode: the keys a person types become a
 * line, and what to echo back. Pure, so the key handling is testable without
 * a terminal.
 */

/** What a key did to the line. */
export type KeyOutcome = "continue" | "done" | "interrupt" | "end";

/** The result of one key: its outcome and the bytes to write back to the terminal. */
export interface KeyResult {
  outcome: KeyOutcome;
  echo: string;
}

const CTRL_C = "\x03";
const CTRL_D = "\x04";
const CTRL_U = "\x15";
const ESCAPE = "\x1b";
const BACKSPACES = new Set(["\x7f", "\b"]);
const ERASE = "\b \b";
// Raw mode may turn off output post-processing, so line ends carry their own \r.
const NEWLINE = "\r\n";

/** One line being typed. `hidden` lines echo nothing at all (not even their length). */
export class LineEditor {
  #chars: string[] = [];
  /** Inside an escape sequence (arrow keys and the like), which is skipped whole. */
  #escape: "none" | "start" | "csi" = "none";

  constructor(readonly options: { hidden: boolean }) {}

  /** The text typed so far. */
  get value(): string {
    return this.#chars.join("");
  }

  /** Applies one character (a whole code point) typed by the user. */
  feed(char: string): KeyResult {
    if (this.#escape !== "none") return this.#skipEscape(char);
    if (char === "\r" || char === "\n") return done(NEWLINE);
    if (char === CTRL_C) return { outcome: "interrupt", echo: `^C${NEWLINE}` };
    // Ctrl-D ends the input only on an empty line, as a shell does.
    if (char === CTRL_D) {
      return this.#chars.length === 0
        ? { outcome: "end", echo: NEWLINE }
        : keep("");
    }
    if (BACKSPACES.has(char)) return keep(this.#erase(1));
    if (char === CTRL_U) return keep(this.#erase(this.#chars.length));
    if (char === ESCAPE) {
      this.#escape = "start";
      return keep("");
    }
    // Other control characters (tab, Ctrl-Z, …) mean nothing here.
    if (char < " ") return keep("");
    this.#chars.push(char);
    return keep(this.options.hidden ? "" : char);
  }

  #erase(count: number): string {
    const removed = this.#chars.splice(Math.max(0, this.#chars.length - count));
    return this.options.hidden ? "" : ERASE.repeat(removed.length);
  }

  // ESC [ … final-byte (CSI) or ESC O x (SS3) or ESC x: see ECMA-48.
  #skipEscape(char: string): KeyResult {
    if (this.#escape === "start") {
      this.#escape = char === "[" || char === "O" ? "csi" : "none";
      return keep("");
    }
    if (char >= "@" && char <= "~") this.#escape = "none";
    return keep("");
  }
}

function keep(echo: string): KeyResult {
  return { outcome: "continue", echo };
}

function done(echo: string): KeyResult {
  return { outcome: "done", echo };
}
