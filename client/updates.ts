/**
 * Updates as the gateway delivers them, `{"updateId": n, "<kind>": payload}`,
 * and handlers per kind: the one dispatch used by both polling and webhooks.
 */
import { MtkrutoError } from "./errors.ts";
import type {
  CallbackQuery,
  DeleteMessageUpdate,
  InlineQuery,
  Message,
  User,
} from "./types.ts";

/** A payload this library does not describe field by field. */
export type UpdateData = Record<string, unknown>;

/** The payload of each update kind (camelCase of mtcute's update names). */
export interface UpdatePayloads {
  newMessage: Message;
  editMessage: Message;
  deleteMessage: DeleteMessageUpdate;
  messageGroup: Message[];
  callbackQuery: CallbackQuery;
  inlineQuery: InlineQuery;
  chosenInlineResult: { id: string; user: User; query: string } & UpdateData;
  inlineCallbackQuery: CallbackQuery;
  chatMember: UpdateData;
  chatJoinRequest: UpdateData;
  botChatJoinRequest: UpdateData;
  botStopped: UpdateData;
  poll: UpdateData;
  pollVote: UpdateData;
  userStatus: UpdateData;
  userTyping: UpdateData;
  historyRead: UpdateData;
  preCheckoutQuery: UpdateData;
  story: UpdateData;
  deleteStory: UpdateData;
  botReaction: UpdateData;
  botReactionCount: UpdateData;
  businessConnection: UpdateData;
  newBusinessMessage: Message;
  editBusinessMessage: Message;
  deleteBusinessMessage: DeleteMessageUpdate;
  businessMessageGroup: Message[];
  businessCallbackQuery: CallbackQuery;
  botGuestChatQuery: UpdateData;
}

/** One update kind. */
export type UpdateKind = keyof UpdatePayloads;

/** Every update kind, e.g. for `allowedUpdates` (kept equal to the server's by tests/client/contract_test.ts). */
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
] as const satisfies readonly UpdateKind[];

// Fails to compile when a kind of UpdatePayloads is missing from UPDATE_KINDS.
const _everyKindListed: Record<
  Exclude<UpdateKind, typeof UPDATE_KINDS[number]>,
  never
> = {};

/** An update: its id and exactly one kind key holding the payload. */
export type Update = {
  [K in UpdateKind]: { updateId: number } & { [P in K]: UpdatePayloads[K] };
}[UpdateKind];

/** Handlers by update kind; each gets the payload and the whole update. */
export type UpdateHandlers =
  & {
    [K in UpdateKind]?: (
      payload: UpdatePayloads[K],
      update: Update,
    ) => unknown;
  }
  & {
    /** Updates whose kind has no handler above (also kinds newer than this library). */
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

/** The kind of an update: its key other than `updateId`. Never throws. */
export function updateKind(update: Update): string {
  return Object.keys(update).find((key) => key !== "updateId") ?? "unknown";
}

/**
 * Runs the handler for the update's kind (or `fallback`), awaiting it;
 * returns whether one ran. Rethrows what the handler throws.
 */
export async function dispatchUpdate(
  update: Update,
  handlers: UpdateHandlers,
): Promise<boolean> {
  const kind = updateKind(update);
  if (kind !== "fallback" && Object.hasOwn(handlers, kind)) {
    const handler = handlers[kind as UpdateKind] as
      | ((payload: unknown, update: Update) => unknown)
      | undefined;
    if (handler) {
      await handler((update as Record<string, unknown>)[kind], update);
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
      typeof item !== "object" || item === null ||
      !Number.isSafeInteger((item as { updateId?: unknown }).updateId) ||
      Object.keys(item).length !== 2
    ) {
      throw new TypeError(
        'Expected updates shaped {"updateId": <integer>, "<kind>": <payload>}',
      );
    }
  }
}
