/**
 * mtcute 0.30.3 asks the server to close the connection `rtt × 2.5` seconds
 * (at least 5 s, +2) after each ping sent while a call is in flight, and
 * pings only every 60 s once idle. The server keeps its word (Telegram
 * documents `ping_delay_disconnect` so), so after every call the connection
 * drops ~7 s later, and the reconnect's own `updates.getState` starts the
 * cycle again: an idle client reconnects every ~7 s forever. TDLib, which
 * mtcute follows, uses the short delay only while the app is in the
 * foreground (`online_flag_`); a gateway never is, so every ping asks for
 * TDLib's background delay (135 s plus jitter), above the 60 s between pings.
 * A dead connection during a call is still noticed by the read timeout.
 */
import { SessionConnection } from "@mtcute/core";

interface PingDelays {
  _randomDelay: number;
  _pingDisconnectDelay(): number;
}

/** TDLib's `ping_disconnect_delay` while offline, in ms (before the connection's jitter). */
const BACKGROUND_PING_DISCONNECT_MS = 135_000;

let patched = false;

/** Makes every connection's pings ask for the background disconnect delay; a no-op after the first call. */
export function keepIdleConnectionsOpen(): void {
  if (patched) return;
  patched = true;
  const prototype = SessionConnection.prototype as unknown as PingDelays;
  prototype._pingDisconnectDelay = function (this: PingDelays) {
    return BACKGROUND_PING_DISCONNECT_MS + this._randomDelay;
  };
}
