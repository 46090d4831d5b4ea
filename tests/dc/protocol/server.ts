/**
 * The emulator's MTProto TCP server: accepts connections, keeps auth keys and
 * sessions in memory (both outlive connections) and hands API calls to the
 * world's `RpcHandler`.
 */
import type { Long } from "@mtcute/core";
import type {
  MtprotoServer,
  MtprotoServerOptions,
  RpcHandler,
  RsaKeyPair,
  Session,
} from "../contract.ts";
import { type AuthKeyRecord, AuthKeyRegistry } from "./auth_keys.ts";
import { Connection, type ConnectionHost } from "./connection.ts";
import { MtprotoSession, type SessionHost } from "./session.ts";

const DEFAULT_MAX_PACKET_BYTES = 4 * 1024 * 1024;

function debugEnabled(): boolean {
  try {
    return Boolean(Deno.env.get("DC_PROTOCOL_DEBUG"));
  } catch {
    return false; // no env permission: stay quiet
  }
}

class DcServer implements ConnectionHost, SessionHost {
  readonly authKeys = new AuthKeyRegistry();
  readonly maxPacketBytes: number;
  readonly rsa: RsaKeyPair;
  readonly handler: RpcHandler;
  private readonly sessionsByKey = new Map<string, MtprotoSession>();
  private readonly connections = new Map<Connection, Promise<void>>();
  private readonly verbose = debugEnabled();
  private accepting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly listener: Deno.TcpListener,
    options: MtprotoServerOptions,
  ) {
    this.rsa = options.rsa;
    this.handler = options.handler;
    this.maxPacketBytes = options.maxPacketBytes ?? DEFAULT_MAX_PACKET_BYTES;
  }

  start(): void {
    this.accepting = this.acceptLoop();
  }

  private async acceptLoop(): Promise<void> {
    for (;;) {
      let conn: Deno.TcpConn;
      try {
        conn = await this.listener.accept();
      } catch (error) {
        if (this.closed) return;
        this.debug("accept failed", error);
        continue;
      }
      // Without it, a reply written right after another small write waits for the
      // client's delayed ACK (~40 ms on Linux), as Telegram's servers do not make clients wait.
      conn.setNoDelay(true);
      const connection = new Connection(conn, this);
      this.connections.set(
        connection,
        connection.run().finally(() => this.connections.delete(connection)),
      );
    }
  }

  sessionFor(authKey: AuthKeyRecord, sessionId: Long): MtprotoSession {
    const key = `${authKey.idHex}:${sessionId.toString()}`;
    let session = this.sessionsByKey.get(key);
    if (!session) {
      session = new MtprotoSession(authKey, sessionId, this);
      this.sessionsByKey.set(key, session);
    }
    return session;
  }

  sessions(): Session[] {
    return [...this.sessionsByKey.values()];
  }

  destroySession(authKey: AuthKeyRecord, sessionId: Long): boolean {
    const key = `${authKey.idHex}:${sessionId.toString()}`;
    const session = this.sessionsByKey.get(key);
    if (!session) return false;
    session.destroy();
    this.sessionsByKey.delete(key);
    return true;
  }

  destroyAuthKey(authKey: AuthKeyRecord): void {
    this.authKeys.delete(authKey);
    for (const session of this.sessionsByKey.values()) {
      if (session.authKey === authKey) this.destroySession(authKey, session.id);
    }
  }

  connectionChanged(session: MtprotoSession): void {
    try {
      this.handler.connectionChanged?.(session);
    } catch (error) {
      this.debug("connectionChanged failed", error);
    }
  }

  debug(message: string, error?: unknown): void {
    if (this.verbose) console.error(`[dc protocol] ${message}`, error ?? "");
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listener.close();
    await this.accepting;
    for (const connection of this.connections.keys()) connection.close();
    await Promise.all(this.connections.values());
  }
}

/** Starts the MTProto server on `options.port` (0 picks a free one). */
export function startMtprotoServer(
  options: MtprotoServerOptions,
): Promise<MtprotoServer> {
  const listener = Deno.listen({
    hostname: options.hostname ?? "127.0.0.1",
    port: options.port,
    transport: "tcp",
  });
  const server = new DcServer(listener, options);
  server.start();
  return Promise.resolve({
    port: listener.addr.port,
    sessions: () => server.sessions(),
    close: () => server.close(),
  });
}
