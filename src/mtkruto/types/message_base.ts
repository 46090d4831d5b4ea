/**
 * The fields every MTKruto message has (types.md §4.1), built in MTKruto's
 * key order onto a draft whose first key is `type`, so the variant code can
 * set the type and append its payload without copying the object.
 */
import type { tl } from "@mtcute/core";
import { renderForwardHeader } from "./forward_header.ts";
import type { Message, MessageBase } from "./message_types.ts";
import {
  type ChatP,
  markedPeerId,
  peerChatP,
  type PeerLookup,
  peerUser,
} from "./peers.ts";
import { unlessMissing } from "./optional_peer.ts";
import { renderMessageReactionList } from "./reactions.ts";
import { renderReplyMarkup } from "./reply_markup.ts";
import { renderReplyQuote } from "./reply_quote.ts";
import type { StickerSetNames } from "./sticker.ts";

/** What the caller knows beyond the TL message (see `renderMessage`). */
export interface MessageContext {
  /** The replied message, already rendered; `replyToMessage` is set only when this is given. */
  replyToMessage?: Message;
  /** The pinned message of a pin notice, already rendered; without it the notice is `unsupported`. */
  pinnedMessage?: Message;
  /** Set for `scheduledMessage` updates (MTKruto forces `isScheduled: true` on them). */
  isScheduled?: boolean;
  /** The business connection a business update came through. */
  businessConnectionId?: string;
  /** Short names of the sticker sets the message's stickers reference, resolved by the caller; `setName` is left out without them. */
  stickerSetName?: StickerSetNames;
}

/** A message being built: MessageBase with `type` first and room for the variant's payload. */
export type MessageDraft =
  & { type: string }
  & MessageBase
  & Record<string, unknown>;

/** The reply header, when it is a reply to a message (not to a story). */
function replyHeader(
  raw: tl.RawMessage | tl.RawMessageService,
): tl.RawMessageReplyHeader | undefined {
  return raw.replyTo?._ === "messageReplyHeader" ? raw.replyTo : undefined;
}

/** `https://t.me/c/<channel id>/[<thread id>/]<id>`, with the username in place of `c/<id>` for public chats. */
function messageLink(
  raw: tl.RawMessage,
  chat: ChatP,
  threadId: number | undefined,
): string | undefined {
  if (raw.peerId._ !== "peerChannel") return undefined;
  const where = "username" in chat && chat.username
    ? chat.username
    : `c/${raw.peerId.channelId}`;
  const thread = threadId ? `${threadId}/` : "";
  return `https://t.me/${where}/${thread}${raw.id}`;
}

/** The sender: `from_id`, else the chat itself (channel posts, anonymous admins). */
function senderOf(
  raw: tl.RawMessage | tl.RawMessageService,
  peers: PeerLookup,
  chat: ChatP,
): ChatP {
  return raw.fromId ? peerChatP(peers, raw.fromId) : chat;
}

/** The draft's first keys, shared by service and content messages. */
function head(
  raw: tl.RawMessage | tl.RawMessageService,
  chat: ChatP,
): MessageDraft {
  return {
    type: "unsupported",
    isOutgoing: raw.out ?? false,
    id: raw.id,
    chat,
  } as MessageDraft;
}

/** The reply fields (`threadId`, `replyToMessageId`) of a reply to a message. */
function putReplyIds(
  draft: MessageDraft,
  header: tl.RawMessageReplyHeader | undefined,
): void {
  if (header?.replyToMsgId === undefined) return;
  if (header.replyToTopId !== undefined) draft.threadId = header.replyToTopId;
  draft.replyToMessageId = header.replyToMsgId;
}

