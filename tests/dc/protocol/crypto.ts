/**
 * The cryptographic primitives MTProto 2.0 needs on the server side: hashes,
 * AES-256-IGE, the message key and AES key derivations, big integers and raw
 * RSA decryption.
 */
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { createHash, privateDecrypt, randomFillSync } from "node:crypto";
import { constants, type KeyObject } from "node:crypto";

/** SHA-1 of the concatenated parts. */
export function sha1(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

/** SHA-256 of the concatenated parts. */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

/** Cryptographically secure random bytes. */
export function randomBytes(length: number): Uint8Array {
  return randomFillSync(new Uint8Array(length));
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** XOR of two equally long byte arrays. */
export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((byte, i) => byte ^ b[i]);
}

/** Constant-time-ish equality of two byte arrays (lengths are public). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join(
    "",
  );
}

/** Big-endian bytes → non-negative bigint. */
export function bigintFromBytes(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt("0x" + toHex(bytes));
}

/** Non-negative bigint → big-endian bytes; minimal length unless `length` is given. */
export function bigintToBytes(value: bigint, length?: number): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  const minimal = Uint8Array.from(
    hex.match(/../g) ?? [],
    (pair) => parseInt(pair, 16),
  );
  if (length === undefined) return minimal;
  if (minimal.length > length) throw new RangeError("value does not fit");
  const out = new Uint8Array(length);
  out.set(minimal, length - minimal.length);
  return out;
}

/** `base^exponent mod modulus` (exponent ≥ 0). */
export function modPow(
  base: bigint,
  exponent: bigint,
  modulus: bigint,
): bigint {
  // Fixed 4-bit windows: a quarter of the multiplications of bit-by-bit
  // square-and-multiply, which matters for the handshake's 2048-bit exponents.
  const table = [1n % modulus, base % modulus];
  for (let i = 2; i < 16; i++) table.push((table[i - 1] * table[1]) % modulus);
  let result = 1n % modulus;
  const hex = exponent.toString(16);
  for (let i = 0; i < hex.length; i++) {
    if (i > 0) {
      for (let s = 0; s < 4; s++) result = (result * result) % modulus;
    }
    const digit = parseInt(hex[i], 16);
    if (digit) result = (result * table[digit]) % modulus;
  }
  return result;
}

// mtcute's WASM AES-IGE: node:crypto has no IGE mode, and chaining its ECB one 16-byte block
// at a time costs over a second per MiB, which made file transfers crawl.
const wasm = new NodeCryptoProvider();
await wasm.initialize();

function checkIgeInput(data: Uint8Array, key: Uint8Array, iv: Uint8Array) {
  if (key.length !== 32 || iv.length !== 32) {
    throw new RangeError("AES-256-IGE needs a 32-byte key and iv");
  }
  if (data.length % 16 !== 0) {
    throw new RangeError("AES-IGE data must be a multiple of 16 bytes");
  }
}

/** AES-256-IGE encryption as MTProto defines it (32-byte iv). */
export function aesIgeEncrypt(
  data: Uint8Array,
  key: Uint8Array,
  iv: Uint8Array,
): Uint8Array {
  checkIgeInput(data, key, iv);
  return wasm.createAesIge(key, iv).encrypt(data);
}

/** AES-256-IGE decryption as MTProto defines it (32-byte iv). */
export function aesIgeDecrypt(
  data: Uint8Array,
  key: Uint8Array,
  iv: Uint8Array,
): Uint8Array {
  checkIgeInput(data, key, iv);
  return wasm.createAesIge(key, iv).decrypt(data);
}

/** Who encrypted a message: x = 0 for client → server, x = 8 for server → client. */
export type Direction = "client" | "server";

function directionOffset(direction: Direction): number {
  return direction === "client" ? 0 : 8;
}

/** MTProto 2.0 msg_key: the middle 128 bits of SHA256(auth_key[88+x:120+x] + plaintext). */
export function messageKey(
  authKey: Uint8Array,
  plaintext: Uint8Array,
  direction: Direction,
): Uint8Array {
  const x = directionOffset(direction);
  return sha256(authKey.subarray(88 + x, 120 + x), plaintext).subarray(8, 24);
}

/** MTProto 2.0 AES key and iv for a message with the given msg_key. */
export function messageAesKeyIv(
  authKey: Uint8Array,
  msgKey: Uint8Array,
  direction: Direction,
): { key: Uint8Array; iv: Uint8Array } {
  const x = directionOffset(direction);
  const a = sha256(msgKey, authKey.subarray(x, x + 36));
  const b = sha256(authKey.subarray(40 + x, 76 + x), msgKey);
  return {
    key: concat(a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)),
    iv: concat(b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)),
  };
}

/** The handshake's temporary AES key and iv, derived from new_nonce and server_nonce. */
export function nonceAesKeyIv(
  newNonce: Uint8Array,
  serverNonce: Uint8Array,
): { key: Uint8Array; iv: Uint8Array } {
  const newServer = sha1(newNonce, serverNonce);
  const serverNew = sha1(serverNonce, newNonce);
  const newNew = sha1(newNonce, newNonce);
  return {
    key: concat(newServer, serverNew.subarray(0, 12)),
    iv: concat(serverNew.subarray(12, 20), newNew, newNonce.subarray(0, 4)),
  };
}

/** Textbook RSA decryption (`c^d mod n`) of a 256-byte block; throws if `c >= n`. */
export function rsaDecryptRaw(
  privateKey: KeyObject,
  data: Uint8Array,
): Uint8Array {
  const plain = privateDecrypt({
    key: privateKey,
    padding: constants.RSA_NO_PADDING,
  }, data);
  return bigintToBytes(bigintFromBytes(new Uint8Array(plain)), 256);
}
