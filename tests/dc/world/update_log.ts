/**
 * Every account's update sequences (core.telegram.org/api/updates): `pts`
 * counts events in the account's message box, `seq` counts the `updates`
 * containers sent to it, and `qts` is the secondary sequence of the updates
 * that carry one (bots' poll votes and reactions here). The event logs
 * answer `updates.getDifference`.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";

/** What every logged event keeps besides its update. */
interface LoggedEvent {
  update: tl.TypeUpdate;
  /** The account's seq and date when the event was logged. */
  seq: number;
  date: number;
  /** Accounts whose `user` objects a client needs to understand the update. */
  userIds: number[];
  /** Groups and channels (peer keys) likewise. */
  chatKeys: number[];
}

/** One pts event. */
interface LoggedUpdate extends LoggedEvent {
  pts: number;
}

/** One qts event. */
interface LoggedQtsUpdate extends LoggedEvent {
  qts: number;
}

interface AccountLog {
  pts: number;
  qts: number;
  seq: number;
  date: number;
  events: LoggedUpdate[];
  qtsEvents: LoggedQtsUpdate[];
}

/** How `difference` renders the parts the log does not own. */
export interface DifferenceContext {
  users(ids: number[]): tl.TypeUser[];
  /** The chat objects for `keys`, plus those of every chat the account is in. */
  chats(keys: number[]): tl.TypeChat[];
  /** `updateChannelTooLong` for channels with events the client may have missed (not pts events of this log). */
  channelUpdates: tl.RawUpdateChannelTooLong[];
  unreadCount: number;
}

/** What a new event needs: its date, the peers it mentions and its update once the sequence number is known. */
interface NewEvent<U> {
  date: number;
  userIds: number[];
  chatKeys?: number[];
  build(sequenceNumber: number): U;
}

/** Default number of events per `updates.differenceSlice`. */
export const DEFAULT_DIFFERENCE_SLICE = 100;

/**
 * Where pts and qts start. Not 0 for qts: mtcute takes a qts of 0 for "none"
 * and would not advance past the first event (`qts_before` 0), so an
 * account's first qts event is 2, as its first pts event is.
 */
const FIRST_SEQUENCE_NUMBER = 1;

/** The update logs of all accounts. */
export class UpdateLog {
  readonly #logs = new Map<number, AccountLog>();
  constructor(private readonly sliceSize = DEFAULT_DIFFERENCE_SLICE) {}

  /** Appends an event taking `ptsCount` pts; `build` gets the new pts. */
  append<U extends tl.TypeUpdate>(
    accountId: number,
    options: NewEvent<U> & { ptsCount: number },
  ): U {
    const log = this.#log(accountId);
    log.pts += options.ptsCount;
    const update = options.build(log.pts);
    log.events.push({ ...this.#logged(log, update, options), pts: log.pts });
    return update;
  }

  /** Appends an event of the account's qts sequence (one qts each); `build` gets the new qts. */
  appendQts<U extends tl.TypeUpdate>(
    accountId: number,
    options: NewEvent<U>,
  ): U {
    const log = this.#log(accountId);
    log.qts += 1;
    const update = options.build(log.qts);
    log.qtsEvents.push({ ...this.#logged(log, update, options), qts: log.qts });
    return update;
  }

  /** Takes the seq of the next `updates` container sent to the account. */
  nextSeq(accountId: number): number {
    return ++this.#log(accountId).seq;
  }

  /** The current pts, for answers that carry it without an event (e.g. nothing was deleted). */
  pts(accountId: number): number {
    return this.#log(accountId).pts;
  }

  /** The current qts. */
  qts(accountId: number): number {
    return this.#log(accountId).qts;
  }

  /** `updates.getState`. */
  state(accountId: number, unreadCount: number): tl.updates.RawState {
    const { pts, qts, seq, date } = this.#log(accountId);
    return { _: "updates.state", pts, qts, seq, date, unreadCount };
  }

  /**
   * `updates.getDifference` from the client's `pts` and `qts`: pts events go
   * to `new_messages`/`other_updates`, qts events to `other_updates`, each
   * sequence sliced at its limit (`pts_limit`, `qts_limit`, else the slice
   * size). A qts ahead of the server's has nothing to fetch.
   */
  difference(
    accountId: number,
    request: Pick<
      tl.updates.RawGetDifferenceRequest,
      "pts" | "ptsLimit" | "ptsTotalLimit" | "qts" | "qtsLimit"
    >,
    context: DifferenceContext,
  ): tl.updates.TypeDifference {
    const log = this.#log(accountId);
    if (request.pts > log.pts || request.pts < 0) {
      throw new RpcFailure(400, "PERSISTENT_TIMESTAMP_INVALID");
    }
    const pending = log.events.filter((event) => event.pts > request.pts);
    const pendingQts = log.qtsEvents.filter((event) => event.qts > request.qts);
    if (
      pending.length === 0 && pendingQts.length === 0 &&
      context.channelUpdates.length === 0
    ) {
      return { _: "updates.differenceEmpty", date: log.date, seq: log.seq };
    }
    if (
      request.ptsTotalLimit && log.pts - request.pts > request.ptsTotalLimit
    ) {
      return { _: "updates.differenceTooLong", pts: log.pts };
    }
    const included = pending.slice(0, request.ptsLimit || this.sliceSize);
    const includedQts = pendingQts.slice(0, request.qtsLimit || this.sliceSize);
    const events: LoggedEvent[] = [...included, ...includedQts];
    const newMessages: tl.TypeMessage[] = [];
    const otherUpdates: tl.TypeUpdate[] = [...context.channelUpdates];
    for (const { update } of included) {
      if (update._ === "updateNewMessage") newMessages.push(update.message);
      else otherUpdates.push(update);
    }
    otherUpdates.push(...includedQts.map((event) => event.update));
    const body = {
      newMessages,
      newEncryptedMessages: [],
      otherUpdates,
      chats: context.chats(events.flatMap((event) => event.chatKeys)),
      users: context.users([
        accountId,
        ...events.flatMap((event) => event.userIds),
      ]),
    };
    if (
      included.length === pending.length &&
      includedQts.length === pendingQts.length
    ) {
      return {
        _: "updates.difference",
        ...body,
        state: this.state(accountId, context.unreadCount),
      };
    }
    return {
      _: "updates.differenceSlice",
      ...body,
      intermediateState: {
        _: "updates.state",
        pts: included.at(-1)?.pts ?? request.pts,
        qts: includedQts.at(-1)?.qts ?? Math.min(request.qts, log.qts),
        seq: Math.max(...events.map((event) => event.seq)),
        date: Math.max(...events.map((event) => event.date)),
        unreadCount: context.unreadCount,
      },
    };
  }

  /** The logged form of `update`, advancing the log's date. */
  #logged(
    log: AccountLog,
    update: tl.TypeUpdate,
    options: NewEvent<unknown>,
  ): LoggedEvent {
    log.date = Math.max(log.date, options.date);
    return {
      update,
      seq: log.seq,
      date: log.date,
      userIds: options.userIds,
      chatKeys: options.chatKeys ?? [],
    };
  }

  #log(accountId: number): AccountLog {
    let log = this.#logs.get(accountId);
    if (!log) {
      log = {
        pts: FIRST_SEQUENCE_NUMBER,
        qts: FIRST_SEQUENCE_NUMBER,
        seq: 0,
        date: Math.floor(Date.now() / 1000),
        events: [],
        qtsEvents: [],
      };
      this.#logs.set(accountId, log);
    }
    return log;
  }
}
