/**
 * Stories: createStory's content and params, editStory's params. Who may
 * see a story is the result type StoryPrivacy (from ../types.ts). MTKruto's
 * `interactiveAreas`, reposts (`forwardedFromChatId`,
 * `forwardedFromStoryId`, `isRepostedStoryModified`) and
 * `attachedStickerFileIds` are refused by the gateway.
 *
 * @module
 */
import type { StoryPrivacy } from "../types.ts";
import type { CaptionParams, FileSource } from "./common.ts";
import type { UploadParams } from "./media.ts";

/** A photo story's content. */
export interface InputStoryContentPhoto {
  type: "photo";
  /** The photo: an upload or a photo's file id (not a URL). */
  photo: FileSource;
}

/** A video story's content. */
export interface InputStoryContentVideo {
  type: "video";
  /** The video: an upload or a video's file id (not a URL). */
  video: FileSource;
  /** Its length in seconds. */
  duration: number;
  /** Whether it is a silent animation. */
  isAnimation?: boolean;
}

/** What a story shows. */
export type InputStoryContent = InputStoryContentPhoto | InputStoryContentVideo;

/** createStory's params. */
export interface CreateStoryParams extends CaptionParams, UploadParams {
  /** Who may see it (default everyone). */
  privacy?: StoryPrivacy;
  /** Seconds it stays active (Telegram takes 86400, or 6, 12 or 48 hours with Telegram Premium). */
  activeFor?: number;
  /** Whether it stays on the profile ("highlights") after it expires. */
  highlight?: boolean;
  /** Whether it cannot be forwarded or saved. */
  isContentProtected?: boolean;
  /** Albums of the chat to add it to. */
  albumIds?: number[];
}

/** editStory's params: what is given changes. */
export interface EditStoryParams extends CaptionParams, UploadParams {
  /** New content. */
  content?: InputStoryContent;
  /** New privacy. */
  privacy?: StoryPrivacy;
}
