/**
 * What makes two updates the same update. After a crash, mtcute may fetch
 * again what it had already handed over (its saved state lags behind the
 * queue); these keys let the queue recognise such repeats and skip them.
 */

interface Identifiable {
  id?: unknown;
  chat?: { id?: unknown };
  editDate?: Date | null;
  messageIds?: number[];
  channelId?: number | null;
}

const messageKey = (message: Identifiable) =>
  `${String(message.chat?.id)}:${String(message.id)}`;

/** A key naming the update, or undefined for kinds that are never fetched twice the same way. */
export function updateIdentity(
  kind: string,
  data: unknown,
): string | undefined {
  const update = data as Identifiable;
  switch (kind) {
    case "newMessage":
    case "newBusinessMessage":
      return `${kind}:${messageKey(update)}`;
    case "editMessage":
    case "editBusinessMessage":
      // One message can be edited many times; each edit is its own update.
      return `${kind}:${messageKey(update)}:${update.editDate?.getTime() ?? 0}`;
    case "messageGroup":
    case "businessMessageGroup": {
      const messages = data as Identifiable[];
      return `${kind}:${messages.map(messageKey).join(",")}`;
    }
    case "deleteMessage":
      return `${kind}:${update.channelId ?? 0}:${update.messageIds?.join(",")}`;
    case "callbackQuery":
    case "inlineQuery":
    case "chosenInlineResult":
    case "preCheckoutQuery":
    case "botGuestChatQuery":
      return `${kind}:${String(update.id)}`;
    default:
      return undefined;
  }
}
