/**
 * What send methods and InputMedia send → mtcute's InputMediaLike
 * (methods.md §A.1, §A.3, §B.2): the file kinds with their params, and
 * locations, venues, contacts and dice.
 */
import type { InputMediaLike } from "@mtcute/core";
import { omitUndefined } from "../types/omit_undefined.ts";
import type { MediaFileKind } from "./file_source.ts";
import { toFileMedia } from "./file_media.ts";
import {
  toGeoPoint,
  toLatitude,
  toLiveLocationAlerts,
  toLongitude,
} from "./geo.ts";
import {
  at,
  given,
  optionalEnum,
  optionalInteger,
  optionalString,
  POSITIVE_INT32,
  readObject,
  readString,
  readType,
} from "./read.ts";

export { toPollMedia } from "./poll.ts";

/** The file kinds of sendPhoto, sendDocument, …: the method and its params type decide the mtcute medium. */
export type SendMediaKind = MediaFileKind;

const INPUT_MEDIA_TYPES = [
  "animation",
  "audio",
  "document",
  "photo",
  "video",
  "voice",
] as const;

const DICE_EMOJI = ["🎲", "🎯", "🏀", "⚽", "🎳", "🎰"] as const;

/**
 * The mtcute InputMediaLike for sendPhoto/sendDocument/… (the file and that
 * method's params, §A.3): videoNote → video with isRound, animation → video
 * with isAnimated, photo "afterOpen" → ttlSeconds 0x7FFFFFFF, photo or video
 * with `starCount` → paid media.
 */
export function toSendMedia(
  kind: SendMediaKind,
  file: unknown,
  params: Record<string, unknown>,
  path: string,
): InputMediaLike {
  const object = readObject(params, path);
  const media = toFileMedia(kind, file, kind, object, path, {
    caption: kind !== "sticker",
    streamableAnimation: true,
  });
  if ((kind === "photo" || kind === "video") && given(object, "starCount")) {
    // A paid post carries the caption itself; its media carry none.
    const { caption, ...inner } = media as { caption?: unknown };
    return omitUndefined({
      type: "paid",
      media: inner as InputMediaLike,
      starsAmount: optionalInteger(object, "starCount", path, POSITIVE_INT32)!,
      caption,
    }) as InputMediaLike;
  }
  return media;
}

/** MTKruto InputMedia (with `type`, §A.1; used by sendMediaGroup and editMessageMedia). */
export function toInputMedia(value: unknown, path: string): InputMediaLike {
  const media = readObject(value, path);
  const type = readType(media, path, INPUT_MEDIA_TYPES);
  return toFileMedia(type, media[type], at(path, type), media, path, {
    caption: true,
    streamableAnimation: true,
  });
}

/** sendLocation: a point (`inputMediaGeoPoint`, keeping `horizontalAccuracy`), or with `livePeriod` a live location. */
export function toLocationMedia(
  latitude: unknown,
  longitude: unknown,
  params: Record<string, unknown>,
  path: string,
): InputMediaLike {
  const object = readObject(params, path);
  // Raw TL: mtcute's "geo" and "geo_live" media drop the accuracy radius.
  const geoPoint = toGeoPoint(latitude, longitude, object, {
    latitude: "latitude",
    longitude: "longitude",
    object: path,
  });
  const period = optionalInteger(object, "livePeriod", path, POSITIVE_INT32);
  if (period === undefined) return { _: "inputMediaGeoPoint", geoPoint };
  return omitUndefined({
    _: "inputMediaGeoLive" as const,
    geoPoint,
    period,
    ...toLiveLocationAlerts(object, path),
  });
}

/** sendContact: `{type: "contact", phone, firstName, lastName?, vcard?}`. */
export function toContactMedia(
  firstName: unknown,
  phoneNumber: unknown,
  params: Record<string, unknown>,
  path: string,
): InputMediaLike {
  const object = readObject(params, path);
  return omitUndefined({
    type: "contact",
    firstName: readString(firstName, "firstName", { nonEmpty: true }),
    phone: readString(phoneNumber, "phoneNumber", { nonEmpty: true }),
    lastName: optionalString(object, "lastName", path),
    vcard: optionalString(object, "vcard", path),
  });
}

/** sendVenue: `{type: "venue", …, source: {provider: "foursquare", id, type}}`, the provider named as MTKruto always does. */
export function toVenueMedia(
  latitude: unknown,
  longitude: unknown,
  title: unknown,
  address: unknown,
  params: Record<string, unknown>,
  path: string,
): InputMediaLike {
  const object = readObject(params, path);
  return {
    type: "venue",
    latitude: toLatitude(latitude, "latitude"),
    longitude: toLongitude(longitude, "longitude"),
    title: readString(title, "title"),
    address: readString(address, "address"),
    source: {
      provider: "foursquare",
      id: optionalString(object, "foursquareId", path) ?? "",
      type: optionalString(object, "foursquareType", path) ?? "",
    },
  };
}

/** sendDice: `{type: "dice", emoji}`, 🎲 unless `emoji` names another die. */
export function toDiceMedia(
  params: Record<string, unknown>,
  path: string,
): InputMediaLike {
  const object = readObject(params, path);
  return {
    type: "dice",
    emoji: optionalEnum(object, "emoji", path, DICE_EMOJI) ?? "🎲",
  };
}
