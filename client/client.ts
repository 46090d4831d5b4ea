/**
 * `Client`: MTKruto's Client over HTTP. Every method the gateway serves in
 * MTKruto's dialect is a typed method here; updates reach the middleware
 * (`on`, `command`, `use`…) by long polling (`start`) or a webhook.
 */
import { parseEndpoint } from "./_endpoint.ts";
import { request } from "./_request.ts";
import type {
  CallOptions,
  FloodWaitOptions,
  RequestConfig,
} from "./_request.ts";
import { Composer, getAccount } from "./composer.ts";
import type { Context } from "./context.ts";
import {
  type Download,
  downloadArgument,
  type DownloadTarget,
  rangeHeader,
  readDownload,
} from "./download.ts";
import type { DownloadOptions } from "./download.ts";
import type { MethodList, TlObject, WebhookInfo } from "./gateway_types.ts";
import type { MethodName, Methods, MtcuteMethods } from "./mtcute/methods.ts";
import { DIALECT_METHODS, type DialectMethods } from "./mtkruto/methods.ts";
import {
  type GetUpdatesParams,
  type PollingOptions,
  runPolling,
} from "./polling.ts";
import { assertUpdates, type Update, type UpdateKind } from "./updates.ts";
import { webhookHandler, type WebhookHandlerOptions } from "./webhook.ts";
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

/** Options of {@linkcode Client.start}: polling's, without the signal (`stop` ends it). */
export type StartOptions = Omit<PollingOptions, "signal">;

/** Seconds a long poll may run past its `timeout` before the client gives up on it. */
const LONG_POLL_GRACE_SECONDS = 15;

/** How long the gateway lets a `getUpdates` without a timeout wait (its `--poll-timeout` default). */
const GATEWAY_POLL_SECONDS = 60;

/** The parameters of a typed method (MTKruto's, or mtcute's as `mtcute.<name>`), or any arguments for the others. */
export type MethodArgs<M extends string> = M extends keyof DialectMethods
  ? Parameters<DialectMethods[M]>
  : M extends MethodName ? Parameters<Methods[M]>
  : unknown[];

/** The result of a typed method, or `unknown` for the others. */
export type MethodResult<M extends string> = M extends keyof DialectMethods
  ? Awaited<ReturnType<DialectMethods[M]>>
  : M extends MethodName ? ReturnType<Methods[M]>
  : unknown;

/**
 * A client of one gateway endpoint: `http(s)://host:port/bot<TOKEN>` for a
 * bot, `http(s)://host:port/<user-id>` for a user. Runs wherever `fetch`
 * does. Its methods are MTKruto's (`sendMessage(chatId, text, params?)`…);
 * mtcute's are under `client.mtcute`. Every method throws NetworkError when
 * no answer arrived, a GatewayError subclass (InputError, RpcError,
 * ConflictError, UnauthorizedError, TimeoutError, UnavailableError) for an
 * error answer, and the signal's reason when aborted.
 */
export class Client<C extends Context = Context> extends Composer<C> {
  readonly #config: RequestConfig;
  #polling?: { controller: AbortController; done: Promise<void> };
  #starting = false;

  /**
   * mtcute's methods by their own names: `client.mtcute.sendText(chatId,
   * "hi")` calls `mtcute.sendText`.
   */
  readonly mtcute: MtcuteMethods;

  /** Throws TypeError for an endpoint that is not an http(s) URL with a client segment. */
  constructor(endpoint: string | URL, options: ClientOptions = {}) {
    super();
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
    this.mtcute = new Proxy({} as MtcuteMethods, {
      get: (_target, name) =>
        typeof name === "string"
          ? (...args: unknown[]) => this.call(`mtcute.${name}`, ...args)
          : undefined,
    });
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

  /**
   * Like `call`, with per-call options (signal, timeout, FLOOD_WAIT retries,
   * headers). Bare bytes (`Uint8Array`, `ArrayBuffer`) are uploaded as files
   * in MTKruto's methods and sent inside the JSON in all others.
   */
  callWithOptions<T = unknown>(
    method: string,
    args: readonly unknown[],
    options: CallOptions = {},
  ): Promise<T> {
    return request<T>(
      this.#config,
      method,
      [...args],
      { ...options, bytesAsFiles: Object.hasOwn(DIALECT_METHODS, method) },
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

  /**
   * Starts receiving updates by long polling and hands each to the
   * middleware, in order; an update is confirmed once its middleware
   * finished. Resolves once the endpoint answered `getMe` and a first,
   * non-waiting `getUpdates` (so a wrong token, a webhook that is still set
   * or another poller fail here, as UnauthorizedError or ConflictError);
   * polling goes on until `stop()`. A middleware error is given to
   * `options.onError` (default: logged) and the update counts as handled.
   * Errors polling cannot retry later (the token revoked, a webhook set
   * meanwhile) end it, logged.
   */
  async start(options: StartOptions = {}): Promise<void> {
    if (this.#polling || this.#starting) {
      throw new Error("The client is already started");
    }
    this.#starting = true;
    try {
      // Asked through the middleware's cache, so handling the first update asks no more.
      await getAccount(this);
      // Offset 0 confirms nothing: whatever this sees, the loop gets again.
      await this.getUpdates({ offset: 0, timeout: 0, limit: 1 });
    } finally {
      this.#starting = false;
    }
    const controller = new AbortController();
    const done = runPolling(this, (update) => this.handleUpdate(this, update), {
      onError: (error, update) =>
        console.error(`Update ${update.updateId} failed:`, error),
      ...options,
      signal: controller.signal,
    }).catch((error) => {
      console.error("Polling stopped:", error);
    }).finally(() => {
      if (this.#polling?.controller === controller) this.#polling = undefined;
    });
    this.#polling = { controller, done };
  }

  /** Stops polling; resolves once the updates already handled are confirmed. */
  async stop(): Promise<void> {
    const polling = this.#polling;
    if (!polling) return;
    polling.controller.abort();
    await polling.done;
  }

  /**
   * A fetch-style handler (`Deno.serve`, Bun, Cloudflare Workers, Hono…) for
   * the URL given to `setWebhook`: checks each delivery's signature and
   * hands its updates to the middleware; see `webhookHandler` for answers.
   */
  webhookHandler(
    options: WebhookHandlerOptions,
  ): (req: Request) => Promise<Response> {
    return webhookHandler((update) => this.handleUpdate(this, update), options);
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
   * media object with its `fileId`). The timeout covers the wait for the
   * headers; the signal also aborts the body.
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
}

// Each of MTKruto's methods, typed by DialectMethods, is a call of the same name.
export interface Client<C extends Context = Context> extends DialectMethods {}
for (const name of Object.keys(DIALECT_METHODS)) {
  Object.defineProperty(Client.prototype, name, {
    value: function (this: Client, ...args: unknown[]) {
      return this.callWithOptions(name, args);
    },
    writable: true,
    configurable: true,
  });
}
