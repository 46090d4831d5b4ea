/**
 * Every supergroup's and channel's own update sequence: its `pts` counts the
 * events in the channel's box, and the event log answers
 * `updates.getChannelDifference`. Events are rendered per viewer (a message's
 * `out` depends on who looks).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";

/** One event in a channel's box, as it is logged. */
export interface ChannelEvent {
  ptsCount: number;
  /** Accounts whose `user` objects a client needs to understand the event. */
  userIds: number[];
  /** Peer keys of the chats it mentions (the channel itself at least). */
  chatKeys: number[];
  /** The update for `viewerId`, carrying the event's pts. */
  build(pts: number, viewerId: number): tl.TypeUpdate;
}

interface LoggedEvent extends ChannelEvent {
  pts: number;
  date: number;
}

interface ChannelLogState {
  pts: number;
  date: number;
  events: LoggedEvent[];
}

/** What `difference` needs from the rest of the world. */
export interface ChannelDifferenceContext {
  users(ids: number[]): tl.TypeUser[];
  chats(keys: number[]): tl.TypeChat[];
  /** The viewer's dialog with the channel and its latest messages, for `channelDifferenceTooLong`. */
  tooLong(): { dialog: tl.TypeDialog; messages: tl.TypeMessage[] };
}

/** Largest `limit` Telegram accepts (bots pass it; users are supposed to pass 10–100). */
const MAX_LIMIT = 100_000;

/** The update logs of all channels. */
export class ChannelLogs {
  readonly #logs = new Map<number, ChannelLogState>();
  /** `sliceSize` caps the events of one `channelDifference` (more makes it non-`final`). */
  constructor(private readonly sliceSize: number) {}

  /** Appends an event taking `ptsCount` pts; returns the channel's new pts. */
  append(channelKey: number, event: ChannelEvent, date: number): number {
    const log = this.#log(channelKey);
    log.pts += event.ptsCount;
    log.date = Math.max(log.date, date);
    log.events.push({ ...event, pts: log.pts, date });
    return log.pts;
  }

  /** The channel's current pts. */
  pts(channelKey: number): number {
    return this.#log(channelKey).pts;
  }

  /** When the channel's latest event happened (Unix seconds). */
  lastDate(channelKey: number): number {
    return this.#log(channelKey).date;
  }

  /**
   * `updates.getChannelDifference` from `pts` for `viewerId`: empty, up to
   * `sliceSize` events (`final` unless more remain), or `tooLong` when more
   * than `limit` pts are missing ("pts + limit < remote pts").
   */
  difference(
    channelKey: number,
    viewerId: number,
    request: { pts: number; limit: number },
    context: ChannelDifferenceContext,
  ): tl.updates.TypeChannelDifference {
    const log = this.#log(channelKey);
    if (request.pts <= 0) {
      throw new RpcFailure(400, "PERSISTENT_TIMESTAMP_EMPTY");
    }
    if (request.pts > log.pts) {
      throw new RpcFailure(400, "PERSISTENT_TIMESTAMP_INVALID");
    }
    if (request.pts === log.pts) {
      return { _: "updates.channelDifferenceEmpty", final: true, pts: log.pts };
    }
    const limit = Math.min(Math.max(request.limit, 1), MAX_LIMIT);
    if (request.pts + limit < log.pts) {
      const { dialog, messages } = context.tooLong();
      return {
        _: "updates.channelDifferenceTooLong",
        final: true,
        dialog,
        messages,
        chats: context.chats([channelKey]),
        users: context.users([viewerId]),
      };
    }
    const pending = log.events.filter((event) => event.pts > request.pts);
    const included = pending.slice(0, this.sliceSize);
    const newMessages: tl.TypeMessage[] = [];
    const otherUpdates: tl.TypeUpdate[] = [];
    for (const event of included) {
      const update = event.build(event.pts, viewerId);
      if (update._ === "updateNewChannelMessage") {
        newMessages.push(update.message);
      } else otherUpdates.push(update);
    }
    return {
      _: "updates.channelDifference",
      final: included.length === pending.length,
      pts: included.at(-1)!.pts,
      newMessages,
      otherUpdates,
      chats: context.chats([
        channelKey,
        ...included.flatMap((event) => event.chatKeys),
      ]),
      users: context.users([
        viewerId,
        ...included.flatMap((event) => event.userIds),
      ]),
    };
  }

  #log(channelKey: number): ChannelLogState {
    let log = this.#logs.get(channelKey);
    if (!log) {
      log = { pts: 1, date: Math.floor(Date.now() / 1000), events: [] };
      this.#logs.set(channelKey, log);
    }
    return log;
  }
}
