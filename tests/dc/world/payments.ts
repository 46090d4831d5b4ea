/**
 * Bot payments' state (core.telegram.org/api/payments, /api/stars): the
 * terms behind each invoice a bot sent, the pre-checkout queries waiting for
 * their bot, and the charges of completed payments. The flow itself is in
 * `payments_checkout.ts`.
 */
import { randomBytes } from "node:crypto";
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { PendingQueries } from "./pending_queries.ts";
import type { WorldState } from "./state.ts";

/** Telegram's currency code of Telegram Stars. */
export const STARS = "XTR";

const MAX_TITLE = 32;
const MAX_DESCRIPTION = 255;
const MAX_PAYLOAD_BYTES = 128;
/** How long Telegram waits for `messages.setBotPrecheckoutResults` (its documented 10 s). */
const PRECHECKOUT_TIMEOUT_MS = 10_000;

/** What the invoice message does not show but a payment needs: who is paid, for what, on which terms. */
export interface InvoiceTerms {
  botId: number;
  payload: Uint8Array;
  invoice: tl.RawInvoice;
}

/** The bot's verdict on a pre-checkout query. */
export type PrecheckoutAnswer = { ok: true } | { ok: false; error: string };

/** A completed payment. */
export interface Charge {
  /** `telegram_payment_charge_id`. */
  id: string;
  /** `provider_payment_charge_id` ("" for Telegram Stars, which need no provider). */
  providerChargeId: string;
  botId: number;
  userId: number;
  currency: string;
  totalAmount: Long;
  payload: Uint8Array;
  refunded: boolean;
}

/** Invoices, pre-checkout queries and charges. */
export class Payments {
  /**
   * Keyed by the stored media object: every copy of the invoice message
   * (each box's, forwards', edits that keep the media) shares it, so each is
   * payable on the same terms.
   */
  readonly #terms = new WeakMap<tl.RawMessageMediaInvoice, InvoiceTerms>();
  readonly #charges = new Map<string, Charge>();
  /** Pre-checkout queries waiting for their bots. */
  readonly queries = new PendingQueries<PrecheckoutAnswer>();

  constructor() {
    this.queries.timeoutMs = PRECHECKOUT_TIMEOUT_MS;
  }

  /** Remembers what an invoice medium is for. */
  setTerms(media: tl.RawMessageMediaInvoice, terms: InvoiceTerms): void {
    this.#terms.set(media, terms);
  }

  /** The terms of an invoice medium, if a bot issued it. */
  terms(media: tl.RawMessageMediaInvoice): InvoiceTerms | undefined {
    return this.#terms.get(media);
  }

  /** Records a payment; returns its charge with fresh ids. */
  charge(
    payment: Omit<Charge, "id" | "providerChargeId" | "refunded">,
  ): Charge {
    const charge: Charge = {
      ...payment,
      id: `stx${randomBytes(24).toString("base64url")}`,
      providerChargeId: payment.currency === STARS
        ? ""
        : randomBytes(12).toString("hex"),
      refunded: false,
    };
    this.#charges.set(charge.id, charge);
    return charge;
  }

  /** The charge with `id`, if any. */
  get(id: string): Charge | undefined {
    return this.#charges.get(id);
  }

  /** The charges of `botId`, oldest first. */
  chargesOf(botId: number): Charge[] {
    return [...this.#charges.values()].filter((c) => c.botId === botId);
  }
}

/** The sum of an invoice's price tags. */
export function totalAmount(invoice: tl.RawInvoice): Long {
  return invoice.prices.reduce(
    (sum, price) => sum.add(price.amount),
    Long.ZERO,
  );
}

/** Stars invoices take no provider, exactly one price, no tips and ask for no details (core.telegram.org/api/stars). */
function checkStarsInvoice(
  input: tl.RawInputMediaInvoice,
  invoice: tl.RawInvoice,
): void {
  const asksForDetails = invoice.nameRequested || invoice.phoneRequested ||
    invoice.emailRequested || invoice.shippingAddressRequested ||
    invoice.flexible;
  const hasTips = invoice.maxTipAmount !== undefined ||
    (invoice.suggestedTipAmounts?.length ?? 0) > 0;
  if (
    input.provider || invoice.prices.length !== 1 || hasTips || asksForDetails
  ) {
    throw new RpcFailure(400, "STARS_INVOICE_INVALID");
  }
}

function checkProviderData(data: tl.TypeDataJSON): void {
  try {
    JSON.parse(data.data);
  } catch {
    throw new RpcFailure(400, "DATA_JSON_INVALID");
  }
}

/** The stored photo of an invoice: a web document, as Telegram shows one it does not proxy. */
function invoicePhoto(
  photo: tl.TypeInputWebDocument | undefined,
): tl.RawWebDocumentNoProxy | undefined {
  if (!photo) return undefined;
  if (!photo.url) throw new RpcFailure(400, "WEBDOCUMENT_URL_EMPTY");
  if (!photo.mimeType.startsWith("image/")) {
    throw new RpcFailure(400, "WEBDOCUMENT_MIME_INVALID");
  }
  return {
    _: "webDocumentNoProxy",
    url: photo.url,
    size: photo.size,
    mimeType: photo.mimeType,
    attributes: photo.attributes,
  };
}

/**
 * The `messageMediaInvoice` of a bot's `inputMediaInvoice`, its terms
 * remembered for payment. Any non-empty provider token counts as a
 * provider's (the emulator has no BotFather); paid media in invoices
 * (`extended_media`) are not emulated.
 */
export function createInvoiceMedia(
  state: WorldState,
  senderId: number,
  input: tl.RawInputMediaInvoice,
): tl.RawMessageMediaInvoice {
  const invoice = input.invoice;
  const textsValid = input.title.length >= 1 &&
    input.title.length <= MAX_TITLE && input.description.length >= 1 &&
    input.description.length <= MAX_DESCRIPTION;
  if (
    state.accounts.require(senderId).kind !== "bot" || !textsValid ||
    input.extendedMedia
  ) {
    throw new RpcFailure(400, "MEDIA_INVALID");
  }
  if (input.payload.length < 1 || input.payload.length > MAX_PAYLOAD_BYTES) {
    throw new RpcFailure(400, "INVOICE_PAYLOAD_INVALID");
  }
  if (invoice.currency === STARS) checkStarsInvoice(input, invoice);
  else if (!input.provider) {
    throw new RpcFailure(400, "PAYMENT_PROVIDER_INVALID");
  }
  const total = totalAmount(invoice);
  if (invoice.prices.length === 0 || total.lte(Long.ZERO)) {
    throw new RpcFailure(400, "CURRENCY_TOTAL_AMOUNT_INVALID");
  }
  checkProviderData(input.providerData);
  const media: tl.RawMessageMediaInvoice = {
    _: "messageMediaInvoice",
    shippingAddressRequested: invoice.shippingAddressRequested,
    test: invoice.test,
    title: input.title,
    description: input.description,
    photo: invoicePhoto(input.photo),
    currency: invoice.currency,
    totalAmount: total,
    startParam: input.startParam ?? "",
  };
  state.payments.setTerms(media, {
    botId: senderId,
    payload: input.payload,
    invoice,
  });
  return media;
}
