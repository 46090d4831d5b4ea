/**
 * mtcute 0.30.3 retries a failed connection to another DC by calling itself
 * again at once, with no limit and no pause. A DC that Telegram's config does
 * not list (an inline message id names its DC, and a caller can send any id)
 * never stops failing: the worker spins at full CPU, its memory grows and
 * every client on it stops answering. This looks the DC up in the config
 * before creating it, so an unknown one fails the call with mtcute's own
 * argument error, and gives up on any other failure after a few tries.
 * Patched once per module instance, on mtcute's network manager, found
 * through a live client because mtcute does not export it.
 */
import type { TelegramClient } from "@mtcute/core/client.js";

interface NetworkManagerLike {
  _dcConnections: Map<number, unknown>;
  _dcCreationPromise: Map<number, Promise<void>>;
  _findDcOptions(dcId: number): Promise<unknown>;
  _getOtherDc(dcId: number): Promise<unknown>;
}

/** Tries of one creation (the first and mtcute's retries) before its caller gets an error. */
export const MAX_DC_CREATION_TRIES = 3;

let patched = false;

/** Makes a DC that cannot be created fail its call instead of looping; a no-op after the first call. */
export function failUncreatableDcs(client: TelegramClient): void {
  if (patched) return;
  // TelegramClient keeps the network layer on its inner client.
  const network = (client as unknown as {
    _client: { mt: { network: NetworkManagerLike } };
  })._client.mt.network;
  const prototype = Object.getPrototypeOf(network) as NetworkManagerLike;
  const original = prototype._getOtherDc;
  const tries = new WeakMap<NetworkManagerLike, Map<number, number>>();
  prototype._getOtherDc = async function (this: NetworkManagerLike, dcId) {
    if (this._dcConnections.has(dcId) || this._dcCreationPromise.has(dcId)) {
      return original.call(this, dcId);
    }
    // mtcute's retry comes back here, inside the first try's call.
    let counts = tries.get(this);
    if (!counts) tries.set(this, counts = new Map());
    const tried = counts.get(dcId) ?? 0;
    if (tried >= MAX_DC_CREATION_TRIES) {
      counts.delete(dcId);
      throw new Error(
        `Could not connect to DC ${dcId} after ${tried} tries`,
      );
    }
    counts.set(dcId, tried + 1);
    try {
      // Throws mtcute's MtArgumentError "Could not find DC" for an unknown id.
      await this._findDcOptions(dcId);
      const connecting = original.call(this, dcId);
      // mtcute rejects its creation promise on failure even when nobody waits on it.
      this._dcCreationPromise.get(dcId)?.catch(() => {});
      return await connecting;
    } finally {
      counts.delete(dcId);
    }
  };
  patched = true;
}
