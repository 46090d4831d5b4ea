/** How groups and channels look to a viewer: TL `chat`/`channel` objects, participants and full info. */
import type { tl } from "@mtcute/core";
import { DEFAULT_COMMANDS_KEY } from "./bot_info.ts";
import { type Chat, isChannel } from "./chats.ts";
import {
  activeBan,
  activeRestriction,
  adminRightsOf,
  isBarred,
  toChatParticipant,
} from "./members_view.ts";
import { forumTabsFlag } from "./forum.ts";
import { chatCallFlags, fullChatCall } from "./group_calls.ts";
import { joinRequestFlag } from "./invites.ts";
import { tlPeer } from "./peer_keys.ts";
import { tlUsernames } from "./profile_usernames.ts";
import { fullChatReactions } from "./reactions.ts";
import {
  channelObjectFields,
  fullChannelFields,
  fullGroupFields,
  groupObjectFields,
} from "./chat_settings.ts";
import type { WorldState } from "./state.ts";

const NO_BANS: tl.RawChatBannedRights = { _: "chatBannedRights", untilDate: 0 };

/**
 * The TL chat object of `chat` as `viewerId` sees it: non-members see a
 * basic group as `chatForbidden`, a channel with `left`, and users banned
 * from a channel as `channelForbidden`; a restricted member sees its
 * `banned_rights`.
 */
export function toTlChat(
  state: WorldState,
  chat: Chat,
  viewerId: number,
): tl.TypeChat {
  const member = chat.members.get(viewerId);
  if (isChannel(chat) && isBarred(chat, viewerId)) {
    return {
      _: "channelForbidden",
      broadcast: chat.type === "channel" || undefined,
      megagroup: chat.type === "supergroup" || undefined,
      id: chat.id,
      accessHash: state.chats.accessHash(viewerId, chat.key),
      title: chat.title,
      untilDate: activeBan(chat, viewerId)?.rights.untilDate || undefined,
    };
  }
  if (!isChannel(chat)) {
    if (!member) return { _: "chatForbidden", id: chat.id, title: chat.title };
    return {
      _: "chat",
      creator: member.role === "creator" || undefined,
      id: chat.id,
      title: chat.title,
      ...groupObjectFields(chat),
      ...chatCallFlags(state.groupCalls, chat.key),
      participantsCount: chat.members.size,
      date: member.date,
      version: 1,
      adminRights: adminRightsOf(chat, member),
      defaultBannedRights: NO_BANS,
    };
  }
  return {
    _: "channel",
    creator: member?.role === "creator" || undefined,
    left: !member || undefined,
    broadcast: chat.type === "channel" || undefined,
    megagroup: chat.type === "supergroup" || undefined,
    id: chat.id,
    accessHash: state.chats.accessHash(viewerId, chat.key),
    title: chat.title,
    ...tlUsernames(chat),
    ...channelObjectFields(chat),
    ...chatCallFlags(state.groupCalls, chat.key),
    forumTabs: forumTabsFlag(chat),
    joinRequest: joinRequestFlag(state, chat),
    date: member?.date ?? chat.date,
    adminRights: adminRightsOf(chat, member),
    bannedRights: activeRestriction(member)?.rights,
    defaultBannedRights: chat.type === "supergroup" ? NO_BANS : undefined,
    participantsCount: chat.members.size,
  };
}

/** TL chat objects for the given peer keys (unknown ones skipped, duplicates removed). */
export function toTlChats(
  state: WorldState,
  keys: Iterable<number>,
  viewerId: number,
): tl.TypeChat[] {
  return [...new Set(keys)].flatMap((key) => {
    const chat = state.chats.get(key);
    return chat ? [toTlChat(state, chat, viewerId)] : [];
  });
}

