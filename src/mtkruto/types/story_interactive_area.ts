/** A story's interactive areas (MTKruto's StoryInteractiveArea, from TL `MediaArea`): places, reactions, posts, links, weather and gifts on it. */
import type { tl } from "@mtcute/core";
import {
  type Location,
  renderGeoPoint,
  requiredPoint,
  type Venue,
} from "./location.ts";
import type { MessageReference } from "./message_reference.ts";
import { markedPeerId } from "./peers.ts";
import { type Reaction, renderReaction } from "./reactions.ts";
import { RenderError } from "./render_error.ts";

/** Where on the story an area is, in percent of its size, and its rotation in degrees. */
export interface StoryInteractiveAreaPosition {
  xPercentage: number;
  yPercentage: number;
  widthPercentage: number;
  heightPercentage: number;
  rotationAngle: number;
}

/** A location on the story. */
export interface StoryInteractiveAreaLocation {
  type: "location";
  position: StoryInteractiveAreaPosition;
  location: Location;
}

/** A venue on the story. */
export interface StoryInteractiveAreaVenue {
  type: "venue";
  position: StoryInteractiveAreaPosition;
  venue: Venue;
}

/** A suggested reaction on the story. */
export interface StoryInteractiveAreaReaction {
  type: "reaction";
  position: StoryInteractiveAreaPosition;
  reaction: Reaction;
  count?: number;
  isDark?: boolean;
  isFlipped?: boolean;
}

/** A channel post shown on the story. */
export interface StoryInteractiveAreaMessage {
  type: "messageReference";
  position: StoryInteractiveAreaPosition;
  messageReference: MessageReference;
}

/** A link on the story. */
export interface StoryInteractiveAreaLink {
  type: "link";
  position: StoryInteractiveAreaPosition;
  link: string;
}

/** A weather widget on the story (temperature in °C, color as an ARGB integer). */
export interface StoryInteractiveAreaWeather {
  type: "weather";
  position: StoryInteractiveAreaPosition;
  emoji: string;
  temperature: number;
  color: number;
}

/** A collectible gift on the story, by its slug. */
export interface StoryInteractiveAreaGift {
  type: "gift";
  position: StoryInteractiveAreaPosition;
  slug: string;
}

/** Any interactive area of a story. */
export type StoryInteractiveArea =
  | StoryInteractiveAreaLocation
  | StoryInteractiveAreaVenue
  | StoryInteractiveAreaReaction
  | StoryInteractiveAreaMessage
  | StoryInteractiveAreaLink
  | StoryInteractiveAreaWeather
  | StoryInteractiveAreaGift;

function renderPosition(
  coordinates: tl.RawMediaAreaCoordinates,
): StoryInteractiveAreaPosition {
  return {
    xPercentage: coordinates.x,
    yPercentage: coordinates.y,
    widthPercentage: coordinates.w,
    heightPercentage: coordinates.h,
    rotationAngle: coordinates.rotation,
  };
}

/**
 * The StoryInteractiveArea of a TL media area. MTKruto writes a reaction's
 * `count` as 0 whatever Telegram counted; areas Telegram sends only as
 * input (`inputMediaArea*`) or that MTKruto does not know throw
 * RenderError, as MTKruto fails on them.
 */
export function renderInteractiveArea(
  area: tl.TypeMediaArea,
): StoryInteractiveArea {
  const position = renderPosition(area.coordinates);
  switch (area._) {
    case "mediaAreaGeoPoint":
      return {
        type: "location",
        position,
        location: renderGeoPoint(requiredPoint(area.geo, area._)),
      };
    case "mediaAreaVenue":
      return {
        type: "venue",
        position,
        venue: {
          location: renderGeoPoint(requiredPoint(area.geo, area._)),
          title: area.title,
          address: area.address,
          foursquareId: area.venueId,
          foursquareType: area.venueType,
        },
      };
    case "mediaAreaSuggestedReaction": {
      const reaction = renderReaction(area.reaction);
      if (!reaction) break;
      return {
        type: "reaction",
        position,
        reaction,
        count: 0,
        isFlipped: area.flipped ?? false,
        isDark: area.dark ?? false,
      };
    }
    case "mediaAreaChannelPost":
      return {
        type: "messageReference",
        position,
        messageReference: {
          chatId: markedPeerId({
            _: "peerChannel",
            channelId: area.channelId,
          }),
          messageId: area.msgId,
        },
      };
    case "mediaAreaUrl":
      return { type: "link", position, link: area.url };
    case "mediaAreaWeather":
      return {
        type: "weather",
        position,
        emoji: area.emoji,
        temperature: area.temperatureC,
        color: area.color,
      };
    case "mediaAreaStarGift":
      return { type: "gift", position, slug: area.slug };
  }
  throw new RenderError(`A story's ${area._} area has nothing to render`);
}
