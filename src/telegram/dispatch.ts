/** Runs one named method on a hosted client: `invoke` or an allowlisted high-level method. */
import { InputError, NotFoundError } from "../errors.ts";
import { tlJsonToMtcute } from "../tl/from_json.ts";
import { mtcuteToTlJson } from "../tl/to_json.ts";
import { decodeValue, encodeValue } from "../tl/values.ts";
import type { ClientHost } from "./client_host.ts";
import { assertInvokable } from "./invoke_policy.ts";
import { isAllowedMethod } from "./methods.ts";

async function invoke(host: ClientHost, args: unknown[]): Promise<unknown> {
  if (args.length !== 1) {
    throw new InputError(
      `invoke takes exactly one argument, a TL function object; got ${args.length}`,
    );
  }
  const request = tlJsonToMtcute(args[0], { expect: "method" });
  assertInvokable(request._);
  // deno-lint-ignore no-explicit-any
  const result = await host.client.call(request as any);
  return mtcuteToTlJson(result);
}

/** Calls `method` with JSON `args`; returns JSON. Throws NotFoundError for unknown methods. */
export async function dispatch(
  host: ClientHost,
  method: string,
  args: unknown[],
): Promise<unknown> {
  host.lastUsed = Date.now();
  if (method === "invoke") return await invoke(host, args);
  if (!isAllowedMethod(method)) {
    throw new NotFoundError(`Unknown method: ${method}`);
  }
  const fn = host.client[method] as (...args: unknown[]) => unknown;
  const result = await fn.apply(
    host.client,
    args.map((arg, index) =>
      decodeValue(arg, { path: `argument ${index + 1}` })
    ),
  );
  return encodeValue(result);
}
