/** Everything `POST /reset` wipes: accounts, messages, updates, files, logins, faults and the call log. */
import type { tl } from "@mtcute/core";
import { Accounts } from "./accounts.ts";
import { CallLog, Faults } from "./faults.ts";
import { FileStore } from "./files.ts";
import { Logins } from "./logins.ts";
import { Mailboxes } from "./mailboxes.ts";
import { UpdateLog } from "./update_log.ts";

/** Options that shape a fresh world state. */
export interface WorldStateOptions {
  /** The first account id (kept growing across resets so stale sessions never match a new account). */
  firstAccountId?: number;
  /** Events per `updates.differenceSlice`. */
  differenceSliceSize?: number;
}

/** The resettable part of the world. */
export class WorldState {
  readonly accounts: Accounts;
  readonly mailboxes = new Mailboxes();
  readonly updates: UpdateLog;
  readonly files = new FileStore();
  readonly logins = new Logins();
  readonly faults = new Faults();
  readonly calls = new CallLog();
  /** `random_id`s already used per sender, mapped to the message id they produced. */
  readonly randomIds = new Map<string, number>();

  constructor(options: WorldStateOptions = {}) {
    this.accounts = new Accounts(options.firstAccountId);
    this.updates = new UpdateLog(options.differenceSliceSize);
  }

  /** TL `user` objects of `ids` as `viewerId` sees them. */
  users(ids: Iterable<number>, viewerId: number): tl.TypeUser[] {
    return this.accounts.toTlUsers(ids, viewerId);
  }

  /** Unread incoming messages over all of the account's chats. */
  unreadCount(accountId: number): number {
    return this.accounts.all().reduce(
      (sum, peer) => sum + this.mailboxes.unreadCount(accountId, peer.id),
      0,
    );
  }
}
