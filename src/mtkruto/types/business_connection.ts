/** BusinessConnection in MTKruto's shape (types.md §7.5), from TL `botBusinessConnection`. */
import type { tl } from "@mtcute/core";
import { renderUser, type User } from "./peers.ts";

/** A business account's connection to the bot. */
export interface BusinessConnection {
  /** The connection's id (TL `connection_id`). */
  id: string;
  /** The business account that made the connection. */
  user: User;
  /** When the connection was last updated (Unix seconds). */
  date: number;
  /** Whether the bot may reply in the account's chats. */
  canReply: boolean;
  /** Whether the connection is active (not disabled). */
  isEnabled: boolean;
}

/** The BusinessConnection of a TL connection and its user. */
export function renderBusinessConnection(
  connection: tl.RawBotBusinessConnection,
  user: tl.TypeUser,
): BusinessConnection {
  return {
    id: connection.connectionId,
    user: renderUser(user),
    date: connection.date,
    canReply: connection.rights?.reply ?? false,
    isEnabled: !connection.disabled,
  };
}
