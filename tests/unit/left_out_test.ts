/** The left-out list names MTKruto methods the gateway does not serve, each once, each with a reason. */
import { assert, assertEquals } from "../assert.ts";
import { LEFT_OUT, leftOutNames } from "../../src/mtkruto/methods/left_out.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";

Deno.test("no left-out method is served, and none is listed twice", () => {
  const names = leftOutNames();
  assertEquals(names.filter((name) => dialectMethod(name)), []);
  assertEquals(names.length, new Set(names).size);
});

Deno.test("every group of left-out methods says why, and only the last holds the ones not built yet", () => {
  for (const group of LEFT_OUT) assert(group.reason.length > 40, group.reason);
  assert(LEFT_OUT.at(-1)!.reason.startsWith("Not served yet"));
});
