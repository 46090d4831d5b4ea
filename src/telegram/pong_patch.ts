/**
 * mtcute 0.30.3 drops a `pong` that answers a `ping` sent as an API call
 * (MTProto sends pong as a plain message, not an rpc_result), so
 * `invoke` of `ping` would never end. This routes such pongs to their call.
 * Patched once per module instance, on mtcute's connection class, found
 * through a live client because mtcute does not export it.
 */
import type { TelegramClient } from "@mtcute/core/client.js";

interface PendingRpc {
  method: string;
  done: boolean;
  cancelled?: boolean;
  promise: { resolve(value: unknown): void };
  resetAbortSignal?: () => void;
}

interface SessionConnectionLike {
  _onPong(message: { msgId: unknown; pingId: unknown }): void;
  _onMessageAcked(msgId: unknown): void;
  _session: {
    pendingMessages: Map<unknown, { _: string; rpc?: PendingRpc }>;
    getStateSchedule: { remove(rpc: PendingRpc): void };
  };
}

let patched = false;

/** Finds the first object reachable from `root` (breadth first, bounded) that has an `_onPong` method. */
function findConnection(root: object): SessionConnectionLike | undefined {
  const seen = new Set<object>([root]);
  let level: object[] = [root];
  for (let depth = 0; depth < 6 && level.length; depth++) {
    const next: object[] = [];
    for (const item of level) {
      if (
        typeof (item as Partial<SessionConnectionLike>)._onPong === "function"
      ) return item as SessionConnectionLike;
      const children = item instanceof Map
        ? [...item.values()]
        : Object.values(item);
      for (const child of children) {
        if (typeof child === "object" && child !== null && !seen.has(child)) {
          seen.add(child);
          next.push(child);
        }
      }
    }
    level = next;
  }
  return undefined;
}

/** Makes `invoke` of `ping` resolve with its pong; a no-op after the first call. Returns whether it is in place. */
export function routePongsToCalls(client: TelegramClient): boolean {
  if (patched) return true;
  // TelegramClient keeps the network layer on its inner client.
  const inner =
    (client as unknown as { _client: { mt: { network: object } } })._client;
  const connection = findConnection(inner.mt.network);
  if (!connection) return false;
  const prototype = Object.getPrototypeOf(connection) as SessionConnectionLike;
  const original = prototype._onPong;
  prototype._onPong = function (this: SessionConnectionLike, message) {
    const pending = this._session.pendingMessages.get(message.msgId);
    const rpc = pending?._ === "rpc" ? pending.rpc : undefined;
    if (!rpc || rpc.method !== "mt_ping") return original.call(this, message);
    this._session.getStateSchedule.remove(rpc);
    rpc.resetAbortSignal?.();
    rpc.done = true;
    if (!rpc.cancelled) rpc.promise.resolve({ _: "mt_pong", ...message });
    this._onMessageAcked(message.msgId);
    this._session.pendingMessages.delete(message.msgId);
  };
  patched = true;
  return true;
}
