/** A chat's notification settings: MTKruto 0.216's getNotificationSettings, setNotificationSettings and resetNotificationSettings (user-only). */
import { toInputNotifySettings } from "../params/notification_settings.ts";
import { renderNotificationSettings } from "../types/notification_settings.ts";
import type { DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, optionsParam } from "./params.ts";

/** The notification settings methods. */
export const NOTIFICATION_SETTINGS_METHODS: DialectMethod[] = [
  defineMethod(
    "getNotificationSettings",
    "user",
    [chatIdParam()],
    "NotificationSettings",
    async (call, chatId) => {
      const settings = await call.client.call({
        _: "account.getNotifySettings",
        peer: {
          _: "inputNotifyPeer",
          peer: await call.client.resolvePeer(chatId),
        },
      });
      return renderNotificationSettings(settings);
    },
  ),
  defineMethod(
    "setNotificationSettings",
    "user",
    [chatIdParam(), optionsParam("SetNotificationSettingsParams")],
    "void",
    async (call, chatId, params) => {
      const settings = toInputNotifySettings(params, "params");
      await call.client.call({
        _: "account.updateNotifySettings",
        peer: {
          _: "inputNotifyPeer",
          peer: await call.client.resolvePeer(chatId),
        },
        settings,
      });
      return null;
    },
  ),
  defineMethod(
    "resetNotificationSettings",
    "user",
    [],
    "void",
    async (call) => {
      await call.client.call({ _: "account.resetNotifySettings" });
      return null;
    },
  ),
];
