/**
 * Inline mode (core.telegram.org/api/bots/inline): a user's
 * `messages.getInlineBotResults` becomes the bot's `updateBotInlineQuery`;
 * the bot's `messages.setInlineBotResults` is the user's `messages.botResults`;
 * the user's `messages.sendInlineBotResult` sends the chosen result `via` the
 * bot, which gets `updateBotInlineSend` (with the inline message id only when
 * the result has an inline keyboard, as Telegram documents). Every bot takes
 * inline queries and gets chosen-result feedback (no BotFather settings
 * here), and results are not cached: each query reaches the bot.
 */
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import { sendMessages } from "./delivery.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { randomLong } from "./files.ts";
import { type InlineResult, inlineResults } from "./inline_results.ts";
import { peerKind } from "./peer_keys.ts";
import { PendingQueries } from "./pending_queries.ts";
import { isInlineKeyboard } from "./reply_markup.ts";

const MAX_OFFSET_BYTES = 64;

/** What a bot answered to an inline query. */
export interface InlineAnswer {
  results: InlineResult[];
  cacheTime: number;
  gallery?: boolean;
  nextOffset?: string;
  switchPm?: tl.TypeInlineBotSwitchPM;
  switchWebview?: tl.TypeInlineBotWebView;
}

interface AnsweredQuery {
  botId: number;
  userId: number;
  query: string;
  results: Map<string, InlineResult>;
}

/** Where a message sent from an inline result with a keyboard is, by its inline message id. */
export interface InlineMessage {
  /** The user who sent it. */
  senderId: number;
  /** The chat as the sender sees it. */
  peerKey: number;
  /** Its id in the sender's box (the channel's for channels). */
  messageId: number;
}

/** Inline queries waiting for their bot, answered ones (until reset), and sent inline messages. */
export class InlineQueries extends PendingQueries<InlineAnswer> {
  readonly #answered = new Map<string, AnsweredQuery>();
  readonly #messages = new Map<string, InlineMessage>();

  /** Keeps an answered query's results for `messages.sendInlineBotResult`. */
  remember(queryId: Long, query: AnsweredQuery): void {
    this.#answered.set(queryId.toString(), query);
  }

  /** The answered query `userId` asked; `INLINE_RESULT_EXPIRED` for any other id. */
  answered(queryId: Long, userId: number): AnsweredQuery {
    const query = this.#answered.get(queryId.toString());
    if (query?.userId !== userId) {
      throw new RpcFailure(400, "INLINE_RESULT_EXPIRED");
    }
    return query;
  }

  /** Records a sent inline message under its id. */
  addMessage(id: tl.RawInputBotInlineMessageID, message: InlineMessage): void {
    this.#messages.set(`${id.id}:${id.accessHash}`, message);
  }

  /** The sent inline message `id` names; `MESSAGE_ID_INVALID` if none. */
  message(id: tl.TypeInputBotInlineMessageID): InlineMessage {
    const found = id._ === "inputBotInlineMessageID" &&
      this.#messages.get(`${id.id}:${id.accessHash}`);
    if (!found) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
    return found;
  }
}

/** What kind of chat the query comes from, as `updateBotInlineQuery.peer_type` tells the bot. */
function peerType(
  ctx: DeliveryContext,
  query: { userId: number; botId: number; peerKey: number },
): tl.TypeInlineQueryPeerType {
  const { peerKey } = query;
  if (peerKey === query.botId) return { _: "inlineQueryPeerTypeSameBotPM" };
  switch (peerKind(peerKey)) {
    case "user":
      return ctx.state.accounts.get(peerKey)?.kind === "bot"
        ? { _: "inlineQueryPeerTypeBotPM" }
        : { _: "inlineQueryPeerTypePM" };
    case "group":
      return { _: "inlineQueryPeerTypeChat" };
    case "channel":
      return ctx.state.chats.get(peerKey)?.type === "channel"
        ? { _: "inlineQueryPeerTypeBroadcast" }
        : { _: "inlineQueryPeerTypeMegagroup" };
  }
}

function pushToBot(
  ctx: DeliveryContext,
  botId: number,
  update: tl.TypeUpdate,
  userId: number,
): void {
  ctx.sessions.push(botId, {
    _: "updates",
    updates: [update],
    users: ctx.state.users([botId, userId], botId),
    chats: [],
    date: now(),
    seq: 0,
  });
}

