/** InviteLink in MTKruto's shape (types.md §6.4), from TL `chatInviteExported`, and what a link shows of its chat (ResolvedInviteLink, from `chatInvite`). */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";
import { type PeerLookup, peerUser, renderUser, type User } from "./peers.ts";
import { type Photo, renderPhoto } from "./photo.ts";

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

/** What an invite link shows of a chat the account is not in (MTKruto 0.216's ResolvedInviteLink). */
export interface ResolvedInviteLink {
  type: "group" | "supergroup" | "channel";
  isPublic: boolean;
  isApprovalNeeded: boolean;
  isVerified: boolean;
  isScam: boolean;
  isFake: boolean;
  /** The user's paid subscription still runs: it may join again without paying. */
  isAlreadySubscribed: boolean;
  title: string;
  description?: string;
  photo?: Photo;
  memberCount: number;
  /** A few of the members. */
  members: User[];
  color: number;
  subscriptionPeriod?: number;
  subscriptionPrice?: number;
  verificationBotId?: number;
  verificationCustomEmojiId?: string;
  verificationDescription?: string;
}

/** The ResolvedInviteLink of a `chatInvite` (a description only when non-empty, a zero price left out). */
export function renderResolvedInviteLink(
  invite: tl.RawChatInvite,
): ResolvedInviteLink {
  const price = invite.subscriptionPricing?.amount;
  const verification = invite.botVerification;
  return omitUndefined({
    type: invite.megagroup
      ? "supergroup"
      : invite.channel
      ? "channel"
      : "group",
    isPublic: invite.public ?? false,
    isApprovalNeeded: invite.requestNeeded ?? false,
    isVerified: invite.verified ?? false,
    isScam: invite.scam ?? false,
    isFake: invite.fake ?? false,
    isAlreadySubscribed: invite.canRefulfillSubscription ?? false,
    title: invite.title,
    description: invite.about || undefined,
    photo: invite.photo._ === "photo" ? renderPhoto(invite.photo) : undefined,
    memberCount: invite.participantsCount,
    members: (invite.participants ?? []).map(renderUser),
    color: invite.color,
    subscriptionPeriod: invite.subscriptionPricing?.period,
    subscriptionPrice: price && !price.isZero() ? price.toNumber() : undefined,
    verificationBotId: verification?.botId || undefined,
    verificationCustomEmojiId: verification && !verification.icon.isZero()
      ? verification.icon.toString()
      : undefined,
    verificationDescription: verification?.description,
  });
}
