import { assert, assertEquals, assertStrictEquals } from "../assert.ts";
import { WebhookDelivery } from "../../src/updates/webhook.ts";
import type {
  WebhookConfig,
  WebhookDeliveryOptions,
} from "../../src/updates/webhook.ts";
import type { UpdateStore } from "../../src/updates/store.ts";
import type { Answer, Attempt, Receiver } from "./_update_helpers.ts";
import {
  hangUp,
  messageText,
  renderedMessage,
  startReceiver,
  until,
  withStore,
} from "./_update_helpers.ts";

/** Short waits, so retries are quick; idle sleeps stay long, so only notify() wakes the loop. */
const FAST: WebhookDeliveryOptions = {
  minBackoffMs: 100,
  maxBackoffMs: 10_000,
  timeoutMs: 5_000,
};

/** How a delivery test sets up. */
interface Setup {
  /** How many `message` updates are queued before it starts (default 1). */
  queued?: number;
  /** How the receiver answers (200 to everything by default). */
  answer?: Answer;
  config?: Partial<WebhookConfig>;
  options?: WebhookDeliveryOptions;
  limits?: { maxUpdates: number; maxAgeMs: number };
}

/** What a delivery test gets: a started delivery, its receiver and its store. */
interface Started {
  delivery: WebhookDelivery;
  receiver: Receiver;
  store: UpdateStore;
}

/** A test of a started delivery to a local receiver; both are stopped after. */
function deliveryTest(
  name: string,
  setup: Setup,
  fn: (started: Started) => Promise<void>,
) {
  Deno.test(name, () =>
    withStore(async (store) => {
      for (let i = 1; i <= (setup.queued ?? 1); i++) {
        store.push("message", messageText(i));
      }
      const receiver = startReceiver(setup.answer);
      const delivery = new WebhookDelivery(
        store,
        { url: receiver.url, maxConnections: 40, ...setup.config },
        { ...FAST, ...setup.options },
      );
      try {
        delivery.start();
        await fn({ delivery, receiver, store });
      } finally {
        await delivery.stop();
        await receiver.close();
      }
    }, setup.limits));
}

/** Answers the first `count` attempts with `status` (and `headers`), the rest with 200. */
const failFirst =
  (count: number, status: number, headers: Record<string, string> = {}) =>
  (_: Attempt, index: number) =>
    index < count
      ? new Response(null, { status, headers })
      : new Response("ok");

/** The gaps between consecutive attempts, in ms. */
const gapsOf = (attempts: Attempt[]) =>
  attempts.slice(1).map((attempt, i) => attempt.at - attempts[i].at);

/** HMAC-SHA256 of `<timestamp>.<body>` keyed by `secret`, as docs/updates.md defines it. */
async function expectedSignature(secret: string, attempt: Attempt) {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const timestamp = attempt.headers.get("x-mtkruto-timestamp");
  const mac = await crypto.subtle.sign(
    "HMAC",
    key,
    encoder.encode(`${timestamp}.${attempt.body}`),
  );
  return `sha256=${new Uint8Array(mac).toHex()}`;
}

deliveryTest(
  "WebhookDelivery POSTs the queue as JSON and confirms it on a 2xx",
  { queued: 2, answer: () => new Response(null, { status: 204 }) },
  async ({ delivery, receiver, store }) => {
    const [attempt] = await receiver.waitFor(1);
    const now = Math.floor(Date.now() / 1000);
    assertStrictEquals(
      attempt.body,
      `[${renderedMessage(1)},${renderedMessage(2)}]`,
    );
    assertStrictEquals(attempt.headers.get("content-type"), "application/json");
    const timestamp = Number(attempt.headers.get("x-mtkruto-timestamp"));
    assert(Math.abs(timestamp - now) <= 5, `timestamp ${timestamp}`);
    // No secret: nothing to sign with.
    assertStrictEquals(attempt.headers.get("x-mtkruto-signature"), null);
    assertStrictEquals(attempt.headers.get("x-mtkruto-secret-token"), null);
    await until(() => store.pendingCount === 0);
    const info = delivery.info();
    assertEquals(info.lastErrorDate, undefined);
    assert(Math.abs(info.lastDeliveryDate! - now) <= 5, "no lastDeliveryDate");
    assert(
      typeof info.lastDeliveryLatencyMs === "number" &&
        info.lastDeliveryLatencyMs >= 0,
      "lastDeliveryLatencyMs not set",
    );
  },
);

