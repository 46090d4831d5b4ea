/** ChatP and User in MTKruto's shape, rendered from TL users, chats and channels (types.md §5.1–5.2). */
import { getMarkedPeerId, type tl } from "@mtcute/core";
import { type ChatPhoto, renderChatPhoto } from "./chat_photo.ts";
import { omitUndefined } from "./omit_undefined.ts";
import {
  type EmojiStatus,
  peerColor,
  renderEmojiStatus,
  renderRestrictionReason,
  renderUserStatus,
  type RestrictionReason,
  type UserStatus,
} from "./peer_details.ts";
import { RenderError } from "./render_error.ts";

export type { ChatPhoto } from "./chat_photo.ts";
export type {
  EmojiStatus,
  RestrictionReason,
  UserStatus,
} from "./peer_details.ts";

/** A user's chat (TL `user`). */
export interface ChatPPrivate {
  id: number;
  type: "private";
  isBot: boolean;
  color: number;
  firstName: string;
  lastName?: string;
  username?: string;
  phoneNumber?: string;
  languageCode?: string;
  also?: string[];
  status?: UserStatus;
  emojiStatus?: EmojiStatus;
  isSelf: boolean;
  isDeleted: boolean;
  isContact: boolean;
  isMutualContact: boolean;
  isCloseFriend: boolean;
  isScam: boolean;
  isFake: boolean;
  isPremium: boolean;
  isVerified: boolean;
  isSupport: boolean;
  isRestricted: boolean;
  restrictionReason?: RestrictionReason[];
  isAddedToAttachmentsMenu?: boolean;
  hasMainMiniApp?: boolean;
  isGuestQuerySupported?: boolean;
  /** From a TL field newer than mtcute's layer, so never set yet. */
  communityId?: number;
  photo?: ChatPhoto;
}

/** A basic group (TL `chat` / `chatForbidden`). */
export interface ChatPGroup {
  id: number;
  type: "group";
  color: number;
  title: string;
  isCreator: boolean;
  photo?: ChatPhoto;
}

/** A supergroup (TL `channel` with `megagroup`). */
export interface ChatPSupergroup {
  id: number;
  color: number;
  type: "supergroup";
  title: string;
  isScam: boolean;
  isFake: boolean;
  isVerified: boolean;
  isRestricted: boolean;
  isForum: boolean;
  isDirectMessagesChat: boolean;
  /** From a TL field newer than mtcute's layer, so never set yet. */
  communityId?: number;
  username?: string;
  also?: string[];
  photo?: ChatPhoto;
  restrictionReason?: RestrictionReason[];
}

/** A broadcast channel (TL `channel` without `megagroup`). */
export interface ChatPChannel {
  id: number;
  color: number;
  type: "channel";
  title: string;
  emojiStatus?: EmojiStatus;
  isScam: boolean;
  isFake: boolean;
  isVerified: boolean;
  isRestricted: boolean;
  /** From a TL field newer than mtcute's layer, so never set yet. */
  communityId?: number;
  username?: string;
  also?: string[];
  photo?: ChatPhoto;
  restrictionReason?: RestrictionReason[];
}

/** MTKruto's "chat preview": any peer, told apart by `type`. */
export type ChatP = ChatPPrivate | ChatPGroup | ChatPSupergroup | ChatPChannel;

/** A user as MTKruto's User: ChatPPrivate's fields without `type`, in User's own key order. */
export interface User {
  id: number;
  color: number;
  isBot: boolean;
  firstName: string;
  lastName?: string;
  username?: string;
  phoneNumber?: string;
  also?: string[];
  status?: UserStatus;
  emojiStatus?: EmojiStatus;
  photo?: ChatPhoto;
  languageCode?: string;
  isSelf: boolean;
  isDeleted: boolean;
  isContact: boolean;
  isMutualContact: boolean;
  isCloseFriend: boolean;
  isScam: boolean;
  isFake: boolean;
  isPremium: boolean;
  isVerified: boolean;
  isSupport: boolean;
  isRestricted: boolean;
  restrictionReason?: RestrictionReason[];
  isAddedToAttachmentsMenu?: boolean;
  hasMainMiniApp?: boolean;
  isGuestQuerySupported?: boolean;
  communityId?: number;
}

