/**
 * MTKruto's text input: `text` with `parseMode` ("HTML" or "Markdown", the
 * latter being MarkdownV2) and/or explicit `entities`, turned into the text
 * and TL entities mtcute sends. As MTKruto 0.216.0 does, explicit entities
 * and parsed ones are both kept (explicit ones count in the parsed text),
 * trailing whitespace is trimmed, entities are cut to the trimmed text and
 * empty ones dropped, and an empty text is refused unless allowed.
 */
import type { tl } from "@mtcute/core";
import { describeValue } from "../../describe_value.ts";
import { InputError } from "../../errors.ts";
import type { MessageEntity } from "../types/message_entity.ts";
import type { ParsedText } from "./entity_text.ts";
import { parseHtml } from "./html.ts";
import { checkEntities, entityToTl } from "./input_entities.ts";
import { parseMarkdownV2 } from "./markdown_v2.ts";

export { toTlEntities } from "./input_entities.ts";

/** The parse modes MTKruto knows. */
export type ParseMode = "HTML" | "Markdown";

/** How the fields are named in errors, and whether the text may end up empty. */
export interface ParseTextContext {
  /** The text's name (default "text"), e.g. "params.caption". */
  textName?: string;
  /** The parse mode's key inside `path` (default "parseMode"), e.g. "questionParseMode". */
  parseModeKey?: string;
  /** The entities' key inside `path` (default "entities"), e.g. "captionEntities". */
  entitiesKey?: string;
  /** Whether an empty text is fine (captions); default false, as for messages. */
  allowEmpty?: boolean;
}

const PARSERS: Record<ParseMode, (source: string) => ParsedText> = {
  HTML: parseHtml,
  Markdown: parseMarkdownV2,
};

/** A parse mode argument: "HTML", "Markdown", or null/undefined for plain text. */
export function toParseMode(value: unknown, path: string): ParseMode | null {
  if (value === undefined || value === null) return null;
  if (value === "HTML" || value === "Markdown") return value;
  throw new InputError(
    `${path} must be "HTML", "Markdown" or null; got ${describeValue(value)}`,
  );
}

/** The text parsed by `mode`, its errors prefixed with the text's name. */
function parse(text: string, mode: ParseMode | null, textName: string) {
  if (mode === null) return { text, entities: [] };
  try {
    return PARSERS[mode](text);
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(`${textName}: ${error.message}`);
    }
    throw error;
  }
}

/** Explicit entities must lie within the text they are given for. */
function checkBounds(
  entities: readonly MessageEntity[],
  text: string,
  path: string,
): void {
  entities.forEach((entity, i) => {
    const end = entity.offset + entity.length;
    if (end > text.length) {
      throw new InputError(
        `${path}[${i}] ends at ${end}, past the end of the text (${text.length} UTF-16 code units)`,
      );
    }
  });
}

/** Entities cut to `length` (the trimmed text's), empty ones left out, by offset and outer first. */
function fitEntities(
  entities: readonly MessageEntity[],
  length: number,
): MessageEntity[] {
  return entities
    .map((entity) => ({
      ...entity,
      length: Math.min(entity.length, length - entity.offset),
    }))
    .filter((entity) => entity.length > 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/**
 * Checks `text`, `options.parseMode` and `options.entities` (errors name
 * `${path}.parseMode` and `${path}.entities[i].field`) and answers what
 * mtcute sends as InputText.
 */
export function parseText(
  text: unknown,
  options: { parseMode?: unknown; entities?: unknown },
  path: string,
  context: ParseTextContext = {},
): { text: string; entities: tl.TypeMessageEntity[] } {
  const {
    textName = "text",
    parseModeKey = "parseMode",
    entitiesKey = "entities",
    allowEmpty = false,
  } = context;
  if (typeof text !== "string") {
    throw new InputError(
      `${textName} must be a string; got ${describeValue(text)}`,
    );
  }
  const mode = toParseMode(options.parseMode, `${path}.${parseModeKey}`);
  const entitiesPath = `${path}.${entitiesKey}`;
  const explicit = checkEntities(options.entities, entitiesPath);
  const parsed = parse(text, mode, textName);
  checkBounds(explicit, parsed.text, entitiesPath);
  const trimmed = parsed.text.trimEnd();
  if (!allowEmpty && trimmed === "") {
    throw new InputError(`${textName} must not be empty`);
  }
  const entities = fitEntities(
    [...explicit, ...parsed.entities],
    trimmed.length,
  );
  return { text: trimmed, entities: entities.map(entityToTl) };
}
