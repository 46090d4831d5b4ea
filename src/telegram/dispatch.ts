/** Runs one named method on a hosted client: a gateway method, a method of MTKruto's dialect, or an allowlisted mtcute method (as `mtcute.<name>`). */
import { InputError, NotFoundError } from "../errors.ts";
import { RawJson } from "../raw_json.ts";
import { tlJsonToMtcute } from "../tl/from_json.ts";
import { mtcuteToTlJson } from "../tl/to_json.ts";
import { decodeValue, encodeValue } from "../tl/values.ts";
import type { UploadedFile } from "../workers/protocol.ts";
import type { ClientHost } from "./client_host.ts";
import { checkArguments } from "./arg_check.ts";
import { assertInvokable } from "./invoke_policy.ts";
import { attachUploads, attachUploadsAsParts, download } from "./files.ts";
import { STREAM_UPLOAD_METHOD, streamUpload } from "./streamed_uploads.ts";
import { isAllowedMethod, methodList, MTCUTE_PREFIX } from "./methods.ts";
import type { AllowedMethod } from "./methods.ts";
import { dialectMethod } from "../mtkruto/methods/table.ts";
import { readArguments } from "../mtkruto/methods/define.ts";
import type { DialectMethod } from "../mtkruto/methods/define.ts";
import { routePongsToCalls } from "./pong_patch.ts";
import type { GatewayMethodName } from "../gateway_methods.ts";
import { mtcuteSignatures } from "./signatures.ts";
import type { Parameter } from "./signatures.ts";

type GatewayMethod = (
  host: ClientHost,
  args: unknown[],
  signal: AbortSignal,
) => Promise<unknown>;

/** Methods the gateway implements in the worker. */
const WORKER_METHODS: Record<GatewayMethodName, GatewayMethod> = {
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
  // Answered by the client's host, so only a client that exists answers (and gets a stats row).
  methods: () => Promise.resolve(methodList()),
};

/** Calls `method` with JSON `args`; returns JSON (or RawJson). Throws NotFoundError for unknown methods. */
export async function dispatch(
  host: ClientHost,
  method: string,
  args: unknown[],
  { signal, uploads = [] }: { signal: AbortSignal; uploads?: UploadedFile[] },
): Promise<unknown> {
  // The front's own call (no HTTP path can name it): an upload that starts while its body arrives.
  if (method === STREAM_UPLOAD_METHOD) {
    return await streamUpload(host, args, signal);
  }
  if (Object.hasOwn(WORKER_METHODS, method)) {
    return await WORKER_METHODS[method as keyof typeof WORKER_METHODS](
      host,
      args,
      signal,
    );
  }
  const dialect = dialectMethod(method);
  if (dialect) return await callDialect(host, dialect, args, signal, uploads);
  const mtcuteName = method.startsWith(MTCUTE_PREFIX)
    ? method.slice(MTCUTE_PREFIX.length)
    : undefined;
  if (mtcuteName === undefined || !isAllowedMethod(mtcuteName)) {
    throw new NotFoundError(unknownMethodMessage(method));
  }
  return await callMtcute(host, mtcuteName, args, uploads);
}

/** "Unknown method", with a pointer to `mtcute.<name>` when mtcute has a method of that name. */
function unknownMethodMessage(method: string): string {
  return isAllowedMethod(method)
    ? `Unknown method: ${method}; mtcute's ${method} is called as ${MTCUTE_PREFIX}${method}`
    : `Unknown method: ${method}`;
}

/** Closes the spooled files a call opened, whether mtcute read them or not. */
function closeAll(opened: Deno.FsFile[]): void {
  for (const file of opened) {
    try {
      file.close();
    } catch { /* already closed */ }
  }
}

