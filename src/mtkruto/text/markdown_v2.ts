/**
 * Telegram's MarkdownV2 (MTKruto's "Markdown" parse mode), read as the Bot
 * API reads it (TDLib's parse_markdown_v2), into text and MessageEntity[].
 * Offsets in error messages are UTF-16 indices into the source.
 */
import type { MessageEntity } from "../types/message_entity.ts";
import { entityError } from "./entity_error.ts";
import { EntityTextBuilder, type ParsedText } from "./entity_text.ts";
import { emojiOrDateTarget, linkTarget } from "./links.ts";
import {
  checkNesting,
  type Enclosing,
  enclosingInside,
  type NestingClass,
  type OpenEntity,
} from "./nesting.ts";

type MarkdownKind =
  | "bold"
  | "italic"
  | "underline"
  | "strikethrough"
  | "spoiler"
  | "code"
  | "pre"
  | "link"
  | "customEmoji"
  | "blockquote";

const KINDS: Record<MarkdownKind, { nesting: NestingClass; label: string }> = {
  bold: { nesting: "splittable", label: "the bold entity" },
  italic: { nesting: "splittable", label: "the italic entity" },
  underline: { nesting: "splittable", label: "the underline entity" },
  strikethrough: { nesting: "splittable", label: "the strikethrough entity" },
  spoiler: { nesting: "splittable", label: "the spoiler entity" },
  code: { nesting: "code", label: "the inline code" },
  pre: { nesting: "code", label: "the pre block" },
  link: { nesting: "atomic", label: "the link" },
  customEmoji: { nesting: "atomic", label: "the custom emoji or date" },
  blockquote: { nesting: "blockquote", label: "the blockquote" },
};

/** The characters that are markup outside code and pre; the newline only matters for blockquotes. */
const RESERVED = new Set("_*[]()~`>#+-=|{}.!\n");
const SPACES = new Set(" \t\r\n\v\0");

interface Frame extends OpenEntity {
  kind: MarkdownKind;
  /** Where its text starts in the output. */
  start: number;
  mark: number;
  opened: number;
  language: string;
  inside: Enclosing;
}

/** Whether `\` makes this code unit literal (any ASCII but NUL and DEL, as the Bot API says). */
function isEscapable(code: number): boolean {
  return code >= 1 && code <= 126;
}

/** Reads one MarkdownV2 source; an instance is used once. */
class MarkdownReader {
  readonly #source: string;
  readonly #out = new EntityTextBuilder();
  readonly #open: Frame[] = [];
  #opened = 0;
  /** A blockquote is open (it ends at a line that doesn't start with `>`). */
  #inQuote = false;
  /** Only whitespace and markup since the line started, so `>` starts a quote. */
  #atLineStart = true;

  constructor(source: string) {
    this.#source = source;
  }

