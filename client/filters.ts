/**
 * Filter queries, as MTKruto names them: `"message"` (an update type),
 * `"message:text"` (a message update whose message is of that type),
 * `":photo"` (a new or edited message of that type), `"callbackQuery:data"`
 * (a query that has that field). The matcher and the types that narrow a
 * context to what a query guarantees.
 *
 * @module
 */
import type {
  CallbackQuery,
  ChatP,
  Message,
  MessageOf,
  Update,
  UpdatePayloads,
} from "./mtkruto/types.ts";

/** Every update type the gateway delivers. */
export type UpdateType = keyof UpdatePayloads;

/** The update types whose payload is a message, filterable by the message's `type`. */
type MessageUpdateType = "message" | "editedMessage";

/** The update types filterable by a field being present, and those fields. */
interface FieldFilters {
  callbackQuery: "message" | "inlineMessageId" | "data" | "gameShortName";
  chosenInlineResult: "inlineMessageId";
}

/** What `on()` takes: an update type, or one narrowed by a second level. */
export type FilterQuery =
  | UpdateType
  | `${MessageUpdateType | ""}:${Message["type"]}`
  | {
    [K in keyof FieldFilters]: `${K}:${FieldFilters[K]}`;
  }[keyof FieldFilters];

/** An update of type `K` whose payload is `P`. */
type UpdateWith<K extends UpdateType, P> = K extends unknown
  ? { updateId: number; type: K } & { [Key in K]: P }
  : never;

/** A payload whose optional fields `F` are present. */
type WithFields<P, F extends keyof P> =
  & P
  & { [Key in F]-?: NonNullable<P[Key]> };

/** The updates a query matches. */
export type FilteredUpdate<Q extends FilterQuery> = Q extends UpdateType
  ? Extract<Update, { type: Q }>
  : Q extends `${infer L1}:${infer L2}` ? (
      L1 extends keyof FieldFilters
        ? L2 extends keyof UpdatePayloads[L1]
          ? UpdateWith<L1, WithFields<UpdatePayloads[L1], L2>>
        : never
        : L2 extends Message["type"] ? UpdateWith<
            L1 extends MessageUpdateType ? L1 : MessageUpdateType,
            MessageOf<L2>
          >
        : never
    )
  : never;

/** The message an update is about: a new or edited one, or the one under a pressed button. */
type MsgOf<U> = U extends { type: "message"; message: infer M } ? M
  : U extends { type: "editedMessage"; editedMessage: infer M } ? M
  : U extends
    { type: "callbackQuery"; callbackQuery: infer Q extends CallbackQuery }
    ? Q["message"]
  : undefined;

/** `chat` of each message in `M` (distributes, so `Message | undefined` gives `ChatP | undefined`). */
type ChatOfMessage<M> = M extends { chat: infer C } ? C : undefined;

/** The chat an update is about: its message's, the reactions' or the membership change's. */
type ChatOf<U> = U extends {
  type:
    | "messageReactions"
    | "messageReactionCount"
    | "chatMember"
    | "myChatMember"
    | "story"
    | "joinRequest";
} ? ChatP
  : ChatOfMessage<MsgOf<U>>;

/** `id` of each chat in `C`, or undefined for no chat. */
type IdOf<C> = C extends { id: infer I } ? I : undefined;

/** The chat id an update is about; a chat action and a story deletion name only the id. */
type ChatIdOf<U> = U extends { type: "chatAction" | "deletedStory" } ? number
  : IdOf<ChatOf<U>>;

/** `from` of each message in `M`, or undefined for no message. */
type FromOfMessage<M> = M extends { from: infer F } ? F : undefined;

/** Who caused an update: the query's user, the reacting user, the voter, the one asking to join, else the message's sender. */
type FromOf<U> = U extends
  { type: "callbackQuery"; callbackQuery: { from: infer F } } ? F
  : U extends { type: "inlineQuery"; inlineQuery: { from: infer F } } ? F
  : U extends
    { type: "chosenInlineResult"; chosenInlineResult: { from: infer F } } ? F
  : U extends { type: "messageReactions"; messageReactions: { user?: infer F } }
    ? F | undefined
  : U extends { type: "pollAnswer"; pollAnswer: { from: infer F } } ? F
  : U extends { type: "chatMember"; chatMember: { from: infer F } } ? F
  : U extends { type: "myChatMember"; myChatMember: { from: infer F } } ? F
  : U extends { type: "joinRequest"; joinRequest: { from: infer F } } ? F
  : U extends { type: "preCheckoutQuery"; preCheckoutQuery: { from: infer F } }
    ? F
  : FromOfMessage<MsgOf<U>>;

