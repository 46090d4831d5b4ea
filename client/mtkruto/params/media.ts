/**
 * Sending: the file key groups, every send's params but polls', and the
 * media of albums and media edits.
 *
 * @module
 */
import type {
  CaptionParams,
  FileSource,
  FileUpload,
  ReplyMarkupParams,
  SelfDestructOption,
  SendCommonParams,
  TextParams,
} from "./common.ts";

// ─── File parameters ────────────────────────────────────────────────────

/** What describes an uploaded file (MTKruto's `signal` cannot cross HTTP). */
export interface UploadParams {
  /** The file's name (default: the uploaded part's). */
  fileName?: string;
  /** The file's size in bytes (default: the uploaded part's). */
  fileSize?: number;
  /** The file's MIME type (default: the uploaded part's). */
  mimeType?: string;
  /** The upload part size, up to 512 KiB (checked; the gateway sizes parts itself). */
  chunkSize?: number;
  /** An id for upload progress updates (checked; the gateway sends none). */
  progressId?: string;
}

/** A thumbnail: Telegram takes only uploaded bytes, not file ids or URLs. */
export interface ThumbnailParams {
  /** The thumbnail's bytes. */
  thumbnail?: FileUpload;
}

/** What a photo takes besides its caption. */
export interface PhotoFileParams extends UploadParams {
  /** Whether the photo is hidden under a spoiler. */
  isSpoiler?: boolean;
  /** When the photo self-destructs. */
  selfDestruct?: SelfDestructOption;
}

/** What a video takes besides its caption. */
export interface VideoFileParams extends UploadParams, ThumbnailParams {
  /** Its duration in seconds. */
  duration?: number;
  /** Its width in pixels. */
  width?: number;
  /** Its height in pixels. */
  height?: number;
  /** Whether it can be played while it downloads. */
  isStreamingSupported?: boolean;
  /** Whether it is hidden under a spoiler. */
  isSpoiler?: boolean;
  /** When it self-destructs. */
  selfDestruct?: SelfDestructOption;
}

/** What an animation takes besides its caption. */
export interface AnimationFileParams extends UploadParams, ThumbnailParams {
  /** Its duration in seconds. */
  duration?: number;
  /** Its width in pixels. */
  width?: number;
  /** Its height in pixels. */
  height?: number;
  /** Whether it is hidden under a spoiler. */
  isSpoiler?: boolean;
}

/** What an audio file takes besides its caption. */
export interface AudioFileParams extends UploadParams, ThumbnailParams {
  /** Its duration in seconds. */
  duration?: number;
  /** Its performer. */
  performer?: string;
  /** Its title. */
  title?: string;
}

/** What a voice message takes besides its caption (a thumbnail is checked, but a voice message has none). */
export interface VoiceFileParams extends UploadParams, ThumbnailParams {
  /** Its duration in seconds. */
  duration?: number;
}

/** What a video note takes besides its caption. */
export interface VideoNoteFileParams extends UploadParams, ThumbnailParams {
  /** Its duration in seconds. */
  duration?: number;
  /** The side of the square, in pixels. */
  length?: number;
}

/** What a sticker takes. */
export interface StickerFileParams extends UploadParams {
  /** The emoji the sticker stands for. */
  emoji?: string;
}

/** A paid post. */
export interface PaidMediaParams {
  /** The price in Telegram Stars: makes the medium paid. */
  starCount?: number;
}

/** Where a location is and, for live ones, where it faces and when to alert. */
export interface LocationParams {
  /** The radius of uncertainty in meters, 0–1500. */
  horizontalAccuracy?: number;
  /** The direction the user moves in, in degrees (1–360; live locations only). */
  heading?: number;
  /** The distance in meters for proximity alerts (live locations only). */
  proximityAlertRadius?: number;
}

// ─── Sending ────────────────────────────────────────────────────────────

/** sendMessage's params. */
export interface SendMessageParams
  extends SendCommonParams, ReplyMarkupParams, TextParams {}

/** sendPhoto's params. */
export interface SendPhotoParams
  extends
    SendCommonParams,
    ReplyMarkupParams,
    CaptionParams,
    PhotoFileParams,
    PaidMediaParams {}

