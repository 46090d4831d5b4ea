/** FailedInvitation in MTKruto's shape (methods.md §E.3): a user addChatMember(s) could not add, from TL `missingInvitee`. */
import type { tl } from "@mtcute/core";

/** A user who could not be added to a chat, and what Telegram Premium would change about it. */
export interface FailedInvitation {
  userId: number;
  /** Whether Premium (the inviter's) would allow the invitation. */
  requiresPremiumToInvite: boolean;
  /** Whether the user accepts messages from Premium users only. */
  requiresPremiumToMessage: boolean;
}

/** The FailedInvitation of a TL missing invitee. */
export function renderFailedInvitation(
  invitee: tl.TypeMissingInvitee,
): FailedInvitation {
  return {
    userId: invitee.userId,
    requiresPremiumToInvite: invitee.premiumWouldAllowInvite ?? false,
    requiresPremiumToMessage: invitee.premiumRequiredForPm ?? false,
  };
}
