/**
 * File media: uploaded photos and documents (with the attributes that make a
 * document a video, video note, audio, voice message, animation or sticker),
 * reused ones, and ones "fetched" from a URL. Telegram downloads external
 * URLs; the emulator cannot, so it stores an empty placeholder named after
 * the URL's last path segment, with the MIME type its extension suggests.
 * Only inline results' content URLs become placeholders: external media in a
 * message fail first (`media.ts`), as Telegram's do when the fetch fails.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { now } from "./emit.ts";
import { imageSize } from "./image_size.ts";
import type { WorldState } from "./state.ts";

/** Attributes that make a document something other than a plain file; `force_file` drops them. */
const KIND_ATTRIBUTES = new Set<tl.TypeDocumentAttribute["_"]>([
  "documentAttributeVideo",
  "documentAttributeAnimated",
  "documentAttributeSticker",
]);

/** Telegram's animated-sticker size. */
const ANIMATED_STICKER_SIZE = 512;

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  wav: "audio/wav",
  pdf: "application/pdf",
  zip: "application/zip",
  txt: "text/plain",
  json: "application/json",
  tgs: "application/x-tgsticker",
};

function find<T extends tl.TypeDocumentAttribute["_"]>(
  attributes: tl.TypeDocumentAttribute[],
  type: T,
): Extract<tl.TypeDocumentAttribute, { _: T }> | undefined {
  return attributes.find((a) => a._ === type) as
    | Extract<tl.TypeDocumentAttribute, { _: T }>
    | undefined;
}

/** The attributes Telegram stores for an uploaded document. */
function uploadedAttributes(
  media: tl.RawInputMediaUploadedDocument,
  bytes: Uint8Array,
): tl.TypeDocumentAttribute[] {
  const attributes = media.forceFile
    ? media.attributes.filter((a) => !KIND_ATTRIBUTES.has(a._))
    : [...media.attributes];
  const isVoice = find(attributes, "documentAttributeAudio")?.voice === true;
  const fileName = "name" in media.file ? media.file.name : "";
  // voice messages carry no file name on Telegram
  if (!find(attributes, "documentAttributeFilename") && fileName && !isVoice) {
    attributes.push({ _: "documentAttributeFilename", fileName });
  }
  const needsSize = !find(attributes, "documentAttributeImageSize") &&
    !find(attributes, "documentAttributeVideo") &&
    (find(attributes, "documentAttributeSticker") ||
      media.mimeType === "image/gif");
  if (needsSize) {
    const size = media.mimeType === "application/x-tgsticker"
      ? { w: ANIMATED_STICKER_SIZE, h: ANIMATED_STICKER_SIZE }
      : imageSize(bytes);
    attributes.push({ _: "documentAttributeImageSize", ...size });
  }
  return attributes;
}

/** `messageMediaDocument` for `document`, flagged `video`/`round`/`voice` from its attributes, as Telegram does. */
export function documentMedia(
  document: tl.RawDocument,
  spoiler?: boolean,
): tl.RawMessageMediaDocument {
  const { attributes } = document;
  const video = find(attributes, "documentAttributeVideo");
  const plainVideo = video !== undefined && !video.roundMessage &&
    !find(attributes, "documentAttributeAnimated") &&
    !find(attributes, "documentAttributeSticker");
  return {
    _: "messageMediaDocument",
    document,
    spoiler: spoiler || undefined,
    video: plainVideo || undefined,
    round: video?.roundMessage || undefined,
    voice: find(attributes, "documentAttributeAudio")?.voice || undefined,
  };
}

function photoMedia(
  photo: tl.TypePhoto,
  spoiler?: boolean,
): tl.RawMessageMediaPhoto {
  return { _: "messageMediaPhoto", photo, spoiler: spoiler || undefined };
}

function fileNameOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    throw new RpcFailure(400, "WEBPAGE_CURL_FAILED");
  }
  const last = decodeURIComponent(path.split("/").at(-1) ?? "");
  return last || "file";
}

/** A guess from the file name's extension, as the emulator cannot look at the content. */
export function mimeTypeOf(fileName: string): string {
  const extension = fileName.split(".").at(-1)?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[extension] ?? "application/octet-stream";
}

/** The attributes Telegram would find probing a file of `mimeType`; all lengths and dimensions 0, as nothing was fetched. */
function probedAttributes(mimeType: string): tl.TypeDocumentAttribute[] {
  if (mimeType === "image/gif") return [{ _: "documentAttributeAnimated" }];
  if (mimeType.startsWith("video/")) {
    return [{ _: "documentAttributeVideo", duration: 0, w: 0, h: 0 }];
  }
  if (mimeType.startsWith("audio/")) {
    return [{ _: "documentAttributeAudio", duration: 0 }];
  }
  return [];
}

/** Media made of a file: uploaded, reused by id, or from a URL; `undefined` for other kinds. */
export function resolveFileMedia(
  state: WorldState,
  accountId: number,
  media: tl.TypeInputMedia,
): tl.RawMessageMediaDocument | tl.RawMessageMediaPhoto | undefined {
  const { files } = state;
  switch (media._) {
    case "inputMediaUploadedDocument": {
      const bytes = files.assemble(accountId, media.file);
      const stored = files.addDocument({
        bytes,
        mimeType: media.mimeType || "application/octet-stream",
        attributes: uploadedAttributes(media, bytes),
        date: now(),
        thumb: media.thumb && files.assemble(accountId, media.thumb),
      });
      return documentMedia(stored.tl, media.spoiler);
    }
    case "inputMediaUploadedPhoto": {
      const bytes = files.assemble(accountId, media.file);
      return photoMedia(
        files.addPhoto({ bytes, date: now() }).tl,
        media.spoiler,
      );
    }
    case "inputMediaDocument":
      if (media.id._ !== "inputDocument") {
        throw new RpcFailure(400, "MEDIA_EMPTY");
      }
      return documentMedia(files.find("document", media.id).tl, media.spoiler);
    case "inputMediaPhoto":
      if (media.id._ !== "inputPhoto") throw new RpcFailure(400, "MEDIA_EMPTY");
      return photoMedia(files.find("photo", media.id).tl, media.spoiler);
    case "inputMediaPhotoExternal": {
      fileNameOf(media.url);
      const empty = new Uint8Array();
      return photoMedia(
        files.addPhoto({ bytes: empty, date: now() }).tl,
        media.spoiler,
      );
    }
    case "inputMediaDocumentExternal": {
      const fileName = fileNameOf(media.url);
      const mimeType = mimeTypeOf(fileName);
      const stored = files.addDocument({
        bytes: new Uint8Array(),
        mimeType,
        attributes: [
          { _: "documentAttributeFilename", fileName },
          ...probedAttributes(mimeType),
        ],
        date: now(),
      });
      return documentMedia(stored.tl, media.spoiler);
    }
    default:
      return undefined;
  }
}
