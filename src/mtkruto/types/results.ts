/** Result types of MTKruto's methods that are a Message variant or a small record (types.md §4, §13). */
import type { Message } from "./message_types.ts";

/** The Message variant whose `type` is `T`. */
export type MessageOf<T extends Message["type"]> = Extract<
  Message,
  { type: T }
>;

/** A text message. */
export type MessageText = MessageOf<"text">;
/** A photo message. */
export type MessagePhoto = MessageOf<"photo">;
/** A document message. */
export type MessageDocument = MessageOf<"document">;
/** A video message. */
export type MessageVideo = MessageOf<"video">;
/** An animation (GIF) message. */
export type MessageAnimation = MessageOf<"animation">;
/** A voice message. */
export type MessageVoice = MessageOf<"voice">;
/** An audio message. */
export type MessageAudio = MessageOf<"audio">;
/** A sticker message. */
export type MessageSticker = MessageOf<"sticker">;
/** A round video message. */
export type MessageVideoNote = MessageOf<"videoNote">;
/** A contact message. */
export type MessageContact = MessageOf<"contact">;
/** A dice message. */
export type MessageDice = MessageOf<"dice">;
/** A venue message. */
export type MessageVenue = MessageOf<"venue">;
/** A location message. */
export type MessageLocation = MessageOf<"location">;
/** A poll message. */
export type MessagePoll = MessageOf<"poll">;

/** A page of found messages and how many there are in all. */
export interface MessageList {
  messages: Message[];
  count: number;
}

/** A bot's answer to a callback query, as the user who sent it sees it. */
export interface CallbackQueryAnswer {
  isAlert: boolean;
  text: string;
  url: string;
}
