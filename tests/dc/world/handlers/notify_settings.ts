/** `account.getNotifySettings`, `account.updateNotifySettings` and `account.resetNotifySettings` (users only). */
import { tlPeer } from "../peer_keys.ts";
import {
  notifyKey,
  notifySettingsOf,
  tlNotifyPeer,
  toPeerNotifySettings,
} from "../notify_settings.ts";
import { extrasOf } from "../profile_extra.ts";
import { pushToOwnSessions } from "./profile.ts";
import { type HandlerTable, usersOnly } from "./types.ts";

/** Handlers of the notification settings methods. */
export const notifySettingsHandlers: HandlerTable = {
  "account.getNotifySettings": usersOnly((ctx, params) =>
    notifySettingsOf(ctx.self, notifyKey(ctx.state, ctx.self.id, params.peer))
  ),
  // the new settings replace the old ones: what is left out is the default
  "account.updateNotifySettings": usersOnly((ctx, params) => {
    const key = notifyKey(ctx.state, ctx.self.id, params.peer);
    const settings = toPeerNotifySettings(params.settings);
    const extras = extrasOf(ctx.self);
    (extras.notifySettings ??= new Map()).set(key, settings);
    pushToOwnSessions(ctx, ctx.self.id, {
      _: "updateNotifySettings",
      peer: tlNotifyPeer(key, tlPeer),
      notifySettings: settings,
    });
    return true;
  }),
  "account.resetNotifySettings": usersOnly((ctx) => {
    ctx.self.extras?.notifySettings?.clear();
    return true;
  }),
};
