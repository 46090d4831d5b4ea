/**
 * Saved Messages (core.telegram.org/api/saved-messages): an account's chat
 * with itself, whose messages Telegram groups into "saved dialogs" by the
 * peer they were saved from — a forward's original sender or channel, the
 * account itself for what it wrote there (and for forwards that hide their
 * author). `messages.getSavedDialogs` lists those dialogs, newest first;
 * `messages.getSavedHistory` reads one of them.
 */
import type { BoxMessage } from "./mailboxes.ts";
import type { WorldState } from "./state.ts";

/** The saved dialog a message of Saved Messages belongs to (its `saved_peer_id`). */
export function savedPeerOf(message: BoxMessage): number {
  return message.forwardOrigin?.fromId ?? message.ownerId;
}

/** One saved dialog: the peer and its newest message. */
export interface SavedDialog {
  peerKey: number;
  top: BoxMessage;
}

/** The messages of `ownerId`'s Saved Messages, oldest first. */
function savedMessages(state: WorldState, ownerId: number): BoxMessage[] {
  return state.mailboxes.chat(ownerId, ownerId);
}

/** `ownerId`'s saved dialogs, newest top message first (its date, then its id). */
export function savedDialogs(
  state: WorldState,
  ownerId: number,
): SavedDialog[] {
  const tops = new Map<number, BoxMessage>();
  for (const message of savedMessages(state, ownerId)) {
    tops.set(savedPeerOf(message), message);
  }
  return [...tops].map(([peerKey, top]) => ({ peerKey, top }))
    .sort((a, b) => b.top.date - a.top.date || b.top.id - a.top.id);
}

/** The messages of the saved dialog with `peerKey`, oldest first. */
export function savedHistory(
  state: WorldState,
  ownerId: number,
  peerKey: number,
): BoxMessage[] {
  return savedMessages(state, ownerId).filter((message) =>
    savedPeerOf(message) === peerKey
  );
}
