/**
 * The Bot API's HTML (MTKruto's "HTML" parse mode), read as the Bot API reads
 * it (TDLib's parse_html), into text and MessageEntity[]. Offsets in error
 * messages are UTF-16 indices into the source.
 */
import type { MessageEntity } from "../types/message_entity.ts";
import { entityError } from "./entity_error.ts";
import { EntityTextBuilder, type ParsedText } from "./entity_text.ts";
import { decodeReference } from "./html_references.ts";
import { type HtmlKind, readStartTag, type StartTag } from "./html_tags.ts";
import {
  checkCustomEmojiId,
  checkDateTime,
  type Checked,
  linkTarget,
} from "./links.ts";
import {
  checkNesting,
  type Enclosing,
  enclosingInside,
  type NestingClass,
  type OpenEntity,
} from "./nesting.ts";

const NESTING: Record<HtmlKind, NestingClass> = {
  bold: "splittable",
  italic: "splittable",
  underline: "splittable",
  strikethrough: "splittable",
  spoiler: "splittable",
  link: "atomic",
  customEmoji: "atomic",
  dateTime: "atomic",
  code: "code",
  pre: "code",
  blockquote: "blockquote",
};

/** What a start tag's attributes say, checked when the tag is read. */
interface TagData {
  href?: string;
  language?: string;
  customEmojiId?: string;
  dateTime?: number;
  format?: string;
  collapsible?: true;
}

interface Frame extends OpenEntity {
  tag: string;
  kind: HtmlKind;
  start: number;
  mark: number;
  opened: number;
  inside: Enclosing;
  data: TagData;
  /** For `<code>` that opens a `<pre>`: it gives the pre its language. */
  languageOfPre?: Frame;
  /** For `<pre>`: where its `<code>` ended, and the language it gave. */
  code?: { end: number; language: string };
}

const SPACES = new Set(" \t\r\n\v\0");

/** The checked value of a tag's attribute, or an error naming the tag. */
function attributeValue<T>(
  checked: Checked<T>,
  tag: StartTag,
  begin: number,
): T {
  if ("problem" in checked) {
    throw entityError(
      `the tag "${tag.name}" at offset ${begin}: ${checked.problem}`,
    );
  }
  return checked.value;
}

/** The data of a start tag's attributes; attributes a tag doesn't use are ignored, as Telegram does. */
function tagData(tag: StartTag, begin: number): TagData {
  const text = (name: string) => {
    const value = tag.attributes.get(name);
    return value === true ? "" : value;
  };
  switch (tag.kind) {
    case "link":
      return { href: text("href") ?? "" };
    case "code": {
      const language = text("class");
      return language?.startsWith("language-")
        ? { language: language.slice("language-".length) }
        : {};
    }
    case "spoiler":
      if (tag.name === "span" && text("class") !== "tg-spoiler") {
        throw entityError(
          `the tag "span" at offset ${begin} must have class="tg-spoiler"`,
        );
      }
      return {};
    case "customEmoji":
      return {
        customEmojiId: attributeValue(
          checkCustomEmojiId(text("emoji-id")),
          tag,
          begin,
        ),
      };
    case "dateTime":
      return attributeValue(
        checkDateTime(text("unix"), text("format")),
        tag,
        begin,
      );
    case "blockquote":
      return tag.attributes.has("expandable") ? { collapsible: true } : {};
    default:
      return {};
  }
}

/** Reads one HTML source; an instance is used once. */
class HtmlReader {
  readonly #source: string;
  readonly #out = new EntityTextBuilder();
  readonly #open: Frame[] = [];
  #opened = 0;
  #hadSurrogateReference = false;

  constructor(source: string) {
    this.#source = source;
  }

