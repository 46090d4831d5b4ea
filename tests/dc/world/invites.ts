/**
 * Invite links and join requests (core.telegram.org/api/invites): the links
 * admins export (`chatInviteExported`), who joined by each, the pending
 * requests of users who asked to join (by a link with `request_needed`, or
 * a public supergroup with join requests on), and how links look to the
 * users who open them (`messages.checkChatInvite`). What changes them is in
 * `invites_requests.ts`.
 */
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type Chat, isChannel } from "./chats.ts";
import { settingsOf } from "./chat_settings.ts";
import { now } from "./emit.ts";
import type { WorldState } from "./state.ts";

/** How links look: `https://t.me/+<hash>`, as Telegram writes private invite links. */
const LINK_PREFIX = "https://t.me/+";
/** Telegram's usage limits are 1–99999 (core.telegram.org/method/messages.exportChatInvite). */
export const MAX_USAGE_LIMIT = 99_999;
/** How many members `chatInvite.participants` previews. */
const PREVIEWED_MEMBERS = 5;

/** Someone who joined by a link. */
export interface InviteImporter {
  readonly userId: number;
  readonly date: number;
  /** The admin who approved the request, for links that require approval. */
  readonly approvedBy?: number;
}

/** One exported invite link of a chat. */
export interface StoredInvite {
  readonly hash: string;
  readonly chatKey: number;
  readonly adminId: number;
  readonly date: number;
  title?: string;
  /** Unix seconds; the link stops working then. */
  expireDate?: number;
  /** How many users may join by it. */
  usageLimit?: number;
  requestNeeded: boolean;
  revoked: boolean;
  /** When it was last edited. */
  startDate?: number;
  readonly importers: InviteImporter[];
}

/** A user waiting for an admin to let it in. */
export interface PendingRequest {
  readonly userId: number;
  readonly date: number;
  /** The link it asked by; none for a public supergroup's own join requests. */
  readonly hash?: string;
}

/** Every chat's invite links and pending join requests. */
export class ChatInvites {
  readonly #byHash = new Map<string, StoredInvite>();
  readonly #requests = new Map<number, Map<number, PendingRequest>>();
  readonly #joinRequestChats = new Set<number>();