/** The users and chats that came with an update or result; mtcute's PeersIndex fits (its lookups throw when missing). */
export interface PeerLookup {
  user(id: number): tl.TypeUser;
  chat(id: number): tl.TypeChat;
}

/** Marked (Bot API style) id of a TL peer: user id, -chat_id, -100… for channels. */
export function markedPeerId(peer: tl.TypePeer): number {
  return getMarkedPeerId(peer);
}

/** The main username (`username`, else the first of `usernames`) and the others when the list exists. */
function usernamesOf(
  peer: tl.RawUser | tl.RawChannel,
): { username?: string; also?: string[] } {
  const listed = peer.usernames?.map((entry) => entry.username);
  const username = peer.username ?? listed?.[0];
  return { username, also: listed?.filter((name) => name !== username) };
}

/** A bot-only flag: true/false for bots, absent for everyone else. */
function botFlag(user: tl.RawUser, flag: boolean | undefined) {
  return user.bot ? flag ?? false : undefined;
}

function renderPrivate(user: tl.RawUser): ChatPPrivate {
  const id = user.id;
  const { username, also } = usernamesOf(user);
  const chat: ChatPPrivate = omitUndefined({
    id,
    type: "private" as const,
    isBot: user.bot ?? false,
    color: peerColor(user.color, id),
    firstName: user.firstName ?? "",
    lastName: user.lastName,
    username,
    phoneNumber: user.phone,
    languageCode: user.langCode,
    also,
    status: user.status && renderUserStatus(user.status),
    emojiStatus: user.emojiStatus && renderEmojiStatus(user.emojiStatus),
    isSelf: user.self ?? false,
    isDeleted: user.deleted ?? false,
    isContact: user.contact ?? false,
    isMutualContact: user.mutualContact ?? false,
    isCloseFriend: user.closeFriend ?? false,
    isScam: user.scam ?? false,
    isFake: user.fake ?? false,
    isPremium: user.premium ?? false,
    isVerified: user.verified ?? false,
    isSupport: user.support ?? false,
    isRestricted: user.restricted ?? false,
    restrictionReason: user.restrictionReason?.map(renderRestrictionReason),
    isAddedToAttachmentsMenu: botFlag(user, user.attachMenuEnabled),
    hasMainMiniApp: botFlag(user, user.botHasMainApp),
    isGuestQuerySupported: botFlag(user, user.botGuestchat),
  });
  if (user.photo?._ === "userProfilePhoto") {
    chat.photo = renderChatPhoto(user.photo, id, user.accessHash);
  }
  return chat;
}

function renderGroup(chat: tl.RawChat | tl.RawChatForbidden): ChatPGroup {
  const id = -chat.id;
  const group: ChatPGroup = {
    id,
    type: "group",
    color: peerColor(undefined, id),
    title: chat.title,
    isCreator: chat._ === "chat" && (chat.creator ?? false),
  };
  if (chat._ === "chat" && chat.photo._ === "chatPhoto") {
    group.photo = renderChatPhoto(chat.photo, id, undefined);
  }
  return group;
}

/** What MTKruto knows of a channel it may not see: the title and kind only. */
function renderForbiddenChannel(
  channel: tl.RawChannelForbidden,
): ChatPSupergroup | ChatPChannel {
  const id = markedPeerId({ _: "peerChannel", channelId: channel.id });
  const base = {
    id,
    color: peerColor(undefined, id),
    title: channel.title,
  };
  const flags = {
    isScam: false,
    isFake: false,
    isVerified: false,
    isRestricted: false,
  };
  return channel.megagroup
    ? {
      ...base,
      type: "supergroup",
      ...flags,
      isForum: false,
      isDirectMessagesChat: channel.monoforum ?? false,
    }
    : { ...base, type: "channel", ...flags };
}

