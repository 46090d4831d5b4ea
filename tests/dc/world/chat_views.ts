/** How groups and channels look to a viewer: TL `chat`/`channel` objects, participants and full info. */
import { Long, type tl } from "@mtcute/core";
import { DEFAULT_COMMANDS_KEY } from "./handlers/bots.ts";
import { type Chat, type ChatMember, isChannel } from "./chats.ts";
import { tlPeer } from "./peer_keys.ts";
import type { WorldState } from "./state.ts";

const NO_PHOTO: tl.RawChatPhotoEmpty = { _: "chatPhotoEmpty" };
const NO_BANS: tl.RawChatBannedRights = { _: "chatBannedRights", untilDate: 0 };

/** What creators may do (everything that applies to the chat's type). */
function creatorRights(chat: Chat): tl.RawChatAdminRights {
  const broadcast = chat.type === "channel";
  return {
    _: "chatAdminRights",
    changeInfo: true,
    postMessages: broadcast || undefined,
    editMessages: broadcast || undefined,
    deleteMessages: true,
    banUsers: !broadcast || undefined,
    inviteUsers: true,
    pinMessages: true,
    addAdmins: true,
    manageCall: true,
    other: true,
  };
}

/** What admins may do: the creator's rights but appointing admins. */
function adminRights(chat: Chat): tl.RawChatAdminRights {
  return { ...creatorRights(chat), addAdmins: undefined };
}

/** The rights `member` has as an admin, if it is one. */
export function rightsOf(
  chat: Chat,
  member: ChatMember | undefined,
): tl.RawChatAdminRights | undefined {
  if (member?.role === "creator") return creatorRights(chat);
  if (member?.role === "admin") return adminRights(chat);
  return undefined;
}

/** The TL chat object of `chat` as `viewerId` sees it: non-members see a basic group as `chatForbidden`, a channel with `left`. */
export function toTlChat(
  state: WorldState,
  chat: Chat,
  viewerId: number,
): tl.TypeChat {
  const member = chat.members.get(viewerId);
  if (!isChannel(chat)) {
    if (!member) return { _: "chatForbidden", id: chat.id, title: chat.title };
    return {
      _: "chat",
      creator: member.role === "creator" || undefined,
      id: chat.id,
      title: chat.title,
      photo: NO_PHOTO,
      participantsCount: chat.members.size,
      date: member.date,
      version: 1,
      adminRights: rightsOf(chat, member),
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
    username: chat.username,
    photo: NO_PHOTO,
    date: member?.date ?? chat.date,
    adminRights: rightsOf(chat, member),
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

/** A supergroup's or channel's member as `channels.getParticipant(s)` shows it to `viewerId`. */
export function toChannelParticipant(
  chat: Chat,
  member: ChatMember,
  viewerId: number,
): tl.TypeChannelParticipant {
  const { userId, date, inviterId } = member;
  switch (member.role) {
    case "creator":
      return {
        _: "channelParticipantCreator",
        userId,
        adminRights: creatorRights(chat),
      };
    case "admin":
      return {
        _: "channelParticipantAdmin",
        self: userId === viewerId || undefined,
        canEdit: viewerId === chat.creatorId || undefined,
        userId,
        inviterId,
        promotedBy: chat.creatorId,
        date,
        adminRights: adminRights(chat),
      };
    case "member":
      return userId === viewerId
        ? {
          _: "channelParticipantSelf",
          userId,
          inviterId: inviterId ?? chat.creatorId,
          date,
        }
        : { _: "channelParticipant", userId, date };
  }
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
  const participants = [...chat.members.values()].map((
    member,
  ): tl.TypeChatParticipant =>
    member.role === "creator"
      ? { _: "chatParticipantCreator", userId: member.userId }
      : {
        _: "chatParticipant",
        userId: member.userId,
        inviterId: member.inviterId ?? chat.creatorId,
        date: member.date,
      }
  );
  return {
    _: "messages.chatFull",
    fullChat: {
      _: "chatFull",
      id: chat.id,
      about: "",
      participants: {
        _: "chatParticipants",
        chatId: chat.id,
        participants,
        version: 1,
      },
      notifySettings: { _: "peerNotifySettings" },
      botInfo: botInfos(state, chat),
      pinnedMsgId: pinnedId(state, viewerId, chat),
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
      about: "",
      participantsCount: chat.members.size,
      adminsCount: admins.length,
      readInboxMaxId: state.mailboxes.readMark(viewerId, chat.key),
      readOutboxMaxId: 0,
      unreadCount: 0,
      chatPhoto: { _: "photoEmpty", id: Long.ZERO },
      notifySettings: { _: "peerNotifySettings" },
      botInfo: bots,
      pinnedMsgId: pinnedId(state, chat.key, chat),
      pts: state.channelLogs.pts(chat.key),
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
