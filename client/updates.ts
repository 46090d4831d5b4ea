/**
 * Updates as the gateway delivers them — MTKruto's `Update` objects with the
 * gateway's id, `{"updateId": n, "type": "<type>", "<type>": payload}` — and
 * handlers per type, for programs that want a plain object of handlers
 * rather than the Composer's middleware.
 */
import { MtkrutoError } from "./errors.ts";
import type { Update, UpdatePayloads } from "./mtkruto/types.ts";

export type { Update, UpdatePayloads } from "./mtkruto/types.ts";

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
  "preCheckoutQuery",
  "chatMember",
  "myChatMember",
  "businessConnection",
  "joinRequest",
  "story",
  "deletedStory",
  "videoChat",
] as const satisfies readonly UpdateKind[];

// Fails to compile when a type of UpdatePayloads is missing from UPDATE_KINDS.
const _everyKindListed: Record<
  Exclude<UpdateKind, typeof UPDATE_KINDS[number]>,
  never
> = {};

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

/** What takes the updates: one function for all of them (a Composer's `handleUpdate`), or handlers by type. */
export type UpdateReceiver = UpdateHandlers | ((update: Update) => unknown);

/** Hands one update to `receiver`, awaiting it; rethrows what it throws. */
export async function deliverUpdate(
  update: Update,
  receiver: UpdateReceiver,
): Promise<void> {
  if (typeof receiver === "function") await receiver(update);
  else await dispatchUpdate(update, receiver);
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
