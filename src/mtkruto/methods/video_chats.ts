/**
 * Video chats and live streams (methods.md §B.12). mtcute has no group call
 * API, so every call is raw `phone.*` TL. MTKruto names a call by its id
 * alone; the access hash Telegram wants beside it comes from the account's
 * store (`updates/group_calls.ts`), which learns it from `updateGroupCall`:
 * an id the account never saw is "Video chat not found.", as in MTKruto.
 */
import { randomBytes } from "node:crypto";
import { type InputPeerLike, Long, type tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { wrapBytes } from "../../tl/_wrappers.ts";
import { resolveChatId } from "../params/chat_id.ts";
import { readDecimal } from "../params/read.ts";
import {
  toJoinVideoChatOptions,
  toSegmentQuality,
  toStartVideoChatOptions,
} from "../params/video_chats.ts";
import { RenderError } from "../types/render_error.ts";
import {
  type LiveStreamChannel,
  renderLiveStreamChannel,
  renderVideoChat,
  type VideoChat,
} from "../types/video_chat.ts";
import { groupCallHashesOf } from "../updates/group_calls.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  integerParam,
  optionsParam,
  stringParam,
} from "./params.ts";

/** A video chat id: the decimal string of the group call's id. */
const videoChatIdParam = customParam("id", "string", readDecimal);

/** The error path of a method's first argument, the video chat id or the chat. */
function firstArgument(call: DialectCall, name: string): string {
  return `Argument 1 of ${call.method} (${name})`;
}

/** A positive 32-bit random number (`random_id` of `phone.createGroupCall`, an SSRC). */
function randomInt32(): number {
  return (randomBytes(4).readUInt32BE() >>> 1) || 1;
}

/** The `inputGroupCall` of a call id the account knows. */
function inputCall(call: DialectCall, id: string): tl.RawInputGroupCall {
  const input = groupCallHashesOf(call.client)?.inputCall(id);
  if (!input) {
    throw new InputError(
      `${
        firstArgument(call, "id")
      }: Video chat not found. The account learns a video chat's id from startVideoChat, scheduleVideoChat and the videoChat updates of its chats`,
    );
  }
  return input;
}

/** The call as Telegram has it now (`phone.getGroupCall`), its access hash kept. */
async function fetchCall(
  call: DialectCall,
  id: string,
): Promise<tl.TypeGroupCall> {
  const { call: groupCall } = await call.client.call({
    _: "phone.getGroupCall",
    call: inputCall(call, id),
    limit: 1,
  });
  groupCallHashesOf(call.client)?.learn(groupCall);
  return groupCall;
}

/** The live stream a call is; "Not a live stream." (MTKruto's words) for a WebRTC video chat or an ended one. */
async function liveStream(
  call: DialectCall,
  id: string,
): Promise<tl.RawGroupCall> {
  const groupCall = await fetchCall(call, id);
  if (groupCall._ !== "groupCall" || !groupCall.rtmpStream) {
    throw new InputError(`${firstArgument(call, "id")}: Not a live stream.`);
  }
  return groupCall;
}

/** Delivers the account's own updates and picks the first of `kind` from them. */
function ownUpdate<K extends tl.TypeUpdate["_"]>(
  call: DialectCall,
  updates: tl.TypeUpdates,
  kind: K,
): Extract<tl.TypeUpdate, { _: K }> {
  call.client.handleClientUpdate(updates);
  const list = updates._ === "updates" || updates._ === "updatesCombined"
    ? updates.updates
    : updates._ === "updateShort"
    ? [updates.update]
    : [];
  const found = list.find((update) => update._ === kind);
  if (!found) {
    throw new RenderError(`${call.method}: Telegram answered no ${kind}`);
  }
  return found as Extract<tl.TypeUpdate, { _: K }>;
}

/** `phone.createGroupCall` in a group or channel, now or at `scheduleDate`; the call as it started. */
async function createCall(
  call: DialectCall,
  chatId: InputPeerLike,
  params: Record<string, unknown>,
  scheduleDate?: number,
): Promise<VideoChat> {
  const peer = await call.client.resolvePeer(chatId);
  if (peer._ === "inputPeerSelf" || peer._.startsWith("inputPeerUser")) {
    throw new InputError(
      `${
        firstArgument(call, "chatId")
      }: Video chats are only available for groups and channels.`,
    );
  }
  const updates = await call.client.call({
    _: "phone.createGroupCall",
    peer,
    randomId: randomInt32(),
    ...toStartVideoChatOptions(params, "params"),
    scheduleDate,
  });
  const update = ownUpdate(call, updates, "updateGroupCall");
  // kept now: the update handler may see it only after the caller's next call
  groupCallHashesOf(call.client)?.learn(update.call);
  return renderVideoChat(update.call);
}

