/**
 * The boot at server start: every session is looked at, a bounded number at
 * a time, and the progress /stats and the log show adds up.
 */
import { assertEquals, assertMatch, assertStrictEquals } from "../assert.ts";
import {
  bootClients,
  describeBoot,
  startBootProgress,
} from "../../src/workers/boot.ts";
import type { ClientRef } from "../../src/client_id.ts";

/** A data directory with a session file for each of `count` bots; removed after `fn`. */
async function withSessions(
  count: number,
  fn: (dataDir: string, ids: string[]) => Promise<void>,
) {
  const dataDir = await Deno.makeTempDir({ prefix: "mtkruto-boot-" });
  try {
    const ids = Array.from(
      { length: count },
      (_, i) => `bot${i + 1}-${"0123456789abcdef"}`,
    );
    for (const id of ids) {
      await Deno.writeFile(`${dataDir}/${id}.sqlite`, new Uint8Array());
    }
    await fn(dataDir, ids.sort());
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
}

Deno.test("bootClients() looks at every session, at most `concurrency` at once, and counts what started and failed", async () => {
  await withSessions(50, async (dataDir, ids) => {
    let inFlight = 0;
    let most = 0;
    const seen: string[] = [];
    const pool = {
      size: 2,
      async boot(ref: ClientRef) {
        inFlight++;
        most = Math.max(most, inFlight);
        seen.push(ref.id);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        const n = Number(/^bot(\d+)/.exec(ref.id)![1]);
        if (n % 10 === 0) throw new Error(`no luck for ${n}`);
        return n % 2 === 1;
      },
    };
    const lines: string[] = [];
    const progress = await bootClients(pool, dataDir, startBootProgress(), {
      timeoutMs: 1000,
      concurrency: 4,
      log: (line) => lines.push(line),
    });
    assertStrictEquals(most, 4);
    assertEquals(seen.sort(), ids);
    assertEquals(
      [progress.sessions, progress.checked, progress.started, progress.failed],
      [50, 50, 25, 5],
    );
    assertStrictEquals(typeof progress.finishedAt, "number");
    assertEquals(lines, [
      "Booted: 50 of 50 sessions checked, 25 client(s) with a webhook or queued updates started, 5 failed",
    ]);
  });
});

Deno.test("bootClients() keeps quiet when no session needs to run, and the default concurrency scales with the workers", async () => {
  await withSessions(40, async (dataDir) => {
    let inFlight = 0;
    let most = 0;
    const pool = {
      size: 2,
      async boot() {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return false;
      },
    };
    const lines: string[] = [];
    const progress = await bootClients(pool, dataDir, startBootProgress(), {
      timeoutMs: 1000,
      log: (line) => lines.push(line),
    });
    assertStrictEquals(most, 32);
    assertEquals([progress.checked, progress.started], [40, 0]);
    assertEquals(lines, []);
  });
});

Deno.test("bootClients() logs the first ten failures one by one and only counts the rest", async () => {
  await withSessions(25, async (dataDir) => {
    const pool = {
      size: 1,
      boot(ref: ClientRef): Promise<boolean> {
        return Promise.reject(new Error(`refused ${ref.id}`));
      },
    };
    const errors: string[] = [];
    const progress = await bootClients(pool, dataDir, startBootProgress(), {
      timeoutMs: 1000,
      log: () => {},
      logError: (line) => errors.push(line),
    });
    assertStrictEquals(progress.failed, 25);
    assertStrictEquals(errors.length, 10);
    assertMatch(errors[0], /^a client failed to start: refused bot/);
    assertMatch(errors[9], /\(further failures are only counted\)$/);
  });
});

Deno.test("describeBoot() groups thousands and leaves failures out when there are none", () => {
  assertMatch(
    describeBoot({
      ...startBootProgress(),
      sessions: 12_000,
      checked: 4_000,
      started: 3_900,
    }),
    /^4,000 of 12,000 sessions checked, 3,900 client\(s\) with a webhook or queued updates started$/,
  );
});
