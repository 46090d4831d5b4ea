/**
 * Invite links and join requests: making links, listing them, and handling
 * the requests of users who asked to join.
 *
 * @module
 */
import type { ID } from "./common.ts";

/** createInviteLink's params. */
export interface CreateInviteLinkParams {
  /** A name for the link, seen only by admins. */
  title?: string;
  /** When the link stops working (Unix seconds). */
  expireAt?: number;
  /** How many users may join by it (0 or left out: no limit); not together with `isApprovalRequired`. */
  limit?: number;
  /** Whether an admin must approve each user who asks to join by it; not together with `limit`. */
  isApprovalRequired?: boolean;
}

/** getCreatedInviteLinks' params. */
export interface GetCreatedInviteLinksParams {
  /** The admin whose links to list (left out: the account's own; others' need the chat's creator). */
  by?: ID;
  /** How many links, 1–100 (default 100). */
  limit?: number;
  /** Whether to list the revoked links instead of the working ones. */
  isRevoked?: boolean;
  /** The `date` of the last link of an earlier page; only together with `afterInviteLink`. */
  afterDate?: number;
  /** The last link of an earlier page, to continue after; only together with `afterDate`. */
  afterInviteLink?: string;
}

/** approveJoinRequests' params. */
export interface ApproveJoinRequestsParams {
  /** Only the requests made by this link. */
  inviteLink?: string;
}

/** declineJoinRequests' params. */
export interface DeclineJoinRequestsParams {
  /** Only the requests made by this link. */
  inviteLink?: string;
}

/** getJoinRequests' params. */
export interface GetJoinRequestsParams {
  /** Only the requests made by this link; not together with `search`. */
  inviteLink?: string;
  /** Only requesters whose name or username contains this; not together with `inviteLink`. */
  search?: string;
  /** The `date` of the last request of an earlier page (0 or left out: from the newest). */
  fromDate?: number;
  /** The requester of the last request of an earlier page, to continue after. */
  fromUserId?: ID;
  /** How many requests, 1–100 (default 100). */
  limit?: number;
}
