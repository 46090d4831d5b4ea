/**
 * The group call methods (`phone.createGroupCall`, `getGroupCall`,
 * `joinGroupCall`, `leaveGroupCall`, `discardGroupCall`,
 * `startScheduledGroupCall`, `getGroupCallStreamChannels`) and live stream
 * segments (`upload.getFile` with `inputGroupCallStream`). Starting,
 * scheduling and ending a call post the service messages
 * `messageActionGroupCall` / `messageActionGroupCallScheduled`; every change
 * reaches the chat's members as `updateGroupCall` (and joins and leaves as
 * `updateGroupCallParticipants`), which are not pts events: pushed once to
 * the sessions connected now, as Telegram sends them.
 */
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { requireMember } from "./chat_edits.ts";
import { type Chat, requireChat } from "./chats.ts";
import { sendMessages } from "./delivery.ts";
import { type DeliveryContext, now } from "./emit.ts";
import {
  type GroupCall,
  inputGroupCall,
  joinResponse,
  joinSource,
  lastSegmentMs,
  segmentBytes,
  toTlGroupCall,
  toTlParticipant,
  UNIFIED_VIDEO_CHANNEL,
} from "./group_calls.ts";
import { hasAdminRight } from "./members_view.ts";
import { peerKind, tlPeer } from "./peer_keys.ts";

/** Telegram schedules calls at most a week ahead. */
const MAX_SCHEDULE_AHEAD_SECONDS = 7 * 86400;

/** The call's chat; the caller must be in it (`CHANNEL_PRIVATE` / `CHAT_ID_INVALID`). */
function callChat(ctx: DeliveryContext, call: GroupCall, userId: number): Chat {
  const chat = requireChat(ctx.state.chats, call.chatKey);
  requireMember(chat, userId);
  return chat;
}

/** Fails unless `userId` may manage the chat's calls (`manage_call`; the creator may). */
function requireCallAdmin(chat: Chat, userId: number): void {
  requireMember(chat, userId);
  if (!hasAdminRight(chat, userId, "manageCall")) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
}

/** `updateGroupCall` as `viewerId` sees the call. */
function callUpdate(
  chat: Chat,
  call: GroupCall,
  viewerId: number,
): tl.RawUpdateGroupCall {
  return {
    _: "updateGroupCall",
    peer: tlPeer(chat.key),
    call: toTlGroupCall(call, viewerId, {
      isAdmin: hasAdminRight(chat, viewerId, "manageCall"),
    }),
  };
}

/** A container of non-pts updates for `viewerId` (seq 0), with the chat and `userIds`. */
function container(
  ctx: DeliveryContext,
  chat: Chat,
  viewerId: number,
  updates: tl.TypeUpdate[],
  userIds: number[] = [],
): tl.RawUpdates {
  return {
    _: "updates",
    updates,
    users: ctx.state.users([viewerId, ...userIds], viewerId),
    chats: ctx.state.chatObjects([chat.key], viewerId),
    date: now(),
    seq: 0,
  };
}

/** Pushes to every member but `actorId` its view of the call's change (plus `extra`, the same for all); returns the actor's updates. */
function announce(
  ctx: DeliveryContext,
  chat: Chat,
  call: GroupCall,
  actorId: number,
  extra: (viewerId: number) => tl.TypeUpdate[] = () => [],
): tl.TypeUpdate[] {
  const userIds = [...call.participants.keys()];
  for (const memberId of chat.members.keys()) {
    if (memberId === actorId) continue;
    ctx.sessions.push(
      memberId,
      container(ctx, chat, memberId, [
        ...extra(memberId),
        callUpdate(chat, call, memberId),
      ], userIds),
    );
  }
  return [...extra(actorId), callUpdate(chat, call, actorId)];
}

/** Posts the call's service message from `actorId`; the actor's `updates` with the call's change put first. */
function postWithCall(
  ctx: DeliveryContext,
  chat: Chat,
  call: GroupCall,
  actorId: number,
  action: tl.TypeMessageAction,
): tl.RawUpdates {
  const callUpdates = announce(ctx, chat, call, actorId);
  // the actor's other sessions get the call too; the message reaches them with its pts
  ctx.sessions.push(
    actorId,
    container(ctx, chat, actorId, callUpdates),
    ctx.caller,
  );
  const posted = sendMessages(ctx, {
    senderId: actorId,
    peerId: chat.key,
    messages: [{ content: { text: "", action } }],
  });
  return { ...posted, updates: [...callUpdates, ...posted.updates] };
}

