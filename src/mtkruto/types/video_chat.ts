/** VideoChat and LiveStreamChannel in MTKruto's shape (types.md §13), from TL `GroupCall` and `groupCallStreamChannel`. */
import type { tl } from "@mtcute/core";

/** A video chat going on now. */
export interface VideoChatActive {
  type: "active";
  /** The group call's id, a decimal string. */
  id: string;
  /** "" when it has none. */
  title: string;
  isLiveStream: boolean;
  participantCount: number;
  isRecording: boolean;
}

/** A video chat scheduled to start at `scheduledFor` (Unix seconds). */
export interface VideoChatScheduled {
  type: "scheduled";
  id: string;
  title: string;
  isLiveStream: boolean;
  participantCount: number;
  scheduledFor: number;
}

/** A video chat that ended, `duration` seconds long. */
export interface VideoChatEnded {
  type: "ended";
  id: string;
  duration: number;
}

/** Any video chat. */
export type VideoChat = VideoChatActive | VideoChatScheduled | VideoChatEnded;

/** A channel of a live stream: segments last 1000 / 2^scale ms; `timestamp` is the newest one's, in ms. */
export interface LiveStreamChannel {
  id: number;
  scale: number;
  timestamp: number;
}

/** The VideoChat of a TL group call: ended once discarded, scheduled while it has a schedule date. */
export function renderVideoChat(call: tl.TypeGroupCall): VideoChat {
  const id = call.id.toString();
  if (call._ === "groupCallDiscarded") {
    return { type: "ended", id, duration: call.duration };
  }
  const title = call.title ?? "";
  const isLiveStream = call.rtmpStream ?? false;
  const participantCount = call.participantsCount;
  if (call.scheduleDate) {
    return {
      type: "scheduled",
      id,
      title,
      scheduledFor: call.scheduleDate,
      isLiveStream,
      participantCount,
    };
  }
  return {
    type: "active",
    id,
    title,
    isLiveStream,
    isRecording: call.recordVideoActive ?? false,
    participantCount,
  };
}

/** The LiveStreamChannel of a TL stream channel (its last timestamp coerced to a number). */
export function renderLiveStreamChannel(
  channel: tl.RawGroupCallStreamChannel,
): LiveStreamChannel {
  return {
    id: channel.channel,
    scale: channel.scale,
    timestamp: channel.lastTimestampMs.toNumber(),
  };
}
