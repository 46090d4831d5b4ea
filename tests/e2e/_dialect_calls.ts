/** Calling a gateway endpoint's methods in the e2e tests: the raw answer, a result that must be a 200, the next updates. */
import { assertEquals } from "../assert.ts";
import { readJson } from "./harness.ts";
import type { Gateway, WireUpdate } from "./harness.ts";

/** Calls `method` with JSON arguments (or a multipart form); the answer with its status and error type. */
export async function callMethod(
  gateway: Gateway,
  base: string,
  method: string,
  args: unknown[] | FormData = [],
): Promise<{ status: number; errorType: string | null; body: unknown }> {
  return await readJson(
    await gateway.fetch(
      `${base}/${method}`,
      args instanceof FormData ? { method: "POST", body: args } : {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(args),
      },
    ),
  );
}

/** Calls `method` and returns its result, failing the test on any error answer. */
export async function callOk<T = Record<string, unknown>>(
  gateway: Gateway,
  base: string,
  method: string,
  args: unknown[] | FormData = [],
): Promise<T> {
  const answer = await callMethod(gateway, base, method, args);
  assertEquals(
    [method, answer.status, answer.errorType],
    [method, 200, null],
    `${method} answered ${JSON.stringify(answer.body)}`,
  );
  return answer.body as T;
}

/** Waits up to `timeout` seconds for the next updates, confirming the ones before. */
export async function nextUpdates(
  gateway: Gateway,
  base: string,
  timeout = 10,
): Promise<WireUpdate[]> {
  return await callOk<WireUpdate[]>(gateway, base, "getUpdates", [{ timeout }]);
}