/** `phone.createGroupCall`: a video chat or live stream in a group, supergroup or channel, now or at `scheduleDate`. */
export function createGroupCall(
  ctx: DeliveryContext,
  input: {
    creatorId: number;
    chatKey: number;
    title?: string;
    rtmp?: boolean;
    scheduleDate?: number;
  },
): tl.RawUpdates {
  const { state } = ctx;
  if (peerKind(input.chatKey) === "user") {
    throw new RpcFailure(400, "PEER_ID_INVALID");
  }
  const chat = requireChat(state.chats, input.chatKey);
  requireCallAdmin(chat, input.creatorId);
  if (state.groupCalls.current(chat.key)) {
    throw new RpcFailure(400, "GROUPCALL_ALREADY_STARTED");
  }
  const { scheduleDate } = input;
  if (
    scheduleDate !== undefined &&
    (scheduleDate <= now() || scheduleDate > now() + MAX_SCHEDULE_AHEAD_SECONDS)
  ) {
    throw new RpcFailure(400, "SCHEDULE_DATE_INVALID");
  }
  const call = state.groupCalls.create({
    chatKey: chat.key,
    creatorId: input.creatorId,
    title: input.title || undefined,
    rtmp: input.rtmp ?? false,
    scheduleDate,
  });
  const action: tl.TypeMessageAction = scheduleDate === undefined
    ? { _: "messageActionGroupCall", call: inputGroupCall(call) }
    : {
      _: "messageActionGroupCallScheduled",
      call: inputGroupCall(call),
      scheduleDate,
    };
  return postWithCall(ctx, chat, call, input.creatorId, action);
}

/** `phone.startScheduledGroupCall`: starts a scheduled call early or on time. */
export function startScheduledGroupCall(
  ctx: DeliveryContext,
  input: { userId: number; call: tl.TypeInputGroupCall },
): tl.RawUpdates {
  const call = ctx.state.groupCalls.resolve(input.call);
  const chat = callChat(ctx, call, input.userId);
  requireCallAdmin(chat, input.userId);
  if (call.endedAfter !== undefined) {
    throw new RpcFailure(400, "GROUPCALL_INVALID");
  }
  if (call.scheduleDate === undefined) {
    throw new RpcFailure(403, "GROUPCALL_ALREADY_STARTED");
  }
  call.scheduleDate = undefined;
  call.startDate = now();
  return postWithCall(ctx, chat, call, input.userId, {
    _: "messageActionGroupCall",
    call: inputGroupCall(call),
  });
}

/** `phone.discardGroupCall`: ends the call for everyone; the service message tells how long it lasted. */
export function discardGroupCall(
  ctx: DeliveryContext,
  input: { userId: number; call: tl.TypeInputGroupCall },
): tl.RawUpdates {
  const call = ctx.state.groupCalls.resolve(input.call);
  const chat = callChat(ctx, call, input.userId);
  requireCallAdmin(chat, input.userId);
  if (call.endedAfter !== undefined) {
    throw new RpcFailure(400, "GROUPCALL_ALREADY_DISCARDED");
  }
  call.endedAfter = call.startDate === undefined ? 0 : now() - call.startDate;
  call.participants.clear();
  call.version++;
  return postWithCall(ctx, chat, call, input.userId, {
    _: "messageActionGroupCall",
    call: inputGroupCall(call),
    duration: call.endedAfter,
  });
}

/** `phone.getGroupCall`: the call and up to `limit` participants, for a member of its chat. */
export function getGroupCall(
  ctx: DeliveryContext,
  input: { userId: number; call: tl.TypeInputGroupCall; limit: number },
): tl.phone.RawGroupCall {
  const call = ctx.state.groupCalls.resolve(input.call);
  const chat = callChat(ctx, call, input.userId);
  const participants = [...call.participants.values()].slice(
    0,
    Math.max(0, input.limit),
  );
  return {
    _: "phone.groupCall",
    call: callUpdate(chat, call, input.userId).call,
    participants: participants.map((p) => toTlParticipant(p, input.userId)),
    participantsNextOffset: "",
    chats: ctx.state.chatObjects([chat.key], input.userId),
    users: ctx.state.users(
      [input.userId, ...participants.map((p) => p.userId)],
      input.userId,
    ),
  };
}

/** A call that is going on now: not scheduled, not discarded (`GROUPCALL_INVALID`). */
function requireOngoing(call: GroupCall): void {
  if (call.endedAfter !== undefined || call.scheduleDate !== undefined) {
    throw new RpcFailure(400, "GROUPCALL_INVALID");
  }
}

