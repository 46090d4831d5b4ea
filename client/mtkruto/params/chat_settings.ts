/**
 * Chat settings and chat lists: the administered chats' filter.
 *
 * @module
 */

/** getAdministeredChats' params. */
export interface GetAdministeredChatsParams {
  /** Whether to list only the broadcast channels that may be shown as the account's personal channel. */
  isForPersonalChannel?: boolean;
}

/** A chat list: the main one or the archive (getPinnedChats' `from`, as MTKruto writes it inline). */
export type ChatListName = "archived" | "main";
