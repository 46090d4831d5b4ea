/** One client's updates: the durable queue, fed by mtcute, drained by long polling or a webhook. */
import type { UpdateStats } from "../workers/client_stats.ts";
import { ConflictError } from "../errors.ts";
import { delay, retryDelay } from "../timers.ts";
import { LongPoll } from "./long_poll.ts";
import {
  parseDeleteWebhookArgs,
  parseGetUpdatesArgs,
  parseSetWebhookArgs,
} from "./params.ts";
import { renderUpdates } from "./render.ts";
import type { UpdateStore } from "./store.ts";
import { WebhookDelivery } from "./webhook.ts";
import type {
  WebhookConfig,
  WebhookDeliveryOptions,
  WebhookInfo,
} from "./webhook.ts";

const WEBHOOK_SETTING = "webhook";
const ALLOWED_SETTING = "allowedUpdates";

/**
 * Renders a held-back update from its stored source (the dialect fetches
 * what the update refers to); null when there is nothing to deliver. A
 * throw is a passing failure: the update is tried again.
 */
export type UpdateRenderer = (kind: string, source: string) => Promise<unknown>;

/** Retries of a failed render: soon at first, then every half minute at most. */
const RENDER_BACKOFF = { initialMs: 500, maxMs: 30_000, jitter: 0.2 };

/** Queue, long poll and webhook of one client. */
export class ClientUpdates {
  readonly #store: UpdateStore;
  readonly #poll: LongPoll;
  readonly #webhookOptions: WebhookDeliveryOptions;
  readonly #pollTimeoutSeconds?: number;
  #webhook?: WebhookDelivery;
  #allowed?: Set<string>;
  #lastUpdateAt?: number;
  #renderer?: UpdateRenderer;
  #rendering?: Promise<void>;
  #closed = new AbortController();
  /** Whether a wake-up of the poll and webhook waits for the write batch to commit. */
  #releasing = false;

  constructor(
    store: UpdateStore,
    webhookOptions: WebhookDeliveryOptions = {},
    { pollTimeoutSeconds }: { pollTimeoutSeconds?: number } = {},
  ) {
    this.#store = store;
    this.#pollTimeoutSeconds = pollTimeoutSeconds;
    this.#poll = new LongPoll(store);
    this.#webhookOptions = webhookOptions;
    const allowed = store.getSetting(ALLOWED_SETTING);
    this.#allowed = allowed ? new Set(JSON.parse(allowed)) : undefined;
    const webhook = store.getSetting(WEBHOOK_SETTING);
    if (webhook) this.#startWebhook(JSON.parse(webhook));
  }

  /** Whether the client must stay loaded: a webhook is set, a poll waits, or updates are queued. */
  get active(): boolean {
    return this.#webhook !== undefined || this.#poll.waiting ||
      this.#store.pendingCount > 0;
  }

