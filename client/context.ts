/**
 * The context a middleware gets for one update: the update, the client and
 * the account itself, shortcuts to what the update is about (`msg`, `chat`,
 * `from`…) and MTKruto's context-aware aliases of the client's methods
 * (`reply`, `answerCallbackQuery`, `editMessageText`…), which fill in the
 * chat, the message or the query from the update.
 *
 * @module
 */
import type { DialectMethods } from "./mtkruto/methods.ts";
import type * as P from "./mtkruto/params.ts";
import type {
  FileSource,
  ID,
  InputInlineQueryResult,
  InputMedia,
  InputPollOption,
} from "./mtkruto/params.ts";
import type {
  CallbackQuery,
  ChatActionType,
  ChatP,
  ChosenInlineResult,
  InlineQuery,
  Message,
  MessageAnimation,
  MessageAudio,
  MessageContact,
  MessageDice,
  MessageDocument,
  MessageList,
  MessageLocation,
  MessagePhoto,
  MessagePoll,
  MessageSticker,
  MessageText,
  MessageVenue,
  MessageVideo,
  MessageVideoNote,
  MessageVoice,
  Poll,
  PreCheckoutQuery,
  Update,
  User,
} from "./mtkruto/types.ts";

/** The option every reply helper adds. */
export interface ReplyParams {
  /** Whether to quote the message replied to; by default only outside private chats. */
  isQuoted?: boolean;
}

/** A send method's params as a reply helper takes them: the reply fields come from the update. */
export type ReplyParamsOf<Params> =
  & Omit<
    Params,
    | "replyTo"
    | "messageThreadId"
    | "directMessagesTopicId"
    | "businessConnectionId"
  >
  & ReplyParams;

/** The fields of a reply that the update decides. */
interface ReplyFields {
  replyTo?: { type: "message"; messageId: number };
  messageThreadId?: number;
  directMessagesTopicId?: number;
  businessConnectionId?: string;
}

/** One update with its client and account, and helpers that act on what the update is about. */
export class Context {
  readonly #client: DialectMethods;
  readonly #me: User;
  readonly #update: Update;

  /** A context for `update`, received by the account `me` through `client`. */
  constructor(client: DialectMethods, me: User, update: Update) {
    this.#client = client;
    this.#me = me;
    this.#update = update;
  }

  /** The update being handled. */
  get update(): Update {
    return this.#update;
  }

  /** The client that received the update; the helpers call it. */
  get client(): DialectMethods {
    return this.#client;
  }

  /** The account that received the update. */
  get me(): User {
    return this.#me;
  }

  /** The message the update is about: a new or an edited one, or the one under a pressed button. */
  get msg(): Message | undefined {
    const update = this.update;
    switch (update.type) {
      case "message":
        return update.message;
      case "editedMessage":
        return update.editedMessage;
      case "callbackQuery":
        return update.callbackQuery.message;
    }
    return undefined;
  }

  /** The new message, in a `message` update. */
  get message(): Message | undefined {
    return this.update.type === "message" ? this.update.message : undefined;
  }

  /** The edited message, in an `editedMessage` update. */
  get editedMessage(): Message | undefined {
    return this.update.type === "editedMessage"
      ? this.update.editedMessage
      : undefined;
  }

  /** The button press, in a `callbackQuery` update. */
  get callbackQuery(): CallbackQuery | undefined {
    return this.update.type === "callbackQuery"
      ? this.update.callbackQuery
      : undefined;
  }

  /** The inline query, in an `inlineQuery` update. */
  get inlineQuery(): InlineQuery | undefined {
    return this.update.type === "inlineQuery"
      ? this.update.inlineQuery
      : undefined;
  }

  /** The picked inline result, in a `chosenInlineResult` update. */
  get chosenInlineResult(): ChosenInlineResult | undefined {
    return this.update.type === "chosenInlineResult"
      ? this.update.chosenInlineResult
      : undefined;
  }

