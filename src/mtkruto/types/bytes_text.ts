/** Telegram byte strings that MTKruto shows as text (callback data, invoice payloads; types.md §2). */

// Not fatal: MTKruto's decoding never fails, invalid sequences become U+FFFD.
const decoder = new TextDecoder();

/** `bytes` decoded as UTF-8, invalid sequences replaced rather than rejected. */
export function bytesAsText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
