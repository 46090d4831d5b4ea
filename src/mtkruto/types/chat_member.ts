/** ChatMember in MTKruto's shape (types.md §6.1), from TL channel and basic-group participants. */
import type { tl } from "@mtcute/core";
import {
  type ChatAdministratorRights,
  renderChatAdministratorRights,
} from "./chat_administrator_rights.ts";
import {
  type ChatMemberRights,
  renderChatMemberRights,
} from "./chat_member_rights.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type ChatP, peerChatP, type PeerLookup } from "./peers.ts";

/** A member of a chat and their standing, told apart by `status`. */
export type ChatMember =
  | { status: "creator"; member: ChatP; isAnonymous: boolean; title?: string }
  | {
    status: "administrator";
    member: ChatP;
    rights: ChatAdministratorRights;
    title?: string;
  }
  | { status: "member"; member: ChatP; until?: number; tag?: string }
  | {
    status: "restricted";
    member: ChatP;
    isMember: boolean;
    rights: ChatMemberRights;
    until: number;
    tag?: string;
  }
  | { status: "left"; member: ChatP }
  | { status: "banned"; member: ChatP; until: number };

/** The fixed rights of a basic-group admin, as MTKruto spells them out. */
const BASIC_GROUP_ADMIN_RIGHTS: ChatAdministratorRights = {
  isAnonymous: false,
  canManageChat: true,
  canDeleteMessages: true,
  canManageVideoChats: false,
  canRestrictMembers: true,
  canPromoteMembers: false,
  canChangeInfo: true,
  canInviteUsers: true,
  canPostMessages: false,
  canEditMessages: false,
  canPinMessages: true,
  canManageTopics: false,
  canDeleteStories: false,
  canEditStories: false,
  canManageDirectMessages: false,
  canPostStories: false,
  canManageTags: false,
  canManageLinkedChats: false,
};

/** The ChatMember of a TL participant whose peer renders as `member`. */
export function renderChatMember(
  member: ChatP,
  participant: tl.TypeChannelParticipant | tl.TypeChatParticipant,
): ChatMember {
  switch (participant._) {
    case "channelParticipant":
    case "chatParticipant":
      return { status: "member", member };
    case "channelParticipantSelf":
      return omitUndefined({
        status: "member" as const,
        member,
        until: participant.subscriptionUntilDate,
        tag: participant.rank,
      });
    case "channelParticipantCreator":
      return omitUndefined({
        status: "creator" as const,
        member,
        isAnonymous: participant.adminRights.anonymous ?? false,
        title: participant.rank,
      });
    case "channelParticipantAdmin":
      return omitUndefined({
        status: "administrator" as const,
        member,
        rights: renderChatAdministratorRights(participant.adminRights),
        title: participant.rank,
      });
    case "channelParticipantBanned": {
      const rights = participant.bannedRights;
      if (rights.viewMessages) {
        return { status: "banned", member, until: rights.untilDate };
      }
      return omitUndefined({
        status: "restricted" as const,
        member,
        isMember: !participant.left,
        rights: renderChatMemberRights(rights),
        until: rights.untilDate,
        tag: participant.rank,
      });
    }
    case "channelParticipantLeft":
      return { status: "left", member };
    case "chatParticipantAdmin":
      return {
        status: "administrator",
        member,
        rights: { ...BASIC_GROUP_ADMIN_RIGHTS },
      };
    case "chatParticipantCreator":
      return { status: "creator", member, isAnonymous: false };
  }
}

/** The ChatMember of a participant in a method's result, its member looked up in the result's peers. Throws RenderError when missing. */
export function renderParticipant(
  peers: PeerLookup,
  participant: tl.TypeChannelParticipant | tl.TypeChatParticipant,
): ChatMember {
  const memberPeer: tl.TypePeer = "peer" in participant
    ? participant.peer
    : { _: "peerUser", userId: participant.userId };
  return renderChatMember(peerChatP(peers, memberPeer), participant);
}
