import { assertEquals } from "../assert.ts";
import {
  errorResponse,
  jsonResponse,
  newRequestId,
} from "../../src/http/respond.ts";
import {
  ConflictError,
  GatewayError,
  InputError,
  MethodNotAllowedError,
  RpcError,
  TimeoutError,
} from "../../src/errors.ts";

const JSON_TYPE = "application/json; charset=utf-8";

/** Runs `run` with console.error captured, returning what it was given. */
function capturingConsoleError(run: () => void): unknown[][] {
  const calls: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => calls.push(args);
  try {
    run();
  } finally {
    console.error = original;
  }
  return calls;
}

Deno.test("jsonResponse() encodes any JSON value with a JSON content type", async () => {
  for (const value of [null, 1337, "Hello, world!", [1, { a: true }]]) {
    const response = jsonResponse(value);
    assertEquals(response.status, 200);
    assertEquals(response.headers.get("content-type"), JSON_TYPE);
    assertEquals(await response.json(), value);
  }
});

Deno.test("jsonResponse() encodes undefined as null", async () => {
  assertEquals(await jsonResponse(undefined).text(), "null");
});

Deno.test("jsonResponse() keeps the given status and headers but not a content type", () => {
  const response = jsonResponse(true, 201, {
    "x-request-id": "abc",
    "content-type": "text/plain",
  });
  assertEquals(response.status, 201);
  assertEquals(response.headers.get("x-request-id"), "abc");
  assertEquals(response.headers.get("content-type"), JSON_TYPE);
});

Deno.test("errorResponse() renders an InputError as a 400 with its message and type", async () => {
  const response = errorResponse(
    new InputError("Argument 2 is not valid JSON"),
    "req1",
  );
  assertEquals(response.status, 400);
  assertEquals(response.headers.get("x-error-type"), "input");
  assertEquals(response.headers.get("x-request-id"), "req1");
  assertEquals(response.headers.get("content-type"), JSON_TYPE);
  assertEquals(await response.json(), "Argument 2 is not valid JSON");
});

Deno.test("errorResponse() passes on an error's own headers", () => {
  const response = errorResponse(
    new MethodNotAllowedError("PUT", ["GET", "POST"]),
    "req2",
  );
  assertEquals(response.status, 405);
  assertEquals(response.headers.get("allow"), "GET, POST");
  const flood = errorResponse(new RpcError(420, "FLOOD_WAIT_30", 30), "req3");
  assertEquals([flood.status, flood.headers.get("retry-after")], [420, "30"]);
  assertEquals(flood.headers.get("x-error-type"), "rpc");
});

Deno.test("errorResponse() keeps each error class's status and type", () => {
  const cases = [
    [new ConflictError("getUpdates is already running"), 409, "conflict"],
    [new TimeoutError("Telegram did not answer in 30 seconds"), 504, "timeout"],
  ] as const;
  for (const [error, status, type] of cases) {
    const response = errorResponse(error, "req");
    assertEquals([response.status, response.headers.get("x-error-type")], [
      status,
      type,
    ]);
  }
});

Deno.test("errorResponse() hides an unknown error behind a logged 500", async () => {
  let response: Response | undefined;
  const logged = capturingConsoleError(() => {
    response = errorResponse(
      new Error("database at /secret/path is locked"),
      "req4",
    );
  });
  assertEquals(response?.status, 500);
  assertEquals(response?.headers.get("x-error-type"), null);
  assertEquals(response?.headers.get("x-request-id"), "req4");
  assertEquals(await response?.json(), "Internal server error (request req4)");
  assertEquals(logged.length, 1);
  assertEquals(String(logged[0][0]).includes("req4"), true);
});

Deno.test("errorResponse() treats a GatewayError with a non-error status as internal", () => {
  let response: Response | undefined;
  capturingConsoleError(() => {
    response = errorResponse(new GatewayError("odd", 200, "input"), "req5");
  });
  assertEquals(response?.status, 500);
});

Deno.test("newRequestId() returns short distinct URL-safe ids", () => {
  const ids = new Set(Array.from({ length: 100 }, newRequestId));
  assertEquals(ids.size, 100);
  for (const id of ids) {
    assertEquals(/^[A-Za-z0-9_-]{9,20}$/.test(id), true);
  }
});
