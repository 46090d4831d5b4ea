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
import {
  createFirstReleaseFile,
  messageUpdate,
  renderedMessage,
  reopened,
  startReceiver,
  until,
  withTempFile,
  withUpdates,
} from "./_update_helpers.ts";

const parse = (text: string) =>
  JSON.parse(text) as {
    updateId: number;
    type: string;
    [field: string]: unknown;
  }[];

/** A `chatAction` update (its content does not matter here). */
const CHAT_ACTION = { type: "chatAction", chatAction: {} };

/** Answers at once when nothing is queued (without a timeout a poll waits). */
const AT_ONCE = { timeout: 0 };

Deno.test("ClientUpdates.getUpdates() renders queued updates as [{updateId, type, …}]", () =>
  withUpdates(async (updates) => {
    updates.push("message", messageUpdate(1, { text: "hi" }));
    updates.push("callbackQuery", {
      type: "callbackQuery",
      callbackQuery: { data: "x" },
    });
    assertStrictEquals(
      await updates.getUpdates([]),
      '[{"updateId":1,"type":"message","message":{"id":1,"text":"hi"}},{"updateId":2,"type":"callbackQuery","callbackQuery":{"data":"x"}}]',
    );
    assertStrictEquals(
      await updates.getUpdates([{ offset: 3, ...AT_ONCE }]),
      "[]",
    );
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
    const twice = await assertRejects(
      updates.getUpdates([5, { timeout: 5 }]),
      InputError,
    );
    assertStrictEquals(
      twice.message,
      "getUpdates: give the timeout once, as the first argument or as the trailing object's timeout",
    );
  }));

Deno.test("ClientUpdates.push() skips a repeated identity and wakes a waiting poll", () =>
  withUpdates(async (updates, store) => {
    const polled = updates.getUpdates([{ timeout: 30 }]);
    updates.push("message", messageUpdate(1), { identity: "message:1:1" });
    updates.push("message", messageUpdate(1), { identity: "message:1:1" });
    assertEquals(parse(await polled).map((u) => u.updateId), [1]);
    assertStrictEquals(store.pendingCount, 1);
  }));

Deno.test("ClientUpdates keeps only the allowedUpdates last asked for, across restarts", () =>
  withUpdates(async (updates, store, path) => {
    updates.push("chatAction", CHAT_ACTION);
    assertStrictEquals(store.pendingCount, 1);
    await updates.getUpdates([{
      allowedUpdates: ["message"],
      offset: 2,
      ...AT_ONCE,
    }]);
    updates.push("chatAction", CHAT_ACTION);
    updates.push("message", messageUpdate(2));
    assertEquals(
      parse(await updates.getUpdates([])).map((u) => u.type),
      ["message"],
    );
    // Without allowedUpdates the previous choice stays.
    await updates.getUpdates([{ offset: 100, ...AT_ONCE }]);
    updates.push("chatAction", CHAT_ACTION);
    assertStrictEquals(store.pendingCount, 0);
    await reopened(path, (again, sameFile) => {
      again.push("chatAction", CHAT_ACTION);
      again.push("message", messageUpdate(3));
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
    updates.push("message", messageUpdate(1), { identity: "a" });
    const stats = updates.stats();
    assertStrictEquals(stats.pending, 1);
    assert(stats.lastUpdateAt! >= before, "lastUpdateAt not set");
    // A repeat is no new update.
    await new Promise((resolve) => setTimeout(resolve, 5));
    updates.push("message", messageUpdate(1), { identity: "a" });
    assertStrictEquals(updates.stats().lastUpdateAt, stats.lastUpdateAt);
  }));

Deno.test("ClientUpdates.active is true while a poll waits, updates are queued or a webhook is set", () =>
  withUpdates(async (updates) => {
    assertStrictEquals(updates.active, false);
    const polled = updates.getUpdates([{ timeout: 30 }]);
    assertStrictEquals(updates.active, true);
    updates.push("message", messageUpdate(1));
    await polled;
    assertStrictEquals(updates.active, true);
    await updates.getUpdates([{ offset: 2, ...AT_ONCE }]);
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
      updates.push("message", messageUpdate(1));
      const [first] = await receiver.waitFor(1);
      assertStrictEquals(first.headers.get("x-mtkruto-secret-token"), "abc");
      assertStrictEquals(first.body, `[${renderedMessage(1)}]`);
      updates.push("message", messageUpdate(2));
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
    updates.push("message", messageUpdate(1));
    assertEquals(updates.getWebhookInfo(), { url: "", pendingUpdateCount: 1 });
    // An unreachable port: the update stays queued.
    await updates.setWebhook(["http://127.0.0.1:9/hook", {
      maxConnections: 3,
      allowedUpdates: ["message"],
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
      allowedUpdates: ["message"],
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
    updates.push("message", messageUpdate(1));
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
        again.push("message", messageUpdate(1));
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
        again.push("message", messageUpdate(2));
        assertStrictEquals(
          await again.getUpdates([]),
          `[${renderedMessage(2)}]`,
        );
      });
      assertStrictEquals(receiver.attempts.length, 1);
    } finally {
      await receiver.close();
    }
  }));

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
    updates.push("message", messageUpdate(1));
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

Deno.test("ClientUpdates.getUpdates() without a timeout waits pollTimeoutSeconds, positional 0 too; a named 0 answers at once", () =>
  withUpdates(async (updates) => {
    for (const args of [[], [0], [{ limit: 5 }]]) {
      const started = performance.now();
      assertStrictEquals(await updates.getUpdates(args), "[]");
      const waited = performance.now() - started;
      assert(
        waited >= 900 && waited < 5_000,
        `${JSON.stringify(args)} answered after ${waited} ms`,
      );
    }
    const started = performance.now();
    assertStrictEquals(await updates.getUpdates([AT_ONCE]), "[]");
    const waited = performance.now() - started;
    assert(waited < 500, `a timeout of 0 waited ${waited} ms`);
  }, { pollTimeoutSeconds: 1 }));

Deno.test("ClientUpdates.getUpdates() without a timeout waits by default, and a positional timeout is woken by an update", () =>
  withUpdates(async (updates) => {
    for (const [round, args] of [[], [30]].entries()) {
      let answered = false;
      const polled = updates.getUpdates(args).finally(() => answered = true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert(!answered, `${JSON.stringify(args)} answered at once`);
      const id = round + 1;
      updates.push("message", messageUpdate(id));
      assertStrictEquals(await polled, `[${renderedMessage(id)}]`);
      // Confirms it for the next round.
      await updates.getUpdates([AT_ONCE]);
    }
  }));

Deno.test("ClientUpdates delivers what a first-release file queued in the old form, and new updates in the new form", () =>
  withTempFile(async (path) => {
    createFirstReleaseFile(path, {
      rows: [{ kind: "newMessage", payload: '{"id":1,"text":"old"}' }],
      settings: { allowedUpdates: '["message"]' },
    });
    await reopened(path, async (updates) => {
      updates.push("message", messageUpdate(2));
      // The stored allowedUpdates still apply.
      updates.push("chatAction", CHAT_ACTION);
      assertStrictEquals(
        await updates.getUpdates([]),
        `[{"updateId":1,"newMessage":{"id":1,"text":"old"}},${
          renderedMessage(2)
        }]`,
      );
    });
  }));