function renderChannel(
  channel: tl.RawChannel,
): ChatPSupergroup | ChatPChannel {
  const id = markedPeerId({ _: "peerChannel", channelId: channel.id });
  const head = {
    id,
    color: peerColor(channel.color, id),
  };
  const flags = {
    isScam: channel.scam ?? false,
    isFake: channel.fake ?? false,
    isVerified: channel.verified ?? false,
    isRestricted: channel.restricted ?? false,
  };
  const chat: ChatPSupergroup | ChatPChannel = channel.megagroup
    ? {
      ...head,
      type: "supergroup",
      title: channel.title,
      ...flags,
      isForum: channel.forum ?? false,
      isDirectMessagesChat: channel.monoforum ?? false,
    }
    : omitUndefined({
      ...head,
      type: "channel" as const,
      title: channel.title,
      emojiStatus: channel.emojiStatus &&
        renderEmojiStatus(channel.emojiStatus),
      ...flags,
    });
  Object.assign(chat, omitUndefined(usernamesOf(channel)));
  if (channel.photo._ === "chatPhoto") {
    chat.photo = renderChatPhoto(channel.photo, id, channel.accessHash);
  }
  if (chat.isRestricted) {
    chat.restrictionReason = (channel.restrictionReason ?? []).map(
      renderRestrictionReason,
    );
  }
  return chat;
}

/** The ChatP of a TL user, chat or channel; `userEmpty`/`chatEmpty` carry nothing to render and throw RenderError. */
export function renderChatP(peer: tl.TypeUser | tl.TypeChat): ChatP {
  switch (peer._) {
    case "user":
      return renderPrivate(peer);
    case "chat":
    case "chatForbidden":
      return renderGroup(peer);
    case "channel":
      return renderChannel(peer);
    case "channelForbidden":
      return renderForbiddenChannel(peer);
    default:
      throw new RenderError(`Peer ${peer.id} is ${peer._}: nothing to render`);
  }
}

/** The User of a TL user (same rules as ChatPPrivate, User's key order); `userEmpty` throws RenderError. */
export function renderUser(user: tl.TypeUser): User {
  if (user._ !== "user") {
    throw new RenderError(`User ${user.id} is ${user._}: nothing to render`);
  }
  const chat = renderPrivate(user);
  return omitUndefined({
    id: chat.id,
    color: chat.color,
    isBot: chat.isBot,
    firstName: chat.firstName,
    lastName: chat.lastName,
    username: chat.username,
    phoneNumber: chat.phoneNumber,
    also: chat.also,
    status: chat.status,
    emojiStatus: chat.emojiStatus,
    photo: chat.photo,
    languageCode: chat.languageCode,
    isSelf: chat.isSelf,
    isDeleted: chat.isDeleted,
    isContact: chat.isContact,
    isMutualContact: chat.isMutualContact,
    isCloseFriend: chat.isCloseFriend,
    isScam: chat.isScam,
    isFake: chat.isFake,
    isPremium: chat.isPremium,
    isVerified: chat.isVerified,
    isSupport: chat.isSupport,
    isRestricted: chat.isRestricted,
    restrictionReason: chat.restrictionReason,
    isAddedToAttachmentsMenu: chat.isAddedToAttachmentsMenu,
    hasMainMiniApp: chat.hasMainMiniApp,
    isGuestQuerySupported: chat.isGuestQuerySupported,
    communityId: chat.communityId,
  });
}

/** Runs a lookup, turning "not in the index" into a RenderError that names the peer. */
function lookUp<T>(what: string, find: () => T): T {
  try {
    return find();
  } catch (error) {
    throw new RenderError(`${what} did not come with the update or result`, {
      cause: error,
    });
  }
}

/** The ChatP of a TL peer, from an index of the users/chats that came with the update or result (mtcute's PeersIndex fits). Throws if the peer is missing. */
export function peerChatP(peers: PeerLookup, peer: tl.TypePeer): ChatP {
  switch (peer._) {
    case "peerUser":
      return renderChatP(
        lookUp(`User ${peer.userId}`, () => peers.user(peer.userId)),
      );
    case "peerChat":
      return renderChatP(
        lookUp(`Chat ${peer.chatId}`, () => peers.chat(peer.chatId)),
      );
    case "peerChannel":
      return renderChatP(
        lookUp(`Channel ${peer.channelId}`, () => peers.chat(peer.channelId)),
      );
  }
}

/** The User with id `userId` from the index of an update or result. Throws RenderError if it is missing. */
export function peerUser(peers: PeerLookup, userId: number): User {
  return renderUser(lookUp(`User ${userId}`, () => peers.user(userId)));
}
