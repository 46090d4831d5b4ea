/**
 * What one account keeps about others and shows them: its contacts (saved
 * under names of its choosing), the peers it blocked, and its online status.
 * They change how users look to each viewer (`contactView`,
 * `statusSeenBy`) and whether private messages get through
 * (`privateRecipients`).
 */
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import type { Chat, Chats } from "./chats.ts";

/** A contact as its owner saved it (`contacts.addContact`). */
export interface Contact {
  firstName: string;
  lastName: string;
  /** The phone number the owner gave, digits only; may be empty. */
  phone: string;
  /** Whether the owner lets the contact see its own phone number (`add_phone_privacy_exception`). */
  sharesPhone: boolean;
  /** The owner's private note about the contact. */
  note?: tl.RawTextWithEntities;
}

/** The last `account.updateStatus` of an account. */
export interface Presence {
  online: boolean;
  /** Unix seconds. */
  date: number;
}

/** For how long an `account.updateStatus` with `offline: false` keeps the account online. */
export const ONLINE_PERIOD_SECONDS = 300;

/** The name, contact flags and phone of `target` as `viewer` sees them: a contact's name is the one the viewer saved. */
export function contactView(
  target: Account,
  viewer: Account | undefined,
): Pick<
  tl.RawUser,
  "firstName" | "lastName" | "contact" | "mutualContact" | "phone"
> {
  const isSelf = target.id === viewer?.id;
  const saved = isSelf ? undefined : viewer?.contacts.get(target.id);
  const sharedWithViewer = viewer !== undefined &&
    target.contacts.get(viewer.id)?.sharesPhone === true;
  return {
    firstName: saved?.firstName ?? target.firstName,
    lastName: (saved ? saved.lastName : target.lastName) || undefined,
    contact: saved !== undefined || undefined,
    mutualContact: (saved !== undefined && viewer !== undefined &&
      target.contacts.has(viewer.id)) || undefined,
    phone: isSelf || sharedWithViewer ? target.phone : undefined,
  };
}

/** `target`'s status as `viewerId` sees it: bots have none, those `target` blocked see none, users that never set one were seen recently. */
export function statusSeenBy(
  target: Account,
  viewerId: number,
  nowSeconds: number,
): tl.TypeUserStatus | undefined {
  if (target.kind === "bot") return undefined;
  if (target.blocked.has(viewerId)) return { _: "userStatusEmpty" };
  const presence = target.presence;
  if (!presence) return { _: "userStatusRecently", byMe: false };
  const expires = presence.date + ONLINE_PERIOD_SECONDS;
  if (presence.online && nowSeconds < expires) {
    return { _: "userStatusOnline", expires };
  }
  return {
    _: "userStatusOffline",
    wasOnline: presence.online ? expires : presence.date,
  };
}

/**
 * Who receives a private message from `sender` to `recipient`: nobody when
 * the recipient blocked a user sender (the message stays in the sender's
 * box, as on Telegram); a blocked bot gets `USER_IS_BLOCKED`, and a sender
 * that blocked the recipient `YOU_BLOCKED_USER`.
 */
export function privateRecipients(
  sender: Account,
  recipient: Account,
): number[] {
  if (sender.blocked.has(recipient.id)) {
    throw new RpcFailure(400, "YOU_BLOCKED_USER");
  }
  if (!recipient.blocked.has(sender.id)) return [recipient.id];
  if (sender.kind === "bot") throw new RpcFailure(403, "USER_IS_BLOCKED");
  return [];
}

/** Telegram's list hash (core.telegram.org/api/offsets#hash-generation) of `values`, as a signed 64-bit Long. */
export function listHash(values: readonly number[]): Long {
  // unsigned 64-bit arithmetic, as the documented Java's `>>>` shifts
  let hash = 0n;
  for (const value of values) {
    hash ^= hash >> 21n;
    hash ^= BigInt.asUintN(64, hash << 35n);
    hash ^= hash >> 4n;
    hash = BigInt.asUintN(64, hash + BigInt(value));
  }
  return Long.fromString(BigInt.asIntN(64, hash).toString());
}

/** The hash `contacts.getContacts` compares with: the saved count (0 here), then the sorted contact ids. */
export function contactsHash(owner: Account): Long {
  return listHash([0, ...[...owner.contacts.keys()].sort((a, b) => a - b)]);
}

/** The groups both accounts are in (basic groups and supergroups; broadcast channels do not count), highest id first. */
export function commonGroups(chats: Chats, aId: number, bId: number): Chat[] {
  return chats.ofMember(aId)
    .filter((chat) => chat.members.has(bId) && chat.type !== "channel")
    .sort((a, b) => b.id - a.id);
}

/** The `userFull` fields about what `viewer` and `target` share: a user's bio, whether the viewer blocked it, their groups in common. */
export function sharedFullUser(
  chats: Chats,
  target: Account,
  viewer: Account,
): Pick<tl.RawUserFull, "about" | "blocked" | "commonChatsCount"> {
  return {
    // a bot's about text is its description, set elsewhere
    ...(target.kind === "user" ? { about: target.about } : {}),
    blocked: viewer.blocked.has(target.id) || undefined,
    commonChatsCount: commonGroups(chats, viewer.id, target.id).length,
  };
}
