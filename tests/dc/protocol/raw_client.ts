/**
 * A minimal MTProto client for tests that need to send what mtcute never
 * would: raw bytes, the old RSA scheme, odd msg_ids. Client-side crypto comes
 * from mtcute's helpers so the server is not checked against itself.
 */
import { Long } from "@mtcute/core";
import {
  __tlReaderMap,
  __tlWriterMap,
  createAesIgeForMessage,
  factorizePQSync,
  generateKeyAndIvFromNonce,
  parsePublicKey,
  TlBinaryReader,
  TlBinaryWriter,
} from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import type { RsaKeyPair } from "../contract.ts";
import { bigintFromBytes } from "./crypto.ts";

type Obj = { _: string; [key: string]: unknown };

/**
 * Factors pq with mtcute's Pollard-Brent, retried until the factors multiply
 * back: in about one run in a thousand it returns pq itself (gcd = n), and a
 * client that sends p = 1 is rightly cut off by the server.
 */
export function factorizePq(
  crypto: NodeCryptoProvider,
  pq: Uint8Array,
  factorize: typeof factorizePQSync = factorizePQSync,
): [Uint8Array, Uint8Array] {
  const product = bigintFromBytes(pq);
  for (;;) {
    const [p, q] = factorize(crypto, pq);
    const [pn, qn] = [bigintFromBytes(p), bigintFromBytes(q)];
    if (pn > 1n && qn > 1n && pn * qn === product) return [p, q];
  }
}

const provider = new NodeCryptoProvider();
const ready = provider.initialize();

function le32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, value, true);
  return out;
}

function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) (out.set(part, offset), offset += part.length);
  return out;
}

function toBig(bytes: Uint8Array): bigint {
  return BigInt(
    "0x" +
      (Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("") ||
        "0"),
  );
}

function fromBig(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, "0");
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

function powMod(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  for (base %= mod; exp > 0n; exp >>= 1n, base = base * base % mod) {
    if (exp & 1n) result = result * base % mod;
  }
  return result;
}

/** Serializes an mtcute-style object. */
export function tl(object: Obj): Uint8Array {
  return TlBinaryWriter.serializeObject(__tlWriterMap, object);
}

/** A TCP connection speaking the intermediate transport (or raw bytes). */
export class RawConnection {
  private buffered: Uint8Array = new Uint8Array(0);
  private eof = false;
  private wake: (() => void) | undefined;
  private readonly reading: Promise<void>;

  private constructor(private readonly conn: Deno.Conn) {
    this.reading = this.readLoop();
  }

  /** Connects; `tag` defaults to the intermediate transport's 0xeeeeeeee. */
  static async open(
    port: number,
    tag: Uint8Array | null = le32(0xeeeeeeee | 0),
  ): Promise<RawConnection> {
    const connection = new RawConnection(
      await Deno.connect({ hostname: "127.0.0.1", port }),
    );
    if (tag) await connection.sendRaw(tag);
    return connection;
  }

  private async readLoop(): Promise<void> {
    const chunk = new Uint8Array(65536);
    try {
      for (let n; (n = await this.conn.read(chunk)) !== null;) {
        this.buffered = cat(this.buffered, chunk.subarray(0, n));
        this.wake?.();
      }
    } catch {
      // reset by the server, or closed by us
    }
    this.eof = true;
    this.wake?.();
  }

  async sendRaw(bytes: Uint8Array): Promise<void> {
    for (let offset = 0; offset < bytes.length;) {
      offset += await this.conn.write(bytes.subarray(offset));
    }
  }

  sendPacket(packet: Uint8Array): Promise<void> {
    return this.sendRaw(cat(le32(packet.length), packet));
  }

  private async waitFor(bytes: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffered.length < bytes && !this.eof && Date.now() < deadline) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        timer = setTimeout(resolve, deadline - Date.now());
      });
      clearTimeout(timer);
    }
    return this.buffered.length >= bytes;
  }

  /** The next intermediate packet; "closed" at EOF, "timeout" when nothing came. */
  async readPacket(
    timeoutMs = 3000,
  ): Promise<Uint8Array | "closed" | "timeout"> {
    if (!(await this.waitFor(4, timeoutMs))) {
      return this.eof ? "closed" : "timeout";
    }
    const length = new DataView(this.buffered.buffer, this.buffered.byteOffset)
      .getUint32(0, true);
    if (!(await this.waitFor(4 + length, timeoutMs))) {
      return this.eof ? "closed" : "timeout";
    }
    const packet = this.buffered.slice(4, 4 + length);
    this.buffered = this.buffered.slice(4 + length);
    return packet;
  }

  /** Whether the server closed the connection within `timeoutMs`. */
  async closedWithin(timeoutMs: number): Promise<boolean> {
    await this.waitFor(Infinity, timeoutMs);
    return this.eof;
  }

  async close(): Promise<void> {
    try {
      this.conn.close();
    } catch {
      // already closed
    }
    await this.reading;
  }
}

