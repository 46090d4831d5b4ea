/** Location and Venue in MTKruto's shape (types.md §8). */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";
import { RenderError } from "./render_error.ts";

/** A point on the map; the last three keys only for live locations. */
export interface Location {
  latitude: number;
  longitude: number;
  horizontalAccuracy?: number;
  livePeriod?: number;
  heading?: number;
  proximityAlertRadius?: number;
}

/** A named place. */
export interface Venue {
  location: Location;
  title: string;
  address: string;
  foursquareId: string;
  foursquareType: string;
}

/** The point a geo field must hold; `geoPointEmpty` throws RenderError (MTKruto fails on it too). */
export function requiredPoint(
  geo: tl.TypeGeoPoint,
  where: string,
): tl.RawGeoPoint {
  if (geo._ !== "geoPoint") {
    throw new RenderError(`${where} has ${geo._} where a point was expected`);
  }
  return geo;
}

/** The Location of a TL geo point (also for inline queries and business locations). */
export function renderGeoPoint(geo: tl.RawGeoPoint): Location {
  return omitUndefined({
    latitude: geo.lat,
    longitude: geo.long,
    horizontalAccuracy: geo.accuracyRadius,
  });
}

/** The Location of a location message, live or not. */
export function renderLocation(
  media: tl.RawMessageMediaGeo | tl.RawMessageMediaGeoLive,
): Location {
  const location = renderGeoPoint(requiredPoint(media.geo, media._));
  if (media._ === "messageMediaGeo") return location;
  return omitUndefined({
    ...location,
    livePeriod: media.period,
    heading: media.heading,
    proximityAlertRadius: media.proximityNotificationRadius,
  });
}

/** The Venue of a venue message (`venue_id`/`venue_type` are required TL strings, so always present). */
export function renderVenue(media: tl.RawMessageMediaVenue): Venue {
  return {
    location: renderGeoPoint(requiredPoint(media.geo, media._)),
    title: media.title,
    address: media.address,
    foursquareId: media.venueId,
    foursquareType: media.venueType,
  };
}
