/** The MTProto sessions the world has seen, and which of them receive updates. */
import type { tl } from "@mtcute/core";
import type { Session } from "../contract.ts";

function sessionKey(session: Session): string {
  return `${session.authKeyId}/${session.sessionId}`;
}

/** Tracks sessions and pushes updates to those subscribed, like Telegram does. */
export class Sessions {
  readonly #sessions = new Map<string, Session>();
  /** Sessions that made a call without `invokeWithoutUpdates`; only those get pushes. */
  readonly #subscribed = new Set<string>();

  /** Remembers the session behind a call (the protocol layer may hand us a fresh object per connection). */
  noteCall(session: Session, withoutUpdates: boolean): void {
    const key = sessionKey(session);
    this.#sessions.set(key, session);
    if (!withoutUpdates) this.#subscribed.add(key);
  }

  /** Remembers a session whose connection attached or detached. */
  noteConnection(session: Session): void {
    this.#sessions.set(sessionKey(session), session);
  }

  /** Connected, subscribed sessions logged in as `accountId`. */
  receivers(accountId: number): Session[] {
    return [...this.#sessions.entries()]
      .filter(([key, session]) =>
        this.#subscribed.has(key) && session.connected &&
        session.accountId === accountId
      )
      .map(([, session]) => session);
  }

  /** Pushes `updates` to every receiver of `accountId` except `exclude` (the caller, who gets them as its result). */
  push(accountId: number, updates: tl.TypeUpdates, exclude?: Session): void {
    const excluded = exclude && sessionKey(exclude);
    for (const session of this.receivers(accountId)) {
      if (sessionKey(session) !== excluded) session.push(updates);
    }
  }
}
