/** The Message type in MTKruto's shape (types.md §4): common fields and every variant, told apart by `type`. */
import type {
  Checklist,
  ChecklistChanged,
  ChecklistItem,
} from "./checklist.ts";
import type { ForwardHeader } from "./forward_header.ts";
import type { Giveaway } from "./giveaway.ts";
import type { LinkPreview } from "./link_preview.ts";
import type {
  Animation,
  Audio,
  Contact,
  Dice,
  Document,
  Game,
  Invoice,
  Location,
  Photo,
  Sticker,
  Venue,
  Video,
  VideoNote,
  Voice,
} from "./media.ts";
import type { MessageEntity } from "./message_entity.ts";
import type { RefundedPayment, SuccessfulPayment } from "./payment.ts";
import type { ChatP, User } from "./peers.ts";
import type { Poll, PollOption } from "./poll.ts";
import type { MessageReaction } from "./reactions.ts";
import type { ReplyMarkup } from "./reply_markup.ts";
import type { ReplyQuote } from "./reply_quote.ts";

/** Fields of every message (types.md §4.1); service messages carry only some of them. */
export interface MessageBase {
  isOutgoing: boolean;
  id: number;
  chat: ChatP;
  link?: string;
  date: number;
  views?: number;
  forwards?: number;
  isTopicMessage: boolean;
  hasProtectedContent?: boolean;
  senderBoostCount?: number;
  effectId?: string;
  isScheduled?: true;
  from: ChatP;
  for?: ChatP;
  directMessagesTopicId?: number;
  reactions?: MessageReaction[];
  replyQuote?: ReplyQuote;
  threadId?: number;
  replyToMessageId?: number;
  businessConnectionId?: string;
  replyToMessage?: Message;
  replyMarkup?: ReplyMarkup;
  viaBot?: User;
  viaBusinessBot?: User;
  authorSignature?: string;
  tag?: string;
  isAutomaticForward?: boolean;
  forwardFrom?: ForwardHeader;
  mediaGroupId?: string;
  editDate?: number;
  starCount?: number;
}

/** Fields of messages that carry a captioned medium. */
export interface MediaBase extends MessageBase {
  caption: string;
  captionEntities: MessageEntity[];
  selfDestruct?: number | "afterOpen";
  isSpoiler?: boolean;
}

type Variant<T extends string, Base, Payload = unknown> =
  & { type: T }
  & Base
  & Payload;

/** A message with text, or a medium, or nothing MTKruto knows (types.md §4.3). */
export type ContentMessage =
  | Variant<"text", MessageBase, {
    text: string;
    entities: MessageEntity[];
    linkPreview?: LinkPreview;
  }>
  | Variant<"link", MessageBase, { linkPreview: LinkPreview & { url: string } }>
  | Variant<"photo", MediaBase, { photo: Photo }>
  | Variant<"livePhoto", MediaBase, { photo: Photo; video: Video }>
  | Variant<"document", MediaBase, { document: Document }>
  | Variant<"video", MediaBase, { video: Video }>
  | Variant<"animation", MediaBase, { animation: Animation }>
  | Variant<"voice", MediaBase, { voice: Voice }>
  | Variant<"audio", MediaBase, { audio: Audio }>
  | Variant<"sticker", MessageBase, { sticker: Sticker }>
  | Variant<"videoNote", MessageBase, { videoNote: VideoNote }>
  | Variant<"contact", MediaBase, { contact: Contact }>
  | Variant<"dice", MessageBase, { dice: Dice }>
  | Variant<"game", MessageBase, { game: Game }>
  | Variant<"poll", MessageBase, { poll: Poll }>
  | Variant<"checklist", MessageBase, { checklist: Checklist }>
  | Variant<"invoice", MessageBase, { invoice: Invoice }>
  | Variant<"venue", MessageBase, { venue: Venue }>
  | Variant<"location", MessageBase, { location: Location }>
  | Variant<"giveaway", MessageBase, { giveaway: Giveaway }>
  | Variant<"unsupported", MessageBase>;

/** A service message: something happened in the chat (types.md §4.4). */
export type ServiceMessage =
  | Variant<"newChatMembers", MessageBase, { newChatMembers: User[] }>
  | Variant<"leftChatMember", MessageBase, { leftChatMember: User }>
  | Variant<"newChatTitle", MessageBase, { newChatTitle: string }>
  | Variant<"newChatPhoto", MessageBase, { newChatPhoto: Photo }>
  | Variant<"deletedChatPhoto", MessageBase>
  | Variant<"groupCreated", MessageBase, { newChatMembers: User[] }>
  | Variant<"supergroupCreated", MessageBase>
  | Variant<"channelCreated", MessageBase>
  | Variant<"newAutoDeleteTime", MessageBase, { newAutoDeleteTime: number }>
  | Variant<"chatMigratedTo", MessageBase, { chatMigratedTo: number }>
  | Variant<"chatMigratedFrom", MessageBase, { chatMigratedFrom: number }>
  | Variant<"pinnedMessage", MessageBase, { pinnedMessage: Message }>
  | Variant<"userShared", MessageBase, {
    userShared: { requestId: number; userId: number };
  }>
  | Variant<"writeAccessAllowed", MessageBase, {
    writeAccessAllowed: { miniAppName?: string };
  }>
  | Variant<"forumTopicCreated", MessageBase, {
    forumTopicCreated: { name: string; color: number; customEmojiId?: string };
  }>
  | Variant<"forumTopicEdited", MessageBase, {
    forumTopicEdited: { name: string; customEmojiId?: string };
  }>
  | Variant<"forumTopicClosed", MessageBase>
  | Variant<"forumTopicReopened", MessageBase>
  | Variant<"videoChatScheduled", MessageBase, {
    videoChatScheduled: { startDate: number };
  }>
  | Variant<"videoChatStarted", MessageBase>
  | Variant<"videoChatEnded", MessageBase, {
    videoChatEnded: { duration: number };
  }>
  | Variant<"successfulPayment", MessageBase, {
    successfulPayment: SuccessfulPayment;
  }>
  | Variant<"refundedPayment", MessageBase, {
    refundedPayment: RefundedPayment;
  }>
  | Variant<"checklistChanged", MessageBase, {
    checklistChanged: ChecklistChanged;
  }>
  | Variant<"checklistExtended", MessageBase, {
    checklistExtended: ChecklistItem[];
  }>
  | Variant<"pollOptionAdded", MessageBase, { pollOptionAdded: PollOption }>
  | Variant<"pollOptionRemoved", MessageBase, { pollOptionRemoved: PollOption }>
  | Variant<"screenshotTaken", MessageBase>
  | Variant<"unsupported", MessageBase>;

/** A message as MTKruto renders it. */
export type Message = ContentMessage | ServiceMessage;
