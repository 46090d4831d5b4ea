/** InviteLink in MTKruto's shape (types.md §6.4), from TL `chatInviteExported`. */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";
import { type PeerLookup, peerUser, type User } from "./peers.ts";

/** An invite link of a chat. */
export interface InviteLink {
  inviteLink: string;
  creator: User;
  requiresApproval: boolean;
  isRevoked: boolean;
  title?: string;
  expiresAt?: number;
  limit?: number;
  pendingJoinRequestCount?: number;
  subscriptionPrice?: number;
}

/** The InviteLink of an exported invite (its creator must be in `peers`; a zero subscription price is left out). */
export function renderInviteLink(
  invite: tl.RawChatInviteExported,
  peers: PeerLookup,
): InviteLink {
  const price = invite.subscriptionPricing?.amount;
  return omitUndefined({
    inviteLink: invite.link,
    creator: peerUser(peers, invite.adminId),
    requiresApproval: invite.requestNeeded ?? false,
    isRevoked: invite.revoked ?? false,
    title: invite.title,
    expiresAt: invite.expireDate,
    limit: invite.usageLimit,
    pendingJoinRequestCount: invite.requested,
    subscriptionPrice: price && !price.isZero() ? price.toNumber() : undefined,
  });
}
