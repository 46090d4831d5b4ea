/** Everything `POST /reset` wipes: accounts, chats, messages, reactions, updates, files, logins, faults and the call log. */
import type { tl } from "@mtcute/core";
import { Accounts } from "./accounts.ts";
import { ChannelLogs } from "./channel_log.ts";
import { toTlChats } from "./chat_views.ts";
import { Chats } from "./chats.ts";
import { CallbackQueries } from "./callbacks.ts";
import { CallLog, Faults } from "./faults.ts";
import { FileStore } from "./files.ts";
import { GroupCalls } from "./group_calls.ts";
import { InlineQueries } from "./inline.ts";
import { Logins } from "./logins.ts";
import { Mailboxes } from "./mailboxes.ts";
import { MessageViews } from "./message_views.ts";
import { Payments } from "./payments.ts";
import { BusinessConnections } from "./profile_business.ts";
import { UnreadMarks } from "./read_marks.ts";
import { ScheduledQueues } from "./scheduled.ts";
import { StoryStore } from "./stories.ts";
import { DEFAULT_DIFFERENCE_SLICE, UpdateLog } from "./update_log.ts";

/** Options that shape a fresh world state. */
export interface WorldStateOptions {
  /** The first account id (kept growing across resets so stale sessions never match a new account). */
  firstAccountId?: number;
  /** The first group/channel id (kept growing across resets, like account ids). */
  firstChatId?: number;
  /** Events per `updates.differenceSlice` and per non-final `updates.channelDifference`. */
  differenceSliceSize?: number;
}

/** The resettable part of the world. */
export class WorldState {
  readonly accounts: Accounts;
  readonly chats: Chats;
  readonly mailboxes = new Mailboxes();
  readonly updates: UpdateLog;
  readonly channelLogs: ChannelLogs;
  readonly files = new FileStore();
  readonly logins = new Logins();
  readonly faults = new Faults();
  readonly calls = new CallLog();
  /** `random_id`s already used per sender, mapped to the message id they produced. */
  readonly randomIds = new Map<string, number>();
  /** Callback queries waiting for their bots (see `callbacks.ts`). */
  readonly callbacks = new CallbackQueries();
  /** Inline queries and their results (see `inline.ts`). */
  readonly inline = new InlineQueries();
  /** Invoices' terms, pre-checkout queries and charges (see `payments.ts`). */
  readonly payments = new Payments();
  /** Bots connected to business accounts (see `profile_business.ts`). */
  readonly businessConnections = new BusinessConnections();
  /** Every account's schedule queues (see `scheduled.ts`); `World.reset` stops their timers. */
  readonly scheduled = new ScheduledQueues();
  /** Chats marked unread by hand (see `read_marks.ts`). */
  readonly unreadMarks = new UnreadMarks();
  /** Who viewed each broadcast post (see `message_views.ts`). */
  readonly views = new MessageViews();
  /** Users' stories (see `stories.ts`). */
  readonly stories = new StoryStore();
  /** Video chats and live streams (see `group_calls.ts`). */
  readonly groupCalls = new GroupCalls();

  constructor(options: WorldStateOptions = {}) {
    this.accounts = new Accounts(options.firstAccountId);
    this.chats = new Chats(
      options.firstChatId,
      (viewerId, key) => this.accounts.accessHash(viewerId, key),
    );
    this.updates = new UpdateLog(options.differenceSliceSize);
    this.channelLogs = new ChannelLogs(
      options.differenceSliceSize ?? DEFAULT_DIFFERENCE_SLICE,
    );
  }

  /** TL `user` objects of `ids` as `viewerId` sees them. */
  users(ids: Iterable<number>, viewerId: number): tl.TypeUser[] {
    return this.accounts.toTlUsers(ids, viewerId);
  }

  /** TL chat objects of the groups and channels `keys` name, as `viewerId` sees them. */
  chatObjects(keys: Iterable<number>, viewerId: number): tl.TypeChat[] {
    return toTlChats(this, keys, viewerId);
  }

  /** Unread incoming messages over all of the account's chats in its own box. */
  unreadCount(accountId: number): number {
    return this.mailboxes.peers(accountId).reduce(
      (sum, peer) => sum + this.mailboxes.unreadCount(accountId, peer),
      0,
    );
  }
}