deliveryTest(
  "WebhookDelivery sends the secret token and signs the timestamp and body with it",
  { config: { secretToken: "s3cret_token-1" } },
  async ({ receiver }) => {
    const [attempt] = await receiver.waitFor(1);
    assertStrictEquals(
      attempt.headers.get("x-mtkruto-secret-token"),
      "s3cret_token-1",
    );
    assertStrictEquals(
      attempt.headers.get("x-mtkruto-signature"),
      await expectedSignature("s3cret_token-1", attempt),
    );
    assert(
      attempt.headers.get("x-mtkruto-signature") !==
        await expectedSignature("another", attempt),
      "the signature does not depend on the secret",
    );
  },
);

deliveryTest(
  "WebhookDelivery sends batches of batchSize in order, and wakes on notify()",
  { queued: 5, options: { batchSize: 2 } },
  async ({ delivery, receiver, store }) => {
    const batches = await receiver.waitFor(3);
    assertEquals(
      batches.map((attempt) =>
        JSON.parse(attempt.body).map((u: { updateId: number }) => u.updateId)
      ),
      [[1, 2], [3, 4], [5]],
    );
    await until(() => store.pendingCount === 0);
    // Idle now, sleeping maxBackoffMs (10 s): only notify() brings the next update over soon.
    store.push(
      "callbackQuery",
      '{"type":"callbackQuery","callbackQuery":{"data":"x"}}',
    );
    const pushed = performance.now();
    delivery.notify();
    const [, , , next] = await receiver.waitFor(4, 5_000);
    assert(next.at - pushed < 2_000, "notify() did not wake the loop");
    assertStrictEquals(
      next.body,
      '[{"updateId":6,"type":"callbackQuery","callbackQuery":{"data":"x"}}]',
    );
  },
);

deliveryTest(
  "WebhookDelivery stops before a held-back update, and sends it and the later ones once rendered",
  { queued: 0 },
  async ({ delivery, receiver, store }) => {
    store.push("message", messageText(1));
    store.push("message", null, { source: "held" });
    store.push("message", messageText(3));
    delivery.notify();
    const [first] = await receiver.waitFor(1);
    assertStrictEquals(first.body, `[${renderedMessage(1)}]`);
    await until(() => store.pendingCount === 2);
    // Idle now: the held-back update is not sent, nor the one after it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assertStrictEquals(receiver.attempts.length, 1);
    store.render(2, messageText(2));
    delivery.notify();
    const [, second] = await receiver.waitFor(2);
    assertStrictEquals(
      second.body,
      `[${renderedMessage(2)},${renderedMessage(3)}]`,
    );
    await until(() => store.pendingCount === 0);
  },
);

deliveryTest(
  "WebhookDelivery retries a failed batch with growing back-off until a 2xx",
  { answer: failFirst(3, 500) },
  async ({ delivery, receiver, store }) => {
    const attempts = await receiver.waitFor(4);
    // The same batch each time, kept queued until it went through.
    assertEquals(new Set(attempts.map((a) => a.body)).size, 1);
    const gaps = gapsOf(attempts);
    // 100 ms doubling, with jitter taking up to half off: [50, 100], [100, 200], [200, 400].
    assert(gaps[0] >= 45, `first retry after ${gaps[0]} ms`);
    assert(gaps[1] >= 95, `second retry after ${gaps[1]} ms`);
    assert(gaps[2] >= 195, `third retry after ${gaps[2]} ms`);
    assert(gaps.every((gap) => gap < 2_000), `retries too slow: ${gaps}`);
    await until(() => store.pendingCount === 0);
    const info = delivery.info();
    assertStrictEquals(info.lastErrorMessage, "HTTP 500 Internal Server Error");
    assert(info.lastErrorDate! > 0, "lastErrorDate not set");
  },
);

deliveryTest(
  "WebhookDelivery caps its back-off at maxBackoffMs",
  {
    answer: failFirst(4, 502),
    options: { minBackoffMs: 50, maxBackoffMs: 100 },
  },
  async ({ delivery, receiver, store }) => {
    const gaps = gapsOf(await receiver.waitFor(5));
    // 50 ms doubling would reach 400 ms by the fourth retry; the cap holds it at 100.
    assert(gaps.every((gap) => gap < 150), `gaps over the cap: ${gaps}`);
    await until(() => store.pendingCount === 0);
    assertStrictEquals(
      delivery.info().lastErrorMessage,
      "HTTP 502 Bad Gateway",
    );
  },
);

