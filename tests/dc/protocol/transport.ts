/**
 * MTProto TCP transports, server side: abridged (0xef), intermediate
 * (0xeeeeeeee), padded intermediate (0xdddddddd) and full, each optionally
 * wrapped in obfuscation2. The transport is detected from the first bytes the
 * client sends; afterwards `TransportStream` turns the byte stream into packets
 * and packets into bytes.
 */
import { createCipheriv } from "node:crypto";
import { concat, randomBytes } from "./crypto.ts";

/** The client broke the transport (bad header, oversized or malformed packet): close the connection. */
export class TransportViolation extends Error {
  override name = "TransportViolation";
}

/** Splits a plaintext byte stream into packets and frames outgoing packets. */
interface Framing {
  readonly name: string;
  /** Cuts one packet off the front of `buffer`, or returns undefined when more bytes are needed. */
  decode(
    buffer: Uint8Array,
    maxPacketBytes: number,
  ): { packet: Uint8Array; consumed: number } | undefined;
  encode(packet: Uint8Array): Uint8Array;
}

function checkLength(length: number, maxPacketBytes: number): void {
  if (length > maxPacketBytes) {
    throw new TransportViolation(
      `packet of ${length} bytes exceeds ${maxPacketBytes}`,
    );
  }
  if (length === 0) throw new TransportViolation("empty packet");
}

function le32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, true);
  return out;
}

function readLe32(buffer: Uint8Array, offset: number): number {
  return new DataView(buffer.buffer, buffer.byteOffset + offset, 4).getUint32(
    0,
    true,
  );
}

class AbridgedFraming implements Framing {
  readonly name = "abridged";
  decode(buffer: Uint8Array, maxPacketBytes: number) {
    if (buffer.length < 1) return undefined;
    // The top bit of the first byte asks for a quick ack, which this server does not send.
    const short = buffer[0] & 0x7f;
    let header = 1;
    let words = short;
    if (short === 0x7f) {
      if (buffer.length < 4) return undefined;
      header = 4;
      words = buffer[1] | (buffer[2] << 8) | (buffer[3] << 16);
    }
    checkLength(words * 4, maxPacketBytes);
    if (buffer.length < header + words * 4) return undefined;
    return {
      packet: buffer.slice(header, header + words * 4),
      consumed: header + words * 4,
    };
  }
  encode(packet: Uint8Array): Uint8Array {
    const words = packet.length / 4;
    const header = words < 0x7f ? Uint8Array.of(words) : Uint8Array.of(
      0x7f,
      words & 0xff,
      (words >> 8) & 0xff,
      (words >> 16) & 0xff,
    );
    return concat(header, packet);
  }
}