/** sendVideo's params. */
export interface SendVideoParams
  extends
    SendCommonParams,
    ReplyMarkupParams,
    CaptionParams,
    VideoFileParams,
    PaidMediaParams {}

/** sendAnimation's params. */
export interface SendAnimationParams
  extends
    SendCommonParams,
    ReplyMarkupParams,
    CaptionParams,
    AnimationFileParams {}

/** sendAudio's params. */
export interface SendAudioParams
  extends SendCommonParams, ReplyMarkupParams, CaptionParams, AudioFileParams {}

/** sendVoice's params. */
export interface SendVoiceParams
  extends SendCommonParams, ReplyMarkupParams, CaptionParams, VoiceFileParams {}

/** sendDocument's params. */
export interface SendDocumentParams
  extends
    SendCommonParams,
    ReplyMarkupParams,
    CaptionParams,
    UploadParams,
    ThumbnailParams {}

/** sendVideoNote's params. */
export interface SendVideoNoteParams
  extends
    SendCommonParams,
    ReplyMarkupParams,
    CaptionParams,
    VideoNoteFileParams {}

/** sendSticker's params (a sticker has no caption). */
export interface SendStickerParams
  extends SendCommonParams, ReplyMarkupParams, StickerFileParams {}

/** sendLocation's params. */
export interface SendLocationParams
  extends SendCommonParams, ReplyMarkupParams, LocationParams {
  /** For how many seconds the location is live; left out, it is not. */
  livePeriod?: number;
}

/** sendContact's params. */
export interface SendContactParams extends SendCommonParams, ReplyMarkupParams {
  /** The contact's last name. */
  lastName?: string;
  /** The contact's vCard. */
  vcard?: string;
}

/** sendDice's params. */
export interface SendDiceParams extends SendCommonParams, ReplyMarkupParams {
  /** The die (default 🎲). */
  emoji?: "🎲" | "🎯" | "🏀" | "⚽" | "🎳" | "🎰";
}

/** sendVenue's params. */
export interface SendVenueParams extends SendCommonParams, ReplyMarkupParams {
  /** The venue's Foursquare id. */
  foursquareId?: string;
  /** The venue's Foursquare type. */
  foursquareType?: string;
}

/** sendMediaGroup's params (an album has no keyboard). */
export type SendMediaGroupParams = SendCommonParams;

/** sendChatAction's params. */
export interface SendChatActionParams {
  /** The forum topic the action is shown in. */
  messageThreadId?: number;
  /** The business connection the action is sent on behalf of (bots only). */
  businessConnectionId?: string;
}

// ─── Media inputs (sendMediaGroup, editMessageMedia) ────────────────────

/** A photo of an album or edit. MTKruto's `width` and `height` are not taken: Telegram measures photos itself. */
export interface InputMediaPhoto extends CaptionParams, PhotoFileParams {
  /** Always "photo". */
  type: "photo";
  /** The photo. */
  photo: FileSource;
}

/** A video of an album or edit. */
export interface InputMediaVideo extends CaptionParams, VideoFileParams {
  /** Always "video". */
  type: "video";
  /** The video. */
  video: FileSource;
}

/** An animation (edits only: albums cannot hold animations). */
export interface InputMediaAnimation
  extends CaptionParams, AnimationFileParams {
  /** Always "animation". */
  type: "animation";
  /** The animation. */
  animation: FileSource;
}

/** An audio file of an album or edit. */
export interface InputMediaAudio extends CaptionParams, AudioFileParams {
  /** Always "audio". */
  type: "audio";
  /** The audio file. */
  audio: FileSource;
}

/** A document of an album or edit. */
export interface InputMediaDocument
  extends CaptionParams, UploadParams, ThumbnailParams {
  /** Always "document". */
  type: "document";
  /** The document. */
  document: FileSource;
}

/** A voice message of an album or edit. */
export interface InputMediaVoice extends CaptionParams, VoiceFileParams {
  /** Always "voice". */
  type: "voice";
  /** The voice message. */
  voice: FileSource;
}

/** A medium sent in an album or put in place of a message's. */
export type InputMedia =
  | InputMediaPhoto
  | InputMediaVideo
  | InputMediaAnimation
  | InputMediaAudio
  | InputMediaDocument
  | InputMediaVoice;
