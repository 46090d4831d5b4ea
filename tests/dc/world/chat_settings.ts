/**
 * What a chat's admins set besides its title: description, photo, sticker
 * set, slow mode, post signatures, content protection, the boosts that lift
 * restrictions and the message TTL; and how each shows in the chat object
 * (`photo`, `noforwards`, `signatures`, `slowmode_enabled`) and in the full
 * chat (`about`, `chat_photo`, `stickerset`, `slowmode_seconds`, …), as
 * core.telegram.org/constructor/channelFull lists them.
 */
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type Chat, isModerator } from "./chats.ts";
import { now } from "./emit.ts";
import type { StoredPhoto } from "./files.ts";
import { hasAdminRight } from "./members_view.ts";
import { foldersOf } from "./dialogs.ts";
import { bareId, tlPeer } from "./peer_keys.ts";
import { stickerSetsOf } from "./sticker_sets.ts";
import type { WorldState } from "./state.ts";

/** A chat's settings; a chat nobody changed has none (see `DEFAULT_SETTINGS`). */
export interface ChatSettings {
  about: string;
  /** The chat photo: a photo with Telegram's profile sizes (see `chat_edits.ts`). */
  photo?: StoredPhoto;
  /** A supergroup's sticker set, by its short name (looked up when shown, so it stays current). */
  stickerSetName?: string;
  /** 0: off; else 10, 30, 60, 300, 900 or 3600. */
  slowModeSeconds: number;
  /** Broadcast channels: posts are signed with their authors' names (and link their profiles). */
  signatures: boolean;
  signatureProfiles: boolean;
  /** Content protection: messages cannot be forwarded or saved. */
  noForwards: boolean;
  /** Supergroups: boosts that let a user past slow mode and the default restrictions (0: none). */
  boostsUnrestrict: number;
  /** Seconds after which new messages are deleted (0: never). */
  ttlPeriod: number;
  /** A supergroup that is a forum (`channel.forum`; its topics are in `forum.ts`). */
  isForum: boolean;
  /** Supergroups: aggressive anti-spam, hidden history for new members, hidden member list (see `chat_settings_extra.ts`). */
  antispam: boolean;
  hiddenPrehistory: boolean;
  participantsHidden: boolean;
  /** The discussion group of a channel, or the channel of a discussion group (peer key). */
  linkedChatKey?: number;
  /** Supergroups: the peer (key) each member sends as by default, by user id. */
  defaultSendAs?: ReadonlyMap<number, number>;
}

/** What a chat starts with. */
export const DEFAULT_SETTINGS: Readonly<ChatSettings> = {
  about: "",
  slowModeSeconds: 0,
  signatures: false,
  signatureProfiles: false,
  noForwards: false,
  boostsUnrestrict: 0,
  ttlPeriod: 0,
  isForum: false,
  antispam: false,
  hiddenPrehistory: false,
  participantsHidden: false,
};

/** The settings of `chat` as they are now. */
export function settingsOf(chat: Chat): Readonly<ChatSettings> {
  return chat.settings ?? DEFAULT_SETTINGS;
}

/** Changes some of `chat`'s settings. */
export function updateSettings(
  chat: Chat,
  change: Partial<ChatSettings>,
): void {
  chat.settings = { ...settingsOf(chat), ...change };
}

/** The `ChatPhoto` chat objects carry: the photo's id on DC 2, or `chatPhotoEmpty`. */
export function tlChatPhoto(chat: Chat): tl.TypeChatPhoto {
  const photo = settingsOf(chat).photo;
  return photo
    ? { _: "chatPhoto", photoId: photo.id, dcId: 2 }
    : { _: "chatPhotoEmpty" };
}

/** The fields the settings set on a basic group's `chat` object. */
export function groupObjectFields(
  chat: Chat,
): Pick<tl.RawChat, "photo" | "noforwards"> {
  return {
    photo: tlChatPhoto(chat),
    noforwards: settingsOf(chat).noForwards || undefined,
  };
}

