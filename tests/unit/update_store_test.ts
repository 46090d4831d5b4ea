import { assertEquals } from "../assert.ts";
import { updateIdentity } from "../../src/updates/identity.ts";
import { UpdateStore } from "../../src/updates/store.ts";

function withStore(
  fn: (store: UpdateStore) => void,
  limits = { maxUpdates: 1000, maxAgeMs: 60_000 },
) {
  const dir = Deno.makeTempDirSync();
  const store = new UpdateStore(`${dir}/client.sqlite`, limits);
  try {
    fn(store);
  } finally {
    store.close();
    Deno.removeSync(dir, { recursive: true });
  }
}

Deno.test("UpdateStore.push() skips an update it has seen, and ids never repeat", () =>
  withStore((store) => {
    const first = store.push("newMessage", "{}", {
      identity: "newMessage:1:1",
    });
    assertEquals(
      store.push("newMessage", "{}", { identity: "newMessage:1:1" }),
      undefined,
    );
    const second = store.push("newMessage", "{}", {
      identity: "newMessage:1:2",
    });
    assertEquals([first, second], [1, 2]);
    store.confirmBelow(3);
    assertEquals(store.pendingCount, 0);
    assertEquals(store.push("userTyping", "{}"), 3);
  }));

Deno.test("UpdateStore.prune() drops what is past the age and count limits, and counts it", () =>
  withStore((store) => {
    for (let i = 0; i < 5; i++) {
      store.push("userTyping", `{"i":${i}}`, { now: 1_000 });
    }
    store.push("newMessage", "{}", { identity: "x", now: 1_000 });
    assertEquals(store.prune(1_000 + 60_001), 6);
    assertEquals([store.pendingCount, store.droppedCount], [0, 6]);
    // The identity aged out with its update: the same key is new again.
    assertEquals(
      typeof store.push("newMessage", "{}", { identity: "x", now: 70_000 }),
      "number",
    );
    for (let i = 0; i < 5; i++) store.push("userTyping", "{}", { now: 70_000 });
    store.prune(70_000);
    assertEquals(store.pendingCount, 3);
  }, { maxUpdates: 3, maxAgeMs: 60_000 }));

Deno.test("updateIdentity() tells edits apart and ignores kinds that are not refetched", () => {
  const message = { chat: { id: 5 }, id: 9, editDate: new Date(1000) };
  assertEquals(updateIdentity("newMessage", message), "newMessage:5:9");
  assertEquals(updateIdentity("editMessage", message), "editMessage:5:9:1000");
  assertEquals(
    updateIdentity("editMessage", { ...message, editDate: new Date(2000) }),
    "editMessage:5:9:2000",
  );
  assertEquals(
    updateIdentity("deleteMessage", { messageIds: [1, 2], channelId: null }),
    "deleteMessage:0:1,2",
  );
  assertEquals(updateIdentity("userTyping", {}), undefined);
});
