import {
  assert,
  assertEquals,
  assertRejects,
  assertStrictEquals,
} from "../assert.ts";
import {
  ConflictError,
  InputError,
  UnavailableError,
} from "../../src/errors.ts";
import { ClientUpdates } from "../../src/updates/client_updates.ts";
import type { WebhookDeliveryOptions } from "../../src/updates/webhook.ts";
import { UpdateStore } from "../../src/updates/store.ts";
import { startReceiver, until, withStore } from "./_update_helpers.ts";

const FAST: WebhookDeliveryOptions = { minBackoffMs: 20, maxBackoffMs: 5_000 };

/** Runs `fn` with the updates of a client (closed after). */
const withUpdates = (
  fn: (
    updates: ClientUpdates,
    store: UpdateStore,
    path: string,
  ) => Promise<void>,
) =>
  withStore(async (store, path) => {
    const updates = new ClientUpdates(store, FAST);
    try {
      await fn(updates, store, path);
    } finally {
      await updates.close(new UnavailableError("test over"));
    }
  });

/** The updates of a second client object over the same session file, as after a restart. */
async function reopened(
  path: string,
  fn: (updates: ClientUpdates, store: UpdateStore) => void | Promise<void>,
) {
  const store = new UpdateStore(path);
  const updates = new ClientUpdates(store, FAST);
  try {
    await fn(updates, store);
  } finally {
    await updates.close(new UnavailableError("test over"));
    store.close();
  }
}

const parse = (text: string) =>
  JSON.parse(text) as { updateId: number; [kind: string]: unknown }[];

Deno.test("ClientUpdates.getUpdates() renders queued updates as [{updateId, <kind>: payload}]", () =>
  withUpdates(async (updates) => {
    updates.push("newMessage", { id: 1, text: "hi" });
    updates.push("callbackQuery", { data: "x" });
    assertStrictEquals(
      await updates.getUpdates([]),
      '[{"updateId":1,"newMessage":{"id":1,"text":"hi"}},{"updateId":2,"callbackQuery":{"data":"x"}}]',
    );
    assertStrictEquals(await updates.getUpdates([{ offset: 3 }]), "[]");
  }));

Deno.test("ClientUpdates.getUpdates() checks its arguments", () =>
  withUpdates(async (updates) => {
    const error = await assertRejects(
      updates.getUpdates([{ limit: 0 }]),
      InputError,
    );
    assertStrictEquals(
      error.message,
      "getUpdates: limit must be an integer from 1 to 100",
    );
  }));

Deno.test("ClientUpdates.push() skips a repeated identity and wakes a waiting poll", () =>
  withUpdates(async (updates, store) => {
    const polled = updates.getUpdates([{ timeout: 30 }]);
    updates.push("newMessage", { id: 1 }, "newMessage:1:1");
    updates.push("newMessage", { id: 1 }, "newMessage:1:1");
    assertEquals(parse(await polled).map((u) => u.updateId), [1]);
    assertStrictEquals(store.pendingCount, 1);
  }));

Deno.test("ClientUpdates keeps only the allowedUpdates last asked for, across restarts", () =>
  withUpdates(async (updates, store, path) => {
    updates.push("userTyping", {});
    assertStrictEquals(store.pendingCount, 1);
    await updates.getUpdates([{ allowedUpdates: ["newMessage"], offset: 2 }]);
    updates.push("userTyping", {});
    updates.push("newMessage", { id: 2 });
    assertEquals(
      parse(await updates.getUpdates([])).map((u) => Object.keys(u)[1]),
      ["newMessage"],
    );
    // Without allowedUpdates the previous choice stays.
    await updates.getUpdates([{ offset: 100 }]);
    updates.push("userTyping", {});
    assertStrictEquals(store.pendingCount, 0);
    await reopened(path, (again, sameFile) => {
      again.push("userTyping", {});
      again.push("newMessage", { id: 3 });
      assertStrictEquals(sameFile.pendingCount, 1);
    });
  }));

Deno.test("ClientUpdates.stats() counts the queue and when the last update came", () =>
  withUpdates(async (updates) => {
    assertEquals(updates.stats(), {
      pending: 0,
      dropped: 0,
      lastUpdateAt: undefined,
      webhook: undefined,
    });
    const before = Date.now();
    updates.push("newMessage", {}, "a");
    const stats = updates.stats();
    assertStrictEquals(stats.pending, 1);
    assert(stats.lastUpdateAt! >= before, "lastUpdateAt not set");
    // A repeat is no new update.
    await new Promise((resolve) => setTimeout(resolve, 5));
    updates.push("newMessage", {}, "a");
    assertStrictEquals(updates.stats().lastUpdateAt, stats.lastUpdateAt);
  }));

Deno.test("ClientUpdates.active is true while a poll waits, updates are queued or a webhook is set", () =>
  withUpdates(async (updates) => {
    assertStrictEquals(updates.active, false);
    const polled = updates.getUpdates([{ timeout: 30 }]);
    assertStrictEquals(updates.active, true);
    updates.push("newMessage", {});
    await polled;
    assertStrictEquals(updates.active, true);
    await updates.getUpdates([{ offset: 2 }]);
    assertStrictEquals(updates.active, false);
    await updates.setWebhook(["https://hooks.example/x"]);
    assertStrictEquals(updates.active, true);
    await updates.deleteWebhook([]);
    assertStrictEquals(updates.active, false);
  }));

