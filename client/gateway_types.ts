/** The shapes of the gateway's own methods: raw TL objects (`invoke`), webhook state and the method list. */

/** A Telegram API object in TL-JSON: `_` is its schema name, fields are snake_case. */
export interface TlObject {
  _: string;
  [field: string]: unknown;
}

/** What `getWebhookInfo` returns; `url` is `""` when no webhook is set. */
export interface WebhookInfo {
  url: string;
  pendingUpdateCount: number;
  /** UNIX seconds of the last failed delivery. */
  lastErrorDate?: number;
  lastErrorMessage?: string;
  /** UNIX seconds of the last confirmed delivery. */
  lastDeliveryDate?: number;
  lastDeliveryLatencyMs?: number;
  maxConnections?: number;
  allowedUpdates?: string[];
}

/**
 * What `methods` returns: the gateway's own methods, MTKruto's by area (as
 * signatures, e.g. `"sendMessage(chatId: ID, text: string, params?: SendMessageParams): MessageText"`),
 * and mtcute's by area (as the names to call, e.g. `"mtcute.sendText"`).
 */
export interface MethodList {
  gateway: string[];
  mtkruto: Record<string, string[]>;
  mtcute: Record<string, string[]>;
}