/** The payload under `K` when `U` is of type `K`, else `undefined`. */
type PayloadOf<U, K extends UpdateType> = U extends
  { type: K } & { [Key in K]: infer P } ? P : undefined;

/**
 * `T`, as a type to intersect with a context property of type `Base`
 * (plus undefined). When `T` does not narrow `Base` it becomes `{}` (the
 * property is set) or `unknown` (nothing known), because intersecting two
 * unions as wide as Message is more than the compiler will represent.
 */
type Narrowing<Base, T> = [Base] extends [T]
  ? [undefined] extends [T] ? unknown : NonNullish
  : T;

/** Anything but null and undefined: intersected with `X | undefined`, it leaves `X`. */
// deno-lint-ignore ban-types
type NonNullish = {};

/** The context's shortcuts, as they are for the updates `U`. */
export interface Shortcuts<U> {
  msg: Narrowing<Message, MsgOf<U>>;
  message: Narrowing<Message, PayloadOf<U, "message">>;
  editedMessage: Narrowing<Message, PayloadOf<U, "editedMessage">>;
  callbackQuery: PayloadOf<U, "callbackQuery">;
  inlineQuery: PayloadOf<U, "inlineQuery">;
  chosenInlineResult: PayloadOf<U, "chosenInlineResult">;
  preCheckoutQuery: PayloadOf<U, "preCheckoutQuery">;
  chat: Narrowing<ChatP, ChatOf<U>>;
  chatId: ChatIdOf<U>;
  from: FromOf<U>;
}

/** The context `C` narrowed to the updates `Q` matches. */
export type WithFilter<C, Q extends FilterQuery> =
  & C
  & { update: FilteredUpdate<Q> }
  & Shortcuts<FilteredUpdate<Q>>;

/** A chat of the type `T`. */
type ChatOfType<T extends ChatP["type"]> = Extract<ChatP, { type: T }>;

/** The context `C` narrowed to updates in a chat of type `T`. */
export type WithChatType<C, T extends ChatP["type"]> =
  & C
  & { chat: ChatOfType<T>; chatId: number }
  & { msg?: { chat: ChatOfType<T> } };

const MESSAGE_UPDATE_TYPES: readonly string[] = ["message", "editedMessage"];

const FIELD_FILTERS: Record<string, readonly string[]> = {
  callbackQuery: ["message", "inlineMessageId", "data", "gameShortName"],
  chosenInlineResult: ["inlineMessageId"],
} satisfies { [K in keyof FieldFilters]: FieldFilters[K][] };

/**
 * A test for the updates `query` matches. Throws when the query has a
 * second level its update type does not have (a typo would never match).
 */
export function createMatch<Q extends FilterQuery>(
  query: Q,
): (update: Update) => update is FilteredUpdate<Q> {
  const [updateType, ...rest] = query.split(":");
  if (rest.length === 0) {
    return (update): update is FilteredUpdate<Q> => update.type === updateType;
  }
  const [second] = rest;
  const byMessageType = updateType === "" ||
    MESSAGE_UPDATE_TYPES.includes(updateType);
  const fields = FIELD_FILTERS[updateType];
  if (
    rest.length > 1 || second === "" ||
    !(byMessageType || fields?.includes(second))
  ) {
    throw new Error(`Invalid filter query: ${JSON.stringify(query)}`);
  }
  if (byMessageType) {
    const types = updateType === "" ? MESSAGE_UPDATE_TYPES : [updateType];
    return (update): update is FilteredUpdate<Q> =>
      types.includes(update.type) &&
      (payload(update) as Message).type === second;
  }
  return (update): update is FilteredUpdate<Q> =>
    update.type === updateType &&
    (payload(update) as Record<string, unknown>)[second] !== undefined;
}

/** Whether `update` is one `query` matches. */
export function matchFilter<Q extends FilterQuery>(
  query: Q,
  update: Update,
): update is FilteredUpdate<Q> {
  return createMatch(query)(update);
}

/** The payload of an update: the value under its type's name. */
function payload(update: Update): unknown {
  return (update as unknown as Record<string, unknown>)[update.type];
}