/** A transport error packet's code, if `packet` is one. */
export function transportError(
  packet: Uint8Array | string,
): number | undefined {
  if (typeof packet === "string" || packet.length !== 4) return undefined;
  return new DataView(packet.buffer, packet.byteOffset).getInt32(0, true);
}

let plainMsgId = 0n;
async function plainCall(
  connection: RawConnection,
  request: Obj | Uint8Array,
): Promise<Obj> {
  plainMsgId = BigInt(Math.floor(Date.now() / 1000)) << 32n |
    (plainMsgId + 4n & 0xfffffffcn);
  const body = request instanceof Uint8Array ? request : tl(request);
  const header = new Uint8Array(20);
  const view = new DataView(header.buffer);
  view.setBigUint64(8, plainMsgId, true);
  view.setUint32(16, body.length, true);
  await connection.sendPacket(cat(header, body));
  const reply = await connection.readPacket();
  if (typeof reply === "string") {
    throw new Error(`handshake: connection ${reply}`);
  }
  return TlBinaryReader.deserializeObject(__tlReaderMap, reply, 20) as Obj;
}

/** What a raw handshake yields. */
export interface RawAuthKey {
  key: Uint8Array;
  id: Uint8Array;
  salt: Long;
}

/**
 * Runs the handshake with the old RSA scheme (SHA1 + data + padding, p_q_inner_data without dc).
 * `gB` overrides the client's DH public value (to provoke dh_gen_fail).
 */
export async function rawHandshakeResult(
  connection: RawConnection,
  rsa: RsaKeyPair,
  gB?: bigint,
): Promise<{ answer: Obj; authKey?: RawAuthKey }> {
  await ready;
  const nonce = provider.randomBytes(16);
  const resPq = await plainCall(connection, { _: "mt_req_pq_multi", nonce });
  const [p, q] = factorizePq(provider, resPq.pq as Uint8Array);
  const newNonce = provider.randomBytes(32);
  const inner = TlBinaryWriter.manual(256);
  inner.uint(0x83c95aec); // p_q_inner_data, the pre-"_dc" constructor
  inner.bytes(resPq.pq as Uint8Array);
  inner.bytes(p);
  inner.bytes(q);
  inner.int128(nonce);
  inner.int128(resPq.serverNonce as Uint8Array);
  inner.int256(newNonce);
  const data = inner.result();
  const key = parsePublicKey(provider, rsa.publicKeyPem);
  const padded = cat(
    provider.sha1(data),
    data,
    provider.randomBytes(255 - 20 - data.length),
  );
  const encrypted = powMod(
    toBig(padded),
    BigInt("0x" + key.exponent),
    BigInt("0x" + key.modulus),
  );
  const dhParams = await plainCall(connection, {
    _: "mt_req_DH_params",
    nonce,
    serverNonce: resPq.serverNonce,
    p,
    q,
    publicKeyFingerprint: Long.fromString(key.fingerprint, true, 16),
    encryptedData: fromBig(encrypted, 256),
  });
  const [aesKey, aesIv] = generateKeyAndIvFromNonce(
    provider,
    resPq.serverNonce as Uint8Array,
    newNonce,
  );
  const ige = provider.createAesIge(aesKey, aesIv);
  const answer = ige.decrypt(dhParams.encryptedAnswer as Uint8Array);
  const serverDh = TlBinaryReader.deserializeObject(
    __tlReaderMap,
    answer,
    20,
  ) as Obj;
  const prime = toBig(serverDh.dhPrime as Uint8Array);
  const b = toBig(provider.randomBytes(256));
  const clientDh = tl({
    _: "mt_client_DH_inner_data",
    nonce,
    serverNonce: resPq.serverNonce,
    retryId: Long.ZERO,
    gB: fromBig(gB ?? powMod(BigInt(serverDh.g as number), b, prime), 256),
  });
  const withHash = cat(provider.sha1(clientDh), clientDh);
  const result = await plainCall(connection, {
    _: "mt_set_client_DH_params",
    nonce,
    serverNonce: resPq.serverNonce,
    encryptedData: ige.encrypt(
      cat(withHash, new Uint8Array((16 - withHash.length % 16) % 16)),
    ),
  });
  if (result._ !== "mt_dh_gen_ok") return { answer: result };
  const authKey = fromBig(
    powMod(toBig(serverDh.gA as Uint8Array), b, prime),
    256,
  );
  const auxHash = provider.sha1(authKey).subarray(0, 8);
  const expected = provider.sha1(cat(newNonce, Uint8Array.of(1), auxHash))
    .subarray(4, 20);
  if (expected.join() !== (result.newNonceHash1 as Uint8Array).join()) {
    throw new Error("bad new_nonce_hash1");
  }
  const salt = Long.fromBytesLE(
    [...newNonce.subarray(0, 8)].map((byte, i) =>
      byte ^ (resPq.serverNonce as Uint8Array)[i]
    ),
  );
  return {
    answer: result,
    authKey: {
      key: authKey,
      id: provider.sha1(authKey).subarray(12, 20),
      salt,
    },
  };
}

