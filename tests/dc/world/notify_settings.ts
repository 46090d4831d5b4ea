/**
 * Notification settings (core.telegram.org/method/account.updateNotifySettings):
 * per peer, per forum topic, and the defaults for private chats, groups and
 * channels, kept per account. Unset ones read as an empty `peerNotifySettings`
 * (the client's defaults).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import { resolvePeer } from "./peers.ts";
import type { WorldState } from "./state.ts";

/** What the settings are keyed by: `peer:<key>`, `topic:<key>:<top message>`, `users`, `chats` or `broadcasts`. */
export function notifyKey(
  state: WorldState,
  viewerId: number,
  target: tl.TypeInputNotifyPeer,
): string {
  switch (target._) {
    case "inputNotifyPeer":
      return `peer:${resolvePeer(state, viewerId, target.peer)}`;
    case "inputNotifyForumTopic":
      return `topic:${
        resolvePeer(state, viewerId, target.peer)
      }:${target.topMsgId}`;
    case "inputNotifyUsers":
      return "users";
    case "inputNotifyChats":
      return "chats";
    case "inputNotifyBroadcasts":
      return "broadcasts";
    default:
      throw new RpcFailure(400, "PEER_ID_INVALID");
  }
}

/** The TL `NotifyPeer` of a key, for `updateNotifySettings`. */
export function tlNotifyPeer(
  key: string,
  tlPeerOf: (peerKey: number) => tl.TypePeer,
): tl.TypeNotifyPeer {
  const [scope, peerKey, topMsgId] = key.split(":");
  switch (scope) {
    case "peer":
      return { _: "notifyPeer", peer: tlPeerOf(Number(peerKey)) };
    case "topic":
      return {
        _: "notifyForumTopic",
        peer: tlPeerOf(Number(peerKey)),
        topMsgId: Number(topMsgId),
      };
    case "users":
      return { _: "notifyUsers" };
    case "chats":
      return { _: "notifyChats" };
    default:
      return { _: "notifyBroadcasts" };
  }
}

/** `inputPeerNotifySettings` as Telegram stores it: one sound for every platform. */
export function toPeerNotifySettings(
  input: tl.TypeInputPeerNotifySettings,
): tl.RawPeerNotifySettings {
  return {
    _: "peerNotifySettings",
    showPreviews: input.showPreviews,
    silent: input.silent,
    muteUntil: input.muteUntil,
    iosSound: input.sound,
    androidSound: input.sound,
    otherSound: input.sound,
    storiesMuted: input.storiesMuted,
    storiesHideSender: input.storiesHideSender,
    storiesIosSound: input.storiesSound,
    storiesAndroidSound: input.storiesSound,
    storiesOtherSound: input.storiesSound,
  };
}

/** The account's settings for `key`, empty when it set none. */
export function notifySettingsOf(
  account: Account,
  key: string,
): tl.RawPeerNotifySettings {
  return account.extras?.notifySettings?.get(key) ??
    { _: "peerNotifySettings" };
}
