/** `contacts.*` for the caller's contact list and blocklists, and `messages.getCommonChats`. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import type { Account } from "../accounts.ts";
import { commonGroups, contactsHash } from "../contacts_book.ts";
import { now } from "../emit.ts";
import { peerKind, tlPeer } from "../peer_keys.ts";
import { resolvePeer, resolveUser } from "../peers.ts";
import { pushToOwnSessions } from "./profile.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  usersOnly,
} from "./types.ts";

/** The user an `InputUser` names that the caller may save as a contact: another user (`CONTACT_ID_INVALID` otherwise). */
function contactTarget(
  ctx: AuthorizedContext,
  input: tl.TypeInputUser,
): Account {
  const target = ctx.state.accounts.require(
    resolveUser(ctx.state, ctx.self.id, input),
  );
  if (target.id === ctx.self.id || target.kind === "bot") {
    throw new RpcFailure(400, "CONTACT_ID_INVALID");
  }
  return target;
}

/** What `contacts.addContact` / `deleteContacts` answer: an `updatePeerSettings` per user (its action bar changed) and the users as now seen. */
function peerSettingsUpdates(
  ctx: AuthorizedContext,
  userIds: number[],
): tl.RawUpdates {
  return {
    _: "updates",
    updates: userIds.map((userId) => ({
      _: "updatePeerSettings",
      peer: tlPeer(userId),
      settings: { _: "peerSettings" },
    })),
    users: ctx.state.users(userIds, ctx.self.id),
    chats: [],
    date: now(),
    seq: 0,
  };
}

/** The blocklist `contacts.block` / `unblock` / `getBlocked` work on. */
function blocklistOf(
  self: Account,
  myStoriesFrom: boolean | undefined,
): Map<number, number> {
  return myStoriesFrom ? self.blockedFromStories : self.blocked;
}

/** The peer an `InputPeer` names that may be blocked: a user other than the caller, or a supergroup/channel. */
function blockTarget(ctx: AuthorizedContext, input: tl.TypeInputPeer): number {
  const key = resolvePeer(ctx.state, ctx.self.id, input);
  if (key === ctx.self.id) throw new RpcFailure(400, "CONTACT_ID_INVALID");
  if (peerKind(key) === "group") throw new RpcFailure(400, "PEER_ID_INVALID");
  return key;
}

/** Blocks or unblocks `key`; the caller's other sessions learn of a change through `updatePeerBlocked`. */
function setBlocked(
  ctx: AuthorizedContext,
  key: number,
  myStoriesFrom: boolean | undefined,
  blocked: boolean,
): true {
  const list = blocklistOf(ctx.self, myStoriesFrom);
  if (list.has(key) === blocked) return true;
  if (blocked) list.set(key, now());
  else list.delete(key);
  pushToOwnSessions(ctx, ctx.self.id, {
    _: "updatePeerBlocked",
    blocked: (!myStoriesFrom && blocked) || undefined,
    blockedMyStoriesFrom: (myStoriesFrom && blocked) || undefined,
    peerId: tlPeer(key),
  });
  return true;
}

/** Handlers of the contact list, blocklist and common-chats methods. */
export const contactsBookHandlers: HandlerTable = {
  "contacts.addContact": usersOnly((ctx, params) => {
    const target = contactTarget(ctx, params.id);
    const firstName = params.firstName.trim();
    const lastName = params.lastName.trim();
    if (firstName === "" && lastName === "") {
      throw new RpcFailure(400, "CONTACT_NAME_EMPTY");
    }
    ctx.self.contacts.set(target.id, {
      firstName,
      lastName,
      phone: params.phone.replace(/\D/g, ""),
      sharesPhone: params.addPhonePrivacyException ?? false,
      note: params.note,
    });
    return peerSettingsUpdates(ctx, [target.id]);
  }),
  "contacts.deleteContacts": usersOnly((ctx, params) => {
    const removed = params.id.map((input) => contactTarget(ctx, input).id)
      .filter((id) => ctx.self.contacts.delete(id));
    return peerSettingsUpdates(ctx, removed);
  }),
  "contacts.getContacts": usersOnly((ctx, params) => {
    const hash = contactsHash(ctx.self);
    if (!params.hash.isZero() && params.hash.eq(hash)) {
      return { _: "contacts.contactsNotModified" };
    }
    const ids = [...ctx.self.contacts.keys()];
    return {
      _: "contacts.contacts",
      contacts: ids.map((userId) => ({
        _: "contact",
        userId,
        mutual: ctx.state.accounts.get(userId)?.contacts.has(ctx.self.id) ??
          false,
      })),
      savedCount: 0,
      users: ctx.state.users(ids, ctx.self.id),
    };
  }),
  "contacts.block": usersOnly((ctx, params) =>
    setBlocked(ctx, blockTarget(ctx, params.id), params.myStoriesFrom, true)
  ),
  "contacts.unblock": usersOnly((ctx, params) =>
    setBlocked(ctx, blockTarget(ctx, params.id), params.myStoriesFrom, false)
  ),
  "contacts.getBlocked": usersOnly((ctx, params) => {
    // most recently blocked first
    const all = [...blocklistOf(ctx.self, params.myStoriesFrom)]
      .sort(([, a], [, b]) => b - a);
    const page = all.slice(params.offset, params.offset + params.limit);
    const blocked = page.map(([key, date]): tl.RawPeerBlocked => ({
      _: "peerBlocked",
      peerId: tlPeer(key),
      date,
    }));
    const keys = page.map(([key]) => key);
    const body = {
      blocked,
      users: ctx.state.users(
        keys.filter((key) => peerKind(key) === "user"),
        ctx.self.id,
      ),
      chats: ctx.state.chatObjects(
        keys.filter((key) => peerKind(key) !== "user"),
        ctx.self.id,
      ),
    };
    return page.length === all.length
      ? { _: "contacts.blocked", ...body }
      : { _: "contacts.blockedSlice", count: all.length, ...body };
  }),
  "messages.getCommonChats": usersOnly((ctx, params) => {
    const { state, self } = ctx;
    const userId = resolveUser(state, self.id, params.userId);
    const common = commonGroups(state.chats, self.id, userId).filter((chat) =>
      params.maxId === 0 || chat.id < params.maxId
    );
    const page = common.slice(0, Math.max(params.limit, 0));
    const chats = state.chatObjects(page.map((chat) => chat.key), self.id);
    return page.length === common.length
      ? { _: "messages.chats", chats }
      : { _: "messages.chatsSlice", count: common.length, chats };
  }),
};
