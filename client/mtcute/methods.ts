/**
 * Types of the commonly used mtcute methods, for `client.call(name, …)` and
 * `client.mtcute.<name>(…)`. The gateway calls mtcute's methods as
 * `mtcute.<name>` (its own names are MTKruto's methods); signatures follow
 * mtcute 0.30's `TelegramClient`. Every other method is callable untyped.
 */
import type {
  CallbackQuery,
  Chat,
  InputMedia,
  InputPeerLike,
  InputText,
  Message,
  Peer,
  SendParams,
  User,
} from "./types.ts";
import type { TlObject } from "../gateway_types.ts";

/** Identifies a message: a chat and a message id. */
export interface MessageRef {
  chatId: InputPeerLike;
  message: number;
}

/** `mtcute.editMessage`'s single argument. */
export interface EditMessageParams extends MessageRef {
  /** The new text (for media: use `media.caption`). */
  text?: InputText;
  media?: InputMedia;
  disableWebPreview?: boolean;
  /** For bots: the new keyboard; left out, the keyboard is removed. */
  replyMarkup?: Record<string, unknown>;
  [param: string]: unknown;
}

/** `mtcute.forwardMessagesById`' single argument. */
export interface ForwardMessagesParams {
  toChatId: InputPeerLike;
  fromChatId: InputPeerLike;
  messages: number[];
  silent?: boolean;
  /** Forward without the "Forwarded from" header. */
  noAuthor?: boolean;
  noCaption?: boolean;
  [param: string]: unknown;
}

/** `mtcute.getHistory`'s options. */
export interface GetHistoryParams {
  /** At most this many messages (default 100). */
  limit?: number;
  /** Start from this message (exclusive) and date. */
  offset?: { id: number; date: number };
  addOffset?: number;
  minId?: number;
  maxId?: number;
  /** Oldest first, starting from `offset` (inclusive). */
  reverse?: boolean;
}

/** `mtcute.answerCallbackQuery`'s options. */
export interface AnswerCallbackQueryParams {
  /** A notification (0–200 characters); nothing is shown without it. */
  text?: string;
  /** Show `text` as an alert instead of a notification. */
  alert?: boolean;
  url?: string;
  /** Seconds the answer may be cached by the Telegram app (default 0). */
  cacheTime?: number;
}

/** The typed methods, by the name the gateway knows them by: parameters and the revived result of each. */
export interface Methods {
  "mtcute.getMe"(): User;
  "mtcute.getUsers"(ids: InputPeerLike | InputPeerLike[]): (User | null)[];
  "mtcute.getChat"(chatId: InputPeerLike): Chat;
  "mtcute.resolvePeer"(peerId: InputPeerLike, force?: boolean): TlObject;
  "mtcute.sendText"(
    chatId: InputPeerLike,
    text: InputText,
    params?: SendParams,
  ): Message;
  "mtcute.sendMedia"(
    chatId: InputPeerLike,
    media: InputMedia,
    params?: SendParams & { caption?: InputText },
  ): Message;
  "mtcute.editMessage"(params: EditMessageParams): Message;
  "mtcute.deleteMessagesById"(
    chatId: InputPeerLike,
    ids: number[],
    params?: { revoke?: boolean },
  ): void;
  "mtcute.deleteMessages"(
    messages: { id: number; chat: Peer }[],
    params?: { revoke?: boolean },
  ): void;
  "mtcute.forwardMessagesById"(params: ForwardMessagesParams): Message[];
  "mtcute.getMessages"(
    chatId: InputPeerLike,
    messageIds: number | number[],
    fromReply?: boolean,
  ): (Message | null)[];
  "mtcute.getHistory"(
    chatId: InputPeerLike,
    params?: GetHistoryParams,
  ): Message[];
  "mtcute.answerCallbackQuery"(
    queryId: bigint | CallbackQuery,
    params?: AnswerCallbackQueryParams,
  ): void;
  "mtcute.sendTyping"(chatId: InputPeerLike, status?: string): void;
}

/** A typed method's name. */
export type MethodName = keyof Methods;

/**
 * `client.mtcute`: mtcute's methods by their own names, the typed ones with
 * their signatures and any other name untyped.
 */
export type MtcuteMethods =
  & {
    [K in MethodName as K extends `mtcute.${infer Name}` ? Name : never]: (
      ...args: Parameters<Methods[K]>
    ) => Promise<ReturnType<Methods[K]>>;
  }
  & { [name: string]: (...args: unknown[]) => Promise<unknown> };
