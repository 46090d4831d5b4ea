/**
 * TL messages for the MTKruto message renderer tests: a `message` and a
 * `messageService` whose defaults are §16.1's (Ada writes "Hello world" to
 * the bot), peers of every kind, and the rendered peers they give.
 */
import type { tl } from "@mtcute/core";
import {
  type Message,
  renderMessage,
} from "../../src/mtkruto/types/message.ts";
import { renderChatP, renderUser } from "../../src/mtkruto/types/peers.ts";
import { assert, assertEquals } from "../assert.ts";
import {
  long,
  peersOf,
  tlBot,
  tlChannel,
  tlChat,
  tlDocument,
  tlUser,
} from "./_mtkruto_fixtures.ts";

/** Ada's user id (§16.1). */
export const ADA_ID = 123456789;
/** The own bot's user id (§16.2). */
export const BOT_ID = 6123456789;
/** The §16.3 supergroup's bare channel id. */
export const SUPERGROUP_ID = 1234567890;
/** A private broadcast channel's bare id (no username). */
export const CHANNEL_ID = 1098765432;
/** A second user: Grace. */
export const GRACE_ID = 222333444;

/** A `peerUser`. */
export const peerUser = (userId: number): tl.RawPeerUser => ({
  _: "peerUser",
  userId,
});
/** A `peerChannel`. */
export const peerChannel = (channelId: number): tl.RawPeerChannel => ({
  _: "peerChannel",
  channelId,
});
/** A `peerChat`. */
export const peerChat = (chatId: number): tl.RawPeerChat => ({
  _: "peerChat",
  chatId,
});

/** Grace Hopper, a second user. */
export function tlGrace(): tl.RawUser {
  return tlUser({
    id: GRACE_ID,
    firstName: "Grace",
    lastName: "Hopper",
    username: "grace",
    langCode: undefined,
    status: undefined,
  });
}

/** A private broadcast channel ("News", no username). */
export function tlBroadcast(
  overrides: Partial<tl.RawChannel> = {},
): tl.RawChannel {
  return tlChannel({
    megagroup: undefined,
    broadcast: true,
    id: CHANNEL_ID,
    title: "News",
    username: undefined,
    color: undefined,
    ...overrides,
  });
}

/** Every peer the tests name: Ada, Grace, the bot, the supergroup, the channel and the basic group. */
export function allPeers() {
  return peersOf(
    tlUser(),
    tlGrace(),
    tlBot(),
    tlChannel(),
    tlBroadcast(),
    tlChat(),
  );
}

/** How the renderers show each fixture peer. */
export const rendered = {
  ada: () => renderChatP(tlUser()),
  adaUser: () => renderUser(tlUser()),
  grace: () => renderChatP(tlGrace()),
  graceUser: () => renderUser(tlGrace()),
  bot: () => renderChatP(tlBot()),
  botUser: () => renderUser(tlBot()),
  supergroup: () => renderChatP(tlChannel()),
  channel: () => renderChatP(tlBroadcast()),
  group: () => renderChatP(tlChat()),
};

/** A `message`: §16.1's (id 42 from Ada in her chat with the bot, "Hello world", "Hello" bold) unless overridden. */
export function tlMessage(
  overrides: Partial<tl.RawMessage> = {},
): tl.RawMessage {
  return {
    _: "message",
    id: 42,
    fromId: peerUser(ADA_ID),
    peerId: peerUser(ADA_ID),
    date: 1767225600,
    message: "Hello world",
    entities: [{ _: "messageEntityBold", offset: 0, length: 5 }],
    ...overrides,
  };
}

/** A `message` in the §16.3 supergroup from Ada, otherwise as `tlMessage`. */
export function tlGroupMessage(
  overrides: Partial<tl.RawMessage> = {},
): tl.RawMessage {
  return tlMessage({
    id: 1042,
    peerId: peerChannel(SUPERGROUP_ID),
    ...overrides,
  });
}

/** A message with a medium and no text unless overridden. */
export function tlMediaMessage(
  media: tl.TypeMessageMedia,
  overrides: Partial<tl.RawMessage> = {},
): tl.RawMessage {
  return tlMessage({ message: "", entities: undefined, media, ...overrides });
}

/** A `messageService` from Ada in the supergroup (id 50) unless overridden. */
export function tlService(
  action: tl.TypeMessageAction,
  overrides: Partial<tl.RawMessageService> = {},
): tl.RawMessageService {
  return {
    _: "messageService",
    id: 50,
    fromId: peerUser(ADA_ID),
    peerId: peerChannel(SUPERGROUP_ID),
    date: 1767225800,
    action,
    ...overrides,
  };
}

/** A reply header to message `replyToMsgId` unless overridden. */
export function replyTo(
  replyToMsgId: number | undefined,
  overrides: Partial<tl.RawMessageReplyHeader> = {},
): tl.RawMessageReplyHeader {
  return { _: "messageReplyHeader", replyToMsgId, ...overrides };
}

/** A custom emoji id used across tests. */
export const EMOJI_ID = long("5368324170671202286");

/** The keys every content message of the default fixture has, before the variant's own. */
const BASE_KEYS = [
  "type",
  "isOutgoing",
  "id",
  "chat",
  "date",
  "isTopicMessage",
  "hasProtectedContent",
  "from",
];

/** Renders a default-fixture message and gives its type and the keys after the common ones (checking those come first). */
export function variantOf(raw: tl.RawMessage): Record<string, unknown> {
  const message = renderMessage(raw, allPeers()) as unknown as
    | Record<string, unknown>
    | undefined;
  assert(message, "the message was not rendered");
  const keys = Object.keys(message);
  assertEquals(keys.slice(0, BASE_KEYS.length), BASE_KEYS);
  const tail: Record<string, unknown> = { type: message.type };
  for (const key of keys.slice(BASE_KEYS.length)) tail[key] = message[key];
  return tail;
}

/** A 1280×720, 12-second video attribute. */
export const VIDEO_ATTRIBUTE: tl.RawDocumentAttributeVideo = {
  _: "documentAttributeVideo",
  duration: 12,
  w: 1280,
  h: 720,
};

/** An mp4 video document. */
export function videoDocument(): tl.RawDocument {
  return tlDocument([VIDEO_ATTRIBUTE], { mimeType: "video/mp4" });
}

/** A loaded `webPage` of https://example.org/ unless overridden. */
export function webPage(overrides: Partial<tl.RawWebPage> = {}): tl.RawWebPage {
  return {
    _: "webPage",
    id: long("7000000000000000001"),
    url: "https://example.org/",
    displayUrl: "example.org",
    hash: 0,
    ...overrides,
  };
}

/** Renders a `tlService` message and gives its type and the keys after the service base ones (checking those come first). */
export function serviceOf(
  action: tl.TypeMessageAction,
  overrides: Partial<tl.RawMessageService> = {},
  pinnedMessage?: Message,
): Record<string, unknown> {
  const message = renderMessage(tlService(action, overrides), allPeers(), {
    pinnedMessage,
  }) as unknown as Record<string, unknown>;
  assert(message, "the message was not rendered");
  const base = [
    "type",
    "isOutgoing",
    "id",
    "chat",
    "date",
    "isTopicMessage",
    "from",
  ];
  const keys = Object.keys(message);
  assertEquals(keys.slice(0, base.length), base);
  const tail: Record<string, unknown> = { type: message.type };
  for (const key of keys.slice(base.length)) tail[key] = message[key];
  return tail;
}
