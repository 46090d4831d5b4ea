/** How the control API shows a user's birthday, personal channel, emoji status, colors and notification settings (JSON-safe: ids as strings). */
import type { tl } from "@mtcute/core";
import type { ProfileExtras } from "./world/profile_extra.ts";

/** A palette and its optional pattern emoji. */
export interface ControlColor {
  color?: number;
  backgroundEmojiId?: string;
}

/** `ProfileExtras` as the control API shows them. */
export interface ControlProfileExtras {
  birthday?: { day: number; month: number; year?: number };
  /** The marked id of the channel. */
  personalChannelId?: number;
  emojiStatus?: { customEmojiId: string; until?: number };
  color?: ControlColor;
  profileColor?: ControlColor;
  /** Notification settings by scope (`peer:<marked id>`, `users`, …; see `world/notify_settings.ts`). */
  notifySettings?: Record<string, ControlNotifySettings>;
}

/** Stored notification settings; sounds by their TL constructor (`notificationSoundNone` …). */
export interface ControlNotifySettings {
  showPreviews?: boolean;
  silent?: boolean;
  muteUntil?: number;
  sound?: string;
  storiesMuted?: boolean;
  storiesHideSender?: boolean;
  storiesSound?: string;
}

const controlNotifySettings = (
  settings: tl.RawPeerNotifySettings,
): ControlNotifySettings => ({
  showPreviews: settings.showPreviews,
  silent: settings.silent,
  muteUntil: settings.muteUntil,
  sound: settings.otherSound?._,
  storiesMuted: settings.storiesMuted,
  storiesHideSender: settings.storiesHideSender,
  storiesSound: settings.storiesOtherSound?._,
});

const controlColor = (
  color: tl.RawPeerColor | undefined,
): ControlColor | undefined =>
  color && {
    color: color.color,
    backgroundEmojiId: color.backgroundEmojiId?.toString(),
  };

/** The control view of `extras`. */
export function controlExtras(extras: ProfileExtras): ControlProfileExtras {
  const { birthday, emojiStatus } = extras;
  return {
    birthday: birthday &&
      { day: birthday.day, month: birthday.month, year: birthday.year },
    personalChannelId: extras.personalChannelId,
    emojiStatus: emojiStatus && {
      customEmojiId: emojiStatus.documentId.toString(),
      until: emojiStatus.until,
    },
    color: controlColor(extras.color),
    profileColor: controlColor(extras.profileColor),
    notifySettings: extras.notifySettings &&
      Object.fromEntries(
        [...extras.notifySettings].map((
          [key, settings],
        ) => [key, controlNotifySettings(settings)]),
      ),
  };
}
