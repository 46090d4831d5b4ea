import { assert, assertEquals, assertMatch } from "../assert.ts";
import {
  defaultMaxConnections,
  findServeOnConnection,
  serveGuarded,
} from "../../src/http/connections.ts";
import type {
  GatewayServer,
  GuardOptions,
} from "../../src/http/connections.ts";
import { ConnectionMetrics } from "../../src/stats/connection_metrics.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Starts a guarded server answering "ok" (after `delayMs`) on a free loopback port. */
function start(
  options: Partial<GuardOptions>,
  delayMs = 0,
): { server: GatewayServer; metrics: ConnectionMetrics; port: number } {
  const metrics = new ConnectionMetrics();
  const server = serveGuarded({
    hostname: "127.0.0.1",
    port: 0,
    headerTimeoutMs: 0,
    keepAliveTimeoutMs: 0,
    maxConnections: 0,
    metrics,
    onListen: () => {},
    ...options,
  }, async () => {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return new Response("ok");
  });
  return { server, metrics, port: server.addr.port };
}

/** Writes `text` on a new connection and reads until the server closes it (or 5 s pass). */
async function exchange(port: number, text: string) {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const started = performance.now();
  const giveUp = setTimeout(() => conn.close(), 5_000);
  if (text) await conn.write(encoder.encode(text));
  let received = "";
  let closed = false;
  const buffer = new Uint8Array(4096);
  try {
    while (true) {
      const read = await conn.read(buffer);
      if (read === null) break;
      received += decoder.decode(buffer.subarray(0, read));
    }
    closed = true;
  } catch (error) {
    closed = error instanceof Deno.errors.ConnectionReset;
  }
  clearTimeout(giveUp);
  try {
    conn.close();
  } catch { /* closed already */ }
  return { received, closed, ms: performance.now() - started };
}

const GET = "GET / HTTP/1.1\r\nhost: x\r\n\r\n";

Deno.test("this Deno serves HTTP on accepted connections, so the guard is not the Deno.serve fallback", () => {
  assertEquals(typeof findServeOnConnection(), "function");
});

Deno.test("defaultMaxConnections() is half the open-file limit, at most 10 000", () => {
  assertEquals(defaultMaxConnections(1024), 512);
  assertEquals(defaultMaxConnections(65536), 10_000);
  assertEquals(defaultMaxConnections(Infinity), 10_000);
  assertEquals(defaultMaxConnections(undefined), 10_000);
  assertEquals(defaultMaxConnections(1), 1);
});

Deno.test("serveGuarded() closes a connection that sends no complete headers in time, and one left idle after its answer", async () => {
  const { server, metrics, port } = start({
    headerTimeoutMs: 200,
    keepAliveTimeoutMs: 200,
  });
  try {
    const [silent, partial, kept] = await Promise.all([
      exchange(port, ""),
      exchange(port, "GET / HTTP/1.1\r\nhost"),
      exchange(port, GET),
    ]);
    for (const [what, result] of [["silent", silent], ["partial", partial]]) {
      const { received, closed, ms } = result as typeof silent;
      assertEquals([what, received, closed], [what, "", true]);
      assert(ms < 3_000, `${what} closed after ${ms} ms`);
    }
    assertMatch(kept.received, /^HTTP\/1\.1 200 [^]*ok$/);
    assert(kept.closed && kept.ms < 3_000, `kept closed after ${kept.ms} ms`);
    assertEquals(metrics.headerTimeouts, 2);
    assertEquals(metrics.keepAliveTimeouts, 1);
    assertEquals(metrics.accepted, 3);
    assertEquals(metrics.open, 0);
  } finally {
    await server.shutdown();
  }
});

Deno.test("serveGuarded() gives a kept-alive connection the keep-alive timeout, not the header timeout, for its next request", async () => {
  const { server, metrics, port } = start({
    headerTimeoutMs: 100,
    keepAliveTimeoutMs: 1_000,
  });
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    const buffer = new Uint8Array(4096);
    const ask = async () => {
      await conn.write(encoder.encode(GET));
      const read = await conn.read(buffer);
      return decoder.decode(buffer.subarray(0, read ?? 0));
    };
    assertMatch(await ask(), /^HTTP\/1\.1 200 /);
    // Three header timeouts' worth of silence, well within the keep-alive timeout.
    await new Promise((r) => setTimeout(r, 300));
    assertMatch(await ask(), /^HTTP\/1\.1 200 /);
    const started = performance.now();
    assertEquals(await conn.read(buffer), null);
    const ms = performance.now() - started;
    assert(ms > 500 && ms < 3_000, `closed after ${ms} ms`);
    assertEquals([metrics.headerTimeouts, metrics.keepAliveTimeouts], [0, 1]);
  } finally {
    conn.close();
    await server.shutdown();
  }
});

Deno.test("serveGuarded() never times out a request in progress, only the wait for the next one", async () => {
  const { server, metrics, port } = start({
    headerTimeoutMs: 100,
    keepAliveTimeoutMs: 100,
  }, 500);
  try {
    const { received } = await exchange(
      port,
      "GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    assertMatch(received, /^HTTP\/1\.1 200 /);
    assertEquals(metrics.headerTimeouts + metrics.keepAliveTimeouts, 0);
  } finally {
    await server.shutdown();
  }
});

Deno.test("serveGuarded() answers 503 and closes beyond maxConnections, and serves again once one closes", async () => {
  const { server, metrics, port } = start({ maxConnections: 2 });
  try {
    const open = await Promise.all(
      [1, 2].map(() => Deno.connect({ hostname: "127.0.0.1", port })),
    );
    const refused = await exchange(port, GET);
    assertMatch(
      refused.received,
      /^HTTP\/1\.1 503 [^]*x-error-type: unavailable/,
    );
    assert(refused.closed);
    assertEquals(metrics.refused, 1);
    assertEquals(metrics.limit, 2);
    open[0].close();
    let served = "";
    for (
      let attempt = 0;
      attempt < 50 && !served.includes(" 200 ");
      attempt++
    ) {
      await new Promise((r) => setTimeout(r, 20));
      served = (await exchange(
        port,
        "GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
      )).received;
    }
    assertMatch(served, /^HTTP\/1\.1 200 /);
    open[1].close();
  } finally {
    await server.shutdown();
  }
});

Deno.test("serveGuarded() shutdown lets a request in progress finish", async () => {
  const { server, port } = start({ headerTimeoutMs: 5_000 }, 300);
  const answer = exchange(
    port,
    "GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
  );
  await new Promise((r) => setTimeout(r, 100));
  await server.shutdown();
  assertMatch((await answer).received, /^HTTP\/1\.1 200 [^]*ok$/);
  await server.finished;
});

Deno.test("serveGuarded() with every guard off is plain Deno.serve", async () => {
  const { server, metrics, port } = start({});
  try {
    const { received } = await exchange(
      port,
      "GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    assertMatch(received, /^HTTP\/1\.1 200 /);
    assertEquals(metrics.guarded, false);
  } finally {
    await server.shutdown();
  }
});
