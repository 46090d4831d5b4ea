/**
 * MTKruto's Update objects (types.md §3.1) as the gateway delivers them:
 * `{updateId, type, [type]: payload}`, one variant per update type it sends.
 */
import type { BusinessConnection } from "./business_connection.ts";
import type { ChatActionType } from "./chat_action.ts";
import type { ChatMemberUpdated } from "./chat_member_updated.ts";
import type { JoinRequest } from "./join_request.ts";
import type { Message } from "./message_types.ts";
import type { MessageReference } from "./message_reference.ts";
import type { ChatP } from "./peers.ts";
import type { Poll } from "./poll.ts";
import type { PreCheckoutQuery } from "./pre_checkout_query.ts";
import type {
  CallbackQuery,
  ChosenInlineResult,
  InlineQuery,
} from "./queries.ts";
import type { MessageReactionCount, MessageReactions } from "./reactions.ts";
import type { Story, StoryReference } from "./story.ts";
import type { VideoChat } from "./video_chat.ts";

/** A vote in a non-anonymous poll the bot sent. */
export interface PollAnswer {
  pollId: string;
  from: ChatP;
  optionIndexes: number[];
}

/** What a member of a chat is doing there ("typing…"). */
export interface ChatAction {
  type: ChatActionType;
  chatId: number;
  fromId: number;
  messageThreadId?: number;
}

/** Each update type the gateway delivers and the payload under its name. */
export interface UpdatePayloads {
  message: Message;
  editedMessage: Message;
  deletedMessages: MessageReference[];
  callbackQuery: CallbackQuery;
  inlineQuery: InlineQuery;
  chosenInlineResult: ChosenInlineResult;
  poll: Poll;
  pollAnswer: PollAnswer;
  chatAction: ChatAction;
  messageReactions: MessageReactions;
  messageReactionCount: MessageReactionCount;
  preCheckoutQuery: PreCheckoutQuery;
  chatMember: ChatMemberUpdated;
  myChatMember: ChatMemberUpdated;
  businessConnection: BusinessConnection;
  joinRequest: JoinRequest;
  story: Story;
  deletedStory: StoryReference;
  videoChat: VideoChat;
}

/** Keys some update types carry beside their payload, as MTKruto sets them. */
export interface UpdateExtras {
  /** `isScheduled`: the messages left a schedule queue (sent or deleted), their ids are the queue's. */
  deletedMessages: { isScheduled?: true };
}

/** The update of type `K`, without the gateway's `updateId`. */
export type UpdateOf<K extends keyof UpdatePayloads> =
  & { type: K }
  & { [P in K]: UpdatePayloads[K] }
  & (K extends keyof UpdateExtras ? UpdateExtras[K] : unknown);

/** One update as `getUpdates` and webhooks deliver it. */
export type Update = {
  [K in keyof UpdatePayloads]: { updateId: number } & UpdateOf<K>;
}[keyof UpdatePayloads];
