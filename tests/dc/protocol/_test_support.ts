/** Helpers shared by the protocol tests: a stub world, a server + mtcute client pair, a shared RSA key. */
import { Long, MemoryStorage, type tl } from "@mtcute/core";
import { TelegramClient, type TelegramTransport } from "@mtcute/node";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { addPublicKey } from "@mtcute/core/utils.js";
import {
  type MtprotoServer,
  type RpcCall,
  RpcFailure,
  type RpcHandler,
  type RsaKeyPair,
} from "../contract.ts";
import { loadOrCreateRsaKey } from "./rsa_key.ts";
import { startMtprotoServer } from "./server.ts";

let sharedKey: Promise<RsaKeyPair> | undefined;
/** One RSA key for the whole test run (generation is the slow part). */
export function testRsaKey(): Promise<RsaKeyPair> {
  sharedKey ??= loadOrCreateRsaKey();
  return sharedKey;
}

/** A world that answers a handful of calls and records the rest. */
export class StubWorld implements RpcHandler {
  readonly calls: RpcCall[] = [];
  port = 0;
  /** Extra answers by method name, consulted first. */
  readonly overrides = new Map<string, (call: RpcCall) => unknown>();

  call(call: RpcCall): Promise<unknown> {
    this.calls.push(call);
    const override = this.overrides.get(call.method);
    if (override) return Promise.resolve().then(() => override(call));
    switch (call.method) {
      case "help.getNearestDc":
        return Promise.resolve({
          _: "nearestDc",
          country: "ZZ",
          thisDc: 2,
          nearestDc: 2,
        });
      case "help.getConfig":
        return Promise.resolve(this.config());
      case "updates.getState":
        return Promise.resolve({
          _: "updates.state",
          pts: 1,
          qts: 0,
          date: Math.floor(Date.now() / 1000),
          seq: 0,
          unreadCount: 0,
        });
      case "users.getUsers":
        return Promise.reject(new RpcFailure(401, "AUTH_KEY_UNREGISTERED"));
    }
    return Promise.reject(new RpcFailure(400, "METHOD_NOT_STUBBED"));
  }

  config(): tl.RawConfig {
    const now = Math.floor(Date.now() / 1000);
    const option = (mediaOnly: boolean): tl.RawDcOption => ({
      _: "dcOption",
      id: 2,
      ipAddress: "127.0.0.1",
      port: this.port,
      mediaOnly,
    });
    return {
      _: "config",
      date: now,
      expires: now + 3600,
      testMode: false,
      thisDc: 2,
      dcOptions: [option(false), option(true)],
      dcTxtDomainName: "localhost",
      chatSizeMax: 200,
      megagroupSizeMax: 200000,
      forwardedCountMax: 100,
      onlineUpdatePeriodMs: 210000,
      offlineBlurTimeoutMs: 5000,
      offlineIdleTimeoutMs: 30000,
      onlineCloudTimeoutMs: 300000,
      notifyCloudDelayMs: 30000,
      notifyDefaultDelayMs: 1500,
      pushChatPeriodMs: 60000,
      pushChatLimit: 2,
      editTimeLimit: 172800,
      revokeTimeLimit: 2147483647,
      revokePmTimeLimit: 2147483647,
      ratingEDecay: 2419200,
      stickersRecentLimit: 200,
      channelsReadMediaPeriod: 604800,
      callReceiveTimeoutMs: 20000,
      callRingTimeoutMs: 90000,
      callConnectTimeoutMs: 30000,
      callPacketTimeoutMs: 10000,
      meUrlPrefix: "https://t.me/",
      captionLengthMax: 1024,
      messageLengthMax: 4096,
      webfileDcId: 2,
    };
  }
}

/** A running server with a stub world, and mtcute clients pointed at it. */
export class Harness {
  private readonly clients: TelegramClient[] = [];
  private constructor(
    readonly server: MtprotoServer,
    readonly world: StubWorld,
    readonly rsa: RsaKeyPair,
  ) {}

  static async start(
    options: { maxPacketBytes?: number } = {},
  ): Promise<Harness> {
    const rsa = await testRsaKey();
    const world = new StubWorld();
    const server = await startMtprotoServer({
      port: 0,
      rsa,
      handler: world,
      ...options,
    });
    world.port = server.port;
    const crypto = new NodeCryptoProvider();
    await crypto.initialize();
    addPublicKey(crypto, rsa.publicKeyPem);
    return new Harness(server, world, rsa);
  }

  /** A connected-on-demand mtcute client with in-memory storage and no logging. */
  client(
    options: { disableUpdates?: boolean; transport?: TelegramTransport } = {},
  ): TelegramClient {
    const dc = { id: 2, ipAddress: "127.0.0.1", port: this.server.port };
    const client = new TelegramClient({
      apiId: 1,
      apiHash: "x",
      storage: new MemoryStorage(),
      defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
      logLevel: Number(Deno.env.get("DC_TEST_MTCUTE_LOG") ?? 0),
      disableUpdates: options.disableUpdates ?? true,
      // An explicit `transport: undefined` would replace mtcute's default TCP transport.
      ...(options.transport ? { transport: options.transport } : {}),
    });
    this.clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    for (const client of this.clients) await client.destroy();
    await this.server.close();
  }
}

/** A random signed 64-bit Long. */
export function randomLong(): Long {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Long.fromBytesLE([...bytes]);
}
