/**
 * The account's profile settings: setBirthday's, setPersonalChannel's,
 * setEmojiStatus', setNameColor's, setProfileColor's, resolveUsername's and
 * setNotificationSettings' inputs.
 *
 * @module
 */
import type { Birthday, NotificationSound } from "../types.ts";
import type { ID } from "./common.ts";

/** setBirthday's params. */
export interface SetBirthdayParams {
  /** The new birthday (day 1–31, month 1–12, year optional); left out, the birthday is removed. */
  birthday?: Birthday;
}

/** setPersonalChannel's params. */
export interface SetPersonalChannelParams {
  /** The channel to show on the profile; left out, the personal channel is removed. */
  chatId?: ID;
}

/** An emoji status given as a custom emoji. */
export interface InputEmojiStatusCustomEmoji {
  type: "customEmoji";
  /** The custom emoji's identifier (a decimal string). */
  customEmojiId: string;
}

/** An emoji status given as a collectible gift the account owns. */
export interface InputEmojiStatusGift {
  type: "gift";
  /** The gift's identifier. */
  giftId: number;
}

/** What setEmojiStatus sets: a custom emoji or a collectible gift. */
export type InputEmojiStatus =
  | InputEmojiStatusCustomEmoji
  | InputEmojiStatusGift;

/** setEmojiStatus' params. */
export interface SetEmojiStatusParams {
  /** When the status ends (Unix seconds); left out, it stays until changed. */
  until?: number;
}

/** setNameColor's params. */
export interface SetNameColorParams {
  /** A custom emoji (decimal string id) drawn as the pattern of reply headers. */
  customEmojiId?: string;
}

/** setProfileColor's params. */
export interface SetProfileColorParams {
  /** A custom emoji (decimal string id) drawn as the pattern of the profile page. */
  customEmojiId?: string;
}

/** resolveUsername's params. */
export interface ResolveUsernameParams {
  /** The affiliate program referrer the username is resolved through. */
  referrer?: string;
}

/** A chat's notification settings as setNotificationSettings takes them; what is left out is the default. */
export interface InputNotificationSettings {
  /** Whether notifications show the message's text. */
  showsPreviews?: boolean;
  /** Whether notifications come without sound. */
  isSilent?: boolean;
  /** Muted until this Unix time (0 unmutes). */
  muteUntil?: number;
  /** The sound of message notifications. */
  sound?: NotificationSound;
  /** Whether story notifications are muted. */
  mutesStories?: boolean;
  /** Whether story notifications hide the poster. */
  hidesStories?: boolean;
  /** The sound of story notifications. */
  storySound?: NotificationSound;
}

/** setNotificationSettings' params. */
export interface SetNotificationSettingsParams {
  /** The new settings, replacing the old ones; left out, every setting is the default. */
  settings?: InputNotificationSettings;
}
