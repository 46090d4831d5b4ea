/**
 * One client TCP connection: transport detection and framing, the
 * unencrypted handshake, and routing of encrypted packets to sessions.
 * Anything malformed closes this connection only.
 */
import type { Long } from "@mtcute/core";
import type { RsaKeyPair } from "../contract.ts";
import type { AuthKeyRecord, AuthKeyRegistry } from "./auth_keys.ts";
import {
  decryptClientPacket,
  parseUnencryptedPacket,
  unencryptedPacket,
} from "./envelope.ts";
import { Handshaker, HandshakeViolation } from "./handshake.ts";
import { ServerMessageIds } from "./msg_ids.ts";
import { serializeObject } from "./result_writer.ts";
import type { Link, MtprotoSession } from "./session.ts";
import { TransportStream, TransportViolation } from "./transport.ts";

/** Transport error: auth key not found, or the packet did not decrypt under it. */
export const TRANSPORT_ERROR_AUTH_KEY = 404;

/** What a connection needs from the server. */
export interface ConnectionHost {
  readonly rsa: RsaKeyPair;
  readonly authKeys: AuthKeyRegistry;
  readonly maxPacketBytes: number;
  sessionFor(authKey: AuthKeyRecord, sessionId: Long): MtprotoSession;
  debug(message: string, error?: unknown): void;
}

async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    offset += await conn.write(bytes.subarray(offset));
  }
}

/** A client connection; runs until the client or the server closes it. */
export class Connection implements Link {
  private isOpen = true;
  private readonly transport: TransportStream;
  private writes: Promise<void> = Promise.resolve();
  private pingTimer: ReturnType<typeof setTimeout> | undefined;
  private handshaker: Handshaker | undefined;
  private readonly unencryptedIds = new ServerMessageIds();
  private readonly sessions = new Set<MtprotoSession>();

  constructor(
    private readonly conn: Deno.Conn,
    private readonly host: ConnectionHost,
  ) {
    this.transport = new TransportStream(host.maxPacketBytes);
  }

  get open(): boolean {
    return this.isOpen;
  }

  /** Reads until EOF, an error or `close()`; never throws. */
  async run(): Promise<void> {
    const buffer = new Uint8Array(64 * 1024);
    try {
      while (this.isOpen) {
        const read = await this.conn.read(buffer);
        if (read === null) break;
        for (const packet of this.transport.receive(buffer.slice(0, read))) {
          if (!this.isOpen) break;
          this.handlePacket(packet);
        }
      }
    } catch (error) {
      // Broken framing (including a packet over maxPacketBytes) and broken handshakes
      // are dropped without a transport error, as Telegram does: there is no
      // code for them, and the stream cannot be trusted for another frame.
      if (
        error instanceof TransportViolation ||
        error instanceof HandshakeViolation
      ) {
        this.host.debug(`closing connection: ${error.message}`);
      } else if (this.isOpen) {
        this.host.debug("connection failed", error);
      }
    }
    this.close();
    await this.writes;
  }

  send(packet: Uint8Array): void {
    if (!this.isOpen) return;
    this.write(this.transport.encode(packet));
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    clearTimeout(this.pingTimer);
    // Let queued writes (e.g. a transport error) reach the socket before it closes.
    this.writes = this.writes.finally(() => {
      try {
        this.conn.close();
      } catch {
        // already closed by the peer
      }
    });
    for (const session of this.sessions) session.detach(this);
    this.sessions.clear();
  }

  closeUnlessPingedWithin(seconds: number): void {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(
      () => this.close(),
      Math.max(0, seconds) * 1000,
    );
  }

  private write(bytes: Uint8Array): void {
    this.writes = this.writes.then(() => writeAll(this.conn, bytes)).catch(() =>
      this.close()
    );
  }

  /** Sends a transport error (the negated code as the whole packet) and closes. */
  private fail(code: number, reason: string): void {
    this.host.debug(`transport error -${code}: ${reason}`);
    const frame = this.transport.encodeError(code);
    if (frame) this.write(frame);
    this.close();
  }

  private handlePacket(packet: Uint8Array): void {
    if (packet.length < 8) {
      throw new TransportViolation(`packet of ${packet.length} bytes`);
    }
    const authKeyId = packet.subarray(0, 8);
    if (authKeyId.every((byte) => byte === 0)) {
      return this.handleUnencrypted(packet);
    }
    const authKey = this.host.authKeys.get(authKeyId);
    if (!authKey) {
      return this.fail(TRANSPORT_ERROR_AUTH_KEY, "unknown auth_key_id");
    }
    const message = decryptClientPacket(authKey.key, packet);
    if (!message) {
      return this.fail(
        TRANSPORT_ERROR_AUTH_KEY,
        "msg_key, length or padding mismatch",
      );
    }
    const session = this.host.sessionFor(authKey, message.sessionId);
    this.sessions.add(session);
    session.receive(this, message);
  }

  private handleUnencrypted(packet: Uint8Array): void {
    const message = parseUnencryptedPacket(packet);
    if (!message) throw new TransportViolation("malformed unencrypted message");
    this.handshaker ??= new Handshaker(
      this.host.rsa,
      (id) => this.host.authKeys.has(id),
    );
    const { response, authKey } = this.handshaker.handle(message.body);
    if (authKey) this.host.authKeys.add(authKey);
    this.send(
      unencryptedPacket(
        this.unencryptedIds.next(true),
        serializeObject(response),
      ),
    );
  }
}
