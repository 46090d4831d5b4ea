/**
 * The TypeScript client of MTKruto Server: calls a gateway endpoint over
 * HTTP, revives and encodes the bigint, bytes and date wrappers, uploads and
 * downloads files, polls for updates and serves webhooks. Its typed methods
 * call mtcute's methods (`mtcute.sendText`…); `call` reaches MTKruto's too. Runs wherever
 * `fetch` does (Deno, Node 20+, Bun, browsers, serverless); it imports no
 * runtime-specific module.
 *
 * ```ts
 * import { Client } from "./client/mod.ts";
 *
 * const client = new Client("http://localhost:8000/bot123456:ABC…");
 * const me = await client.getMe();
 * await client.sendText("@someone", `Hello from ${me.username}!`);
 * ```
 *
 * @module
 */
export { Client } from "./client.ts";
export type { ClientOptions, MethodArgs, MethodResult } from "./client.ts";
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
export type { EncodedBody, FileSource, InputFileOptions } from "./files.ts";
export type * from "./methods.ts";
export { runPolling } from "./polling.ts";
export type {
  GetUpdatesParams,
  PollingOptions,
  UpdateSource,
} from "./polling.ts";
export type * from "./types.ts";
export {
  dispatchUpdate,
  UPDATE_KINDS,
  UpdateHandlerError,
  updateKind,
} from "./updates.ts";
export type {
  MessageReference,
  Update,
  UpdateCallbackQuery,
  UpdateChat,
  UpdateData,
  UpdateHandlers,
  UpdateKind,
  UpdateMessage,
  UpdatePayloads,
} from "./updates.ts";
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
