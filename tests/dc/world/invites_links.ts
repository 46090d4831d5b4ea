/**
 * Exporting, listing, editing and deleting invite links, and who used them
 * (core.telegram.org/api/invites). Admins who may invite users manage
 * their own links; only the creator sees and manages the others' (as
 * tdlib's getChatInviteLinks documents); users cannot edit links bots made
 * (`EDIT_BOT_INVITE_FORBIDDEN`).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Chat } from "./chats.ts";
import { toTlChat } from "./chat_views.ts";
import { now } from "./emit.ts";
import {
  hashOfLink,
  inviteLink,
  invitesOf,
  isUsable,
  MAX_USAGE_LIMIT,
  requireUsableInvite,
  type StoredInvite,
  toChatInvite,
  toTlInvite,
} from "./invites.ts";
import { requireInviteAdmin } from "./invites_requests.ts";
import type { WorldState } from "./state.ts";

const MAX_INVITES_LIMIT = 100;
const MAX_IMPORTERS_LIMIT = 100;

/** What a link is made or edited with. */
export interface InviteTerms {
  title?: string;
  expireDate?: number;
  usageLimit?: number;
  requestNeeded?: boolean;
}

/** Fails unless `viewerId` may manage `adminId`'s links: its own as an inviting admin, anyone's as the creator. */
function requireLinkManager(chat: Chat, viewerId: number, adminId: number) {
  requireInviteAdmin(chat, viewerId);
  if (adminId !== viewerId && chat.creatorId !== viewerId) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
}

/**
 * Checks the terms: an expiry in the past is `EXPIRE_DATE_INVALID`, a usage
 * limit outside 1–99999, or together with approval, `USAGE_LIMIT_INVALID`
 * (an approved request would not count against it). 0 means none for both.
 */
function checkedTerms(terms: InviteTerms): InviteTerms {
  const expireDate = terms.expireDate || undefined;
  const usageLimit = terms.usageLimit || undefined;
  if (expireDate !== undefined && expireDate <= now()) {
    throw new RpcFailure(400, "EXPIRE_DATE_INVALID");
  }
  if (
    usageLimit !== undefined &&
    (usageLimit < 1 || usageLimit > MAX_USAGE_LIMIT || terms.requestNeeded)
  ) {
    throw new RpcFailure(400, "USAGE_LIMIT_INVALID");
  }
  return { ...terms, expireDate, usageLimit };
}

/** `messages.exportChatInvite`: a new link of `adminId`'s; `revokePrevious` (legacy_revoke_permanent) revokes its earlier links first. */
export function exportInvite(
  state: WorldState,
  chat: Chat,
  options: { adminId: number; terms: InviteTerms; revokePrevious?: boolean },
): tl.RawChatInviteExported {
  const { adminId, revokePrevious } = options;
  requireInviteAdmin(chat, adminId);
  const terms = checkedTerms(options.terms);
  const invites = invitesOf(state);
  if (revokePrevious) {
    for (const invite of invites.ofChat(chat.key)) {
      if (invite.adminId === adminId) invite.revoked = true;
    }
  }
  const invite = invites.add({
    chatKey: chat.key,
    adminId,
    date: now(),
    title: terms.title || undefined,
    expireDate: terms.expireDate,
    usageLimit: terms.usageLimit,
    requestNeeded: terms.requestNeeded ?? false,
    revoked: false,
  });
  return toTlInvite(state, invite);
}

/** `messages.getExportedChatInvites`: `adminId`'s links, revoked or active, newest first, after the link `offsetLink`. */
export function listInvites(
  state: WorldState,
  chat: Chat,
  query: {
    viewerId: number;
    adminId: number;
    revoked: boolean;
    offsetLink?: string;
    limit: number;
  },
): tl.messages.RawExportedChatInvites {
  const { viewerId, adminId } = query;
  requireLinkManager(chat, viewerId, adminId);
  const matching = invitesOf(state).ofChat(chat.key).filter((invite) =>
    invite.adminId === adminId && invite.revoked === query.revoked
  );
  const after = query.offsetLink === undefined ? -1 : matching.findIndex((
    invite,
  ) => invite.hash === hashOfLink(query.offsetLink!));
  const page = matching.slice(
    after + 1,
    after + 1 + Math.min(Math.max(query.limit, 0), MAX_INVITES_LIMIT),
  );
  return {
    _: "messages.exportedChatInvites",
    count: matching.length,
    invites: page.map((invite) => toTlInvite(state, invite)),
    users: state.users([adminId], viewerId),
  };
}

/** The chat's link `link` names (`INVITE_HASH_EXPIRED` for none), if `viewerId` may manage it. */
function managedInvite(
  state: WorldState,
  chat: Chat,
  viewerId: number,
  link: string,
): StoredInvite {
  const invite = invitesOf(state).byHash(hashOfLink(link));
  if (!invite || invite.chatKey !== chat.key) {
    throw new RpcFailure(400, "INVITE_HASH_EXPIRED");
  }
  requireLinkManager(chat, viewerId, invite.adminId);
  const madeByBot = state.accounts.get(invite.adminId)?.kind === "bot";
  if (madeByBot && invite.adminId !== viewerId) {
    throw new RpcFailure(403, "EDIT_BOT_INVITE_FORBIDDEN");
  }
  return invite;
}