  /** Stores a new link with a fresh hash. */
  add(invite: Omit<StoredInvite, "hash" | "importers">): StoredInvite {
    let hash: string;
    do hash = randomHash(); while (this.#byHash.has(hash));
    const stored = { ...invite, hash, importers: [] };
    this.#byHash.set(hash, stored);
    return stored;
  }

  /** The link with `hash`. */
  byHash(hash: string): StoredInvite | undefined {
    return this.#byHash.get(hash);
  }

  /** The chat's links, newest first (as Telegram lists them). */
  ofChat(chatKey: number): StoredInvite[] {
    return [...this.#byHash.values()].filter((invite) =>
      invite.chatKey === chatKey
    ).reverse();
  }

  /** Forgets a link. */
  delete(hash: string): void {
    this.#byHash.delete(hash);
  }

  /** The chat's pending requests, oldest first. */
  requests(chatKey: number): PendingRequest[] {
    return [...this.#requests.get(chatKey)?.values() ?? []];
  }

  /** `userId`'s pending request to join the chat. */
  request(chatKey: number, userId: number): PendingRequest | undefined {
    return this.#requests.get(chatKey)?.get(userId);
  }

  /** Files a request; asking again replaces the earlier one. */
  addRequest(chatKey: number, request: PendingRequest): void {
    let requests = this.#requests.get(chatKey);
    if (!requests) this.#requests.set(chatKey, requests = new Map());
    requests.delete(request.userId);
    requests.set(request.userId, request);
  }

  /** Drops `userId`'s request. */
  removeRequest(chatKey: number, userId: number): void {
    this.#requests.get(chatKey)?.delete(userId);
  }

  /** Whether users joining the public supergroup directly must be approved (`channel.join_request`). */
  joinRequestsEnabled(chatKey: number): boolean {
    return this.#joinRequestChats.has(chatKey);
  }

  /** Turns the supergroup's join requests on or off. */
  setJoinRequests(chatKey: number, enabled: boolean): void {
    if (enabled) this.#joinRequestChats.add(chatKey);
    else this.#joinRequestChats.delete(chatKey);
  }
}

const invitesByState = new WeakMap<WorldState, ChatInvites>();

/** The invite links of a world state (kept beside it, so a reset clears them). */
export function invitesOf(state: WorldState): ChatInvites {
  let invites = invitesByState.get(state);
  if (!invites) invitesByState.set(state, invites = new ChatInvites());
  return invites;
}

/** 16 random URL-safe characters, like Telegram's invite hashes. */
function randomHash(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-")
    .replaceAll("/", "_");
}

/** The link's URL. */
export function inviteLink(invite: StoredInvite): string {
  return `${LINK_PREFIX}${invite.hash}`;
}

/** The hash of a link as `messages.hideAllChatJoinRequests` and `messages.getChatInviteImporters` take it (the URL, or the bare hash). */
export function hashOfLink(link: string): string {
  return link.startsWith(LINK_PREFIX) ? link.slice(LINK_PREFIX.length) : link;
}

/** Whether a link still lets users in: not revoked, not expired, not used up. */
export function isUsable(invite: StoredInvite, at = now()): boolean {
  if (invite.revoked) return false;
  if (invite.expireDate !== undefined && invite.expireDate <= at) return false;
  return invite.usageLimit === undefined ||
    invite.importers.length < invite.usageLimit;
}

/** The usable link `hash` names and its chat: `INVITE_HASH_EMPTY`, `INVITE_HASH_INVALID`, or `INVITE_HASH_EXPIRED` (406). */
export function requireUsableInvite(
  state: WorldState,
  hash: string,
): { invite: StoredInvite; chat: Chat } {
  if (hash === "") throw new RpcFailure(400, "INVITE_HASH_EMPTY");
  const invite = invitesOf(state).byHash(hash);
  if (!invite) throw new RpcFailure(400, "INVITE_HASH_INVALID");
  const chat = state.chats.get(invite.chatKey);
  if (!chat || !isUsable(invite)) {
    throw new RpcFailure(406, "INVITE_HASH_EXPIRED");
  }
  return { invite, chat };
}

/** The link as `chatInviteExported`, with its use and pending requests counted. */
export function toTlInvite(
  state: WorldState,
  invite: StoredInvite,
): tl.RawChatInviteExported {
  const requested = invitesOf(state).requests(invite.chatKey).filter((
    request,
  ) => request.hash === invite.hash).length;
  return {
    _: "chatInviteExported",
    revoked: invite.revoked || undefined,
    requestNeeded: invite.requestNeeded || undefined,
    link: inviteLink(invite),
    adminId: invite.adminId,
    date: invite.date,
    startDate: invite.startDate,
    expireDate: invite.expireDate,
    usageLimit: invite.usageLimit,
    usage: invite.importers.length || undefined,
    requested: requested || undefined,
    title: invite.title,
  };
}

/** The link a request was made by, as updates name it: its `chatInviteExported`, or `chatInvitePublicJoinRequests` for none. */
export function requestInvite(
  state: WorldState,
  request: PendingRequest,
): tl.TypeExportedChatInvite {
  const invite = request.hash === undefined
    ? undefined
    : invitesOf(state).byHash(request.hash);
  return invite
    ? toTlInvite(state, invite)
    : { _: "chatInvitePublicJoinRequests" };
}

/** What `messages.checkChatInvite` shows a user outside the chat: its kind, title, photo, size and a few members. */
export function toChatInvite(
  state: WorldState,
  chat: Chat,
  invite: StoredInvite,
  viewerId: number,
): tl.RawChatInvite {
  const settings = settingsOf(chat);
  const previewed = [...chat.members.keys()].slice(0, PREVIEWED_MEMBERS);
  return {
    _: "chatInvite",
    channel: isChannel(chat) || undefined,
    broadcast: chat.type === "channel" || undefined,
    public: chat.username !== undefined || undefined,
    megagroup: chat.type === "supergroup" || undefined,
    requestNeeded: invite.requestNeeded || undefined,
    title: chat.title,
    about: settings.about || undefined,
    photo: settings.photo?.tl ?? { _: "photoEmpty", id: Long.ZERO },
    participantsCount: chat.members.size,
    // Telegram previews the members of groups, not a channel's subscribers
    participants: chat.type === "channel"
      ? undefined
      : state.users(previewed, viewerId),
    color: 0,
  };
}

/** The `channel.join_request` flag of a chat object: users joining directly must be approved. */
export function joinRequestFlag(
  state: WorldState,
  chat: Chat,
): true | undefined {
  return invitesOf(state).joinRequestsEnabled(chat.key) || undefined;
}
