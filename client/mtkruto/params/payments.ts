/**
 * Bot payments: invoices with their price tags, and answers to pre-checkout
 * queries.
 *
 * @module
 */
import type { ReplyMarkupParams, SendCommonParams } from "./common.ts";

/** One line of an invoice's price. */
export interface PriceTag {
  /** What the line is for. */
  label: string;
  /** Its price in the currency's smallest units (cents; whole Stars for "XTR"). */
  amount: number;
}

/**
 * sendInvoice's params. For Telegram Stars (currency "XTR") leave out the
 * provider token, tips and the requested details, and give one price tag.
 */
export interface SendInvoiceParams extends SendCommonParams, ReplyMarkupParams {
  /** The payment provider's token from @BotFather (none for Telegram Stars). */
  providerToken?: string;
  /** The largest tip the buyer may add, in the currency's smallest units (0: none). */
  maxTipAmount?: number;
  /** Up to 4 suggested tips, each above 0, in the currency's smallest units. */
  suggestedTipAmounts?: number[];
  /** The deep-linking parameter of the invoice (empty: forwarded copies can be paid too). */
  startParameter?: string;
  /** A JSON text shared with the payment provider. */
  providerData?: string;
  /** The URL of the product's photo (a JPEG). */
  photoUrl?: string;
  /** The photo's size in bytes. */
  photoSize?: number;
  /** The photo's width. */
  photoWidth?: number;
  /** The photo's height. */
  photoHeight?: number;
  /** Whether the buyer's full name is asked for. */
  isNameNeeded?: boolean;
  /** Whether the buyer's phone number is asked for. */
  isPhoneNumberNeeded?: boolean;
  /** Whether the buyer's email address is asked for. */
  isEmailNeeded?: boolean;
  /** Whether a shipping address is asked for. */
  isShippingAddressNeeded?: boolean;
  /** Whether the phone number is passed on to the provider. */
  isPhoneNumberSentToProvider?: boolean;
  /** Whether the email address is passed on to the provider. */
  isEmailSentToProvider?: boolean;
  /** Whether the final price depends on the shipping method. */
  isFlexible?: boolean;
}

/** answerPreCheckoutQuery's params. */
export interface AnswerPreCheckoutQueryParams {
  /** Why the order cannot be completed, shown to the buyer; required when `ok` is false. */
  error?: string;
}
