import { assertEquals, assertRejects } from "../assert.ts";
import { UnavailableError } from "../../src/errors.ts";
import { WorkerPool } from "../../src/workers/pool.ts";
import type { RawJson } from "../../src/raw_json.ts";

const config = {
  apiId: 1,
  apiHash: "x",
  dataDir: "/nonexistent",
  testMode: false,
  logLevel: 0,
};
const workerUrl = new URL("./_crashy_worker.ts", import.meta.url);

async function call(pool: WorkerPool, id: string, method = "getMe") {
  const result = await pool.call({ kind: "user", id }, method, [], {
    timeoutMs: 5_000,
  }) as RawJson;
  return JSON.parse(result.text) as {
    worker: string;
    calls: number;
    client: string;
  };
}

Deno.test("WorkerPool pins each client to one worker, least-loaded first", async () => {
  const pool = await WorkerPool.start({ size: 2, config, workerUrl });
  try {
    const a = await call(pool, "a");
    const b = await call(pool, "b");
    const again = await call(pool, "a");
    assertEquals(a.worker === b.worker, false);
    assertEquals(again.worker, a.worker);
    assertEquals(pool.stats().map((w) => w.clients), [1, 1]);
  } finally {
    await pool.close();
  }
});

Deno.test("WorkerPool replaces a worker that dies; its clients keep their slot", async () => {
  const pool = await WorkerPool.start({ size: 2, config, workerUrl });
  try {
    const a = await call(pool, "a");
    const b = await call(pool, "b");
    // The call in flight on the dying worker fails with 503; the other worker is untouched.
    await assertRejects(call(pool, "a", "crash"), UnavailableError);
    const bAfter = await call(pool, "b");
    assertEquals([bAfter.worker, bAfter.calls], [b.worker, b.calls + 1]);
    // The replacement answers for the same client, as a fresh worker (its call count starts over).
    const aAfter = await call(pool, "a");
    assertEquals([aAfter.worker, aAfter.calls], [a.worker, 1]);
    assertEquals(pool.stats().map((w) => w.restarts).sort(), [0, 1]);
  } finally {
    await pool.close();
  }
});

Deno.test("WorkerPool fails only the call whose arguments cannot cross to the worker", async () => {
  const pool = await WorkerPool.start({ size: 1, config, workerUrl });
  try {
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const options = { timeoutMs: 5_000 };
    // Sent in the same turn, so the three calls travel in one batch.
    const [before, bad, after] = await Promise.allSettled([
      pool.call({ kind: "user", id: "a" }, "getMe", [], options),
      pool.call({ kind: "user", id: "a" }, "getMe", [deep], options),
      pool.call({ kind: "user", id: "a" }, "getMe", [], options),
    ]);
    assertEquals([before.status, bad.status, after.status], [
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    assertEquals(
      (bad as PromiseRejectedResult).reason.message,
      "The call could not be passed to worker 0",
    );
    assertEquals((await call(pool, "a")).calls, 3);
  } finally {
    await pool.close();
  }
});
