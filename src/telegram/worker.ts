/// <reference lib="deno.worker" />
/** Worker entry: hosts clients and answers the front's calls. */
import { RawJson } from "../raw_json.ts";
import { configureFileGc, fileMemory } from "../reclaim.ts";
import { createHostContext } from "./client_factory.ts";
import { StreamedFile } from "./files.ts";
import { ClientHosts } from "./hosts.ts";
import { spoolGrew } from "./streamed_uploads.ts";
import { fromMtcuteError } from "./rpc_errors.ts";
import { mtcuteSignatures } from "./signatures.ts";
import { MessageBatcher } from "../workers/batch.ts";
import { serializeError } from "../workers/errors.ts";
import type {
  FrontMessage,
  WorkerConfig,
  WorkerMessage,
  WorkerReport,
} from "../workers/protocol.ts";

let hosts: ClientHosts | undefined;
// The pool names workers `clients-<index>`.
const workerIndex = Number(self.name.split("-").at(-1));
/** Calls in progress (and streams being sent), by call id: cancelling aborts them. */
const running = new Map<number, AbortController>();
const streams = new Map<number, ReadableStreamDefaultReader<Uint8Array>>();

const outbox = new MessageBatcher<WorkerMessage>((batch, transfer) =>
  self.postMessage(batch, transfer)
);

function post(message: WorkerMessage, transfer: Transferable[] = []) {
  outbox.send(message, transfer);
}

async function init(config: WorkerConfig): Promise<void> {
  if (config.fileGcMib !== undefined) configureFileGc(config.fileGcMib);
  // Read now rather than on the first call, which would wait for it.
  mtcuteSignatures();
  hosts = new ClientHosts({
    context: await createHostContext(config),
    onUnloaded: (clientId) => post({ type: "unloaded", clientId }),
  });
  post({ type: "ready" });
}

/** Runs `work` for call `id` and posts its result, its stream's start, or its error. */
async function answer(
  id: number,
  work: (signal: AbortSignal) => Promise<unknown>,
): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  let streaming = false;
  try {
    const value = await work(controller.signal);
    if (value instanceof StreamedFile) {
      streaming = true;
      streams.set(id, value.body.getReader());
      post({ type: "stream-start", id, meta: value.meta });
      return;
    }
    // Encoding here, in parallel workers, keeps the single front thread free.
    post({
      type: "result",
      id,
      json: value instanceof RawJson
        ? value.text
        : JSON.stringify(value) ?? "null",
    });
  } catch (error) {
    post({ type: "error", id, error: serializeError(error) });
  } finally {
    if (!streaming) running.delete(id);
  }
}

/** Sends the next chunk of stream `id` (the front asks for one at a time: that is the back-pressure). */
async function pull(id: number): Promise<void> {
  const reader = streams.get(id);
  if (!reader) return;
  try {
    const { done, value } = await reader.read();
    if (!done) {
      // A copy the worker can give away, so the chunk moves to the front without another copy.
      const chunk = value.slice();
      post({ type: "stream-chunk", id, chunk }, [chunk.buffer]);
      return;
    }
    post({ type: "stream-end", id });
  } catch (error) {
    post({ type: "error", id, error: serializeError(fromMtcuteError(error)) });
  }
  streams.delete(id);
  running.delete(id);
}

function cancel(id: number) {
  running.get(id)?.abort(
    new DOMException("The HTTP client went away", "AbortError"),
  );
  running.delete(id);
  streams.get(id)?.cancel().catch(() => {});
  streams.delete(id);
}

// A stray rejection inside mtcute must not take down every client of this worker.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  console.error(
    `unhandled rejection in worker: ${event.reason?.stack ?? event.reason}`,
  );
});

// Each message of a batch is handled on its own: a slow call must not hold up the next.
self.onmessage = (event: MessageEvent<FrontMessage[]>) => {
  for (const message of event.data) void handle(message);
};

async function handle(message: FrontMessage): Promise<void> {
  switch (message.type) {
    case "init":
      await init(message.config);
      break;
    case "call":
      await answer(
        message.id,
        (signal) =>
          hosts!.call(message.client, message.method, message.args, {
            signal,
            uploads: message.uploads,
          }),
      );
      break;
    case "stream-pull":
      await pull(message.id);
      break;
    case "spool-grew":
      spoolGrew(message.path, message.written, message.state);
      break;
    case "cancel":
      cancel(message.id);
      break;
    case "boot":
      await answer(message.id, () => hosts!.boot(message.client));
      break;
    case "stats":
      await answer(message.id, async (): Promise<WorkerReport> => ({
        clients: await hosts!.stats(workerIndex),
        fileGc: fileMemory.figures(),
      }));
      break;
    case "shutdown":
      await hosts?.closeAll();
      post({ type: "shutdown-done", id: message.id });
      break;
    default:
      message satisfies never;
  }
}
