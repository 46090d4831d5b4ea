import {
  assert,
  assertEquals,
  assertRejects,
  assertStrictEquals,
} from "../assert.ts";
import { ConflictError, UnavailableError } from "../../src/errors.ts";
import { LongPoll } from "../../src/updates/long_poll.ts";
import type { GetUpdatesParams } from "../../src/updates/params.ts";
import type { StoredUpdate, UpdateStore } from "../../src/updates/store.ts";
import { messageText, withStore } from "./_update_helpers.ts";

const params = (
  options: Partial<GetUpdatesParams> = {},
): GetUpdatesParams => ({
  timeout: 0,
  limit: 100,
  dropPendingUpdates: false,
  ...options,
});

const ids = (updates: StoredUpdate[]) => updates.map((u) => u.updateId);

/** Queues `count` updates; returns their ids. */
function push(store: UpdateStore, count: number): number[] {
  return Array.from(
    { length: count },
    (_, i) => store.push("message", messageText(i))!,
  );
}

Deno.test("LongPoll.poll() returns what is queued at once, oldest first, up to the limit", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    assertEquals(await poll.poll(params()), []);
    push(store, 3);
    const started = performance.now();
    const updates = await poll.poll(params({ timeout: 30, limit: 2 }));
    assert(performance.now() - started < 1_000, "a poll with updates waited");
    assertEquals(ids(updates), [1, 2]);
    assertEquals(updates[0], {
      updateId: 1,
      kind: "message",
      payload: messageText(0),
      createdAt: updates[0].createdAt,
    });
  }));

Deno.test("LongPoll.poll() waits behind a held-back update, and returns it with the later ones once rendered", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    push(store, 1);
    store.push("message", null, { source: "held" });
    push(store, 1);
    assertEquals(ids(await poll.poll(params({ timeout: 30 }))), [1]);
    const polled = poll.poll(params({ timeout: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assertStrictEquals(poll.waiting, true);
    store.render(2, messageText(2));
    poll.notify();
    assertEquals(ids(await polled), [2, 3]);
  }));

Deno.test("LongPoll.poll() without offset confirms what the previous call returned", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    push(store, 3);
    assertEquals(ids(await poll.poll(params({ limit: 2 }))), [1, 2]);
    // Still queued until the next call.
    assertStrictEquals(store.pendingCount, 3);
    assertEquals(ids(await poll.poll(params())), [3]);
    assertStrictEquals(store.pendingCount, 1);
    assertEquals(ids(await poll.poll(params())), []);
    assertStrictEquals(store.pendingCount, 0);
    // An empty answer confirms nothing: the update queued after it is returned.
    push(store, 1);
    assertEquals(ids(await poll.poll(params())), [4]);
  }));

Deno.test("LongPoll.poll() with offset confirms every update below it and reads from it", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    push(store, 5);
    assertEquals(ids(await poll.poll(params({ limit: 1 }))), [1]);
    assertEquals(ids(await poll.poll(params({ offset: 4 }))), [4, 5]);
    assertStrictEquals(store.pendingCount, 2);
    // An offset below what is left neither confirms nor re-delivers anything gone.
    assertEquals(ids(await poll.poll(params({ offset: 0 }))), [4, 5]);
    assertEquals(ids(await poll.poll(params({ offset: 6 }))), []);
    assertStrictEquals(store.pendingCount, 0);
  }));

Deno.test("LongPoll.poll() with dropPendingUpdates deletes the queue first", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    push(store, 2);
    assertEquals(await poll.poll(params({ dropPendingUpdates: true })), []);
    assertStrictEquals(store.pendingCount, 0);
  }));

Deno.test("LongPoll.poll() waits for notify() and returns the new update", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    assertStrictEquals(poll.waiting, false);
    const started = performance.now();
    const polled = poll.poll(params({ timeout: 30 }));
    assertStrictEquals(poll.waiting, true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    push(store, 1);
    poll.notify();
    assertEquals(ids(await polled), [1]);
    assert(performance.now() - started < 5_000, "notify() did not wake it");
    assertStrictEquals(poll.waiting, false);
  }));

Deno.test("LongPoll.poll() answers an empty list when its timeout passes", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    const started = performance.now();
    assertEquals(await poll.poll(params({ timeout: 1 })), []);
    const waited = performance.now() - started;
    assert(waited >= 950 && waited < 3_000, `waited ${waited} ms`);
    // notify() with nobody waiting is harmless.
    poll.notify();
  }));

Deno.test("a newer LongPoll.poll() ends the waiting one with ConflictError", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    const first = poll.poll(params({ timeout: 30 }));
    const second = poll.poll(params({ timeout: 30 }));
    const error = await assertRejects(first, ConflictError);
    assertEquals([error.status, error.message], [
      409,
      "Terminated by another getUpdates request for this client",
    ]);
    assertStrictEquals(poll.waiting, true);
    push(store, 1);
    poll.notify();
    assertEquals(ids(await second), [1]);
  }));

Deno.test("LongPoll.cancel() ends the waiting poll with its reason, and does nothing when none waits", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    poll.cancel(new UnavailableError("nobody waits"));
    const polled = poll.poll(params({ timeout: 30 }));
    const reason = new UnavailableError("The server is shutting down");
    poll.cancel(reason);
    assertStrictEquals(await assertRejects(polled, UnavailableError), reason);
    assertStrictEquals(poll.waiting, false);
  }));

Deno.test("LongPoll.poll() ends with the signal's reason when the HTTP client goes away, marking nothing returned", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    push(store, 1);
    assertEquals(ids(await poll.poll(params({ limit: 1 }))), [1]);
    const gone = new AbortController();
    const polled = poll.poll(params({ timeout: 30 }), gone.signal);
    // The call itself confirmed what the previous one returned.
    assertStrictEquals(store.pendingCount, 0);
    push(store, 1);
    const reason = new Error("client went away");
    // Aborted before the wake-up is seen: the update stays unreturned.
    gone.abort(reason);
    poll.notify();
    assertStrictEquals(await assertRejects(polled, Error), reason);
    assertStrictEquals(poll.waiting, false);
    // The next call confirms nothing and gets the update.
    assertEquals(ids(await poll.poll(params())), [2]);
    assertEquals(ids(await poll.poll(params())), []);
  }));

Deno.test("LongPoll.poll() with an aborted signal does not wait", () =>
  withStore(async (store) => {
    const poll = new LongPoll(store);
    const reason = new Error("gone already");
    const error = await assertRejects(
      poll.poll(params({ timeout: 30 }), AbortSignal.abort(reason)),
      Error,
    );
    assertStrictEquals(error, reason);
  }));
