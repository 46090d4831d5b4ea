/** ClientUpdates' held-back updates: queued as a source, delivered once the renderer has made them an update. */
import { assert, assertEquals, assertStrictEquals } from "../assert.ts";
import { UnavailableError } from "../../src/errors.ts";
import { ClientUpdates } from "../../src/updates/client_updates.ts";
import type { UpdateRenderer } from "../../src/updates/client_updates.ts";
import { UpdateStore } from "../../src/updates/store.ts";
import {
  messageUpdate,
  renderedMessage,
  reopened,
  until,
  withTempFile,
  withUpdates,
} from "./_update_helpers.ts";

/** Answers at once when nothing is queued. */
const AT_ONCE = { timeout: 0 };

/** A renderer that records its calls and answers each as `answer` says (a throw is a failed render). */
function recordingRenderer(
  answer: (kind: string, source: string, call: number) => unknown,
): { renderer: UpdateRenderer; calls: [string, string][]; at: number[] } {
  const calls: [string, string][] = [];
  const at: number[] = [];
  return {
    calls,
    at,
    renderer: async (kind, source) => {
      calls.push([kind, source]);
      at.push(performance.now());
      return await answer(kind, source, calls.length - 1);
    },
  };
}

/** The message update a source `"<id>"` renders to. */
const fromSource = (source: string) => messageUpdate(Number(source));

