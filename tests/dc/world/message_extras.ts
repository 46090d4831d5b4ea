/**
 * What bots, inline mode, albums, polls, reactions and forum topics add to a
 * message: `via_bot_id`, `grouped_id`, `silent`, the inline message id, the
 * poll and the reactions as the viewer sees them, and the topic's reply
 * header. Kept apart from `mailboxes.ts`, which spreads them into its TL
 * messages.
 */
import type { Long, tl } from "@mtcute/core";
import { viewPollMedia } from "./polls.ts";
import type { BoxMessage } from "./mailboxes.ts";
import { viewReactions } from "./reactions.ts";

/** The optional parts of a message that `mailboxes.ts` stores but does not interpret. */
export interface MessageExtras {
  /** The bot whose inline result this message is. */
  viaBotId?: number;
  /** Shared by the messages of one album. */
  groupedId?: Long;
  silent?: boolean;
  /** Set on messages sent from an inline result with an inline keyboard: how the bot edits it and names it in callback queries. */
  inlineMessageId?: tl.RawInputBotInlineMessageID;
  /** The forum topic (see `forum.ts`) a message was sent to; unset in the General topic and on a topic's own creation message. */
  topicId?: number;
  /** A queued scheduled message, or one sent from the queue (see `scheduled.ts`). */
  fromScheduled?: boolean;
}

/** The names of `MessageExtras`' fields, for `Pick`. */
export type MessageExtraKey = keyof MessageExtras;

/** The TL `message` fields the extras set, for the copy as `viewerId` sees it (its own poll votes and reactions marked). */
export function extrasToTl(
  message: BoxMessage,
  viewerId: number,
): Pick<
  tl.RawMessage,
  "viaBotId" | "groupedId" | "silent" | "media" | "reactions" | "fromScheduled"
> {
  return {
    viaBotId: message.viaBotId,
    groupedId: message.groupedId,
    silent: message.silent,
    media: message.media && viewPollMedia(message.media, viewerId),
    reactions: viewReactions(message, viewerId),
    fromScheduled: message.fromScheduled,
  };
}

/**
 * The reply header of a message: its replied message and, inside a forum
 * topic, the `forum_topic` flag with the topic as `reply_to_msg_id` (a
 * message sent to the topic) or as `reply_to_top_id` (a reply within it),
 * as core.telegram.org/api/forum describes.
 */
export function replyHeaderOf(
  message: Pick<BoxMessage, "replyToId" | "topicId">,
): tl.RawMessageReplyHeader | undefined {
  const { replyToId, topicId } = message;
  if (topicId === undefined) {
    return replyToId === undefined
      ? undefined
      : { _: "messageReplyHeader", replyToMsgId: replyToId };
  }
  const replyToMsgId = replyToId ?? topicId;
  return {
    _: "messageReplyHeader",
    forumTopic: true,
    replyToMsgId,
    replyToTopId: replyToMsgId === topicId ? undefined : topicId,
  };
}

/** The accounts the extras and the media mention (the via bot, a contact's user, a profile button's user). */
export function extraUserIds(
  message: MessageExtras & {
    media?: tl.TypeMessageMedia;
    replyMarkup?: tl.TypeReplyMarkup;
  },
): number[] {
  const ids: number[] = [];
  if (message.viaBotId !== undefined) ids.push(message.viaBotId);
  if (message.media?._ === "messageMediaContact" && message.media.userId) {
    ids.push(message.media.userId);
  }
  const markup = message.replyMarkup;
  const rows = markup && "rows" in markup ? markup.rows : [];
  for (const row of rows) {
    for (const button of row.buttons) {
      if (button._ === "keyboardButtonUserProfile") ids.push(button.userId);
    }
  }
  return ids;
}
