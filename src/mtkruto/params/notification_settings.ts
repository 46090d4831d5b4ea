/** SetNotificationSettingsParams' `settings` (MTKruto's InputNotificationSettings) → TL inputPeerNotifySettings. */
import type { tl } from "@mtcute/core";
import {
  type NotificationSound,
  toTlNotificationSound,
} from "../types/notification_settings.ts";
import {
  at,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  readType,
  requiredDecimal,
  requiredString,
} from "./read.ts";

/** A NotificationSound input. */
export function readNotificationSound(
  value: JsonObject,
  path: string,
): NotificationSound {
  const type = readType(value, path, ["default", "none", "local", "ringtone"]);
  switch (type) {
    case "local":
      return {
        type,
        title: requiredString(value, "title", path),
        data: requiredString(value, "data", path),
      };
    case "ringtone":
      return { type, id: requiredDecimal(value, "id", path) };
    default:
      return { type };
  }
}

/** `settings` at `path` (absent: all defaults) → inputPeerNotifySettings. */
export function toInputNotifySettings(
  params: JsonObject,
  path: string,
): tl.RawInputPeerNotifySettings {
  const settings = optionalObject(params, "settings", path) ?? {};
  const where = at(path, "settings");
  const soundAt = (key: string) => {
    const value = optionalObject(settings, key, where);
    return value &&
      toTlNotificationSound(readNotificationSound(value, at(where, key)));
  };
  return {
    _: "inputPeerNotifySettings",
    showPreviews: optionalBoolean(settings, "showsPreviews", where),
    silent: optionalBoolean(settings, "isSilent", where),
    muteUntil: optionalInteger(
      settings,
      "muteUntil",
      where,
      NON_NEGATIVE_INT32,
    ),
    sound: soundAt("sound"),
    storiesMuted: optionalBoolean(settings, "mutesStories", where),
    storiesHideSender: optionalBoolean(settings, "hidesStories", where),
    storiesSound: soundAt("storySound"),
  };
}
