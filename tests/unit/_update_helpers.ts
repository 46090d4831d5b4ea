/**
 * Helpers of the update tests: a webhook receiver on a free loopback port
 * that records every POST (failed ones too) with when it came and answers
 * each as the test says, a throwaway update store (and a client's updates
 * over it), a session file as the first release laid it out, update objects
 * in MTKruto's shape, and a polling wait.
 */
import { DatabaseSync } from "node:sqlite";
import { UnavailableError } from "../../src/errors.ts";
import { ClientUpdates } from "../../src/updates/client_updates.ts";
import { UpdateStore } from "../../src/updates/store.ts";
import type { WebhookDeliveryOptions } from "../../src/updates/webhook.ts";

/** A `message` update in MTKruto's shape, as the dialect queues it. */
export function messageUpdate(
  id: number,
  fields: Record<string, unknown> = {},
): { type: "message"; message: Record<string, unknown> } {
  return { type: "message", message: { id, ...fields } };
}

/** The stored JSON text of `messageUpdate(id)`. */
export function messageText(id: number): string {
  return JSON.stringify(messageUpdate(id));
}

/** The delivered JSON text of `messageUpdate(id)` queued as `updateId` (default `id`). */
export function renderedMessage(id: number, updateId = id): string {
  return `{"updateId":${updateId},"type":"message","message":{"id":${id}}}`;
}

/** An update row of the first release: mtcute's kind names, the payload of that kind alone. */
export interface FirstReleaseRow {
  kind: string;
  payload: string;
  createdAt?: number;
}

/**
 * Writes a session file with the gateway's tables as the first release
 * created them (no `format`, no `source`), holding `rows`, `settings` and
 * the `seen` identities.
 */
export function createFirstReleaseFile(
  path: string,
  { rows = [], settings = {}, seen = [] }: {
    rows?: FirstReleaseRow[];
    settings?: Record<string, string>;
    seen?: string[];
  },
): void {
  const db = new DatabaseSync(path);
  try {
    db.exec(`
      create table gateway_updates (id integer primary key autoincrement, kind text not null, payload text not null, created_at integer not null);
      create table gateway_settings (key text primary key, value text not null);
      create table gateway_seen (identity text primary key, created_at integer not null);
    `);
    const now = Date.now();
    for (const { kind, payload, createdAt = now } of rows) {
      db.prepare(
        "insert into gateway_updates (kind, payload, created_at) values (?, ?, ?)",
      ).run(kind, payload, createdAt);
    }
    for (const [key, value] of Object.entries(settings)) {
      db.prepare("insert into gateway_settings (key, value) values (?, ?)")
        .run(key, value);
    }
    for (const identity of seen) {
      db.prepare(
        "insert into gateway_seen (identity, created_at) values (?, ?)",
      ).run(identity, now);
    }
  } finally {
    db.close();
  }
}

/** The column names of the `gateway_updates` table in the file at `path`. */
export function updateColumns(path: string): string[] {
  const db = new DatabaseSync(path);
  try {
    return (db.prepare("pragma table_info(gateway_updates)").all() as {
      name: string;
    }[]).map((column) => column.name);
  } finally {
    db.close();
  }
}

/** One POST the receiver got. */
export interface Attempt {
  method: string;
  /** The path and query the request was sent to. */
  path: string;
  headers: Headers;
  body: string;
  /** Aborts when the sender gives up on the request. */
  signal: AbortSignal;
  /** `performance.now()` when it arrived. */
  at: number;
}

/** How to answer attempt `index` (0 for the first); a promise holds the answer back. */
export type Answer = (
  attempt: Attempt,
  index: number,
) => Response | Promise<Response>;

/** A running receiver. */
export interface Receiver {
  /** A URL with a path and a query, as users set them. */
  url: string;
  attempts: Attempt[];
  /** Resolves with the attempts once there are `count`; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<Attempt[]>;
  close(): Promise<void>;
}

/** Starts a receiver answering with `answer` (200 to everything by default). */
export function startReceiver(
  answer: Answer = () => new Response("ok"),
): Receiver {
  const attempts: Attempt[] = [];
  const waiters = new Set<() => void>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (request) => {
      const url = new URL(request.url);
      const attempt = {
        method: request.method,
        path: url.pathname + url.search,
        headers: request.headers,
        body: await request.text(),
        signal: request.signal,
        at: performance.now(),
      };
      attempts.push(attempt);
      for (const waiter of waiters) waiter();
      return await answer(attempt, attempts.length - 1);
    },
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}/hook/path?x=1`,
    attempts,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (attempts.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(attempts.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `receiver: ${attempts.length} of ${count} attempts within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => server.shutdown(),
  };
}

/** An answer that never comes: it settles (unsent) once the sender gives up, so the server can shut down. */
export function hangUp(attempt: Attempt): Promise<Response> {
  return new Promise((resolve) => {
    const done = () => resolve(new Response(null, { status: 500 }));
    if (attempt.signal.aborted) done();
    else attempt.signal.addEventListener("abort", done, { once: true });
  });
}

/** Runs `fn` with a fresh update store in a temporary directory, and removes both after. */
export async function withStore(
  fn: (store: UpdateStore, path: string) => void | Promise<void>,
  limits?: { maxUpdates: number; maxAgeMs: number },
): Promise<void> {
  await withTempFile(async (path) => {
    const store = new UpdateStore(path, limits);
    try {
      await fn(store, path);
    } finally {
      store.close();
    }
  });
}

/** Runs `fn` with the path of a session file, not created yet, in a temporary directory removed after. */
export async function withTempFile(
  fn: (path: string) => void | Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "mtkruto-updates-test-" });
  try {
    await fn(`${dir}/client.sqlite`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Quick webhook retries, for the tests of a client's updates. */
const FAST_WEBHOOK: WebhookDeliveryOptions = {
  minBackoffMs: 20,
  maxBackoffMs: 5_000,
};

/** The third argument of ClientUpdates. */
type UpdatesOptions = ConstructorParameters<typeof ClientUpdates>[2];

/** Runs `fn` with the updates of a client over a fresh store (closed after). */
export function withUpdates(
  fn: (
    updates: ClientUpdates,
    store: UpdateStore,
    path: string,
  ) => Promise<void>,
  options?: UpdatesOptions,
): Promise<void> {
  return withStore(async (store, path) => {
    const updates = new ClientUpdates(store, FAST_WEBHOOK, options);
    try {
      await fn(updates, store, path);
    } finally {
      await updates.close(new UnavailableError("test over"));
    }
  });
}

/** Runs `fn` with the updates of a new client object over the session file at `path`, as after a restart. */
export async function reopened(
  path: string,
  fn: (updates: ClientUpdates, store: UpdateStore) => void | Promise<void>,
  options?: UpdatesOptions,
): Promise<void> {
  const store = new UpdateStore(path);
  const updates = new ClientUpdates(store, FAST_WEBHOOK, options);
  try {
    await fn(updates, store);
  } finally {
    await updates.close(new UnavailableError("test over"));
    store.close();
  }
}

/** Polls `condition` every 5 ms until it holds; throws after `timeoutMs`. */
export async function until(
  condition: () => boolean,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
