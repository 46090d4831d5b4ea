/** Message media as the control API shows it: its kind and the fields tests look at. */
import type { tl } from "@mtcute/core";
import { viewPollMedia } from "./world/polls.ts";

/** What a document is, by its attributes (as clients tell them apart). */
export type DocumentKind =
  | "document"
  | "video"
  | "videoNote"
  | "animation"
  | "audio"
  | "voice"
  | "sticker";

/** Media in `GET /messages` items; `type` names the kind. */
export type ControlMedia =
  | { type: "photo"; id: string; size: number; width: number; height: number }
  | {
    type: "document";
    kind: DocumentKind;
    id: string;
    size: number;
    mimeType: string;
    fileName?: string;
    duration?: number;
    width?: number;
    height?: number;
    title?: string;
    performer?: string;
    /** A sticker's emoji. */
    emoji?: string;
    supportsStreaming?: boolean;
    hasThumbnail?: boolean;
  }
  | { type: "geo"; latitude: number; longitude: number }
  | {
    type: "geoLive";
    latitude: number;
    longitude: number;
    period: number;
    heading?: number;
  }
  | {
    type: "venue";
    latitude: number;
    longitude: number;
    title: string;
    address: string;
    provider: string;
    venueId: string;
    venueType: string;
  }
  | {
    type: "contact";
    phone: string;
    firstName: string;
    lastName: string;
    userId?: number;
  }
  | { type: "dice"; emoji: string; value: number }
  | {
    type: "poll";
    id: string;
    question: string;
    options: string[];
    closed: boolean;
    quiz: boolean;
    multipleChoice: boolean;
    totalVoters: number;
  }
  | { type: "other"; constructor: string };

function documentKind(document: tl.RawDocument): DocumentKind {
  const has = (type: tl.TypeDocumentAttribute["_"]) =>
    document.attributes.some((a) => a._ === type);
  if (has("documentAttributeSticker")) return "sticker";
  const audio = document.attributes.find((a) =>
    a._ === "documentAttributeAudio"
  );
  if (audio) return audio.voice ? "voice" : "audio";
  if (has("documentAttributeAnimated")) return "animation";
  const video = document.attributes.find((a) =>
    a._ === "documentAttributeVideo"
  );
  if (video) return video.roundMessage ? "videoNote" : "video";
  return "document";
}

function documentSummary(document: tl.RawDocument): ControlMedia {
  const summary: ControlMedia = {
    type: "document",
    kind: documentKind(document),
    id: document.id.toString(),
    size: document.size,
    mimeType: document.mimeType,
    hasThumbnail: document.thumbs?.length ? true : undefined,
  };
  for (const attribute of document.attributes) {
    switch (attribute._) {
      case "documentAttributeFilename":
        summary.fileName = attribute.fileName;
        break;
      case "documentAttributeVideo":
        Object.assign(summary, {
          duration: attribute.duration,
          width: attribute.w,
          height: attribute.h,
          supportsStreaming: attribute.supportsStreaming,
        });
        break;
      case "documentAttributeImageSize":
        summary.width ??= attribute.w;
        summary.height ??= attribute.h;
        break;
      case "documentAttributeAudio":
        Object.assign(summary, {
          duration: attribute.duration,
          title: attribute.title,
          performer: attribute.performer,
        });
        break;
      case "documentAttributeSticker":
        summary.emoji = attribute.alt;
        break;
    }
  }
  return summary;
}

function point(geo: tl.TypeGeoPoint) {
  return geo._ === "geoPoint"
    ? { latitude: geo.lat, longitude: geo.long }
    : { latitude: 0, longitude: 0 };
}

function photoSummary(photo: tl.RawPhoto): ControlMedia {
  const largest = photo.sizes.filter((s) => s._ === "photoSize").at(-1);
  return {
    type: "photo",
    id: photo.id.toString(),
    size: largest?.size ?? 0,
    width: largest?.w ?? 0,
    height: largest?.h ?? 0,
  };
}

/** The control API's summary of `media` as `viewerId` sees it (poll votes are per viewer). */
export function controlMedia(
  stored: tl.TypeMessageMedia,
  viewerId: number,
): ControlMedia {
  const media = viewPollMedia(stored, viewerId);
  switch (media._) {
    case "messageMediaPhoto":
      if (media.photo?._ === "photo") return photoSummary(media.photo);
      break;
    case "messageMediaDocument":
      if (media.document?._ === "document") {
        return documentSummary(media.document);
      }
      break;
    case "messageMediaGeo":
      return { type: "geo", ...point(media.geo) };
    case "messageMediaGeoLive":
      return {
        type: "geoLive",
        ...point(media.geo),
        period: media.period,
        heading: media.heading,
      };
    case "messageMediaVenue":
      return {
        type: "venue",
        ...point(media.geo),
        title: media.title,
        address: media.address,
        provider: media.provider,
        venueId: media.venueId,
        venueType: media.venueType,
      };
    case "messageMediaContact":
      return {
        type: "contact",
        phone: media.phoneNumber,
        firstName: media.firstName,
        lastName: media.lastName,
        userId: media.userId || undefined,
      };
    case "messageMediaDice":
      return { type: "dice", emoji: media.emoticon, value: media.value };
    case "messageMediaPoll":
      if (media.poll._ !== "poll") break;
      return {
        type: "poll",
        id: media.poll.id.toString(),
        question: media.poll.question.text,
        options: media.poll.answers.map((answer) => answer.text.text),
        closed: media.poll.closed === true,
        quiz: media.poll.quiz === true,
        multipleChoice: media.poll.multipleChoice === true,
        totalVoters: media.results.totalVoters ?? 0,
      };
  }
  return { type: "other", constructor: media._ };
}
