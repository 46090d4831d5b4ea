import { AsyncLock } from "@fuman/utils";
import { assertEquals } from "../assert.ts";
import { makeAsyncLocksFifo } from "../../src/telegram/fifo_lock_patch.ts";

/** mtcute's upload loop in miniature: number the part, then take the lock to read it. */
async function readOrder(parts: number): Promise<number[][]> {
  const lock = new AsyncLock();
  let next = 0;
  let position = 0;
  const reads: number[][] = [];
  const uploadNextPart = async (): Promise<void> => {
    const index = next++;
    await lock.acquire();
    const read = position++;
    await Promise.resolve(); // reading takes a moment
    lock.release();
    reads.push([index, read]);
    if (next < parts) await uploadNextPart();
  };
  await Promise.all(Array.from({ length: 4 }, uploadNextPart));
  return reads;
}

Deno.test("makeAsyncLocksFifo() makes every part read in the order it was numbered", async () => {
  makeAsyncLocksFifo();
  const reads = await readOrder(200);
  assertEquals(reads.filter(([index, read]) => index !== read), []);
  assertEquals(reads.length, 200);
});
