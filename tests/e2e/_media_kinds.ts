/**
 * The file kinds of MTKruto's send methods, for the media end-to-end test:
 * what each sends (a small file of that kind and its params) and what the
 * result's media object and the user's box must show for it.
 */
import {
  gif,
  jpeg,
  mp3,
  mp4,
  ogg,
  png,
  tgs,
  webm,
  webp,
} from "./_media_samples.ts";

/** A media object's file ids, which every kind carries. */
export interface FileIds {
  fileId: string;
  fileUniqueId: string;
  thumbnails?: { fileId: string; width: number; height: number }[];
}

/** One file kind: what is sent, and what MTKruto and the user's box must show. */
export interface FileKindCase {
  method: string;
  /** The message type, which is also the media object's key. */
  type: string;
  file: File;
  params: Record<string, unknown>;
  /** The media object's fields our inputs determine (file ids and thumbnails are checked apart). */
  media: Record<string, unknown>;
  /** The fields of the box item's media summary. */
  box: Record<string, unknown>;
  /** The message's caption, for the kinds that carry one. */
  caption?: string;
  /** A thumbnail part, sent as `params.thumbnail`. */
  thumbnail?: File;
}

export const photoBytes = png(40, 30);
export const thumbBytes = jpeg(90, 60);

export const FILE_KINDS: FileKindCase[] = [
  {
    method: "sendPhoto",
    type: "photo",
    file: new File([photoBytes], "tea.png", { type: "image/png" }),
    params: { caption: "tea" },
    caption: "tea",
    // The emulator lists s, m and x for a small photo; the largest is the photo.
    media: { width: 40, height: 30, fileSize: photoBytes.length },
    box: { type: "photo", width: 40, height: 30, size: photoBytes.length },
  },
  {
    method: "sendVideo",
    type: "video",
    file: new File([mp4(11)], "clip.mp4", { type: "video/mp4" }),
    params: {
      caption: "clip",
      duration: 3,
      width: 320,
      height: 240,
      isStreamingSupported: true,
      thumbnail: { _: "file", field: "thumb" },
    },
    caption: "clip",
    thumbnail: new File([thumbBytes], "thumb.jpg", { type: "image/jpeg" }),
    media: {
      width: 320,
      height: 240,
      duration: 3,
      fileName: "clip.mp4",
      mimeType: "video/mp4",
      fileSize: mp4(11).length,
    },
    box: {
      kind: "video",
      duration: 3,
      width: 320,
      height: 240,
      supportsStreaming: true,
      fileName: "clip.mp4",
      mimeType: "video/mp4",
      hasThumbnail: true,
    },
  },
  {
    method: "sendAnimation",
    type: "animation",
    file: new File([gif(16, 8)], "wave.gif", { type: "image/gif" }),
    params: { caption: "wave", duration: 2, width: 16, height: 8 },
    caption: "wave",
    media: {
      width: 16,
      height: 8,
      duration: 2,
      fileName: "wave.gif",
      mimeType: "image/gif",
      fileSize: gif(16, 8).length,
    },
    // MTKruto marks animations streamable.
    box: {
      kind: "animation",
      duration: 2,
      width: 16,
      height: 8,
      supportsStreaming: true,
    },
  },
  {
    method: "sendVoice",
    type: "voice",
    file: new File([ogg()], "hello.ogg", { type: "audio/ogg" }),
    params: { caption: "hello", duration: 4 },
    caption: "hello",
    media: { duration: 4, mimeType: "audio/ogg", fileSize: ogg().length },
    // Telegram keeps no file name for a voice message.
    box: {
      kind: "voice",
      duration: 4,
      mimeType: "audio/ogg",
      fileName: undefined,
    },
  },
  {
    method: "sendAudio",
    type: "audio",
    // The part's own name and type give way to the params'.
    file: new File([mp3()], "upload.bin", {
      type: "application/octet-stream",
    }),
    params: {
      caption: "song",
      duration: 185,
      performer: "Ada",
      title: "Tea Song",
      fileName: "tea-song.mp3",
      mimeType: "audio/mpeg",
      thumbnail: { _: "file", field: "cover" },
    },
    caption: "song",
    thumbnail: new File([thumbBytes], "cover.jpg", { type: "image/jpeg" }),
    media: {
      duration: 185,
      performer: "Ada",
      title: "Tea Song",
      mimeType: "audio/mpeg",
      fileSize: mp3().length,
    },
    box: {
      kind: "audio",
      duration: 185,
      performer: "Ada",
      title: "Tea Song",
      fileName: "tea-song.mp3",
      mimeType: "audio/mpeg",
      hasThumbnail: true,
    },
  },
  {
    method: "sendVideoNote",
    type: "videoNote",
    file: new File([mp4(12)], "note.mp4", { type: "video/mp4" }),
    params: { duration: 5, length: 240 },
    media: { length: 240, duration: 5, fileSize: mp4(12).length },
    box: { kind: "videoNote", duration: 5, width: 240, height: 240 },
  },
  {
    method: "sendSticker",
    type: "sticker",
    file: new File([webp(512, 512)], "smile.webp", { type: "image/webp" }),
    params: { emoji: "🙂" },
    // No set: the sticker was uploaded, not taken from a sticker set.
    media: {
      type: "regular",
      width: 512,
      height: 512,
      isAnimated: false,
      isVideo: false,
      emoji: "🙂",
      setName: undefined,
      fileSize: webp(512, 512).length,
    },
    box: { kind: "sticker", emoji: "🙂", width: 512, height: 512 },
  },
  {
    method: "sendSticker",
    type: "sticker",
    file: new File([tgs()], "duck.tgs", { type: "application/x-tgsticker" }),
    params: { emoji: "🦆" },
    // Telegram's animated stickers are 512×512.
    media: {
      type: "regular",
      width: 512,
      height: 512,
      isAnimated: true,
      isVideo: false,
      emoji: "🦆",
      fileSize: tgs().length,
    },
    box: {
      kind: "sticker",
      mimeType: "application/x-tgsticker",
      emoji: "🦆",
    },
  },
  {
    method: "sendSticker",
    type: "sticker",
    file: new File([webm()], "clap.webm", { type: "video/webm" }),
    params: { emoji: "👏" },
    media: {
      type: "regular",
      isAnimated: false,
      isVideo: true,
      emoji: "👏",
      fileSize: webm().length,
    },
    box: { kind: "sticker", mimeType: "video/webm", emoji: "👏" },
  },
  {
    method: "sendDocument",
    type: "document",
    file: new File([png(8, 8, 9)], "scan.png", { type: "image/png" }),
    params: { thumbnail: { _: "file", field: "preview" } },
    caption: "",
    thumbnail: new File([thumbBytes], "preview.jpg", { type: "image/jpeg" }),
    // Sent as a file: an image stays a document.
    media: {
      fileName: "scan.png",
      mimeType: "image/png",
      fileSize: png(8, 8, 9).length,
    },
    box: { kind: "document", fileName: "scan.png", hasThumbnail: true },
  },
];