/** `phone.joinGroupCall` as the account (or `joinAs`) with the WebRTC join payload; the join response. */
async function joinCall(
  call: DialectCall,
  id: string,
  payload: string,
  params: Record<string, unknown>,
): Promise<string> {
  const options = toJoinVideoChatOptions(params, "params");
  const updates = await call.client.call({
    _: "phone.joinGroupCall",
    call: inputCall(call, id),
    joinAs: options.joinAs === undefined
      ? { _: "inputPeerSelf" }
      : await call.client.resolvePeer(
        await resolveChatId(call.client, options.joinAs),
      ),
    params: { _: "dataJSON", data: payload },
    inviteHash: options.inviteHash,
    muted: options.muted,
    videoStopped: options.videoStopped,
  });
  return ownUpdate(call, updates, "updateGroupCallConnection").params.data;
}

/** The video chat methods, all for user accounts. */
export const VIDEO_CHAT_METHODS: DialectMethod[] = [
  defineMethod(
    "startVideoChat",
    "user",
    [chatIdParam(), optionsParam("StartVideoChatParams")],
    "VideoChatActive",
    async (call, chatId, params) => await createCall(call, chatId, params),
  ),
  defineMethod(
    "scheduleVideoChat",
    "user",
    [
      chatIdParam(),
      integerParam("startAt"),
      optionsParam("ScheduleVideoChatParams"),
    ],
    "VideoChatScheduled",
    async (call, chatId, startAt, params) =>
      await createCall(call, chatId, params, startAt),
  ),
  defineMethod(
    "joinVideoChat",
    "user",
    [
      videoChatIdParam,
      stringParam("params_", { nonEmpty: true }),
      optionsParam("JoinVideoChatParams"),
    ],
    "string",
    async (call, id, payload, params) =>
      await joinCall(call, id, payload, params),
  ),
  defineMethod(
    "joinLiveStream",
    "user",
    [videoChatIdParam],
    "void",
    async (call, id) => {
      // MTKruto's placeholder payload: a live stream needs no WebRTC transport
      const payload = JSON.stringify({
        fingerprints: [],
        pwd: "",
        ssrc: randomInt32(),
        "ssrc-groups": [],
        ufrag: "",
      });
      await joinCall(call, id, payload, {});
      return null;
    },
  ),
  defineMethod(
    "leaveVideoChat",
    "user",
    [videoChatIdParam],
    "void",
    async (call, id) => {
      const updates = await call.client.call({
        _: "phone.leaveGroupCall",
        call: inputCall(call, id),
        source: 0,
      });
      call.client.handleClientUpdate(updates);
      return null;
    },
  ),
  defineMethod(
    "getVideoChat",
    "user",
    [videoChatIdParam],
    "VideoChat",
    async (call, id) => renderVideoChat(await fetchCall(call, id)),
  ),
  defineMethod(
    "getLiveStreamChannels",
    "user",
    [videoChatIdParam],
    "LiveStreamChannel[]",
    async (call, id): Promise<LiveStreamChannel[]> => {
      const stream = await liveStream(call, id);
      const { channels } = await call.client.call(
        { _: "phone.getGroupCallStreamChannels", call: inputCall(call, id) },
        { dcId: stream.streamDcId, kind: "download" },
      );
      return channels.map(renderLiveStreamChannel);
    },
  ),
  defineMethod(
    "downloadLiveStreamSegment",
    "user",
    [
      videoChatIdParam,
      integerParam("channelId"),
      integerParam("scale"),
      integerParam("timestamp"),
      optionsParam("DownloadLiveStreamSegmentParams"),
    ],
    "Uint8Array",
    async (call, id, channelId, scale, timestamp, params) => {
      const videoQuality = toSegmentQuality(params, "params");
      const stream = await liveStream(call, id);
      const location: tl.RawInputGroupCallStream = {
        _: "inputGroupCallStream",
        call: inputCall(call, id),
        timeMs: Long.fromNumber(timestamp),
        scale,
        videoChannel: channelId,
        videoQuality,
      };
      const bytes = await call.client.downloadAsBuffer(location, {
        dcId: stream.streamDcId,
        abortSignal: call.signal,
      });
      // MTKruto resolves to the bytes; JSON carries them as the bytes wrapper
      return wrapBytes(bytes);
    },
  ),
];
