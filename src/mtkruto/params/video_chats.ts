/** The inputs of the video chat methods (methods.md §B.12): StartVideoChatParams, JoinVideoChatParams and DownloadLiveStreamSegmentParams. */
import { toChatId } from "./chat_id.ts";
import {
  at,
  given,
  type JsonObject,
  optionalBoolean,
  optionalEnum,
  optionalString,
} from "./read.ts";

/** StartVideoChatParams / ScheduleVideoChatParams → `phone.createGroupCall`'s title and `rtmp_stream`. */
export function toStartVideoChatOptions(
  params: JsonObject,
  path: string,
): { title?: string; rtmpStream?: true } {
  return {
    title: optionalString(params, "title", path),
    rtmpStream: optionalBoolean(params, "isLiveStream", path) || undefined,
  };
}

/** JoinVideoChatParams as read: `joinAs` still a chat id to resolve. */
export interface JoinVideoChatOptions {
  joinAs?: number | string;
  inviteHash?: string;
  muted?: true;
  videoStopped?: true;
}

/** JoinVideoChatParams → `phone.joinGroupCall`'s flags: muted unless audio is on, video stopped unless it is (both on by default). */
export function toJoinVideoChatOptions(
  params: JsonObject,
  path: string,
): JoinVideoChatOptions {
  return {
    joinAs: given(params, "joinAs")
      ? toChatId(params.joinAs, at(path, "joinAs"))
      : undefined,
    inviteHash: optionalString(params, "inviteHash", path),
    muted: optionalBoolean(params, "isAudioEnabled", path) === false ||
      undefined,
    videoStopped: optionalBoolean(params, "isVideoEnabled", path) === false ||
      undefined,
  };
}

/** The `video_quality` of each DownloadLiveStreamSegmentParams quality (default "low"). */
const QUALITIES = { low: 0, medium: 1, high: 2 } as const;

/** DownloadLiveStreamSegmentParams → `inputGroupCallStream.video_quality`. */
export function toSegmentQuality(params: JsonObject, path: string): number {
  const quality = optionalEnum(params, "quality", path, [
    "low",
    "medium",
    "high",
  ]);
  return QUALITIES[quality ?? "low"];
}
