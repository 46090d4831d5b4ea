/**
 * The params of MTKruto's invite-link and join-request methods (methods.md
 * §A.3, §B.5, §B.7; MTKruto 0.216's CreateInviteLinkParams,
 * GetCreatedInviteLinksParams, Approve/DeclineJoinRequestsParams and
 * GetJoinRequestsParams), with MTKruto's checks of keys that exclude each
 * other.
 */
import { InputError } from "../../errors.ts";
import { toChatId } from "./chat_id.ts";
import {
  at,
  given,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalBoolean,
  optionalInteger,
  optionalString,
  pageLimit,
} from "./read.ts";

/** What createInviteLink makes a link with. */
export interface InviteLinkTerms {
  title?: string;
  /** Unix seconds. */
  expireAt?: number;
  /** How many users may join by it (0: no limit). */
  limit?: number;
  isApprovalRequired: boolean;
}

/** CreateInviteLinkParams `{title?, expireAt?, limit?, isApprovalRequired?}`; approval and a limit exclude each other, as in MTKruto. */
export function toInviteLinkTerms(
  params: JsonObject,
  path = "params",
): InviteLinkTerms {
  const limit = optionalInteger(params, "limit", path, NON_NEGATIVE_INT32);
  const isApprovalRequired =
    optionalBoolean(params, "isApprovalRequired", path) ?? false;
  if (isApprovalRequired && limit) {
    throw new InputError(
      `${at(path, "isApprovalRequired")} cannot be true while ${
        at(path, "limit")
      } is specified`,
    );
  }
  return {
    title: optionalString(params, "title", path),
    expireAt: optionalInteger(params, "expireAt", path, NON_NEGATIVE_INT32),
    limit,
    isApprovalRequired,
  };
}

/** Which of a chat's links getCreatedInviteLinks lists. */
export interface CreatedInviteLinksQuery {
  /** The admin whose links to list (the account itself when left out). */
  by?: number | string;
  limit: number;
  isRevoked: boolean;
  /** The link of an earlier page to continue after. */
  after?: { date: number; inviteLink: string };
}

/** GetCreatedInviteLinksParams `{by?, limit?, isRevoked?, afterDate?, afterInviteLink?}`; the last two go together, as in MTKruto. */
export function toCreatedInviteLinksQuery(
  params: JsonObject,
  path = "params",
): CreatedInviteLinksQuery {
  const afterDate = optionalInteger(
    params,
    "afterDate",
    path,
    NON_NEGATIVE_INT32,
  );
  const afterInviteLink = optionalString(params, "afterInviteLink", path);
  if ((afterDate === undefined) !== (afterInviteLink === undefined)) {
    throw new InputError(
      `Both or neither of ${at(path, "afterDate")} and ${
        at(path, "afterInviteLink")
      } must be specified`,
    );
  }
  return {
    by: given(params, "by") ? toChatId(params.by, at(path, "by")) : undefined,
    limit: pageLimit(params, path),
    isRevoked: optionalBoolean(params, "isRevoked", path) ?? false,
    after: afterDate === undefined
      ? undefined
      : { date: afterDate, inviteLink: afterInviteLink! },
  };
}

/** Approve/DeclineJoinRequestsParams `{inviteLink?}`: only the requests made by that link. */
export function toInviteLinkFilter(
  params: JsonObject,
  path = "params",
): string | undefined {
  return optionalString(params, "inviteLink", path, { nonEmpty: true });
}

/** Which pending requests getJoinRequests lists. */
export interface JoinRequestsQuery {
  inviteLink?: string;
  search?: string;
  /** Unix seconds; 0 from the newest. */
  fromDate: number;
  /** The requester of an earlier page to continue after. */
  fromUserId?: number | string;
  limit: number;
}

/** GetJoinRequestsParams `{inviteLink?, search?, fromDate?, fromUserId?, limit?}`; a link and a search exclude each other, as in MTKruto. */
export function toJoinRequestsQuery(
  params: JsonObject,
  path = "params",
): JoinRequestsQuery {
  const inviteLink = toInviteLinkFilter(params, path);
  const search = optionalString(params, "search", path);
  if (inviteLink !== undefined && search !== undefined) {
    throw new InputError(
      `${at(path, "inviteLink")} and ${
        at(path, "search")
      } cannot be specified together`,
    );
  }
  return {
    inviteLink,
    search,
    fromDate: optionalInteger(params, "fromDate", path, NON_NEGATIVE_INT32) ??
      0,
    fromUserId: given(params, "fromUserId")
      ? toChatId(params.fromUserId, at(path, "fromUserId"))
      : undefined,
    limit: pageLimit(params, path),
  };
}

/** The hash of an invite link as `messages.importChatInvite` and `messages.checkChatInvite` take it: `t.me/+<hash>`, `t.me/joinchat/<hash>`, or the bare hash. */
export function inviteHashOf(inviteLink: string): string {
  let url: URL;
  try {
    url = new URL(inviteLink);
  } catch {
    return inviteLink;
  }
  const [first = "", second] = url.pathname.split("/").slice(1);
  if (second !== undefined) return second;
  return first.startsWith("+") ? first.slice(1) : first;
}
