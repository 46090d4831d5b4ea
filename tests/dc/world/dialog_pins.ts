/**
 * Pinned chats (core.telegram.org/api/dialogs#pinned-dialogs):
 * `messages.toggleDialogPin` pins a chat of the account's list on top of its
 * folder (the newest pin first), at most `dialogs_pinned_limit` (5) in the
 * main list and `dialogs_folder_pinned_limit` (100) in the archive
 * (`PINNED_DIALOGS_TOO_MUCH`); the account's other sessions get
 * `updateDialogPinned`. `messages.getPinnedDialogs` lists a folder's pinned
 * chats as `messages.peerDialogs`, flagged `pinned`.
 *
 * Not modelled: `messages.getDialogs` does not sort pinned chats first.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import {
  ARCHIVE_FOLDER,
  dialogEntries,
  dialogsBody,
  foldersOf,
  toTlDialog,
} from "./dialogs.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { tlPeer } from "./peer_keys.ts";
import type { WorldState } from "./state.ts";

/** Telegram's default pin limits (app config), by folder. */
const PIN_LIMITS: Record<number, number> = { 0: 5, [ARCHIVE_FOLDER]: 100 };

const pinsByState = new WeakMap<WorldState, Map<number, number[]>>();

/** Each account's pinned chats (peer keys, newest pin first), kept beside the state so a reset clears them. */
function pinsOf(state: WorldState): Map<number, number[]> {
  let pins = pinsByState.get(state);
  if (!pins) pinsByState.set(state, pins = new Map());
  return pins;
}

/** `accountId`'s pinned chats in folder `folderId`, newest pin first. */
export function pinnedChats(
  state: WorldState,
  accountId: number,
  folderId: number,
): number[] {
  const folders = foldersOf(state);
  return (pinsOf(state).get(accountId) ?? []).filter((key) =>
    folders.of(accountId, key) === folderId
  );
}

/** `messages.toggleDialogPin`: pins or unpins a chat of `accountId`'s list (`PEER_ID_INVALID` for chats not in it). */
export function toggleDialogPin(
  ctx: DeliveryContext,
  accountId: number,
  peerKey: number,
  pinned: boolean,
): boolean {
  const { state } = ctx;
  if (!dialogEntries(state, accountId).some((e) => e.peerKey === peerKey)) {
    throw new RpcFailure(400, "PEER_ID_INVALID");
  }
  const pins = (pinsOf(state).get(accountId) ?? []).filter((key) =>
    key !== peerKey
  );
  if (pinned) {
    const folderId = foldersOf(state).of(accountId, peerKey);
    if (
      pinnedChats(state, accountId, folderId).length >= PIN_LIMITS[folderId]
    ) {
      throw new RpcFailure(400, "PINNED_DIALOGS_TOO_MUCH");
    }
    pins.unshift(peerKey);
  }
  pinsOf(state).set(accountId, pins);
  const update: tl.RawUpdateDialogPinned = {
    _: "updateDialogPinned",
    pinned: pinned || undefined,
    folderId: foldersOf(state).of(accountId, peerKey) || undefined,
    peer: { _: "dialogPeer", peer: tlPeer(peerKey) },
  };
  ctx.sessions.push(accountId, {
    _: "updates",
    updates: [update],
    users: state.users([accountId, peerKey], accountId),
    chats: state.chatObjects([peerKey], accountId),
    date: now(),
    seq: 0,
  }, ctx.caller);
  return true;
}

/** `messages.getPinnedDialogs`: the pinned chats of a folder, newest pin first, with the update state. */
export function pinnedDialogs(
  state: WorldState,
  accountId: number,
  folderId: number,
): tl.messages.RawPeerDialogs {
  const entries = dialogEntries(state, accountId);
  const pinned = pinnedChats(state, accountId, folderId).flatMap((key) =>
    entries.filter((entry) => entry.peerKey === key)
  );
  return {
    _: "messages.peerDialogs",
    dialogs: pinned.map((entry) => ({
      ...toTlDialog(state, accountId, entry),
      pinned: true,
    })),
    ...dialogsBody(state, accountId, pinned),
    state: state.updates.state(accountId, state.unreadCount(accountId)),
  };
}
