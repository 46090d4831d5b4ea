/**
 * LinkPreview in MTKruto's shape (types.md §13), from TL `messageMediaWebPage`.
 *
 * Divergences, all for pages MTKruto cannot build either: `telegram_nft`
 * pages render as `unknown` (MTKruto's `gift` needs a Gift renderer we do not
 * have), and an empty photo or document on a page counts as none (MTKruto
 * fails the message).
 */
import type { tl } from "@mtcute/core";
import {
  type Audio,
  type Document,
  renderAudio,
  renderDocument,
} from "./documents.ts";
import { documentFileIds } from "./file_id.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type Photo, renderPhoto } from "./photo.ts";

/** Fields every preview has: the web page id, the media size asked for and whether it is shown above the text. */
interface LinkPreviewBase {
  id: string;
  mediaSize: "small" | "large";
  isAboveText: boolean;
}

/** An embedded player's address and size. */
interface Embed {
  embedUrl: string;
  width: number;
  height: number;
  duration: number;
}

/** A link's preview, told apart by `type` (loaded kinds always have `url`). */
export type LinkPreview =
  | { type: "loading"; id: string; date: number; url?: string } & Sizing
  | { type: "notLoaded"; id: string; url?: string } & Sizing
  | { type: "unknown" } & Loaded
  | { type: "photo"; photo: Photo } & Loaded
  | { type: "embeddedVideo"; thumbnail?: Photo } & Loaded & Embed
  | { type: "externalVideo"; mimeType: string } & Loaded & Embed
  | {
    type: "video";
    video: Document;
    startTimestamp?: number;
    thumbnail?: Photo;
  } & Loaded
  | { type: "embeddedAudio" } & Loaded & Embed
  | { type: "externalAudio"; mimeType: string } & Loaded & Embed
  | { type: "audio"; audio: Audio } & Loaded;

type Sizing = Omit<LinkPreviewBase, "id">;
type Loaded = LinkPreviewBase & { url: string };

function photoOf(photo: tl.TypePhoto | undefined): Photo | undefined {
  return photo?._ === "photo" ? renderPhoto(photo) : undefined;
}

function documentOf(
  document: tl.TypeDocument | undefined,
): tl.RawDocument | undefined {
  return document?._ === "document" ? document : undefined;
}

/** The `t` parameter of a video link as seconds, when it is a plain positive number. */
function startTimestampOf(url: string): number | undefined {
  try {
    return Number(new URL(url).searchParams.get("t")) || undefined;
  } catch {
    return undefined;
  }
}

function embedOf(page: tl.RawWebPage): Embed {
  return {
    embedUrl: page.embedUrl ?? "",
    width: page.embedWidth ?? 0,
    height: page.embedHeight ?? 0,
    duration: page.duration ?? 0,
  };
}

/** A video page: embedded player, video file, external player or just a photo; else MTKruto tries it as audio. */
function videoPage(
  page: tl.RawWebPage,
  loaded: Loaded,
): LinkPreview | undefined {
  if (page.embedType === "iframe") {
    return omitUndefined({
      type: "embeddedVideo" as const,
      ...loaded,
      ...embedOf(page),
      thumbnail: photoOf(page.photo),
    });
  }
  const document = documentOf(page.document);
  if (document) {
    return omitUndefined({
      type: "video" as const,
      ...loaded,
      // A Document whose file id is typed Video, as MTKruto builds it.
      video: {
        ...renderDocument(document),
        ...documentFileIds(document, "video"),
      },
      startTimestamp: startTimestampOf(page.url),
      thumbnail: page.videoCoverPhoto ? photoOf(page.photo) : undefined,
    });
  }
  if (page.embedUrl) {
    const { embedUrl, width, height, duration } = embedOf(page);
    return {
      type: "externalVideo",
      ...loaded,
      embedUrl,
      mimeType: page.embedType ?? "",
      width,
      height,
      duration,
    };
  }
  const photo = photoOf(page.photo);
  return photo ? { type: "photo", ...loaded, photo } : audioPage(page, loaded);
}

/** An audio page: embedded player, audio file, external player or just a photo. */
function audioPage(
  page: tl.RawWebPage,
  loaded: Loaded,
): LinkPreview | undefined {
  if (page.embedType === "iframe") {
    return { type: "embeddedAudio", ...loaded, ...embedOf(page) };
  }
  const document = documentOf(page.document);
  if (document) {
    return { type: "audio", ...loaded, audio: renderAudio(document) };
  }
  if (page.embedUrl) {
    const { embedUrl, width, height, duration } = embedOf(page);
    return {
      type: "externalAudio",
      ...loaded,
      embedUrl,
      mimeType: page.embedType ?? "",
      width,
      height,
      duration,
    };
  }
  const photo = photoOf(page.photo);
  return photo ? { type: "photo", ...loaded, photo } : undefined;
}

/**
 * The LinkPreview of a web page medium; `isAboveText` is the message's
 * `invert_media`. Undefined for `webPageNotModified`, which carries no page.
 */
export function renderLinkPreview(
  media: tl.RawMessageMediaWebPage,
  isAboveText = false,
): LinkPreview | undefined {
  const page = media.webpage;
  if (page._ === "webPageNotModified") return undefined;
  const id = page.id.toString();
  const mediaSize = media.forceLargeMedia ? "large" as const : "small" as const;
  switch (page._) {
    case "webPagePending":
      return omitUndefined({
        type: "loading" as const,
        id,
        date: page.date,
        url: page.url,
        mediaSize,
        isAboveText,
      });
    case "webPageEmpty":
      return omitUndefined({
        type: "notLoaded" as const,
        id,
        url: page.url,
        mediaSize,
        isAboveText,
      });
  }
  const loaded: Loaded = { id, url: page.url, mediaSize, isAboveText };
  const special = page.type === "video"
    ? videoPage(page, loaded)
    : page.type === "audio"
    ? audioPage(page, loaded)
    : undefined;
  return special ?? { type: "unknown", ...loaded };
}
