/**
 * What an idle hosted client costs: its connection stays up without
 * reconnecting, its database closes and opens again on use with nothing
 * lost, and its file connection pools exist only once it moves a file.
 * Real clients from the gateway's factory, logged in to an in-process DC
 * emulator.
 */
import { assert, assertEquals, assertStrictEquals } from "../assert.ts";
import { Long } from "@mtcute/core";
import { RawJson } from "../../src/raw_json.ts";
import { withEmulatorBot } from "./_emulator_context.ts";
import { ClientHost } from "../../src/telegram/client_host.ts";
import { dispatch } from "../../src/telegram/dispatch.ts";
import { DEFAULT_IDLE_CLOSE_MS } from "../../src/storage/session_database.ts";
import type { Emulator } from "../dc/mod.ts";

/** Runs `fn` with one logged-in bot host; everything is closed after. */
function idleTest(
  name: string,
  fn: (
    world: { emulator: Emulator; host: ClientHost; botId: number },
  ) => Promise<void>,
) {
  Deno.test({
    name,
    // mtcute keeps timers and sockets of its own past `destroy()`.
    sanitizeOps: false,
    sanitizeResources: false,
    fn: () => withEmulatorBot("idle_bot", fn),
  });
}

const signal = new AbortController().signal;
const call = (host: ClientHost, method: string, args: unknown[] = []) =>
  dispatch(host, method, args, { signal });

/** The sizes of the client's upload, download and small-download pools on its DC. */
function filePoolSizes(host: ClientHost): number[] {
  // mtcute keeps the pools on its primary DC's connection manager (not exported).
  const dc = (host.client as unknown as {
    _client: {
      mt: {
        network: {
          _primaryDc: Record<string, { getPoolSize(): number }>;
        };
      };
    };
  })._client.mt.network._primaryDc;
  return ["upload", "download", "downloadSmall"].map((kind) =>
    dc[kind].getPoolSize()
  );
}

idleTest(
  "an idle client keeps its connection after a slow call (its pings ask for no early disconnect)",
  async ({ emulator, host, botId }) => {
    const states: string[] = [];
    host.client.onConnectionState.add((state) => states.push(state));
    const getStates = () =>
      emulator.control.calls(botId).filter((method) =>
        method === "updates.getState"
      ).length;
    const before = getStates();
    // A call pending for over 2 s makes mtcute ping during it; it used to ask for a
    // disconnect rtt × 2.5 s (≥ 5 s, + 2) after such a ping and then idle for 60 s, so
    // the server (the emulator keeps the promise, as Telegram does) closed the connection
    // and the reconnect fetched the update state again.
    emulator.control.addFault({
      method: "help.getConfig",
      account: botId,
      delayMs: 3_000,
      times: 1,
    });
    await call(host, "invoke", [{ _: "help.getConfig" }]);
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    assertEquals(states, []);
    assertStrictEquals(getStates(), before);
    assertStrictEquals(host.connectionState, "connected");
  },
);

idleTest(
  "a client's database closes while it idles and opens again on use, with its session and queue intact",
  async ({ emulator, host, botId }) => {
    await call(host, "getMe");
    assert(host.database.connected);
    // What the sweeper does once the client has idled long enough.
    host.database.closeIfIdle(performance.now() + 2 * DEFAULT_IDLE_CLOSE_MS);
    assert(!host.database.connected, "the idle database stayed open");
    const ann = await emulator.control.createUser({
      phone: "15550123",
      firstName: "Ann",
    });
    emulator.control.sendMessage({ from: ann.id, to: botId, text: "hi" });
    const polled = await call(host, "getUpdates", [{ timeout: 10 }]);
    const updates = JSON.parse((polled as RawJson).text);
    assertEquals(
      updates.map((update: { message: { text: string } }) =>
        update.message.text
      ),
      ["hi"],
    );
    assert(host.database.connected);
    assertEquals((await call(host, "getMe") as { id: number }).id, botId);
  },
);

idleTest(
  "a client's file connection pools are built on its first file transfer, at mtcute's sizes",
  async ({ host }) => {
    await call(host, "getMe");
    assertEquals(filePoolSizes(host), [0, 0, 0]);
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const uploaded = await host.client.uploadFile({
      file: bytes,
      fileName: "pattern.bin",
    });
    assertStrictEquals(uploaded.size, bytes.length);
    // TDLib's sizes on DC 2 for an account without Premium.
    assertEquals(filePoolSizes(host), [4, 2, 2]);
  },
);

/** The client's main connection on its primary DC (mtcute's, not exported). */
function mainConnection(host: ClientHost) {
  return (host.client as unknown as {
    _client: {
      mt: {
        network: {
          _primaryDc: {
            main: {
              _connections: {
                _handleMessage(id: Long, message: object): void;
                _session: { queuedAcks: Long[] };
              }[];
            };
          };
        };
      };
    };
  })._client.mt.network._primaryDc.main._connections[0];
}

idleTest(
  "a pong queues no acknowledgment (MTProto: pongs need none), other messages still do",
  async ({ host }) => {
    await call(host, "getMe");
    const connection = mainConnection(host);
    const queued = () => connection._session.queuedAcks.length;
    const before = queued();
    // Server message ids are odd; these are new to the connection, so neither is dropped as a repeat.
    const serverMsgId = (n: number) =>
      Long.fromNumber(Math.floor(Date.now() / 1000)).shiftLeft(32).add(
        n * 4 + 1,
      );
    connection._handleMessage(serverMsgId(1), {
      _: "mt_pong",
      msgId: Long.ZERO,
      pingId: Long.ZERO,
    });
    assertStrictEquals(queued(), before);
    connection._handleMessage(serverMsgId(2), {
      _: "mt_msgs_state_req",
      msgIds: [],
    });
    assertStrictEquals(queued(), before + 1);
  },
);
