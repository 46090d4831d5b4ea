/**
 * Every account's common update sequence: `pts` counts events in the account's
 * message box, `seq` counts the `updates` containers sent to it, and the event
 * log answers `updates.getDifference`.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";

/** One pts event, kept for `updates.getDifference`. */
interface LoggedUpdate {
  update: tl.TypeUpdate;
  pts: number;
  seq: number;
  date: number;
  /** Accounts whose `user` objects a client needs to understand the update. */
  userIds: number[];
  /** Groups and channels (peer keys) likewise. */
  chatKeys: number[];
}

interface AccountLog {
  pts: number;
  seq: number;
  date: number;
  events: LoggedUpdate[];
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

/** Default number of events per `updates.differenceSlice`. */
export const DEFAULT_DIFFERENCE_SLICE = 100;

/** The update logs of all accounts. */
export class UpdateLog {
  readonly #logs = new Map<number, AccountLog>();
  constructor(private readonly sliceSize = DEFAULT_DIFFERENCE_SLICE) {}

  /** Appends an event taking `ptsCount` pts; `build` gets the new pts. */
  append<U extends tl.TypeUpdate>(accountId: number, options: {
    ptsCount: number;
    date: number;
    userIds: number[];
    chatKeys?: number[];
    build(pts: number): U;
  }): U {
    const log = this.#log(accountId);
    log.pts += options.ptsCount;
    log.date = Math.max(log.date, options.date);
    const update = options.build(log.pts);
    log.events.push({
      update,
      pts: log.pts,
      seq: log.seq,
      date: log.date,
      userIds: options.userIds,
      chatKeys: options.chatKeys ?? [],
    });
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

  /** `updates.getState`. */
  state(accountId: number, unreadCount: number): tl.updates.RawState {
    const { pts, seq, date } = this.#log(accountId);
    return { _: "updates.state", pts, qts: 0, seq, date, unreadCount };
  }

  /** `updates.getDifference` from the client's `pts`. */
  difference(
    accountId: number,
    request: Pick<
      tl.updates.RawGetDifferenceRequest,
      "pts" | "ptsLimit" | "ptsTotalLimit"
    >,
    context: DifferenceContext,
  ): tl.updates.TypeDifference {
    const log = this.#log(accountId);
    if (request.pts > log.pts || request.pts < 0) {
      throw new RpcFailure(400, "PERSISTENT_TIMESTAMP_INVALID");
    }
    const pending = log.events.filter((event) => event.pts > request.pts);
    if (pending.length === 0 && context.channelUpdates.length === 0) {
      return { _: "updates.differenceEmpty", date: log.date, seq: log.seq };
    }
    if (
      request.ptsTotalLimit && log.pts - request.pts > request.ptsTotalLimit
    ) {
      return { _: "updates.differenceTooLong", pts: log.pts };
    }
    const included = pending.slice(0, request.ptsLimit || this.sliceSize);
    const newMessages: tl.TypeMessage[] = [];
    const otherUpdates: tl.TypeUpdate[] = [...context.channelUpdates];
    for (const { update } of included) {
      if (update._ === "updateNewMessage") newMessages.push(update.message);
      else otherUpdates.push(update);
    }
    const users = context.users([
      accountId,
      ...included.flatMap((event) => event.userIds),
    ]);
    const body = {
      newMessages,
      newEncryptedMessages: [],
      otherUpdates,
      chats: context.chats(included.flatMap((event) => event.chatKeys)),
      users,
    };
    if (included.length === pending.length) {
      return {
        _: "updates.difference",
        ...body,
        state: this.state(accountId, context.unreadCount),
      };
    }
    const last = included.at(-1)!;
    return {
      _: "updates.differenceSlice",
      ...body,
      intermediateState: {
        _: "updates.state",
        pts: last.pts,
        qts: 0,
        seq: last.seq,
        date: last.date,
        unreadCount: context.unreadCount,
      },
    };
  }

  #log(accountId: number): AccountLog {
    let log = this.#logs.get(accountId);
    if (!log) {
      log = { pts: 1, seq: 0, date: Math.floor(Date.now() / 1000), events: [] };
      this.#logs.set(accountId, log);
    }
    return log;
  }
}
