/** Coordinates and geo points, as locations, venues and their inline and poll variants take them. */
import type { tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import {
  at,
  fail,
  type JsonObject,
  optionalInteger,
  optionalNumber,
} from "./read.ts";

/** A latitude: a number from -90 to 90. */
export function toLatitude(value: unknown, path: string): number {
  return coordinate(value, path, 90);
}

/** A longitude: a number from -180 to 180. */
export function toLongitude(value: unknown, path: string): number {
  return coordinate(value, path, 180);
}

/** `object.horizontalAccuracy`: meters from 0 to 1500, rounded as Telegram keeps whole meters; undefined when absent. */
export function toAccuracy(
  object: JsonObject,
  path: string,
): number | undefined {
  const accuracy = optionalNumber(object, "horizontalAccuracy", path);
  if (accuracy === undefined) return undefined;
  if (accuracy < 0 || accuracy > 1500) {
    throw new InputError(
      `${
        at(path, "horizontalAccuracy")
      } must be from 0 to 1500 (meters); got ${accuracy}`,
    );
  }
  return Math.round(accuracy);
}

/** A TL geo point from coordinates and an optional `horizontalAccuracy` in `object`. */
export function toGeoPoint(
  latitude: unknown,
  longitude: unknown,
  object: JsonObject,
  paths: { latitude: string; longitude: string; object: string },
): tl.RawInputGeoPoint {
  return omitUndefined({
    _: "inputGeoPoint" as const,
    lat: toLatitude(latitude, paths.latitude),
    long: toLongitude(longitude, paths.longitude),
    accuracyRadius: toAccuracy(object, paths.object),
  });
}

function coordinate(value: unknown, path: string, limit: number): number {
  if (
    typeof value !== "number" || !Number.isFinite(value) || value < -limit ||
    value > limit
  ) {
    fail(path, `a number from -${limit} to ${limit}`, value);
  }
  return value;
}

/** Telegram's largest proximity alert radius, in meters. */
const MAX_PROXIMITY_ALERT_RADIUS = 100_000;

/** A live location's `heading` (1–360°) and `proximityAlertRadius`, as TL names them. */
export function toLiveLocationAlerts(
  object: JsonObject,
  path: string,
): { heading?: number; proximityNotificationRadius?: number } {
  return {
    heading: optionalInteger(object, "heading", path, { min: 1, max: 360 }),
    proximityNotificationRadius: optionalInteger(
      object,
      "proximityAlertRadius",
      path,
      { min: 0, max: MAX_PROXIMITY_ALERT_RADIUS },
    ),
  };
}
