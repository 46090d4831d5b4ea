/** ReplyQuote in MTKruto's shape (types.md §13): the part of the replied message a reply quotes. */
import type { tl } from "@mtcute/core";
import { type MessageEntity, renderEntities } from "./message_entity.ts";

/** The quoted text, where it starts in the replied message (UTF-16 units) and its entities. */
export interface ReplyQuote {
  offset: number;
  text: string;
  entities: MessageEntity[];
}

/** The ReplyQuote of a reply header that has the `quote` flag (missing parts default to 0, "" and []). */
export function renderReplyQuote(header: tl.RawMessageReplyHeader): ReplyQuote {
  return {
    offset: header.quoteOffset ?? 0,
    text: header.quoteText ?? "",
    entities: renderEntities(header.quoteEntities),
  };
}
