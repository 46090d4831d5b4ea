/**
 * Video chats: the params of startVideoChat, scheduleVideoChat,
 * joinVideoChat and downloadLiveStreamSegment (MTKruto's `signal` cannot
 * cross HTTP).
 *
 * @module
 */
import type { ID } from "./common.ts";

/** startVideoChat's params. */
export interface StartVideoChatParams {
  /** The video chat's title. */
  title?: string;
  /** Whether it is an RTMP live stream. */
  isLiveStream?: boolean;
}

/** scheduleVideoChat's params: the same as startVideoChat's. */
export type ScheduleVideoChatParams = StartVideoChatParams;

/** joinVideoChat's params. */
export interface JoinVideoChatParams {
  /** The chat to join on behalf of (default the account). */
  joinAs?: ID;
  /** The invite hash of a link to the video chat. */
  inviteHash?: string;
  /** Whether the microphone is on (default true). */
  isAudioEnabled?: boolean;
  /** Whether the camera is on (default true). */
  isVideoEnabled?: boolean;
}

/** downloadLiveStreamSegment's params. */
export interface DownloadLiveStreamSegmentParams {
  /** The video quality (default "low"). */
  quality?: "low" | "medium" | "high";
}