/** Runs `fn` with console.error recorded instead of printed. */
async function recordingErrors(
  fn: (logged: string[]) => Promise<void>,
): Promise<void> {
  const original = console.error;
  const logged: string[] = [];
  console.error = (...parts: unknown[]) => {
    logged.push(parts.join(" "));
  };
  try {
    await fn(logged);
  } finally {
    console.error = original;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("a held-back update keeps its place: later ones wait behind it, and the renderer's result is delivered", () =>
  withUpdates(async (updates, store) => {
    updates.push("message", messageUpdate(1));
    updates.push("message", null, { source: "2", identity: "m2" });
    updates.push("message", messageUpdate(3));
    // Not rendered without a renderer, and never past it.
    assertStrictEquals(
      await updates.getUpdates([AT_ONCE]),
      `[${renderedMessage(1)}]`,
    );
    assertStrictEquals(await updates.getUpdates([AT_ONCE]), "[]");
    assertEquals(store.unrendered().map((u) => u.updateId), [2]);

    const gate = Promise.withResolvers<void>();
    const { renderer, calls } = recordingRenderer((_kind, source) =>
      gate.promise.then(() => fromSource(source))
    );
    updates.setRenderer(renderer);
    const polled = updates.getUpdates([{ timeout: 30 }]);
    // Queued while the first render runs: a repeat, another held-back one and a rendered one.
    updates.push("message", null, { source: "2", identity: "m2" });
    updates.push("message", null, { source: "4" });
    updates.push("message", messageUpdate(5));
    await sleep(50);
    assertEquals(calls, [["message", "2"]]);
    gate.resolve();
    // The poll wakes once the first is rendered; it may or may not see the second yet.
    const first = await polled;
    assert(
      first.startsWith(`[${renderedMessage(2)},${renderedMessage(3)}`),
      first,
    );
    await until(() => store.unrendered().length === 0);
    assertEquals(calls, [["message", "2"], ["message", "4"]]);
    assertStrictEquals(
      await updates.getUpdates([{ offset: 2, ...AT_ONCE }]),
      `[${[2, 3, 4, 5].map((id) => renderedMessage(id)).join(",")}]`,
    );
  }));

Deno.test("a held-back update the renderer answers null for is discarded, and the next one is delivered", () =>
  withUpdates(async (updates, store) => {
    const { renderer, calls } = recordingRenderer((_kind, source) =>
      source === "gone" ? null : fromSource(source)
    );
    updates.setRenderer(renderer);
    const polled = updates.getUpdates([{ timeout: 30 }]);
    updates.push("message", null, { source: "gone" });
    updates.push("message", null, { source: "2" });
    assertStrictEquals(await polled, `[${renderedMessage(2)}]`);
    assertEquals(calls, [["message", "gone"], ["message", "2"]]);
    assertStrictEquals(store.pendingCount, 1);
    assertEquals(store.unrendered(), []);
  }));

Deno.test("a renderer that throws is retried after a back-off, and its later result is delivered", () =>
  recordingErrors((logged) =>
    withUpdates(async (updates) => {
      const { renderer, calls, at } = recordingRenderer(
        (_kind, source, call) => {
          if (call === 0) throw new Error("network down");
          return fromSource(source);
        },
      );
      updates.setRenderer(renderer);
      const polled = updates.getUpdates([{ timeout: 30 }]);
      updates.push("message", null, { source: "1" });
      updates.push("message", messageUpdate(2));
      assertStrictEquals(
        await polled,
        `[${renderedMessage(1)},${renderedMessage(2)}]`,
      );
      assertEquals(calls, [["message", "1"], ["message", "1"]]);
      const gap = at[1] - at[0];
      // RENDER_BACKOFF starts at 500 ms, with up to a fifth off.
      assert(gap >= 300 && gap < 5_000, `retried after ${gap} ms`);
      assertEquals(logged, ["rendering update 1 failed: network down"]);
    })
  ));

Deno.test("held-back updates a previous run left are rendered once setRenderer() is called", () =>
  withTempFile(async (path) => {
    await reopened(path, async (updates) => {
      updates.push("message", null, { source: "1" });
      updates.push("message", messageUpdate(2));
      assertStrictEquals(await updates.getUpdates([AT_ONCE]), "[]");
    });
    await reopened(path, async (updates, store) => {
      assertEquals(store.unrendered(), [
        { updateId: 1, kind: "message", source: "1" },
      ]);
      assertStrictEquals(await updates.getUpdates([AT_ONCE]), "[]");
      const { renderer, calls } = recordingRenderer((_kind, source) =>
        fromSource(source)
      );
      const polled = updates.getUpdates([{ timeout: 30 }]);
      updates.setRenderer(renderer);
      assertStrictEquals(
        await polled,
        `[${renderedMessage(1)},${renderedMessage(2)}]`,
      );
      assertEquals(calls, [["message", "1"]]);
    });
  }));

Deno.test("ClientUpdates.close() stops rendering: a render that ends after it leaves the update held back for the next run", () =>
  recordingErrors((logged) =>
    withTempFile(async (path) => {
      const store = new UpdateStore(path);
      const gate = Promise.withResolvers<void>();
      const { renderer, calls } = recordingRenderer((_kind, source) =>
        gate.promise.then(() => fromSource(source))
      );
      const updates = new ClientUpdates(store);
      try {
        updates.setRenderer(renderer);
        updates.push("message", null, { source: "1" });
        updates.push("message", null, { source: "2" });
        await until(() => calls.length === 1);
        await updates.close(new UnavailableError("shutting down"));
        gate.resolve();
        await sleep(50);
        // Neither stored nor followed by the next render.
        assertEquals(calls.length, 1);
        assertEquals(store.unrendered().map((u) => u.source), ["1", "2"]);
        assertEquals(logged, []);
      } finally {
        await updates.close(new UnavailableError("test over"));
        store.close();
      }
      await reopened(path, async (again) => {
        again.setRenderer((_kind, source) =>
          Promise.resolve(fromSource(source))
        );
        assertStrictEquals(
          await again.getUpdates([{ timeout: 30 }]),
          `[${renderedMessage(1)},${renderedMessage(2)}]`,
        );
      });
    })
  ));

Deno.test("ClientUpdates.close() ends a render's back-off: no retry, no error after it", () =>
  recordingErrors((logged) =>
    withUpdates(async (updates) => {
      const { renderer, calls } = recordingRenderer(() => {
        throw new Error("still down");
      });
      updates.setRenderer(renderer);
      updates.push("message", null, { source: "1" });
      await until(() => logged.length === 1);
      await updates.close(new UnavailableError("shutting down"));
      // Past RENDER_BACKOFF's first wait (at most 500 ms).
      await sleep(700);
      assertEquals(calls.length, 1);
      assertEquals(logged, ["rendering update 1 failed: still down"]);
    })
  ));

Deno.test("allowedUpdates leave out held-back updates of other types, which are never rendered", () =>
  withUpdates(async (updates, store) => {
    const { renderer, calls } = recordingRenderer((kind, source) =>
      kind === "message" ? fromSource(source) : { type: kind }
    );
    updates.setRenderer(renderer);
    await updates.getUpdates([{ allowedUpdates: ["message"], ...AT_ONCE }]);
    updates.push("callbackQuery", null, { source: "cb" });
    assertStrictEquals(store.pendingCount, 0);
    assertEquals(store.unrendered(), []);
    const polled = updates.getUpdates([{ timeout: 30 }]);
    updates.push("message", null, { source: "2" });
    assertStrictEquals(await polled, `[${renderedMessage(2, 1)}]`);
    assertEquals(calls, [["message", "2"]]);
  }));

Deno.test("a failure to read the queue stops rendering with a logged error, and the next push renders again", () =>
  recordingErrors((logged) =>
    withUpdates(async (updates, store) => {
      const { renderer, calls } = recordingRenderer((_kind, source) =>
        fromSource(source)
      );
      const unrendered = store.unrendered;
      store.unrendered = () => {
        throw new Error("disk I/O error");
      };
      updates.setRenderer(renderer);
      await until(() => logged.length === 1);
      assert(
        logged[0].startsWith(
          "rendering held-back updates stopped: Error: disk I/O error",
        ),
        logged[0],
      );
      store.unrendered = unrendered;
      const polled = updates.getUpdates([{ timeout: 30 }]);
      updates.push("message", null, { source: "1" });
      assertStrictEquals(await polled, `[${renderedMessage(1)}]`);
      assertEquals(calls, [["message", "1"]]);
      assertEquals(logged.length, 1);
    })
  ));