/** The fields the settings set on a `channel` object. */
export function channelObjectFields(
  chat: Chat,
): Pick<
  tl.RawChannel,
  | "photo"
  | "noforwards"
  | "signatures"
  | "signatureProfiles"
  | "slowmodeEnabled"
  | "forum"
  | "hasLink"
> {
  const settings = settingsOf(chat);
  return {
    hasLink: settings.linkedChatKey !== undefined || undefined,
    ...groupObjectFields(chat),
    signatures: settings.signatures || undefined,
    signatureProfiles: settings.signatureProfiles || undefined,
    slowmodeEnabled: settings.slowModeSeconds > 0 || undefined,
    forum: settings.isForum || undefined,
  };
}

/** The fields the settings set on a `chatFull`, as `viewerId` sees them (its own folder). */
export function fullGroupFields(
  state: WorldState,
  chat: Chat,
  viewerId: number,
): Pick<tl.RawChatFull, "about" | "chatPhoto" | "ttlPeriod" | "folderId"> {
  const settings = settingsOf(chat);
  return {
    about: settings.about,
    chatPhoto: settings.photo?.tl,
    ttlPeriod: settings.ttlPeriod || undefined,
    folderId: foldersOf(state).of(viewerId, chat.key) || undefined,
  };
}

/** The fields the settings set on a `channelFull`, as `viewerId` sees them. */
export function fullChannelFields(
  state: WorldState,
  chat: Chat,
  viewerId: number,
): Pick<
  tl.RawChannelFull,
  | "about"
  | "chatPhoto"
  | "stickerset"
  | "canSetStickers"
  | "slowmodeSeconds"
  | "ttlPeriod"
  | "boostsUnrestrict"
  | "folderId"
  | "antispam"
  | "hiddenPrehistory"
  | "participantsHidden"
  | "linkedChatId"
  | "defaultSendAs"
> {
  const settings = settingsOf(chat);
  const sendAs = settings.defaultSendAs?.get(viewerId);
  const sets = stickerSetsOf(state);
  const stickerSet = settings.stickerSetName === undefined
    ? undefined
    : (() => {
      try {
        return sets.toTl(
          sets.find({
            _: "inputStickerSetShortName",
            shortName: settings.stickerSetName,
          }),
          viewerId,
        );
      } catch {
        // the set is gone: the chat shows none, as Telegram does
        return undefined;
      }
    })();
  return {
    about: settings.about,
    chatPhoto: settings.photo?.tl ?? { _: "photoEmpty", id: Long.ZERO },
    stickerset: stickerSet,
    canSetStickers: (chat.type === "supergroup" &&
      hasAdminRight(chat, viewerId, "changeInfo")) || undefined,
    slowmodeSeconds: settings.slowModeSeconds || undefined,
    ttlPeriod: settings.ttlPeriod || undefined,
    boostsUnrestrict: settings.boostsUnrestrict || undefined,
    folderId: foldersOf(state).of(viewerId, chat.key) || undefined,
    antispam: settings.antispam || undefined,
    hiddenPrehistory: settings.hiddenPrehistory || undefined,
    participantsHidden: settings.participantsHidden || undefined,
    linkedChatId: settings.linkedChatKey === undefined
      ? undefined
      : bareId(settings.linkedChatKey),
    defaultSendAs: sendAs === undefined ? undefined : tlPeer(sendAs),
  };
}

/**
 * Fails with `SLOWMODE_WAIT_<seconds>` (420) when slow mode holds `senderId`
 * back: in a supergroup with slow mode, a member who is not an admin sends
 * one message per delay (service messages aside).
 */
export function requireSlowModeOver(
  state: WorldState,
  chat: Chat,
  senderId: number,
  contents: { action?: unknown }[],
): void {
  const delay = settingsOf(chat).slowModeSeconds;
  if (delay === 0 || isModerator(chat, senderId)) return;
  if (contents.every((content) => content.action !== undefined)) return;
  const last = state.mailboxes.chat(chat.key, chat.key).findLast((message) =>
    message.senderId === senderId && !message.action
  );
  const wait = last ? last.date + delay - now() : 0;
  if (wait > 0) throw new RpcFailure(420, `SLOWMODE_WAIT_${wait}`);
}
