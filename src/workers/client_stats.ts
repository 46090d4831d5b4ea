/** What a worker reports about each of its clients for the stats page (types only). */
import type { UpdateStats } from "../updates/client_updates.ts";

/** One hosted client, as the stats page may show it: never a token, a user id or a phone number. */
export interface ClientStats {
  /** The session file stem: `bot<id>-<hash>` for bots; for users, only "user" (their id is a credential). */
  label: string;
  kind: "bot" | "user";
  worker: number;
  displayName?: string;
  username?: string;
  connected: boolean;
  /** Telegram's current connection state for the client (offline, connecting, updating, connected). */
  connectionState: string;
  updates: UpdateStats;
}
