/**
 * Small files of each media kind for end-to-end tests: a real header the
 * emulator (and clients) recognise, then bytes no two samples share, so a
 * download that returns another file's bytes cannot pass.
 */

/** `header` followed by `length` bytes of a pattern seeded by `seed`. */
function withBody(
  header: number[],
  seed: number,
  length = 2048,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(header.length + length);
  bytes.set(header);
  let x = seed;
  for (let i = header.length; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const uint32be = (value: number) => [
  value >>> 24,
  (value >>> 16) & 0xff,
  (value >>> 8) & 0xff,
  value & 0xff,
];
const uint16be = (value: number) => [value >> 8, value & 0xff];
const uint16le = (value: number) => [value & 0xff, value >> 8];
const uint24le = (value: number) => [
  value & 0xff,
  (value >> 8) & 0xff,
  value >> 16,
];

/** A PNG whose IHDR says `width`×`height`. */
export function png(
  width: number,
  height: number,
  seed = 1,
): Uint8Array<ArrayBuffer> {
  return withBody([
    0x89,
    ...ascii("PNG\r\n\x1a\n"),
    ...uint32be(13),
    ...ascii("IHDR"),
    ...uint32be(width),
    ...uint32be(height),
  ], seed);
}

/** A JPEG whose start-of-frame says `width`×`height` (a document thumbnail). */
export function jpeg(
  width: number,
  height: number,
  seed = 2,
): Uint8Array<ArrayBuffer> {
  return withBody(
    [
      0xff,
      0xd8,
      0xff,
      0xc0,
      ...uint16be(17),
      8,
      ...uint16be(height),
      ...uint16be(width),
    ],
    seed,
    512,
  );
}

/** A GIF whose screen descriptor says `width`×`height`. */
export function gif(
  width: number,
  height: number,
  seed = 3,
): Uint8Array<ArrayBuffer> {
  return withBody(
    [...ascii("GIF89a"), ...uint16le(width), ...uint16le(height)],
    seed,
  );
}

/** An extended WebP (VP8X) of `width`×`height`: a sticker. */
export function webp(
  width: number,
  height: number,
  seed = 4,
): Uint8Array<ArrayBuffer> {
  return withBody([
    ...ascii("RIFF"),
    ...[0, 0, 0, 0],
    ...ascii("WEBPVP8X"),
    ...[10, 0, 0, 0],
    ...[0, 0, 0, 0],
    ...uint24le(width - 1),
    ...uint24le(height - 1),
  ], seed);
}

/** An MP4 (its `ftyp` box): a video, an animation or a video note. */
export function mp4(seed = 5): Uint8Array<ArrayBuffer> {
  return withBody([0, 0, 0, 0x18, ...ascii("ftypisom")], seed);
}

/** An Ogg stream's first page signature: a voice message. */
export function ogg(seed = 6): Uint8Array<ArrayBuffer> {
  return withBody(ascii("OggS"), seed);
}

/** An MP3 with an ID3 tag: a music file. */
export function mp3(seed = 7): Uint8Array<ArrayBuffer> {
  return withBody(ascii("ID3\x03\x00"), seed);
}

/** A gzip stream's header: an animated (TGS, gzipped Lottie) sticker. */
export function tgs(seed = 8): Uint8Array<ArrayBuffer> {
  return withBody([0x1f, 0x8b, 0x08, 0x00], seed);
}

/** A WebM's EBML header: a video sticker. */
export function webm(seed = 9): Uint8Array<ArrayBuffer> {
  return withBody([0x1a, 0x45, 0xdf, 0xa3], seed);
}
