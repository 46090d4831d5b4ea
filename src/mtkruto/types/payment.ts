/**
 * Payments in MTKruto's shape: the invoice message sendInvoice answers, and
 * SuccessfulPayment and RefundedPayment (types.md §4.4) from payment service
 * actions.
 */
import type { tl } from "@mtcute/core";
import { bytesAsText } from "./bytes_text.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type OrderInfo, renderOrderInfo } from "./order_info.ts";
import type { MessageOf } from "./results.ts";

/** An invoice message. */
export type MessageInvoice = MessageOf<"invoice">;

/** A payment the bot received. */
export interface SuccessfulPayment {
  currency: string;
  totalAmount: number;
  invoicePayload: string;
  telegramPaymentChargeId: string;
  providerPaymentChargeId: string;
  shippingOptionId?: string;
  orderInfo?: OrderInfo;
}

/** A payment that was refunded. */
export interface RefundedPayment {
  currency: string;
  totalAmount: number;
  invoicePayload: string;
  telegramPaymentChargeId: string;
  providerPaymentChargeId?: string;
}

/** The SuccessfulPayment of `messageActionPaymentSentMe` (payload decoded as text). */
export function renderSuccessfulPayment(
  action: tl.RawMessageActionPaymentSentMe,
): SuccessfulPayment {
  return omitUndefined({
    currency: action.currency,
    totalAmount: action.totalAmount.toNumber(),
    invoicePayload: bytesAsText(action.payload),
    telegramPaymentChargeId: action.charge.id,
    providerPaymentChargeId: action.charge.providerChargeId,
    shippingOptionId: action.shippingOptionId,
    orderInfo: action.info && renderOrderInfo(action.info),
  });
}

/** The RefundedPayment of `messageActionPaymentRefunded` (payload "" when there is none). */
export function renderRefundedPayment(
  action: tl.RawMessageActionPaymentRefunded,
): RefundedPayment {
  return omitUndefined({
    currency: action.currency,
    totalAmount: action.totalAmount.toNumber(),
    invoicePayload: action.payload ? bytesAsText(action.payload) : "",
    telegramPaymentChargeId: action.charge.id,
    // Declared optional by MTKruto, but the TL field is required, so it is always there.
    providerPaymentChargeId: action.charge.providerChargeId,
  });
}
