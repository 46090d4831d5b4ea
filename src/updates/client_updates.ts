/** One client's updates: the durable queue, fed by mtcute, drained by long polling or a webhook. */
import type { UpdateStats } from "../workers/client_stats.ts";
import { ConflictError } from "../errors.ts";
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

/** Queue, long poll and webhook of one client. */
export class ClientUpdates {
  readonly #store: UpdateStore;
  readonly #poll: LongPoll;
  readonly #webhookOptions: WebhookDeliveryOptions;
  #webhook?: WebhookDelivery;
  #allowed?: Set<string>;
  #lastUpdateAt?: number;

  constructor(store: UpdateStore, webhookOptions: WebhookDeliveryOptions = {}) {
    this.#store = store;
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
   * Queues an update from mtcute (synchronously, before mtcute saves its
   * state); `identity` names it so a repeat fetched after a crash is skipped.
   */
  push(kind: string, payload: unknown, identity?: string): void {
    if (this.#allowed && !this.#allowed.has(kind)) return;
    if (
      this.#store.push(kind, JSON.stringify(payload), { identity }) ===
        undefined
    ) return;
    this.#lastUpdateAt = Date.now();
    this.#poll.notify();
    this.#webhook?.notify();
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
    const params = parseGetUpdatesArgs(args);
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

  /** Stops delivery and any waiting poll. */
  async close(reason: Error): Promise<void> {
    this.#poll.cancel(reason);
    await this.#webhook?.stop();
  }
}
