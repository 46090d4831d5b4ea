/** ChatAdministratorRights in MTKruto's shape (types.md §6.1), from TL `chatAdminRights`. */
import type { tl } from "@mtcute/core";

/** What an administrator may do; every key is always present. */
export interface ChatAdministratorRights {
  isAnonymous: boolean;
  canManageChat: boolean;
  canDeleteMessages: boolean;
  canManageVideoChats: boolean;
  canRestrictMembers: boolean;
  canPromoteMembers: boolean;
  canChangeInfo: boolean;
  canInviteUsers: boolean;
  canPostMessages: boolean;
  canEditMessages: boolean;
  canPinMessages: boolean;
  canManageTopics: boolean;
  canPostStories: boolean;
  canEditStories: boolean;
  canDeleteStories: boolean;
  canManageDirectMessages: boolean;
  canManageTags: boolean;
  canManageLinkedChats: boolean;
}

/** The ChatAdministratorRights of TL admin rights (each flag as a bool, false when unset). */
export function renderChatAdministratorRights(
  rights: tl.RawChatAdminRights,
): ChatAdministratorRights {
  return {
    isAnonymous: rights.anonymous ?? false,
    canManageChat: rights.other ?? false,
    canDeleteMessages: rights.deleteMessages ?? false,
    canManageVideoChats: rights.manageCall ?? false,
    canRestrictMembers: rights.banUsers ?? false,
    canPromoteMembers: rights.addAdmins ?? false,
    canChangeInfo: rights.changeInfo ?? false,
    canInviteUsers: rights.inviteUsers ?? false,
    canPostMessages: rights.postMessages ?? false,
    canEditMessages: rights.editMessages ?? false,
    canPinMessages: rights.pinMessages ?? false,
    canManageTopics: rights.manageTopics ?? false,
    canPostStories: rights.postStories ?? false,
    canEditStories: rights.editStories ?? false,
    canDeleteStories: rights.deleteStories ?? false,
    canManageDirectMessages: rights.manageDirectMessages ?? false,
    canManageTags: rights.manageRanks ?? false,
    // manage_linked_peers is newer than mtcute 0.30.3's layer.
    canManageLinkedChats: false,
  };
}
