/**
 * The control API's payments: a user pays a bot's invoice as its app would
 * (the bot is asked with `updateBotPrecheckoutQuery` and the call waits for
 * its answer, up to the 10 s Telegram gives; over HTTP a timeout answers
 * 504), and the charges each bot got, refunded or not.
 */
import {
  BadRequest,
  field,
  json,
  optionalNumber,
  queryId,
  readBody,
  type Route,
} from "./control_http.ts";
import type { DeliveryContext } from "./world/emit.ts";
import { payInvoice } from "./world/payments_checkout.ts";
import { messageInChat } from "./world/peers.ts";
import type { World } from "./world/world.ts";

/** A charge as the control API shows it. */
export interface ControlCharge {
  /** `telegramPaymentChargeId`, what refunds name. */
  chargeId: string;
  /** "" for Telegram Stars. */
  providerChargeId: string;
  user: number;
  bot: number;
  currency: string;
  totalAmount: number;
  /** The invoice's payload, as UTF-8 text. */
  payload: string;
  refunded: boolean;
}

/** What paying answers: the charge, or the bot's refusal. */
export type ControlPaymentResult =
  | { ok: true; chargeId: string }
  | { ok: false; error: string };

/** The payment actions of the control API. */
export interface PaymentControl {
  /** User `from` pays the invoice of bot `bot` that is message `messageId` (in `from`'s box, the channel's for channels) of the chat `peer` (default: the bot's own chat). */
  pay(
    input: { from: number; bot: number; messageId: number; peer?: number },
  ): Promise<ControlPaymentResult>;
  /** The charges bot `bot` received, oldest first. */
  charges(query: { bot: number }): ControlCharge[];
}

/** The `PaymentControl` of a world. */
export function createPaymentControl(world: World): PaymentControl {
  return {
    async pay({ from, bot, messageId, peer }) {
      const ctx: DeliveryContext = {
        state: world.state,
        sessions: world.sessions,
      };
      const peerKey = peer ?? bot;
      const media = messageInChat(world.state, from, peerKey, messageId)?.media;
      const terms = media?._ === "messageMediaInvoice"
        ? world.state.payments.terms(media)
        : undefined;
      if (terms && terms.botId !== bot) {
        throw new BadRequest(
          `message ${messageId} is not an invoice of ${bot}`,
        );
      }
      const outcome = await payInvoice(ctx, {
        userId: from,
        peerKey,
        messageId,
      });
      return outcome.ok
        ? { ok: true, chargeId: outcome.charge.id }
        : { ok: false, error: outcome.error };
    },
    charges({ bot }) {
      return world.state.payments.chargesOf(bot).map((charge) => ({
        chargeId: charge.id,
        providerChargeId: charge.providerChargeId,
        user: charge.userId,
        bot: charge.botId,
        currency: charge.currency,
        totalAmount: charge.totalAmount.toNumber(),
        payload: new TextDecoder().decode(charge.payload),
        refunded: charge.refunded,
      }));
    },
  };
}

/** The HTTP routes of payments (see README.md). */
export function paymentRoutes(control: PaymentControl): Record<string, Route> {
  return {
    "POST /payments": async (req) => {
      const body = await readBody(req);
      return json(
        await control.pay({
          from: field(body, "from", "number"),
          bot: field(body, "bot", "number"),
          messageId: field(body, "messageId", "number"),
          peer: optionalNumber(body, "peer"),
        }),
      );
    },
    "GET /payments": (_req, url) =>
      json(control.charges({ bot: queryId(url, "bot") })),
  };
}
