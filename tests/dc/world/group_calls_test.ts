import { Long, type tl } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import {
  chatPeer,
  chatSetup,
  inputChannel,
  pushedMessages,
  pushedUpdates,
  rpcError,
} from "./_chats_testing.ts";
import { type FakeSession, invoke } from "./_testing.ts";
import { inputGroupCall, SEGMENT_SIZE } from "./group_calls.ts";

/** A supergroup of Ann's (Bob and a bot in it) and the calls she makes there. */
async function callWorld() {
  const setup = await chatSetup("supergroup");
  const { world, ann, annMain, chat } = setup;
  const create = (
    session: FakeSession,
    userId: number,
    extra: Partial<tl.phone.RawCreateGroupCallRequest> = {},
  ) =>
    invoke(world, session, {
      _: "phone.createGroupCall",
      peer: chatPeer(world, userId, chat.key),
      randomId: 1,
      ...extra,
    });
  const current = () => world.state.groupCalls.current(chat.key)!;
  const join = (session: FakeSession, data: string) =>
    invoke(world, session, {
      _: "phone.joinGroupCall",
      call: inputGroupCall(current()),
      joinAs: { _: "inputPeerSelf" },
      params: { _: "dataJSON", data },
    });
  const start = () => create(annMain, ann.id);
  return { ...setup, create, current, join, start };
}

function callUpdates(session: FakeSession): tl.RawUpdateGroupCall[] {
  return pushedUpdates(session).filter((u): u is tl.RawUpdateGroupCall =>
    u._ === "updateGroupCall"
  );
}

Deno.test("phone.createGroupCall: the service message and updateGroupCall reach the members; the full chat names the call", async () => {
  const { world, ann, bob, annMain, bobMain, botMain, chat, create, start } =
    await callWorld();
  assertEquals(await rpcError(create(bobMain, bob.id)), "CHAT_ADMIN_REQUIRED");
  const started = await start();
  assert(started._ === "updates");
  assertEquals(started.updates[0]._, "updateGroupCall");
  for (const session of [bobMain, botMain]) {
    const [update] = callUpdates(session);
    assert(update.call._ === "groupCall");
    assertEquals(update.call.participantsCount, 0);
    const action = pushedMessages(session).at(-1);
    assert(action?._ === "messageService");
    assertEquals(action.action._, "messageActionGroupCall");
  }
  assertEquals(await rpcError(start()), "GROUPCALL_ALREADY_STARTED");
  const full = await invoke(world, annMain, {
    _: "channels.getFullChannel",
    channel: inputChannel(world, ann.id, chat.key),
  });
  assert(full.fullChat._ === "channelFull");
  assertEquals(
    full.fullChat.call,
    inputGroupCall(world.state.groupCalls.current(chat.key)!),
  );
  const channel = full.chats[0];
  assertEquals(channel._ === "channel" && channel.callActive, true);
});

Deno.test("joining answers updateGroupCallConnection; leaving and stream channels need a join", async () => {
  const { world, annMain, bobMain, current, join, start } = await callWorld();
  await start();
  assertEquals(await rpcError(join(bobMain, "not json")), "DATA_JSON_INVALID");
  assertEquals(
    await rpcError(join(bobMain, '{"ssrc":0}')),
    "DATA_JSON_INVALID",
  );
  const joined = await join(bobMain, '{"ssrc":42,"ufrag":"u","pwd":"p"}');
  assert(joined._ === "updates");
  assertEquals(joined.updates.map((u) => u._), [
    "updateGroupCallConnection",
    "updateGroupCallParticipants",
    "updateGroupCall",
  ]);
  const connection = joined.updates[0] as tl.RawUpdateGroupCallConnection;
  assert("transport" in JSON.parse(connection.params.data));
  const [seen] = callUpdates(annMain).slice(-1);
  assertEquals(seen.call._ === "groupCall" && seen.call.participantsCount, 1);
  // a WebRTC call has no stream channels
  assertEquals(
    (await invoke(world, bobMain, {
      _: "phone.getGroupCallStreamChannels",
      call: inputGroupCall(current()),
    })).channels,
    [],
  );
  await invoke(world, bobMain, {
    _: "phone.leaveGroupCall",
    call: inputGroupCall(current()),
    source: 0,
  });
  assertEquals(current().participants.size, 0);
  assertEquals(
    await rpcError(invoke(world, bobMain, {
      _: "phone.leaveGroupCall",
      call: inputGroupCall(current()),
      source: 0,
    })),
    "GROUPCALL_JOIN_MISSING",
  );
  assertEquals(
    await rpcError(invoke(world, bobMain, {
      _: "phone.getGroupCall",
      call: { ...inputGroupCall(current()), accessHash: Long.ONE },
      limit: 1,
    })),
    "GROUPCALL_INVALID",
  );
});

