/**
 * A lean MTProto client for load tests and the connection benchmark: one TCP connection
 * (intermediate transport, TCP_NODELAY), the auth-key exchange as current
 * clients do it (RSA_PAD, p_q_inner_data_dc) and encrypted pings. Its DH
 * secret has 256 bits instead of 2048, which keeps this client's side of
 * the exchange ~8× cheaper (the server's work does not depend on it), so the
 * emulator, not this client, is what the benchmark loads. TL and AES come
 * from mtcute's helpers.
 */
import { Long } from "@mtcute/core";
import {
  __tlReaderMap,
  __tlWriterMap,
  createAesIgeForMessage,
  generateKeyAndIvFromNonce,
  parsePublicKey,
  TlBinaryReader,
  TlBinaryWriter,
} from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import {
  bigintFromBytes,
  bigintToBytes,
  concat,
  modPow,
} from "./protocol/crypto.ts";
import { factorizePq } from "./protocol/raw_client.ts";

type TlObject = { _: string; [key: string]: unknown };

const crypto = new NodeCryptoProvider();
const cryptoReady = crypto.initialize();

const INTERMEDIATE_TAG = Uint8Array.of(0xee, 0xee, 0xee, 0xee);
const PING = 0x7abe77ec;

/** Serializes a TL object given as mtcute's plain JSON-like form. */
function serialize(object: TlObject): Uint8Array {
  return TlBinaryWriter.serializeObject(__tlWriterMap, object);
}

/** The server's RSA key as the handshake needs it. */
export interface ServerKey {
  modulus: bigint;
  exponent: bigint;
  fingerprint: Long;
}

/** Reads the emulator's PKCS#1 PEM public key. */
export async function serverKey(publicKeyPem: string): Promise<ServerKey> {
  await cryptoReady;
  const key = parsePublicKey(crypto, publicKeyPem);
  return {
    modulus: BigInt(`0x${key.modulus}`),
    exponent: BigInt(`0x${key.exponent}`),
    fingerprint: Long.fromString(key.fingerprint, true, 16),
  };
}

/** RSA_PAD: the current way of encrypting p_q_inner_data for req_DH_params. */
function rsaPad(data: Uint8Array, key: ServerKey): Uint8Array {
  const withPadding = concat(data, crypto.randomBytes(192 - data.length));
  const reversed = withPadding.slice().reverse();
  for (;;) {
    const tempKey = crypto.randomBytes(32);
    const withHash = concat(
      reversed,
      crypto.sha256(concat(tempKey, withPadding)),
    );
    const aesEncrypted = crypto.createAesIge(tempKey, new Uint8Array(32))
      .encrypt(withHash);
    const hash = crypto.sha256(aesEncrypted);
    const tempKeyXor = tempKey.map((byte, i) => byte ^ hash[i]);
    const keyAesEncrypted = bigintFromBytes(concat(tempKeyXor, aesEncrypted));
    if (keyAesEncrypted >= key.modulus) continue;
    return bigintToBytes(
      modPow(keyAesEncrypted, key.exponent, key.modulus),
      256,
    );
  }
}

/** One connection to the emulator; `open` stays true until either side closes it. */
export class LightConnection {
  open = true;
  #buffer: Uint8Array = new Uint8Array(0);
  #waiter?: () => void;
  #lastMsgId = 0n;
  #sentTag = false;
  #contentMessages = 0;
  #authKey?: { key: Uint8Array; id: Uint8Array; salt: Uint8Array };
  /** The answer to the `req_pq_multi` sent by `connect()`, until the handshake uses it. */
  #resPq?: { nonce: Uint8Array; resPq: TlObject };
  readonly #sessionId = globalThis.crypto.getRandomValues(new Uint8Array(8));
  readonly #reading: Promise<void>;

  private constructor(readonly conn: Deno.TcpConn) {
    this.#reading = this.#readLoop();
  }

