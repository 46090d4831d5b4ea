/**
 * Messages between the front (HTTP) and the workers hosting clients. Types
 * only: every message is told apart by `type`; calls carry an `id` that their
 * answer repeats; errors cross as data. Each `postMessage` carries an array
 * of them: what one event-loop turn produced (see `MessageBatcher`).
 */
import type { ClientRef } from "../client_id.ts";
import type { DescriptorPlan } from "../descriptors.ts";
import type { FileGcFigures } from "../reclaim.ts";
import type { ClientStats } from "./client_stats.ts";

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
  /** Unload a client after this long without calls (unless its updates keep it); 0 or absent: never. */
  idleTimeoutMs?: number;
  /** `--poll-timeout`: how long getUpdates without a timeout waits (absent: the default). */
  pollTimeoutSeconds?: number;
  /** `--file-gc`: MiB of file data between two garbage collections in the worker (0: off; absent: the default). */
  fileGcMib?: number;
  /** The process's descriptor count, shared with the front (absent: nothing is refused). */
  descriptors?: { plan: DescriptorPlan; buffer: SharedArrayBuffer };
}

/** A worker's answer to `stats`. */
export interface WorkerReport {
  clients: ClientStats[];
  fileGc: FileGcFigures;
}

/** A multipart file part, spooled to disk by the front; the worker streams it from `path`. */
export interface UploadedFile {
  /** The multipart part name, which `{"_": "file", "field": …}` references use. */
  field: string;
  path: string;
  /** The file name the client sent. */
  name: string;
  /** The part's Content-Type. */
  type: string;
  size: number;
  /** The front started uploading it to Telegram while it arrived (see streamed_uploads.ts). */
  streamed?: boolean;
}

/** What a download's HTTP response says about its bytes. */
export interface FileMeta {
  contentType: string;
  fileName: string;
  /** The whole file's size, when Telegram's metadata has it. */
  size?: number;
  /** The first byte sent (non-zero for a ranged download). */
  offset: number;
  /** How many bytes are sent, when known. */
  length?: number;
}

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
    /** Files referenced by `{"_": "file"}` placeholders in `args`. */
    uploads?: UploadedFile[];
  }
  /** The HTTP client went away: abort the call (a long poll returns nothing). */
  | { type: "cancel"; id: number }
  /** Start the client now if it has a webhook or queued updates (sent for every session at boot). */
  | { type: "boot"; id: number; client: ClientRef }
  /** How far the front has written the spool file at `path` (an upload that started early). */
  | {
    type: "spool-grew";
    path: string;
    written: number;
    state: "writing" | "done" | "dropped";
  }
  /** Send the next chunk of the streamed result of call `id`. */
  | { type: "stream-pull"; id: number }
  /** Report every hosted client and the worker's file GC (answered with a WorkerReport). */
  | { type: "stats"; id: number }
  | { type: "shutdown"; id: number };

/** Worker → front. */
export type WorkerMessage =
  | { type: "ready" }
  /** The result, already JSON-encoded (workers encode, so the front only copies text). */
  | { type: "result"; id: number; json: string }
  | { type: "error"; id: number; error: SerializedError }
  /** Call `id` answers with a stream (a download): chunks follow, one per `stream-pull`. */
  | { type: "stream-start"; id: number; meta: FileMeta }
  | { type: "stream-chunk"; id: number; chunk: Uint8Array }
  | { type: "stream-end"; id: number }
  /** A client was unloaded (failed to start, idle, or rejected by Telegram): its pin may go. */
  | { type: "unloaded"; clientId: string }
  | { type: "shutdown-done"; id: number };