Deno.test("a live stream: rtmp join response, one video channel, deterministic segments up to the last timestamp", async () => {
  const { world, ann, annMain, create, current, join } = await callWorld();
  await create(annMain, ann.id, { rtmpStream: true });
  const stream = inputGroupCall(current());
  const segment = async (timeMs: number, offset = 0) => {
    const file = await invoke(world, annMain, {
      _: "upload.getFile",
      location: {
        _: "inputGroupCallStream",
        call: stream,
        timeMs: Long.fromNumber(timeMs),
        scale: 0,
        videoChannel: 1,
        videoQuality: 0,
      },
      offset,
      limit: 65536,
    });
    assert(file._ === "upload.file");
    return file;
  };
  assertEquals(await rpcError(segment(0)), "GROUPCALL_JOIN_MISSING");
  const joined = await join(annMain, '{"ssrc":7}');
  const connection = joined._ === "updates" &&
    joined.updates[0] as tl.RawUpdateGroupCallConnection;
  assertEquals(connection && JSON.parse(connection.params.data), {
    stream: true,
    rtmp: true,
  });
  const { channels: [channel] } = await invoke(world, annMain, {
    _: "phone.getGroupCallStreamChannels",
    call: stream,
  });
  assertEquals([channel.channel, channel.scale], [1, 0]);
  const first = await segment(0);
  assertEquals(first.bytes.length, SEGMENT_SIZE);
  assertEquals((await segment(0)).bytes, first.bytes);
  assertEquals((await segment(0, 65536)).bytes.length, 0);
  assertEquals(
    await rpcError(segment(channel.lastTimestampMs.toNumber() + 60_000)),
    "TIME_TOO_BIG",
  );
});

Deno.test("scheduled calls start with startScheduledGroupCall; discarding ends a call with its duration", async () => {
  const { world, ann, annMain, bobMain, chat, create, current } =
    await callWorld();
  const inAnHour = Math.floor(Date.now() / 1000) + 3600;
  assertEquals(
    await rpcError(create(annMain, ann.id, { scheduleDate: 100 })),
    "SCHEDULE_DATE_INVALID",
  );
  await create(annMain, ann.id, { scheduleDate: inAnHour });
  const scheduled = pushedMessages(bobMain).at(-1);
  assert(scheduled?._ === "messageService");
  assertEquals(scheduled.action, {
    _: "messageActionGroupCallScheduled",
    call: inputGroupCall(current()),
    scheduleDate: inAnHour,
  });
  await invoke(world, annMain, {
    _: "phone.startScheduledGroupCall",
    call: inputGroupCall(current()),
  });
  assertEquals(current().scheduleDate, undefined);
  const call = inputGroupCall(current());
  await invoke(world, annMain, { _: "phone.discardGroupCall", call });
  const ended = pushedMessages(bobMain).at(-1);
  assert(ended?._ === "messageService");
  assertEquals(ended.action, {
    _: "messageActionGroupCall",
    call,
    duration: 0,
  });
  assertEquals(callUpdates(bobMain).at(-1)?.call._, "groupCallDiscarded");
  assertEquals(world.state.groupCalls.current(chat.key), undefined);
  assertEquals(world.state.groupCalls.latest(chat.key)?.endedAfter, 0);
});
