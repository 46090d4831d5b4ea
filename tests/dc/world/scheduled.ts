/**
 * Scheduled messages, as Telegram documents them (core.telegram.org/api/
 * scheduled-messages): a message sent with a `schedule_date` at least 10
 * seconds ahead goes to the sender's schedule queue of that chat (each
 * account has one queue and one id sequence per chat), announced with
 * `updateNewScheduledMessage`. At its date (or on `sendScheduledMessages`)
 * it is sent as a new message with `from_scheduled` and leaves the queue
 * with `updateDeleteScheduledMessages`, whose `sent_messages` name the new
 * ids. Schedule updates carry no pts: they travel in `updates` with seq 0.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { requireChat, requirePoster } from "./chats.ts";
import { recipientsOf, sendMessages } from "./delivery.ts";
import { type DeliveryContext, now } from "./emit.ts";
import {
  type BoxMessage,
  referencedChatKeys,
  referencedUserIds,
  toTlMessage,
} from "./mailboxes.ts";
import { requireSendRights } from "./members_view.ts";
import { checkRandomIds, claimRandomIds, type Outgoing } from "./outgoing.ts";
import { peerKind, tlPeer } from "./peer_keys.ts";
import type { WorldState } from "./state.ts";

/** Sooner than this many seconds ahead, a "scheduled" message is sent at once. */
export const MIN_SCHEDULE_DELAY = 10;
/** How far ahead a message may be scheduled (Telegram allows about a year). */
export const MAX_SCHEDULE_DELAY = 366 * 24 * 60 * 60;
/** How many messages one chat's queue holds at most. */
export const MAX_SCHEDULED_PER_CHAT = 100;
/** The longest delay `setTimeout` takes; longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One message waiting in a queue. */
export interface ScheduledMessage {
  /** The id in the queue (its own sequence per account and chat). */
  readonly id: number;
  /** The account that scheduled it. */
  readonly ownerId: number;
  /** The chat's peer key, as the owner names it. */
  readonly peerId: number;
  /** When it is to be sent (Unix seconds). */
  readonly date: number;
  readonly outgoing: Outgoing;
}

interface Queue {
  lastId: number;
  messages: Map<number, ScheduledMessage>;
}

/** Every account's schedule queues, and the timers that send their messages. */
export class ScheduledQueues {
  readonly #queues = new Map<string, Queue>();
  readonly #timers = new Map<
    ScheduledMessage,
    ReturnType<typeof setTimeout>
  >();

  /** Adds a message to the queue of `ownerId` for chat `peerId`. */
  add(
    ownerId: number,
    peerId: number,
    date: number,
    outgoing: Outgoing,
  ): ScheduledMessage {
    const queue = this.#queue(ownerId, peerId);
    const message = { id: ++queue.lastId, ownerId, peerId, date, outgoing };
    queue.messages.set(message.id, message);
    return message;
  }

  /** The queue of `ownerId` for chat `peerId`, by id. */
  list(ownerId: number, peerId: number): ScheduledMessage[] {
    const queue = this.#queues.get(queueKey(ownerId, peerId));
    return [...queue?.messages.values() ?? []].sort((a, b) => a.id - b.id);
  }

  get(
    ownerId: number,
    peerId: number,
    id: number,
  ): ScheduledMessage | undefined {
    return this.#queues.get(queueKey(ownerId, peerId))?.messages.get(id);
  }

  /** Every queued message due at `date` or before, oldest first. */
  due(date: number): ScheduledMessage[] {
    return [...this.#queues.values()]
      .flatMap((queue) => [...queue.messages.values()])
      .filter((message) => message.date <= date)
      .sort((a, b) => a.date - b.date || a.id - b.id);
  }

  /** Takes messages out of their queue (and their timers off); returns those that were there. */
  remove(ownerId: number, peerId: number, ids: number[]): ScheduledMessage[] {
    const queue = this.#queues.get(queueKey(ownerId, peerId));
    if (!queue) return [];
    return [...new Set(ids)].flatMap((id) => {
      const message = queue.messages.get(id);
      if (!message) return [];
      queue.messages.delete(id);
      this.#clearTimer(message);
      return [message];
    });
  }

  /** Remembers the timer that sends `message`, replacing an earlier one. */
  setTimer(
    message: ScheduledMessage,
    timer: ReturnType<typeof setTimeout>,
  ): void {
    this.#clearTimer(message);
    this.#timers.set(message, timer);
  }

  /** How many queued messages have a running timer. */
  get armed(): number {
    return this.#timers.size;
  }

  /** Stops every timer (the world is reset; its queues go with it). */
  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #clearTimer(message: ScheduledMessage): void {
    const timer = this.#timers.get(message);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(message);
  }

