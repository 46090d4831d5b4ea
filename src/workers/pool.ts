/** The front's side of the workers: spawns them, pins each client to one, and routes calls. */
import { TimeoutError, UnavailableError } from "../errors.ts";
import { methodTraits } from "../gateway_methods.ts";
import { RawJson } from "../raw_json.ts";
import { type FileGcFigures, fileMemory } from "../reclaim.ts";
import { deadline } from "../timers.ts";
import type { ClientStats } from "./client_stats.ts";
import { callBatcher, type MessageBatcher } from "./batch.ts";
import { StreamResult } from "./stream_result.ts";
import { deserializeError } from "./errors.ts";
import type { ClientRef } from "../client_id.ts";
import type {
  FrontMessage,
  UploadedFile,
  WorkerConfig,
  WorkerMessage,
  WorkerReport,
} from "./protocol.ts";

/** Options of `WorkerPool.start`. */
export interface WorkerPoolOptions {
  /** Number of workers (at least 1). */
  size: number;
  config: WorkerConfig;
  /** The worker module; defaults to `src/telegram/worker.ts`, the entry of the threads hosting clients. */
  workerUrl?: URL;
  /** Longest wait for the next chunk of a download (default 60 s). */
  streamTimeoutMs?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A stream being received: told about each chunk (undefined at the end) or its failure. */
interface Incoming {
  chunk(chunk: Uint8Array | undefined): void;
  fail(error: Error): void;
}

interface Slot {
  index: number;
  worker: Worker;
  /** Messages to the worker, posted in batches. */
  outbox: MessageBatcher<FrontMessage>;
  ready: Promise<void>;
  pending: Map<number, Pending>;
  streams: Map<number, Incoming>;
  clients: Set<string>;
  calls: number;
  /** Calls in progress other than long polls (which wait without work). */
  quickCalls: number;
  /** The worker's file GC, as of its last stats answer. */
  fileGc: FileGcFigures;
}

/** Per-worker figures for the stats page. */
export interface WorkerStats {
  index: number;
  clients: number;
  pendingCalls: number;
  callsServed: number;
  restarts: number;
  /** Garbage collections for file transfers (`--file-gc`), as of the last client stats. */
  fileGc: FileGcFigures;
}

/** How a call waits: its bound, the signal that cancels it, the files it sends. */
export interface CallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Spooled multipart file parts the arguments refer to. */
  uploads?: UploadedFile[];
}

/** How far a spool file that is uploaded early has grown (see streamed_uploads.ts). */
export type SpoolReport = Omit<
  Extract<FrontMessage, { type: "spool-grew" }>,
  "type"
>;

/** What the HTTP front needs of the pool: calls (and news of spool files uploaded early). */
export interface ClientCaller {
  call(
    client: ClientRef,
    method: string,
    args: unknown[],
    options: CallOptions,
  ): Promise<unknown>;
  spoolGrew?(client: ClientRef, report: SpoolReport): Promise<void>;
}

/** N workers; each client-id is pinned to the least-loaded worker at its first call. */
export class WorkerPool implements ClientCaller {
  readonly #options: Required<WorkerPoolOptions>;
  readonly #slots: Slot[] = [];
  readonly #pins = new Map<string, Slot>();
  readonly #restarts: number[] = [];
  #nextId = 1;
  #closed = false;

