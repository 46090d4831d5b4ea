/** Session rules over a raw encrypted connection: msg_id/seqno/salt checks and the service messages. */
import { Long } from "@mtcute/core";
import { gzipSync } from "node:zlib";
import { concat } from "./crypto.ts";
import { RawConnection, rawHandshake, RawSession, tl } from "./raw_client.ts";
import { assert, assertEquals } from "../../assert.ts";
import { Harness, randomLong } from "./_test_support.ts";

type Obj = { _: string; [key: string]: unknown };

async function withSession(
  test: (session: RawSession, harness: Harness) => Promise<void>,
): Promise<void> {
  const harness = await Harness.start();
  const connection = await RawConnection.open(harness.server.port);
  try {
    const session = new RawSession(
      connection,
      await rawHandshake(connection, harness.rsa),
    );
    // Open the session so later replies are not preceded by new_session_created.
    await session.send(tl({ _: "mt_ping", pingId: Long.ONE } as never));
    const opening = await session.receive(2);
    assertEquals(opening.map((m) => m.object._), [
      "mt_new_session_created",
      "mt_pong",
    ]);
    await session.send(
      tl({ _: "mt_msgs_ack", msgIds: opening.map((m) => m.msgId) }),
      {
        seqNo: session.nextSeqNo(false),
      },
    );
    await test(session, harness);
  } finally {
    await connection.close();
    await harness.close();
  }
}

function ping(): Uint8Array {
  return tl({ _: "mt_ping", pingId: randomLong() } as never);
}

function msgIdAt(seconds: number, low = 0): Long {
  return Long.fromString((BigInt(seconds) << 32n | BigInt(low)).toString());
}

async function badMsgCode(
  session: RawSession,
  options: { msgId?: Long; seqNo?: number },
): Promise<unknown> {
  await session.send(ping(), options);
  const [reply] = await session.receive();
  assertEquals(reply.object._, "mt_bad_msg_notification");
  return reply.object.errorCode;
}

Deno.test("bad msg_ids and seqnos get bad_msg_notification with the documented codes", async () => {
  await withSession(async (session) => {
    const now = Math.floor(Date.now() / 1000);
    assertEquals(await badMsgCode(session, { msgId: msgIdAt(now - 400) }), 16);
    assertEquals(await badMsgCode(session, { msgId: msgIdAt(now + 60) }), 17);
    assertEquals(await badMsgCode(session, { msgId: msgIdAt(now, 5) }), 18);
    assertEquals(await badMsgCode(session, { seqNo: 2 }), 35);
    // seqno 1 was used by the first ping; an older-looking seqno on a newer msg_id is too low.
    assertEquals(await badMsgCode(session, { seqNo: 1 }), 32);
  });
});

Deno.test("a wrong salt gets bad_server_salt with a salt that then works", async () => {
  await withSession(async (session) => {
    const badMsgId = await session.send(ping(), { salt: Long.fromInt(12345) });
    const [reply] = await session.receive();
    assertEquals([
      reply.object._,
      reply.object.badMsgId,
      reply.object.errorCode,
    ], ["mt_bad_server_salt", badMsgId, 48]);
    await session.send(ping(), { salt: reply.object.newServerSalt as Long });
    assertEquals((await session.receive())[0].object._, "mt_pong");
  });
});

Deno.test("containers, acks, rpc_result and msgs_state_req", async () => {
  await withSession(async (session, harness) => {
    const rpcId = session.nextMsgId(), rpcSeq = session.nextSeqNo();
    const saltsId = session.nextMsgId(), saltsSeq = session.nextSeqNo();
    const items = [
      [
        rpcId,
        rpcSeq,
        tl(
          {
            _: "invokeWithLayer",
            layer: 1,
            query: { _: "help.getNearestDc" },
          } as never,
        ),
      ],
      [saltsId, saltsSeq, tl({ _: "mt_get_future_salts", num: 3 } as never)],
    ] as const;
    const header = new Uint8Array(8);
    new DataView(header.buffer).setUint32(0, 0x73f1f8dc, true);
    new DataView(header.buffer).setUint32(4, items.length, true);
    const body = concat(
      header,
      ...items.map(([id, seq, data]) => {
        const head = new Uint8Array(16);
        const view = new DataView(head.buffer);
        view.setInt32(0, id.low, true);
        view.setInt32(4, id.high, true);
        view.setUint32(8, seq, true);
        view.setUint32(12, data.length, true);
        return concat(head, data);
      }),
    );
    await session.send(body, { seqNo: session.nextSeqNo(false) });
    const replies = await session.receive(3);
    const byName = new Map(replies.map((m) => [m.object._, m]));
    assertEquals(
      (byName.get("mt_msgs_ack")?.object.msgIds as Long[]).map(String),
      [rpcId.toString()],
    );
    const salts = byName.get("mt_future_salts")!.object as Obj;
    assertEquals([
      (salts.salts as unknown[]).length,
      (salts.reqMsgId as Long).toString(),
    ], [3, saltsId.toString()]);
    const result = byName.get("rpc_result")!;
    assertEquals((result.object.reqMsgId as Long).toString(), rpcId.toString());
    assertEquals((result.object.result as Obj)._, "nearestDc");
    assertEquals(BigInt(result.msgId.toString()) % 4n, 1n); // a response
    assertEquals(result.seqNo % 2, 1);
    assertEquals(harness.world.calls.at(-1)?.params, {
      _: "help.getNearestDc",
    });
    const neverSent = session.nextMsgId();
    const future = msgIdAt(Math.floor(Date.now() / 1000) + 20);
    await session.send(
      tl({ _: "mt_msgs_state_req", msgIds: [rpcId, neverSent, future] }),
      {
        seqNo: session.nextSeqNo(false),
      },
    );
    const [state] = await session.receive();
    assertEquals(state.object._, "mt_msgs_state_info");
    const info = state.object.info as Uint8Array;
    assertEquals(info[0] & 7, 4);
    assert(info[0] & 32 && info[0] & 64, `rpc answered: ${info[0]}`);
    assertEquals([info[1], info[2]], [2, 3]); // not received: within the known range / beyond it
  });
});

