/** NotificationSettings and NotificationSound in MTKruto 0.216's shape, rendered from TL peerNotifySettings. */
import { Long, type tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";

/** A notification sound: the default one, none, a local file, or a saved ringtone. */
export type NotificationSound =
  | { type: "default" }
  | { type: "none" }
  | { type: "local"; title: string; data: string }
  | { type: "ringtone"; id: string };

/** A chat's notification settings; what is absent is the client's default. */
export interface NotificationSettings {
  showsPreviews?: boolean;
  isSilent?: boolean;
  /** Muted until this Unix time. */
  muteUntil?: number;
  iosSound?: NotificationSound;
  androidSound?: NotificationSound;
  otherPlatformsSound?: NotificationSound;
  mutesStories?: boolean;
  hidesStories?: boolean;
  iosStorySound?: NotificationSound;
  androidStorySound?: NotificationSound;
  otherPlatformsStorySound?: NotificationSound;
}

/** TL NotificationSound → NotificationSound. */
export function renderNotificationSound(
  sound: tl.TypeNotificationSound,
): NotificationSound {
  switch (sound._) {
    case "notificationSoundDefault":
      return { type: "default" };
    case "notificationSoundNone":
      return { type: "none" };
    case "notificationSoundLocal":
      return { type: "local", title: sound.title, data: sound.data };
    case "notificationSoundRingtone":
      return { type: "ringtone", id: sound.id.toString() };
  }
}

/** NotificationSound → TL NotificationSound. */
export function toTlNotificationSound(
  sound: NotificationSound,
): tl.TypeNotificationSound {
  switch (sound.type) {
    case "default":
      return { _: "notificationSoundDefault" };
    case "none":
      return { _: "notificationSoundNone" };
    case "local":
      return {
        _: "notificationSoundLocal",
        title: sound.title,
        data: sound.data,
      };
    case "ringtone":
      return {
        _: "notificationSoundRingtone",
        id: Long.fromString(sound.id),
      };
  }
}

const sound = (value: tl.TypeNotificationSound | undefined) =>
  value && renderNotificationSound(value);

/** TL peerNotifySettings → NotificationSettings. */
export function renderNotificationSettings(
  settings: tl.TypePeerNotifySettings,
): NotificationSettings {
  return omitUndefined({
    showsPreviews: settings.showPreviews,
    isSilent: settings.silent,
    muteUntil: settings.muteUntil,
    iosSound: sound(settings.iosSound),
    androidSound: sound(settings.androidSound),
    otherPlatformsSound: sound(settings.otherSound),
    mutesStories: settings.storiesMuted,
    hidesStories: settings.storiesHideSender,
    iosStorySound: sound(settings.storiesIosSound),
    androidStorySound: sound(settings.storiesAndroidSound),
    otherPlatformsStorySound: sound(settings.storiesOtherSound),
  });
}
