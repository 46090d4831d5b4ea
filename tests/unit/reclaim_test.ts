import { assert, assertEquals } from "../assert.ts";
import {
  configureFileGc,
  fileMemory,
  MemoryReclaimer,
} from "../../src/reclaim.ts";

const MIB = 1024 * 1024;

/** A reclaimer whose collections, trims and external memory are recorded and set by the test. */
function counting(growthBytes: number) {
  const calls: string[] = [];
  let loads = 0;
  const memory = { external: 0 };
  const reclaimer = new MemoryReclaimer(growthBytes, () => {
    loads++;
    return {
      collect: () => {
        calls.push("collect");
        memory.external = 0;
      },
      trim: () => calls.push("trim"),
      external: () => memory.external,
    };
  });
  return { calls, reclaimer, memory, loads: () => loads };
}

Deno.test("MemoryReclaimer trims every 4 MiB of file data and collects only once buffers grew enough", () => {
  const { calls, reclaimer, memory, loads } = counting(16 * MIB);
  reclaimer.note(3 * MIB);
  assertEquals(calls, []);
  // Nothing is loaded before the first look at the memory.
  assertEquals(loads(), 0);
  memory.external = 15 * MIB;
  reclaimer.note(1 * MIB);
  assertEquals(calls, ["trim"]);
  memory.external = 16 * MIB;
  reclaimer.note(4 * MIB);
  assertEquals(calls, ["trim", "collect", "trim"]);
  // Growth counts from what the last collection left.
  memory.external = 10 * MIB;
  reclaimer.note(4 * MIB);
  assertEquals(reclaimer.figures().collections, 1);
  assertEquals(loads(), 1);
});

Deno.test("MemoryReclaimer with a growth of 0 never reclaims", () => {
  const { calls, reclaimer, memory } = counting(0);
  memory.external = 1024 * MIB;
  for (let i = 0; i < 100; i++) reclaimer.note(MIB);
  assertEquals(calls, []);
  reclaimer.configure(2);
  reclaimer.note(4 * MIB);
  assertEquals(calls, ["collect", "trim"]);
});

Deno.test("configureFileGc() sets this thread's reclaimer in MiB, and its collection frees dead buffers", () => {
  configureFileGc(32);
  const before = fileMemory.figures().collections;
  fileMemory.note(4 * MIB);
  let garbage: Uint8Array[] = [];
  for (let i = 0; i < 64; i++) garbage.push(new Uint8Array(MIB).fill(i));
  const held = Deno.memoryUsage().external;
  garbage = [];
  fileMemory.note(4 * MIB);
  assertEquals(fileMemory.figures().collections, before + 1);
  const after = Deno.memoryUsage().external;
  assert(
    held - after >= 48 * MIB,
    `external memory went from ${held} to ${after} bytes`,
  );
  configureFileGc(0);
  fileMemory.note(64 * MIB);
  assertEquals(fileMemory.figures().collections, before + 1);
  configureFileGc(16);
  assertEquals(garbage.length, 0);
});
