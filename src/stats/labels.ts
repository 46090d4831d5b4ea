/** Labels that name a client on the stats page without revealing what gives access to it. */
import { createHash } from "node:crypto";

/** Hex digits of SHA-256(user id) in a user's label: 32 bits tell a server's accounts apart. */
const USER_LABEL_HEX_DIGITS = 8;

/**
 * The label the stats page shows for a client id (a session file stem).
 * Bot ids (`bot<id>-<hash of token>`) hold no secret and are their own label;
 * a user id is the account's credential, so it becomes `user-` and the first
 * 8 hex digits of its SHA-256: stable, but useless to reach the account.
 * Pure and synchronous, so the front and the workers label alike. Never throws.
 */
export function clientLabel(clientId: string): string {
  if (clientId.startsWith("bot")) return clientId;
  const digest = createHash("sha256").update(clientId).digest("hex");
  return `user-${digest.slice(0, USER_LABEL_HEX_DIGITS)}`;
}
