/** Contact, Dice and Invoice in MTKruto's shape: TL media copied field by field (types.md §8). */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";

/** A shared contact. */
export interface Contact {
  phoneNumber: string;
  firstName: string;
  lastName?: string;
  userId?: number;
  vcard?: string;
}

/** An animated emoji with a random value. */
export interface Dice {
  emoji: string;
  value: number;
}

/** A payment request. */
export interface Invoice {
  title: string;
  description: string;
  startParameter: string;
  currency: string;
  totalAmount: number;
}

/** The Contact of a contact message (`lastName`/`vcard` left out when empty, `userId` when 0). */
export function renderContact(media: tl.RawMessageMediaContact): Contact {
  return omitUndefined({
    phoneNumber: media.phoneNumber,
    firstName: media.firstName,
    lastName: media.lastName || undefined,
    userId: media.userId || undefined,
    vcard: media.vcard || undefined,
  });
}

/** The Dice of a dice message. */
export function renderDice(media: tl.RawMessageMediaDice): Dice {
  return { emoji: media.emoticon, value: media.value };
}

/** The Invoice of an invoice message (the amount as a number). */
export function renderInvoice(media: tl.RawMessageMediaInvoice): Invoice {
  return {
    title: media.title,
    description: media.description,
    startParameter: media.startParam,
    currency: media.currency,
    totalAmount: media.totalAmount.toNumber(),
  };
}
