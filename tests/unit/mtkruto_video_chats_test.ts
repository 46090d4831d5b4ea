/** Video chats: the params readers, VideoChat / LiveStreamChannel as MTKruto renders them (types.md §13), `videoChat` updates and the access hash store. */
import type { tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import {
  toJoinVideoChatOptions,
  toSegmentQuality,
  toStartVideoChatOptions,
} from "../../src/mtkruto/params/video_chats.ts";
import {
  renderLiveStreamChannel,
  renderVideoChat,
} from "../../src/mtkruto/types/video_chat.ts";
import { planUpdate } from "../../src/mtkruto/updates/from_tl.ts";
import { GroupCallHashes } from "../../src/mtkruto/updates/group_calls.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertRendersAs, long } from "./_mtkruto_fixtures.ts";
import {
  allPeers,
  peerChannel,
  SUPERGROUP_ID,
} from "./_mtkruto_message_fixtures.ts";

function groupCall(overrides: Partial<tl.RawGroupCall> = {}): tl.RawGroupCall {
  return {
    _: "groupCall",
    id: long("-4156887774564"),
    accessHash: long("987654321"),
    participantsCount: 2,
    unmutedVideoLimit: 30,
    version: 3,
    ...overrides,
  };
}

const DISCARDED: tl.RawGroupCallDiscarded = {
  _: "groupCallDiscarded",
  id: long("-4156887774564"),
  accessHash: long("987654321"),
  duration: 95,
};

Deno.test("VideoChat: active, scheduled and ended, in MTKruto's key order", () => {
  assertRendersAs(
    renderVideoChat(groupCall({ title: "Standup", recordVideoActive: true })),
    {
      type: "active",
      id: "-4156887774564",
      title: "Standup",
      isLiveStream: false,
      isRecording: true,
      participantCount: 2,
    },
  );
  assertRendersAs(
    renderVideoChat(groupCall({ scheduleDate: 1767225600, rtmpStream: true })),
    {
      type: "scheduled",
      id: "-4156887774564",
      title: "",
      scheduledFor: 1767225600,
      isLiveStream: true,
      participantCount: 2,
    },
  );
  assertRendersAs(renderVideoChat(DISCARDED), {
    type: "ended",
    id: "-4156887774564",
    duration: 95,
  });
});

Deno.test("LiveStreamChannel: channel, scale and the last timestamp as a number", () => {
  assertRendersAs(
    renderLiveStreamChannel({
      _: "groupCallStreamChannel",
      channel: 1,
      scale: 0,
      lastTimestampMs: long("1767225600000"),
    }),
    { id: 1, scale: 0, timestamp: 1767225600000 },
  );
});

Deno.test("the params: title and live stream; audio and video on by default; segment quality", () => {
  assertEquals(
    toStartVideoChatOptions({ title: "T", isLiveStream: false }, "params"),
    { title: "T", rtmpStream: undefined },
  );
  assertEquals(toJoinVideoChatOptions({}, "params"), {
    joinAs: undefined,
    inviteHash: undefined,
    muted: undefined,
    videoStopped: undefined,
  });
  assertEquals(
    toJoinVideoChatOptions(
      { isAudioEnabled: false, isVideoEnabled: false, joinAs: "@news" },
      "params",
    ),
    {
      joinAs: "news",
      inviteHash: undefined,
      muted: true,
      videoStopped: true,
    },
  );
  assertEquals(toSegmentQuality({}, "params"), 0);
  assertEquals(toSegmentQuality({ quality: "high" }, "params"), 2);
  assertThrowsWithMessage(
    () => toSegmentQuality({ quality: "best" }, "params"),
    InputError,
    'params.quality must be one of "low", "medium" or "high"',
  );
});

Deno.test("updateGroupCall: videoChat, the access hash kept until the call is discarded; none without a chat", () => {
  const chats = new MessageChats(":memory:");
  const groupCalls = new GroupCallHashes(":memory:");
  try {
    const plan = (update: tl.TypeUpdate) =>
      planUpdate(update, allPeers(), { chats, groupCalls });
    const peer = peerChannel(SUPERGROUP_ID);
    assertEquals(plan({ _: "updateGroupCall", peer, call: groupCall() }), {
      type: "videoChat",
      update: { type: "videoChat", videoChat: renderVideoChat(groupCall()) },
    });
    assertEquals(groupCalls.inputCall("-4156887774564"), {
      _: "inputGroupCall",
      id: long("-4156887774564"),
      accessHash: long("987654321"),
    });
    assertEquals(groupCalls.inputCall("1"), undefined);
    assertEquals(
      plan({ _: "updateGroupCall", peer, call: DISCARDED })?.type,
      "videoChat",
    );
    assertEquals(groupCalls.inputCall("-4156887774564"), undefined);
    // MTKruto skips a call update without its chat, but the hash is still learned
    assertEquals(plan({ _: "updateGroupCall", call: groupCall() }), undefined);
    assertEquals(
      groupCalls.inputCall("-4156887774564")?.id.toString(),
      "-4156887774564",
    );
  } finally {
    chats.close();
    groupCalls.close();
  }
});
