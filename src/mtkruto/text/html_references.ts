/**
 * HTML character references as the Bot API reads them: &lt; &gt; &amp;
 * &quot; and numeric ones (the ";" may be left out). A "&" that starts no
 * reference stays literal, as Telegram leaves it; an unknown named
 * reference or an impossible code point is an error.
 */
import { entityError } from "./entity_error.ts";

const NAMED: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
};

/** A decoded reference: its text and the index just past it. */
export interface Reference {
  text: string;
  end: number;
}

const isDigit = (c: string | undefined) =>
  c !== undefined && c >= "0" && c <= "9";
const isHexDigit = (c: string | undefined) =>
  c !== undefined && /^[0-9A-Fa-f]$/.test(c);
const isLetter = (c: string | undefined) =>
  c !== undefined && /^[A-Za-z]$/.test(c);

/** The reference at `at` (where `&` is), or undefined when the `&` is literal. */
export function decodeReference(
  source: string,
  at: number,
): Reference | undefined {
  let end = at + 1;
  if (source[end] === "#") {
    end++;
    const hex = source[end] === "x" || source[end] === "X";
    if (hex) end++;
    const digitsStart = end;
    while (hex ? isHexDigit(source[end]) : isDigit(source[end])) end++;
    if (end === digitsStart) return undefined;
    const digits = source.slice(digitsStart, end);
    if (source[end] === ";") end++;
    // Past 8 digits it is out of range whatever they are; parseInt stays exact below that.
    const code = digits.length > 8 ? Infinity : parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff) {
      throw entityError(
        `the character reference ${
          JSON.stringify(source.slice(at, end))
        } at offset ${at} is not a valid code point`,
      );
    }
    // Surrogates pass as code units: a pair of references makes one character.
    return {
      text: code <= 0xffff
        ? String.fromCharCode(code)
        : String.fromCodePoint(code),
      end,
    };
  }
  while (isLetter(source[end])) end++;
  const name = source.slice(at + 1, end);
  const text = NAMED[name];
  if (text !== undefined) {
    return { text, end: source[end] === ";" ? end + 1 : end };
  }
  if (name !== "" && source[end] === ";") {
    throw entityError(
      `unsupported HTML entity "&${name};" at offset ${at}; only &lt;, &gt;, &amp;, &quot; and numeric references are supported`,
    );
  }
  return undefined;
}
