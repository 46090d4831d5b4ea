/** Transport framing, written from the spec on the client side and parsed by the server side. */
import { createCipheriv } from "node:crypto";
import { concat, randomBytes } from "./crypto.ts";
import { crc32, TransportStream, TransportViolation } from "./transport.ts";
import { assert, assertEquals } from "../../assert.ts";

const MAX = 1 << 20;

function le32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, true);
  return out;
}

/** Feeds `bytes` in chunks of `chunk` bytes and collects the packets. */
function feed(
  stream: TransportStream,
  bytes: Uint8Array,
  chunk: number,
): Uint8Array[] {
  const packets: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    packets.push(...stream.receive(bytes.subarray(i, i + chunk)));
  }
  return packets;
}

const packets = [
  randomBytes(8),
  randomBytes(124),
  randomBytes(508),
  randomBytes(4096),
];

/** Client-side encodings, per core.telegram.org/mtproto/mtproto-transports. */
const clientEncodings: Record<
  string,
  {
    header: Uint8Array;
    frame: (packet: Uint8Array, index: number) => Uint8Array;
  }
> = {
  abridged: {
    header: Uint8Array.of(0xef),
    frame: (p) =>
      concat(
        p.length / 4 < 0x7f
          ? Uint8Array.of(p.length / 4)
          : concat(Uint8Array.of(0x7f), le32(p.length / 4).subarray(0, 3)),
        p,
      ),
  },
  intermediate: {
    header: le32(0xeeeeeeee),
    frame: (p) => concat(le32(p.length), p),
  },
  "padded intermediate": {
    header: le32(0xdddddddd),
    frame: (p) => concat(le32(p.length + 3), p, randomBytes(3)),
  },
  full: {
    header: new Uint8Array(0),
    frame: (p, index) => {
      const head = concat(le32(p.length + 12), le32(index), p);
      return concat(head, le32(crc32(head)));
    },
  },
};

for (const [name, encoding] of Object.entries(clientEncodings)) {
  Deno.test(`${name}: packets survive any chunking`, () => {
    for (const chunk of [1, 3, 1000, 1 << 20]) {
      const stream = new TransportStream(MAX);
      const bytes = concat(encoding.header, ...packets.map(encoding.frame));
      const received = feed(stream, bytes, chunk);
      assertEquals(stream.name, name);
      assertEquals(
        received.map((p) => p.subarray(0, packets[received.indexOf(p)].length)),
        packets,
      );
    }
  });
}

Deno.test("server frames are what the spec says", () => {
  const small = randomBytes(8), big = randomBytes(4 * 200);
  const abridged = new TransportStream(MAX);
  abridged.receive(Uint8Array.of(0xef));
  assertEquals(abridged.encode(small), concat(Uint8Array.of(2), small));
  assertEquals(
    abridged.encode(big),
    concat(Uint8Array.of(0x7f, 200, 0, 0), big),
  );
  const intermediate = new TransportStream(MAX);
  intermediate.receive(le32(0xeeeeeeee));
  assertEquals(intermediate.encode(small), concat(le32(8), small));
  assertEquals(intermediate.encodeError(404), concat(le32(4), le32(-404)));
  const full = new TransportStream(MAX);
  full.receive(clientEncodings.full.frame(small, 0));
  const framed = full.encode(small);
  assertEquals(framed.subarray(0, 8), concat(le32(20), le32(0)));
  assertEquals(framed.subarray(16), le32(crc32(framed.subarray(0, 16))));
});

Deno.test("obfuscated2: the init header picks the framing and keys both directions", () => {
  let init: Uint8Array;
  do init = randomBytes(64); while (
    init[0] === 0xef || new DataView(init.buffer).getUint32(4, true) === 0
  );
  init.set(le32(0xeeeeeeee), 56);
  const reversed = init.slice(8, 56).reverse();
  const encrypt = createCipheriv(
    "aes-256-ctr",
    init.subarray(8, 40),
    init.subarray(40, 56),
  );
  const decrypt = createCipheriv(
    "aes-256-ctr",
    reversed.subarray(0, 32),
    reversed.subarray(32, 48),
  );
  const encryptedInit = new Uint8Array(encrypt.update(init));
  const header = concat(init.subarray(0, 56), encryptedInit.subarray(56));
  const packet = randomBytes(64);
  const stream = new TransportStream(MAX);
  const received = feed(
    stream,
    concat(header, new Uint8Array(encrypt.update(concat(le32(64), packet)))),
    7,
  );
  assertEquals(stream.name, "obfuscated intermediate");
  assertEquals(received, [packet]);
  const reply = new Uint8Array(decrypt.update(stream.encode(packet)));
  assertEquals(reply, concat(le32(64), packet));
});

function violation(stream: TransportStream, bytes: Uint8Array): boolean {
  try {
    stream.receive(bytes);
    return false;
  } catch (error) {
    return error instanceof TransportViolation;
  }
}

Deno.test("oversized, empty and unknown transports are violations", () => {
  assert(
    violation(new TransportStream(1024), concat(le32(0xeeeeeeee), le32(1028))),
    "oversized intermediate",
  );
  assert(
    violation(
      new TransportStream(1024),
      Uint8Array.of(0xef, 0x7f, 0x01, 0x01, 0x00),
    ),
    "oversized abridged",
  );
  assert(
    violation(new TransportStream(1024), concat(le32(0xeeeeeeee), le32(0))),
    "empty packet",
  );
  assert(
    violation(
      new TransportStream(1024),
      new TextEncoder().encode("GET / HTTP/1.1\r\n"),
    ),
    "HTTP",
  );
  const bogusObfuscated = randomBytes(64);
  bogusObfuscated[0] = 1;
  bogusObfuscated[4] = 1;
  // A random header decrypts to an unknown tag with overwhelming probability.
  assert(
    violation(new TransportStream(1024), bogusObfuscated),
    "unknown obfuscated tag",
  );
  const full = new TransportStream(1024);
  const frame = clientEncodings.full.frame(randomBytes(8), 0);
  frame[frame.length - 1] ^= 1;
  assert(violation(full, frame), "bad CRC");
});
