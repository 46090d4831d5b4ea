/**
 * Inline results that send their own media (`botInlineMessageMediaAuto`),
 * in MTKruto 0.216's shape: the kind comes from the result's `type`, the
 * sizes and durations from the file's attributes; a photo or document
 * stored on Telegram makes the cached kind (with `fileId`), a web document
 * the plain one (with `url`).
 */
import type { tl } from "@mtcute/core";
import { documentAttribute } from "./document_attribute.ts";
import { documentFileIds } from "./file_id.ts";
import type {
  InlineMessageContent,
  InlineQueryResult,
} from "./inline_query_result.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { renderPhoto, type Thumbnail } from "./photo.ts";
import type { ReplyMarkup } from "./reply_markup.ts";
import { RenderError } from "./render_error.ts";

/** A result's file: where it is, and the attributes its sizes and durations are read from. */
interface ResultFile {
  source: { fileId: string } | { url: string };
  attributes: readonly tl.TypeDocumentAttribute[];
  /** A stored photo's smaller sizes. */
  thumbnails?: Thumbnail[];
}

function fileOf(result: tl.TypeBotInlineResult): ResultFile {
  if (result._ === "botInlineResult") {
    if (!result.content) {
      throw new RenderError(`Inline result ${result.id} has no content`);
    }
    return {
      source: { url: result.content.url },
      attributes: result.content.attributes,
    };
  }
  if (result.photo?._ === "photo") {
    const photo = renderPhoto(result.photo);
    return {
      source: { fileId: photo.fileId },
      // MTKruto sizes a stored photo by its largest size.
      attributes: [{
        _: "documentAttributeImageSize",
        w: photo.width,
        h: photo.height,
      }],
      thumbnails: photo.thumbnails,
    };
  }
  if (result.document?._ === "document") {
    return {
      // MTKruto writes every inline document's id as a plain document's, whatever the result's type.
      source: { fileId: documentFileIds(result.document, "document").fileId },
      attributes: result.document.attributes,
    };
  }
  throw new RenderError(`Inline result ${result.id} has no photo or document`);
}

/** The cached kinds, by the kind of the same media by URL. */
const CACHED = {
  audio: "cachedAudio",
  gif: "cachedGif",
  mpeg4Gif: "cachedMpeg4Gif",
  photo: "cachedPhoto",
  video: "cachedVideo",
  voice: "cachedVoice",
  document: "cachedDocument",
} as const;

/** The InlineQueryResult of a result sending its own media; throws RenderError for a type MTKruto has no kind for. */
export function renderMediaAutoResult(
  result: tl.TypeBotInlineResult,
  messageContent: InlineMessageContent | undefined,
  replyMarkup: ReplyMarkup | undefined,
): InlineQueryResult {
  const file = fileOf(result);
  const cached = "fileId" in file.source;
  const thumbnailUrl = result._ === "botInlineResult"
    ? result.thumb?.url
    : undefined;
  // MTKruto's first keys, in its order; `description` only where passed.
  const head = (kind: keyof typeof CACHED, description?: string) => ({
    id: result.id,
    type: cached ? CACHED[kind] : kind,
    title: result.title ?? "",
    description,
    ...file.source,
    messageContent,
    replyMarkup,
  });
  const video = () => documentAttribute(file, "documentAttributeVideo");
  const audio = () => documentAttribute(file, "documentAttributeAudio");
  let rendered: Record<string, unknown>;
  switch (result.type) {
    case "audio":
      rendered = {
        ...head("audio"),
        performer: audio()?.performer,
        audioDuration: audio()?.duration,
      };
      break;
    case "gif":
    case "mpeg4Gif":
      rendered = {
        ...head(result.type),
        thumbnailUrl,
        width: video()?.w,
        height: video()?.h,
        duration: video()?.duration,
      };
      break;
    case "photo": {
      const size = documentAttribute(file, "documentAttributeImageSize");
      rendered = {
        ...head("photo", result.description),
        thumbnailUrl,
        thumbnails: file.thumbnails,
        width: size?.w,
        height: size?.h,
      };
      break;
    }
    case "video":
      rendered = {
        ...head("video", result.description),
        mimeType: result._ === "botInlineResult" && result.content
          ? result.content.mimeType
          : "video/mp4",
        thumbnailUrl,
        width: video()?.w,
        height: video()?.h,
        videoDuration: video()?.duration,
      };
      break;
    case "voice":
      rendered = {
        ...head("voice"),
        thumbnailUrl,
        voiceDuration: audio()?.duration,
      };
      break;
    case "document":
    case "file": {
      // The one media kind whose `type` MTKruto writes before `id`.
      const { id, type, ...rest } = head("document");
      rendered = { type, id, ...rest, thumbnailUrl };
      break;
    }
    case "sticker":
      if (!cached) {
        throw new RenderError(`Inline result ${result.id}: a sticker by URL`);
      }
      rendered = {
        id: result.id,
        type: "sticker",
        ...file.source,
        messageContent,
        replyMarkup,
      };
      break;
    default:
      throw new RenderError(
        `Inline result ${result.id} has media of type "${result.type}", which has no InlineQueryResult kind`,
      );
  }
  return omitUndefined(rendered) as unknown as InlineQueryResult;
}
