/** JoinRequest in MTKruto's shape (types.md §6.3): the payload of `joinRequest`, and what getJoinRequests lists. */
import type { tl } from "@mtcute/core";
import { type InviteLink, renderInviteLink } from "./invite_link.ts";
import { omitUndefined } from "./omit_undefined.ts";
import {
  type ChatP,
  peerChatP,
  type PeerLookup,
  peerUser,
  type User,
} from "./peers.ts";

/** A user's request to join a chat. */
export interface JoinRequest {
  chat: ChatP;
  from: User;
  /** When the request was made. */
  date: number;
  /** The user's bio (bots get it always, empty when it has none). */
  bio?: string;
  /** The link the request was made by (bots only; none for a public chat's own join requests). */
  inviteLink?: InviteLink;
}

/** The JoinRequest of `updateBotChatInviteRequester` (its chat, user and the link's creator must be in `peers`). */
export function renderJoinRequest(
  update: tl.RawUpdateBotChatInviteRequester,
  peers: PeerLookup,
): JoinRequest {
  return omitUndefined({
    chat: peerChatP(peers, update.peer),
    from: peerUser(peers, update.userId),
    date: update.date,
    bio: update.about,
    inviteLink: update.invite._ === "chatInviteExported"
      ? renderInviteLink(update.invite, peers)
      : undefined,
  });
}

/** The JoinRequest of a pending `chatInviteImporter` of `chat` (getJoinRequests names no link). */
export function renderPendingJoinRequest(
  chat: ChatP,
  importer: tl.RawChatInviteImporter,
  peers: PeerLookup,
): JoinRequest {
  return omitUndefined({
    chat,
    from: peerUser(peers, importer.userId),
    date: importer.date,
    bio: importer.about,
  });
}
