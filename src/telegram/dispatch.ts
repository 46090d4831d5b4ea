/** Runs one named method on a hosted client: a gateway method or an allowlisted mtcute method. */
import { InputError, NotFoundError } from "../errors.ts";
import { RawJson } from "../raw_json.ts";
import { tlJsonToMtcute } from "../tl/from_json.ts";
import { mtcuteToTlJson } from "../tl/to_json.ts";
import { decodeValue, encodeValue } from "../tl/values.ts";
import type { UploadedFile } from "../workers/protocol.ts";
import type { ClientHost } from "./client_host.ts";
import { assertInvokable } from "./invoke_policy.ts";
import { attachUploads, download } from "./files.ts";
import { isAllowedMethod } from "./methods.ts";
import { routePongsToCalls } from "./pong_patch.ts";
import type { GatewayMethodName } from "./methods.ts";

type GatewayMethod = (
  host: ClientHost,
  args: unknown[],
  signal: AbortSignal,
) => Promise<unknown>;

/** Methods the gateway implements in the worker (`methods` is answered by the front). */
const WORKER_METHODS: Record<
  Exclude<GatewayMethodName, "methods">,
  GatewayMethod
> = {
  async invoke(host, args) {
    if (args.length !== 1) {
      throw new InputError(
        `invoke takes exactly one argument, a TL function object; got ${args.length}`,
      );
    }
    const request = tlJsonToMtcute(args[0], { expect: "method" });
    assertInvokable(request._);
    if (request._ === "mt_ping" && !routePongsToCalls(host.client)) {
      throw new InputError(
        "ping is not available: the connection is not ready",
        503,
      );
    }
    // deno-lint-ignore no-explicit-any
    return mtcuteToTlJson(await host.client.call(request as any));
  },
  async getUpdates(host, args, signal) {
    return new RawJson(await host.updates.getUpdates(args, signal));
  },
  setWebhook: (host, args) => host.updates.setWebhook(args),
  deleteWebhook: (host, args) => host.updates.deleteWebhook(args),
  getWebhookInfo: (host) => Promise.resolve(host.updates.getWebhookInfo()),
  download,
};

/** Calls `method` with JSON `args`; returns JSON (or RawJson). Throws NotFoundError for unknown methods. */
export async function dispatch(
  host: ClientHost,
  method: string,
  args: unknown[],
  { signal, uploads = [] }: { signal: AbortSignal; uploads?: UploadedFile[] },
): Promise<unknown> {
  if (Object.hasOwn(WORKER_METHODS, method)) {
    return await WORKER_METHODS[method as keyof typeof WORKER_METHODS](
      host,
      args,
      signal,
    );
  }
  if (!isAllowedMethod(method)) {
    throw new NotFoundError(`Unknown method: ${method}`);
  }
  const fn = host.client[method] as (...args: unknown[]) => unknown;
  const opened: Deno.FsFile[] = [];
  try {
    const withFiles = uploads.length
      ? await attachUploads(args, uploads, opened)
      : args;
    const decoded = withFiles.map((arg, index) =>
      decodeValue(arg, { path: `argument ${index + 1}` })
    );
    return encodeValue(
      await callWithArguments(() => fn.apply(host.client, decoded)),
    );
  } finally {
    // The spooled files mtcute read from (or never got to) are closed here.
    for (const file of opened) {
      try {
        file.close();
      } catch { /* already closed */ }
    }
  }
}

/**
 * Runs an mtcute method called with user-supplied arguments. Arguments of
 * the wrong shape surface as TypeErrors deep inside mtcute: those are the
 * caller's mistake (400), not the server's.
 */
async function callWithArguments(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TypeError) {
      throw new InputError(`Invalid arguments: ${error.message}`);
    }
    throw error;
  }
}
