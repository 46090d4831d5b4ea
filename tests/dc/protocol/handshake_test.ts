/** The handshake over raw TCP: the old RSA scheme, DH checks, and what the server rejects. */
import { Long } from "@mtcute/core";
import { __tlReaderMap, TlBinaryReader } from "@mtcute/core/utils.js";
import { bigintFromBytes, bigintToBytes, randomBytes } from "./crypto.ts";
import { DH_G, DH_PRIME, generatePq } from "./dh.ts";
import {
  factorizePq,
  RawConnection,
  rawHandshake,
  rawHandshakeResult,
  RawSession,
  tl,
} from "./raw_client.ts";
import { assert, assertEquals } from "../../assert.ts";
import { Harness, randomLong } from "./_test_support.ts";

Deno.test("DH parameters: the 2048-bit safe prime, and g valid for it", () => {
  assertEquals(DH_PRIME.toString(2).length, 2048);
  // g = 3 generates the subgroup of order (p-1)/2 iff p mod 3 = 2 (what clients check for g = 3).
  assertEquals(DH_G, 3);
  assertEquals(DH_PRIME % 3n, 2n);
});

Deno.test("pq is a product of two distinct ~31-bit primes", () => {
  for (let i = 0; i < 20; i++) {
    const { p, q } = generatePq();
    assert(p < q && p >= 2n ** 30n && q < 2n ** 31n, `${p} ${q}`);
    assert((p * q).toString(2).length <= 62);
  }
});

Deno.test("the test clients factor pq again when Pollard-Brent gives back pq itself", () => {
  const { p, q } = generatePq();
  const pq = bigintToBytes(p * q, 8);
  let calls = 0;
  const [a, b] = factorizePq(null!, pq, () => {
    calls++;
    // mtcute's answer when its gcd lands on n: p = 1, q = pq.
    return calls === 1
      ? [Uint8Array.of(1), pq]
      : [bigintToBytes(p, 4), bigintToBytes(q, 4)];
  });
  assertEquals(calls, 2);
  assertEquals([bigintFromBytes(a), bigintFromBytes(b)], [p, q]);
});

Deno.test("the old RSA scheme (SHA1 padding, p_q_inner_data) creates a working auth key", async () => {
  const harness = await Harness.start();
  const connection = await RawConnection.open(harness.server.port);
  try {
    const authKey = await rawHandshake(connection, harness.rsa);
    const session = new RawSession(connection, authKey);
    const pingId = randomLong();
    const pingMsgId = await session.send(tl({ _: "mt_ping", pingId } as never));
    const messages = await session.receive(2);
    assertEquals(messages.map((m) => m.object._), [
      "mt_new_session_created",
      "mt_pong",
    ]);
    assertEquals(messages[1].object.msgId, pingMsgId);
    assertEquals(messages[1].object.pingId, pingId);
  } finally {
    await connection.close();
    await harness.close();
  }
});

Deno.test("g_b outside the safe range is refused with dh_gen_fail", async () => {
  const harness = await Harness.start();
  const connection = await RawConnection.open(harness.server.port);
  try {
    const { answer } = await rawHandshakeResult(connection, harness.rsa, 2n);
    assertEquals(answer._, "mt_dh_gen_fail");
  } finally {
    await connection.close();
    await harness.close();
  }
});

Deno.test("req_DH_params with a wrong factorization closes the connection", async () => {
  const harness = await Harness.start();
  const connection = await RawConnection.open(harness.server.port);
  try {
    const nonce = randomBytes(16);
    const send = (body: Uint8Array) => {
      const header = new Uint8Array(20);
      new DataView(header.buffer).setBigUint64(
        8,
        BigInt(Math.floor(Date.now() / 1000)) << 32n,
        true,
      );
      new DataView(header.buffer).setUint32(16, body.length, true);
      const packet = new Uint8Array(20 + body.length);
      packet.set(header);
      packet.set(body, 20);
      return connection.sendPacket(packet);
    };
    await send(tl({ _: "mt_req_pq_multi", nonce }));
    const reply = await connection.readPacket();
    assert(reply instanceof Uint8Array, "resPQ");
    const resPq = TlBinaryReader.deserializeObject(
      __tlReaderMap,
      reply,
      20,
    ) as { serverNonce: Uint8Array; pq: Uint8Array };
    assert(bigintFromBytes(resPq.pq) > 2n ** 60n, "pq is large");
    await send(tl({
      _: "mt_req_DH_params",
      nonce,
      serverNonce: resPq.serverNonce,
      p: Uint8Array.of(3),
      q: Uint8Array.of(5),
      publicKeyFingerprint: Long.fromString(
        harness.rsa.fingerprint.toString(),
        true,
      ),
      encryptedData: randomBytes(256),
    }));
    assert(await connection.closedWithin(3000), "closed");
  } finally {
    await connection.close();
    await harness.close();
  }
});
