/**
 * Peer keys: one number per chat, as Telegram's "marked" peer ids. A user is
 * its account id, a basic group `-chat_id`, a supergroup or channel
 * `-(1000000000000 + channel_id)`. Boxes, messages and the control API key
 * chats by them.
 */
import type { tl } from "@mtcute/core";

const CHANNEL_KEY_OFFSET = 1_000_000_000_000;

/** What kind of chat a peer key names. */
export type PeerKind = "user" | "group" | "channel";

/** The key of basic group `chatId`. */
export function groupKey(chatId: number): number {
  return -chatId;
}

/** The key of supergroup or channel `channelId`. */
export function channelKey(channelId: number): number {
  return -CHANNEL_KEY_OFFSET - channelId;
}

/** Which kind of chat `key` names. */
export function peerKind(key: number): PeerKind {
  if (key > 0) return "user";
  return key > -CHANNEL_KEY_OFFSET ? "group" : "channel";
}

/** The id Telegram's TL objects carry for `key` (user id, chat id or channel id). */
export function bareId(key: number): number {
  switch (peerKind(key)) {
    case "user":
      return key;
    case "group":
      return -key;
    case "channel":
      return -key - CHANNEL_KEY_OFFSET;
  }
}

/** The TL `Peer` of `key`. */
export function tlPeer(key: number): tl.TypePeer {
  switch (peerKind(key)) {
    case "user":
      return { _: "peerUser", userId: key };
    case "group":
      return { _: "peerChat", chatId: bareId(key) };
    case "channel":
      return { _: "peerChannel", channelId: bareId(key) };
  }
}
