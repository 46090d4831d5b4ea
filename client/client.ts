/** `Client`: calls a gateway endpoint's methods over HTTP with `fetch`. */
import { parseEndpoint } from "./_endpoint.ts";
import { request } from "./_request.ts";
import type {
  CallOptions,
  FloodWaitOptions,
  RequestConfig,
} from "./_request.ts";
import {
  type Download,
  downloadArgument,
  type DownloadTarget,
  rangeHeader,
  readDownload,
} from "./download.ts";
import type { DownloadOptions } from "./download.ts";
import type {
  AnswerCallbackQueryParams,
  EditMessageParams,
  ForwardMessagesParams,
  GetHistoryParams,
  MethodName,
  Methods,
} from "./methods.ts";
import {
  type GetUpdatesParams,
  type PollingOptions,
  runPolling,
} from "./polling.ts";
import type {
  CallbackQuery,
  Chat,
  InputMedia,
  InputPeerLike,
  InputText,
  Message,
  MethodList,
  SendParams,
  TlObject,
  User,
  WebhookInfo,
} from "./types.ts";
import {
  assertUpdates,
  type Update,
  type UpdateCallbackQuery,
  type UpdateHandlers,
  type UpdateKind,
} from "./updates.ts";
import { parseJson } from "./wrappers.ts";

/** Options of {@linkcode Client}. */
export interface ClientOptions {
  /** The `fetch` to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /**
   * Milliseconds a call may take, answer included, before it fails with a
   * NetworkError (default 90,000: above the gateway's default 60 s
   * `--request-timeout`). Long polls get at least their `timeout` + 15 s.
   */
  timeoutMs?: number;
  /** Headers sent with every call (e.g. for a proxy in front of the gateway). */
  headers?: HeadersInit;
  /** FLOOD_WAIT retries (default: none; e.g. `{maxRetries: 3, maxWaitSeconds: 60}`). */
  floodWait?: FloodWaitOptions;
}

/** Seconds a long poll may run past its `timeout` before the client gives up on it. */
const LONG_POLL_GRACE_SECONDS = 15;

/** How long the gateway lets a `getUpdates` without a timeout wait (its `--poll-timeout` default). */
const GATEWAY_POLL_SECONDS = 60;

/** The parameters of a typed method, or any arguments for the others. */
export type MethodArgs<M extends string> = M extends MethodName
  ? Parameters<Methods[M]>
  : unknown[];

/** The revived result of a typed method, or `unknown` for the others. */
export type MethodResult<M extends string> = M extends MethodName
  ? ReturnType<Methods[M]>
  : unknown;

/**
 * A client of one gateway endpoint: `http(s)://host:port/bot<TOKEN>` for a
 * bot, `http(s)://host:port/<user-id>` for a user. Runs wherever `fetch`
 * does. The typed convenience methods call mtcute's methods
 * (`mtcute.<name>`); `call` passes any name through as it is. Every method throws NetworkError when no answer arrived, a
 * GatewayError subclass (InputError, RpcError, ConflictError,
 * UnauthorizedError, TimeoutError, UnavailableError) for an error answer,
 * and the signal's reason when aborted.
 */
export class Client {
  readonly #config: RequestConfig;

