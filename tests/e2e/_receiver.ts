/** A local webhook receiver for tests: records deliveries, can fail on demand, checks signatures. */

/** One POST the receiver got. */
export interface Delivery {
  headers: Headers;
  body: string;
  updates: { updateId: number; [kind: string]: unknown }[];
}

/** A running receiver. */
export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Answer the next `count` deliveries with `status` (e.g. 500) instead of 200. */
  failNext(count: number, status?: number): void;
  /** Resolves once `predicate` holds for the deliveries so far; rejects after `timeoutMs`. */
  until(
    predicate: (deliveries: Delivery[]) => boolean,
    timeoutMs?: number,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port. */
export function startReceiver(): Receiver {
  const deliveries: Delivery[] = [];
  let failures = 0;
  let failStatus = 500;
  const waiters = new Set<() => void>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      const body = await req.text();
      if (failures > 0) {
        failures--;
        return new Response("not now", { status: failStatus });
      }
      deliveries.push({
        headers: req.headers,
        body,
        updates: JSON.parse(body),
      });
      for (const waiter of waiters) waiter();
      return new Response("ok");
    },
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}/hook/path?x=1`,
    deliveries,
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    until(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(deliveries)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `receiver: condition not met within ${timeoutMs} ms (${deliveries.length} deliveries)`,
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

/** Checks a delivery's signature as docs/updates.md tells receivers to. */
export async function signatureIsValid(
  delivery: Delivery,
  secret: string,
): Promise<boolean> {
  const timestamp = delivery.headers.get("x-mtkruto-timestamp");
  const signature = delivery.headers.get("x-mtkruto-signature");
  if (!timestamp || !signature) return false;
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  const mac = Uint8Array.fromHex(signature.replace(/^sha256=/, ""));
  return await crypto.subtle.verify(
    "HMAC",
    key,
    mac,
    new TextEncoder().encode(`${timestamp}.${delivery.body}`),
  );
}
