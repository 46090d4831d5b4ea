/**
 * Messages between the front (HTTP) and the workers hosting clients. Types
 * only: every message is told apart by `type`; calls carry an `id` that their
 * answer repeats; errors cross as data.
 */

/** What a worker needs to create clients. */
export interface WorkerConfig {
  apiId: number;
  apiHash: string;
  dataDir: string;
  dc?: { host: string; port: number };
  /** PKCS#1 PEM public key of the custom DC, read once by the front. */
  dcKeyPem?: string;
  testMode: boolean;
  logLevel: number;
}

/** Which client a call is for. `id` names its session file and never holds a secret. */
export type ClientRef =
  /** `token` is absent when the server starts a bot by itself (its file holds the token). */
  | { kind: "bot"; id: string; token?: string }
  | { kind: "user"; id: string };

/** An error as data: rendered by the front exactly as a thrown one would be. */
export interface SerializedError {
  name: string;
  message: string;
  /** Present for errors that map to an HTTP status (GatewayError and subclasses). */
  status?: number;
  errorType?: string;
  headers?: Record<string, string>;
}

/** Front → worker. */
export type FrontMessage =
  | { type: "init"; config: WorkerConfig }
  | {
    type: "call";
    id: number;
    client: ClientRef;
    method: string;
    args: unknown[];
  }
  /** The HTTP client went away: abort the call (a long poll returns nothing). */
  | { type: "cancel"; id: number }
  /** Start the client now if it has a webhook or queued updates (sent for every session at boot). */
  | { type: "boot"; id: number; client: ClientRef }
  /** Report every hosted client (answered with a ClientStats[] result). */
  | { type: "stats"; id: number }
  | { type: "shutdown"; id: number };

/** Worker → front. */
export type WorkerMessage =
  | { type: "ready" }
  /** The result, already JSON-encoded (workers encode, so the front only copies text). */
  | { type: "result"; id: number; json: string }
  | { type: "error"; id: number; error: SerializedError }
  /** A client was unloaded (failed to start, idle, or rejected by Telegram): its pin may go. */
  | { type: "unloaded"; clientId: string }
  | { type: "shutdown-done"; id: number };
