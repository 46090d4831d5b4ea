/** ChatMemberRights in MTKruto's shape (types.md §6.1): what a restricted member may do, from TL `chatBannedRights`. */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";

/** true = allowed (the TL flags say what is forbidden); the last eleven keys appear only when true. */
export interface ChatMemberRights {
  canSendMessages: boolean;
  canSendAudio: boolean;
  canSendDocuments: boolean;
  canSendPhotos: boolean;
  canSendVideos: boolean;
  canSendVideoNotes: boolean;
  canSendVoice: boolean;
  canSendPolls: boolean;
  canSendStickers: boolean;
  canSendAnimations?: true;
  canSendGames?: true;
  canSendInlineBotResults?: true;
  canAddWebPagePreviews?: true;
  canMakeReactions?: true;
  canEditMemberTag?: true;
  canChangeInfo?: true;
  canInviteUsers?: true;
  canPinMessages?: true;
  canManageTopics?: true;
  canManageLinkedChats?: true;
}

/** `true` when a forbidding flag is unset, else undefined (MTKruto's `true?` rights). */
const allowedIfUnset = (forbidden: boolean | undefined): true | undefined =>
  forbidden ? undefined : true;

/** The ChatMemberRights of TL banned rights. */
export function renderChatMemberRights(
  rights: tl.RawChatBannedRights,
): ChatMemberRights {
  const canSendMedia = !rights.sendMedia;
  return omitUndefined({
    canSendMessages: !(rights.sendPlain || rights.sendMessages),
    canSendAudio: canSendMedia && !rights.sendAudios,
    canSendDocuments: canSendMedia && !rights.sendDocs,
    canSendPhotos: canSendMedia && !rights.sendPhotos,
    canSendVideos: canSendMedia && !rights.sendVideos,
    canSendVideoNotes: canSendMedia && !rights.sendRoundvideos,
    canSendVoice: canSendMedia && !rights.sendVoices,
    canSendPolls: !rights.sendPolls,
    canSendStickers: !rights.sendStickers,
    canSendAnimations: allowedIfUnset(rights.sendGifs),
    canSendGames: allowedIfUnset(rights.sendGames),
    canSendInlineBotResults: allowedIfUnset(rights.sendInline),
    canAddWebPagePreviews: allowedIfUnset(rights.embedLinks),
    canMakeReactions: allowedIfUnset(rights.sendReactions),
    canEditMemberTag: allowedIfUnset(rights.editRank),
    canChangeInfo: allowedIfUnset(rights.changeInfo),
    canInviteUsers: allowedIfUnset(rights.inviteUsers),
    canPinMessages: allowedIfUnset(rights.pinMessages),
    canManageTopics: allowedIfUnset(rights.manageTopics),
    // manage_linked_peers is newer than mtcute 0.30.3's layer, so it is never forbidden here.
    canManageLinkedChats: true as const,
  });
}
