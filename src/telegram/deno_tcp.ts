/**
 * mtcute's TCP transport over Deno's own sockets. @mtcute/node's transport
 * goes through `node:net`, which Deno emulates with Node's stream machinery:
 * a socket object with its emitters and state per connection, a second 16
 * KiB buffer in front of mtcute's own, and a stream write per packet. Idle
 * clients are all connection, so that cost is most of what they cost:
 * reading and writing a `Deno.TcpConn` directly keeps one buffer (mtcute's)
 * and makes a keep-alive ping a plain socket write. Each socket is counted
 * in the process's descriptor budget while open.
 */
import { IntermediatePacketCodec } from "@mtcute/core";
import type { BasicDcOption } from "@mtcute/core/utils.js";
import type { ITelegramConnection, TelegramTransport } from "@mtcute/core";
import { ConnectionClosedError } from "@fuman/net";
import type { DescriptorBudget } from "../descriptors.ts";

type Endpoint = { address: string; port: number };

function endpointOf(address: Deno.Addr): Endpoint | null {
  return address.transport === "tcp"
    ? { address: address.hostname, port: address.port }
    : null;
}

/** One TCP connection to a DC, as mtcute reads and writes it. */
export class DenoTcpConnection implements ITelegramConnection {
  #closed = false;

  constructor(
    readonly conn: Deno.TcpConn,
    /** Called once, when the connection is closed. */
    readonly onClose: () => void,
  ) {}

  get localAddress(): Endpoint | null {
    return endpointOf(this.conn.localAddr);
  }

  get remoteAddress(): Endpoint | null {
    return endpointOf(this.conn.remoteAddr);
  }

  /** Reads at least one byte; the end of the stream (or a close) is a ConnectionClosedError, on which mtcute reconnects. */
  async read(into: Uint8Array): Promise<number> {
    if (this.#closed) throw new ConnectionClosedError();
    let read: number | null;
    try {
      read = await this.conn.read(into);
    } catch (error) {
      if (this.#closed || error instanceof Deno.errors.BadResource) {
        throw new ConnectionClosedError();
      }
      throw error;
    }
    // mtcute's frame reader would take 0 (the end, for fuman) as a reason to read again at once.
    if (read === null || read === 0) throw new ConnectionClosedError();
    return read;
  }

  /** Writes all of `bytes`. */
  async write(bytes: Uint8Array): Promise<void> {
    if (this.#closed) throw new ConnectionClosedError();
    try {
      for (let offset = 0; offset < bytes.length;) {
        offset += await this.conn.write(bytes.subarray(offset));
      }
    } catch (error) {
      if (this.#closed || error instanceof Deno.errors.BadResource) {
        throw new ConnectionClosedError();
      }
      throw error;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.conn.close();
    } catch {
      // Already closed by the peer.
    }
    this.onClose();
  }
}

/**
 * The transport mtcute's clients are given: intermediate framing over Deno
 * TCP, as @mtcute/node's TcpTransport does over node:net. A client admitted
 * with a seat (one descriptor its host counted before it started) uses it
 * for one open connection; any other connection, a reconnect or a file
 * pool's, is counted without being refused: refusing would break a client
 * that is up, so new clients and transfers are refused early instead.
 */
export class DenoTcpTransport implements TelegramTransport {
  #seatFree: boolean;

  constructor(readonly descriptors: DescriptorBudget, seated = false) {
    this.#seatFree = seated;
  }

  async connect(dc: BasicDcOption): Promise<ITelegramConnection> {
    const seated = this.#seatFree;
    if (seated) this.#seatFree = false;
    else this.descriptors.acquire();
    const giveBack = () => {
      if (seated) this.#seatFree = true;
      else this.descriptors.release();
    };
    let conn: Deno.TcpConn;
    try {
      conn = await Deno.connect({ hostname: dc.ipAddress, port: dc.port });
    } catch (error) {
      giveBack();
      throw error;
    }
    conn.setNoDelay(true);
    conn.setKeepAlive(true);
    return new DenoTcpConnection(conn, giveBack);
  }

  packetCodec(): IntermediatePacketCodec {
    return new IntermediatePacketCodec();
  }
}
