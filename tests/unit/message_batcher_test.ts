import { assertEquals } from "../assert.ts";
import { MessageBatcher } from "../../src/workers/batch.ts";

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
