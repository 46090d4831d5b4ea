/** What a worker reports about each of its clients for the stats page (types only). */

/** A client's updates as the stats page shows them (the webhook by its host only). */
export interface UpdateStats {
  pending: number;
  dropped: number;
  lastUpdateAt?: number;
  webhook?: {
    host: string;
    lastErrorDate?: number;
    lastErrorMessage?: string;
    lastDeliveryLatencyMs?: number;
  };
}

/** One hosted client, as the stats page may show it: never a token, a user id or a phone number. */
export interface ClientStats {
  /**
   * `clientLabel()` of the client id: the session file stem `bot<id>-<hash>`
   * for bots; for users, whose id is a credential, `user-` and 8 hex digits
   * of its SHA-256 (the front labels its request figures the same way).
   */
  label: string;
  kind: "bot" | "user";
  worker: number;
  displayName?: string;
  username?: string;
  connected: boolean;
  /** Telegram's current connection state for the client (offline, connecting, updating, connected). */
  connectionState: string;
  updates: UpdateStats;
}
