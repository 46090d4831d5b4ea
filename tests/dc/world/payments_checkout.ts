/**
 * Paying a bot's invoice and refunding it, as Telegram does
 * (core.telegram.org/api/payments): once the user confirms, the bot gets
 * `updateBotPrecheckoutQuery` and has 10 s to accept or refuse with
 * `messages.setBotPrecheckoutResults`; an accepted payment becomes one
 * service message in the user's chat with the bot, which the two sides see
 * differently: the payer `messageActionPaymentSent`, the bot
 * `messageActionPaymentSentMe` with the charge. `payments.refundStarsCharge`
 * returns a Stars payment (`messageActionPaymentRefunded`).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { messageEvent } from "./delivery.ts";
import { type DeliveryContext, emitContainer, now, peerUser } from "./emit.ts";
import type { BoxMessage } from "./mailboxes.ts";
import { messageInChat } from "./peers.ts";
import { type Charge, STARS, totalAmount } from "./payments.ts";

/** A user's payment of the invoice `messageId` of the chat `peerKey` (as the user's box numbers it). */
export interface InvoicePayment {
  userId: number;
  peerKey: number;
  messageId: number;
}

/** How a payment ended: charged, or refused by the bot with its error text. */
export type PaymentOutcome =
  | { ok: true; charge: Charge }
  | { ok: false; error: string };

/**
 * One service message from the user to the bot in their private chat, each
 * side with its own action; returns each side's `updates` (the caller's
 * session gets its own as its result, as with any send).
 */
function deliverServicePair(
  ctx: DeliveryContext,
  options: {
    userId: number;
    botId: number;
    userAction: tl.TypeMessageAction;
    botAction: tl.TypeMessageAction;
    replyToId?: number;
  },
): { user: tl.RawUpdates; bot: tl.RawUpdates } {
  const { userId, botId } = options;
  const { sent, received } = ctx.state.mailboxes.deliver({
    senderId: userId,
    peerId: botId,
    recipientIds: [botId],
    date: now(),
    content: { text: "", action: options.userAction },
    replyToId: options.replyToId,
  });
  // The copies share the user's view; the bot's copy gets its own action.
  const botCopy: BoxMessage = received[0];
  botCopy.action = options.botAction;
  return {
    user: emitContainer(ctx, userId, [messageEvent(sent, "updateNewMessage")]),
    bot: emitContainer(ctx, botId, [messageEvent(botCopy, "updateNewMessage")]),
  };
}

/** Pays the invoice: asks its bot, and on its yes charges the user and posts the service messages. */
export async function payInvoice(
  ctx: DeliveryContext,
  payment: InvoicePayment,
): Promise<PaymentOutcome> {
  const { state } = ctx;
  const { userId, peerKey, messageId } = payment;
  if (state.accounts.require(userId).kind === "bot") {
    throw new RpcFailure(400, "BOT_METHOD_INVALID");
  }
  const message = messageInChat(state, userId, peerKey, messageId);
  const media = message?.media;
  const terms = media?._ === "messageMediaInvoice"
    ? state.payments.terms(media)
    : undefined;
  if (!message || !terms) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  const { botId, payload, invoice } = terms;
  const amount = totalAmount(invoice);
  const { queryId, answer } = state.payments.queries.ask(botId);
  const query: tl.RawUpdateBotPrecheckoutQuery = {
    _: "updateBotPrecheckoutQuery",
    queryId,
    userId,
    payload,
    currency: invoice.currency,
    totalAmount: amount,
  };
  ctx.sessions.push(botId, {
    _: "updates",
    updates: [query],
    users: state.users([botId, userId], botId),
    chats: [],
    date: now(),
    seq: 0,
  });
  const verdict = await answer;
  if (!verdict.ok) return verdict;
  const charge = state.payments.charge({
    botId,
    userId,
    currency: invoice.currency,
    totalAmount: amount,
    payload,
  });
  deliverServicePair(ctx, {
    userId,
    botId,
    userAction: {
      _: "messageActionPaymentSent",
      currency: charge.currency,
      totalAmount: amount,
    },
    botAction: {
      _: "messageActionPaymentSentMe",
      currency: charge.currency,
      totalAmount: amount,
      payload,
      charge: paymentCharge(charge),
    },
    // the receipt replies to the invoice when it is in the same chat
    replyToId: peerKey === botId ? message.id : undefined,
  });
  return { ok: true, charge };
}

function paymentCharge(charge: Charge): tl.RawPaymentCharge {
  return {
    _: "paymentCharge",
    id: charge.id,
    providerChargeId: charge.providerChargeId,
  };
}

/** `messages.setBotPrecheckoutResults`: the bot's verdict, handed to the waiting payment. */
export function answerPrecheckout(
  ctx: DeliveryContext,
  botId: number,
  params: tl.messages.RawSetBotPrecheckoutResultsRequest,
): void {
  if (!params.success && !params.error?.trim()) {
    throw new RpcFailure(400, "ERROR_TEXT_EMPTY");
  }
  ctx.state.payments.queries.answer(
    botId,
    params.queryId,
    params.success ? { ok: true } : { ok: false, error: params.error! },
  );
}

/**
 * `payments.refundStarsCharge`: gives a Stars payment back to `userId`. The
 * refund notice is sent in the user's name, like the payment it undoes, so
 * that bots receive it (the payload only they see); its `peer` is the bot,
 * who returned the Stars.
 */
export function refundStarsCharge(
  ctx: DeliveryContext,
  botId: number,
  options: { userId: number; chargeId: string },
): tl.RawUpdates {
  const { userId, chargeId } = options;
  if (!chargeId) throw new RpcFailure(400, "CHARGE_ID_EMPTY");
  const charge = ctx.state.payments.get(chargeId);
  if (charge?.botId !== botId || charge.currency !== STARS) {
    throw new RpcFailure(400, "CHARGE_ID_INVALID");
  }
  if (charge.userId !== userId) throw new RpcFailure(400, "USER_ID_INVALID");
  if (charge.refunded) throw new RpcFailure(400, "CHARGE_ALREADY_REFUNDED");
  charge.refunded = true;
  const refund = {
    _: "messageActionPaymentRefunded",
    peer: peerUser(botId),
    currency: charge.currency,
    totalAmount: charge.totalAmount,
    charge: paymentCharge(charge),
  } as const;
  return deliverServicePair(ctx, {
    userId,
    botId,
    userAction: refund,
    botAction: { ...refund, payload: charge.payload },
  }).bot;
}
