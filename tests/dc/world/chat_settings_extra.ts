/**
 * The chat settings beyond the ones in `chat_edits.ts`, as
 * core.telegram.org documents their methods: aggressive anti-spam
 * (`channels.toggleAntiSpam`), hiding the history from new members
 * (`channels.togglePreHistoryHidden`), hiding the member list
 * (`channels.toggleParticipantsHidden`), a channel's discussion group
 * (`channels.setDiscussionGroup`), and the default "send as" peer of a
 * member (`messages.saveDefaultSendAs`); plus the lists and counts that read
 * chats (`channels.getGroupsForDiscussion`, `channels.getAdminedPublicChannels`,
 * `channels.getChannelRecommendations`, `messages.getOnlines`,
 * `messages.getPeerSettings`). They show in `channelFull` (`antispam`,
 * `hidden_prehistory`, `participants_hidden`, `linked_chat_id`,
 * `default_send_as`) and in the `channel` object (`has_link`).
 *
 * Not modelled: Telegram's member thresholds (`antispam_megagroup_threshold`,
 * `hidden_members_group_size_min` of the app config), which would make every
 * test chat need hundreds of members.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Chat } from "./chats.ts";
import { isChannel } from "./chats.ts";
import { announceChange, requireMember } from "./chat_edits.ts";
import {
  type ChatSettings,
  settingsOf,
  updateSettings,
} from "./chat_settings.ts";
import { statusSeenBy } from "./contacts_book.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { type AdminRight, hasAdminRight } from "./members_view.ts";
import type { WorldState } from "./state.ts";

/** The supergroup settings a plain toggle flips (each answers `Updates`). */
type SupergroupToggle = "antispam" | "hiddenPrehistory" | "participantsHidden";

/** Whether `chat` has a public username, editable or collectible. */
function isPublic(chat: Chat): boolean {
  return chat.username !== undefined || (chat.usernameSlots?.length ?? 0) > 0;
}

/** Fails unless `actorId` is an admin of `chat` with `right`. */
function requireAdmin(chat: Chat, actorId: number, right: AdminRight): void {
  requireMember(chat, actorId);
  if (!hasAdminRight(chat, actorId, right)) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
}

/**
 * `channels.toggleAntiSpam`, `channels.toggleParticipantsHidden`,
 * `channels.togglePreHistoryHidden`: supergroups only (`CHANNEL_INVALID`),
 * by admins who may ban (anti-spam, member list) or change the info
 * (history); the same value again is `CHAT_NOT_MODIFIED`, and a group
 * linked to a channel keeps its history visible (`CHAT_LINK_EXISTS`).
 */
export function toggleSupergroupSetting(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  key: SupergroupToggle,
  enabled: boolean,
): tl.RawUpdates {
  if (chat.type !== "supergroup") throw new RpcFailure(400, "CHANNEL_INVALID");
  requireAdmin(
    chat,
    actorId,
    key === "hiddenPrehistory" ? "changeInfo" : "banUsers",
  );
  const settings = settingsOf(chat);
  if (key === "hiddenPrehistory" && settings.linkedChatKey !== undefined) {
    throw new RpcFailure(400, "CHAT_LINK_EXISTS");
  }
  if (settings[key] === enabled) {
    throw new RpcFailure(400, "CHAT_NOT_MODIFIED");
  }
  updateSettings(chat, { [key]: enabled } as Partial<ChatSettings>);
  return announceChange(ctx, chat, actorId);
}

/** Unlinks `chat` and whatever it was linked to. */
function unlink(state: WorldState, chat: Chat): void {
  const linked = settingsOf(chat).linkedChatKey;
  const other = linked === undefined ? undefined : state.chats.get(linked);
  if (other) updateSettings(other, { linkedChatKey: undefined });
  updateSettings(chat, { linkedChatKey: undefined });
}

/**
 * `channels.setDiscussionGroup`: links broadcast channel `broadcast` and
 * supergroup `group` (or, without one, unlinks the channel). The caller must
 * be an admin of both who may change their info; the group must show its
 * history to new members (`MEGAGROUP_PREHISTORY_HIDDEN`); relinking the same
 * pair is `LINK_NOT_MODIFIED`. A previous link of either is dropped.
 */