  read(): ParsedText {
    const source = this.#source;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === "&") {
        const reference = decodeReference(source, i);
        if (reference !== undefined) {
          this.#out.append(reference.text);
          if (/[\uD800-\uDFFF]/.test(reference.text)) {
            this.#hadSurrogateReference = true;
          }
          i = reference.end - 1;
          continue;
        }
      }
      if (c !== "<") {
        this.#out.append(c);
        continue;
      }
      i = source[i + 1] === "/" ? this.#endTag(i) : this.#startTag(i);
    }
    const top = this.#open.at(-1);
    if (top !== undefined) {
      throw entityError(
        `can't find the end tag of "${top.tag}" that starts at offset ${top.sourceOffset}`,
      );
    }
    const parsed = this.#out.finish();
    if (this.#hadSurrogateReference && !parsed.text.isWellFormed()) {
      throw entityError(
        "the text holds an unpaired surrogate after decoding character references",
      );
    }
    return parsed;
  }

  /** Opens the tag at `begin`; answers the index of its ">". */
  #startTag(begin: number): number {
    const tag = readStartTag(this.#source, begin);
    const parent = this.#open.at(-1);
    const frame: Frame = {
      tag: tag.name,
      kind: tag.kind,
      nesting: NESTING[tag.kind],
      label: `the tag "${tag.name}"`,
      sourceOffset: begin,
      start: this.#out.length,
      mark: this.#out.mark,
      opened: this.#opened++,
      inside: {},
      data: tagData(tag, begin),
    };
    // <pre><code class="language-…"> is how HTML names a pre's language.
    const givesLanguage = tag.kind === "code" && parent?.kind === "pre" &&
      parent.code === undefined && parent.start === this.#out.length;
    if (givesLanguage) frame.languageOfPre = parent;
    else checkNesting(frame, parent?.inside ?? {});
    frame.inside = enclosingInside(frame, parent?.inside ?? {});
    this.#open.push(frame);
    return tag.end;
  }

  /** Closes the innermost tag with the end tag at `begin`; answers the index of its ">". */
  #endTag(begin: number): number {
    const source = this.#source;
    const top = this.#open.at(-1);
    if (top === undefined) {
      throw entityError(
        `unexpected end tag at offset ${begin}: no tag is open`,
      );
    }
    let i = begin + 2;
    while (i < source.length && !SPACES.has(source[i]) && source[i] !== ">") {
      i++;
    }
    const name = source.slice(begin + 2, i).toLowerCase();
    while (i < source.length && SPACES.has(source[i])) i++;
    if (source[i] !== ">") {
      throw entityError(`unclosed end tag at offset ${begin}: ">" is missing`);
    }
    // "</>" closes whatever is open, as Telegram allows.
    if (name !== "" && name !== top.tag) {
      throw entityError(
        `unmatched end tag at offset ${begin}: expected "</${top.tag}>", found "</${name}>"`,
      );
    }
    this.#open.pop();
    this.#close(top);
    return i;
  }

  #close(frame: Frame): void {
    const range = {
      offset: frame.start,
      length: this.#out.length - frame.start,
    };
    if (frame.languageOfPre !== undefined) {
      frame.languageOfPre.code = {
        end: this.#out.length,
        language: frame.data.language ?? "",
      };
      return;
    }
    if (
      frame.kind === "pre" && frame.code !== undefined &&
      frame.code.end !== this.#out.length
    ) {
      throw entityError(
        `the tag "pre" at offset ${frame.sourceOffset} has text after its "code": a "code" inside "pre" must hold all of the pre's text`,
      );
    }
    // Empty tags make no entity, as in Telegram; a link is checked all the same.
    const entity = this.#entity(frame, range);
    if (entity !== undefined && range.length > 0) {
      this.#out.add(entity, frame.opened);
    }
  }

  #entity(
    frame: Frame,
    range: { offset: number; length: number },
  ): MessageEntity | undefined {
    const { data } = frame;
    switch (frame.kind) {
      case "bold":
      case "italic":
      case "underline":
      case "strikethrough":
      case "spoiler":
      case "code":
        return { type: frame.kind, ...range };
      case "pre":
        return { type: "pre", ...range, language: frame.code?.language ?? "" };
      case "blockquote":
        return data.collapsible
          ? { type: "blockquote", ...range, collapsible: true }
          : { type: "blockquote", ...range };
      case "customEmoji":
        return {
          type: "customEmoji",
          ...range,
          customEmojiId: data.customEmojiId!,
        };
      case "dateTime":
        return data.format
          ? {
            type: "dateTime",
            ...range,
            dateTime: data.dateTime!,
            format: data.format,
          }
          : { type: "dateTime", ...range, dateTime: data.dateTime! };
      case "link": {
        // Without href the text is the URL.
        const url = data.href || this.#out.textFrom(frame.mark);
        if (url === "") return undefined;
        const target = linkTarget(url);
        if ("problem" in target) {
          throw entityError(
            `the tag "${frame.tag}" at offset ${frame.sourceOffset}: ${target.problem}`,
          );
        }
        return target.value.type === "textMention"
          ? { type: "textMention", ...range, userId: target.value.userId }
          : { type: "textLink", ...range, url: target.value.url };
      }
    }
  }
}

/** Text and entities of a Bot API HTML source; malformed markup throws InputError. */
export function parseHtml(source: string): ParsedText {
  return new HtmlReader(source).read();
}
