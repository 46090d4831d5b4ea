/// <reference lib="deno.worker" />
/** Worker entry: hosts clients and answers the front's calls. */
import { RawJson } from "../raw_json.ts";
import { createHostContext } from "../telegram/client_factory.ts";
import { ClientHosts } from "../telegram/hosts.ts";
import { serializeError } from "./errors.ts";
import type { FrontMessage, WorkerConfig, WorkerMessage } from "./protocol.ts";

let hosts: ClientHosts | undefined;
// The pool names workers `clients-<index>`.
const workerIndex = Number(self.name.split("-").at(-1));
const running = new Map<number, AbortController>();

function post(message: WorkerMessage) {
  self.postMessage(message);
}

async function init(config: WorkerConfig): Promise<void> {
  hosts = new ClientHosts({
    context: await createHostContext(config),
    onUnloaded: (clientId) => post({ type: "unloaded", clientId }),
  });
  post({ type: "ready" });
}

/** Runs `work` for call `id` and posts its result or error. */
async function answer(
  id: number,
  work: (signal: AbortSignal) => Promise<unknown>,
): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const value = await work(controller.signal);
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
    running.delete(id);
  }
}

// A stray rejection inside mtcute must not take down every client of this worker.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  console.error(
    `unhandled rejection in worker: ${event.reason?.stack ?? event.reason}`,
  );
});

self.onmessage = async (event: MessageEvent<FrontMessage>) => {
  const message = event.data;
  switch (message.type) {
    case "init":
      await init(message.config);
      break;
    case "call":
      await answer(
        message.id,
        (signal) =>
          hosts!.call(message.client, message.method, message.args, signal),
      );
      break;
    case "cancel":
      running.get(message.id)?.abort(
        new DOMException("The HTTP client went away", "AbortError"),
      );
      break;
    case "boot":
      await answer(message.id, () => hosts!.boot(message.client));
      break;
    case "stats":
      await answer(message.id, () => hosts!.stats(workerIndex));
      break;
    case "shutdown":
      await hosts?.closeAll();
      post({ type: "shutdown-done", id: message.id });
      break;
    default:
      message satisfies never;
  }
};