Deno.test("ClientUpdates.setWebhook() delivers the queue, refuses getUpdates and ends a waiting poll", () =>
  withUpdates(async (updates, store) => {
    const receiver = startReceiver();
    try {
      const waiting = updates.getUpdates([{ timeout: 30 }]);
      assertStrictEquals(
        await updates.setWebhook([receiver.url, { secretToken: "abc" }]),
        true,
      );
      const ended = await assertRejects(waiting, ConflictError);
      assertStrictEquals(
        ended.message,
        "A webhook was set for this client; getUpdates is no longer available",
      );
      const refused = await assertRejects(
        updates.getUpdates([]),
        ConflictError,
      );
      assertStrictEquals(
        refused.message,
        "getUpdates is not available while a webhook is set; call deleteWebhook first",
      );
      updates.push("newMessage", { id: 1 });
      const [first] = await receiver.waitFor(1);
      assertStrictEquals(first.headers.get("x-mtkruto-secret-token"), "abc");
      assertEquals(parse(first.body).map((u) => u.updateId), [1]);
      updates.push("newMessage", { id: 2 });
      const [, second] = await receiver.waitFor(2);
      assertEquals(parse(second.body).map((u) => u.updateId), [2]);
      await until(() => store.pendingCount === 0);
    } finally {
      await updates.deleteWebhook([]);
      await receiver.close();
    }
  }));

Deno.test("ClientUpdates.getWebhookInfo() reports the webhook without its host, or an empty url", () =>
  withUpdates(async (updates) => {
    updates.push("newMessage", {});
    assertEquals(updates.getWebhookInfo(), { url: "", pendingUpdateCount: 1 });
    // An unreachable port: the update stays queued.
    await updates.setWebhook(["http://127.0.0.1:9/hook", {
      maxConnections: 3,
      allowedUpdates: ["newMessage"],
    }]);
    const info = updates.getWebhookInfo();
    assertEquals({ ...info, lastErrorDate: 0, lastErrorMessage: "" }, {
      url: "http://127.0.0.1:9/hook",
      pendingUpdateCount: 1,
      lastErrorDate: 0,
      lastErrorMessage: "",
      lastDeliveryDate: undefined,
      lastDeliveryLatencyMs: undefined,
      maxConnections: 3,
      allowedUpdates: ["newMessage"],
    });
    assert(!("host" in info), "getWebhookInfo shows the host");
    assertEquals(updates.stats().webhook?.host, "127.0.0.1:9");
  }));

Deno.test("ClientUpdates.setWebhook() checks its arguments and drops the queue when asked", () =>
  withUpdates(async (updates, store) => {
    const error = await assertRejects(
      updates.setWebhook(["ftp://example.com"]),
      InputError,
    );
    assertStrictEquals(
      error.message,
      "setWebhook: the first argument must be an http:// or https:// URL",
    );
    assertStrictEquals(updates.getWebhookInfo().url, "");
    updates.push("newMessage", {});
    await updates.setWebhook(["http://127.0.0.1:9/", {
      dropPendingUpdates: true,
    }]);
    assertStrictEquals(store.pendingCount, 0);
  }));

Deno.test("a webhook outlives a restart, and deleteWebhook() ends it for good", () =>
  withUpdates(async (updates, _store, path) => {
    const receiver = startReceiver();
    try {
      await updates.setWebhook([receiver.url]);
      await updates.close(new UnavailableError("restart"));
      await reopened(path, async (again, store) => {
        again.push("newMessage", { id: 1 });
        await receiver.waitFor(1);
        await until(() => store.pendingCount === 0);
        assertStrictEquals(
          await again.deleteWebhook([{ dropPendingUpdates: true }]),
          true,
        );
        assertEquals(again.getWebhookInfo(), {
          url: "",
          pendingUpdateCount: 0,
        });
      });
      await reopened(path, async (again) => {
        assertStrictEquals(again.getWebhookInfo().url, "");
        again.push("newMessage", { id: 2 });
        assertStrictEquals(await again.getUpdates([]), oneMessage(2));
      });
      assertStrictEquals(receiver.attempts.length, 1);
    } finally {
      await receiver.close();
    }
  }));

/** The rendered batch of one `newMessage` `{id}` with the same update id. */
const oneMessage = (id: number) =>
  `[{"updateId":${id},"newMessage":{"id":${id}}}]`;

Deno.test("ClientUpdates.deleteWebhook() checks its arguments and keeps the queue unless asked", () =>
  withUpdates(async (updates, store) => {
    const error = await assertRejects(
      updates.deleteWebhook([{ drop: true }]),
      InputError,
    );
    assertStrictEquals(
      error.message,
      'deleteWebhook has no option "drop"; expected one of dropPendingUpdates',
    );
    updates.push("newMessage", {});
    assertStrictEquals(await updates.deleteWebhook([]), true);
    assertStrictEquals(store.pendingCount, 1);
    await updates.deleteWebhook([{ dropPendingUpdates: true }]);
    assertStrictEquals(store.pendingCount, 0);
  }));

Deno.test("ClientUpdates.close() ends a waiting poll with its reason", () =>
  withUpdates(async (updates) => {
    const polled = updates.getUpdates([{ timeout: 30 }]);
    const reason = new UnavailableError("The server is shutting down");
    await updates.close(reason);
    assertStrictEquals(await assertRejects(polled, UnavailableError), reason);
  }));