/** The common fields of a service message (the ✓ column of types.md §4.1). */
export function serviceBase(
  raw: tl.RawMessageService,
  chat: ChatP,
  peers: PeerLookup,
  context: MessageContext,
): MessageDraft {
  const header = replyHeader(raw);
  const draft = head(raw, chat);
  draft.date = raw.date;
  draft.isTopicMessage = header?.forumTopic ?? false;
  draft.from = senderOf(raw, peers, chat);
  putReplyIds(draft, header);
  if (context.replyToMessage) draft.replyToMessage = context.replyToMessage;
  return draft;
}

/** The common fields of a content message, in MTKruto's order. */
export function contentBase(
  raw: tl.RawMessage,
  chat: ChatP,
  peers: PeerLookup,
  context: MessageContext,
): MessageDraft {
  const header = replyHeader(raw);
  const draft = head(raw, chat);
  const link = messageLink(raw, chat, header?.replyToTopId);
  if (link !== undefined) draft.link = link;
  draft.date = raw.date;
  if (raw.views !== undefined) draft.views = raw.views;
  if (raw.forwards !== undefined) draft.forwards = raw.forwards;
  draft.isTopicMessage = header?.forumTopic ?? false;
  draft.hasProtectedContent = raw.noforwards ?? false;
  if (raw.fromBoostsApplied !== undefined) {
    draft.senderBoostCount = raw.fromBoostsApplied;
  }
  if (raw.effect && !raw.effect.isZero()) {
    draft.effectId = raw.effect.toString();
  }
  if (raw.fromScheduled) draft.isScheduled = true;
  draft.from = senderOf(raw, peers, chat);
  if (raw.guestchatViaFrom) {
    // MTKruto leaves `for` out when it does not know the peer, rather than failing.
    const guestPeer = raw.guestchatViaFrom;
    const guestChat = unlessMissing(() => peerChatP(peers, guestPeer));
    if (guestChat) draft.for = guestChat;
  }
  if (
    chat.type === "supergroup" && chat.isDirectMessagesChat && raw.savedPeerId
  ) {
    draft.directMessagesTopicId = markedPeerId(raw.savedPeerId);
  }
  if (raw.reactions) {
    draft.reactions = renderMessageReactionList(raw.reactions);
  }
  if (header?.replyToMsgId !== undefined && header.quote) {
    draft.replyQuote = renderReplyQuote(header);
  }
  putReplyIds(draft, header);
  putReplied(draft, context);
  putTail(draft, raw, peers);
  return draft;
}

/** `businessConnectionId` and the replied message (a business update names the replied message itself). */
function putReplied(draft: MessageDraft, context: MessageContext): void {
  const replied = context.replyToMessage;
  if (context.businessConnectionId !== undefined) {
    draft.businessConnectionId = context.businessConnectionId;
    if (replied) draft.replyToMessageId = replied.id;
  }
  if (replied) draft.replyToMessage = replied;
}

/** The fields after the reply: markup, bots, signature, forward, album, edit date. */
function putTail(
  draft: MessageDraft,
  raw: tl.RawMessage,
  peers: PeerLookup,
): void {
  const replyMarkup = raw.replyMarkup && renderReplyMarkup(raw.replyMarkup);
  if (replyMarkup) draft.replyMarkup = replyMarkup;
  if (raw.viaBotId !== undefined) draft.viaBot = peerUser(peers, raw.viaBotId);
  if (raw.viaBusinessBotId !== undefined) {
    draft.viaBusinessBot = peerUser(peers, raw.viaBusinessBotId);
  }
  if (raw.postAuthor !== undefined) draft.authorSignature = raw.postAuthor;
  if (raw.fromRank !== undefined) draft.tag = raw.fromRank;
  const forward = raw.fwdFrom;
  if (forward) {
    draft.isAutomaticForward = forward.savedFromPeer !== undefined &&
      forward.savedFromMsgId !== undefined;
    draft.forwardFrom = renderForwardHeader(forward, peers);
  }
  if (raw.groupedId !== undefined) {
    draft.mediaGroupId = raw.groupedId.toString();
  }
  if (raw.editDate) draft.editDate = raw.editDate;
}
