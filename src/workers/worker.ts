/// <reference lib="deno.worker" />
/** Worker entry: hosts clients and answers the front's calls. */
import { addPublicKey } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { ClientHosts } from "../telegram/hosts.ts";
import { WorkerPlatform } from "../telegram/platform.ts";
import { serializeError } from "./errors.ts";
import type { FrontMessage, WorkerConfig, WorkerMessage } from "./protocol.ts";

let hosts: ClientHosts | undefined;

function post(message: WorkerMessage) {
  self.postMessage(message);
}

async function init(config: WorkerConfig): Promise<void> {
  const crypto = new NodeCryptoProvider();
  await crypto.initialize();
  // mtcute's key registry is per module instance, so each worker registers the custom key itself.
  if (config.dcKeyPem) addPublicKey(crypto, config.dcKeyPem);
  hosts = new ClientHosts({
    context: { config, crypto, platform: new WorkerPlatform(config.logLevel) },
    onUnloaded: (clientId) => post({ type: "unloaded", clientId }),
  });
  post({ type: "ready" });
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
      try {
        const value = await hosts!.call(
          message.client,
          message.method,
          message.args,
        );
        post({ type: "result", id: message.id, value });
      } catch (error) {
        post({ type: "error", id: message.id, error: serializeError(error) });
      }
      break;
    case "shutdown":
      await hosts?.closeAll();
      post({ type: "shutdown-done", id: message.id });
      break;
    default:
      message satisfies never;
  }
};