  /**
   * Queues an update (synchronously, before mtcute saves its state; a
   * poll or webhook sees it once its write batch commits): the
   * update object itself, or (`update` null) the `source` it is rendered
   * from later, when rendering needs the network. `identity` names it so a
   * repeat fetched after a crash is skipped.
   */
  push(
    kind: string,
    update: unknown,
    { identity, source }: { identity?: string; source?: string } = {},
  ): void {
    if (this.#allowed && !this.#allowed.has(kind)) return;
    if (update === null && source === undefined) {
      throw new Error(`update ${kind} has neither a payload nor a source`);
    }
    const payload = update === null ? null : JSON.stringify(update);
    if (
      this.#store.push(kind, payload, { identity, source }) === undefined
    ) return;
    this.#lastUpdateAt = Date.now();
    if (payload === null) this.#renderHeldBack();
    else this.#releaseOnCommit();
  }

  /** Wakes the poll and webhook once the batch commits: once per batch, not once per update. */
  #releaseOnCommit() {
    if (this.#releasing) return;
    this.#releasing = true;
    this.#store.afterCommit(() => {
      this.#releasing = false;
      this.#released();
    });
  }

  /** Sets how held-back updates are rendered, and renders those a previous run left. */
  setRenderer(renderer: UpdateRenderer): void {
    this.#renderer = renderer;
    this.#renderHeldBack();
  }

  #released() {
    this.#poll.notify();
    this.#webhook?.notify();
  }

  /** Renders the held-back updates in order, one loop at a time; a failure is retried with back-off. */
  #renderHeldBack() {
    if (!this.#renderer || this.#rendering) return;
    const renderer = this.#renderer;
    const signal = this.#closed.signal;
    this.#rendering = (async () => {
      let failures = 0;
      while (!signal.aborted) {
        const [next] = this.#store.unrendered();
        if (!next) break;
        try {
          const update = await renderer(next.kind, next.source);
          // Closed meanwhile: the store may be closed too; the update stays held back for the next run.
          if (signal.aborted) break;
          if (update === null) this.#store.discard(next.updateId);
          else this.#store.render(next.updateId, JSON.stringify(update));
          failures = 0;
          this.#released();
        } catch (error) {
          if (signal.aborted) break;
          console.error(
            `rendering update ${next.updateId} failed: ${
              error instanceof Error ? error.message : error
            }`,
          );
          await delay(retryDelay(++failures, RENDER_BACKOFF), { signal })
            .catch(() => {});
        }
      }
    })().finally(() => {
      this.#rendering = undefined;
      // An update pushed while the loop was finishing starts the next loop.
      if (!signal.aborted && this.#store.unrendered().length) {
        this.#renderHeldBack();
      }
    }).catch((error) =>
      // Reading the queue failed: unhandled, that would end the worker; the next push starts a new loop.
      console.error(
        `rendering held-back updates stopped: ${error?.stack ?? error}`,
      )
    );
  }

  #setAllowed(kinds: string[] | undefined) {
    if (!kinds) return;
    this.#allowed = new Set(kinds);
    this.#store.setSetting(ALLOWED_SETTING, JSON.stringify(kinds));
  }

  #startWebhook(config: WebhookConfig) {
    this.#webhook = new WebhookDelivery(
      this.#store,
      config,
      this.#webhookOptions,
    );
    this.#webhook.start();
  }

  /** `getUpdates`: the JSON text of the updates. Throws ConflictError while a webhook is set. */
  async getUpdates(args: unknown[], signal?: AbortSignal): Promise<string> {
    const params = parseGetUpdatesArgs(args, this.#pollTimeoutSeconds);
    if (this.#webhook) {
      throw new ConflictError(
        "getUpdates is not available while a webhook is set; call deleteWebhook first",
      );
    }
    this.#setAllowed(params.allowedUpdates);
    return renderUpdates(await this.#poll.poll(params, signal));
  }

  /** `setWebhook`: stores the webhook and starts delivering; ends a waiting poll with 409. */
  async setWebhook(args: unknown[]): Promise<true> {
    const params = parseSetWebhookArgs(args);
    await this.#webhook?.stop();
    this.#poll.cancel(
      new ConflictError(
        "A webhook was set for this client; getUpdates is no longer available",
      ),
    );
    if (params.dropPendingUpdates) this.#store.clear();
    this.#setAllowed(params.allowedUpdates);
    const config: WebhookConfig = {
      url: params.url,
      secretToken: params.secretToken,
      maxConnections: params.maxConnections,
      allowedUpdates: params.allowedUpdates,
    };
    this.#store.setSetting(WEBHOOK_SETTING, JSON.stringify(config));
    this.#startWebhook(config);
    return true;
  }

  /** `deleteWebhook`: stops delivery at once (a batch in flight stays queued). */
  async deleteWebhook(args: unknown[]): Promise<true> {
    const params = parseDeleteWebhookArgs(args);
    await this.#webhook?.stop();
    this.#webhook = undefined;
    this.#store.setSetting(WEBHOOK_SETTING, undefined);
    if (params.dropPendingUpdates) this.#store.clear();
    return true;
  }

  /** `getWebhookInfo`: the webhook's state, or an empty url when none is set. */
  getWebhookInfo(): Omit<WebhookInfo, "host"> | {
    url: "";
    pendingUpdateCount: number;
  } {
    if (!this.#webhook) {
      return { url: "", pendingUpdateCount: this.#store.pendingCount };
    }
    const { host: _host, ...info } = this.#webhook.info();
    return info;
  }

  /** Figures for the stats page (the webhook's host only, never its path or secret). */
  stats(): UpdateStats {
    const webhook = this.#webhook?.info();
    return {
      pending: this.#store.pendingCount,
      dropped: this.#store.droppedCount,
      lastUpdateAt: this.#lastUpdateAt,
      webhook: webhook && {
        host: webhook.host,
        lastErrorDate: webhook.lastErrorDate,
        lastErrorMessage: webhook.lastErrorMessage,
        lastDeliveryLatencyMs: webhook.lastDeliveryLatencyMs,
      },
    };
  }

  /** Stops delivery, rendering and any waiting poll. */
  async close(reason: Error): Promise<void> {
    this.#closed.abort(reason);
    this.#poll.cancel(reason);
    await this.#webhook?.stop();
  }
}
