/**
 * sendInvoice's inputs (methods.md §B.13, MTKruto 0.216): the price tags and
 * SendInvoiceParams → mtcute's InputMediaInvoice, built as MTKruto builds
 * its `inputMediaInvoice` (provider data passed as written, "null" when left
 * out; the photo as a JPEG web document of the given size).
 */
import { type InputMediaInvoice, Long, type tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import {
  at,
  fail,
  type JsonObject,
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
  readArray,
  readInteger,
  readObject,
  readString,
  requiredInteger,
  requiredString,
} from "./read.ts";

/** An invoice's texts as MTKruto bounds them: title 1–32 characters, description 1–255. */
export const INVOICE_TEXT_LIMITS = { title: 32, description: 255 } as const;

/** A title or description of an invoice, within MTKruto's bounds. */
export function readInvoiceText(
  value: unknown,
  path: string,
  max: number,
): string {
  const text = readString(value, path);
  if (text.length < 1 || text.length > max) {
    fail(path, `a string of 1 to ${max} characters`, value);
  }
  return text;
}

/** PriceTag[] (`{label, amount}`, amounts in the currency's smallest units) → TL labeled prices; at least one. */
export function toPriceTags(
  value: unknown,
  path: string,
): tl.RawLabeledPrice[] {
  const list = readArray(value, path);
  if (list.length === 0) {
    throw new InputError(
      `${path} must hold at least one price tag ({label, amount}); got an empty array`,
    );
  }
  return list.map((item, index) => {
    const tagPath = at(path, index);
    const tag = readObject(item, tagPath);
    return {
      _: "labeledPrice",
      label: requiredString(tag, "label", tagPath),
      amount: Long.fromNumber(requiredInteger(tag, "amount", tagPath)),
    };
  });
}

/** `providerData`, a JSON text shared with the payment provider, as the value mtcute serializes again. */
function providerData(object: JsonObject, path: string): unknown {
  const text = optionalString(object, "providerData", path);
  if (text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    fail(at(path, "providerData"), "a JSON text", text);
  }
}

/** The product photo of `photoUrl`, described by `photoSize`, `photoWidth` and `photoHeight`. */
function invoicePhoto(
  object: JsonObject,
  path: string,
): tl.RawInputWebDocument | undefined {
  const url = optionalString(object, "photoUrl", path, { nonEmpty: true });
  const size = (key: string) =>
    optionalInteger(object, key, path, { min: 0 }) ?? 0;
  const [photoSize, w, h] = [
    size("photoSize"),
    size("photoWidth"),
    size("photoHeight"),
  ];
  if (url === undefined) return undefined;
  return {
    _: "inputWebDocument",
    url,
    size: photoSize,
    // MTKruto does not guess the type from the URL either.
    mimeType: "image/jpeg",
    attributes: [{ _: "documentAttributeImageSize", w, h }],
  };
}

/** The TL invoice: currency, prices, tips and which details the buyer is asked for. */
function toInvoice(
  currency: string,
  prices: tl.RawLabeledPrice[],
  object: JsonObject,
  path: string,
): tl.RawInvoice {
  const flag = (key: string) => optionalBoolean(object, key, path) || undefined;
  const maxTip = optionalInteger(object, "maxTipAmount", path, { min: 0 });
  const suggested = optionalList(
    object,
    "suggestedTipAmounts",
    path,
    (item, itemPath) =>
      Long.fromNumber(readInteger(item, itemPath, { min: 1 })),
  );
  return {
    _: "invoice",
    currency,
    prices,
    // As MTKruto: a maximum tip of 0 means none.
    maxTipAmount: maxTip ? Long.fromNumber(maxTip) : undefined,
    suggestedTipAmounts: suggested,
    nameRequested: flag("isNameNeeded"),
    phoneRequested: flag("isPhoneNumberNeeded"),
    emailRequested: flag("isEmailNeeded"),
    shippingAddressRequested: flag("isShippingAddressNeeded"),
    emailToProvider: flag("isEmailSentToProvider"),
    phoneToProvider: flag("isPhoneNumberSentToProvider"),
    flexible: flag("isFlexible"),
  };
}

/** sendInvoice's medium: the invoice of `currency` ("XTR" for Telegram Stars, which take no provider token). */
export function toInvoiceMedia(
  invoice: {
    title: string;
    description: string;
    payload: string;
    currency: string;
    prices: tl.RawLabeledPrice[];
  },
  params: Record<string, unknown>,
  path: string,
): InputMediaInvoice {
  const object = readObject(params, path);
  return {
    type: "invoice",
    title: invoice.title,
    description: invoice.description,
    payload: new TextEncoder().encode(invoice.payload),
    token: optionalString(object, "providerToken", path) ?? "",
    providerData: providerData(object, path),
    startParam: optionalString(object, "startParameter", path) ?? "",
    photo: invoicePhoto(object, path),
    invoice: toInvoice(invoice.currency, invoice.prices, object, path),
  };
}

/** answerPreCheckoutQuery's `error`: required when the answer is no (Telegram shows it to the buyer). */
export function toPrecheckoutError(
  ok: boolean,
  params: Record<string, unknown>,
  path: string,
): string | undefined {
  const object = readObject(params, path);
  const error = optionalString(object, "error", path);
  if (!ok && !error?.trim()) {
    throw new InputError(
      `${
        at(path, "error")
      } must be a non-empty string when ok is false: it tells the buyer why the order cannot be completed`,
    );
  }
  return error;
}
