/** BlockedUser and BlockedUserList in MTKruto 0.216's shape, from TL `contacts.blocked` / `contacts.blockedSlice`. */
import type { tl } from "@mtcute/core";
import { type PeerLookup, peerUser, type User } from "./peers.ts";

/** A user the account blocked. */
export interface BlockedUser {
  /** The blocked user. */
  user: User;
  /** When it was blocked (Unix seconds). */
  blockedAt: number;
}

/** A page of the account's blocklist. */
export interface BlockedUserList {
  /** The blocked users of the page. */
  blockedUsers: BlockedUser[];
  /** How many peers the blocklist holds in all. */
  count: number;
}

/**
 * The BlockedUserList of a `contacts.getBlocked` result. Blocked channels
 * are left out of `blockedUsers` (MTKruto's list holds users), though
 * `count` still counts them, as Telegram's does.
 */
export function renderBlockedUserList(
  result: tl.contacts.TypeBlocked,
  peers: PeerLookup,
): BlockedUserList {
  const blockedUsers = result.blocked.flatMap((entry) =>
    entry.peerId._ === "peerUser"
      ? [{ user: peerUser(peers, entry.peerId.userId), blockedAt: entry.date }]
      : []
  );
  const count = result._ === "contacts.blockedSlice"
    ? result.count
    : result.blocked.length;
  return { blockedUsers, count };
}