  /** The buyer's order, in a `preCheckoutQuery` update. */
  get preCheckoutQuery(): PreCheckoutQuery | undefined {
    return this.update.type === "preCheckoutQuery"
      ? this.update.preCheckoutQuery
      : undefined;
  }

  /** The chat of the message, the reactions, the membership change or the join request the update is about. */
  get chat(): ChatP | undefined {
    const update = this.update;
    if (this.msg !== undefined) return this.msg.chat;
    switch (update.type) {
      case "messageReactions":
        return update.messageReactions.chat;
      case "messageReactionCount":
        return update.messageReactionCount.chat;
      case "chatMember":
        return update.chatMember.chat;
      case "myChatMember":
        return update.myChatMember.chat;
      case "joinRequest":
        return update.joinRequest.chat;
      case "story":
        return update.story.chat;
    }
    return undefined;
  }

  /** The id of `chat`, or of the chat where a chat action happens or whose story was deleted. */
  get chatId(): number | undefined {
    if (this.chat !== undefined) return this.chat.id;
    switch (this.update.type) {
      case "chatAction":
        return this.update.chatAction.chatId;
      case "deletedStory":
        return this.update.deletedStory.chatId;
    }
    return undefined;
  }

  /** Who caused the update: the query's user, the reacting user, the voter, the buyer, who changed a membership, who asks to join, else the message's sender. */
  get from(): User | ChatP | undefined {
    const update = this.update;
    switch (update.type) {
      case "callbackQuery":
        return update.callbackQuery.from;
      case "inlineQuery":
        return update.inlineQuery.from;
      case "chosenInlineResult":
        return update.chosenInlineResult.from;
      case "messageReactions":
        return update.messageReactions.user;
      case "pollAnswer":
        return update.pollAnswer.from;
      case "preCheckoutQuery":
        return update.preCheckoutQuery.from;
      case "chatMember":
        return update.chatMember.from;
      case "myChatMember":
        return update.myChatMember.from;
      case "joinRequest":
        return update.joinRequest.from;
    }
    return this.msg?.from;
  }

  /** The update, so that `JSON.stringify(ctx)` shows it. */
  toJSON(): Update {
    return this.update;
  }

