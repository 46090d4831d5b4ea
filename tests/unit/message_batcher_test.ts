import { assertEquals } from "../assert.ts";
import {
  callBatcher,
  FULL_BATCH,
  MessageBatcher,
} from "../../src/workers/batch.ts";

function recorder() {
  const posts: { batch: string[]; transfer: Transferable[] }[] = [];
  return {
    posts,
    post: (batch: string[], transfer: Transferable[]) =>
      posts.push({ batch, transfer }),
  };
}

const nextTimerTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

Deno.test("MessageBatcher posts what one turn sent as one batch, with every transfer", async () => {
  const { posts, post } = recorder();
  const batcher = new MessageBatcher(post);
  const first = new ArrayBuffer(1);
  const second = new ArrayBuffer(2);
  batcher.send("a", [first]);
  batcher.send("b");
  batcher.send("c", [second]);
  assertEquals(posts.length, 0);
  await Promise.resolve();
  assertEquals(posts, [{ batch: ["a", "b", "c"], transfer: [first, second] }]);
  batcher.send("d");
  await nextTimerTurn();
  assertEquals(posts.map((p) => p.batch), [["a", "b", "c"], ["d"]]);
});

Deno.test("MessageBatcher waits for the next timer turn while busy", async () => {
  const { posts, post } = recorder();
  let busy = true;
  const batcher = new MessageBatcher(post, () => busy);
  batcher.send("a");
  await Promise.resolve();
  // A message sent later, before the timer fires, still joins the batch.
  queueMicrotask(() => batcher.send("b"));
  await Promise.resolve();
  assertEquals(posts.length, 0);
  await nextTimerTurn();
  assertEquals(posts.map((p) => p.batch), [["a", "b"]]);
  busy = false;
  batcher.send("c");
  await Promise.resolve();
  assertEquals(posts.map((p) => p.batch), [["a", "b"], ["c"]]);
});

Deno.test("MessageBatcher sends a busy batch at once when it is full, and the next one waits again", async () => {
  const { posts, post } = recorder();
  const batcher = new MessageBatcher(post, () => true, () => 3);
  batcher.send("a");
  batcher.send("b");
  assertEquals(posts.length, 0);
  batcher.send("c");
  assertEquals(posts.map((p) => p.batch), [["a", "b", "c"]]);
  batcher.send("d");
  await Promise.resolve();
  assertEquals(posts.length, 1);
  await nextTimerTurn();
  // The full batch's timer was cancelled: "d" waited for its own, and nothing went out empty.
  assertEquals(posts.map((p) => p.batch), [["a", "b", "c"], ["d"]]);
});

Deno.test("MessageBatcher never cuts a batch that is not waiting for the timer", async () => {
  const { posts, post } = recorder();
  const batcher = new MessageBatcher(post, () => false, () => 2);
  for (const message of ["a", "b", "c", "d", "e"]) batcher.send(message);
  assertEquals(posts.length, 0);
  await Promise.resolve();
  assertEquals(posts.map((p) => p.batch), [["a", "b", "c", "d", "e"]]);
});

Deno.test("callBatcher coalesces from 4 calls in progress and sends once half of them wait", async () => {
  const { posts, post } = recorder();
  let calls = 3;
  const batcher = callBatcher(post, () => calls);
  batcher.send("a");
  await Promise.resolve();
  assertEquals(posts.map((p) => p.batch), [["a"]]);
  calls = 8;
  for (const message of ["b", "c", "d"]) batcher.send(message);
  assertEquals(posts.length, 1);
  batcher.send("e");
  assertEquals(posts.map((p) => p.batch), [["a"], ["b", "c", "d", "e"]]);
  calls = 100;
  for (let i = 0; i < FULL_BATCH - 1; i++) batcher.send(`f${i}`);
  assertEquals(posts.length, 2);
  batcher.send("last");
  assertEquals(posts.length, 3);
  assertEquals(posts[2].batch.length, FULL_BATCH);
  await nextTimerTurn();
  assertEquals(posts.length, 3);
});
