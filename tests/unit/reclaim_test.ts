import { assert, assertEquals } from "../assert.ts";
import {
  configureFileGc,
  fileMemory,
  MemoryReclaimer,
} from "../../src/reclaim.ts";

function counting() {
  const calls: string[] = [];
  let loads = 0;
  const reclaimer = (every: number) =>
    new MemoryReclaimer(every, () => {
      loads++;
      return {
        collect: () => calls.push("collect"),
        trim: () => calls.push("trim"),
      };
    });
  return { calls, reclaimer, loads: () => loads };
}

Deno.test("MemoryReclaimer collects, then trims, once per interval of bytes", () => {
  const { calls, reclaimer, loads } = counting();
  const memory = reclaimer(1000);
  memory.note(400);
  memory.note(599);
  assertEquals(calls, []);
  // Nothing is loaded before the first reclaim.
  assertEquals(loads(), 0);
  memory.note(1);
  assertEquals(calls, ["collect", "trim"]);
  // The count starts again after a reclaim: a big chunk counts once.
  memory.note(5000);
  memory.note(999);
  assertEquals(memory.figures().collections, 2);
  assertEquals(loads(), 1);
});

Deno.test("MemoryReclaimer with an interval of 0 never reclaims", () => {
  const { calls, reclaimer } = counting();
  const memory = reclaimer(0);
  for (let i = 0; i < 100; i++) memory.note(1 << 20);
  assertEquals(calls, []);
  memory.configure(2);
  memory.note(2);
  assertEquals(calls, ["collect", "trim"]);
});

Deno.test("configureFileGc() sets this thread's reclaimer in MiB, and its collection frees dead buffers", () => {
  configureFileGc(1);
  const before = fileMemory.figures().collections;
  fileMemory.note(512 * 1024);
  assertEquals(fileMemory.figures().collections, before);
  let garbage: Uint8Array[] = [];
  for (let i = 0; i < 64; i++) garbage.push(new Uint8Array(1 << 20).fill(i));
  const held = Deno.memoryUsage().external;
  garbage = [];
  fileMemory.note(512 * 1024);
  assertEquals(fileMemory.figures().collections, before + 1);
  const after = Deno.memoryUsage().external;
  assert(
    held - after >= 48 << 20,
    `external memory went from ${held} to ${after} bytes`,
  );
  configureFileGc(0);
  fileMemory.note(64 << 20);
  assertEquals(fileMemory.figures().collections, before + 1);
  configureFileGc(4);
  assertEquals(garbage.length, 0);
});
