/**
 * MTKruto's Message from a TL message (types.md §4). Synchronous: the
 * caller fetches the replied and pinned messages (`repliedMessageId`,
 * `pinnedMessageId` say which) and the names of the sticker sets it
 * references, and passes them in.
 */
import type { tl } from "@mtcute/core";
import {
  contentBase,
  type MessageContext,
  serviceBase,
} from "./message_base.ts";
import { putContent } from "./message_content.ts";
import { putService } from "./message_service.ts";
import type { Message } from "./message_types.ts";
import { peerChatP, type PeerLookup } from "./peers.ts";
import { RenderError } from "./render_error.ts";

export type { MessageContext } from "./message_base.ts";
export type {
  ContentMessage,
  MediaBase,
  Message,
  MessageBase,
  ServiceMessage,
} from "./message_types.ts";

/** The id of the message `raw` replies to in its own chat (MTKruto ignores `reply_to_peer_id`), if any. */
export function repliedMessageId(raw: tl.TypeMessage): number | undefined {
  if (raw._ === "messageEmpty" || raw.replyTo?._ !== "messageReplyHeader") {
    return undefined;
  }
  return raw.replyTo.replyToMsgId;
}

/** The id of the message a pin notice pins (its replied message), if `raw` is one. */
export function pinnedMessageId(raw: tl.TypeMessage): number | undefined {
  if (
    raw._ !== "messageService" || raw.action._ !== "messageActionPinMessage"
  ) {
    return undefined;
  }
  return repliedMessageId(raw);
}

/**
 * The Message of a TL message, or undefined when there is none to render:
 * `messageEmpty`, or a message MTKruto cannot build either (a sender or
 * other required peer missing from `peers`, a broken medium) — MTKruto drops
 * those. `context.replyToMessage` becomes `replyToMessage` only when given;
 * a pin notice without `context.pinnedMessage` is `unsupported`.
 */
export function renderMessage(
  raw: tl.TypeMessage,
  peers: PeerLookup,
  context: MessageContext = {},
): Message | undefined {
  if (raw._ === "messageEmpty") return undefined;
  try {
    const chat = peerChatP(peers, raw.peerId);
    let draft;
    if (raw._ === "messageService") {
      draft = serviceBase(raw, chat, peers, context);
      putService(draft, raw, peers, context);
    } else {
      draft = contentBase(raw, chat, peers, context);
      putContent(draft, raw, peers, context.stickerSetName);
    }
    // MTKruto forces the flag onto the finished message, so it comes last unless set before.
    if (context.isScheduled && !draft.isScheduled) draft.isScheduled = true;
    return draft as unknown as Message;
  } catch (error) {
    if (error instanceof RenderError) return undefined;
    throw error;
  }
}