  /** Throws TypeError for an endpoint that is not an http(s) URL with a client segment. */
  constructor(endpoint: string | URL, options: ClientOptions = {}) {
    const {
      fetch: fetchFn = globalThis.fetch.bind(globalThis),
      timeoutMs = 90_000,
      headers,
      floodWait = {},
    } = options;
    if (!(timeoutMs > 0)) {
      throw new RangeError(
        `Invalid timeoutMs: expected a positive number of milliseconds, got ${timeoutMs}`,
      );
    }
    this.#config = {
      endpoint: parseEndpoint(endpoint),
      fetch: fetchFn,
      timeoutMs,
      headers,
      floodWait: { maxRetries: 0, maxWaitSeconds: 60, ...floodWait },
    };
  }

  /**
   * Calls any method with its arguments (optional parameters in a trailing
   * object). The name is sent as it is: MTKruto's methods by their own names
   * (`sendMessage`), mtcute's with the prefix (`mtcute.sendText`).
   */
  call<M extends string>(
    method: M,
    ...args: MethodArgs<M>
  ): Promise<MethodResult<M>> {
    return this.callWithOptions<MethodResult<M>>(method, args);
  }

  /** Like `call`, with per-call options (signal, timeout, FLOOD_WAIT retries, headers). */
  callWithOptions<T = unknown>(
    method: string,
    args: readonly unknown[],
    options: CallOptions = {},
  ): Promise<T> {
    return request<T>(
      this.#config,
      method,
      [...args],
      options,
      async (response) => parseJson(await response.text()) as T,
    );
  }

  /** Calls a Telegram API function given in TL-JSON, e.g. `{_: "ping", ping_id: 1n}`. */
  invoke<T = TlObject>(query: TlObject, options?: CallOptions): Promise<T> {
    return this.callWithOptions<T>("invoke", [query], options);
  }

  /** The methods this endpoint can call, by area. */
  methods(options?: CallOptions): Promise<MethodList> {
    return this.callWithOptions<MethodList>("methods", [], options);
  }

  /**
   * One `getUpdates` call; its deadline is at least `params.timeout` + 15 s
   * (without a timeout the gateway waits up to its `--poll-timeout`, 60 s by
   * default, and so does the deadline), whatever `timeoutMs` says.
   */
  async getUpdates(
    params: GetUpdatesParams = {},
    options: CallOptions = {},
  ): Promise<Update[]> {
    const pollMs =
      ((params.timeout ?? GATEWAY_POLL_SECONDS) + LONG_POLL_GRACE_SECONDS) *
      1000;
    const updates = await this.callWithOptions<unknown>(
      "getUpdates",
      [params],
      {
        ...options,
        timeoutMs: options.timeoutMs ??
          Math.max(this.#config.timeoutMs, pollMs),
      },
    );
    assertUpdates(updates);
    return updates;
  }

  /** Polls and runs `handlers` until `options.signal` aborts; see `runPolling` for what it throws. */
  poll(handlers: UpdateHandlers, options?: PollingOptions): Promise<void> {
    return runPolling(this, handlers, options);
  }

  /** Has updates POSTed to `url`; pass a `secretToken` so deliveries are signed. */
  setWebhook(
    url: string,
    params: {
      secretToken?: string;
      maxConnections?: number;
      dropPendingUpdates?: boolean;
      allowedUpdates?: readonly UpdateKind[];
    } = {},
    options?: CallOptions,
  ): Promise<true> {
    return this.callWithOptions<true>("setWebhook", [url, params], options);
  }

  /** Stops webhook deliveries. */
  deleteWebhook(
    params: { dropPendingUpdates?: boolean } = {},
    options?: CallOptions,
  ): Promise<true> {
    return this.callWithOptions<true>("deleteWebhook", [params], options);
  }

  /** The webhook's state; `url` is `""` when none is set. */
  getWebhookInfo(options?: CallOptions): Promise<WebhookInfo> {
    return this.callWithOptions<WebhookInfo>("getWebhookInfo", [], options);
  }

  /**
   * Downloads a file as a stream. Give a message (or `{chatId, messageId}`)
   * to get its media with a file name, type and size, or a file id (or a
   * media object's `fileId`). The timeout covers the wait for the headers;
   * the signal also aborts the body.
   */
  async download(
    file: DownloadTarget,
    options: DownloadOptions = {},
  ): Promise<Download> {
    const { range, ...callOptions } = options;
    const headers = new Headers(callOptions.headers);
    if (range) headers.set("range", rangeHeader(range));
    return await request(
      this.#config,
      "download",
      [downloadArgument(file)],
      { ...callOptions, headers, bodyOutlivesCall: true },
      (response) => Promise.resolve(readDownload(response)),
    );
  }

  /** The account itself, as mtcute describes it (`mtcute.getMe`). */
  getMe(): Promise<User> {
    return this.call("mtcute.getMe");
  }

  /** A group, supergroup or channel (`mtcute.getChat`). */
  getChat(chatId: InputPeerLike): Promise<Chat> {
    return this.call("mtcute.getChat", chatId);
  }

  /** Sends a text message (`mtcute.sendText`). */
  sendText(
    chatId: InputPeerLike,
    text: InputText,
    params?: SendParams,
  ): Promise<Message> {
    return this.call("mtcute.sendText", chatId, text, params);
  }

  /** Sends media (`mtcute.sendMedia`); `Blob`s, `File`s, streams and `InputFile`s inside `media` are uploaded. */
  sendMedia(
    chatId: InputPeerLike,
    media: InputMedia,
    params?: SendParams & { caption?: InputText },
  ): Promise<Message> {
    return this.call("mtcute.sendMedia", chatId, media, params);
  }

  /** Edits a message's text, media or keyboard (`mtcute.editMessage`). */
  editMessage(params: EditMessageParams): Promise<Message> {
    return this.call("mtcute.editMessage", params);
  }

  /** Deletes messages by id (`mtcute.deleteMessagesById`). */
  deleteMessagesById(
    chatId: InputPeerLike,
    ids: number[],
    params?: { revoke?: boolean },
  ): Promise<void> {
    return this.call("mtcute.deleteMessagesById", chatId, ids, params);
  }

  /** Forwards messages by id (`mtcute.forwardMessagesById`). */
  forwardMessagesById(params: ForwardMessagesParams): Promise<Message[]> {
    return this.call("mtcute.forwardMessagesById", params);
  }

  /** Messages by id (`mtcute.getMessages`); `null` for those that do not exist. */
  getMessages(
    chatId: InputPeerLike,
    messageIds: number | number[],
  ): Promise<(Message | null)[]> {
    return this.call("mtcute.getMessages", chatId, messageIds);
  }

  /** A page of a chat's history, newest first (`mtcute.getHistory`). */
  getHistory(
    chatId: InputPeerLike,
    params?: GetHistoryParams,
  ): Promise<Message[]> {
    return this.call("mtcute.getHistory", chatId, params);
  }

  /**
   * Answers a callback query (`mtcute.answerCallbackQuery`), given the query
   * of a `callbackQuery` update, its id (the decimal string), or mtcute's
   * query or id. Rejects with a TypeError for an id that is not a decimal
   * integer.
   */
  async answerCallbackQuery(
    query: bigint | string | CallbackQuery | UpdateCallbackQuery,
    params?: AnswerCallbackQueryParams,
  ): Promise<void> {
    const id = typeof query === "object" ? query.id : query;
    if (typeof id === "string" && !/^-?\d{1,20}$/.test(id)) {
      throw new TypeError(
        `Invalid callback query id: expected a decimal integer, got ${
          JSON.stringify(id)
        }`,
      );
    }
    return await this.call(
      "mtcute.answerCallbackQuery",
      typeof id === "string" ? BigInt(id) : id,
      params,
    );
  }
}
