/**
 * Start tags of the Bot API's HTML: the supported names and how a start tag
 * is read (TDLib's rules: names case-insensitive, attribute values quoted or
 * a bare token of letters, digits, "." and "-", attributes without a value).
 */
import { entityError } from "./entity_error.ts";
import { decodeReference } from "./html_references.ts";

/** What a tag stands for. */
export type HtmlKind =
  | "bold"
  | "italic"
  | "underline"
  | "strikethrough"
  | "spoiler"
  | "link"
  | "customEmoji"
  | "dateTime"
  | "code"
  | "pre"
  | "blockquote";

/** The supported tags by lower-case name. */
export const HTML_TAGS: ReadonlyMap<string, HtmlKind> = new Map([
  ["b", "bold"],
  ["strong", "bold"],
  ["i", "italic"],
  ["em", "italic"],
  ["u", "underline"],
  ["ins", "underline"],
  ["s", "strikethrough"],
  ["strike", "strikethrough"],
  ["del", "strikethrough"],
  ["tg-spoiler", "spoiler"],
  ["span", "spoiler"],
  ["a", "link"],
  ["tg-emoji", "customEmoji"],
  ["tg-time", "dateTime"],
  ["code", "code"],
  ["pre", "pre"],
  ["blockquote", "blockquote"],
]);

/** A start tag as read: lower-case name, attributes (`true` when given without a value), index of its ">". */
export interface StartTag {
  name: string;
  kind: HtmlKind;
  attributes: Map<string, string | true>;
  end: number;
}

const SPACES = new Set(" \t\r\n\v\0");
const ATTRIBUTE_NAME_END = new Set(" \t\r\n\v\0=>/\"'");
const TOKEN = /[A-Za-z0-9.-]/;

/** Reads the start tag whose "<" is at `begin`. */
export function readStartTag(source: string, begin: number): StartTag {
  const unclosed = () =>
    entityError(`unclosed start tag at offset ${begin}: ">" is missing`);
  let i = begin + 1;
  while (i < source.length && !SPACES.has(source[i]) && source[i] !== ">") i++;
  if (i >= source.length) throw unclosed();
  const name = source.slice(begin + 1, i).toLowerCase();
  if (name === "") {
    throw entityError(
      `"<" at offset ${begin} starts no tag; write a literal "<" as &lt;`,
    );
  }
  const kind = HTML_TAGS.get(name);
  if (kind === undefined) {
    throw entityError(
      `unsupported start tag ${
        JSON.stringify(name)
      } at offset ${begin}; the tags are ${[...HTML_TAGS.keys()].join(", ")}`,
    );
  }
  const attributes = new Map<string, string | true>();
  for (;;) {
    while (i < source.length && SPACES.has(source[i])) i++;
    if (i >= source.length) throw unclosed();
    if (source[i] === ">") break;
    const nameBegin = i;
    while (i < source.length && !ATTRIBUTE_NAME_END.has(source[i])) i++;
    const attribute = source.slice(nameBegin, i);
    if (attribute === "") {
      throw entityError(
        `unexpected ${
          JSON.stringify(source[i])
        } at offset ${i} in the tag "${name}" that starts at offset ${begin}`,
      );
    }
    while (i < source.length && SPACES.has(source[i])) i++;
    if (source[i] !== "=") {
      attributes.set(attribute, true);
      continue;
    }
    i++;
    while (i < source.length && SPACES.has(source[i])) i++;
    if (i >= source.length) throw unclosed();
    let value: string;
    [value, i] = readAttributeValue(source, i, name, begin);
    attributes.set(attribute, value);
  }
  return { name, kind, attributes, end: i };
}

/** The value at `i` (quoted, with references decoded; or a bare token, lower-cased) and the index past it. */
function readAttributeValue(
  source: string,
  i: number,
  tag: string,
  begin: number,
): [string, number] {
  const quote = source[i];
  if (quote !== '"' && quote !== "'") {
    const tokenBegin = i;
    while (i < source.length && TOKEN.test(source[i])) i++;
    if (i < source.length && !SPACES.has(source[i]) && source[i] !== ">") {
      throw entityError(
        `unexpected ${
          JSON.stringify(source[i])
        } at offset ${i} in an unquoted attribute value of the tag "${tag}" that starts at offset ${begin}; quote the value`,
      );
    }
    return [source.slice(tokenBegin, i).toLowerCase(), i];
  }
  const pieces: string[] = [];
  const quoteAt = i++;
  while (i < source.length && source[i] !== quote) {
    const reference = source[i] === "&"
      ? decodeReference(source, i)
      : undefined;
    if (reference !== undefined) {
      pieces.push(reference.text);
      i = reference.end;
    } else {
      pieces.push(source[i++]);
    }
  }
  if (i >= source.length) {
    throw entityError(
      `unclosed start tag at offset ${begin}: the attribute value quoted at offset ${quoteAt} never ends`,
    );
  }
  return [pieces.join(""), i + 1];
}
