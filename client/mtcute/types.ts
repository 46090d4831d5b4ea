/**
 * The shapes of the values mtcute's methods (`mtcute.<name>`) send and take,
 * after revival (`bigint`, `Uint8Array`, `Date`). They follow mtcute 0.30's
 * high-level classes, reduced to the fields most programs read, and stay open
 * (`[field: string]: unknown`) for the rest. Self-contained on purpose:
 * importing mtcute's types would pull its packages into every consumer.
 * Updates have MTKruto's shapes instead (see updates.ts).
 */
import type { TlObject } from "../gateway_types.ts";

/** A chat as a method argument: a marked id, `"me"`, a `@username`, a phone, or a TL peer. */
export type InputPeerLike =
  | number
  | string
  | TlObject
  | { inputPeer: TlObject };

/** A message entity (bold, link, mention…). */
export interface MessageEntity {
  offset: number;
  length: number;
  kind: string;
  params?: Record<string, unknown>;
  text?: string;
  [field: string]: unknown;
}

/** Text with formatting: entities as TL-JSON `messageEntity*` objects. */
export interface TextWithEntities {
  text: string;
  entities?: TlObject[];
}

/** Text to send: plain, or with entities. */
export type InputText = string | TextWithEntities;

/** A user or bot. */
export interface User {
  type: "user";
  id: number;
  isSelf: boolean;
  isBot: boolean;
  isPremium: boolean;
  firstName: string;
  lastName: string | null;
  username: string | null;
  displayName: string;
  language: string | null;
  phoneNumber: string | null;
  /** Pass it back as a peer argument. */
  inputPeer: TlObject;
  [field: string]: unknown;
}

/** A group, supergroup or channel. */
export interface Chat {
  type: "chat";
  id: number;
  chatType: "group" | "supergroup" | "channel" | "gigagroup" | "monoforum";
  title: string;
  username: string | null;
  displayName: string;
  inputPeer: TlObject;
  [field: string]: unknown;
}

/** Who sent something, or where: a user or a chat. */
export type Peer = User | Chat;

/** Media in a message; `type` says which (`photo`, `video`, `document`…). */
export interface MessageMedia {
  type: string;
  /** The file id to pass to `download` or to send again (media with a file). */
  fileId?: string;
  uniqueFileId?: string;
  fileSize?: number;
  fileName?: string | null;
  mimeType?: string;
  [field: string]: unknown;
}

/** A message. */
export interface Message {
  id: number;
  chat: Peer;
  sender: Peer;
  date: Date;
  editDate: Date | null;
  text: string;
  entities: MessageEntity[];
  media: MessageMedia | null;
  isOutgoing: boolean;
  isService: boolean;
  replyToMessage: { id: number | null; [field: string]: unknown } | null;
  groupedId: bigint | null;
  [field: string]: unknown;
}

/** A press of an inline keyboard button, as mtcute describes it (updates carry MTKruto's `UpdateCallbackQuery`). */
export interface CallbackQuery {
  /** Pass it (or the whole query) to `answerCallbackQuery`. */
  id: bigint;
  user: User;
  data: Uint8Array | null;
  /** `data` as UTF-8 text. */
  dataStr: string | null;
  game: string | null;
  /** Set for buttons under regular messages. */
  chat?: Peer;
  messageId?: number;
  [field: string]: unknown;
}

/** Parameters common to sending methods (see mtcute's `CommonSendParams`). */
export interface SendParams {
  /** The message id to reply to. */
  replyTo?: number;
  threadId?: number;
  silent?: boolean;
  /** Schedule the message for this time (a number is UNIX time in ms). */
  schedule?: Date | number | "online";
  /** For bots: an inline or reply keyboard, e.g. `{type: "inline", buttons: [[…]]}`. */
  replyMarkup?: Record<string, unknown>;
  disableWebPreview?: boolean;
  businessConnectionId?: string;
  [param: string]: unknown;
}

/**
 * Media to send: a file id or URL as a string, or an object such as
 * `{type: "photo", file: blob, caption: "…"}` whose `file` may be a `Blob`,
 * `File`, `ReadableStream`, `InputFile`, file id or URL.
 */
export type InputMedia = string | {
  type: string;
  file?: unknown;
  caption?: InputText;
  [field: string]: unknown;
};