  /** The message the update is about, or a clear error for `method`. */
  #mustGetMsg(method: string): Message {
    const msg = this.msg;
    if (msg === undefined) {
      throw new Error(
        `${method}: this ${this.update.type} update has no message`,
      );
    }
    return msg;
  }

  /** The chat the update is about, or a clear error for `method`. */
  #mustGetChatId(method: string): number {
    const chatId = this.chatId;
    if (chatId === undefined) {
      throw new Error(`${method}: this ${this.update.type} update has no chat`);
    }
    return chatId;
  }

  /** The inline message a chosen result or a button press is about. */
  #mustGetInlineMessageId(method: string): string {
    const inlineMessageId = this.chosenInlineResult?.inlineMessageId ??
      this.callbackQuery?.inlineMessageId;
    if (inlineMessageId === undefined) {
      throw new Error(
        `${method}: this ${this.update.type} update has no inline message`,
      );
    }
    return inlineMessageId;
  }

  /**
   * The chat and params of a reply to the update's message (MTKruto's
   * rule): quoted outside private chats unless `isQuoted` says otherwise,
   * in the message's thread or direct-messages topic when it is a new or
   * edited one, through its business connection when it came by one.
   */
  #reply<Params>(
    method: string,
    params: ReplyParamsOf<Params> | undefined,
  ): [chatId: number, params: Params] {
    const msg = this.#mustGetMsg(method);
    const { isQuoted, ...rest } = params ?? {};
    const quoted = isQuoted ?? msg.chat.type !== "private";
    const inThread = this.update.type !== "callbackQuery";
    const fields: ReplyFields = {
      replyTo: quoted ? { type: "message", messageId: msg.id } : undefined,
      messageThreadId: inThread ? msg.threadId : undefined,
      directMessagesTopicId: inThread ? msg.directMessagesTopicId : undefined,
      businessConnectionId: msg.businessConnectionId,
    };
    return [msg.chat.id, definedOnly({ ...rest, ...fields }) as Params];
  }

  /** `params` with the business connection of the update's message, for the edit helpers. */
  #withBusinessConnection<Params>(
    params: Params | undefined,
  ): Params | undefined {
    const businessConnectionId = this.msg?.businessConnectionId;
    if (businessConnectionId === undefined) return params;
    return { ...params, businessConnectionId } as Params;
  }

  /** Replies with a text message (`sendMessage`). */
  async reply(
    text: string,
    params?: ReplyParamsOf<P.SendMessageParams>,
  ): Promise<MessageText> {
    const [chatId, options] = this.#reply("reply", params);
    return await this.client.sendMessage(chatId, text, options);
  }

  /** Replies with a photo (`sendPhoto`). */
  async replyPhoto(
    photo: FileSource,
    params?: ReplyParamsOf<P.SendPhotoParams>,
  ): Promise<MessagePhoto> {
    const [chatId, options] = this.#reply("replyPhoto", params);
    return await this.client.sendPhoto(chatId, photo, options);
  }

  /** Replies with a document (`sendDocument`). */
  async replyDocument(
    document: FileSource,
    params?: ReplyParamsOf<P.SendDocumentParams>,
  ): Promise<MessageDocument> {
    const [chatId, options] = this.#reply("replyDocument", params);
    return await this.client.sendDocument(chatId, document, options);
  }

  /** Replies with a video (`sendVideo`). */
  async replyVideo(
    video: FileSource,
    params?: ReplyParamsOf<P.SendVideoParams>,
  ): Promise<MessageVideo> {
    const [chatId, options] = this.#reply("replyVideo", params);
    return await this.client.sendVideo(chatId, video, options);
  }

  /** Replies with an animation (`sendAnimation`). */
  async replyAnimation(
    animation: FileSource,
    params?: ReplyParamsOf<P.SendAnimationParams>,
  ): Promise<MessageAnimation> {
    const [chatId, options] = this.#reply("replyAnimation", params);
    return await this.client.sendAnimation(chatId, animation, options);
  }

  /** Replies with a voice message (`sendVoice`). */
  async replyVoice(
    voice: FileSource,
    params?: ReplyParamsOf<P.SendVoiceParams>,
  ): Promise<MessageVoice> {
    const [chatId, options] = this.#reply("replyVoice", params);
    return await this.client.sendVoice(chatId, voice, options);
  }

  /** Replies with an audio file (`sendAudio`). */
  async replyAudio(
    audio: FileSource,
    params?: ReplyParamsOf<P.SendAudioParams>,
  ): Promise<MessageAudio> {
    const [chatId, options] = this.#reply("replyAudio", params);
    return await this.client.sendAudio(chatId, audio, options);
  }

  /** Replies with a round video (`sendVideoNote`). */
  async replyVideoNote(
    videoNote: FileSource,
    params?: ReplyParamsOf<P.SendVideoNoteParams>,
  ): Promise<MessageVideoNote> {
    const [chatId, options] = this.#reply("replyVideoNote", params);
    return await this.client.sendVideoNote(chatId, videoNote, options);
  }

  /** Replies with a sticker (`sendSticker`). */
  async replySticker(
    sticker: FileSource,
    params?: ReplyParamsOf<P.SendStickerParams>,
  ): Promise<MessageSticker> {
    const [chatId, options] = this.#reply("replySticker", params);
    return await this.client.sendSticker(chatId, sticker, options);
  }

  /** Replies with a location (`sendLocation`). */
  async replyLocation(
    latitude: number,
    longitude: number,
    params?: ReplyParamsOf<P.SendLocationParams>,
  ): Promise<MessageLocation> {
    const [chatId, options] = this.#reply("replyLocation", params);
    return await this.client.sendLocation(chatId, latitude, longitude, options);
  }

  /** Replies with a contact (`sendContact`). */
  async replyContact(
    firstName: string,
    phoneNumber: string,
    params?: ReplyParamsOf<P.SendContactParams>,
  ): Promise<MessageContact> {
    const [chatId, options] = this.#reply("replyContact", params);
    return await this.client.sendContact(
      chatId,
      firstName,
      phoneNumber,
      options,
    );
  }

  /** Replies with a dice (`sendDice`). */
  async replyDice(
    params?: ReplyParamsOf<P.SendDiceParams>,
  ): Promise<MessageDice> {
    const [chatId, options] = this.#reply("replyDice", params);
    return await this.client.sendDice(chatId, options);
  }

  /** Replies with a venue (`sendVenue`). */
  async replyVenue(
    latitude: number,
    longitude: number,
    title: string,
    address: string,
    params?: ReplyParamsOf<P.SendVenueParams>,
  ): Promise<MessageVenue> {
    const [chatId, options] = this.#reply("replyVenue", params);
    return await this.client.sendVenue(
      chatId,
      latitude,
      longitude,
      title,
      address,
      options,
    );
  }

  /** Replies with a poll (`sendPoll`). */
  async replyPoll(
    question: string,
    options: InputPollOption[],
    params?: ReplyParamsOf<P.SendPollParams>,
  ): Promise<MessagePoll> {
    const [chatId, sendParams] = this.#reply("replyPoll", params);
    return await this.client.sendPoll(chatId, question, options, sendParams);
  }

  /** Replies with an album (`sendMediaGroup`). */
  async replyMediaGroup(
    media: InputMedia[],
    params?: ReplyParamsOf<P.SendMediaGroupParams>,
  ): Promise<Message[]> {
    const [chatId, options] = this.#reply("replyMediaGroup", params);
    return await this.client.sendMediaGroup(chatId, media, options);
  }

  /** Shows what the account is doing in the chat (`sendChatAction`). */
  async sendChatAction(
    action: ChatActionType,
    params?: P.SendChatActionParams,
  ): Promise<void> {
    const chatId = this.#mustGetChatId("sendChatAction");
    return await this.client.sendChatAction(chatId, action, params);
  }

  /** Answers the button press (`answerCallbackQuery`). */
  async answerCallbackQuery(
    params?: P.AnswerCallbackQueryParams,
  ): Promise<void> {
    const query = this.callbackQuery;
    if (query === undefined) {
      throw new Error(
        `answerCallbackQuery: this ${this.update.type} update is not a callback query`,
      );
    }
    return await this.client.answerCallbackQuery(query.id, params);
  }

  /** Accepts or refuses the order (`answerPreCheckoutQuery`); refusing needs `params.error`. */
  async answerPreCheckoutQuery(
    ok: boolean,
    params?: P.AnswerPreCheckoutQueryParams,
  ): Promise<void> {
    const query = this.preCheckoutQuery;
    if (query === undefined) {
      throw new Error(
        `answerPreCheckoutQuery: this ${this.update.type} update is not a pre-checkout query`,
      );
    }
    return await this.client.answerPreCheckoutQuery(query.id, ok, params);
  }

  /** Answers the inline query (`answerInlineQuery`). */
  async answerInlineQuery(
    results: InputInlineQueryResult[],
    params?: P.AnswerInlineQueryParams,
  ): Promise<void> {
    const query = this.inlineQuery;
    if (query === undefined) {
      throw new Error(
        `answerInlineQuery: this ${this.update.type} update is not an inline query`,
      );
    }
    return await this.client.answerInlineQuery(query.id, results, params);
  }

  /** Edits the text of a message in the chat (`editMessageText`). */
  async editMessageText(
    messageId: number,
    text: string,
    params?: P.EditMessageTextParams,
  ): Promise<MessageText> {
    const chatId = this.#mustGetChatId("editMessageText");
    return await this.client.editMessageText(
      chatId,
      messageId,
      text,
      this.#withBusinessConnection(params),
    );
  }

  /** Edits the caption of a message in the chat (`editMessageCaption`). */
  async editMessageCaption(
    messageId: number,
    params?: P.EditMessageCaptionParams,
  ): Promise<Message> {
    const chatId = this.#mustGetChatId("editMessageCaption");
    return await this.client.editMessageCaption(
      chatId,
      messageId,
      this.#withBusinessConnection(params),
    );
  }

  /** Replaces the medium of a message in the chat (`editMessageMedia`). */
  async editMessageMedia(
    messageId: number,
    media: InputMedia,
    params?: P.EditMessageMediaParams,
  ): Promise<Message> {
    const chatId = this.#mustGetChatId("editMessageMedia");
    return await this.client.editMessageMedia(
      chatId,
      messageId,
      media,
      this.#withBusinessConnection(params),
    );
  }

  /** Edits the keyboard of a message in the chat (`editMessageReplyMarkup`). */
  async editMessageReplyMarkup(
    messageId: number,
    params?: P.EditMessageReplyMarkupParams,
  ): Promise<Message> {
    const chatId = this.#mustGetChatId("editMessageReplyMarkup");
    return await this.client.editMessageReplyMarkup(
      chatId,
      messageId,
      this.#withBusinessConnection(params),
    );
  }

  /** Moves a live location in the chat (`editMessageLiveLocation`). */
  async editMessageLiveLocation(
    messageId: number,
    latitude: number,
    longitude: number,
    params?: P.EditMessageLiveLocationParams,
  ): Promise<MessageLocation> {
    const chatId = this.#mustGetChatId("editMessageLiveLocation");
    return await this.client.editMessageLiveLocation(
      chatId,
      messageId,
      latitude,
      longitude,
      this.#withBusinessConnection(params),
    );
  }

  /** Edits the text of the update's inline message (`editInlineMessageText`). */
  async editInlineMessageText(
    text: string,
    params?: P.EditInlineMessageTextParams,
  ): Promise<void> {
    const id = this.#mustGetInlineMessageId("editInlineMessageText");
    return await this.client.editInlineMessageText(id, text, params);
  }

  /** Edits the caption of the update's inline message (`editInlineMessageCaption`). */
  async editInlineMessageCaption(
    params?: P.EditInlineMessageCaptionParams,
  ): Promise<void> {
    const id = this.#mustGetInlineMessageId("editInlineMessageCaption");
    return await this.client.editInlineMessageCaption(id, params);
  }

  /** Replaces the medium of the update's inline message (`editInlineMessageMedia`). */
  async editInlineMessageMedia(
    media: InputMedia,
    params?: P.EditInlineMessageMediaParams,
  ): Promise<void> {
    const id = this.#mustGetInlineMessageId("editInlineMessageMedia");
    return await this.client.editInlineMessageMedia(id, media, params);
  }

  /** Edits the keyboard of the update's inline message (`editInlineMessageReplyMarkup`). */
  async editInlineMessageReplyMarkup(
    params?: P.EditMessageReplyMarkupParams,
  ): Promise<void> {
    const id = this.#mustGetInlineMessageId("editInlineMessageReplyMarkup");
    return await this.client.editInlineMessageReplyMarkup(id, params);
  }

  /** Moves the live location of the update's inline message (`editInlineMessageLiveLocation`). */
  async editInlineMessageLiveLocation(
    latitude: number,
    longitude: number,
    params?: P.EditMessageLiveLocationParams,
  ): Promise<void> {
    const id = this.#mustGetInlineMessageId("editInlineMessageLiveLocation");
    return await this.client.editInlineMessageLiveLocation(
      id,
      latitude,
      longitude,
      params,
    );
  }

  /** Deletes the update's message (`deleteMessage`). */
  async delete(): Promise<void> {
    const msg = this.#mustGetMsg("delete");
    return await this.client.deleteMessage(msg.chat.id, msg.id);
  }

  /** Forwards the update's message to `to` (`forwardMessage`). */
  async forward(to: ID, params?: P.ForwardMessagesParams): Promise<Message> {
    const msg = this.#mustGetMsg("forward");
    return await this.client.forwardMessage(msg.chat.id, to, msg.id, params);
  }

  /** Pins the update's message (`pinMessage`). */
  async pin(params?: P.PinMessageParams): Promise<void> {
    const msg = this.#mustGetMsg("pin");
    return await this.client.pinMessage(msg.chat.id, msg.id, params);
  }

  /** Unpins the update's message (`unpinMessage`). */
  async unpin(): Promise<void> {
    const msg = this.#mustGetMsg("unpin");
    return await this.client.unpinMessage(msg.chat.id, msg.id);
  }

  /** Deletes a message of the chat (`deleteMessage`). */
  async deleteMessage(
    messageId: number,
    params?: P.DeleteMessageParams,
  ): Promise<void> {
    const chatId = this.#mustGetChatId("deleteMessage");
    return await this.client.deleteMessage(chatId, messageId, params);
  }

  /** Deletes messages of the chat (`deleteMessages`). */
  async deleteMessages(
    messageIds: number[],
    params?: P.DeleteMessagesParams,
  ): Promise<void> {
    const chatId = this.#mustGetChatId("deleteMessages");
    return await this.client.deleteMessages(chatId, messageIds, params);
  }

  /** Forwards a message of the chat to `to` (`forwardMessage`). */
  async forwardMessage(
    to: ID,
    messageId: number,
    params?: P.ForwardMessagesParams,
  ): Promise<Message> {
    const chatId = this.#mustGetChatId("forwardMessage");
    return await this.client.forwardMessage(chatId, to, messageId, params);
  }

  /** Forwards messages of the chat to `to` (`forwardMessages`). */
  async forwardMessages(
    to: ID,
    messageIds: number[],
    params?: P.ForwardMessagesParams,
  ): Promise<Message[]> {
    const chatId = this.#mustGetChatId("forwardMessages");
    return await this.client.forwardMessages(chatId, to, messageIds, params);
  }

  /** Pins a message of the chat (`pinMessage`). */
  async pinMessage(
    messageId: number,
    params?: P.PinMessageParams,
  ): Promise<void> {
    const chatId = this.#mustGetChatId("pinMessage");
    return await this.client.pinMessage(chatId, messageId, params);
  }

  /** Unpins a message of the chat (`unpinMessage`). */
  async unpinMessage(messageId: number): Promise<void> {
    const chatId = this.#mustGetChatId("unpinMessage");
    return await this.client.unpinMessage(chatId, messageId);
  }

  /** Unpins every message of the chat (`unpinMessages`). */
  async unpinMessages(params?: P.UnpinMessagesParams): Promise<void> {
    const chatId = this.#mustGetChatId("unpinMessages");
    return await this.client.unpinMessages(chatId, params);
  }

  /** Stops a poll of the chat (`stopPoll`). */
  async stopPoll(messageId: number, params?: P.StopPollParams): Promise<Poll> {
    const chatId = this.#mustGetChatId("stopPoll");
    return await this.client.stopPoll(chatId, messageId, params);
  }

  /** A message of the chat, or null (`getMessage`). */
  async getMessage(messageId: number): Promise<Message | null> {
    const chatId = this.#mustGetChatId("getMessage");
    return await this.client.getMessage(chatId, messageId);
  }

  /** Messages of the chat by id (`getMessages`). */
  async getMessages(messageIds: number[]): Promise<Message[]> {
    const chatId = this.#mustGetChatId("getMessages");
    return await this.client.getMessages(chatId, messageIds);
  }

  /** The chat's messages, newest first (`getHistory`; user accounts only). */
  async getHistory(params?: P.GetHistoryParams): Promise<Message[]> {
    const chatId = this.#mustGetChatId("getHistory");
    return await this.client.getHistory(chatId, params);
  }

  /** Searches the chat's messages (`searchMessages`; user accounts only). */
  async searchMessages(
    params?: Omit<P.SearchMessagesParams, "chatId">,
  ): Promise<MessageList> {
    const chatId = this.#mustGetChatId("searchMessages");
    return await this.client.searchMessages({ ...params, chatId });
  }
}

/** `object` without its undefined values, so that calls carry only what is set. */
function definedOnly(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  );
}
