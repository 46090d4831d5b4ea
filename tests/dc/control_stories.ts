/**
 * The control API's view of stories and group calls, as the world holds
 * them: a user's stories (highlights included), a chat's newest video chat
 * or live stream with its participants, and the bytes a live stream segment
 * is served with.
 */
import type { tl } from "@mtcute/core";
import {
  BadRequest,
  field,
  json,
  queryId,
  readBody,
  type Route,
} from "./control_http.ts";
import { RpcFailure } from "./contract.ts";
import { inputGroupCall, segmentBytes } from "./world/group_calls.ts";
import { discardGroupCall } from "./world/group_calls_delivery.ts";
import type { World } from "./world/world.ts";

/** A story as the control API shows it. */
export interface ControlStory {
  id: number;
  date: number;
  expireDate: number;
  /** On the poster's profile ("highlights"). */
  pinned: boolean;
  edited: boolean;
  noforwards: boolean;
  caption: string;
  media: "photo" | "video";
  /** The privacy rules' constructors, e.g. `privacyValueAllowAll`. */
  privacy: string[];
}

/** A group call as the control API shows it. */
export interface ControlGroupCall {
  /** The call id, a decimal long. */
  id: string;
  state: "active" | "scheduled" | "ended";
  title?: string;
  rtmp: boolean;
  creator: number;
  scheduleDate?: number;
  /** Seconds it lasted (ended calls). */
  duration?: number;
  participants: { id: number; source: number; muted: boolean }[];
}

/** The story and group call views of the control API. */
export interface StoryControl {
  /** The stories `user` posted that are not deleted, oldest first. */
  stories(user: number): ControlStory[];
  /** The newest group call of the chat (a marked id), ended or not. */
  groupCall(chat: number): ControlGroupCall | undefined;
  /** `by` ends the chat's video chat as its client would (`phone.discardGroupCall`). */
  discardGroupCall(input: { chat: number; by: number }): { ok: true };
  /** The bytes the live stream `call` serves for a segment, as `upload.getFile` does. */
  streamSegment(
    input: {
      call: string;
      timeMs: number;
      scale: number;
      channel?: number;
      quality?: number;
    },
  ): Uint8Array | undefined;
}

function mediaKind(media: tl.TypeMessageMedia): "photo" | "video" {
  return media._ === "messageMediaPhoto" ? "photo" : "video";
}

/** The `StoryControl` of a world. */
export function createStoryControl(world: World): StoryControl {
  return {
    stories(user) {
      world.state.accounts.require(user);
      return world.state.stories.of(user).map((story) => ({
        id: story.id,
        date: story.date,
        expireDate: story.expireDate,
        pinned: story.pinned,
        edited: story.edited,
        noforwards: story.noforwards,
        caption: story.caption,
        media: mediaKind(story.media),
        privacy: story.privacy.map((rule) => rule._),
      }));
    },
    groupCall(chat) {
      const call = world.state.groupCalls.latest(chat);
      if (!call) return undefined;
      return {
        id: call.id.toString(),
        state: call.endedAfter !== undefined
          ? "ended"
          : call.scheduleDate !== undefined
          ? "scheduled"
          : "active",
        title: call.title,
        rtmp: call.rtmp,
        creator: call.creatorId,
        scheduleDate: call.scheduleDate,
        duration: call.endedAfter,
        participants: [...call.participants.values()].map((p) => ({
          id: p.userId,
          source: p.source,
          muted: p.muted,
        })),
      };
    },
    discardGroupCall({ chat, by }) {
      world.state.accounts.require(by);
      const call = world.state.groupCalls.current(chat);
      if (!call) throw new RpcFailure(400, "GROUPCALL_INVALID");
      discardGroupCall(
        { state: world.state, sessions: world.sessions },
        { userId: by, call: inputGroupCall(call) },
      );
      return { ok: true };
    },
    streamSegment({ call: id, ...request }) {
      const call = world.state.groupCalls.byId(id);
      return call && segmentBytes(call, request);
    },
  };
}

/** The optional integer query parameter `name`. */
function optionalQueryId(url: URL, name: string): number | undefined {
  return url.searchParams.has(name) ? queryId(url, name) : undefined;
}

/** The story and group call routes. */
export function storyRoutes(control: StoryControl): Record<string, Route> {
  return {
    "GET /stories": (_req, url) => json(control.stories(queryId(url, "user"))),
    "GET /group-calls": (_req, url) => {
      const call = control.groupCall(queryId(url, "chat"));
      return call ? json(call) : json({ error: "no group call" }, 404);
    },
    "POST /group-calls/discard": async (req) => {
      const body = await readBody(req);
      return json(control.discardGroupCall({
        chat: field(body, "chat", "number"),
        by: field(body, "by", "number"),
      }));
    },
    "GET /group-calls/segment": (_req, url) => {
      const call = url.searchParams.get("call");
      if (!call) throw new BadRequest("query parameter call is required");
      const bytes = control.streamSegment({
        call,
        timeMs: queryId(url, "timeMs"),
        scale: queryId(url, "scale"),
        channel: optionalQueryId(url, "channel"),
        quality: optionalQueryId(url, "quality"),
      });
      if (!bytes) return json({ error: "no such group call" }, 404);
      return json({ bytes: bytes.toBase64() });
    },
  };
}