/** Runs a method of MTKruto's dialect: its arguments checked and converted by its table entry. */
async function callDialect(
  host: ClientHost,
  method: DialectMethod,
  args: unknown[],
  signal: AbortSignal,
  uploads: UploadedFile[],
): Promise<unknown> {
  const opened: Deno.FsFile[] = [];
  try {
    const withFiles = uploads.length
      ? await attachUploadsAsParts(args, uploads, opened)
      : args;
    const isBot = host.ref.kind === "bot";
    const read = readArguments(method, withFiles, isBot);
    const call = { client: host.client, isBot, method: method.name, signal };
    return await callWithArguments(method.name, () => method.call(call, read));
  } finally {
    closeAll(opened);
  }
}

/** Runs an allowlisted mtcute method with its arguments checked against mtcute's declarations. */
async function callMtcute(
  host: ClientHost,
  method: AllowedMethod,
  args: unknown[],
  uploads: UploadedFile[],
): Promise<unknown> {
  const fn = host.client[method] as (...args: unknown[]) => unknown;
  // Messages name the method as callers call it.
  const name = `${MTCUTE_PREFIX}${method}`;
  const checked = checkArguments(name, signatureOf(method), args);
  const opened: Deno.FsFile[] = [];
  try {
    const withFiles = uploads.length
      ? await attachUploads(checked, uploads, opened)
      : checked;
    const decoded = withFiles.map((arg, index) =>
      decodeValue(arg, { path: `argument ${index + 1}` })
    );
    return encodeValue(
      await callWithArguments(name, () => fn.apply(host.client, decoded)),
    );
  } finally {
    closeAll(opened);
  }
}

/**
 * Runs an mtcute method called with user-supplied arguments. Arguments that
 * passed the signature check can still be wrong in ways only mtcute sees:
 * those surface as TypeErrors and RangeErrors, as the TL writer's complaints about the objects
 * it was given, as file id parse errors or as `assertNever`'s "Illegal
 * state" on a variant mtcute does not know. All are the caller's mistake.
 */
async function callWithArguments(
  method: string,
  call: () => unknown,
): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    const problem = argumentProblem(error);
    if (problem !== undefined) {
      throw new InputError(`Invalid arguments for ${method}: ${problem}`);
    }
    throw error;
  }
}

/** What an error thrown by mtcute says about the arguments, or undefined if it is not about them. */
function argumentProblem(error: unknown): string | undefined {
  // A TypeError where mtcute reads a value of the wrong shape, a RangeError where it parses
  // one (an inline message id that is not one, a number that is no 64-bit integer).
  if (error instanceof TypeError || error instanceof RangeError) {
    return error.message;
  }
  if (!(error instanceof Error)) return undefined;
  if (isFileIdError(error)) {
    return `${error.message}; a file is a file id (from a message the client received), an http(s) URL, or {"_": "file", "field": "<part name>"} for a multipart file part`;
  }
  if (error.constructor !== Error) return undefined;
  const { message } = error;
  if (/^Unknown object undefined$/.test(message)) {
    return 'an object in them has no "_" naming its TL constructor (mtcute takes raw TL objects there, e.g. {"_": "botCommand", …}; see docs/tl-json.md)';
  }
  if (
    /^Unknown object /.test(message) ||
    /^Object \S+ is missing required property /.test(message)
  ) {
    return `${message} (see docs/tl-json.md)`;
  }
  if (message === "Illegal state") {
    return "a value in them is of a kind mtcute does not handle here";
  }
  return undefined;
}

/** Errors of @mtcute/file-id (a string that is not a file id), told by their class name. */
function isFileIdError(error: Error): boolean {
  for (
    let proto = Object.getPrototypeOf(error);
    proto && proto !== Error.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    if (proto.constructor?.name === "FileIdError") return true;
  }
  return false;
}

/** The declared parameters of an allowlisted method. */
function signatureOf(method: string): Parameter[][] {
  const overloads = mtcuteSignatures().get(method);
  // Every allowlisted method is declared (a unit test checks it); an undeclared one is taken as is.
  return overloads ?? [[{
    name: "args",
    optional: true,
    rest: true,
    type: { kind: "unknown" },
  }]];
}
