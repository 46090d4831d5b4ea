/**
 * The TypeScript client of MTKruto Server: MTKruto's Client over HTTP. Its
 * methods are MTKruto's (`sendMessage`, `sendPhoto`, `editMessageText`…),
 * typed with MTKruto's types; updates reach middleware (`on`, `command`,
 * `use`…) with a context per update (`ctx.reply`…), by long polling
 * (`start`) or a webhook. mtcute's methods are under `client.mtcute`. Runs
 * wherever `fetch` does (Deno, Node 20+, Bun, browsers, serverless); it
 * imports no runtime-specific module.
 *
 * ```ts
 * import { Client } from "./client/mod.ts";
 *
 * const client = new Client("http://localhost:8000/bot123456:ABC…");
 * client.on("message:text", (ctx) => ctx.reply(ctx.msg.text));
 * await client.start();
 * ```
 *
 * @module
 */
export { Client } from "./client.ts";
export type {
  ClientOptions,
  MethodArgs,
  MethodResult,
  StartOptions,
} from "./client.ts";
export { Composer, concat, flatten, skip } from "./composer.ts";
export type {
  Commands,
  MaybePromise,
  Middleware,
  MiddlewareFn,
  MiddlewareObj,
  NextFunction,
  Patterns,
} from "./composer.ts";
export { Context } from "./context.ts";
export type { ReplyParams, ReplyParamsOf } from "./context.ts";
export { createMatch, matchFilter } from "./filters.ts";
export type {
  FilteredUpdate,
  FilterQuery,
  Shortcuts,
  WithChatType,
  WithFilter,
} from "./filters.ts";
export { DIALECT_METHODS } from "./mtkruto/methods.ts";
export type { DialectMethods } from "./mtkruto/methods.ts";
export type * from "./mtkruto/params.ts";
export type * from "./mtkruto/types.ts";
export type * as Mtcute from "./mtcute/types.ts";
export type { MtcuteMethods } from "./mtcute/methods.ts";
export type * from "./gateway_types.ts";
export type { CallOptions, FloodWaitOptions } from "./_request.ts";
export type { Download, DownloadOptions, DownloadTarget } from "./download.ts";
export { parseFileName } from "./download.ts";
export {
  ConflictError,
  ERROR_TYPES,
  GatewayError,
  InputError,
  MtkrutoError,
  NetworkError,
  RpcError,
  TimeoutError,
  UnauthorizedError,
  UnavailableError,
} from "./errors.ts";
export type { ErrorType, GatewayErrorInit } from "./errors.ts";
export { encodeArguments, InputFile, inputFile } from "./files.ts";
export type {
  EncodedBody,
  EncodeOptions,
  InputFileOptions,
  UploadSource,
} from "./files.ts";
export { runPolling } from "./polling.ts";
export type {
  GetUpdatesParams,
  PollingOptions,
  UpdateSource,
} from "./polling.ts";
export {
  deliverUpdate,
  dispatchUpdate,
  UPDATE_KINDS,
  UpdateHandlerError,
  updateKind,
} from "./updates.ts";
export type { UpdateHandlers, UpdateKind, UpdateReceiver } from "./updates.ts";
export { WEBHOOK_HEADERS, webhookHandler } from "./webhook.ts";
export type { WebhookHandlerOptions } from "./webhook.ts";
export {
  decodeBase64,
  encodeBase64,
  encodeValue,
  parseJson,
  revive,
  WRAPPER_KINDS,
} from "./wrappers.ts";
export type { JsonWrapper } from "./wrappers.ts";
