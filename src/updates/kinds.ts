/** Update kinds: camelCase of mtcute's parsed update names, as sent in `{"updateId", "<kind>"}`. */

/** Every kind a client can receive, documented in docs/updates.md. */
export const UPDATE_KINDS = [
  "newMessage",
  "editMessage",
  "deleteMessage",
  "messageGroup",
  "callbackQuery",
  "inlineQuery",
  "chosenInlineResult",
  "inlineCallbackQuery",
  "chatMember",
  "chatJoinRequest",
  "botChatJoinRequest",
  "botStopped",
  "poll",
  "pollVote",
  "userStatus",
  "userTyping",
  "historyRead",
  "preCheckoutQuery",
  "story",
  "deleteStory",
  "botReaction",
  "botReactionCount",
  "businessConnection",
  "newBusinessMessage",
  "editBusinessMessage",
  "deleteBusinessMessage",
  "businessMessageGroup",
  "businessCallbackQuery",
  "botGuestChatQuery",
] as const;

/** One update kind. */
export type UpdateKind = typeof UPDATE_KINDS[number];

const KINDS = new Set<string>(UPDATE_KINDS);

/** `new_message` → `newMessage`. */
export function kindOf(mtcuteName: string): string {
  return mtcuteName.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Whether `name` is a known update kind. */
export function isUpdateKind(name: string): name is UpdateKind {
  return KINDS.has(name);
}
