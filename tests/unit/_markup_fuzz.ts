/** Seeded random markup for the parse-mode tests: whatever comes in, only InputError may come out. */
import { InputError } from "../../src/errors.ts";
import type { ParsedText } from "../../src/mtkruto/text/entity_text.ts";
import { assert } from "../assert.ts";

/** Parses `count` random joins of `pieces`; fails on any error but InputError and on ranges outside the text. */
export function fuzzParser(
  parse: (source: string) => ParsedText,
  pieces: readonly string[],
  count: number,
): void {
  let seed = 12345;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let k = 0; k < count; k++) {
    let source = "";
    for (let j = 1 + random(12); j > 0; j--) {
      source += pieces[random(pieces.length)];
    }
    let parsed: ParsedText;
    try {
      parsed = parse(source);
    } catch (error) {
      assert(
        error instanceof InputError,
        `${JSON.stringify(source)} threw ${error}`,
      );
      continue;
    }
    for (const { offset, length } of parsed.entities) {
      assert(
        offset >= 0 && length > 0 && offset + length <= parsed.text.length,
        `${JSON.stringify(source)} gave the range ${offset}+${length}`,
      );
    }
  }
}