/** `messages.editExportedChatInvite`: revokes the link, or changes its terms (a revoked link no longer changes). */
export function editInvite(
  state: WorldState,
  chat: Chat,
  edit: { viewerId: number; link: string; revoked?: boolean } & InviteTerms,
): tl.messages.RawExportedChatInvite {
  const invite = managedInvite(state, chat, edit.viewerId, edit.link);
  if (invite.revoked) throw new RpcFailure(400, "INVITE_HASH_EXPIRED");
  if (edit.revoked) {
    invite.revoked = true;
  } else {
    const terms = checkedTerms({
      title: edit.title ?? invite.title,
      expireDate: edit.expireDate ?? invite.expireDate,
      usageLimit: edit.usageLimit ?? invite.usageLimit,
      requestNeeded: edit.requestNeeded ?? invite.requestNeeded,
    });
    Object.assign(invite, {
      title: terms.title || undefined,
      expireDate: terms.expireDate,
      usageLimit: terms.usageLimit,
      requestNeeded: terms.requestNeeded,
    });
  }
  invite.startDate = now();
  return {
    _: "messages.exportedChatInvite",
    invite: toTlInvite(state, invite),
    users: state.users([invite.adminId], edit.viewerId),
  };
}

/** `messages.deleteRevokedExportedChatInvites`: forgets `adminId`'s revoked links. */
export function deleteRevokedInvites(
  state: WorldState,
  chat: Chat,
  options: { viewerId: number; adminId: number },
): true {
  requireLinkManager(chat, options.viewerId, options.adminId);
  const invites = invitesOf(state);
  for (const invite of invites.ofChat(chat.key)) {
    if (invite.adminId === options.adminId && invite.revoked) {
      invites.delete(invite.hash);
    }
  }
  return true;
}

/** Whether the account's first name or username contains `q` (case-insensitive). */
function nameMatches(state: WorldState, userId: number, q: string): boolean {
  const account = state.accounts.get(userId);
  return [account?.firstName, account?.username].some((name) =>
    name?.toLowerCase().includes(q.toLowerCase())
  );
}

/**
 * `messages.getChatInviteImporters`: with `requested`, the pending join
 * requests (by `link`, or matching `q`); otherwise who joined (by `link`, or
 * by any link). Newest first, after `offsetUser`; a link and a search
 * together are `SEARCH_WITH_LINK_NOT_SUPPORTED`.
 */
export function listImporters(
  state: WorldState,
  chat: Chat,
  query: {
    viewerId: number;
    requested: boolean;
    link?: string;
    q?: string;
    offsetUser?: number;
    limit: number;
  },
): tl.messages.RawChatInviteImporters {
  const { viewerId, q } = query;
  requireInviteAdmin(chat, viewerId);
  if (query.link !== undefined && q) {
    throw new RpcFailure(400, "SEARCH_WITH_LINK_NOT_SUPPORTED");
  }
  const invites = invitesOf(state);
  const hash = query.link === undefined ? undefined : hashOfLink(query.link);
  if (hash !== undefined && invites.byHash(hash)?.chatKey !== chat.key) {
    throw new RpcFailure(400, "INVITE_HASH_EXPIRED");
  }
  const importers: tl.RawChatInviteImporter[] = query.requested
    ? invites.requests(chat.key).filter((request) =>
      (hash === undefined || request.hash === hash) &&
      (!q || nameMatches(state, request.userId, q))
    ).map((request) => ({
      _: "chatInviteImporter",
      requested: true,
      userId: request.userId,
      date: request.date,
      about: state.accounts.get(request.userId)?.about,
    }))
    : invites.ofChat(chat.key).filter((invite) =>
      hash === undefined || invite.hash === hash
    ).flatMap((invite) => invite.importers).map((importer) => ({
      _: "chatInviteImporter",
      userId: importer.userId,
      date: importer.date,
      approvedBy: importer.approvedBy,
    }));
  const newestFirst = importers.sort((a, b) => b.date - a.date);
  const after = query.offsetUser === undefined
    ? -1
    : newestFirst.findIndex((importer) => importer.userId === query.offsetUser);
  const page = newestFirst.slice(
    after + 1,
    after + 1 + Math.min(Math.max(query.limit, 0), MAX_IMPORTERS_LIMIT),
  );
  return {
    _: "messages.chatInviteImporters",
    count: newestFirst.length,
    importers: page,
    users: state.users(
      page.flatMap((importer) => [
        importer.userId,
        ...importer.approvedBy ? [importer.approvedBy] : [],
      ]),
      viewerId,
    ),
  };
}

/** `messages.checkChatInvite`: the chat itself for its members (`chatInviteAlready`, even once the link is used up), else what a usable link shows of it. */
export function checkInvite(
  state: WorldState,
  hash: string,
  viewerId: number,
): tl.TypeChatInvite {
  const known = invitesOf(state).byHash(hash);
  const chat = known && state.chats.get(known.chatKey);
  if (chat?.members.has(viewerId)) {
    return { _: "chatInviteAlready", chat: toTlChat(state, chat, viewerId) };
  }
  const usable = requireUsableInvite(state, hash);
  return toChatInvite(state, usable.chat, usable.invite, viewerId);
}

/** The links of a chat as the control API lists them. */
export function describeInvites(state: WorldState, chat: Chat) {
  return invitesOf(state).ofChat(chat.key).map((invite) => ({
    link: inviteLink(invite),
    admin: invite.adminId,
    title: invite.title,
    requestNeeded: invite.requestNeeded,
    revoked: invite.revoked,
    usable: isUsable(invite),
    expireDate: invite.expireDate,
    usageLimit: invite.usageLimit,
    usage: invite.importers.length,
  }));
}