/** `phone.joinGroupCall` as the caller itself; answers `updateGroupCallConnection` with the join response. */
export function joinGroupCall(
  ctx: DeliveryContext,
  input: {
    userId: number;
    /** The DC's port, for the join response's candidate. */
    port: number;
    call: tl.TypeInputGroupCall;
    joinAs: tl.TypeInputPeer;
    params: tl.TypeDataJSON;
    muted?: boolean;
    videoStopped?: boolean;
  },
): tl.RawUpdates {
  const call = ctx.state.groupCalls.resolve(input.call);
  const chat = callChat(ctx, call, input.userId);
  requireOngoing(call);
  const selfJoin = input.joinAs._ === "inputPeerSelf" ||
    (input.joinAs._ === "inputPeerUser" &&
      input.joinAs.userId === input.userId);
  // joining on behalf of a channel is not modelled
  if (!selfJoin) throw new RpcFailure(400, "JOIN_AS_PEER_INVALID");
  const participant = {
    userId: input.userId,
    source: joinSource(input.params.data),
    date: now(),
    muted: input.muted ?? false,
    videoStopped: input.videoStopped ?? false,
  };
  call.participants.set(input.userId, participant);
  call.version++;
  const joined = (viewerId: number): tl.TypeUpdate[] => [{
    _: "updateGroupCallParticipants",
    call: inputGroupCall(call),
    participants: [
      toTlParticipant(participant, viewerId, { justJoined: true }),
    ],
    version: call.version,
  }];
  const own = announce(ctx, chat, call, input.userId, joined);
  return container(ctx, chat, input.userId, [
    {
      _: "updateGroupCallConnection",
      params: { _: "dataJSON", data: joinResponse(call, input.port) },
    },
    ...own,
  ], [input.userId]);
}

/** `phone.leaveGroupCall`: the caller leaves (`GROUPCALL_JOIN_MISSING` if it is not in the call). */
export function leaveGroupCall(
  ctx: DeliveryContext,
  input: { userId: number; call: tl.TypeInputGroupCall },
): tl.RawUpdates {
  const call = ctx.state.groupCalls.resolve(input.call);
  const chat = callChat(ctx, call, input.userId);
  const participant = call.participants.get(input.userId);
  if (!participant) throw new RpcFailure(400, "GROUPCALL_JOIN_MISSING");
  call.participants.delete(input.userId);
  call.version++;
  const left = (viewerId: number): tl.TypeUpdate[] => [{
    _: "updateGroupCallParticipants",
    call: inputGroupCall(call),
    participants: [toTlParticipant(participant, viewerId, { left: true })],
    version: call.version,
  }];
  const own = announce(ctx, chat, call, input.userId, left);
  return container(ctx, chat, input.userId, own, [input.userId]);
}

/** The call a joined participant streams from: ongoing, and the caller in it (`GROUPCALL_JOIN_MISSING`). */
function joinedCall(
  ctx: DeliveryContext,
  userId: number,
  input: tl.TypeInputGroupCall,
): GroupCall {
  const call = ctx.state.groupCalls.resolve(input);
  callChat(ctx, call, userId);
  requireOngoing(call);
  if (!call.participants.has(userId)) {
    throw new RpcFailure(400, "GROUPCALL_JOIN_MISSING");
  }
  return call;
}

/** `phone.getGroupCallStreamChannels`: a live stream's unified video channel (none for a WebRTC call). */
export function getStreamChannels(
  ctx: DeliveryContext,
  input: { userId: number; call: tl.TypeInputGroupCall },
): tl.phone.RawGroupCallStreamChannels {
  const call = joinedCall(ctx, input.userId, input.call);
  return {
    _: "phone.groupCallStreamChannels",
    channels: call.rtmp
      ? [{
        _: "groupCallStreamChannel",
        channel: UNIFIED_VIDEO_CHANNEL,
        scale: 0,
        lastTimestampMs: Long.fromNumber(lastSegmentMs(call)),
      }]
      : [],
  };
}

/** `upload.getFile` of a live stream segment (`inputGroupCallStream`), sliced by offset and limit. */
export function streamSegment(
  ctx: DeliveryContext,
  input: {
    userId: number;
    location: tl.RawInputGroupCallStream;
    offset: number;
    limit: number;
  },
): tl.upload.RawFile {
  const { location } = input;
  const call = joinedCall(ctx, input.userId, location.call);
  const timeMs = location.timeMs.toNumber();
  const validChannel = location.videoChannel === undefined ||
    location.videoChannel === UNIFIED_VIDEO_CHANNEL;
  const validQuality = location.videoQuality === undefined ||
    [0, 1, 2].includes(location.videoQuality);
  // segments last 1000 >> scale ms; Telegram serves scales 0 and 1
  const validScale = location.scale === 0 || location.scale === 1;
  if (
    !call.rtmp || !validChannel || !validQuality || !validScale || timeMs < 0
  ) {
    throw new RpcFailure(400, "LOCATION_INVALID");
  }
  if (timeMs > lastSegmentMs(call)) throw new RpcFailure(400, "TIME_TOO_BIG");
  if (input.offset < 0 || input.limit <= 0) {
    throw new RpcFailure(400, "LIMIT_INVALID");
  }
  const bytes = segmentBytes(call, {
    timeMs,
    scale: location.scale,
    channel: location.videoChannel,
    quality: location.videoQuality,
  });
  return {
    _: "upload.file",
    type: {
      _: location.videoChannel === undefined
        ? "storage.filePartial"
        : "storage.fileMp4",
    },
    mtime: now(),
    bytes: bytes.slice(input.offset, input.offset + input.limit),
  };
}
