/** MTKruto 0.216's MessageContent (what an inline result sends) → mtcute's InputInlineMessage (methods.md §A.1, §B.8). */
import type { InlineKeyboardMarkup, InputInlineMessage } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { parseText } from "../text/parse_mode.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import {
  toAccuracy,
  toLatitude,
  toLiveLocationAlerts,
  toLongitude,
} from "./geo.ts";
import { toLinkPreview } from "./link_preview.ts";
import {
  at,
  given,
  type JsonObject,
  optionalInteger,
  optionalString,
  POSITIVE_INT32,
  readObject,
  readType,
  requiredString,
} from "./read.ts";

const CONTENT_TYPES = [
  "text",
  "location",
  "venue",
  "contact",
  "invoice",
  "richText",
] as const;

/**
 * A MessageContent with the result's inline keyboard → what mtcute sends:
 * text (a `webpage` when its link preview names a URL), a location (live
 * with `livePeriod`), a venue or a contact. Invoices and rich text have no
 * mtcute form and are refused.
 */
export function toInlineMessage(
  value: unknown,
  path: string,
  replyMarkup: InlineKeyboardMarkup | undefined,
): InputInlineMessage {
  const content = readObject(value, path);
  const type = readType(content, path, CONTENT_TYPES);
  switch (type) {
    case "text":
      return textMessage(content, path, replyMarkup);
    case "location":
      return toInlineLocation(content, path, replyMarkup);
    case "venue":
      return toInlineVenue(content, path, replyMarkup);
    case "contact":
      return toInlineContact(content, path, replyMarkup);
    case "invoice":
    case "richText":
      throw new InputError(
        `${path}: a message content of type ${
          JSON.stringify(type)
        } is not supported by this server; use "text", "location", "venue" or "contact"`,
      );
  }
}

/** A location (`{latitude, longitude, livePeriod?, heading?, proximityAlertRadius?}`) as an inline message. */
export function toInlineLocation(
  object: JsonObject,
  path: string,
  replyMarkup: InlineKeyboardMarkup | undefined,
): InputInlineMessage {
  // Checked though mtcute's inline geo message has no field for it.
  toAccuracy(object, path);
  const period = optionalInteger(object, "livePeriod", path, POSITIVE_INT32);
  return omitUndefined({
    type: period === undefined ? "geo" as const : "geo_live" as const,
    latitude: toLatitude(object.latitude, at(path, "latitude")),
    longitude: toLongitude(object.longitude, at(path, "longitude")),
    period,
    ...toLiveLocationAlerts(object, path),
    replyMarkup,
  });
}

/** A venue (`{latitude, longitude, title, address, foursquareId?, foursquareType?, googlePlaceId?, googlePlaceType?}`) as an inline message. */
export function toInlineVenue(
  object: JsonObject,
  path: string,
  replyMarkup: InlineKeyboardMarkup | undefined,
): InputInlineMessage {
  // MTKruto names Foursquare as the provider; Google Places is used when only it is given.
  const google = !given(object, "foursquareId") &&
    given(object, "googlePlaceId");
  return omitUndefined({
    type: "venue" as const,
    latitude: toLatitude(object.latitude, at(path, "latitude")),
    longitude: toLongitude(object.longitude, at(path, "longitude")),
    title: requiredString(object, "title", path),
    address: requiredString(object, "address", path),
    source: google
      ? {
        provider: "gplaces" as const,
        id: optionalString(object, "googlePlaceId", path)!,
        type: optionalString(object, "googlePlaceType", path) ?? "",
      }
      : {
        provider: "foursquare" as const,
        id: optionalString(object, "foursquareId", path) ?? "",
        type: optionalString(object, "foursquareType", path) ?? "",
      },
    replyMarkup,
  });
}

/** A contact (`{phoneNumber, firstName, lastName?, vcard?}`) as an inline message. */
export function toInlineContact(
  object: JsonObject,
  path: string,
  replyMarkup: InlineKeyboardMarkup | undefined,
): InputInlineMessage {
  return omitUndefined({
    type: "contact" as const,
    phone: requiredString(object, "phoneNumber", path, { nonEmpty: true }),
    firstName: requiredString(object, "firstName", path, { nonEmpty: true }),
    lastName: optionalString(object, "lastName", path),
    vcard: optionalString(object, "vcard", path),
    replyMarkup,
  });
}

function textMessage(
  content: JsonObject,
  path: string,
  replyMarkup: InlineKeyboardMarkup | undefined,
): InputInlineMessage {
  const text = parseText(
    content.text,
    {
      parseMode: content.parseMode,
      entities: content.entities,
    },
    path,
    { textName: at(path, "text") },
  );
  const preview = given(content, "linkPreview")
    ? toLinkPreview(content.linkPreview, at(path, "linkPreview"))
    : {};
  if (preview.webpage) {
    return omitUndefined({
      type: "webpage" as const,
      ...preview.webpage,
      text,
      invertMedia: preview.invertMedia,
      replyMarkup,
    });
  }
  return omitUndefined({
    type: "text" as const,
    text,
    disableWebPreview: preview.disableWebPreview,
    invertMedia: preview.invertMedia,
    replyMarkup,
  });
}
