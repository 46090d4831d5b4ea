/** Media without files: locations (static and live), venues, contacts and dice. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { randomLong } from "./files.ts";
import type { WorldState } from "./state.ts";

/** Telegram's default and limits of a live location's period, in seconds; `0x7fffffff` means "until stopped". */
const LIVE_PERIOD = { default: 900, min: 60, max: 86400, forever: 0x7fffffff };

/** The values each dice emoji rolls (core.telegram.org/api/dice). */
const DICE_FACES: Record<string, number> = {
  "🎲": 6,
  "🎯": 6,
  "🎳": 6,
  "🏀": 5,
  "⚽": 5,
  "🎰": 64,
};

/** A stored `geoPoint` (with an access hash, as Telegram gives one) from the input point. */
export function geoPoint(input: tl.TypeInputGeoPoint): tl.RawGeoPoint {
  if (input._ !== "inputGeoPoint") {
    throw new RpcFailure(400, "GEO_POINT_INVALID");
  }
  const valid = Math.abs(input.lat) <= 90 && Math.abs(input.long) <= 180;
  if (!valid) throw new RpcFailure(400, "GEO_POINT_INVALID");
  return {
    _: "geoPoint",
    lat: input.lat,
    long: input.long,
    accessHash: randomLong(),
    accuracyRadius: input.accuracyRadius,
  };
}

function livePeriod(period: number | undefined): number {
  if (period === undefined) return LIVE_PERIOD.default;
  const inRange = period >= LIVE_PERIOD.min && period <= LIVE_PERIOD.max;
  if (!inRange && period !== LIVE_PERIOD.forever) {
    throw new RpcFailure(400, "PERIOD_INVALID");
  }
  return period;
}

function rollDice(emoticon: string): tl.RawMessageMediaDice {
  // clients may send the emoji with or without the variation selector
  const faces = DICE_FACES[emoticon.replace(/\uFE0F/g, "")];
  if (!faces) throw new RpcFailure(400, "EMOTICON_INVALID");
  const value = 1 + Math.floor(Math.random() * faces);
  return { _: "messageMediaDice", value, emoticon };
}

/** Place-like media; `undefined` for other kinds. */
export function resolvePlaceMedia(
  state: WorldState,
  media: tl.TypeInputMedia,
): tl.TypeMessageMedia | undefined {
  switch (media._) {
    case "inputMediaGeoPoint":
      return { _: "messageMediaGeo", geo: geoPoint(media.geoPoint) };
    case "inputMediaGeoLive":
      return {
        _: "messageMediaGeoLive",
        geo: geoPoint(media.geoPoint),
        heading: media.heading,
        period: livePeriod(media.period),
        proximityNotificationRadius: media.proximityNotificationRadius,
      };
    case "inputMediaVenue":
      return {
        _: "messageMediaVenue",
        geo: geoPoint(media.geoPoint),
        title: media.title,
        address: media.address,
        provider: media.provider,
        venueId: media.venueId,
        venueType: media.venueType,
      };
    case "inputMediaContact":
      return contactMedia(state, media);
    case "inputMediaDice":
      return rollDice(media.emoticon);
    default:
      return undefined;
  }
}

/** A contact card; `user_id` is the account with that phone, if any (0 otherwise), as on Telegram. */
export function contactMedia(
  state: WorldState,
  contact: Pick<
    tl.RawInputMediaContact,
    "phoneNumber" | "firstName" | "lastName" | "vcard"
  >,
): tl.RawMessageMediaContact {
  if (!contact.phoneNumber.trim()) {
    throw new RpcFailure(400, "PHONE_NUMBER_INVALID");
  }
  return {
    _: "messageMediaContact",
    phoneNumber: contact.phoneNumber,
    firstName: contact.firstName,
    lastName: contact.lastName,
    vcard: contact.vcard,
    userId: state.accounts.byPhone(contact.phoneNumber)?.id ?? 0,
  };
}
