/**
 * Messages in MTKruto's shape from what mtcute returns or pushes. MTKruto
 * fills `replyToMessage` and `pinnedMessage` by fetching those messages from
 * the same chat; so do we, one level deep (the fetched ones carry no replied
 * message of their own), which bounds a render to one extra call per chat.
 * Stickers' `setName` takes a look-up of their sets (sticker_sets.ts), for
 * the messages and the ones they reply to or pin alike.
 */
import type { Message as MtcuteMessage, tl } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import type { Message } from "../types/message.ts";
import {
  pinnedMessageId,
  renderMessage,
  repliedMessageId,
} from "../types/message.ts";
import type { PeerLookup } from "../types/peers.ts";
import { markedPeerId } from "../types/peers.ts";
import type { StickerSetNames } from "../types/sticker.ts";
import { resolveStickerSetNames } from "./sticker_sets.ts";

/** A TL message with the peers that came with it. */
export interface RawMessage {
  raw: tl.TypeMessage;
  peers: PeerLookup;
}

/** Options of a render. */
export interface RenderOptions {
  isScheduled?: boolean;
  businessConnectionId?: string;
}

/** The TL message and peers behind an mtcute Message. */
export function rawOf(message: MtcuteMessage): RawMessage {
  return { raw: message.raw, peers: message._peers };
}

const key = (chatId: number, id: number) => `${chatId}:${id}`;

/** Fetches the messages `items` reply to or pin; a message that cannot be fetched is left out. */
async function fetchReferenced(
  client: TelegramClient,
  items: readonly RawMessage[],
): Promise<Map<string, RawMessage>> {
  const wanted = new Map<number, Set<number>>();
  for (const { raw } of items) {
    if (raw._ === "messageEmpty") continue;
    const chatId = markedPeerId(raw.peerId);
    for (const id of [repliedMessageId(raw), pinnedMessageId(raw)]) {
      if (id === undefined) continue;
      let ids = wanted.get(chatId);
      if (!ids) wanted.set(chatId, ids = new Set());
      ids.add(id);
    }
  }
  const found = new Map<string, RawMessage>();
  await Promise.all([...wanted].map(async ([chatId, ids]) => {
    let fetched: (MtcuteMessage | null)[];
    try {
      fetched = await client.getMessages(chatId, [...ids]);
    } catch {
      // MTKruto leaves the replied message out when it cannot get it; so do we.
      return;
    }
    for (const message of fetched) {
      if (message) found.set(key(chatId, message.id), rawOf(message));
    }
  }));
  return found;
}

/** Renders TL messages, fetching what they reply to or pin; messages MTKruto cannot render are left out. */
export async function renderRawMessages(
  client: TelegramClient,
  items: readonly RawMessage[],
  options: RenderOptions = {},
): Promise<Message[]> {
  const raws = (messages: Iterable<RawMessage>) =>
    [...messages].map(({ raw }) => raw);
  // The sets of `items` are looked up while the referenced messages are fetched.
  const [referenced, ownNames] = await Promise.all([
    fetchReferenced(client, items),
    resolveStickerSetNames(client, raws(items)),
  ]);
  const referencedNames = await resolveStickerSetNames(
    client,
    raws(referenced.values()),
  );
  const stickerSetName: StickerSetNames = (stickerSet) =>
    ownNames(stickerSet) ?? referencedNames(stickerSet);
  const renderReferenced = (chatId: number, id: number | undefined) => {
    const found = id === undefined
      ? undefined
      : referenced.get(key(chatId, id));
    return found && renderMessage(found.raw, found.peers, { stickerSetName });
  };
  const rendered: Message[] = [];
  for (const { raw, peers } of items) {
    if (raw._ === "messageEmpty") continue;
    const chatId = markedPeerId(raw.peerId);
    const message = renderMessage(raw, peers, {
      ...options,
      replyToMessage: renderReferenced(chatId, repliedMessageId(raw)),
      pinnedMessage: renderReferenced(chatId, pinnedMessageId(raw)),
      stickerSetName,
    });
    if (message) rendered.push(message);
  }
  return rendered;
}

/** Renders mtcute messages (results of sends, edits, fetches) in MTKruto's shape. */
export function renderMessages(
  client: TelegramClient,
  messages: readonly MtcuteMessage[],
): Promise<Message[]> {
  return renderRawMessages(client, messages.map(rawOf));
}

/** Renders one mtcute message; InputError-free: a message MTKruto cannot render is an internal error. */
export async function renderOneMessage(
  client: TelegramClient,
  message: MtcuteMessage,
): Promise<Message> {
  const [rendered] = await renderMessages(client, [message]);
  if (!rendered) throw new Error(`message ${message.id} could not be rendered`);
  return rendered;
}
