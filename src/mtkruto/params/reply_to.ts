/** MTKruto 0.216's ReplyTo (with `type`) → the reply fields of mtcute's CommonSendParams (methods.md §A.1, §B.2). */
import type { TextWithEntities } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { toTlEntities } from "../text/parse_mode.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import { toChatId } from "./chat_id.ts";
import {
  at,
  given,
  NON_NEGATIVE_INT32,
  optionalInteger,
  optionalObject,
  POSITIVE_INT32,
  readObject,
  readType,
  requiredInteger,
  requiredString,
} from "./read.ts";

/** The reply fields of mtcute's CommonSendParams that a ReplyTo sets. */
export interface ReplyToOptions {
  replyTo?: number;
  quote?: TextWithEntities;
  quoteOffset?: number;
  replyToPollOption?: Uint8Array;
  replyToTodoItem?: number;
  replyToStory?: number;
}

const REPLY_TO_TYPES = ["message", "story", "ephemeralMessage"] as const;

/**
 * `{type: "message", messageId, quote?, pollOptionIndex?, checklistItemId?}`
 * or `{type: "story", chatId, storyId}`. mtcute replies only to stories of
 * the chat the message goes to, so a story's `chatId` is checked but not
 * sent. Ephemeral messages do not exist in mtcute's layer: refused.
 */
export function toReplyTo(value: unknown, path: string): ReplyToOptions {
  const replyTo = readObject(value, path);
  const type = readType(replyTo, path, REPLY_TO_TYPES);
  switch (type) {
    case "message":
      return messageReply(replyTo, path);
    case "story":
      toChatId(replyTo.chatId, at(path, "chatId"));
      return {
        replyToStory: requiredInteger(replyTo, "storyId", path, POSITIVE_INT32),
      };
    case "ephemeralMessage":
      throw new InputError(
        `${path}: replies to ephemeral messages are not supported by this server`,
      );
  }
}

function messageReply(
  replyTo: Record<string, unknown>,
  path: string,
): ReplyToOptions {
  const messageId = requiredInteger(
    replyTo,
    "messageId",
    path,
    POSITIVE_INT32,
  );
  const quote = optionalObject(replyTo, "quote", path);
  const quotePath = at(path, "quote");
  const pollOptionIndex = optionalInteger(
    replyTo,
    "pollOptionIndex",
    path,
    NON_NEGATIVE_INT32,
  );
  return omitUndefined({
    replyTo: messageId,
    quote: quote === undefined ? undefined : {
      text: requiredString(quote, "text", quotePath, { nonEmpty: true }),
      entities: given(quote, "entities")
        ? toTlEntities(quote.entities, at(quotePath, "entities"))
        : [],
    },
    quoteOffset: quote === undefined
      ? undefined
      : optionalInteger(quote, "offset", quotePath, NON_NEGATIVE_INT32),
    // Telegram names a poll option by its bytes; MTKruto sends the index's decimal digits.
    replyToPollOption: pollOptionIndex === undefined
      ? undefined
      : new TextEncoder().encode(String(pollOptionIndex)),
    replyToTodoItem: optionalInteger(
      replyTo,
      "checklistItemId",
      path,
      NON_NEGATIVE_INT32,
    ),
  });
}
