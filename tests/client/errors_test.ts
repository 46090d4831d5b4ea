import { assertEquals, assertRejects } from "../assert.ts";
import {
  Client,
  ConflictError,
  GatewayError,
  InputError,
  RpcError,
  TimeoutError,
  UnauthorizedError,
  UnavailableError,
} from "../../client/mod.ts";
import { parseRetryAfter } from "../../client/errors.ts";
import {
  botEndpoint,
  gatewayError,
  json,
  withFakeServer,
} from "./_fake_server.ts";

Deno.test("Client errors are typed by x-error-type and carry status, message and request id", async () => {
  const cases = [
    [400, "input", InputError, "Unknown method: nope"],
    [400, "rpc", RpcError, "MESSAGE_ID_INVALID"],
    [401, "unauthorized", UnauthorizedError, "AUTH_KEY_UNREGISTERED"],
    [
      409,
      "conflict",
      ConflictError,
      "Terminated by another getUpdates request",
    ],
    [504, "timeout", TimeoutError, "The client did not answer within 60 s"],
    [503, "unavailable", UnavailableError, "The worker restarted"],
    [500, null, GatewayError, "Internal server error (request abc)"],
    [418, "something-new", GatewayError, "A type this client does not know"],
  ] as const;
  for (const [status, type, ErrorClass, message] of cases) {
    await withFakeServer(
      () => gatewayError(message, status, type),
      async ({ url }) => {
        const error = await assertRejects(
          new Client(botEndpoint(url)).call("getMe"),
          ErrorClass,
        );
        assertEquals(
          [
            error.constructor,
            error.status,
            error.type,
            error.message,
            error.requestId,
            error.method,
          ],
          [ErrorClass, status, type, message, "req-1", "getMe"],
        );
        assertEquals(error.name, ErrorClass.name);
      },
    );
  }
});

Deno.test("RpcError exposes Telegram's code, text and the Retry-After of a FLOOD_WAIT", () =>
  withFakeServer(
    () => gatewayError("FLOOD_WAIT_5", 420, "rpc", { "retry-after": "5" }),
    async ({ url }) => {
      const error = await assertRejects(
        new Client(botEndpoint(url)).call("mtcute.sendText", 1, "x"),
        RpcError,
      );
      assertEquals(
        [error.code, error.text, error.retryAfter, error.floodWait],
        [420, "FLOOD_WAIT_5", 5, 5],
      );
      assertEquals(error.is("FLOOD_WAIT_5"), true);
    },
  ));

Deno.test("GatewayError keeps a non-JSON error body from a proxy as its message", () =>
  withFakeServer(
    () => new Response("Bad Gateway", { status: 502 }),
    async ({ url }) => {
      const error = await assertRejects(
        new Client(botEndpoint(url)).call("getMe"),
        GatewayError,
      );
      assertEquals([error.status, error.type, error.message], [
        502,
        null,
        "Bad Gateway",
      ]);
    },
  ));

Deno.test("parseRetryAfter() reads delay seconds and HTTP dates", () => {
  const now = Date.parse("2024-01-01T00:00:00Z");
  assertEquals(parseRetryAfter("17", now), 17);
  assertEquals(parseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now), 30);
  assertEquals(parseRetryAfter("soon", now), undefined);
  assertEquals(parseRetryAfter(null, now), undefined);
});

Deno.test("Client retries a FLOOD_WAIT up to maxRetries, waiting Retry-After seconds", () =>
  withFakeServer(
    (_req, index) =>
      index < 2
        ? gatewayError("FLOOD_WAIT_0", 420, "rpc", { "retry-after": "0" })
        : json({ id: 9 }),
    async ({ url, received }) => {
      const client = new Client(botEndpoint(url), {
        floodWait: { maxRetries: 2 },
      });
      assertEquals(await client.call("mtcute.sendText", 1, "x"), { id: 9 });
      assertEquals(received.length, 3);
      assertEquals(received.every((r) => r.text === '[1,"x"]'), true);
    },
  ));

Deno.test("Client gives up on FLOOD_WAIT after maxRetries, and by default does not retry", () =>
  withFakeServer(
    () => gatewayError("FLOOD_WAIT_0", 420, "rpc", { "retry-after": "0" }),
    async ({ url, received }) => {
      await assertRejects(new Client(botEndpoint(url)).call("getMe"), RpcError);
      assertEquals(received.length, 1);
      const retrying = new Client(botEndpoint(url), {
        floodWait: { maxRetries: 2 },
      });
      await assertRejects(retrying.call("getMe"), RpcError);
      assertEquals(received.length, 4);
    },
  ));

Deno.test("Client does not wait for a FLOOD_WAIT longer than maxWaitSeconds", () =>
  withFakeServer(
    () => gatewayError("FLOOD_WAIT_120", 420, "rpc", { "retry-after": "120" }),
    async ({ url, received }) => {
      const client = new Client(botEndpoint(url), {
        floodWait: { maxRetries: 5, maxWaitSeconds: 60 },
      });
      const error = await assertRejects(client.call("getMe"), RpcError);
      assertEquals([error.retryAfter, received.length], [120, 1]);
    },
  ));

Deno.test("Client's FLOOD_WAIT wait ends when the signal aborts", () =>
  withFakeServer(
    () => gatewayError("FLOOD_WAIT_30", 420, "rpc", { "retry-after": "30" }),
    async ({ url }) => {
      const client = new Client(botEndpoint(url), {
        floodWait: { maxRetries: 1 },
      });
      const controller = new AbortController();
      const call = client.callWithOptions("getMe", [], {
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(new Error("stopped")), 50);
      const started = Date.now();
      const outcome = await call.then(
        () => "resolved",
        (error: Error) => error.message,
      );
      assertEquals([outcome, Date.now() - started < 5_000], ["stopped", true]);
    },
  ));

Deno.test("Client does not retry other RPC errors", () =>
  withFakeServer(
    () => gatewayError("PEER_ID_INVALID", 400, "rpc"),
    async ({ url, received }) => {
      const client = new Client(botEndpoint(url), {
        floodWait: { maxRetries: 3 },
      });
      await assertRejects(client.call("getMe"), RpcError);
      assertEquals(received.length, 1);
    },
  ));
