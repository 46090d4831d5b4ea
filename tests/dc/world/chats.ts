/**
 * Basic groups, supergroups and channels: who created them, who is in them
 * and in what role. Their messages live elsewhere (`mailboxes.ts`): a basic
 * group's in every member's own box, a supergroup's or channel's in the one
 * box of the channel.
 */
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { isValidUsername } from "./accounts.ts";
import { channelKey, groupKey, peerKind } from "./peer_keys.ts";
import { holdsUsername, type UsernameSlot } from "./profile_usernames.ts";
import { isBarred } from "./members_view.ts";
import type { ChatReactionSettings } from "./reactions.ts";
import type { ChatSettings } from "./chat_settings.ts";
import type { Forum } from "./forum.ts";

/** A basic group, a supergroup (`megagroup`) or a broadcast channel. */
export type ChatType = "group" | "supergroup" | "channel";

/** What a member may do: creators and admins moderate and, in channels, post. */
export type MemberRole = "creator" | "admin" | "member";

/** One member of a chat. */
export interface ChatMember {
  readonly userId: number;
  readonly role: MemberRole;
  /** When the member joined (Unix seconds). */
  readonly date: number;
  /** Who added the member (the creator for everyone added at creation). */
  readonly inviterId?: number;
  /** An admin's rights; admins made at creation have the default set (see `members_view.ts`). */
  readonly adminRights?: tl.RawChatAdminRights;
  /** Who made the member an admin (the creator when unset). */
  readonly promotedBy?: number;
  /** An admin's custom title. */
  readonly rank?: string;
  /** What a restricted member of a supergroup or channel may not do, and who restricted it. */
  readonly restriction?: ChatBan;
}

/** A user barred from a supergroup or channel (`view_messages`), or restricted there while not a member. */
export interface ChatBan {
  readonly userId: number;
  readonly rights: tl.RawChatBannedRights;
  readonly kickedBy: number;
  /** When the user had joined (the ban's date if it never had). */
  readonly date: number;
}

/** A group, supergroup or channel. */
export interface Chat {
  /** The peer key (marked id, see `peer_keys.ts`). */
  readonly key: number;
  /** The id in TL objects (`chat.id` / `channel.id`). */
  readonly id: number;
  readonly type: ChatType;
  /** Changed by `messages.editChatTitle` / `channels.editTitle` (see `chat_edits.ts`). */
  title: string;
  /** Public username (supergroups and channels only). */
  readonly username?: string;
  /** Set once it holds collectible usernames (see `profile_usernames.ts`). */
  usernameSlots?: UsernameSlot[];
  readonly creatorId: number;
  readonly date: number;
  readonly members: Map<number, ChatMember>;
  /** Banned and restricted non-members of a supergroup or channel, by user id (see `members.ts`). */
  readonly banned: Map<number, ChatBan>;
  /** Set by `messages.setChatAvailableReactions` (see `reactions_settings.ts`). */
  reactionSettings?: ChatReactionSettings;
  /** Description, photo, sticker set, slow mode and the other settings admins change (see `chat_settings.ts`). */
  settings?: ChatSettings;
  /** A forum's topics, made when it first becomes one (see `forum.ts`). */
  forum?: Forum;
}

/** What creating a chat takes. */
export interface NewChat {
  type: ChatType;
  title: string;
  creatorId: number;
  /** Members besides the creator; bots in broadcast channels become admins (Telegram lets bots in only as admins). */
  members: { id: number; isBot: boolean }[];
  username?: string;
  date: number;
}

const FIRST_CHAT_ID = 5_000_001;
const MAX_TITLE_LENGTH = 128;

/** Every group and channel, by peer key. */
export class Chats {
  readonly #byKey = new Map<number, Chat>();
  #nextId: number;

  /**
   * `firstId` keeps ids growing across resets; `accessHash` is the world's
   * per-viewer hash function (the one users get, keyed by peer key here).
   */
  constructor(
    firstId = FIRST_CHAT_ID,
    private readonly hash: (viewerId: number, targetKey: number) => Long,
  ) {
    this.#nextId = firstId;
  }

  /** The id the next chat will get. */
  get nextId(): number {
    return this.#nextId;
  }