/**
 * The keys of each media object (types.md §8), the optional ones our inputs
 * give included (a video's file name, an audio's performer and title, a
 * sticker's emoji); a sticker uploaded alone has no set name.
 */
export const MEDIA_KEYS: Record<string, string[]> = {
  photo: ["width", "height", "fileSize", "thumbnails"],
  video: [
    "width",
    "height",
    "duration",
    "thumbnails",
    "fileName",
    "mimeType",
    "fileSize",
  ],
  animation: [
    "width",
    "height",
    "duration",
    "thumbnails",
    "fileName",
    "mimeType",
    "fileSize",
  ],
  audio: [
    "duration",
    "performer",
    "title",
    "mimeType",
    "fileSize",
    "thumbnails",
  ],
  voice: ["duration", "mimeType", "fileSize"],
  videoNote: ["length", "duration", "thumbnails", "fileSize"],
  sticker: [
    "type",
    "width",
    "height",
    "isAnimated",
    "isVideo",
    "thumbnails",
    "emoji",
    "fileSize",
  ],
  document: ["thumbnails", "fileName", "mimeType", "fileSize"],
};

/** The part name a case's params give its thumbnail. */
export function thumbnailField(kind: FileKindCase): string {
  return (kind.params.thumbnail as { field: string }).field;
}