  private constructor(options: WorkerPoolOptions) {
    this.#options = {
      workerUrl: new URL("../telegram/worker.ts", import.meta.url),
      streamTimeoutMs: 60_000,
      ...options,
    };
  }

  /** Spawns the workers and waits until each is ready. */
  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    for (let index = 0; index < options.size; index++) {
      pool.#slots.push(pool.#spawn(index));
      pool.#restarts.push(0);
    }
    await Promise.all(pool.#slots.map((slot) => slot.ready));
    return pool;
  }

  #spawn(index: number): Slot {
    const worker = new Worker(this.#options.workerUrl, {
      type: "module",
      name: `clients-${index}`,
    });
    let markReady!: () => void;
    const slot: Slot = {
      index,
      worker,
      outbox: callBatcher(
        (batch, transfer) => this.#post(slot, batch, transfer),
        () => slot.quickCalls,
      ),
      ready: new Promise<void>((resolve) => markReady = resolve),
      pending: new Map(),
      streams: new Map(),
      clients: new Set(),
      calls: 0,
      quickCalls: 0,
      fileGc: { collections: 0, ms: 0 },
    };
    worker.onmessage = (event: MessageEvent<WorkerMessage[]>) => {
      for (const message of event.data) {
        this.#onMessage(slot, message, markReady);
      }
    };
    worker.onerror = (event) => {
      // Without preventDefault an uncaught error in a worker would take the whole process down.
      event.preventDefault();
      console.error(`worker ${index} crashed: ${event.message}`);
      this.#replace(slot);
    };
    slot.outbox.send({ type: "init", config: this.#options.config });
    return slot;
  }

  /**
   * Posts a batch to the worker. A message that cannot be copied (a bug: the
   * front bounds what arguments can hold) fails its own call, not the batch's
   * other calls, and never throws into the timer that flushed the batch.
   */
  #post(slot: Slot, batch: FrontMessage[], transfer: Transferable[]) {
    try {
      slot.worker.postMessage(batch, transfer);
      return;
    } catch (error) {
      if (transfer.length > 0 || batch.length === 1) {
        for (const message of batch) this.#failMessage(slot, message, error);
        return;
      }
    }
    for (const message of batch) {
      try {
        slot.worker.postMessage([message]);
      } catch (error) {
        this.#failMessage(slot, message, error);
      }
    }
  }

  #failMessage(slot: Slot, message: FrontMessage, error: unknown) {
    const id = "id" in message ? message.id : undefined;
    const pending = id === undefined ? undefined : slot.pending.get(id);
    if (!pending) {
      console.error(
        `A ${message.type} message to worker ${slot.index} could not be sent:`,
        error,
      );
      return;
    }
    slot.pending.delete(id!);
    pending.reject(
      new Error(`The call could not be passed to worker ${slot.index}`, {
        cause: error,
      }),
    );
  }

  #onMessage(slot: Slot, message: WorkerMessage, markReady: () => void) {
    switch (message.type) {
      case "ready":
        markReady();
        break;
      case "result":
      case "shutdown-done": {
        const pending = slot.pending.get(message.id);
        slot.pending.delete(message.id);
        pending?.resolve(
          message.type === "result" ? new RawJson(message.json) : undefined,
        );
        break;
      }
      case "error": {
        const pending = slot.pending.get(message.id);
        slot.pending.delete(message.id);
        pending?.reject(deserializeError(message.error));
        slot.streams.get(message.id)?.fail(deserializeError(message.error));
        break;
      }
      case "stream-start": {
        const pending = slot.pending.get(message.id);
        slot.pending.delete(message.id);
        pending?.resolve(
          new StreamResult(message.meta, this.#receive(slot, message.id)),
        );
        break;
      }
      case "stream-chunk":
      case "stream-end":
        slot.streams.get(message.id)?.chunk(
          message.type === "stream-chunk" ? message.chunk : undefined,
        );
        break;
      case "unloaded":
        slot.clients.delete(message.clientId);
        if (this.#pins.get(message.clientId) === slot) {
          this.#pins.delete(message.clientId);
        }
        break;
      default:
        message satisfies never;
    }
  }

  /** The front's end of a worker's stream: each pull asks the worker for one chunk. */
  #receive(slot: Slot, id: number): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        const next = new Promise<Uint8Array | undefined>((resolve, reject) => {
          slot.streams.set(id, { chunk: resolve, fail: reject });
          slot.outbox.send({ type: "stream-pull", id });
        });
        try {
          const chunk = await deadline(next, this.#options.streamTimeoutMs, {
            error: () =>
              new TimeoutError(
                "The download stalled: no data from Telegram within the request timeout",
              ),
          });
          if (chunk) {
            controller.enqueue(chunk);
            fileMemory.note(chunk.length);
          } else controller.close();
        } catch (error) {
          slot.outbox.send({ type: "cancel", id });
          controller.error(error);
        } finally {
          slot.streams.delete(id);
        }
      },
      cancel: () => {
        slot.streams.delete(id);
        slot.outbox.send({ type: "cancel", id });
      },
    }, { highWaterMark: 0 });
  }

  #replace(slot: Slot) {
    slot.worker.terminate();
    for (const stream of slot.streams.values()) {
      stream.fail(
        new UnavailableError("The worker hosting this client stopped"),
      );
    }
    for (const pending of slot.pending.values()) {
      pending.reject(
        new UnavailableError(
          "The worker hosting this client stopped; the call may or may not have happened",
        ),
      );
    }
    if (this.#closed) return;
    // The replacement takes over the slot, so pinned clients are re-created there on their next call.
    const fresh = this.#spawn(slot.index);
    fresh.clients = slot.clients;
    for (const [clientId, pinned] of this.#pins) {
      if (pinned === slot) this.#pins.set(clientId, fresh);
    }
    this.#slots[slot.index] = fresh;
    this.#restarts[slot.index]++;
  }

  #slotFor(clientId: string): Slot {
    let slot = this.#pins.get(clientId);
    if (!slot) {
      slot = this.#slots.reduce((least, candidate) =>
        candidate.clients.size < least.clients.size ? candidate : least
      );
      slot.clients.add(clientId);
      this.#pins.set(clientId, slot);
    }
    return slot;
  }

  #send(
    slot: Slot,
    message: FrontMessage & { id: number },
    { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<unknown> {
    const answer = new Promise((resolve, reject) => {
      slot.pending.set(message.id, { resolve, reject });
      slot.outbox.send(message);
    });
    const cancel = (error: Error) => {
      // The worker stops waiting too (a long poll must not mark updates as returned).
      if (slot.pending.delete(message.id)) {
        slot.outbox.send({ type: "cancel", id: message.id });
      }
      return error;
    };
    return deadline(answer, timeoutMs, {
      signal,
      error: () =>
        cancel(
          new TimeoutError(
            `The client did not answer within ${
              Math.round(timeoutMs / 1000)
            } s`,
          ),
        ),
      abortError: () =>
        cancel(new DOMException("The HTTP client went away", "AbortError")),
    });
  }

  /**
   * Calls `method` on the client, creating it on first use. Resolves with the
   * JSON-encoded result (or a StreamResult for downloads); rejects with the error the worker threw, TimeoutError
   * after `timeoutMs`, or an AbortError when `signal` aborts.
   */
  async call(
    client: ClientRef,
    method: string,
    args: unknown[],
    options: CallOptions,
  ): Promise<RawJson | StreamResult> {
    const slot = this.#slotFor(client.id);
    await slot.ready;
    slot.calls++;
    const { uploads, ...limits } = options;
    const message = {
      type: "call",
      id: this.#nextId++,
      client,
      method,
      args,
      uploads,
    } as const;
    const quick = !methodTraits(method).longPoll;
    if (quick) slot.quickCalls++;
    try {
      return await this.#send(slot, message, limits) as RawJson | StreamResult;
    } finally {
      if (quick) slot.quickCalls--;
    }
  }

  /** Tells the worker of `client` how far a spool file it uploads early has grown. */
  async spoolGrew(client: ClientRef, report: SpoolReport): Promise<void> {
    const slot = this.#slotFor(client.id);
    await slot.ready;
    slot.outbox.send({ type: "spool-grew", ...report });
  }

  /** Starts the client if its session has a webhook or queued updates (used at server start). */
  async boot(
    client: ClientRef,
    { timeoutMs }: { timeoutMs: number },
  ): Promise<boolean> {
    const slot = this.#slotFor(client.id);
    await slot.ready;
    const result = await this.#send(slot, {
      type: "boot",
      id: this.#nextId++,
      client,
    }, { timeoutMs });
    return JSON.parse((result as RawJson).text);
  }

  /** How many workers there are. */
  get size(): number {
    return this.#slots.length;
  }

  /** Figures per worker. */
  stats(): WorkerStats[] {
    return this.#slots.map((slot) => ({
      index: slot.index,
      clients: slot.clients.size,
      pendingCalls: slot.pending.size,
      callsServed: slot.calls,
      restarts: this.#restarts[slot.index],
      fileGc: slot.fileGc,
    }));
  }

  /**
   * Every hosted client's figures, from all workers (a worker that does not
   * answer in time is left out); also refreshes each worker's file GC figures.
   */
  async clientStats(
    { timeoutMs = 2_000 }: { timeoutMs?: number } = {},
  ): Promise<ClientStats[]> {
    const slots = [...this.#slots];
    const answers = await Promise.allSettled(
      slots.map((slot) =>
        this.#send(slot, { type: "stats", id: this.#nextId++ }, { timeoutMs })
      ),
    );
    return answers.flatMap((answer, index) => {
      if (answer.status !== "fulfilled") return [];
      const report = JSON.parse((answer.value as RawJson).text) as WorkerReport;
      slots[index].fileGc = report.fileGc;
      return report.clients;
    });
  }

  /** Asks every worker to close its clients (bounded by `timeoutMs`), then terminates them. */
  async close(
    { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
  ): Promise<void> {
    this.#closed = true;
    await Promise.allSettled(
      this.#slots.map((slot) =>
        this.#send(slot, { type: "shutdown", id: this.#nextId++ }, {
          timeoutMs,
        })
      ),
    );
    for (const slot of this.#slots) slot.worker.terminate();
  }
}
