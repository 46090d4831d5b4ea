/** ForwardHeader in MTKruto's shape (types.md §13): where a forwarded message came from. */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";
import {
  type ChatP,
  peerChatP,
  type PeerLookup,
  peerUser,
  type User,
} from "./peers.ts";
import { unlessMissing } from "./optional_peer.ts";

/** The origin of a forward, told apart by `type`; `date` is when the original was sent. */
export type ForwardHeader =
  | { type: "user"; date: number; user: User }
  | {
    type: "channel";
    date: number;
    chat: ChatP;
    messageId: number;
    authorSignature?: string;
  }
  | { type: "supergroup"; date: number; chat: ChatP; title?: string }
  | { type: "hidden"; date: number; name: string }
  | { type: "unsupported"; date: number };

/**
 * The ForwardHeader of a TL forward header. MTKruto fails the message when
 * the original sender is unknown to it; an index built from one update may
 * lack that peer more often than MTKruto's storage does, so we fall back to
 * the sender's name (`hidden`) or `unsupported` rather than drop the message.
 */
export function renderForwardHeader(
  header: tl.RawMessageFwdHeader,
  peers: PeerLookup,
): ForwardHeader {
  const { date, fromId } = header;
  if (fromId?._ === "peerChannel") {
    const chat = unlessMissing(() => peerChatP(peers, fromId));
    if (chat && header.channelPost) {
      return omitUndefined({
        type: "channel" as const,
        date,
        chat,
        messageId: header.channelPost,
        authorSignature: header.postAuthor,
      });
    }
    if (chat) {
      return omitUndefined({
        type: "supergroup" as const,
        date,
        chat,
        title: header.postAuthor,
      });
    }
  } else if (fromId?._ === "peerUser") {
    const user = unlessMissing(() => peerUser(peers, fromId.userId));
    if (user) return { type: "user", date, user };
  }
  if (header.fromName) return { type: "hidden", date, name: header.fromName };
  return { type: "unsupported", date };
}
