/**
 * The params of MTKruto's member methods (methods.md §A.1, §A.3, §B.6):
 * ChatMemberRights as TL banned rights (0.216.0's meaning: only an explicit
 * `false` forbids), PromoteChatMemberParams as TL admin rights, and the
 * ban, paging and invitation options.
 */
import type { tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import {
  at,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
} from "./read.ts";

type BannedFlag = Exclude<keyof tl.RawChatBannedRights, "_" | "untilDate">;
type AdminFlag = Exclude<keyof tl.RawChatAdminRights, "_">;

/**
 * Each ChatMemberRights key and the TL flag its `false` sets. MTKruto 0.216
 * sets `send_plain` for `canSendMessages: false` (not `send_messages`,
 * which would forbid every kind of message).
 */
const MEMBER_RIGHT_FLAGS: Record<string, BannedFlag> = {
  canSendMessages: "sendPlain",
  canSendAudio: "sendAudios",
  canSendDocuments: "sendDocs",
  canSendPhotos: "sendPhotos",
  canSendVideos: "sendVideos",
  canSendVideoNotes: "sendRoundvideos",
  canSendVoice: "sendVoices",
  canSendPolls: "sendPolls",
  canSendStickers: "sendStickers",
  canSendAnimations: "sendGifs",
  canSendGames: "sendGames",
  canSendInlineBotResults: "sendInline",
  canAddWebPagePreviews: "embedLinks",
  canMakeReactions: "sendReactions",
  canEditMemberTag: "editRank",
  canChangeInfo: "changeInfo",
  canInviteUsers: "inviteUsers",
  canPinMessages: "pinMessages",
  canManageTopics: "manageTopics",
};

/** Each PromoteChatMemberParams right and the TL admin flag its `true` sets. */
const ADMIN_RIGHT_FLAGS: Record<string, AdminFlag> = {
  isAnonymous: "anonymous",
  canManageChat: "other",
  canDeleteMessages: "deleteMessages",
  canManageVideoChats: "manageCall",
  canRestrictMembers: "banUsers",
  canPromoteMembers: "addAdmins",
  canChangeInfo: "changeInfo",
  canInviteUsers: "inviteUsers",
  canPostMessages: "postMessages",
  canEditMessages: "editMessages",
  canPinMessages: "pinMessages",
  canManageTopics: "manageTopics",
  canPostStories: "postStories",
  canEditStories: "editStories",
  canDeleteStories: "deleteStories",
  canManageDirectMessages: "manageDirectMessages",
  canManageTags: "manageRanks",
};

/**
 * MTKruto's linked-chats right (`manage_linked_peers`) is newer than the
 * Telegram layer the gateway speaks: asking for it is refused rather than
 * dropped; the value that changes nothing is accepted.
 */
function refuseLinkedChats(
  object: JsonObject,
  path: string,
  noOp: boolean,
): void {
  const value = optionalBoolean(object, "canManageLinkedChats", path);
  if (value !== undefined && value !== noOp) {
    throw new InputError(
      `${
        at(path, "canManageLinkedChats")
      } cannot be ${value}: the Telegram layer the gateway speaks has no linked-chats right`,
    );
  }
}

/** The `until` point in time (Unix seconds; 0 or left out is forever). */
function untilOf(params: JsonObject, path: string): number {
  return optionalInteger(params, "until", path, NON_NEGATIVE_INT32) ?? 0;
}

/** ChatMemberRights (what the member may do) as TL banned rights until `until`: each key set to `false` forbids. */
export function toBannedRights(
  rights: JsonObject | undefined,
  until: number,
  path: string,
): tl.RawChatBannedRights {
  const banned: tl.RawChatBannedRights = {
    _: "chatBannedRights",
    untilDate: until,
  };
  if (!rights) return banned;
  refuseLinkedChats(rights, path, true);
  for (const [key, flag] of Object.entries(MEMBER_RIGHT_FLAGS)) {
    if (optionalBoolean(rights, key, path) === false) banned[flag] = true;
  }
  return banned;
}

/** SetChatMemberRightsParams `{rights?, until?}` as TL banned rights; no rights lifts every restriction. */
export function toMemberRestriction(
  params: JsonObject,
  path = "params",
): tl.RawChatBannedRights {
  return toBannedRights(
    optionalObject(params, "rights", path),
    untilOf(params, path),
    at(path, "rights"),
  );
}

/** What banChatMember takes from BanChatMemberParams. */
export interface BanOptions {
  until: number;
  deleteMessages: boolean;
}

/** BanChatMemberParams `{until?, deleteMessages?}`. */
export function toBanOptions(params: JsonObject, path = "params"): BanOptions {
  return {
    until: untilOf(params, path),
    deleteMessages: optionalBoolean(params, "deleteMessages", path) ?? false,
  };
}

/**
 * Everything a ban forbids, as MTKruto 0.216 sends it: `view_messages` and
 * each right a member can have, until `until`.
 */
export function fullBan(until: number): tl.RawChatBannedRights {
  const banned: tl.RawChatBannedRights = {
    _: "chatBannedRights",
    untilDate: until,
    viewMessages: true,
  };
  for (const flag of Object.values(MEMBER_RIGHT_FLAGS)) banned[flag] = true;
  return banned;
}

/** What promoteChatMember sends: the admin rights and the title (`rank`, "" when left out). */
export interface Promotion {
  rights: tl.RawChatAdminRights;
  rank: string;
}

/** PromoteChatMemberParams: each right set to `true` is granted (none dismisses the admin), `title` is the custom title. */
export function toPromotion(params: JsonObject, path = "params"): Promotion {
  refuseLinkedChats(params, path, false);
  const rights: tl.RawChatAdminRights = { _: "chatAdminRights" };
  for (const [key, flag] of Object.entries(ADMIN_RIGHT_FLAGS)) {
    if (optionalBoolean(params, key, path) === true) rights[flag] = true;
  }
  return { rights, rank: optionalString(params, "title", path) ?? "" };
}

/** The most members one getChatMembers call returns, as MTKruto asks Telegram for. */
const MAX_MEMBERS_LIMIT = 100;

/** GetChatMembersParams `{offset?, limit?}`: skip `offset` members, return at most `limit` (1–100, default 100). */
export function toMembersPage(
  params: JsonObject,
  path = "params",
): { offset: number; limit: number } {
  return {
    offset: optionalInteger(params, "offset", path, NON_NEGATIVE_INT32) ?? 0,
    limit: optionalInteger(params, "limit", path, {
      min: 1,
      max: MAX_MEMBERS_LIMIT,
    }) ?? MAX_MEMBERS_LIMIT,
  };
}

/** AddChatMemberParams `{historyLimit?}`: how many recent messages of a basic group the new member sees (default 0). */
export function toHistoryLimit(params: JsonObject, path = "params"): number {
  return optionalInteger(params, "historyLimit", path, NON_NEGATIVE_INT32) ??
    0;
}