Deno.test("gzip_packed requests and invokeAfterMsg after a failed call", async () => {
  await withSession(async (session, harness) => {
    const packed = tl(
      { _: "users.getUsers", id: [{ _: "inputUserSelf" }] } as never,
    );
    const gzipHeader = new Uint8Array(4);
    new DataView(gzipHeader.buffer).setUint32(0, 0x3072cfa1, true);
    const gz = gzipSync(packed);
    const lengthPrefix = gz.length < 254
      ? Uint8Array.of(gz.length)
      : Uint8Array.of(254, gz.length & 255, gz.length >> 8, 0);
    const unpadded = concat(gzipHeader, lengthPrefix, new Uint8Array(gz));
    const failing = await session.send(
      concat(unpadded, new Uint8Array((4 - unpadded.length % 4) % 4)),
    );
    const after = await session.send(
      tl(
        {
          _: "invokeAfterMsg",
          msgId: failing,
          query: { _: "help.getNearestDc" },
        } as never,
      ),
    );
    const results = (await session.receive(4)).filter((m) =>
      m.object._ === "rpc_result"
    );
    const byRequest = new Map(
      results.map((
        m,
      ) => [(m.object.reqMsgId as Long).toString(), m.object.result as Obj]),
    );
    assertEquals(
      byRequest.get(failing.toString())?.errorMessage,
      "AUTH_KEY_UNREGISTERED",
    );
    assertEquals(
      byRequest.get(after.toString())?.errorMessage,
      "MSG_WAIT_FAILED",
    );
    assertEquals(
      harness.world.calls.map((call) => call.method).includes(
        "help.getNearestDc",
      ),
      false,
    );
  });
});

Deno.test("ping_delay_disconnect closes the connection after the delay", async () => {
  await withSession(async (session) => {
    await session.send(
      tl(
        {
          _: "mt_ping_delay_disconnect",
          pingId: randomLong(),
          disconnectDelay: 1,
        } as never,
      ),
    );
    assertEquals((await session.receive())[0].object._, "mt_pong");
    assert(await session.connection.closedWithin(3000), "closed after 1 s");
  });
});

Deno.test("push, disconnect(), and a session resumed on a new connection", async () => {
  await withSession(async (session, harness) => {
    const [serverSession] = harness.server.sessions();
    assertEquals(serverSession.sessionId, session.sessionId.toString());
    assert(serverSession.connected, "connected");
    serverSession.push({ _: "updatesTooLong" });
    const [update] = await session.receive();
    assertEquals(update.object._, "updatesTooLong");
    assertEquals(BigInt(update.msgId.toString()) % 4n, 3n); // not a response
    serverSession.disconnect();
    assert(await session.connection.closedWithin(3000), "disconnect() closes");
    assertEquals(serverSession.connected, false);
    serverSession.push({ _: "updatesTooLong" }); // nobody connected: dropped
    const old = session.connection;
    session.connection = await RawConnection.open(harness.server.port);
    try {
      await session.send(ping());
      // The unacknowledged update comes again (same msg_id), then the pong; no second new_session_created.
      const replies = await session.receive(2);
      assertEquals(replies.map((m) => m.object._), [
        "updatesTooLong",
        "mt_pong",
      ]);
      assertEquals(replies[0].msgId.toString(), update.msgId.toString());
      assert(serverSession.connected, "reattached");
      assertEquals(harness.server.sessions().length, 1);
    } finally {
      await old.close();
    }
  });
});

Deno.test("a pong needs no acknowledgment: its seqno is even and it is not sent again on a new connection", async () => {
  await withSession(async (session, harness) => {
    await session.send(ping());
    const [pong] = await session.receive();
    assertEquals([pong.object._, pong.seqNo % 2], ["mt_pong", 0]);
    // Left unacknowledged; a content-related message would come again once the session reconnects.
    const old = session.connection;
    session.connection = await RawConnection.open(harness.server.port);
    try {
      const second = await session.send(ping());
      const replies = await session.receive();
      assertEquals(replies.map((m) => m.object._), ["mt_pong"]);
      assertEquals(replies[0].object.msgId, second);
    } finally {
      await old.close();
    }
  });
});

Deno.test("a ping inside invoke wrappers gets the same bare pong", async () => {
  await withSession(async (session) => {
    const pingId = randomLong();
    const wrapped = tl({
      _: "invokeWithLayer",
      layer: 1,
      query: { _: "invokeWithoutUpdates", query: { _: "mt_ping", pingId } },
    } as never);
    const msgId = await session.send(wrapped);
    const replies = await session.receive(1);
    assertEquals(replies[0].object._, "mt_pong");
    assertEquals(replies[0].object.msgId, msgId);
    assertEquals(replies[0].object.pingId, pingId);
  });
});

Deno.test("a constructor sent as a query gets INPUT_METHOD_INVALID, not silence", async () => {
  await withSession(async (session) => {
    const sent = await session.send(tl({ _: "inputPeerSelf" } as never));
    const replies = await session.receive(1);
    const result = replies.find((m) => m.object._ === "rpc_result");
    assertEquals(
      (result?.object.reqMsgId as Long | undefined)?.toString(),
      sent.toString(),
    );
    assertEquals(
      (result?.object.result as Obj | undefined)?.errorMessage,
      "INPUT_METHOD_INVALID",
    );
  });
});
