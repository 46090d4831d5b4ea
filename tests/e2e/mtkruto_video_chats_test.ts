/**
 * End to end: the video chat methods of MTKruto's dialect against the real
 * CLI and the DC emulator. Alice, hosted on the gateway, starts a video
 * chat in her supergroup, looks it up, joins and leaves it (the emulator
 * holds each change); schedules one; starts a live stream, joins it, lists
 * its channels and downloads a segment, the same bytes the emulator
 * serves. The bot, a member, gets the service messages (videoChatStarted,
 * videoChatScheduled, videoChatEnded) and `videoChat` updates. Bad
 * arguments are 400s naming them; bots are refused.
 */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { type ChatsWorld, ok, withChats } from "./_chats_world.ts";
import { callMethod } from "./_dialect_calls.ts";
import type { WireUpdate } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** A group call as the emulator's control API shows it. */
interface ControlGroupCall {
  id: string;
  state: "active" | "scheduled" | "ended";
  title?: string;
  rtmp: boolean;
  creator: number;
  scheduleDate?: number;
  duration?: number;
  participants: { id: number; source: number; muted: boolean }[];
}

/** MTKruto's VideoChat (types.md §13). */
type VideoChat =
  | {
    type: "active";
    id: string;
    title: string;
    isLiveStream: boolean;
    participantCount: number;
    isRecording: boolean;
  }
  | {
    type: "scheduled";
    id: string;
    title: string;
    isLiveStream: boolean;
    participantCount: number;
    scheduledFor: number;
  }
  | { type: "ended"; id: string; duration: number };

/** The supergroup's newest call as the emulator holds it. */
function callIn(world: ChatsWorld): Promise<ControlGroupCall> {
  return world.dc.control<ControlGroupCall>(
    "GET",
    `/group-calls?chat=${world.supergroup}`,
  );
}

/** Alice ends the supergroup's call as her other app would. */
async function discard(world: ChatsWorld): Promise<void> {
  await world.dc.control("POST", "/group-calls/discard", {
    chat: world.supergroup,
    by: world.userId,
  });
}

/** Alice's result of `method`. */
function alice<T>(world: ChatsWorld, method: string, args: unknown[]) {
  return ok<T>(world.gateway, world.userBase, method, args);
}

/** A refusal of Alice's call: its status, error type and message. */
async function refusal(world: ChatsWorld, method: string, args: unknown[]) {
  const { status, errorType, body } = await callMethod(
    world.gateway,
    world.userBase,
    method,
    args,
  );
  return { status, errorType, error: String(body) };
}

/** The bot's next `videoChat` update that `matches`. */
async function botVideoChat(
  world: ChatsWorld,
  matches: (chat: VideoChat) => boolean,
): Promise<VideoChat> {
  const update: WireUpdate = await world.botUpdates.take(
    "videoChat",
    (u) => u.type === "videoChat" && matches(u.videoChat as VideoChat),
  );
  return update.videoChat as VideoChat;
}

/** The bot's next service message of `type` in the supergroup. */
async function botServiceMessage(world: ChatsWorld, type: string) {
  return await world.botUpdates.message(
    "message",
    world.supergroup,
    (message) => message.type === type,
  ) as unknown as Record<string, unknown> & { from: { id: number } };
}

/** A WebRTC join payload as tgcalls makes one (no video published). */
const JOIN_PAYLOAD = JSON.stringify({
  ssrc: 123456789,
  ufrag: "abcd",
  pwd: "0123456789abcdef012345",
  fingerprints: [{ hash: "sha-256", fingerprint: "AA:BB", setup: "active" }],
});

Deno.test(
  "startVideoChat, getVideoChat, joinVideoChat and leaveVideoChat, as the emulator and the bot see them",
  options,
  async () => {
    await withChats(async (world) => {
      const started = await alice<VideoChat>(world, "startVideoChat", [
        world.supergroup,
        { title: "Standup" },
      ]);
      assert(started.type === "active");
      assertMatch(started.id, /^-?\d+$/);
      assertEquals(started, {
        type: "active",
        id: started.id,
        title: "Standup",
        isLiveStream: false,
        isRecording: false,
        participantCount: 0,
      });
      assertEquals(await callIn(world), {
        id: started.id,
        state: "active",
        title: "Standup",
        rtmp: false,
        creator: world.userId,
        participants: [],
      });
      const notice = await botServiceMessage(world, "videoChatStarted");
      assertEquals(notice.from.id, world.userId);
      assertEquals(
        await botVideoChat(world, (chat) => chat.id === started.id),
        started,
      );
      assertEquals(
        await alice<VideoChat>(world, "getVideoChat", [started.id]),
        started,
      );

      const answer = await alice<string>(world, "joinVideoChat", [
        started.id,
        JOIN_PAYLOAD,
        { isVideoEnabled: false },
      ]);
      const response = JSON.parse(answer) as {
        transport: { ufrag: string; pwd: string; fingerprints: unknown[] };
      };
      assert(response.transport.ufrag && response.transport.pwd);
      assertEquals(response.transport.fingerprints.length, 1);
      assertEquals((await callIn(world)).participants, [{
        id: world.userId,
        source: 123456789,
        muted: false,
      }]);
      const joined = await alice<VideoChat>(world, "getVideoChat", [
        started.id,
      ]);
      assertEquals(joined.type === "active" && joined.participantCount, 1);
      await botVideoChat(
        world,
        (chat) => chat.type === "active" && chat.participantCount === 1,
      );

      assertEquals(
        await alice(world, "leaveVideoChat", [started.id]),
        null,
      );
      assertEquals((await callIn(world)).participants, []);
      const live = await refusal(world, "getLiveStreamChannels", [started.id]);
      assertEquals(
        [live.status, live.errorType, live.error],
        [
          400,
          "input",
          "Argument 1 of getLiveStreamChannels (id): Not a live stream.",
        ],
      );

      // MTKruto renders a 0 s call's end as videoChatStarted: let it last a second
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await discard(world);
      const ended = await botServiceMessage(world, "videoChatEnded");
      const { duration } = ended.videoChatEnded as { duration: number };
      assert(duration >= 1);
      const over = await botVideoChat(world, (chat) => chat.type === "ended");
      assertEquals(over, { type: "ended", id: started.id, duration });
      assertEquals((await callIn(world)).state, "ended");
      // the ended call is forgotten, as in MTKruto: its id is no longer known
      const forgotten = await refusal(world, "getVideoChat", [started.id]);
      assertEquals([forgotten.status, forgotten.errorType], [400, "input"]);
      assertMatch(
        forgotten.error,
        /^Argument 1 of getVideoChat \(id\): Video chat not found\./,
      );
    });
  },
);