/** `botInfo` of the bots among `chat`'s members, as full chats list them. */
function botInfos(state: WorldState, chat: Chat): tl.RawBotInfo[] {
  return [...chat.members.keys()].flatMap((id) => {
    const account = state.accounts.get(id);
    if (account?.kind !== "bot") return [];
    return [{
      _: "botInfo",
      userId: id,
      description: "",
      commands: account.botCommands.get(DEFAULT_COMMANDS_KEY) ?? [],
    }];
  });
}

/** The newest pinned message in `ownerId`'s box for the chat (the channel's box for channels). */
function pinnedId(
  state: WorldState,
  ownerId: number,
  chat: Chat,
): number | undefined {
  return state.mailboxes.chat(ownerId, chat.key).findLast((m) => m.pinned)
    ?.id;
}

/** `messages.getFullChat`'s answer for a basic group, as `viewerId` sees it. */
export function fullGroup(
  state: WorldState,
  chat: Chat,
  viewerId: number,
): tl.messages.RawChatFull {
  const participants = [...chat.members.values()].map((member) =>
    toChatParticipant(chat, member)
  );
  return {
    _: "messages.chatFull",
    fullChat: {
      _: "chatFull",
      id: chat.id,
      ...fullGroupFields(state, chat, viewerId),
      participants: {
        _: "chatParticipants",
        chatId: chat.id,
        participants,
        version: 1,
      },
      notifySettings: { _: "peerNotifySettings" },
      botInfo: botInfos(state, chat),
      pinnedMsgId: pinnedId(state, viewerId, chat),
      ...fullChatReactions(chat.reactionSettings),
      ...fullChatCall(state.groupCalls, chat.key),
    },
    chats: [toTlChat(state, chat, viewerId)],
    users: state.users([viewerId, ...chat.members.keys()], viewerId),
  };
}

/** `channels.getFullChannel`'s answer, as `viewerId` sees it. */
export function fullChannel(
  state: WorldState,
  chat: Chat,
  viewerId: number,
): tl.messages.RawChatFull {
  const admins = [...chat.members.values()].filter((m) => m.role !== "member");
  const bots = botInfos(state, chat);
  return {
    _: "messages.chatFull",
    fullChat: {
      _: "channelFull",
      canViewParticipants: chat.type === "supergroup" ||
        admins.some((m) => m.userId === viewerId) || undefined,
      id: chat.id,
      ...fullChannelFields(state, chat, viewerId),
      participantsCount: chat.members.size,
      adminsCount: admins.length,
      readInboxMaxId: state.mailboxes.readMark(viewerId, chat.key),
      readOutboxMaxId: 0,
      unreadCount: 0,
      notifySettings: { _: "peerNotifySettings" },
      botInfo: bots,
      pinnedMsgId: pinnedId(state, chat.key, chat),
      pts: state.channelLogs.pts(chat.key),
      ...fullChatReactions(chat.reactionSettings),
      ...fullChatCall(state.groupCalls, chat.key),
      paidReactionsAvailable: chat.reactionSettings?.paidEnabled,
    },
    chats: [toTlChat(state, chat, viewerId)],
    users: state.users([viewerId, ...bots.map((bot) => bot.userId!)], viewerId),
  };
}

/** The viewer's dialog with a channel, for `channelDifferenceTooLong`. */
export function channelDialog(
  state: WorldState,
  chat: Chat,
  viewerId: number,
): tl.RawDialog {
  const readInboxMaxId = state.mailboxes.readMark(viewerId, chat.key);
  const messages = state.mailboxes.chat(chat.key, chat.key);
  return {
    _: "dialog",
    peer: tlPeer(chat.key),
    topMessage: messages.at(-1)?.id ?? 0,
    readInboxMaxId,
    readOutboxMaxId: 0,
    unreadCount:
      messages.filter((m) => m.id > readInboxMaxId && m.senderId !== viewerId)
        .length,
    unreadMentionsCount: 0,
    unreadReactionsCount: 0,
    unreadPollVotesCount: 0,
    notifySettings: { _: "peerNotifySettings" },
    pts: state.channelLogs.pts(chat.key),
  };
}
