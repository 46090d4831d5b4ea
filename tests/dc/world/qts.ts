/**
 * How qts updates reach an account (core.telegram.org/api/updates): each is
 * an event of the account's qts sequence, kept for `updates.getDifference`,
 * and pushed to its subscribed sessions in an `updates` container of its
 * own with `seq` 0 (qts updates are outside the common seq).
 */
import type { tl } from "@mtcute/core";
import { type DeliveryContext, now } from "./emit.ts";

/** A qts event: the peers its update mentions, and the update once its qts is known. */
export interface QtsEvent<U extends tl.TypeUpdate> {
  userIds: number[];
  /** Peer keys of the groups and channels the update mentions. */
  chatKeys?: number[];
  build(qts: number): U;
}

/** Logs a qts event for `accountId` and pushes it to every session of that account; returns the update. */
export function emitQts<U extends tl.TypeUpdate>(
  ctx: DeliveryContext,
  accountId: number,
  event: QtsEvent<U>,
): U {
  const { state } = ctx;
  const date = now();
  const update = state.updates.appendQts(accountId, { ...event, date });
  // never the caller's result: qts updates go to others (a bot about a user's action)
  ctx.sessions.push(accountId, {
    _: "updates",
    updates: [update],
    users: state.users([accountId, ...event.userIds], accountId),
    chats: state.chatObjects(event.chatKeys ?? [], accountId),
    date,
    seq: 0,
  });
  return update;
}
