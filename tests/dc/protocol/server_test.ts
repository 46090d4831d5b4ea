/** End to end: a real mtcute client against the MTProto server with a stub world. */
import {
  ObfuscatedPacketCodec,
  PaddedIntermediatePacketCodec,
  tl,
} from "@mtcute/core";
import { TcpTransport, type TelegramTransport } from "@mtcute/node";
import { assert, assertEquals, rejection } from "../../assert.ts";
import { Harness } from "./_test_support.ts";

Deno.test("mtcute connects, creates an auth key and gets answers", async () => {
  const harness = await Harness.start();
  try {
    const client = harness.client();
    await client.connect();
    const nearest = await client.call({ _: "help.getNearestDc" });
    assertEquals(nearest, {
      _: "nearestDc",
      country: "ZZ",
      thisDc: 2,
      nearestDc: 2,
    });
    const first = harness.world.calls.find((call) =>
      call.method === "help.getNearestDc"
    );
    assert(first, "the world saw help.getNearestDc");
    assertEquals(first.params, { _: "help.getNearestDc" });
    assertEquals(first.withoutUpdates, true);
    const [session] = harness.server.sessions();
    assert(session?.connected, "the session is connected");
    assertEquals(session.authKeyId.length, 16);
  } finally {
    await harness.close();
  }
});

Deno.test("an RpcFailure reaches mtcute as tl.RpcError", async () => {
  const harness = await Harness.start();
  try {
    const client = harness.client();
    const error = await rejection(
      client.call({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] }),
    );
    assert(error instanceof tl.RpcError, `got ${error}`);
    assertEquals([error.code, error.text], [401, "AUTH_KEY_UNREGISTERED"]);
  } finally {
    await harness.close();
  }
});

Deno.test("handler crashes become 500 INTERNAL", async () => {
  const harness = await Harness.start();
  harness.world.overrides.set("help.getAppConfig", () => {
    throw new Error("world bug");
  });
  try {
    const client = harness.client();
    // mtcute retries 5xx forever by default.
    const error = await rejection(
      client.call({ _: "help.getAppConfig", hash: 0 }, { maxRetryCount: 0 }),
    );
    assert(error instanceof tl.RpcError, `got ${error}`);
    assertEquals([error.code, error.text], [500, "INTERNAL"]);
  } finally {
    await harness.close();
  }
});

Deno.test("concurrent calls are answered independently", async () => {
  const harness = await Harness.start();
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => release = resolve);
  harness.world.overrides.set("help.getSupport", async () => {
    await gate;
    return {
      _: "help.support",
      phoneNumber: "42",
      user: { _: "userEmpty", id: 1 },
    };
  });
  try {
    const client = harness.client();
    await client.connect();
    const slow = client.call({ _: "help.getSupport" });
    const fast = await client.call({ _: "help.getNearestDc" });
    assertEquals(fast._, "nearestDc");
    release();
    assertEquals((await slow).phoneNumber, "42");
  } finally {
    await harness.close();
  }
});

/** mtcute's TCP connection with obfuscation2 around the padded intermediate codec. */
class ObfuscatedPaddedTransport implements TelegramTransport {
  private readonly tcp = new TcpTransport();
  connect(dc: Parameters<TelegramTransport["connect"]>[0]) {
    return this.tcp.connect(dc);
  }
  packetCodec() {
    return new ObfuscatedPacketCodec(new PaddedIntermediatePacketCodec());
  }
}

Deno.test("mtcute over obfuscated padded intermediate", async () => {
  const harness = await Harness.start();
  try {
    const client = harness.client({
      transport: new ObfuscatedPaddedTransport(),
    });
    assertEquals(
      (await client.call({ _: "help.getNearestDc" }))._,
      "nearestDc",
    );
    assertEquals(
      (await client.call({ _: "help.getConfig" })).dcOptions.length,
      2,
    );
  } finally {
    await harness.close();
  }
});

Deno.test("a pushed Updates object reaches an mtcute client with updates on", async () => {
  const harness = await Harness.start();
  try {
    const client = harness.client({ disableUpdates: false });
    const received = new Promise<string>((resolve) =>
      client.onServerUpdate.add((update) => resolve(update._))
    );
    await client.connect();
    await client.call({ _: "help.getNearestDc" });
    const session = harness.server.sessions().find((s) => s.connected);
    assert(session, "a connected session");
    session.push({
      _: "updateShort",
      update: {
        _: "updateUserStatus",
        userId: 1,
        status: { _: "userStatusOnline", expires: 0 },
      },
      date: Math.floor(Date.now() / 1000),
    });
    assertEquals(await received, "updateShort");
  } finally {
    await harness.close();
  }
});
