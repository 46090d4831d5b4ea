/**
 * The account's own profile: updateProfile's and checkUsername's params.
 *
 * @module
 */
import type { ID } from "./common.ts";

/** updateProfile's params; at least one key must be given, and each is trimmed. */
export interface UpdateProfileParams {
  /** The new first name (not empty). */
  firstName?: string;
  /** The new last name; empty removes it. */
  lastName?: string;
  /** The new bio; empty removes it. */
  bio?: string;
}

/** checkUsername's params. */
export interface CheckUsernameParams {
  /** A supergroup or channel the username would be checked for, instead of the account. */
  chatId?: ID;
}
