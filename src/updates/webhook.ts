/**
 * Webhook delivery for one client: batches of up to 100 updates POSTed in
 * order; a batch is confirmed only by a 2xx, and retried with exponential
 * back-off (1 s doubling to 60 s, with jitter, `Retry-After` honoured) until
 * it goes through or its updates age out of the queue.
 */
import { delay, retryDelay } from "../timers.ts";
import type { UpdateStore } from "./store.ts";
import { signDelivery, WEBHOOK_HEADERS } from "./signature.ts";
import { renderUpdates } from "./render.ts";

/** A webhook as set by `setWebhook` and stored in the client's file. */
export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
}

/** What `getWebhookInfo` reports. */
export interface WebhookInfo {
  url: string;
  /** The host alone: what the stats page may show. */
  host: string;
  pendingUpdateCount: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
  lastDeliveryDate?: number;
  lastDeliveryLatencyMs?: number;
  maxConnections: number;
  allowedUpdates?: string[];
}

/** Options of `WebhookDelivery`. */
export interface WebhookDeliveryOptions {
  /** How long one delivery may take (default 30 s). */
  timeoutMs?: number;
  /** First retry delay (default 1 s); doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  /** Longest retry delay (default 60 s). */
  maxBackoffMs?: number;
  /** Largest batch (default 100). */
  batchSize?: number;
}

/** Delivers a client's queue to its webhook until stopped. */
export class WebhookDelivery {
  readonly config: WebhookConfig;
  readonly #store: UpdateStore;
  readonly #options: Required<WebhookDeliveryOptions>;
  readonly #stop = new AbortController();
  #wake?: () => void;
  #loop?: Promise<void>;
  #lastError?: { date: number; message: string };
  #lastDelivery?: { date: number; latencyMs: number };

  constructor(
    store: UpdateStore,
    config: WebhookConfig,
    options: WebhookDeliveryOptions = {},
  ) {
    this.#store = store;
    this.config = config;
    this.#options = {
      timeoutMs: 30_000,
      minBackoffMs: 1_000,
      maxBackoffMs: 60_000,
      batchSize: 100,
      ...options,
    };
  }

  /** Starts the delivery loop. */
  start(): void {
    this.#loop ??= this.#run().catch((error) =>
      console.error(`webhook loop failed: ${error?.stack ?? error}`)
    );
  }

  /** Wakes the loop: an update was queued. */
  notify(): void {
    this.#wake?.();
  }

  /** Stops at once, aborting a delivery in flight (its batch stays queued). */
  async stop(): Promise<void> {
    this.#stop.abort();
    this.#wake?.();
    await this.#loop;
  }

  /** The figures `getWebhookInfo` returns. */
  info(): WebhookInfo {
    return {
      url: this.config.url,
      host: new URL(this.config.url).host,
      pendingUpdateCount: this.#store.pendingCount,
      lastErrorDate: this.#lastError?.date,
      lastErrorMessage: this.#lastError?.message,
      lastDeliveryDate: this.#lastDelivery?.date,
      lastDeliveryLatencyMs: this.#lastDelivery?.latencyMs,
      maxConnections: this.config.maxConnections,
      allowedUpdates: this.config.allowedUpdates,
    };
  }

  async #run(): Promise<void> {
    let failures = 0;
    const stopped = this.#stop.signal;
    while (!stopped.aborted) {
      const batch = this.#store.read({ limit: this.#options.batchSize });
      if (!batch.length) {
        // Every push wakes the loop, so an idle client waits with no timer (and no database read).
        await this.#sleep(Infinity, true);
        continue;
      }
      const retryAfterMs = await this.#deliver(renderUpdates(batch));
      if (retryAfterMs === undefined) {
        this.#store.confirmBelow(batch.at(-1)!.updateId + 1);
        failures = 0;
        continue;
      }
      failures++;
      // Without new pushes nothing else prunes, and a dead receiver must not hold updates past the age limit.
      this.#store.prune();
      // Jitter spreads retries of many clients hitting one receiver; Retry-After wins when longer.
      const backoff = retryDelay(failures, {
        initialMs: this.#options.minBackoffMs,
        maxMs: this.#options.maxBackoffMs,
        jitter: 0.5,
      });
      await this.#sleep(Math.max(retryAfterMs, backoff), false);
    }
  }

  /** POSTs one batch; returns undefined on success, else the Retry-After wait in ms (0 if none). */
  async #deliver(body: string): Promise<number | undefined> {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    };
    if (this.config.secretToken) {
      headers[WEBHOOK_HEADERS.secretToken] = this.config.secretToken;
      headers[WEBHOOK_HEADERS.signature] = await signDelivery(
        this.config.secretToken,
        timestamp,
        body,
      );
    }
    const started = performance.now();
    try {
      const response = await fetch(this.config.url, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.any([
          this.#stop.signal,
          AbortSignal.timeout(this.#options.timeoutMs),
        ]),
      });
      await response.body?.cancel();
      if (response.ok) {
        this.#lastDelivery = {
          date: Math.floor(Date.now() / 1000),
          latencyMs: Math.round(performance.now() - started),
        };
        return undefined;
      }
      this.#recordError(
        `HTTP ${response.status} ${response.statusText}`.trim(),
      );
      const retryAfter = Number(response.headers.get("retry-after"));
      return Number.isFinite(retryAfter) && retryAfter > 0
        ? Math.min(retryAfter, 3600) * 1000
        : 0;
    } catch (error) {
      if (!this.#stop.signal.aborted) {
        this.#recordError((error as Error).message);
      }
      return 0;
    }
  }

  #recordError(message: string) {
    this.#lastError = {
      date: Math.floor(Date.now() / 1000),
      message: message.slice(0, 300),
    };
  }

  /** Waits `ms`, ending early on stop (and on new updates when `wakeable`). */
  async #sleep(ms: number, wakeable: boolean): Promise<void> {
    const wake = new AbortController();
    if (wakeable) this.#wake = () => wake.abort();
    try {
      await delay(ms, {
        signal: AbortSignal.any([this.#stop.signal, wake.signal]),
      });
    } catch {
      // Stopped or woken: the loop tells which.
    } finally {
      this.#wake = undefined;
    }
  }
}