  /**
   * Connects to 127.0.0.1:`port` and sends `req_pq_multi`: its answer shows that the
   * server accepted the connection, so callers that open many at once never have
   * more unaccepted ones than they have calls in flight (the listen backlog is finite).
   */
  static async connect(
    port: number,
    { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
  ): Promise<LightConnection> {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    conn.setNoDelay(true);
    const connection = new LightConnection(conn);
    try {
      const nonce = crypto.randomBytes(16);
      const resPq = await connection.#plainCall(
        { _: "mt_req_pq_multi", nonce },
        timeoutMs,
      );
      connection.#resPq = { nonce, resPq };
    } catch (error) {
      await connection.close();
      throw error;
    }
    return connection;
  }

  async #readLoop(): Promise<void> {
    const chunk = new Uint8Array(16 * 1024);
    try {
      for (let n; (n = await this.conn.read(chunk)) !== null;) {
        this.#buffer = concat(this.#buffer, chunk.subarray(0, n));
        this.#waiter?.();
      }
    } catch {
      // reset by the server, or closed here
    }
    this.open = false;
    this.#waiter?.();
  }

  async #send(payload: Uint8Array): Promise<void> {
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, payload.length, true);
    // The tag goes out with the first packet: one write, one segment.
    const frame = this.#sentTag
      ? concat(length, payload)
      : concat(INTERMEDIATE_TAG, length, payload);
    this.#sentTag = true;
    for (let offset = 0; offset < frame.length;) {
      offset += await this.conn.write(frame.subarray(offset));
    }
  }

  /** The next packet, or an error when the connection closes or `timeoutMs` passes. */
  async #receive(timeoutMs: number): Promise<Uint8Array> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.#buffer.length >= 4) {
        const length = new DataView(
          this.#buffer.buffer,
          this.#buffer.byteOffset,
        ).getUint32(0, true);
        if (this.#buffer.length >= 4 + length) {
          const packet = this.#buffer.slice(4, 4 + length);
          this.#buffer = this.#buffer.slice(4 + length);
          if (packet.length === 4) {
            throw new Error(
              `transport error ${
                new DataView(packet.buffer).getInt32(0, true)
              }`,
            );
          }
          return packet;
        }
      }
      if (!this.open) throw new Error("connection closed");
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no packet within ${timeoutMs} ms`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
      this.#waiter = undefined;
    }
  }

  #msgId(): Long {
    let id = BigInt(Date.now()) * 2n ** 32n / 1000n & ~3n;
    if (id <= this.#lastMsgId) id = this.#lastMsgId + 4n;
    this.#lastMsgId = id;
    return Long.fromString(id.toString(), true);
  }

  async #plainCall(request: TlObject, timeoutMs: number): Promise<TlObject> {
    const body = serialize(request);
    const header = TlBinaryWriter.manual(20);
    header.long(Long.ZERO);
    header.long(this.#msgId());
    header.uint(body.length);
    await this.#send(concat(header.result(), body));
    const reply = await this.#receive(timeoutMs);
    return TlBinaryReader.deserializeObject(
      __tlReaderMap,
      reply,
      20,
    ) as TlObject;
  }

  /** Creates an auth key (permanent, DC 2) from where `connect()` left off; throws if any step fails. */
  async handshake(
    key: ServerKey,
    { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
  ): Promise<void> {
    await cryptoReady;
    const first = this.#resPq;
    if (!first) throw new Error("handshake twice on one connection");
    this.#resPq = undefined;
    const { nonce, resPq } = first;
    const serverNonce = resPq.serverNonce as Uint8Array;
    const pq = resPq.pq as Uint8Array;
    const [p, q] = factorizePq(crypto, pq);
    const newNonce = crypto.randomBytes(32);
    const inner = serialize({
      _: "mt_p_q_inner_data_dc",
      pq,
      p,
      q,
      nonce,
      serverNonce,
      newNonce,
      dc: 2,
    });
    const dhParams = await this.#plainCall({
      _: "mt_req_DH_params",
      nonce,
      serverNonce,
      p,
      q,
      publicKeyFingerprint: key.fingerprint,
      encryptedData: rsaPad(inner, key),
    }, timeoutMs);
    if (dhParams._ !== "mt_server_DH_params_ok") {
      throw new Error(`req_DH_params answered ${dhParams._}`);
    }
    const [aesKey, aesIv] = generateKeyAndIvFromNonce(
      crypto,
      serverNonce,
      newNonce,
    );
    const ige = crypto.createAesIge(aesKey, aesIv);
    const serverDh = TlBinaryReader.deserializeObject(
      __tlReaderMap,
      ige.decrypt(dhParams.encryptedAnswer as Uint8Array),
      20,
    ) as TlObject;
    const prime = bigintFromBytes(serverDh.dhPrime as Uint8Array);
    // The server refuses g_b within 2^1984 of 0 or p (as Telegram does).
    const margin = 1n << 1984n;
    let b: bigint, gB: bigint;
    do {
      b = bigintFromBytes(crypto.randomBytes(32));
      gB = modPow(BigInt(serverDh.g as number), b, prime);
    } while (gB <= margin || gB >= prime - margin);
    const clientDh = serialize({
      _: "mt_client_DH_inner_data",
      nonce,
      serverNonce,
      retryId: Long.ZERO,
      gB: bigintToBytes(gB, 256),
    });
    const withHash = concat(crypto.sha1(clientDh), clientDh);
    const result = await this.#plainCall({
      _: "mt_set_client_DH_params",
      nonce,
      serverNonce,
      encryptedData: ige.encrypt(
        concat(withHash, crypto.randomBytes((16 - withHash.length % 16) % 16)),
      ),
    }, timeoutMs);
    if (result._ !== "mt_dh_gen_ok") {
      throw new Error(`set_client_DH_params answered ${result._}`);
    }
    const authKey = bigintToBytes(
      modPow(bigintFromBytes(serverDh.gA as Uint8Array), b, prime),
      256,
    );
    this.#authKey = {
      key: authKey,
      id: crypto.sha1(authKey).subarray(12, 20),
      salt: newNonce.subarray(0, 8).map((byte, i) => byte ^ serverNonce[i]),
    };
  }

  /** Sends an encrypted ping and waits for the pong (other messages before it are skipped). */
  async ping({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<
    void
  > {
    const authKey = this.#authKey;
    if (!authKey) throw new Error("ping before the handshake");
    const pingId = crypto.randomBytes(8);
    const body = new Uint8Array(12);
    new DataView(body.buffer).setUint32(0, PING, true);
    body.set(pingId, 4);
    const header = TlBinaryWriter.manual(32);
    header.raw(authKey.salt);
    header.raw(this.#sessionId);
    header.long(this.#msgId());
    header.uint(this.#contentMessages++ * 2 + 1);
    header.uint(body.length);
    const unpadded = concat(header.result(), body);
    const plain = concat(
      unpadded,
      crypto.randomBytes(12 + (16 - (unpadded.length + 12) % 16) % 16),
    );
    const msgKey = crypto.sha256(concat(authKey.key.subarray(88, 120), plain))
      .subarray(8, 24);
    const encrypted = createAesIgeForMessage(crypto, authKey.key, msgKey, true)
      .encrypt(plain);
    await this.#send(concat(authKey.id, msgKey, encrypted));
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const packet = await this.#receive(deadline - performance.now());
      const decrypted = createAesIgeForMessage(
        crypto,
        authKey.key,
        packet.subarray(8, 24),
        false,
      ).decrypt(packet.subarray(24));
      // A pong repeats the ping_id; new_session_created and acks may come first.
      if (containsBytes(decrypted, pingId)) return;
    }
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    try {
      this.conn.close();
    } catch {
      // already closed
    }
    await this.#reading;
  }
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}
