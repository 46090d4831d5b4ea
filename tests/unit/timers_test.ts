import { assert, assertEquals, assertRejects } from "../assert.ts";
import { deadline, delay, retryDelay } from "../../src/timers.ts";

/** A test with the op sanitizer on (Deno's default is off): it fails a test that leaves a timer running. */
function test(name: string, fn: () => void | Promise<void>) {
  Deno.test({ name, fn, sanitizeOps: true });
}

class Expired extends Error {
  override name = "Expired";
}

/** The reason a promise rejected with (fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (reason) {
    return reason;
  }
  throw new Error("expected a rejection");
}

/** An AbortController whose signal tracks the listeners still attached. */
function countingController() {
  const controller = new AbortController();
  const signal = controller.signal;
  const listeners = new Set<EventListenerOrEventListenerObject>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  // A `once` listener is dropped by the signal itself when it fires.
  const once = new Set<EventListenerOrEventListenerObject>();
  add("abort", () => once.forEach((listener) => listeners.delete(listener)));
  signal.addEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ) => {
    listeners.add(listener);
    if (typeof options === "object" && options.once) once.add(listener);
    add(type, listener, options);
  };
  signal.removeEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ) => {
    listeners.delete(listener);
    remove(type, listener, options);
  };
  return { controller, signal, listeners };
}

// Timers fire on whole milliseconds while performance.now() is finer: allow that rounding, nothing more.
const CLOCK_SLACK_MS = 1;

test("delay() resolves after at least ms", async () => {
  const started = performance.now();
  await delay(30);
  assert(performance.now() - started >= 30 - CLOCK_SLACK_MS);
});

test("delay(Infinity) sets no timer and waits for its signal alone", async () => {
  const controller = new AbortController();
  const reason = new Expired("woken");
  let settled = false;
  const waiting = delay(Infinity, { signal: controller.signal }).finally(() =>
    settled = true
  );
  await delay(30);
  assert(!settled, "an infinite wait ended by itself");
  // The op sanitizer would fail this test had a timer been left behind.
  controller.abort(reason);
  assertEquals(await rejection(waiting), reason);
});

test("delay() rejects with the reason of a signal aborted before the wait", async () => {
  const controller = new AbortController();
  const reason = new Expired("gone");
  controller.abort(reason);
  assertEquals(
    await rejection(delay(10_000, { signal: controller.signal })),
    reason,
  );
});

test("delay() rejects with the signal's reason when aborted while waiting, and stops its timer", async () => {
  const { controller, signal, listeners } = countingController();
  const reason = new Expired("gone");
  const started = performance.now();
  const waiting = delay(10_000, { signal });
  setTimeout(() => controller.abort(reason), 10);
  assertEquals(await rejection(waiting), reason);
  assert(performance.now() - started < 5_000);
  assertEquals(listeners.size, 0);
});

test("delay() drops its abort listener once it resolves", async () => {
  const { controller, signal, listeners } = countingController();
  await delay(5, { signal });
  assertEquals(listeners.size, 0);
  controller.abort();
});

test("deadline() resolves with the promise's value and clears its timer", async () => {
  const { signal, listeners } = countingController();
  let called = false;
  const value = await deadline(Promise.resolve(42), 60_000, {
    signal,
    error: () => {
      called = true;
      return new Expired("late");
    },
  });
  assertEquals(value, 42);
  assertEquals(called, false);
  assertEquals(listeners.size, 0);
});

test("deadline() passes the promise's rejection on", async () => {
  const failure = new Expired("own");
  assertEquals(
    await rejection(deadline(Promise.reject(failure), 60_000)),
    failure,
  );
});

test("deadline() rejects with the caller's error after ms", async () => {
  const started = performance.now();
  const error = await assertRejects(
    deadline(new Promise(() => {}), 30, { error: () => new Expired("late") }),
    Expired,
  );
  assertEquals(error.message, "late");
  assert(performance.now() - started >= 30 - CLOCK_SLACK_MS);
});

test("deadline() rejects with a TimeoutError DOMException by default", async () => {
  const error = await assertRejects(
    deadline(new Promise(() => {}), 5),
    DOMException,
  );
  assertEquals(error.name, "TimeoutError");
});

test("deadline() ignores a rejection that comes after the time is up", async () => {
  let fail!: (reason: unknown) => void;
  const late = new Promise((_, reject) => fail = reject);
  await assertRejects(
    deadline(late, 5, { error: () => new Expired("late") }),
    Expired,
  );
  // Without deadline's own handler this would surface as an unhandled rejection.
  fail(new Error("too late"));
  await delay(0);
});

test("deadline() rejects with the signal's reason when aborted, and clears its timer", async () => {
  const { controller, signal, listeners } = countingController();
  const reason = new Expired("gone");
  const waiting = deadline(new Promise(() => {}), 10_000, { signal });
  controller.abort(reason);
  assertEquals(await rejection(waiting), reason);
  assertEquals(listeners.size, 0);
});

test("deadline() maps an abort with abortError", async () => {
  const controller = new AbortController();
  const reason = new Expired("gone");
  const waiting = deadline(new Promise(() => {}), 10_000, {
    signal: controller.signal,
    abortError: (cause) => new Error("mapped", { cause }),
  });
  controller.abort(reason);
  const error = await assertRejects(waiting, Error);
  assertEquals([error.message, error.cause], ["mapped", reason]);
});

test("deadline() rejects at once on a signal aborted before", async () => {
  const controller = new AbortController();
  const reason = new Expired("gone");
  controller.abort(reason);
  assertEquals(
    await rejection(
      deadline(new Promise(() => {}), 10_000, { signal: controller.signal }),
    ),
    reason,
  );
});

test("retryDelay() grows by the multiplier and caps at maxMs", () => {
  const options = { initialMs: 1_000, maxMs: 60_000 };
  assertEquals(
    [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retryDelay(attempt, options)),
    [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000],
  );
  assertEquals(
    [1, 2, 3].map((attempt) =>
      retryDelay(attempt, { initialMs: 10, maxMs: 1_000, multiplier: 3 })
    ),
    [10, 30, 90],
  );
});

test("retryDelay() keeps jitter within its share of the delay", () => {
  const options = { initialMs: 1_000, maxMs: 60_000, jitter: 0.5 };
  assertEquals(retryDelay(1, { ...options, random: () => 0 }), 500);
  assertEquals(retryDelay(2, { ...options, random: () => 0.5 }), 1_500);
  assertEquals(retryDelay(20, { ...options, random: () => 0 }), 30_000);
  for (const random of [0, 0.1, 0.5, 0.9, 0.999_999]) {
    for (const attempt of [1, 3, 7, 20]) {
      const capped = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      const wait = retryDelay(attempt, { ...options, random: () => random });
      assert(
        wait >= capped / 2 && wait < capped,
        `${wait} not in [${capped / 2}, ${capped})`,
      );
    }
  }
});
