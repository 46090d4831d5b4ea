/**
 * Chat members: what a member may do, an administrator's rights, and the
 * params of banning, restricting, promoting, listing and adding members.
 *
 * @module
 */

// ─── Rights ─────────────────────────────────────────────────────────────

/**
 * What a member may do, as setChatMemberRights takes it: only a key set to
 * `false` forbids (MTKruto 0.216.0's meaning); left out or `true`, the
 * chat's default applies. `canManageLinkedChats: false` is refused: the
 * Telegram layer the gateway speaks has no such right.
 */
export interface InputChatMemberRights {
  /** Text messages (Telegram's `send_plain`). */
  canSendMessages?: boolean;
  /** Audio files. */
  canSendAudio?: boolean;
  /** Documents. */
  canSendDocuments?: boolean;
  /** Photos. */
  canSendPhotos?: boolean;
  /** Videos. */
  canSendVideos?: boolean;
  /** Video notes. */
  canSendVideoNotes?: boolean;
  /** Voice messages. */
  canSendVoice?: boolean;
  /** Polls. */
  canSendPolls?: boolean;
  /** Stickers. */
  canSendStickers?: boolean;
  /** Animations (GIFs). */
  canSendAnimations?: boolean;
  /** Games. */
  canSendGames?: boolean;
  /** Inline bots' results. */
  canSendInlineBotResults?: boolean;
  /** Link previews. */
  canAddWebPagePreviews?: boolean;
  /** Reactions. */
  canMakeReactions?: boolean;
  /** Changing their own tag. */
  canEditMemberTag?: boolean;
  /** Changing the chat's title, photo and other settings. */
  canChangeInfo?: boolean;
  /** Inviting users. */
  canInviteUsers?: boolean;
  /** Pinning messages. */
  canPinMessages?: boolean;
  /** Managing forum topics. */
  canManageTopics?: boolean;
  /** Managing linked chats (only `true`, which changes nothing, is taken). */
  canManageLinkedChats?: boolean;
}

// ─── Params ─────────────────────────────────────────────────────────────

/** banChatMember's params. */
export interface BanChatMemberParams {
  /** When the ban ends (Unix seconds); 0, left out, or less than 30 s or more than 366 days ahead: never. */
  until?: number;
  /** Whether the member's messages are deleted too (in supergroups and channels only by user accounts, as in MTKruto). */
  deleteMessages?: boolean;
}

/** setChatMemberRights's params: without rights (or with none `false`), every restriction is lifted. */
export interface SetChatMemberRightsParams {
  /** What the member may do. */
  rights?: InputChatMemberRights;
  /** When the restriction ends (Unix seconds); 0 or left out: never. */
  until?: number;
}

/** promoteChatMember's params: each right set to `true` is granted; none at all dismisses the administrator. */
export interface PromoteChatMemberParams {
  /** Whether the administrator is hidden (posts as the chat). */
  isAnonymous?: boolean;
  /** Seeing the event log, statistics and members, and skipping slow mode. */
  canManageChat?: boolean;
  /** Deleting others' messages. */
  canDeleteMessages?: boolean;
  /** Managing video chats. */
  canManageVideoChats?: boolean;
  /** Banning, restricting and unbanning members. */
  canRestrictMembers?: boolean;
  /** Appointing administrators with rights of their own. */
  canPromoteMembers?: boolean;
  /** Changing the chat's title, photo and other settings. */
  canChangeInfo?: boolean;
  /** Inviting users. */
  canInviteUsers?: boolean;
  /** Posting (channels). */
  canPostMessages?: boolean;
  /** Editing others' posts and pinning (channels). */
  canEditMessages?: boolean;
  /** Pinning messages (groups and supergroups). */
  canPinMessages?: boolean;
  /** Managing forum topics (supergroups). */
  canManageTopics?: boolean;
  /** Posting stories. */
  canPostStories?: boolean;
  /** Editing others' stories. */
  canEditStories?: boolean;
  /** Deleting others' stories. */
  canDeleteStories?: boolean;
  /** Managing the channel's direct messages. */
  canManageDirectMessages?: boolean;
  /** Managing members' tags. */
  canManageTags?: boolean;
  /** Managing linked chats (only `false`, which changes nothing, is taken). */
  canManageLinkedChats?: boolean;
  /** The administrator's custom title (at most 16 characters); left out, none. */
  title?: string;
}

/** getChatMembers's params. */
export interface GetChatMembersParams {
  /** How many members to skip (default 0). */
  offset?: number;
  /** At most how many members to return, 1–100 (default 100). */
  limit?: number;
}

/** addChatMember's params. */
export interface AddChatMemberParams {
  /** How many of a basic group's latest messages the new member sees (default 0). */
  historyLimit?: number;
}