/** A successful old-scheme handshake's auth key (throws otherwise). */
export async function rawHandshake(
  connection: RawConnection,
  rsa: RsaKeyPair,
): Promise<RawAuthKey> {
  const { answer, authKey } = await rawHandshakeResult(connection, rsa);
  if (!authKey) throw new Error(`handshake ended with ${answer._}`);
  return authKey;
}

/** One message received by a raw session. */
export interface RawMessage {
  msgId: Long;
  seqNo: number;
  object: Obj;
}

/** An encrypted session on a raw connection, with full control over msg_id, seqno and salt. */
export class RawSession {
  readonly sessionId = Long.fromBytesLE([
    ...crypto.getRandomValues(new Uint8Array(8)),
  ]);
  private lastMsgId = 0n;
  private contentRelated = 0;

  /** `connection` may be swapped to continue the session on a new connection. */
  constructor(
    public connection: RawConnection,
    readonly authKey: RawAuthKey,
  ) {}

  /** A fresh client msg_id (divisible by 4, increasing). */
  nextMsgId(): Long {
    let id = BigInt(Math.floor(Date.now() / 1000)) << 32n |
      BigInt(Math.floor(Math.random() * 2 ** 30)) << 2n;
    if (id <= this.lastMsgId) id = this.lastMsgId + 4n;
    this.lastMsgId = id;
    return Long.fromString(id.toString());
  }

  /** The next seqno for a content-related (odd) or other (even) message. */
  nextSeqNo(contentRelated = true): number {
    return contentRelated
      ? this.contentRelated++ * 2 + 1
      : this.contentRelated * 2;
  }

  /** Encrypts and sends one message; returns its msg_id. */
  async send(
    body: Uint8Array,
    options: { msgId?: Long; seqNo?: number; salt?: Long } = {},
  ): Promise<Long> {
    const msgId = options.msgId ?? this.nextMsgId();
    const header = TlBinaryWriter.manual(32);
    header.long(options.salt ?? this.authKey.salt);
    header.long(this.sessionId);
    header.long(msgId);
    header.uint(options.seqNo ?? this.nextSeqNo());
    header.uint(body.length);
    const unpadded = cat(header.result(), body);
    const plain = cat(
      unpadded,
      provider.randomBytes(12 + (16 - (unpadded.length + 12) % 16) % 16),
    );
    const msgKey = provider.sha256(
      cat(this.authKey.key.subarray(88, 120), plain),
    ).subarray(8, 24);
    const encrypted = createAesIgeForMessage(
      provider,
      this.authKey.key,
      msgKey,
      true,
    ).encrypt(plain);
    await this.connection.sendPacket(cat(this.authKey.id, msgKey, encrypted));
    return msgId;
  }

  /** Receives packets until `count` messages arrived (containers flattened) or `timeoutMs` passed. */
  async receive(count = 1, timeoutMs = 3000): Promise<RawMessage[]> {
    const messages: RawMessage[] = [];
    const deadline = Date.now() + timeoutMs;
    while (messages.length < count) {
      const packet = await this.connection.readPacket(
        Math.max(1, deadline - Date.now()),
      );
      if (typeof packet === "string") break;
      const msgKey = packet.subarray(8, 24);
      const plain = createAesIgeForMessage(
        provider,
        this.authKey.key,
        msgKey,
        false,
      ).decrypt(packet.subarray(24));
      const expectedKey = provider.sha256(
        cat(this.authKey.key.subarray(96, 128), plain),
      ).subarray(8, 24);
      if (expectedKey.join() !== msgKey.join()) {
        throw new Error("server msg_key mismatch");
      }
      const reader = new TlBinaryReader(__tlReaderMap, plain, 16);
      messages.push(
        ...readMessages(
          reader.long(),
          reader.uint(),
          reader.raw(reader.uint()),
        ),
      );
    }
    return messages;
  }
}

function readMessages(
  msgId: Long,
  seqNo: number,
  body: Uint8Array,
): RawMessage[] {
  const reader = new TlBinaryReader(__tlReaderMap, body);
  const id = reader.uint();
  if (id === 0x73f1f8dc) {
    const out: RawMessage[] = [];
    for (let count = reader.uint(); count > 0; count--) {
      out.push(
        ...readMessages(
          reader.long(),
          reader.uint(),
          reader.raw(reader.uint()),
        ),
      );
    }
    return out;
  }
  if (id === 0xf35c6d01) {
    const reqMsgId = reader.long();
    return [{
      msgId,
      seqNo,
      object: { _: "rpc_result", reqMsgId, result: reader.object() },
    }];
  }
  return [{ msgId, seqNo, object: reader.object(id) as Obj }];
}