Deno.test(
  "scheduleVideoChat schedules a video chat the bot hears of",
  options,
  async () => {
    await withChats(async (world) => {
      const startAt = Math.floor(Date.now() / 1000) + 3600;
      const scheduled = await alice<VideoChat>(world, "scheduleVideoChat", [
        world.supergroup,
        startAt,
        { title: "Later" },
      ]);
      assertEquals(scheduled, {
        type: "scheduled",
        id: scheduled.id,
        title: "Later",
        scheduledFor: startAt,
        isLiveStream: false,
        participantCount: 0,
      });
      const call = await callIn(world);
      assertEquals([call.state, call.scheduleDate], ["scheduled", startAt]);
      const notice = await botServiceMessage(world, "videoChatScheduled");
      assertEquals(notice.videoChatScheduled, { startDate: startAt });
      assertEquals(
        await botVideoChat(world, (chat) => chat.id === scheduled.id),
        scheduled,
      );
      await discard(world);
    });
  },
);

Deno.test(
  "a live stream: joinLiveStream, getLiveStreamChannels and downloadLiveStreamSegment",
  options,
  async () => {
    await withChats(async (world) => {
      const stream = await alice<VideoChat>(world, "startVideoChat", [
        world.supergroup,
        { isLiveStream: true },
      ]);
      assert(stream.type === "active" && stream.isLiveStream);
      assertEquals(stream.title, "");
      assertEquals((await callIn(world)).rtmp, true);
      const unjoined = await refusal(world, "getLiveStreamChannels", [
        stream.id,
      ]);
      assertEquals([unjoined.status, unjoined.error], [
        400,
        "GROUPCALL_JOIN_MISSING",
      ]);

      assertEquals(await alice(world, "joinLiveStream", [stream.id]), null);
      const [participant] = (await callIn(world)).participants;
      assertEquals(participant.id, world.userId);
      const channels = await alice<
        { id: number; scale: number; timestamp: number }[]
      >(world, "getLiveStreamChannels", [stream.id]);
      assertEquals(channels.map((c) => [c.id, c.scale]), [[1, 0]]);
      const [{ timestamp }] = channels;
      assertEquals(timestamp % 1000, 0);

      const segment = await alice<{ _: string; value: string }>(
        world,
        "downloadLiveStreamSegment",
        [stream.id, 1, 0, timestamp, { quality: "medium" }],
      );
      assertEquals(segment._, "bytes");
      const { bytes } = await world.dc.control<{ bytes: string }>(
        "GET",
        `/group-calls/segment?call=${stream.id}&timeMs=${timestamp}&scale=0&channel=1&quality=1`,
      );
      const served = Uint8Array.fromBase64(bytes);
      assertEquals(Uint8Array.fromBase64(segment.value), served);
      assertEquals(served.length, 4096);
      await discard(world);
    });
  },
);

Deno.test(
  "bad video chat arguments are 400s naming them; bots are refused",
  options,
  async () => {
    await withChats(async (world) => {
      const cases: [string, unknown[], RegExp][] = [
        [
          "getVideoChat",
          ["abc"],
          /^Argument 1 of getVideoChat \(id\) must be a 64-bit integer written as a decimal string/,
        ],
        [
          "getVideoChat",
          ["123"],
          /^Argument 1 of getVideoChat \(id\): Video chat not found\./,
        ],
        [
          "scheduleVideoChat",
          [world.supergroup, "soon"],
          /^Argument 2 of scheduleVideoChat \(startAt\) must be an integer/,
        ],
        [
          "startVideoChat",
          [world.bot.id],
          /^Argument 1 of startVideoChat \(chatId\): Video chats are only available for groups and channels\./,
        ],
        [
          "startVideoChat",
          [world.supergroup, { isLiveStream: "yes" }],
          /^params\.isLiveStream must be true or false/,
        ],
        [
          "joinVideoChat",
          ["123", ""],
          /^Argument 2 of joinVideoChat \(params_\) must not be empty/,
        ],
        [
          "downloadLiveStreamSegment",
          ["123", 1, 0, 0, { quality: "ultra" }],
          /^params\.quality must be one of "low", "medium" or "high"/,
        ],
      ];
      for (const [method, args, error] of cases) {
        const answer = await refusal(world, method, args);
        assertEquals([method, answer.status, answer.errorType], [
          method,
          400,
          "input",
        ]);
        assertMatch(answer.error, error);
      }
      const bot = await callMethod(
        world.gateway,
        `/bot${world.bot.token}`,
        "startVideoChat",
        [world.supergroup],
      );
      assertEquals([bot.status, bot.errorType, bot.body], [
        400,
        "input",
        "startVideoChat: not a user client.",
      ]);
    });
  },
);
