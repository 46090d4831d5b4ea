/**
 * Polls: their media, options, sendPoll's params and stopPoll's.
 *
 * @module
 */
import type { MessageEntity } from "../types.ts";
import type {
  FileSource,
  ParseMode,
  ReplyMarkupParams,
  SendCommonParams,
} from "./common.ts";
import type {
  AnimationFileParams,
  PhotoFileParams,
  StickerFileParams,
  VideoFileParams,
} from "./media.ts";

// ─── Polls ──────────────────────────────────────────────────────────────

/** A photo a poll, option or explanation shows. */
export interface InputPollMediaPhoto extends PhotoFileParams {
  /** Always "photo". */
  type: "photo";
  /** The photo. */
  photo: FileSource;
}

/** A video a poll, option or explanation shows. */
export interface InputPollMediaVideo extends VideoFileParams {
  /** Always "video". */
  type: "video";
  /** The video. */
  video: FileSource;
}

/** An animation a poll, option or explanation shows. */
export interface InputPollMediaAnimation extends AnimationFileParams {
  /** Always "animation". */
  type: "animation";
  /** The animation. */
  animation: FileSource;
}

/** A sticker a poll, option or explanation shows. */
export interface InputPollMediaSticker extends StickerFileParams {
  /** Always "sticker". */
  type: "sticker";
  /** The sticker. */
  sticker: FileSource;
}

/** A live photo: a photo with its video; the file keys describe the photo. */
export interface InputPollMediaLivePhoto extends PhotoFileParams {
  /** Always "livePhoto". */
  type: "livePhoto";
  /** The photo. */
  photo: FileSource;
  /** The video that plays on it. */
  video: FileSource;
}

/** A location a poll, option or explanation shows. */
export interface InputPollMediaLocation {
  /** Always "location". */
  type: "location";
  /** Its latitude, -90–90. */
  latitude: number;
  /** Its longitude, -180–180. */
  longitude: number;
  /** The radius of uncertainty in meters, 0–1500. */
  horizontalAccuracy?: number;
}

/** A venue a poll, option or explanation shows. */
export interface InputPollMediaVenue {
  /** Always "venue". */
  type: "venue";
  /** Its latitude, -90–90. */
  latitude: number;
  /** Its longitude, -180–180. */
  longitude: number;
  /** Its name. */
  title: string;
  /** Its address. */
  address: string;
  /** Its Foursquare id. */
  foursquareId?: string;
  /** Its Foursquare type. */
  foursquareType?: string;
}

/** A link a poll, option or explanation shows. */
export interface InputPollMediaLink {
  /** Always "link". */
  type: "link";
  /** The linked URL. */
  url: string;
}

/** What a poll, an option or a quiz's explanation shows (files take no caption here). */
export type InputPollMedia =
  | InputPollMediaPhoto
  | InputPollMediaVideo
  | InputPollMediaAnimation
  | InputPollMediaSticker
  | InputPollMediaLivePhoto
  | InputPollMediaLocation
  | InputPollMediaVenue
  | InputPollMediaLink;

/** A poll option with formatting or media. */
export interface InputPollOptionObject {
  /** The option's text. */
  text: string;
  /** How the text is parsed; null or left out is plain text. */
  parseMode?: ParseMode | null;
  /** The text's entities. */
  entities?: MessageEntity[];
  /** What the option shows. */
  media?: InputPollMedia;
}

/** A poll option: plain text, or text with formatting or media. */
export type InputPollOption = string | InputPollOptionObject;

/**
 * sendPoll's params. MTKruto's `countries` and `isSubscriberOnly` are
 * refused: mtcute's poll medium cannot set them.
 */
export interface SendPollParams extends SendCommonParams, ReplyMarkupParams {
  /** The question's entities. */
  questionEntities?: MessageEntity[];
  /** How the question is parsed. */
  questionParseMode?: ParseMode | null;
  /** What the poll shows. */
  media?: InputPollMedia;
  /** A description shown with the poll. */
  description?: string;
  /** How the description is parsed. */
  descriptionParseMode?: ParseMode | null;
  /** The description's entities. */
  descriptionEntities?: MessageEntity[];
  /** Whether votes are anonymous (default true). */
  isAnonymous?: boolean;
  /** A regular poll (default) or a quiz. */
  type?: "regular" | "quiz";
  /** Whether a voter may pick several options (regular polls). */
  isMultipleAnswersAllowed?: boolean;
  /** The indexes of a quiz's right options. */
  correctOptionIndexes?: number[];
  /** What a quiz shows after a wrong answer. */
  explanation?: string;
  /** How the explanation is parsed. */
  explanationParseMode?: ParseMode | null;
  /** The explanation's entities. */
  explanationEntities?: MessageEntity[];
  /** What the explanation shows. */
  explanationMedia?: InputPollMedia;
  /** For how many seconds the poll is open. */
  openPeriod?: number;
  /** When the poll closes, in Unix seconds. */
  closeDate?: number;
  /** Whether the poll is sent closed. */
  isClosed?: boolean;
  /** Whether voters may change their votes (default true). */
  isRevotingAllowed?: boolean;
  /** Whether the options are shown in random order. */
  isShuffled?: boolean;
  /** Whether results are hidden until the poll closes. */
  isResultHidden?: boolean;
  /** Whether voters may add options. */
  isAddingOptionsAllowed?: boolean;
}

/** stopPoll's params. MTKruto's `businessConnectionId` is not taken. */
export type StopPollParams = ReplyMarkupParams;
