/** PollMedia in MTKruto's shape: what a poll, an option or an explanation may show (types.md §11, newest only). */
import type { tl } from "@mtcute/core";
import {
  type Animation,
  renderAnimation,
  renderVideo,
  type Video,
} from "./documents.ts";
import { documentAttribute } from "./document_attribute.ts";
import {
  type Location,
  renderGeoPoint,
  renderVenue,
  type Venue,
} from "./location.ts";
import type { PeerLookup } from "./peers.ts";
import { type Photo, renderPhoto } from "./photo.ts";
import { RenderError } from "./render_error.ts";
import {
  renderSticker,
  type Sticker,
  stickerSetNameOf,
  type StickerSetNames,
} from "./sticker.ts";

/** A medium attached to a poll, told apart by `type`. */
export type PollMedia =
  | { type: "animation"; animation: Animation }
  | { type: "photo"; photo: Photo }
  | { type: "video"; video: Video }
  | { type: "sticker"; sticker: Sticker }
  | { type: "livePhoto"; photo: Photo; video: Video }
  | { type: "location"; location: Location }
  | { type: "venue"; venue: Venue }
  | { type: "link"; url: string; linkPreview: object };

/** What a poll's TL does not carry; each part left out drops only what needs it. */
export interface PollContext {
  /** The peers of the update or result, for the options' `addedBy` (left out without them). */
  peers?: PeerLookup;
  /** Short name of a sticker set referenced by id (sticker `setName` is left out without it). */
  stickerSetName?: StickerSetNames;
  /** The LinkPreview (types.md §13) of a link medium; link media are left out without it. */
  linkPreview?: (media: tl.RawMessageMediaWebPage) => object;
}

function requiredPhoto(photo: tl.TypePhoto): tl.RawPhoto {
  if (photo._ !== "photo") {
    throw new RenderError(
      `Poll medium has ${photo._} where a photo was expected`,
    );
  }
  return photo;
}

function requiredDocument(
  document: tl.TypeDocument | undefined,
): tl.RawDocument {
  if (document?._ !== "document") {
    throw new RenderError(
      `Poll medium has ${
        document?._ ?? "nothing"
      } where a document was expected`,
    );
  }
  return document;
}

function photoMedium(
  media: tl.RawMessageMediaPhoto,
): PollMedia {
  const photo = media.photo && renderPhoto(requiredPhoto(media.photo));
  if (media.video) {
    const video = renderVideo(requiredDocument(media.video));
    return photo
      ? { type: "livePhoto", photo, video }
      : { type: "video", video };
  }
  if (!photo) throw new RenderError("Poll photo medium has no photo");
  return { type: "photo", photo };
}

/** MTKruto's order here differs from a message's: animation before sticker. */
function documentMedium(
  media: tl.RawMessageMediaDocument,
  context: PollContext,
): PollMedia {
  const document = requiredDocument(media.document);
  if (documentAttribute(document, "documentAttributeAnimated")) {
    return { type: "animation", animation: renderAnimation(document) };
  }
  if (documentAttribute(document, "documentAttributeSticker")) {
    const setName = stickerSetNameOf(document, context.stickerSetName);
    return { type: "sticker", sticker: renderSticker(document, { setName }) };
  }
  if (documentAttribute(document, "documentAttributeVideo")) {
    return { type: "video", video: renderVideo(document) };
  }
  throw new RenderError(
    `Poll document ${document.id} is neither an animation, a sticker nor a video`,
  );
}

/** The link medium, or undefined when no LinkPreview renderer was given. */
function linkMedium(
  media: tl.RawMessageMediaWebPage,
  context: PollContext,
): PollMedia | undefined {
  const page = media.webpage;
  const url = page._ === "webPage" || page._ === "webPagePending"
    ? page.url
    : undefined;
  if (!url) throw new RenderError("Poll link medium has no loaded page");
  if (!context.linkPreview) return undefined;
  return { type: "link", url, linkPreview: context.linkPreview(media) };
}

/**
 * The PollMedia of a TL medium. Kinds MTKruto cannot render throw
 * RenderError (MTKruto fails the poll too); a link without
 * `context.linkPreview` gives undefined, so the key is left out.
 */
export function renderPollMedia(
  media: tl.TypeMessageMedia,
  context: PollContext = {},
): PollMedia | undefined {
  switch (media._) {
    case "messageMediaPhoto":
      return photoMedium(media);
    case "messageMediaDocument":
      return documentMedium(media, context);
    case "messageMediaGeo":
      if (media.geo._ !== "geoPoint") {
        throw new RenderError("Poll location medium has no point");
      }
      return { type: "location", location: renderGeoPoint(media.geo) };
    case "messageMediaVenue":
      return { type: "venue", venue: renderVenue(media) };
    case "messageMediaWebPage":
      return linkMedium(media, context);
    default:
      throw new RenderError(
        `Poll medium ${media._} is not one MTKruto renders`,
      );
  }
}
