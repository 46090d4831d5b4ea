/**
 * Forum topics: createTopic's, editTopic's and getTopics' params. Topics
 * themselves (Topic, TopicList, TopicListItem) are result types and come
 * from ../types.ts.
 *
 * @module
 */
import type { ID } from "./common.ts";

/** createTopic's params. */
export interface CreateTopicParams {
  /** The color of the default topic icon (RGB, 0–0xFFFFFF); Telegram offers 0x6FB9F0, 0xFFD67E, 0xCB86DB, 0x8EEE98, 0xFF93B2 and 0xFB6F5F. */
  color?: number;
  /** A custom emoji (its id, a decimal string) to show as the topic's icon. */
  customEmojiId?: string;
  /** The chat to create the topic as. User accounts only. */
  sendAs?: ID;
}

/** editTopic's params. */
export interface EditTopicParams {
  /** A custom emoji (its id, a decimal string) to show as the topic's new icon. */
  customEmojiId?: string;
}

/** getTopics' params: where a page starts and how long it is. */
export interface GetTopicsParams {
  /** The id of the last item's `lastMessage` on the previous page. */
  offsetId?: number;
  /** The id of the last item's topic on the previous page. */
  offsetTopicId?: number;
  /** The date of the last item's `lastMessage` on the previous page. */
  offsetDate?: number;
  /** How many topics, 1–100 (default 100). */
  limit?: number;
}
