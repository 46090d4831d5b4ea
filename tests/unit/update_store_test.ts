import { assertEquals } from "../assert.ts";
import { renderUpdates } from "../../src/updates/render.ts";
import { UpdateStore } from "../../src/updates/store.ts";
import type { StoredUpdate } from "../../src/updates/store.ts";
import {
  createFirstReleaseFile,
  messageText,
  renderedMessage,
  updateColumns,
  withStore,
  withTempFile,
} from "./_update_helpers.ts";

const LIMITS = { maxUpdates: 1000, maxAgeMs: 60_000 };

const ids = (updates: StoredUpdate[]) => updates.map((u) => u.updateId);

Deno.test("UpdateStore.push() skips an update it has seen, and ids never repeat", () =>
  withStore((store) => {
    const first = store.push("message", messageText(1), {
      identity: "message:1:1",
    });
    assertEquals(
      store.push("message", messageText(1), { identity: "message:1:1" }),
      undefined,
    );
    const second = store.push("message", messageText(2), {
      identity: "message:1:2",
    });
    assertEquals([first, second], [1, 2]);
    store.confirmBelow(3);
    assertEquals(store.pendingCount, 0);
    assertEquals(store.push("chatAction", '{"type":"chatAction"}'), 3);
  }, LIMITS));

Deno.test("UpdateStore.read() returns an update as stored, its payload the whole update object", () =>
  withStore((store) => {
    store.push("message", messageText(7), { now: 1_234 });
    assertEquals(store.read({ limit: 10 }), [{
      updateId: 1,
      kind: "message",
      payload: messageText(7),
      createdAt: 1_234,
    }]);
  }, LIMITS));

Deno.test("UpdateStore.prune() drops what is past the age and count limits, and counts it", () =>
  withStore((store) => {
    for (let i = 0; i < 5; i++) {
      store.push("chatAction", `{"type":"chatAction","i":${i}}`, {
        now: 1_000,
      });
    }
    store.push("message", messageText(1), { identity: "x", now: 1_000 });
    assertEquals(store.prune(1_000 + 60_001), 6);
    assertEquals([store.pendingCount, store.droppedCount], [0, 6]);
    // The identity aged out with its update: the same key is new again.
    assertEquals(
      typeof store.push("message", messageText(1), {
        identity: "x",
        now: 70_000,
      }),
      "number",
    );
    for (let i = 0; i < 5; i++) {
      store.push("chatAction", '{"type":"chatAction"}', { now: 70_000 });
    }
    store.prune(70_000);
    assertEquals(store.pendingCount, 3);
  }, { maxUpdates: 3, maxAgeMs: 60_000 }));

Deno.test("UpdateStore holds back an update pushed with a source, and every later one, until render()", () =>
  withStore((store) => {
    store.push("message", messageText(1));
    const held = store.push("message", null, { source: '{"tl":2}' });
    store.push("message", messageText(3));
    assertEquals(held, 2);
    assertEquals(ids(store.read({ limit: 100 })), [1]);
    // Not even a read from past the held-back update gets around it.
    assertEquals(store.read({ fromId: 3, limit: 100 }), []);
    assertEquals(store.unrendered(), [
      { updateId: 2, kind: "message", source: '{"tl":2}' },
    ]);
    assertEquals(store.pendingCount, 3);

    store.render(2, messageText(2));
    assertEquals(store.unrendered(), []);
    const updates = store.read({ limit: 100 });
    assertEquals(ids(updates), [1, 2, 3]);
    assertEquals(updates.map((u) => u.payload), [1, 2, 3].map(messageText));
    assertEquals(
      renderUpdates(updates),
      `[${[1, 2, 3].map((id) => renderedMessage(id)).join(",")}]`,
    );
  }, LIMITS));

Deno.test("UpdateStore.discard() drops a held-back update; the next held-back one still holds the rest", () =>
  withStore((store) => {
    store.push("message", null, { source: "a" });
    store.push("editedMessage", null, { source: "b" });
    store.push("message", messageText(3));
    assertEquals(store.unrendered().map((u) => [u.updateId, u.kind]), [
      [1, "message"],
      [2, "editedMessage"],
    ]);
    store.discard(1);
    assertEquals(store.pendingCount, 2);
    assertEquals(store.read({ limit: 100 }), []);
    assertEquals(store.unrendered(), [
      { updateId: 2, kind: "editedMessage", source: "b" },
    ]);
    store.render(2, '{"type":"editedMessage","editedMessage":{"id":2}}');
    assertEquals(store.read({ limit: 100 }).map((u) => [u.updateId, u.kind]), [
      [2, "editedMessage"],
      [3, "message"],
    ]);
  }, LIMITS));

Deno.test("UpdateStore: a held-back update seen before is skipped, and one past the age limit is pruned", () =>
  withStore((store) => {
    store.push("message", null, { source: "s", identity: "i", now: 1_000 });
    assertEquals(
      store.push("message", null, { source: "s", identity: "i", now: 1_000 }),
      undefined,
    );
    assertEquals(store.unrendered().length, 1);
    store.push("message", messageText(2), { now: 70_000 });
    assertEquals(store.read({ limit: 100 }), []);
    assertEquals(store.prune(70_000), 1);
    // Pruned, it holds nothing back any more.
    assertEquals(store.unrendered(), []);
    assertEquals(ids(store.read({ limit: 100 })), [2]);
  }, LIMITS));

Deno.test("UpdateStore creates a new file with the format and source columns", () =>
  withStore((_store, path) => {
    assertEquals(updateColumns(path), [
      "id",
      "kind",
      "payload",
      "created_at",
      "format",
      "source",
    ]);
  }));

Deno.test("UpdateStore migrates a first-release file: its updates read back as legacy, render the old way, and nothing is lost", () =>
  withTempFile((path) => {
    createFirstReleaseFile(path, {
      rows: [{
        kind: "newMessage",
        payload: '{"id":1,"text":"hi"}',
        createdAt: 5_000,
      }],
      settings: { allowedUpdates: '["newMessage"]' },
      seen: ["newMessage:1:1"],
    });
    assertEquals(updateColumns(path), ["id", "kind", "payload", "created_at"]);
    const expected = `[{"updateId":1,"newMessage":{"id":1,"text":"hi"}},${
      renderedMessage(2)
    }]`;

    const store = new UpdateStore(path, LIMITS);
    try {
      assertEquals(updateColumns(path), [
        "id",
        "kind",
        "payload",
        "created_at",
        "format",
        "source",
      ]);
      assertEquals(store.read({ limit: 100 }), [{
        updateId: 1,
        kind: "newMessage",
        payload: '{"id":1,"text":"hi"}',
        createdAt: 5_000,
        legacy: true,
      }]);
      // An old row is never held back.
      assertEquals(store.unrendered(), []);
      assertEquals(store.getSetting("allowedUpdates"), '["newMessage"]');
      assertEquals(
        store.push("message", messageText(9), { identity: "newMessage:1:1" }),
        undefined,
      );
      assertEquals(store.push("message", messageText(2)), 2);
      const [, fresh] = store.read({ limit: 100 });
      assertEquals("legacy" in fresh, false);
      assertEquals(renderUpdates(store.read({ limit: 100 })), expected);
    } finally {
      store.close();
    }

    // Opening the migrated file again changes nothing.
    const again = new UpdateStore(path, LIMITS);
    try {
      assertEquals(renderUpdates(again.read({ limit: 100 })), expected);
      assertEquals(updateColumns(path).length, 6);
    } finally {
      again.close();
    }
  }));