  #queue(ownerId: number, peerId: number): Queue {
    const key = queueKey(ownerId, peerId);
    let queue = this.#queues.get(key);
    if (!queue) {
      this.#queues.set(key, queue = { lastId: 0, messages: new Map() });
    }
    return queue;
  }
}

function queueKey(ownerId: number, peerId: number): string {
  return `${ownerId}:${peerId}`;
}

/** A queued message as a box copy would look (`from_scheduled`, dated when it is due), for rendering. */
export function scheduledView(
  state: WorldState,
  message: ScheduledMessage,
): BoxMessage {
  const isBroadcast = state.chats.get(message.peerId)?.type === "channel";
  return {
    id: message.id,
    ownerId: message.ownerId,
    peerId: message.peerId,
    senderId: message.ownerId,
    date: message.date,
    pairKey: 0,
    ...message.outgoing.content,
    replyToId: message.outgoing.replyToId,
    post: isBroadcast || undefined,
    fromScheduled: true,
  };
}

/** An `updates` container outside the common sequence (seq 0), with the users and chats of `messages`. */
function scheduleContainer(
  state: WorldState,
  ownerId: number,
  updates: tl.TypeUpdate[],
  messages: BoxMessage[],
  peerId: number,
): tl.RawUpdates {
  return {
    _: "updates",
    updates,
    users: state.users(
      [ownerId, ...messages.flatMap(referencedUserIds)],
      ownerId,
    ),
    chats: state.chatObjects(
      [peerId, ...messages.flatMap(referencedChatKeys)],
      ownerId,
    ),
    date: now(),
    seq: 0,
  };
}

/** Fails as sending would if `senderId` may not send `messages` to `peerId` now. */
function requireSender(
  state: WorldState,
  senderId: number,
  peerId: number,
  messages: Outgoing[],
): void {
  if (peerKind(peerId) !== "channel") {
    recipientsOf(state, senderId, peerId);
    return;
  }
  const chat = requireChat(state.chats, peerId);
  requirePoster(chat, senderId);
  requireSendRights(chat, senderId, messages.map((m) => m.content));
}

/**
 * Sends `messages` now, or with a `scheduleDate` at least 10 seconds ahead
 * queues them (bots may not); returns the sender's `updates`.
 */
export function sendOrSchedule(
  ctx: DeliveryContext,
  options: {
    senderId: number;
    peerId: number;
    messages: Outgoing[];
    scheduleDate?: number;
  },
): tl.RawUpdates {
  const { state } = ctx;
  const { senderId, peerId, messages, scheduleDate } = options;
  if (scheduleDate === undefined) return sendMessages(ctx, options);
  if (state.accounts.require(senderId).kind === "bot") {
    throw new RpcFailure(400, "SCHEDULE_BOT_NOT_ALLOWED");
  }
  const date = now();
  if (scheduleDate > date + MAX_SCHEDULE_DELAY) {
    throw new RpcFailure(400, "SCHEDULE_DATE_TOO_LATE");
  }
  if (scheduleDate < date + MIN_SCHEDULE_DELAY) {
    return sendMessages(ctx, options);
  }
  requireSender(state, senderId, peerId, messages);
  const queued = state.scheduled.list(senderId, peerId).length;
  if (queued + messages.length > MAX_SCHEDULED_PER_CHAT) {
    throw new RpcFailure(400, "SCHEDULE_TOO_MUCH");
  }
  checkRandomIds(state, senderId, messages);
  const added = messages.map((outgoing) =>
    state.scheduled.add(senderId, peerId, scheduleDate, {
      content: outgoing.content,
      replyToId: outgoing.replyToId,
    })
  );
  const messageIds = claimRandomIds(
    state,
    senderId,
    messages,
    added.map((message) => message.id),
  );
  for (const message of added) armTimer(ctx, message);
  const views = added.map((message) => scheduledView(state, message));
  const container = scheduleContainer(
    state,
    senderId,
    views.map((view): tl.RawUpdateNewScheduledMessage => ({
      _: "updateNewScheduledMessage",
      message: toTlMessage(view),
    })),
    views,
    peerId,
  );
  ctx.sessions.push(senderId, container, ctx.caller);
  return { ...container, updates: [...messageIds, ...container.updates] };
}