deliveryTest(
  "WebhookDelivery waits as long as Retry-After says when that is longer",
  {
    answer: failFirst(1, 429, { "retry-after": "1" }),
    options: { minBackoffMs: 10 },
  },
  async ({ delivery, receiver }) => {
    const [gap] = gapsOf(await receiver.waitFor(2));
    assert(gap >= 950, `retried after ${gap} ms despite Retry-After: 1`);
    assertStrictEquals(
      delivery.info().lastErrorMessage,
      "HTTP 429 Too Many Requests",
    );
  },
);

deliveryTest(
  "WebhookDelivery does not follow redirects: a 3xx is a failure",
  {
    answer: failFirst(1, 302, { location: "/elsewhere" }),
    options: { minBackoffMs: 20 },
  },
  async ({ delivery, receiver, store }) => {
    const attempts = await receiver.waitFor(2);
    // The retry is a POST to the webhook's own URL, not a visit to the Location.
    assertEquals(
      attempts.map((attempt) => `${attempt.method} ${attempt.path}`),
      ["POST /hook/path?x=1", "POST /hook/path?x=1"],
    );
    await until(() => store.pendingCount === 0);
    assertStrictEquals(delivery.info().lastErrorMessage, "HTTP 302 Found");
  },
);

deliveryTest(
  "WebhookDelivery gives up on a delivery after timeoutMs and retries it",
  {
    answer: (attempt, index) =>
      index === 0 ? hangUp(attempt) : new Response("ok"),
    options: { timeoutMs: 150, minBackoffMs: 10 },
  },
  async ({ delivery, receiver, store }) => {
    const [first, second] = await receiver.waitFor(2);
    assert(second.at - first.at >= 150, "retried before the timeout");
    assert(first.signal.aborted, "the first delivery was not given up");
    await until(() => store.pendingCount === 0);
    assert(
      delivery.info().lastErrorMessage !== undefined,
      "the timeout was not recorded",
    );
  },
);

Deno.test("WebhookDelivery records a receiver that is not listening, and keeps the batch", () =>
  withStore(async (store) => {
    store.push("message", messageText(1));
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const url = `http://127.0.0.1:${listener.addr.port}/hook`;
    listener.close();
    const delivery = new WebhookDelivery(
      store,
      { url, maxConnections: 40 },
      FAST,
    );
    try {
      delivery.start();
      await until(() => delivery.info().lastErrorMessage !== undefined);
      assertStrictEquals(store.pendingCount, 1);
    } finally {
      await delivery.stop();
    }
  }));

deliveryTest(
  "WebhookDelivery drops updates past the queue's age limit while the receiver fails",
  {
    answer: () => new Response(null, { status: 500 }),
    limits: { maxUpdates: 1000, maxAgeMs: 50 },
  },
  async ({ receiver, store }) => {
    await until(() => store.pendingCount === 0);
    assertStrictEquals(store.droppedCount, 1);
    assert(receiver.attempts.length >= 1, "dropped before any delivery");
  },
);

deliveryTest(
  "WebhookDelivery.stop() aborts a delivery in flight and leaves its batch queued",
  { queued: 2, answer: hangUp },
  async ({ delivery, receiver, store }) => {
    await receiver.waitFor(1);
    const started = performance.now();
    await delivery.stop();
    assert(performance.now() - started < 1_000, "stop() waited");
    await until(() => receiver.attempts[0].signal.aborted);
    assertStrictEquals(store.pendingCount, 2);
    // A stop is not a delivery error.
    assertStrictEquals(delivery.info().lastErrorMessage, undefined);
    // Stopped for good: nothing is sent any more.
    delivery.notify();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assertStrictEquals(receiver.attempts.length, 1);
  },
);

Deno.test("WebhookDelivery.info() reports the webhook, its host and the queue", () =>
  withStore(async (store) => {
    for (let i = 0; i < 3; i++) store.push("message", messageText(i));
    const delivery = new WebhookDelivery(store, {
      url: "https://hooks.example:8443/bot/path?secret=x",
      secretToken: "never-shown",
      maxConnections: 7,
      allowedUpdates: ["message"],
    });
    assertEquals(delivery.info(), {
      url: "https://hooks.example:8443/bot/path?secret=x",
      host: "hooks.example:8443",
      pendingUpdateCount: 3,
      lastErrorDate: undefined,
      lastErrorMessage: undefined,
      lastDeliveryDate: undefined,
      lastDeliveryLatencyMs: undefined,
      maxConnections: 7,
      allowedUpdates: ["message"],
    });
    // Never started: stop() is still safe.
    await delivery.stop();
  }));
