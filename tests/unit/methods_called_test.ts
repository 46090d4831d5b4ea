/**
 * docs/methods.md lists no method the end-to-end tests do not call: each
 * method of the dialect's table is named, as a method is called, in a test
 * that runs the real CLI against the DC emulator.
 */
import { assertEquals } from "../assert.ts";
import { DIALECT_AREAS } from "../../src/mtkruto/methods/table.ts";

/** Where the end-to-end tests are: all of tests/e2e, and the client's e2e files (its others use a fake client). */
const E2E_FILES = [
  { dir: "../e2e/", name: /\.ts$/ },
  { dir: "../client/", name: /(^_e2e_|e2e.*\.ts$)/ },
];

async function e2eSources(): Promise<string> {
  const texts: string[] = [];
  for (const { dir, name } of E2E_FILES) {
    const url = new URL(dir, import.meta.url);
    for await (const entry of Deno.readDir(url)) {
      if (entry.isFile && name.test(entry.name)) {
        texts.push(await Deno.readTextFile(new URL(entry.name, url)));
      }
    }
  }
  return texts.join("\n");
}

Deno.test("every method of the dialect is called by an end-to-end test", async () => {
  const sources = await e2eSources();
  // Called as `ok(…, "name", …)`, `call(…, "name")`, `client.name(` or in a URL path.
  const called = (name: string) =>
    new RegExp(`["'\`/.]${name}["'\`(?]`).test(sources);
  const uncalled = Object.values(DIALECT_AREAS).flat()
    .map((method) => method.name)
    .filter((name) => !called(name));
  assertEquals(uncalled, []);
});
