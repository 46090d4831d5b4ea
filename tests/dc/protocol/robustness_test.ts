/** Bad input closes the offending connection only; a good client on the same server keeps working. */
import { randomBytes } from "./crypto.ts";
import { RawConnection, rawHandshake, transportError } from "./raw_client.ts";
import { assert, assertEquals } from "../../assert.ts";
import { Harness } from "./_test_support.ts";

const MAX_PACKET = 64 * 1024;

async function withGoodClient(
  test: (harness: Harness) => Promise<void>,
): Promise<void> {
  const harness = await Harness.start({ maxPacketBytes: MAX_PACKET });
  try {
    const client = harness.client();
    await client.call({ _: "help.getNearestDc" });
    await test(harness);
    assertEquals(
      (await client.call({ _: "help.getNearestDc" }))._,
      "nearestDc",
    );
  } finally {
    await harness.close();
  }
}

Deno.test("garbage bytes: the connection is closed (no transport to send an error in)", async () => {
  await withGoodClient(async (harness) => {
    const http = await RawConnection.open(
      harness.server.port,
      new TextEncoder().encode("GET / HTTP/1.1\r\n\r\n"),
    );
    assert(await http.closedWithin(3000), "HTTP request closed");
    await http.close();
    // 64 random bytes read as an obfuscated2 header whose tag is not a known transport.
    const random = randomBytes(64);
    random[0] = 0x01;
    random[4] = 0x01;
    const obfuscated = await RawConnection.open(harness.server.port, random);
    assert(await obfuscated.closedWithin(3000), "random header closed");
    await obfuscated.close();
  });
});

Deno.test("garbage inside a valid transport: -404, then closed", async () => {
  await withGoodClient(async (harness) => {
    const connection = await RawConnection.open(harness.server.port);
    await connection.sendPacket(randomBytes(72));
    assertEquals(transportError(await connection.readPacket()), -404);
    assert(await connection.closedWithin(3000), "closed after -404");
    await connection.close();
  });
});

Deno.test("a too short or malformed unencrypted packet closes the connection", async () => {
  await withGoodClient(async (harness) => {
    const connection = await RawConnection.open(harness.server.port);
    await connection.sendPacket(new Uint8Array(24)); // auth_key_id 0, claims a 0-byte body: not a handshake message
    assert(await connection.closedWithin(3000), "closed");
    await connection.close();
  });
});

Deno.test("wrong msg_key under a known auth key: -404, then closed", async () => {
  await withGoodClient(async (harness) => {
    const connection = await RawConnection.open(harness.server.port);
    const authKey = await rawHandshake(connection, harness.rsa);
    const packet = new Uint8Array(8 + 16 + 64);
    packet.set(authKey.id);
    packet.set(randomBytes(80), 8);
    await connection.sendPacket(packet);
    assertEquals(transportError(await connection.readPacket()), -404);
    assert(await connection.closedWithin(3000), "closed after -404");
    await connection.close();
  });
});

Deno.test("an oversized packet closes the connection before it is read", async () => {
  await withGoodClient(async (harness) => {
    const connection = await RawConnection.open(harness.server.port);
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, MAX_PACKET + 4, true);
    await connection.sendRaw(header);
    assert(await connection.closedWithin(3000), "closed on the length alone");
    await connection.close();
  });
});