export function setDiscussionGroup(
  ctx: DeliveryContext,
  actorId: number,
  broadcast: Chat,
  group: Chat | undefined,
): boolean {
  if (broadcast.type !== "channel") {
    throw new RpcFailure(400, "BROADCAST_ID_INVALID");
  }
  requireAdmin(broadcast, actorId, "changeInfo");
  const current = settingsOf(broadcast).linkedChatKey;
  if (!group) {
    if (current === undefined) throw new RpcFailure(400, "LINK_NOT_MODIFIED");
    const previous = ctx.state.chats.get(current);
    unlink(ctx.state, broadcast);
    announceChange(ctx, broadcast, actorId);
    if (previous) announceChange(ctx, previous, actorId);
    return true;
  }
  if (group.type !== "supergroup") {
    throw new RpcFailure(400, "MEGAGROUP_ID_INVALID");
  }
  requireAdmin(group, actorId, "changeInfo");
  if (current === group.key) throw new RpcFailure(400, "LINK_NOT_MODIFIED");
  if (settingsOf(group).hiddenPrehistory) {
    throw new RpcFailure(400, "MEGAGROUP_PREHISTORY_HIDDEN");
  }
  unlink(ctx.state, broadcast);
  unlink(ctx.state, group);
  updateSettings(broadcast, { linkedChatKey: group.key });
  updateSettings(group, { linkedChatKey: broadcast.key });
  announceChange(ctx, broadcast, actorId);
  announceChange(ctx, group, actorId);
  return true;
}

/**
 * `channels.getGroupsForDiscussion`: the groups `userId` may link to a
 * channel, those it administers with `change_info` and not linked yet;
 * basic groups are listed too (they become supergroups when linked).
 */
export function groupsForDiscussion(
  state: WorldState,
  userId: number,
): Chat[] {
  return state.chats.ofMember(userId).filter((chat) =>
    chat.type !== "channel" && hasAdminRight(chat, userId, "changeInfo") &&
    settingsOf(chat).linkedChatKey === undefined
  );
}

/**
 * `channels.getAdminedPublicChannels`: the public (username) supergroups and
 * channels `userId` created; `forPersonal` keeps the broadcast channels it
 * may show on its profile.
 */
export function adminedPublicChannels(
  state: WorldState,
  userId: number,
  forPersonal: boolean,
): Chat[] {
  return state.chats.ofMember(userId).filter((chat) =>
    isChannel(chat) && chat.creatorId === userId &&
    isPublic(chat) && (!forPersonal || chat.type === "channel")
  );
}

/**
 * `channels.getChannelRecommendations`: public broadcast channels `userId`
 * has not joined, other than `channel` (`CHANNEL_INVALID` unless it is a
 * broadcast channel).
 */
export function channelRecommendations(
  state: WorldState,
  userId: number,
  channel: Chat | undefined,
): Chat[] {
  if (channel && channel.type !== "channel") {
    throw new RpcFailure(400, "CHANNEL_INVALID");
  }
  return state.chats.all().filter((chat) =>
    chat.type === "channel" && chat.key !== channel?.key &&
    isPublic(chat) && !chat.members.has(userId)
  );
}

/** `messages.getOnlines`: how many members of `chat` are online now (`CHAT_ID_INVALID` for callers not in it). */
export function onlineCount(
  state: WorldState,
  chat: Chat,
  viewerId: number,
): number {
  requireMember(chat, viewerId);
  const at = now();
  return [...chat.members.keys()].filter((id) => {
    const account = state.accounts.get(id);
    return account !== undefined &&
      statusSeenBy(account, viewerId, at)?._ === "userStatusOnline";
  }).length;
}

/**
 * `messages.getPeerSettings`: what the chat bar offers `viewerId` about
 * `peerKey`. A user who is not a contact and wrote first may be reported,
 * added and blocked; a contact, oneself and chats offer nothing.
 */
export function peerSettings(
  state: WorldState,
  viewerId: number,
  peerKey: number,
): tl.RawPeerSettings {
  const viewer = state.accounts.require(viewerId);
  const other = state.accounts.get(peerKey);
  if (!other || peerKey === viewerId || viewer.contacts.has(peerKey)) {
    return { _: "peerSettings" };
  }
  const wroteBack = state.mailboxes.chat(viewerId, peerKey).some((message) =>
    message.senderId === viewerId
  );
  return {
    _: "peerSettings",
    reportSpam: !wroteBack || undefined,
    addContact: true,
    blockContact: true,
  };
}

/**
 * `messages.saveDefaultSendAs`: the peer `userId` sends as in supergroup
 * `chat` by default: itself, or a broadcast channel it created
 * (`SEND_AS_PEER_INVALID` otherwise; `PEER_ID_INVALID` outside supergroups).
 */
export function saveDefaultSendAs(
  state: WorldState,
  chat: Chat,
  userId: number,
  sendAsKey: number,
): boolean {
  if (chat.type !== "supergroup") throw new RpcFailure(400, "PEER_ID_INVALID");
  requireMember(chat, userId);
  const sendAs = state.chats.get(sendAsKey);
  const allowed = sendAsKey === userId ||
    (sendAs?.type === "channel" && sendAs.creatorId === userId);
  if (!allowed) throw new RpcFailure(400, "SEND_AS_PEER_INVALID");
  const chosen = new Map(settingsOf(chat).defaultSendAs);
  chosen.set(userId, sendAsKey);
  updateSettings(chat, { defaultSendAs: chosen });
  return true;
}
