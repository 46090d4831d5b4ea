/**
 * Helpers of the update tests: a webhook receiver on a free loopback port
 * that records every POST (failed ones too) with when it came and answers
 * each as the test says, a throwaway update store, and a polling wait.
 */
import { UpdateStore } from "../../src/updates/store.ts";

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
  fn: (store: UpdateStore, path: string) => Promise<void>,
  limits?: { maxUpdates: number; maxAgeMs: number },
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "mtkruto-updates-test-" });
  const path = `${dir}/client.sqlite`;
  const store = new UpdateStore(path, limits);
  try {
    await fn(store, path);
  } finally {
    store.close();
    await Deno.remove(dir, { recursive: true });
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
