/** MessageReference in MTKruto's shape (types.md §13): which message of which chat. */

/** A message named by its chat (marked id) and its id in that chat. */
export interface MessageReference {
  chatId: number;
  messageId: number;
}

/** The MessageReference of a message id in a chat. */
export function messageReference(
  chatId: number,
  messageId: number,
): MessageReference {
  return { chatId, messageId };
}
