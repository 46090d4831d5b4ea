/**
 * What inline results send in place of themselves: texts, locations,
 * venues and contacts.
 *
 * @module
 */
import type { TextParams } from "./common.ts";
import type { LocationParams } from "./media.ts";

/** A text message an inline result sends: its text, formatted, with its link preview. */
export interface InputTextMessageContent extends TextParams {
  /** Always "text". */
  type: "text";
  /** The text (not empty once parsed). */
  text: string;
}

/** A location an inline result sends, live when it has `livePeriod`. */
export interface InputLocationMessageContent extends LocationParams {
  /** Always "location". */
  type: "location";
  /** Its latitude, -90–90. */
  latitude: number;
  /** Its longitude, -180–180. */
  longitude: number;
  /** For how many seconds the location is live; left out, it is not. */
  livePeriod?: number;
}

/** A venue an inline result sends, from Foursquare, or from Google Places when only `googlePlaceId` is given. */
export interface InputVenueMessageContent {
  /** Always "venue". */
  type: "venue";
  /** Its latitude, -90–90. */
  latitude: number;
  /** Its longitude, -180–180. */
  longitude: number;
  /** Its name. */
  title: string;
  /** Its address. */
  address: string;
  /** Its Foursquare id. */
  foursquareId?: string;
  /** Its Foursquare type. */
  foursquareType?: string;
  /** Its Google Places id. */
  googlePlaceId?: string;
  /** Its Google Places type. */
  googlePlaceType?: string;
}

/** A contact an inline result sends. */
export interface InputContactMessageContent {
  /** Always "contact". */
  type: "contact";
  /** The contact's phone number (not empty). */
  phoneNumber: string;
  /** The contact's first name (not empty). */
  firstName: string;
  /** The contact's last name. */
  lastName?: string;
  /** The contact's vCard. */
  vcard?: string;
}

/**
 * What an inline result sends in place of itself. MTKruto's invoice and
 * rich-text contents are refused: mtcute's inline messages cannot carry them.
 */
export type InputMessageContent =
  | InputTextMessageContent
  | InputLocationMessageContent
  | InputVenueMessageContent
  | InputContactMessageContent;