class IntermediateFraming implements Framing {
  constructor(
    readonly name: "intermediate" | "padded intermediate",
    private readonly padded: boolean,
  ) {}
  decode(buffer: Uint8Array, maxPacketBytes: number) {
    if (buffer.length < 4) return undefined;
    const length = readLe32(buffer, 0) & 0x7fffffff; // top bit: quick ack request
    checkLength(length, maxPacketBytes);
    if (buffer.length < 4 + length) return undefined;
    return { packet: buffer.slice(4, 4 + length), consumed: 4 + length };
  }
  encode(packet: Uint8Array): Uint8Array {
    const padding = this.padded
      ? randomBytes(randomBytes(1)[0] % 16)
      : new Uint8Array(0);
    return concat(le32(packet.length + padding.length), packet, padding);
  }
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC32 (IEEE), as the full transport uses. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** length (incl. 12 header/trailer bytes), sequence number, payload, CRC32 of everything before it. */
class FullFraming implements Framing {
  readonly name = "full";
  private receiveSeq = 0;
  private sendSeq = 0;
  decode(buffer: Uint8Array, maxPacketBytes: number) {
    if (buffer.length < 4) return undefined;
    const total = readLe32(buffer, 0);
    if (total < 12 || total % 4 !== 0) {
      throw new TransportViolation(`bad full transport length ${total}`);
    }
    checkLength(total - 12, maxPacketBytes);
    if (buffer.length < total) return undefined;
    if (readLe32(buffer, 4) !== this.receiveSeq++) {
      throw new TransportViolation("full transport seqno mismatch");
    }
    if (readLe32(buffer, total - 4) !== crc32(buffer.subarray(0, total - 4))) {
      throw new TransportViolation("full transport CRC mismatch");
    }
    return { packet: buffer.slice(8, total - 4), consumed: total };
  }
  encode(packet: Uint8Array): Uint8Array {
    const head = concat(le32(packet.length + 12), le32(this.sendSeq++), packet);
    return concat(head, le32(crc32(head)));
  }
}

/** AES-256-CTR keystream of one direction of an obfuscated connection. */
type StreamCipher = (data: Uint8Array) => Uint8Array;

function ctr(key: Uint8Array, iv: Uint8Array): StreamCipher {
  const cipher = createCipheriv("aes-256-ctr", key, iv);
  return (data) => new Uint8Array(cipher.update(data));
}

const OBFUSCATED_HEADER = 64;
/** First words a client must never start an obfuscated stream with (HTTP verbs, TLS, plain transport tags). */
const FORBIDDEN_FIRST_WORDS = new Set([
  0x44414548,
  0x54534f50,
  0x20544547,
  0x4954504f,
  0x02010316,
]);

function framingForTag(tag: number): Framing | undefined {
  switch (tag) {
    case 0xefefefef:
      return new AbridgedFraming();
    case 0xeeeeeeee:
      return new IntermediateFraming("intermediate", false);
    case 0xdddddddd:
      return new IntermediateFraming("padded intermediate", true);
  }
  return undefined;
}

interface Detected {
  framing: Framing;
  /** Bytes of the stream that belonged to the transport header. */
  headerLength: number;
  decrypt?: StreamCipher;
  encrypt?: StreamCipher;
}

/** Recognizes the transport from the first bytes; undefined means "send more bytes". */
export function detectTransport(head: Uint8Array): Detected | undefined {
  if (head.length < 1) return undefined;
  if (head[0] === 0xef) {
    return { framing: new AbridgedFraming(), headerLength: 1 };
  }
  if (head.length < 4) return undefined;
  const first = readLe32(head, 0);
  const plainTag = first === 0xeeeeeeee || first === 0xdddddddd
    ? framingForTag(first)
    : undefined;
  if (plainTag) return { framing: plainTag, headerLength: 4 };
  if (FORBIDDEN_FIRST_WORDS.has(first)) {
    throw new TransportViolation("HTTP/TLS transports are not supported");
  }
  if (head.length < 8) return undefined;
  // The full transport starts with a length and sequence number 0; obfuscation forbids a zero second word.
  if (readLe32(head, 4) === 0) {
    return { framing: new FullFraming(), headerLength: 0 };
  }
  if (head.length < OBFUSCATED_HEADER) return undefined;
  const init = head.subarray(0, OBFUSCATED_HEADER);
  const reversed = init.slice(8, 56).reverse();
  const decrypt = ctr(init.subarray(8, 40), init.subarray(40, 56));
  const encrypt = ctr(reversed.subarray(0, 32), reversed.subarray(32, 48));
  const framing = framingForTag(readLe32(decrypt(init), 56));
  if (!framing) throw new TransportViolation("unknown transport");
  return { framing, headerLength: OBFUSCATED_HEADER, decrypt, encrypt };
}

/** A growable FIFO of bytes. */
class ByteQueue {
  private data = new Uint8Array(4096);
  private start = 0;
  private end = 0;
  get bytes(): Uint8Array {
    return this.data.subarray(this.start, this.end);
  }
  push(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.data.length) {
      const live = this.bytes;
      const grown = new Uint8Array(
        Math.max(this.data.length, (live.length + chunk.length) * 2),
      );
      grown.set(live);
      this.data = grown;
      this.start = 0;
      this.end = live.length;
    }
    this.data.set(chunk, this.end);
    this.end += chunk.length;
  }
  drop(count: number): void {
    this.start += count;
    if (this.start === this.end) this.start = this.end = 0;
  }
}

/** One connection's transport state: detection, de-obfuscation, framing. */
export class TransportStream {
  private readonly pending = new ByteQueue();
  private detected: Detected | undefined;

  constructor(private readonly maxPacketBytes: number) {}

  /** The detected transport's name, e.g. `obfuscated intermediate`. */
  get name(): string | undefined {
    if (!this.detected) return undefined;
    return (this.detected.decrypt ? "obfuscated " : "") +
      this.detected.framing.name;
  }

  /** Feeds received bytes and returns the complete packets; throws `TransportViolation`. */
  receive(chunk: Uint8Array): Uint8Array[] {
    if (this.detected?.decrypt) chunk = this.detected.decrypt(chunk);
    this.pending.push(chunk);
    if (!this.detected) {
      this.detected = detectTransport(this.pending.bytes);
      if (!this.detected) return [];
      const rest = this.pending.bytes.slice(this.detected.headerLength);
      this.pending.drop(this.pending.bytes.length);
      this.pending.push(
        this.detected.decrypt ? this.detected.decrypt(rest) : rest,
      );
    }
    const packets: Uint8Array[] = [];
    for (;;) {
      const next = this.detected.framing.decode(
        this.pending.bytes,
        this.maxPacketBytes,
      );
      if (!next) return packets;
      this.pending.drop(next.consumed);
      packets.push(next.packet);
    }
  }

  /** Frames (and obfuscates) one outgoing packet. */
  encode(packet: Uint8Array): Uint8Array {
    if (!this.detected) throw new Error("transport not detected yet");
    const framed = this.detected.framing.encode(packet);
    return this.detected.encrypt ? this.detected.encrypt(framed) : framed;
  }

  /** Frames a transport error: the negated code as a 4-byte packet. */
  encodeError(code: number): Uint8Array | undefined {
    if (!this.detected) return undefined;
    const packet = new Uint8Array(4);
    new DataView(packet.buffer).setInt32(0, -Math.abs(code), true);
    return this.encode(packet);
  }
}
