/**
 * How box changes reach clients: every change is a pts event in each affected
 * account's log, pushed to that account's subscribed sessions. Message changes
 * travel in seq-ordered `updates` containers (the caller gets its container as
 * the call's result); deletions and read marks, whose callers get
 * `messages.affectedMessages`, travel as `updateShort`.
 */
import type { tl } from "@mtcute/core";
import type { Session } from "../contract.ts";
import type { Sessions } from "./sessions.ts";
import type { WorldState } from "./state.ts";

/** What delivery needs: the world's state and the sessions to push to. */
export interface DeliveryContext {
  readonly state: WorldState;
  readonly sessions: Sessions;
  /** The session whose call caused the change; it gets the change as its result, not as a push. */
  readonly caller?: Session;
}

export interface PtsEvent<U extends tl.TypeUpdate> {
  ptsCount: number;
  userIds: number[];
  /** Peer keys of the groups and channels the update mentions. */
  chatKeys?: number[];
  build(pts: number): U;
}

export function now(): number {
  return Math.floor(Date.now() / 1000);
}

export function peerUser(userId: number): tl.RawPeerUser {
  return { _: "peerUser", userId };
}

/** Logs events for one account and pushes them as one `updates` container; returns the container. */
export function emitContainer(
  ctx: DeliveryContext,
  accountId: number,
  events: PtsEvent<tl.TypeUpdate>[],
): tl.RawUpdates {
  const { state } = ctx;
  const date = now();
  const seq = state.updates.nextSeq(accountId);
  const updates = events.map((event) =>
    state.updates.append(accountId, { ...event, date })
  );
  const userIds = [accountId, ...events.flatMap((event) => event.userIds)];
  const chatKeys = events.flatMap((event) => event.chatKeys ?? []);
  const container: tl.RawUpdates = {
    _: "updates",
    updates,
    users: state.users(userIds, accountId),
    chats: state.chatObjects(chatKeys, accountId),
    date,
    seq,
  };
  ctx.sessions.push(accountId, container, ctx.caller);
  return container;
}

/** Logs one event for one account and pushes it as `updateShort`; returns the event's update. */
export function emitShort<U extends tl.TypeUpdate>(
  ctx: DeliveryContext,
  accountId: number,
  event: PtsEvent<U>,
): U {
  const date = now();
  const update = ctx.state.updates.append(accountId, { ...event, date });
  ctx.sessions.push(accountId, { _: "updateShort", update, date }, ctx.caller);
  return update;
}
