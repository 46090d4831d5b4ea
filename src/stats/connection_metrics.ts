/**
 * What the front counts about HTTP connections: how many are open, and the
 * slow or surplus clients it dropped. Plain counters, bumped in O(1) by the
 * connection guard (`src/http/connections.ts`) and the body deadline
 * (`src/http/body_timeout.ts`), read by the stats snapshot.
 */

/** The connection figures of the whole gateway. */
export class ConnectionMetrics {
  /**
   * Whether the gateway accepts connections itself. Without it (every guard
   * turned off, or a Deno without serve-on-connection) Deno.serve accepts
   * them, and only the body timeouts are known.
   */
  guarded = false;
  /** `--max-connections` (0: no limit). */
  limit = 0;
  /** Connections open now. */
  open = 0;
  /** Connections accepted and served since the start. */
  accepted = 0;
  /** Connections closed at once because `limit` were open. */
  refused = 0;
  /** Connections closed before the headers of their first request were complete. */
  headerTimeouts = 0;
  /** Kept-alive connections closed because no next request arrived in time (`--keepalive-timeout`). */
  keepAliveTimeouts = 0;
  /** Requests answered 408 because their body stalled. */
  bodyTimeouts = 0;
  /** Failed accepts (e.g. out of file descriptors). */
  acceptErrors = 0;
}
