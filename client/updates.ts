/**
 * Updates as the gateway delivers them — MTKruto's `Update` objects with the
 * gateway's id, `{"updateId": n, "type": "<type>", "<type>": payload}` — and
 * handlers per type: the one dispatch used by both polling and webhooks.
 */
import { MtkrutoError } from "./errors.ts";

/** A payload this library does not describe field by field. */
export type UpdateData = Record<string, unknown>;

/** A chat or user where an update names one (MTKruto's `ChatP`), with the fields this library reads typed. */
export interface UpdateChat {
  /** Bot-API-style marked id: users > 0, basic groups < 0, channels and supergroups -100…. */
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  [field: string]: unknown;
}

/** A message in an update (MTKruto's `Message`); `type` says which variant (`text`, `photo`, `document`…). */
export interface UpdateMessage {
  type: string;
  id: number;
  chat: UpdateChat;
  /** The sender: a user, or the chat itself for channel posts and anonymous admins. */
  from: UpdateChat;
  /** Unix seconds. */
  date: number;
  isOutgoing: boolean;
  /** Set on `text` messages. */
  text?: string;
  [field: string]: unknown;
}

/** A press of an inline keyboard button (MTKruto's `CallbackQuery`). */
export interface UpdateCallbackQuery {
  /** The query id as a decimal string; pass it (or the query) to `answerCallbackQuery`. */
  id: string;
  from: UpdateData & { id: number };
  /** The message under which the button was pressed (not for inline messages). */
  message?: UpdateMessage;
  inlineMessageId?: string;
  chatInstance?: string;
  /** The button's callback data as text. */
  data?: string;
  [field: string]: unknown;
}

/** Which message went away: MTKruto's `MessageReference`. */
export interface MessageReference {
  chatId: number;
  messageId: number;
}

/** The payload of each update type (MTKruto's `Update.type` values). */
export interface UpdatePayloads {
  message: UpdateMessage;
  editedMessage: UpdateMessage;
  deletedMessages: MessageReference[];
  callbackQuery: UpdateCallbackQuery;
  inlineQuery: UpdateData & { id: string; query: string };
  chosenInlineResult: UpdateData;
  poll: UpdateData;
  pollAnswer: UpdateData;
  chatAction: UpdateData;
  messageReactions: UpdateData;
  messageReactionCount: UpdateData;
}

/** One update type. */
export type UpdateKind = keyof UpdatePayloads;

/** Every update type, e.g. for `allowedUpdates` (kept equal to the server's by tests/client/contract_test.ts). */
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
] as const satisfies readonly UpdateKind[];

// Fails to compile when a type of UpdatePayloads is missing from UPDATE_KINDS.
const _everyKindListed: Record<
  Exclude<UpdateKind, typeof UPDATE_KINDS[number]>,
  never
> = {};

/** An update: its id, its `type`, and the payload under the key of the same name (some types carry more keys). */
export type Update = {
  [K in UpdateKind]:
    & { updateId: number; type: K }
    & { [P in K]: UpdatePayloads[K] }
    & UpdateData;
}[UpdateKind];

/** Handlers by update type; each gets the payload and the whole update. */
export type UpdateHandlers =
  & {
    [K in UpdateKind]?: (
      payload: UpdatePayloads[K],
      update: Update,
    ) => unknown;
  }
  & {
    /** Updates whose type has no handler above (also types newer than this library). */
    fallback?: (update: Update) => unknown;
  };

/** A handler threw; the update it failed on is not confirmed. */
export class UpdateHandlerError extends MtkrutoError {
  override name = "UpdateHandlerError";
  constructor(readonly update: Update, cause: unknown) {
    super(
      `The ${
        updateKind(update)
      } handler failed on update ${update.updateId}: ${cause}`,
      { cause },
    );
  }
}

/** The type of an update (its `type` key), or `"unknown"` when it has none. Never throws. */
export function updateKind(update: Update): string {
  const type = (update as { type?: unknown }).type;
  return typeof type === "string" ? type : "unknown";
}

/**
 * Runs the handler for the update's type (or `fallback`), awaiting it;
 * returns whether one ran. Rethrows what the handler throws.
 */
export async function dispatchUpdate(
  update: Update,
  handlers: UpdateHandlers,
): Promise<boolean> {
  const kind = updateKind(update);
  if (
    kind !== "fallback" && Object.hasOwn(handlers, kind) &&
    Object.hasOwn(update, kind)
  ) {
    const handler = handlers[kind as UpdateKind] as
      | ((payload: unknown, update: Update) => unknown)
      | undefined;
    if (handler) {
      await handler((update as UpdateData)[kind], update);
      return true;
    }
  }
  if (handlers.fallback) {
    await handlers.fallback(update);
    return true;
  }
  return false;
}

/**
 * Checks that a parsed JSON value is a list of updates; throws TypeError
 * naming what is wrong.
 */
export function assertUpdates(value: unknown): asserts value is Update[] {
  if (!Array.isArray(value)) {
    throw new TypeError("Expected an array of updates");
  }
  for (const item of value) {
    if (
      typeof item !== "object" || item === null || Array.isArray(item) ||
      !Number.isSafeInteger((item as { updateId?: unknown }).updateId) ||
      typeof (item as { type?: unknown }).type !== "string"
    ) {
      throw new TypeError(
        'Expected updates shaped {"updateId": <integer>, "type": "<type>", …}',
      );
    }
  }
}
