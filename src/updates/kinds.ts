/** Update types: MTKruto's `Update.type` values, as the queue stores and `allowedUpdates` names them. */

/** Every type a client can receive, documented in docs/updates.md. */
export const UPDATE_KINDS = [
  "message",
  "editedMessage",
  "deletedMessages",
  "callbackQuery",
  "inlineQuery",
  "chosenInlineResult",
  "poll",
  "pollAnswer",
  "chatAction",
  "messageReactions",
  "messageReactionCount",
  "preCheckoutQuery",
  "chatMember",
  "myChatMember",
  "businessConnection",
  "joinRequest",
  "story",
  "deletedStory",
  "videoChat",
] as const;

/** One update type. */
export type UpdateKind = typeof UPDATE_KINDS[number];

const KINDS = new Set<string>(UPDATE_KINDS);

/** Whether `name` is a known update type. */
export function isUpdateKind(name: string): name is UpdateKind {
  return KINDS.has(name);
}
