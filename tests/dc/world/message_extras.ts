/**
 * What bots, inline mode, albums and polls add to a message: `via_bot_id`,
 * `grouped_id`, `silent`, the inline message id, and the poll as the viewer
 * sees it. Kept apart from `mailboxes.ts`, which spreads them into its TL
 * messages.
 */
import type { Long, tl } from "@mtcute/core";
import { viewPollMedia } from "./polls.ts";

/** The optional parts of a message that `mailboxes.ts` stores but does not interpret. */
export interface MessageExtras {
  /** The bot whose inline result this message is. */
  viaBotId?: number;
  /** Shared by the messages of one album. */
  groupedId?: Long;
  silent?: boolean;
  /** Set on messages sent from an inline result with an inline keyboard: how the bot edits it and names it in callback queries. */
  inlineMessageId?: tl.RawInputBotInlineMessageID;
}

/** The names of `MessageExtras`' fields, for `Pick`. */
export type MessageExtraKey = keyof MessageExtras;

/** The TL `message` fields the extras set, for the copy as `viewerId` sees it (its own poll votes marked). */
export function extrasToTl(
  message: MessageExtras & { media?: tl.TypeMessageMedia },
  viewerId: number,
): Pick<tl.RawMessage, "viaBotId" | "groupedId" | "silent" | "media"> {
  return {
    viaBotId: message.viaBotId,
    groupedId: message.groupedId,
    silent: message.silent,
    media: message.media && viewPollMedia(message.media, viewerId),
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
