/**
 * Group calls (video chats and RTMP live streams) of groups, supergroups and
 * channels (core.telegram.org/api/group-calls): which call a chat has, who
 * joined it, and the TL views of both. No media flows: joining answers a
 * plausible WebRTC join response, and a live stream's segments are
 * deterministic bytes (see README.md, "Video chats").
 */
import { createHash, randomBytes } from "node:crypto";
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { randomLong } from "./files.ts";
import { now } from "./emit.ts";
import { tlPeer } from "./peer_keys.ts";

/** The DC live streams are served from (the emulator's only one). */
export const STREAM_DC_ID = 2;
/** Video channel of a live stream's unified video (core.telegram.org/constructor/inputGroupCallStream). */
export const UNIFIED_VIDEO_CHANNEL = 1;
/** Bytes in one live stream segment the emulator serves. */
export const SEGMENT_SIZE = 4096;
/** How many participants Telegram lets turn their video on. */
const UNMUTED_VIDEO_LIMIT = 30;

/** Someone in a call. */
export interface CallParticipant {
  readonly userId: number;
  /** The audio SSRC of the join payload. */
  readonly source: number;
  readonly date: number;
  readonly muted: boolean;
  readonly videoStopped: boolean;
}

/** One group call. */
export interface GroupCall {
  readonly id: Long;
  readonly accessHash: Long;
  readonly chatKey: number;
  readonly creatorId: number;
  readonly title?: string;
  /** An RTMP live stream (`rtmp_stream`), watched by downloading segments. */
  readonly rtmp: boolean;
  /** When a scheduled call is due; unset once it starts. */
  scheduleDate?: number;
  /** When it started (unset while scheduled). */
  startDate?: number;
  /** Set once it is discarded: its length in seconds. */
  endedAfter?: number;
  readonly participants: Map<number, CallParticipant>;
  /** Bumped on every change of the participant list. */
  version: number;
}

/** Every group call, and the one each chat has. */
export class GroupCalls {
  readonly #byId = new Map<string, GroupCall>();
  readonly #byChat = new Map<number, GroupCall>();

  create(
    input: Pick<GroupCall, "chatKey" | "creatorId" | "title" | "rtmp"> & {
      scheduleDate?: number;
    },
  ): GroupCall {
    const call: GroupCall = {
      ...input,
      id: randomLong(),
      accessHash: randomLong(),
      startDate: input.scheduleDate === undefined ? now() : undefined,
      participants: new Map(),
      version: 1,
    };
    this.#byId.set(call.id.toString(), call);
    this.#byChat.set(call.chatKey, call);
    return call;
  }

  /** The chat's newest call, discarded or not. */
  latest(chatKey: number): GroupCall | undefined {
    return this.#byChat.get(chatKey);
  }

  /** The chat's call that is not discarded, if any. */
  current(chatKey: number): GroupCall | undefined {
    const call = this.#byChat.get(chatKey);
    return call && call.endedAfter === undefined ? call : undefined;
  }

  /** The call an `InputGroupCall` names: id and access hash must match (`GROUPCALL_INVALID`). */
  resolve(input: tl.TypeInputGroupCall): GroupCall {
    const call = input._ === "inputGroupCall"
      ? this.#byId.get(input.id.toString())
      : undefined;
    if (
      !call || input._ !== "inputGroupCall" ||
      !call.accessHash.eq(input.accessHash)
    ) {
      throw new RpcFailure(400, "GROUPCALL_INVALID");
    }
    return call;
  }

  /** A call by its id, for the control API. */
  byId(id: string): GroupCall | undefined {
    return this.#byId.get(id);
  }
}

/** The `inputGroupCall` of a call, as service messages and full chats carry it. */
export function inputGroupCall(call: GroupCall): tl.RawInputGroupCall {
  return { _: "inputGroupCall", id: call.id, accessHash: call.accessHash };
}

/** The call as `viewerId` sees it: `groupCallDiscarded` once it ended. */
export function toTlGroupCall(
  call: GroupCall,
  viewerId: number,
  { isAdmin }: { isAdmin: boolean },
): tl.TypeGroupCall {
  if (call.endedAfter !== undefined) {
    return {
      _: "groupCallDiscarded",
      id: call.id,
      accessHash: call.accessHash,
      duration: call.endedAfter,
    };
  }
  return {
    _: "groupCall",
    canChangeJoinMuted: isAdmin || undefined,
    joinDateAsc: true,
    canStartVideo: true,
    rtmpStream: call.rtmp || undefined,
    creator: viewerId === call.creatorId || undefined,
    id: call.id,
    accessHash: call.accessHash,
    participantsCount: call.participants.size,
    title: call.title,
    streamDcId: call.rtmp ? STREAM_DC_ID : undefined,
    scheduleDate: call.scheduleDate,
    unmutedVideoLimit: UNMUTED_VIDEO_LIMIT,
    version: call.version,
  };
}