/**
 * Sends queued messages of `ownerId`'s queue for chat `peerId` now, with
 * `from_scheduled`; they leave the queue only once sent. Returns the
 * owner's `updates`: the new messages, then `updateDeleteScheduledMessages`.
 */
export function sendScheduledNow(
  ctx: DeliveryContext,
  options: { ownerId: number; peerId: number; ids: number[] },
): tl.RawUpdates {
  const { state } = ctx;
  const { ownerId, peerId } = options;
  const queued = [...new Set(options.ids)].flatMap((id) => {
    const message = state.scheduled.get(ownerId, peerId, id);
    return message ? [message] : [];
  });
  if (queued.length === 0) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  const sent = sendMessages(ctx, {
    senderId: ownerId,
    peerId,
    messages: queued.map(({ outgoing }) => ({
      content: { ...outgoing.content, fromScheduled: true },
      replyToId: outgoing.replyToId,
    })),
  });
  state.scheduled.remove(ownerId, peerId, queued.map((m) => m.id));
  const deletion: tl.RawUpdateDeleteScheduledMessages = {
    _: "updateDeleteScheduledMessages",
    peer: tlPeer(peerId),
    messages: queued.map((message) => message.id),
    sentMessages: sent.updates.flatMap((update) =>
      update._ === "updateNewMessage" || update._ === "updateNewChannelMessage"
        ? [update.message.id]
        : []
    ),
  };
  ctx.sessions.push(
    ownerId,
    scheduleContainer(state, ownerId, [deletion], [], peerId),
    ctx.caller,
  );
  return { ...sent, updates: [...sent.updates, deletion] };
}

/** Removes messages from `ownerId`'s queue for chat `peerId`; returns the owner's `updates`. */
export function deleteScheduled(
  ctx: DeliveryContext,
  options: { ownerId: number; peerId: number; ids: number[] },
): tl.RawUpdates {
  const { state } = ctx;
  const { ownerId, peerId } = options;
  const removed = state.scheduled.remove(ownerId, peerId, options.ids);
  const updates: tl.TypeUpdate[] = removed.length === 0 ? [] : [{
    _: "updateDeleteScheduledMessages",
    peer: tlPeer(peerId),
    messages: removed.map((message) => message.id),
  }];
  const container = scheduleContainer(state, ownerId, updates, [], peerId);
  if (removed.length > 0) {
    ctx.sessions.push(ownerId, container, ctx.caller);
  }
  return container;
}

/**
 * Sends every queued message due at `date` or before, pushing the updates
 * to everyone concerned (no caller). A message that can no longer be sent
 * (the owner left the chat, was blocked…) is dropped from its queue, as
 * Telegram drops it.
 */
export function sendDueMessages(
  ctx: Omit<DeliveryContext, "caller">,
  date = now(),
): void {
  const { state } = ctx;
  for (const message of state.scheduled.due(date)) {
    const { ownerId, peerId, id } = message;
    if (!state.scheduled.get(ownerId, peerId, id)) continue;
    try {
      sendScheduledNow(ctx, { ownerId, peerId, ids: [id] });
    } catch (error) {
      if (!(error instanceof RpcFailure)) throw error;
      deleteScheduled(ctx, { ownerId, peerId, ids: [id] });
    }
  }
}

/** Starts the timer that sends `message` at its date (re-armed for dates beyond `setTimeout`'s reach). */
function armTimer(ctx: DeliveryContext, message: ScheduledMessage): void {
  const push = { state: ctx.state, sessions: ctx.sessions };
  const wait = message.date * 1000 - Date.now();
  const timer = setTimeout(() => {
    if (wait > MAX_TIMER_MS) armTimer(push, message);
    else sendDueMessages(push);
  }, Math.max(0, Math.min(wait, MAX_TIMER_MS)));
  // a pending schedule must not keep the emulator's process alive
  Deno.unrefTimer(timer);
  ctx.state.scheduled.setTimer(message, timer);
}
