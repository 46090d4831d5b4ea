/**
 * What the emulator can learn about an image without decoding it: its
 * dimensions from the PNG, JPEG, GIF or WebP header, and the photo sizes
 * Telegram would list for it.
 */
import type { tl } from "@mtcute/core";

/** Width and height of an image. */
export interface Dimensions {
  w: number;
  h: number;
}

const NO_SIZE: Dimensions = { w: 0, h: 0 };

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function jpegSize(bytes: Uint8Array, view: DataView): Dimensions {
  let offset = 2;
  while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1];
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf &&
      ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isStartOfFrame) {
      return { w: view.getUint16(offset + 7), h: view.getUint16(offset + 5) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return NO_SIZE;
}

function webpSize(bytes: Uint8Array, view: DataView): Dimensions {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === "VP8 " && bytes.length >= 30) {
    return {
      w: view.getUint16(26, true) & 0x3fff,
      h: view.getUint16(28, true) & 0x3fff,
    };
  }
  if (chunk === "VP8L" && bytes.length >= 25) {
    // 14 bits of width-1, then 14 bits of height-1, after the 0x2f signature
    const bits = view.getUint32(21, true);
    return { w: (bits & 0x3fff) + 1, h: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X" && bytes.length >= 30) {
    const uint24 = (at: number) =>
      bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
    return { w: uint24(24) + 1, h: uint24(27) + 1 };
  }
  return NO_SIZE;
}

/** Width and height of a PNG, JPEG, GIF or WebP, or 0×0 when the bytes are something else. */
export function imageSize(bytes: Uint8Array): Dimensions {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    return { w: view.getUint32(16), h: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes, view);
  if (bytes.length >= 10 && ascii(bytes, 0, 4) === "GIF8") {
    return { w: view.getUint16(6, true), h: view.getUint16(8, true) };
  }
  if (
    bytes.length >= 16 && ascii(bytes, 0, 4) === "RIFF" &&
    ascii(bytes, 8, 4) === "WEBP"
  ) {
    return webpSize(bytes, view);
  }
  return NO_SIZE;
}

/** Telegram's photo size types and the square box each is scaled to fit (core.telegram.org/api/files#image-thumbnail-types). */
const PHOTO_BOXES: readonly [type: string, box: number][] = [
  ["s", 100],
  ["m", 320],
  ["x", 800],
  ["y", 1280],
  ["w", 2560],
];

function fit(size: Dimensions, box: number): Dimensions {
  const scale = Math.min(1, box / Math.max(size.w, size.h, 1));
  return { w: Math.round(size.w * scale), h: Math.round(size.h * scale) };
}

/**
 * The `photoSize`s of a photo, smallest first: `s`, `m` and `x` always, `y`
 * and `w` when the original is bigger than the previous box. The emulator
 * cannot rescale, so every size serves the original bytes and reports their
 * length; only `w`/`h` are scaled to the box.
 */
export function photoSizes(
  size: Dimensions,
  byteLength: number,
): tl.RawPhotoSize[] {
  const longest = Math.max(size.w, size.h);
  return PHOTO_BOXES.filter((_, index) =>
    index < 3 || longest > PHOTO_BOXES[index - 1][1]
  ).map(([type, box]) => ({
    _: "photoSize",
    type,
    ...fit(size, box),
    size: byteLength,
  }));
}