  /** Creates a chat; the title must be 1–128 characters, a username valid and free (`usernameTaken` covers accounts). */
  create(input: NewChat, usernameTaken: (username: string) => boolean): Chat {
    const title = input.title.trim();
    if (!title) throw new RpcFailure(400, "CHAT_TITLE_EMPTY");
    if (title.length > MAX_TITLE_LENGTH) {
      throw new RpcFailure(400, "CHAT_TITLE_INVALID");
    }
    if (input.username !== undefined) {
      // basic groups cannot be public on Telegram
      if (input.type === "group" || !isValidUsername(input.username)) {
        throw new RpcFailure(400, "USERNAME_INVALID");
      }
      if (
        usernameTaken(input.username) || this.holdsUsername(input.username)
      ) {
        throw new RpcFailure(400, "USERNAME_OCCUPIED");
      }
    }
    const id = this.#nextId++;
    const key = input.type === "group" ? groupKey(id) : channelKey(id);
    const members = new Map<number, ChatMember>([[input.creatorId, {
      userId: input.creatorId,
      role: "creator",
      date: input.date,
    }]]);
    for (const member of input.members) {
      if (members.has(member.id)) continue;
      members.set(member.id, {
        userId: member.id,
        role: input.type === "channel" && member.isBot ? "admin" : "member",
        date: input.date,
        inviterId: input.creatorId,
      });
    }
    const chat: Chat = {
      key,
      id,
      type: input.type,
      title,
      username: input.username,
      creatorId: input.creatorId,
      date: input.date,
      members,
      banned: new Map(),
    };
    this.#byKey.set(key, chat);
    return chat;
  }

  /** The chat with peer key `key`. */
  get(key: number): Chat | undefined {
    return this.#byKey.get(key);
  }

  /** The supergroup or channel an active username resolves to (case-insensitive). */
  byUsername(username: string): Chat | undefined {
    return [...this.#byKey.values()].find((chat) =>
      holdsUsername(chat, username, { activeOnly: true })
    );
  }

  /** Whether any chat holds `username`, active or not. */
  holdsUsername(username: string): boolean {
    return [...this.#byKey.values()].some((chat) =>
      holdsUsername(chat, username)
    );
  }

  /** Removes a deleted chat (`messages.deleteChat`, `channels.deleteChannel`). */
  delete(key: number): void {
    this.#byKey.delete(key);
  }

  /** Every chat, in creation order. */
  all(): Chat[] {
    return [...this.#byKey.values()];
  }

  /** The chats `userId` is a member of. */
  ofMember(userId: number): Chat[] {
    return [...this.#byKey.values()].filter((chat) => chat.members.has(userId));
  }

  /** The access hash `viewerId` uses for a supergroup or channel, different per viewer as on Telegram. */
  accessHash(viewerId: number, key: number): Long {
    return this.hash(viewerId, key);
  }
}

/** Whether `chat` has a single message box with its own pts (supergroups and channels). */
export function isChannel(chat: Chat): boolean {
  return peerKind(chat.key) === "channel";
}

/** Whether `userId` may moderate `chat` (delete others' messages, edit channel posts). */
export function isModerator(chat: Chat, userId: number): boolean {
  const role = chat.members.get(userId)?.role;
  return role === "creator" || role === "admin";
}

/** Whether `userId` may send to `chat`: any member of a group or supergroup, only admins of a broadcast channel. */
export function canPost(chat: Chat, userId: number): boolean {
  if (!chat.members.has(userId)) return false;
  return chat.type !== "channel" || isModerator(chat, userId);
}

/** The chat `key` names; `error` if there is none. */
export function requireChat(
  chats: Chats,
  key: number,
  error = "PEER_ID_INVALID",
): Chat {
  const chat = chats.get(key);
  if (!chat) throw new RpcFailure(400, error);
  return chat;
}

/** Fails unless `userId` may send to `chat`: non-members of channels get `CHANNEL_PRIVATE`, others `CHAT_WRITE_FORBIDDEN`. */
export function requirePoster(chat: Chat, userId: number): void {
  if (canPost(chat, userId)) return;
  if (isChannel(chat) && !chat.members.has(userId)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
  throw new RpcFailure(403, "CHAT_WRITE_FORBIDDEN");
}

/** Fails with `CHANNEL_PRIVATE` unless `userId` may read `chat`: members, and anyone for public (username) channels. */
export function requireReader(chat: Chat, userId: number): void {
  if (chat.members.has(userId)) return;
  // a public chat is readable by anyone but the users banned from it
  if (chat.username !== undefined && !isBarred(chat, userId)) return;
  throw new RpcFailure(406, "CHANNEL_PRIVATE");
}
