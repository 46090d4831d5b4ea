/**
 * Callback queries (core.telegram.org/api/bots/buttons#callback-queries): a
 * user presses a callback button of a bot's message, the bot gets
 * `updateBotCallbackQuery` (`updateInlineBotCallbackQuery` for a message sent
 * via its inline mode) and answers with `messages.setBotCallbackAnswer`,
 * which the user's `messages.getBotCallbackAnswer` returns.
 */
import { createHmac, randomBytes } from "node:crypto";
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { type BoxMessage, referencedChatKeys } from "./mailboxes.ts";
import { peerKind, tlPeer } from "./peer_keys.ts";
import { messageInChat } from "./peers.ts";
import { PendingQueries } from "./pending_queries.ts";
import { pressedButton } from "./reply_markup.ts";

const MAX_ANSWER_LENGTH = 200;

/** What the bot answered. */
export interface CallbackAnswer {
  message?: string;
  alert?: boolean;
  url?: string;
  cacheTime: number;
}

/** Callback queries waiting for their bot, and the chats' `chat_instance`s. */
export class CallbackQueries extends PendingQueries<CallbackAnswer> {
  readonly #secret = randomBytes(32);

  /** Telegram's `chat_instance`: stable per chat (the pair of accounts of a private chat), unguessable, a long. */
  chatInstance(userId: number, peerKey: number): Long {
    const chat = peerKind(peerKey) === "user"
      ? [userId, peerKey].sort((a, b) => a - b).join(":")
      : String(peerKey);
    const digest = createHmac("sha256", this.#secret).update(chat).digest();
    return Long.fromBytesLE([...digest.subarray(0, 8)]);
  }
}

/** A button press: `userId` presses the button with `data` (or the game button) under message `messageId` of its chat `peerKey`. */
export interface ButtonPress {
  userId: number;
  peerKey: number;
  messageId: number;
  data?: Uint8Array;
  game?: boolean;
}

function gameShortName(message: BoxMessage): string | undefined {
  return message.media?._ === "messageMediaGame"
    ? message.media.game.shortName
    : undefined;
}

/** The update the bot gets for a press on `message`; `MESSAGE_ID_INVALID` if the bot no longer has the message. */
function queryUpdate(
  ctx: DeliveryContext,
  press: ButtonPress & { botId: number; queryId: Long; message: BoxMessage },
): tl.RawUpdateBotCallbackQuery | tl.RawUpdateInlineBotCallbackQuery {
  const { state } = ctx;
  const { message, botId, userId } = press;
  const common = {
    queryId: press.queryId,
    userId,
    chatInstance: state.callbacks.chatInstance(userId, press.peerKey),
    data: press.game ? undefined : press.data,
    gameShortName: press.game ? gameShortName(message) : undefined,
  };
  if (message.inlineMessageId) {
    return {
      _: "updateInlineBotCallbackQuery",
      ...common,
      msgId: message.inlineMessageId,
    };
  }
  // a channel's messages are one copy, in the channel's box
  const botCopy = peerKind(message.ownerId) === "channel"
    ? message
    : state.mailboxes.counterpart(message, botId);
  if (!botCopy) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  return {
    _: "updateBotCallbackQuery",
    ...common,
    peer: tlPeer(botCopy.peerId),
    msgId: botCopy.id,
  };
}

/** Presses the button and waits for the bot's answer (`messages.getBotCallbackAnswer`). */
export async function pressButton(
  ctx: DeliveryContext,
  press: ButtonPress,
): Promise<tl.messages.RawBotCallbackAnswer> {
  const { state } = ctx;
  const message = messageInChat(
    state,
    press.userId,
    press.peerKey,
    press.messageId,
  );
  if (!message) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  pressedButton(message.replyMarkup, press);
  // keyboards of messages sent via an inline bot belong to that bot
  const botId = message.viaBotId ?? message.senderId;
  if (state.accounts.get(botId)?.kind !== "bot") {
    throw new RpcFailure(400, "DATA_INVALID");
  }
  const { queryId, answer } = state.callbacks.ask(botId);
  const update = queryUpdate(ctx, { ...press, botId, queryId, message });
  ctx.sessions.push(botId, {
    _: "updates",
    updates: [update],
    users: state.users([botId, press.userId], botId),
    chats: state.chatObjects(referencedChatKeys(message), botId),
    date: now(),
    seq: 0,
  });
  const { message: text, alert, url, cacheTime } = await answer;
  return {
    _: "messages.botCallbackAnswer",
    alert: alert || undefined,
    hasUrl: url ? true : undefined,
    message: text,
    url,
    cacheTime,
  };
}

/** `messages.setBotCallbackAnswer`: checks the answer and hands it to the waiting user. */
export function answerCallbackQuery(
  ctx: DeliveryContext,
  botId: number,
  params: tl.messages.RawSetBotCallbackAnswerRequest,
): void {
  if ((params.message?.length ?? 0) > MAX_ANSWER_LENGTH) {
    throw new RpcFailure(400, "MESSAGE_TOO_LONG");
  }
  if (params.url !== undefined && !URL.canParse(params.url)) {
    throw new RpcFailure(400, "URL_INVALID");
  }
  ctx.state.callbacks.answer(botId, params.queryId, {
    message: params.message,
    alert: params.alert,
    url: params.url,
    cacheTime: params.cacheTime,
  });
}
