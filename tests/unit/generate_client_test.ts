/** client/mtkruto/'s generated files are current, and the extractor reads declarations as deno fmt lays them out. */
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import {
  generatedClientFiles,
  readDeclarations,
} from "../../src/mtkruto/generate_client.ts";
import type { UpdatePayloads } from "../../src/mtkruto/types/update.ts";
import type { UpdateKind } from "../../src/updates/kinds.ts";

const ROOT = new URL("../../", import.meta.url);

Deno.test("client/mtkruto/ holds what `deno task generate` writes from the server's types and method table", async () => {
  for (const [path, text] of Object.entries(await generatedClientFiles())) {
    assertEquals(
      await Deno.readTextFile(new URL(path, ROOT)),
      text,
      `${path} is stale: run deno task generate`,
    );
  }
});

Deno.test("the update payload types name exactly the update types the queue knows", () => {
  type Same<A, B> = [A] extends [B] ? [B] extends [A] ? true : false : false;
  const same: Same<UpdateKind, keyof UpdatePayloads> = true;
  assertEquals(same, true);
});

Deno.test("readDeclarations takes each declaration whole, with its JSDoc, whatever its brackets", () => {
  const source = [
    'import type { tl } from "@mtcute/core";',
    "",
    "/** A thing (see §4). */",
    "export interface Thing {",
    "  /** Its parts (some). */",
    "  parts: Array<{ id: number }>;",
    "  call: (value: string) => void;",
    "}",
    "",
    "type Either =",
    '  | { type: "a" }',
    '  | { type: "b"; list: Map<string, number[]> };',
    "",
    "export function renderThing(): Thing {",
    "  return { parts: [], call: () => {} };",
    "}",
  ].join("\n");
  assertEquals(
    readDeclarations("thing.ts", source).map(({ name, text }) => [name, text]),
    [
      ["Thing", source.split("\n").slice(2, 8).join("\n")],
      ["Either", source.split("\n").slice(9, 12).join("\n")],
    ],
  );
  assertThrowsWithMessage(
    () =>
      readDeclarations("broken.ts", "export interface Open {\n  a: string;"),
    Error,
    "unterminated declaration",
  );
});
