/** The benchmark's HTTP/1.1 load client: framing, keep-alive and errors against a real Deno.serve. */
import { assertEquals, assertRejects } from "../assert.ts";
import { HttpLoadClient } from "../bench/_http_load.ts";
import { serveGuarded } from "../../src/http/connections.ts";
import { ConnectionMetrics } from "../../src/stats/connection_metrics.ts";

const decoder = new TextDecoder();

async function withServer(
  handler: (req: Request) => Response | Promise<Response>,
  fn: (url: string) => Promise<void>,
): Promise<void> {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    handler,
  );
  try {
    await fn(`http://127.0.0.1:${server.addr.port}`);
  } finally {
    await server.shutdown();
  }
}

Deno.test("load client: JSON bodies go out and answers come back on one kept-alive connection", async () => {
  const seen: unknown[] = [];
  await withServer(async (req) => {
    seen.push([req.method, new URL(req.url).pathname, await req.json()]);
    return Response.json({ n: seen.length });
  }, async (url) => {
    const client = await HttpLoadClient.open(url, 1);
    try {
      for (let i = 1; i <= 3; i++) {
        const body = await client.post(0, "/bot1:x/getMe", [i, "é"]);
        assertEquals(JSON.parse(decoder.decode(body)), { n: i });
      }
    } finally {
      client.close();
    }
  });
  assertEquals(seen, [
    ["POST", "/bot1:x/getMe", [1, "é"]],
    ["POST", "/bot1:x/getMe", [2, "é"]],
    ["POST", "/bot1:x/getMe", [3, "é"]],
  ]);
});

Deno.test("load client: chunked and large answers are read whole, and the next one still lines up", async () => {
  const big = "x".repeat(300_000);
  await withServer((req) => {
    if (new URL(req.url).pathname === "/big") return new Response(big);
    // A streamed body has no length: Deno's server sends it chunked.
    const parts = ["ab", "", "cdef", "g".repeat(70_000)];
    return new Response(
      new ReadableStream({
        pull(controller) {
          const next = parts.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      }),
    );
  }, async (url) => {
    const client = await HttpLoadClient.open(url, 2);
    try {
      for (let round = 0; round < 2; round++) {
        assertEquals(
          decoder.decode(await client.post(round, "/chunked", [])),
          "abcdef" + "g".repeat(70_000),
        );
        assertEquals(decoder.decode(await client.post(round, "/big", [])), big);
      }
    } finally {
      client.close();
    }
  });
});

Deno.test("load client: an answer other than 200 is an error with its status and text", async () => {
  await withServer(
    () => new Response("Unknown method: nope", { status: 404 }),
    async (url) => {
      const client = await HttpLoadClient.open(url, 1);
      try {
        const error = await assertRejects(
          client.post(0, "/bot1:x/nope", []),
          Error,
        );
        assertEquals(error.message, "/bot1:x/nope: 404 Unknown method: nope");
      } finally {
        client.close();
      }
    },
  );
});

Deno.test("load client: a connection the server closed while idle is replaced, and the call goes through", async () => {
  let requests = 0;
  const metrics = new ConnectionMetrics();
  const server = serveGuarded({
    hostname: "127.0.0.1",
    port: 0,
    headerTimeoutMs: 100,
    keepAliveTimeoutMs: 100,
    maxConnections: 0,
    metrics,
    onListen: () => {},
  }, () => Response.json(++requests));
  const client = await HttpLoadClient.open(
    `http://127.0.0.1:${server.addr.port}`,
    2,
  );
  try {
    assertEquals(decoder.decode(await client.post(0, "/a", [])), "1");
    // Both connections outlive the server's patience: one after an answer, one before any request.
    await new Promise((resolve) => setTimeout(resolve, 400));
    assertEquals(metrics.keepAliveTimeouts + metrics.headerTimeouts, 2);
    assertEquals(decoder.decode(await client.post(0, "/b", [])), "2");
    assertEquals(decoder.decode(await client.post(1, "/c", [])), "3");
    assertEquals(metrics.accepted, 4);
  } finally {
    client.close();
    await server.shutdown();
  }
});
