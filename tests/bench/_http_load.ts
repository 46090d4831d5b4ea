/**
 * A minimal HTTP/1.1 keep-alive client for load generation: one TCP
 * connection per in-flight slot, each request written in one piece,
 * responses framed by Content-Length (or chunked) and checked for status
 * 200. On a machine whose cores the load generator shares with the server
 * under test, `fetch` costs more CPU per request than a whole direct mtcute
 * `getMe`, so it would measure the client as much as the server; like wrk,
 * this keeps the load generator's share small.
 */
import { concat } from "../dc/protocol/crypto.ts";

const CRLF_CRLF = [13, 10, 13, 10];
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A response as read off the wire. */
export interface RawResponse {
  status: number;
  body: Uint8Array;
}

/**
 * The server closed the connection before answering any of the request: it
 * had ended the idle connection (the gateway does after --header-timeout or
 * --keepalive-timeout), so the request was not served and may be sent again.
 */
export class ClosedBeforeAnswerError extends Error {
  override name = "ClosedBeforeAnswerError";
}

/** One keep-alive connection; one request at a time. */
export class HttpConnection {
  #buffer = new Uint8Array(64 * 1024);
  #start = 0;
  #end = 0;

  private constructor(
    private readonly conn: Deno.TcpConn,
    private readonly host: string,
  ) {}

  /** Connects to `url`'s host and port. */
  static async open(url: string): Promise<HttpConnection> {
    const { hostname, port } = new URL(url);
    const portNumber = Number(port || 80);
    const conn = await Deno.connect({ hostname, port: portNumber });
    conn.setNoDelay(true);
    return new HttpConnection(conn, `${hostname}:${portNumber}`);
  }

  /** The bytes of a POST with a JSON body. */
  postJson(path: string, body: unknown): Uint8Array {
    const payload = encoder.encode(JSON.stringify(body));
    const head = encoder.encode(
      `POST ${path} HTTP/1.1\r\nhost: ${this.host}\r\n` +
        `content-type: application/json\r\ncontent-length: ${payload.length}\r\n\r\n`,
    );
    return concat(head, payload);
  }

  /**
   * Sends `request` (from `postJson`) and reads its whole response; throws
   * ClosedBeforeAnswerError if the server had closed the connection.
   */
  async send(request: Uint8Array): Promise<RawResponse> {
    let headEnd: number;
    const before = this.#end - this.#start;
    try {
      let written = 0;
      while (written < request.length) {
        written += await this.conn.write(request.subarray(written));
      }
      headEnd = await this.#readUntilHeadEnd();
    } catch (error) {
      if (this.#end - this.#start === before) {
        throw new ClosedBeforeAnswerError(String(error), { cause: error });
      }
      throw error;
    }
    const head = decoder.decode(this.#buffer.subarray(this.#start, headEnd));
    this.#start = headEnd + 4;
    const status = Number(head.slice(9, 12));
    const length = head.match(/\r\ncontent-length:\s*(\d+)/i)?.[1];
    const body = length !== undefined
      ? await this.#readBytes(Number(length))
      : /\r\ntransfer-encoding:\s*chunked/i.test(head)
      ? await this.#readChunked()
      : new Uint8Array(0);
    return { status, body };
  }

  /** Closes the connection. */
  close(): void {
    try {
      this.conn.close();
    } catch { /* already closed */ }
  }

  async #fill(): Promise<void> {
    if (this.#start > 0 && this.#start === this.#end) {
      this.#start = this.#end = 0;
    }
    if (this.#end === this.#buffer.length) {
      const kept = this.#end - this.#start;
      const grown = new Uint8Array(Math.max(this.#buffer.length, kept * 2));
      grown.set(this.#buffer.subarray(this.#start, this.#end));
      this.#buffer = grown;
      this.#start = 0;
      this.#end = kept;
    }
    const read = await this.conn.read(this.#buffer.subarray(this.#end));
    if (read === null) throw new Error("the server closed the connection");
    this.#end += read;
  }

  async #readUntilHeadEnd(): Promise<number> {
    let from = this.#start;
    for (;;) {
      for (let i = from; i + 3 < this.#end; i++) {
        if (
          this.#buffer[i] === CRLF_CRLF[0] &&
          this.#buffer[i + 1] === CRLF_CRLF[1] &&
          this.#buffer[i + 2] === CRLF_CRLF[2] &&
          this.#buffer[i + 3] === CRLF_CRLF[3]
        ) return i;
      }
      from = Math.max(this.#start, this.#end - 3);
      const offset = this.#start;
      await this.#fill();
      from += this.#start - offset;
    }
  }

  async #readBytes(length: number): Promise<Uint8Array> {
    while (this.#end - this.#start < length) await this.#fill();
    const bytes = this.#buffer.slice(this.#start, this.#start + length);
    this.#start += length;
    return bytes;
  }

  async #readLine(): Promise<string> {
    for (;;) {
      for (let i = this.#start; i + 1 < this.#end; i++) {
        if (this.#buffer[i] === 13 && this.#buffer[i + 1] === 10) {
          const line = decoder.decode(this.#buffer.subarray(this.#start, i));
          this.#start = i + 2;
          return line;
        }
      }
      await this.#fill();
    }
  }

  async #readChunked(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (;;) {
      const size = parseInt(await this.#readLine(), 16);
      if (size === 0) {
        await this.#readLine();
        break;
      }
      parts.push(await this.#readBytes(size));
      await this.#readLine();
    }
    return concat(...parts);
  }
}

/** One connection per in-flight slot to one server: the load generator of the gateway benchmark. */
export class HttpLoadClient {
  private constructor(
    private readonly url: string,
    private readonly connections: HttpConnection[],
  ) {}

  /** Opens `slots` keep-alive connections to `url`. */
  static async open(url: string, slots: number): Promise<HttpLoadClient> {
    const connections = await Promise.all(
      Array.from({ length: slots }, () => HttpConnection.open(url)),
    );
    return new HttpLoadClient(url, connections);
  }

  /**
   * POSTs JSON `args` to `path` on slot `slot`'s connection; throws unless the
   * answer is a 200. A connection the server closed while it sat idle is
   * replaced and the request sent again, as any HTTP client's pool does.
   */
  async post(slot: number, path: string, args: unknown[]): Promise<Uint8Array> {
    let connection = this.connections[slot];
    let answer: RawResponse;
    try {
      answer = await connection.send(connection.postJson(path, args));
    } catch (error) {
      if (!(error instanceof ClosedBeforeAnswerError)) throw error;
      connection.close();
      connection = this.connections[slot] = await HttpConnection.open(
        this.url,
      );
      answer = await connection.send(connection.postJson(path, args));
    }
    const { status, body } = answer;
    if (status !== 200) {
      throw new Error(
        `${path}: ${status} ${decoder.decode(body.slice(0, 200))}`,
      );
    }
    return body;
  }

  /** Closes every connection. */
  close(): void {
    for (const connection of this.connections) connection.close();
  }
}