  read(): ParsedText {
    const source = this.#source;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === "\\" && isEscapable(source.charCodeAt(i + 1))) {
        i++;
        this.#out.append(source[i]);
        if (source[i] !== "\r") this.#atLineStart = source[i] === "\n";
        continue;
      }
      const top = this.#open.at(-1);
      const inCode = top?.kind === "code" || top?.kind === "pre";
      if (inCode ? c !== "`" : !RESERVED.has(c)) {
        this.#out.append(c);
        if (c !== "\r") this.#atLineStart = false;
        continue;
      }
      i = top !== undefined && this.#closesTop(top, i)
        ? this.#close(i)
        : this.#start(i);
    }
    this.#endOfText();
    return this.#out.finish();
  }

  #closesTop(top: Frame, i: number): boolean {
    const source = this.#source;
    const c = source[i];
    if (this.#inQuote && c === "\n" && source[i + 1] !== ">") return true;
    switch (top.kind) {
      case "bold":
        return c === "*";
      case "italic":
        // "__" is always underline, so "___" inside italic opens an underline.
        return c === "_" && source[i + 1] !== "_";
      case "underline":
        return c === "_" && source[i + 1] === "_";
      case "strikethrough":
        return c === "~";
      case "spoiler":
        return c === "|" && source[i + 1] === "|";
      case "code":
        return c === "`";
      case "pre":
        return source.startsWith("```", i);
      case "link":
      case "customEmoji":
        return c === "]";
      case "blockquote":
        return false;
    }
  }

  /** Opens the entity whose markup starts at `i`; answers the index of its markup's last code unit. */
  #start(i: number): number {
    const source = this.#source;
    const at = i;
    let kind: MarkdownKind;
    let language = "";
    switch (source[i]) {
      case "_":
        kind = source[i + 1] === "_" ? "underline" : "italic";
        if (kind === "underline") i++;
        break;
      case "*":
        kind = "bold";
        break;
      case "~":
        kind = "strikethrough";
        break;
      case "|":
        if (source[i + 1] !== "|") throw this.#reserved(at);
        kind = "spoiler";
        i++;
        break;
      case "[":
        kind = "link";
        break;
      case "!":
        if (source[i + 1] !== "[") throw this.#reserved(at);
        kind = "customEmoji";
        i++;
        break;
      case "`":
        if (!source.startsWith("```", i)) {
          kind = "code";
          break;
        }
        kind = "pre";
        [language, i] = this.#preStart(i + 3);
        break;
      case "\n":
        this.#out.append("\n");
        this.#atLineStart = true;
        return i;
      case ">":
        if (!this.#atLineStart) throw this.#reserved(at);
        // Inside a quote, a leading ">" only continues it.
        if (this.#inQuote) return i;
        kind = "blockquote";
        this.#inQuote = true;
        break;
      default:
        throw this.#reserved(at);
    }
    const parent = this.#open.at(-1)?.inside ?? {};
    const frame: Frame = {
      kind,
      ...KINDS[kind],
      sourceOffset: at,
      start: this.#out.length,
      mark: this.#out.mark,
      opened: this.#opened++,
      language,
      inside: {},
    };
    checkNesting(frame, parent);
    frame.inside = enclosingInside(frame, parent);
    this.#open.push(frame);
    return i;
  }

  /** After "```" at `i`: the language (a word followed by whitespace) and the index before the text. */
  #preStart(i: number): [string, number] {
    const source = this.#source;
    let end = i;
    while (
      end < source.length && !SPACES.has(source[end]) && source[end] !== "`"
    ) {
      end++;
    }
    let language = "";
    if (end !== i && end < source.length && source[end] !== "`") {
      language = source.slice(i, end);
      i = end;
    }
    // One line break right after the opening is markup, not text.
    const first = source[i], second = source[i + 1];
    if (first === "\n" || first === "\r") {
      i += (second === "\n" || second === "\r") && first !== second ? 2 : 1;
    }
    return [language, i - 1];
  }

  /** Closes the innermost entity at `i`; answers the index of its markup's last code unit. */
  #close(i: number): number {
    const source = this.#source;
    let top = this.#open.at(-1)!;
    let collapsible = false;
    if (source[i] === "\n" && top.kind !== "blockquote") {
      // Only "||" right at the end of the line may be open: it marks the quote expandable.
      const marker = top.kind === "spoiler" &&
        (top.sourceOffset === i - 2 ||
          (top.sourceOffset === i - 3 && this.#out.lastCodeUnit() === "\r"));
      if (!marker) throw this.#unclosed(top, i);
      this.#open.pop();
      top = this.#open.at(-1)!;
      if (top.kind !== "blockquote") {
        throw this.#unclosed(top, i);
      }
      collapsible = true;
    }
    let entity: MessageEntity | undefined;
    const range = { offset: top.start, length: this.#out.length - top.start };
    switch (top.kind) {
      case "bold":
      case "italic":
      case "strikethrough":
      case "code":
        entity = { type: top.kind, ...range };
        break;
      case "underline":
      case "spoiler":
        entity = { type: top.kind, ...range };
        i++;
        break;
      case "pre":
        entity = { type: "pre", ...range, language: top.language };
        i += 2;
        break;
      case "link": {
        let url: string;
        if (source[i + 1] === "(") [url, i] = this.#readUrl(i + 2);
        else if (range.length > 0) url = this.#out.textFrom(top.mark);
        else break; // "[]": nothing to link, nothing to check
        const target = linkTarget(url);
        if ("problem" in target) {
          throw entityError(
            `${top.label} at offset ${top.sourceOffset}: ${target.problem}`,
          );
        }
        entity = target.value.type === "textMention"
          ? { type: "textMention", ...range, userId: target.value.userId }
          : { type: "textLink", ...range, url: target.value.url };
        break;
      }
      case "customEmoji": {
        if (source[i + 1] !== "(") {
          throw entityError(
            `${top.label} at offset ${top.sourceOffset} must be followed by (tg://emoji?id=…) or (tg://time?unix=…)`,
          );
        }
        let url: string;
        [url, i] = this.#readUrl(i + 2);
        const target = emojiOrDateTarget(url);
        if ("problem" in target) {
          throw entityError(
            `${top.label} at offset ${top.sourceOffset}: ${target.problem}`,
          );
        }
        entity = "customEmojiId" in target.value
          ? { type: "customEmoji", ...range, ...target.value }
          : { type: "dateTime", ...range, ...target.value };
        break;
      }
      case "blockquote":
        // The line break that ends the quote belongs to it.
        this.#out.append(source[i]);
        this.#atLineStart = true;
        this.#inQuote = false;
        range.length++;
        entity = collapsible
          ? { type: "blockquote", ...range, collapsible: true }
          : { type: "blockquote", ...range };
        break;
    }
    // Empty entities (as in "**" used as a separator) are dropped, as Telegram does.
    if (entity !== undefined && range.length > 0) {
      this.#out.add(entity, top.opened);
    }
    this.#open.pop();
    return i;
  }

  /** The URL in "(…)" starting at `begin`, unescaped; and the index of its ")". */
  #readUrl(begin: number): [string, number] {
    const source = this.#source;
    const pieces: string[] = [];
    let i = begin;
    while (i < source.length && source[i] !== ")") {
      if (source[i] === "\\" && isEscapable(source.charCodeAt(i + 1))) i++;
      pieces.push(source[i++]);
    }
    if (i >= source.length) {
      throw entityError(
        `can't find the end of the URL that starts at offset ${begin}`,
      );
    }
    return [pieces.join(""), i];
  }

  #endOfText(): void {
    if (this.#inQuote) {
      let top = this.#open.at(-1)!;
      let collapsible = false;
      if (
        top.kind === "spoiler" && top.sourceOffset === this.#source.length - 2
      ) {
        this.#open.pop();
        top = this.#open.at(-1)!;
        collapsible = true;
      }
      if (top.kind === "blockquote") {
        const range = {
          offset: top.start,
          length: this.#out.length - top.start,
        };
        if (range.length > 0) {
          this.#out.add(
            collapsible
              ? { type: "blockquote", ...range, collapsible: true }
              : { type: "blockquote", ...range },
            top.opened,
          );
        }
        this.#open.pop();
        this.#inQuote = false;
      }
    }
    const top = this.#open.at(-1);
    if (top !== undefined) throw this.#unclosed(top);
  }

  #reserved(at: number) {
    return entityError(
      `character '${
        this.#source[at]
      }' at offset ${at} is reserved and must be escaped with the preceding '\\'`,
    );
  }

  /** The error for an entity left open at the end of the text, or at the line break `quoteEnd` that ends its quote. */
  #unclosed(frame: Frame, quoteEnd?: number) {
    const where = quoteEnd === undefined
      ? ""
      : ` before the blockquote ends at offset ${quoteEnd}`;
    return entityError(
      `can't find the end of ${frame.label} that starts at offset ${frame.sourceOffset}${where}`,
    );
  }
}

/** Text and entities of a MarkdownV2 source; malformed markup throws InputError. */
export function parseMarkdownV2(source: string): ParsedText {
  return new MarkdownReader(source).read();
}