/** A participant as `viewerId` sees it (`self` for its own entry); `left` when it just left. */
export function toTlParticipant(
  participant: CallParticipant,
  viewerId: number,
  { left = false, justJoined = false } = {},
): tl.RawGroupCallParticipant {
  return {
    _: "groupCallParticipant",
    muted: participant.muted || undefined,
    left: left || undefined,
    canSelfUnmute: true,
    justJoined: justJoined || undefined,
    self: participant.userId === viewerId || undefined,
    peer: tlPeer(participant.userId),
    date: participant.date,
    source: participant.source,
    videoJoined: !participant.videoStopped || undefined,
  };
}

/** The `ssrc` of a join payload: JSON with a non-zero 32-bit integer `ssrc` (`DATA_JSON_INVALID` otherwise). */
export function joinSource(payload: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw new RpcFailure(400, "DATA_JSON_INVALID");
  }
  const ssrc = (parsed as { ssrc?: unknown } | null)?.ssrc;
  if (
    typeof ssrc !== "number" || !Number.isInteger(ssrc) || ssrc === 0 ||
    ssrc < -(2 ** 31) || ssrc >= 2 ** 32
  ) {
    throw new RpcFailure(400, "DATA_JSON_INVALID");
  }
  return ssrc;
}

/**
 * What joining answers in `updateGroupCallConnection`: `{"stream": true,
 * "rtmp": true}` for a live stream, as Telegram documents; else a join
 * response in tgcalls' shape (ICE credentials, a DTLS fingerprint and one
 * host candidate) that is plausible, not usable: no media server stands
 * behind it.
 */
export function joinResponse(call: GroupCall, port: number): string {
  if (call.rtmp) return JSON.stringify({ stream: true, rtmp: true });
  const fingerprint = createHash("sha256").update(call.id.toString()).digest(
    "hex",
  ).toUpperCase().match(/../g)!.join(":");
  return JSON.stringify({
    transport: {
      ufrag: randomBytes(4).toString("hex"),
      pwd: randomBytes(12).toString("base64"),
      fingerprints: [{ hash: "sha-256", setup: "passive", fingerprint }],
      candidates: [{
        generation: "0",
        component: "1",
        protocol: "udp",
        port: String(port),
        ip: "127.0.0.1",
        foundation: "1",
        id: "1",
        priority: "2130706431",
        type: "host",
        network: "0",
      }],
    },
  });
}

/** The last segment timestamp of a live stream: whole seconds since it started, in milliseconds. */
export function lastSegmentMs(call: GroupCall): number {
  return Math.max(0, now() - (call.startDate ?? now())) * 1000;
}

/**
 * The bytes of one live stream segment: the same for the same call,
 * moment, scale, channel and quality (SHA-256 blocks over those), so tests
 * can tell segments apart and compare them with the control API's.
 */
export function segmentBytes(
  call: GroupCall,
  request: {
    timeMs: number;
    scale: number;
    channel?: number;
    quality?: number;
  },
): Uint8Array {
  const seed =
    `${call.id}:${request.timeMs}:${request.scale}:${request.channel}:${request.quality}`;
  const bytes = new Uint8Array(SEGMENT_SIZE);
  for (let offset = 0, block = 0; offset < SEGMENT_SIZE; block++) {
    const digest = createHash("sha256").update(`${seed}:${block}`).digest();
    bytes.set(digest.subarray(0, SEGMENT_SIZE - offset), offset);
    offset += digest.length;
  }
  return bytes;
}

/** The full chat's `call`: the chat's call that is not discarded (scheduled ones too, as Telegram shows them). */
export function fullChatCall(
  calls: GroupCalls,
  chatKey: number,
): { call?: tl.RawInputGroupCall } {
  const call = calls.current(chatKey);
  return call ? { call: inputGroupCall(call) } : {};
}

/** The chat object's `call_active` (a call is going on) and `call_not_empty` (someone is in it). */
export function chatCallFlags(
  calls: GroupCalls,
  chatKey: number,
): { callActive?: true; callNotEmpty?: true } {
  const call = calls.current(chatKey);
  if (!call || call.scheduleDate !== undefined) return {};
  return {
    callActive: true,
    ...(call.participants.size > 0 ? { callNotEmpty: true } : {}),
  };
}
