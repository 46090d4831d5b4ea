/**
 * p_q_inner_data as the client encrypts it for req_DH_params: RSA_PAD (the
 * current scheme) or the old SHA1 + data + padding, and the four constructor
 * variants (with or without dc, permanent or temporary key).
 */
import { TlBinaryReader } from "@mtcute/core/utils.js";
import { aesIgeDecrypt, bytesEqual, sha1, sha256, xor } from "./crypto.ts";

const INNER_DATA = new Map<number, { dc: boolean; temp: boolean }>([
  [0x83c95aec, { dc: false, temp: false }], // p_q_inner_data
  [0xa9f55f95, { dc: true, temp: false }], // p_q_inner_data_dc
  [0x3c6a84d4, { dc: false, temp: true }], // p_q_inner_data_temp
  [0x56fddf88, { dc: true, temp: true }], // p_q_inner_data_temp_dc
]);
/** A decrypted p_q_inner_data. */
export interface InnerData {
  pq: Uint8Array;
  p: Uint8Array;
  q: Uint8Array;
  nonce: Uint8Array;
  serverNonce: Uint8Array;
  newNonce: Uint8Array;
  dc?: number;
  expiresIn?: number;
  /** Serialized length, to check the hash over exactly these bytes. */
  length: number;
}

function readInnerData(data: Uint8Array): InnerData | undefined {
  try {
    const reader = TlBinaryReader.manual(data);
    const kind = INNER_DATA.get(reader.uint());
    if (!kind) return undefined;
    const inner = {
      pq: reader.bytes(),
      p: reader.bytes(),
      q: reader.bytes(),
      nonce: reader.int128(),
      serverNonce: reader.int128(),
      newNonce: reader.int256(),
      dc: kind.dc ? reader.int() : undefined,
      expiresIn: kind.temp ? reader.int() : undefined,
    };
    return reader.pos <= data.length
      ? { ...inner, length: reader.pos }
      : undefined;
  } catch {
    return undefined;
  }
}

/** RSA_PAD, the current scheme: AES-IGE under a temporary key, with SHA256 binding key and data. */
export function unwrapRsaPad(decrypted: Uint8Array): InnerData | undefined {
  const tempKey = xor(
    decrypted.subarray(0, 32),
    sha256(decrypted.subarray(32)),
  );
  const dataWithHash = aesIgeDecrypt(
    decrypted.subarray(32),
    tempKey,
    new Uint8Array(32),
  );
  const dataWithPadding = dataWithHash.slice(0, 192).reverse();
  if (
    !bytesEqual(sha256(tempKey, dataWithPadding), dataWithHash.subarray(192))
  ) return undefined;
  return readInnerData(dataWithPadding);
}

/** The old scheme: SHA1(data) + data + random padding, 255 bytes in all. */
export function unwrapSha1Padding(
  decrypted: Uint8Array,
): InnerData | undefined {
  if (decrypted[0] !== 0) return undefined;
  const inner = readInnerData(decrypted.subarray(21));
  if (
    !inner ||
    !bytesEqual(
      sha1(decrypted.subarray(21, 21 + inner.length)),
      decrypted.subarray(1, 21),
    )
  ) {
    return undefined;
  }
  return inner;
}
