/** The text a parse mode builds, with its entities, in UTF-16 offsets as Telegram counts them. */
import type { MessageEntity } from "../types/message_entity.ts";

/** What a parse mode answers: the plain text and its entities, sorted. */
export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

/** Collects text in pieces (so long inputs stay linear) and entities with the order they were opened in. */
export class EntityTextBuilder {
  #parts: string[] = [];
  #entities: { entity: MessageEntity; opened: number }[] = [];
  /** The text's length so far in UTF-16 code units: the offset of what comes next. */
  length = 0;

  /** Adds text at the end. */
  append(text: string): void {
    this.#parts.push(text);
    this.length += text.length;
  }

  /** A position to read the text from later (see `textFrom`). */
  get mark(): number {
    return this.#parts.length;
  }

  /** The text appended since `mark` was taken. */
  textFrom(mark: number): string {
    return this.#parts.slice(mark).join("");
  }

  /** The last code unit appended, if any. */
  lastCodeUnit(): string | undefined {
    return this.#parts.at(-1)?.at(-1);
  }

  /** Records an entity; `opened` orders entities of the same range, outer (opened first) before inner. */
  add(entity: MessageEntity, opened: number): void {
    this.#entities.push({ entity, opened });
  }

  /** The text and its entities by offset, longer first, then outer first. */
  finish(): ParsedText {
    const entities = this.#entities
      .sort((a, b) =>
        a.entity.offset - b.entity.offset ||
        b.entity.length - a.entity.length ||
        a.opened - b.opened
      )
      .map(({ entity }) => entity);
    return { text: this.#parts.join(""), entities };
  }
}