/** `messages.getInlineBotResults`: asks the bot and waits for its results. */
export async function askInline(
  ctx: DeliveryContext,
  query: {
    userId: number;
    botId: number;
    peerKey: number;
    query: string;
    offset: string;
  },
): Promise<tl.messages.RawBotResults> {
  const { state } = ctx;
  const bot = state.accounts.get(query.botId);
  if (bot?.kind !== "bot") throw new RpcFailure(400, "BOT_INVALID");
  const { queryId, answer } = state.inline.ask(bot.id);
  pushToBot(ctx, bot.id, {
    _: "updateBotInlineQuery",
    queryId,
    userId: query.userId,
    query: query.query,
    offset: query.offset,
    peerType: peerType(ctx, query),
  }, query.userId);
  const answered = await answer;
  state.inline.remember(queryId, {
    botId: bot.id,
    userId: query.userId,
    query: query.query,
    results: new Map(answered.results.map((result) => [result.id, result])),
  });
  return {
    _: "messages.botResults",
    gallery: answered.gallery,
    queryId,
    nextOffset: answered.nextOffset || undefined,
    switchPm: answered.switchPm,
    switchWebview: answered.switchWebview,
    results: answered.results.map((result) => result.tl),
    cacheTime: answered.cacheTime,
    users: state.users([bot.id], query.userId),
  };
}

/** `messages.setInlineBotResults`: checks the results and hands them to the waiting user. */
export function answerInline(
  ctx: DeliveryContext,
  bot: Account,
  params: tl.messages.RawSetInlineBotResultsRequest,
): void {
  const { state } = ctx;
  if (!state.inline.isPending(bot.id, params.queryId)) {
    throw new RpcFailure(400, "QUERY_ID_INVALID");
  }
  const offset = params.nextOffset ?? "";
  if (new TextEncoder().encode(offset).length > MAX_OFFSET_BYTES) {
    throw new RpcFailure(400, "NEXT_OFFSET_INVALID");
  }
  const startParam = params.switchPm?.startParam;
  if (startParam !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(startParam)) {
    throw new RpcFailure(400, "START_PARAM_INVALID");
  }
  state.inline.answer(bot.id, params.queryId, {
    results: inlineResults(state, bot, params.results),
    cacheTime: params.cacheTime,
    gallery: params.gallery,
    nextOffset: params.nextOffset,
    switchPm: params.switchPm,
    switchWebview: params.switchWebview,
  });
}

function sentMessageId(updates: tl.RawUpdates): number {
  for (const update of updates.updates) {
    if (
      update._ === "updateNewMessage" || update._ === "updateNewChannelMessage"
    ) return update.message.id;
  }
  throw new RpcFailure(500, "INTERNAL");
}

/** `messages.sendInlineBotResult`: sends result `resultId` of an answered query to the chat `peerKey`, via the bot. */
export function sendInlineResult(
  ctx: DeliveryContext,
  send: {
    userId: number;
    peerKey: number;
    queryId: Long;
    resultId: string;
    replyToId?: number;
    randomId?: Long;
    silent?: boolean;
  },
): tl.RawUpdates {
  const { state } = ctx;
  const query = state.inline.answered(send.queryId, send.userId);
  const result = query.results.get(send.resultId);
  if (!result) throw new RpcFailure(400, "RESULT_ID_INVALID");
  const content = result.content();
  const inlineMessageId: tl.RawInputBotInlineMessageID | undefined =
    isInlineKeyboard(content.replyMarkup)
      ? {
        _: "inputBotInlineMessageID",
        dcId: 2,
        id: randomLong(),
        accessHash: randomLong(),
      }
      : undefined;
  const updates = sendMessages(ctx, {
    senderId: send.userId,
    peerId: send.peerKey,
    messages: [{
      content: {
        ...content,
        viaBotId: query.botId,
        inlineMessageId,
        silent: send.silent || undefined,
      },
      replyToId: send.replyToId,
      randomId: send.randomId,
    }],
  });
  if (inlineMessageId) {
    state.inline.addMessage(inlineMessageId, {
      senderId: send.userId,
      peerKey: send.peerKey,
      messageId: sentMessageId(updates),
    });
  }
  pushToBot(ctx, query.botId, {
    _: "updateBotInlineSend",
    userId: send.userId,
    query: query.query,
    id: result.id,
    msgId: inlineMessageId,
  }, send.userId);
  return updates;
}
