/** OrderInfo and ShippingAddress in MTKruto's shape (types.md §7.4), from TL `paymentRequestedInfo`. */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";

/** A postal address given for shipping. */
export interface ShippingAddress {
  countryCode: string;
  state: string;
  city: string;
  streetLine1: string;
  streetLine2: string;
  postCode: string;
}

/** What the buyer told the bot for an order. */
export interface OrderInfo {
  name?: string;
  phoneNumber?: string;
  email?: string;
  shippingAddress?: ShippingAddress;
}

/** The ShippingAddress of a TL post address. */
export function renderShippingAddress(
  address: tl.RawPostAddress,
): ShippingAddress {
  return {
    countryCode: address.countryIso2,
    state: address.state,
    city: address.city,
    streetLine1: address.streetLine1,
    streetLine2: address.streetLine2,
    postCode: address.postCode,
  };
}

/** The OrderInfo of TL requested info (absent parts left out). */
export function renderOrderInfo(info: tl.RawPaymentRequestedInfo): OrderInfo {
  return omitUndefined({
    name: info.name,
    phoneNumber: info.phone,
    email: info.email,
    shippingAddress: info.shippingAddress &&
      renderShippingAddress(info.shippingAddress),
  });
}
