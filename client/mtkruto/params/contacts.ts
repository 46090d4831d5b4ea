/**
 * Contacts, the blocklist and common chats: addContact's, getBlockedUsers'
 * and getCommonChats' params.
 *
 * @module
 */
import type { MessageEntity } from "../types.ts";
import type { ID, ParseMode } from "./common.ts";

/** addContact's params. */
export interface AddContactParams {
  /** The contact's last name. */
  lastName?: string;
  /** Whether the contact may see the account's own phone number. */
  isPhoneNumberShared?: boolean;
  /** The contact's phone number. */
  phoneNumber?: string;
  /** A private note about the contact. */
  note?: string;
  /** The note's entities. */
  noteEntities?: MessageEntity[];
  /** How the note is parsed. */
  noteParseMode?: ParseMode | null;
}

/** getBlockedUsers' params. */
export interface GetBlockedUsersParams {
  /** Whether to list the users kept from the account's stories instead. */
  isBlockedFromViewingStories?: boolean;
  /** How many blocked users to skip (default 0). */
  offset?: number;
  /** How many to return, 1–100 (default 100). */
  limit?: number;
}

/** getCommonChats' params. */
export interface GetCommonChatsParams {
  /** A group, supergroup or channel the list continues after (the last one of the previous page). */
  fromChatId?: ID;
  /** How many to return, 1–100 (default 100). */
  limit?: number;
}
