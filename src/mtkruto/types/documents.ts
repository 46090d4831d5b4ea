/** Document, Video, Animation, Audio, Voice and VideoNote in MTKruto's shape, and the choice between them (types.md §8, §4.2). */
import type { tl } from "@mtcute/core";
import { documentAttribute } from "./document_attribute.ts";
import { documentFileIds } from "./file_id.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { renderThumbnails, type Thumbnail } from "./photo.ts";
import { RenderError } from "./render_error.ts";
import { renderSticker, type Sticker } from "./sticker.ts";

/** A file sent as a file. */
export interface Document {
  fileId: string;
  fileUniqueId: string;
  thumbnails: Thumbnail[];
  fileName: string;
  mimeType: string;
  fileSize: number;
}

/** A video. */
export interface Video {
  fileId: string;
  fileUniqueId: string;
  width: number;
  height: number;
  duration: number;
  thumbnails: Thumbnail[];
  fileName?: string;
  mimeType: string;
  fileSize: number;
}

/** A GIF or a silent looping video. */
export interface Animation {
  fileId: string;
  fileUniqueId: string;
  width: number;
  height: number;
  duration: number;
  thumbnails: Thumbnail[];
  fileName?: string;
  mimeType: string;
  fileSize: number;
}

/** A music file. */
export interface Audio {
  fileId: string;
  fileUniqueId: string;
  duration: number;
  performer?: string;
  title?: string;
  mimeType: string;
  fileSize: number;
  thumbnails: Thumbnail[];
}

/** A voice message. */
export interface Voice {
  fileId: string;
  fileUniqueId: string;
  duration: number;
  mimeType: string;
  fileSize: number;
}

/** A round video message. */
export interface VideoNote {
  fileId: string;
  fileUniqueId: string;
  length: number;
  duration: number;
  thumbnails: Thumbnail[];
  fileSize: number;
}

/** A TL document as the one content variant MTKruto makes of it. */
export type DocumentContent =
  | { type: "sticker"; sticker: Sticker }
  | { type: "animation"; animation: Animation }
  | { type: "video"; video: Video }
  | { type: "videoNote"; videoNote: VideoNote }
  | { type: "voice"; voice: Voice }
  | { type: "audio"; audio: Audio }
  | { type: "document"; document: Document };

/** What the TL does not carry; see Sticker's extras. */
export interface DocumentContentOptions {
  /** Short name of a sticker's set; `setName` is left out without it. */
  stickerSetName?: string;
}

/** The video attribute a variant cannot do without (MTKruto fails on such a document too). */
function requiredVideoAttribute(
  document: tl.RawDocument,
  variant: string,
): tl.RawDocumentAttributeVideo {
  const video = documentAttribute(document, "documentAttributeVideo");
  if (!video) {
    throw new RenderError(
      `Document ${document.id} has no video attribute to render a ${variant} from`,
    );
  }
  return video;
}

/** The name from the document's filename attribute, if any. */
function fileNameOf(document: tl.RawDocument): string | undefined {
  return documentAttribute(document, "documentAttributeFilename")?.fileName;
}

/** The Document of a TL document (file name "Unknown" without a filename attribute). */
export function renderDocument(document: tl.RawDocument): Document {
  return {
    ...documentFileIds(document, "document"),
    thumbnails: renderThumbnails(document),
    fileName: fileNameOf(document) ?? "Unknown",
    mimeType: document.mimeType,
    fileSize: document.size,
  };
}

/** The Video of a document with a video attribute; `fileName` overrides the attribute's (live photos use "video.mp4"). */
export function renderVideo(
  document: tl.RawDocument,
  fileName: string | undefined = fileNameOf(document),
): Video {
  const video = requiredVideoAttribute(document, "video");
  return omitUndefined({
    ...documentFileIds(document, "video"),
    width: video.w,
    height: video.h,
    duration: video.duration,
    thumbnails: renderThumbnails(document),
    fileName,
    mimeType: document.mimeType,
    fileSize: document.size,
  });
}

/** The Animation of a document (sizes and duration from its video attribute, 0 without one). */
export function renderAnimation(document: tl.RawDocument): Animation {
  const video = documentAttribute(document, "documentAttributeVideo");
  return omitUndefined({
    ...documentFileIds(document, "animation"),
    width: video?.w ?? 0,
    height: video?.h ?? 0,
    duration: video?.duration ?? 0,
    thumbnails: renderThumbnails(document),
    fileName: fileNameOf(document),
    mimeType: document.mimeType,
    fileSize: document.size,
  });
}

/** The Audio of a document (duration 0 without an audio attribute). */
export function renderAudio(document: tl.RawDocument): Audio {
  const audio = documentAttribute(document, "documentAttributeAudio");
  return omitUndefined({
    ...documentFileIds(document, "audio"),
    duration: audio?.duration ?? 0,
    performer: audio?.performer,
    title: audio?.title,
    mimeType: document.mimeType,
    fileSize: document.size,
    thumbnails: renderThumbnails(document),
  });
}

/** The Voice of a document with an audio attribute. */
export function renderVoice(document: tl.RawDocument): Voice {
  const audio = documentAttribute(document, "documentAttributeAudio");
  if (!audio) {
    throw new RenderError(
      `Document ${document.id} has no audio attribute to render a voice from`,
    );
  }
  return {
    ...documentFileIds(document, "voice"),
    duration: audio.duration,
    mimeType: document.mimeType,
    fileSize: document.size,
  };
}

/** The VideoNote of a document with a video attribute (`length` is its width). */
export function renderVideoNote(document: tl.RawDocument): VideoNote {
  const video = requiredVideoAttribute(document, "video note");
  return {
    ...documentFileIds(document, "videoNote"),
    length: video.w,
    duration: video.duration,
    thumbnails: renderThumbnails(document),
    fileSize: document.size,
  };
}

/** Picks the variant by the document's attributes exactly as types.md §4.2 step 4 says (sticker → animation → video/videoNote → voice/audio → document). */
export function renderDocumentContent(
  document: tl.RawDocument,
  options: DocumentContentOptions = {},
): DocumentContent {
  if (documentAttribute(document, "documentAttributeSticker")) {
    return {
      type: "sticker",
      sticker: renderSticker(document, { setName: options.stickerSetName }),
    };
  }
  if (documentAttribute(document, "documentAttributeAnimated")) {
    return { type: "animation", animation: renderAnimation(document) };
  }
  const video = documentAttribute(document, "documentAttributeVideo");
  if (video) {
    return video.roundMessage
      ? { type: "videoNote", videoNote: renderVideoNote(document) }
      : { type: "video", video: renderVideo(document) };
  }
  const audio = documentAttribute(document, "documentAttributeAudio");
  if (audio) {
    return audio.voice
      ? { type: "voice", voice: renderVoice(document) }
      : { type: "audio", audio: renderAudio(document) };
  }
  return { type: "document", document: renderDocument(document) };
}
