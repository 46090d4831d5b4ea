/** The emulator's RSA key: generated once, optionally persisted, fingerprinted the way Telegram does. */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { join } from "node:path";
import type { RsaKeyPair } from "../contract.ts";
import { bigintFromBytes, sha1 } from "./crypto.ts";
import { TlBinaryWriter } from "@mtcute/core/utils.js";

const PRIVATE_FILE = "private.pem";
const PUBLIC_FILE = "public.pem";

function base64UrlToBytes(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

/** Telegram's key fingerprint: the lower 64 bits (little-endian) of SHA1(n as TL bytes + e as TL bytes). */
export function rsaFingerprint(publicKey: KeyObject): bigint {
  const jwk = publicKey.export({ format: "jwk" });
  const modulus = base64UrlToBytes(jwk.n!);
  const exponent = base64UrlToBytes(jwk.e!);
  const writer = TlBinaryWriter.manual(modulus.length + exponent.length + 16);
  writer.bytes(modulus);
  writer.bytes(exponent);
  const digest = sha1(writer.result());
  return bigintFromBytes(digest.subarray(12, 20).reverse());
}

/**
 * mtcute 0.30.3 indexes keys by the fingerprint's 16 hex digits but looks
 * them up with `toString(16)`, which drops leading zeros: a key whose
 * fingerprint starts with a zero nibble (1 in 16) is never found. Telegram's
 * own keys do not hit this, so the emulator avoids such keys too.
 */
function mtcuteCanFind(fingerprint: bigint): boolean {
  return fingerprint >> 60n !== 0n;
}

function pairFromPrivate(privateKey: KeyObject): RsaKeyPair {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" })
      .toString(),
    publicKeyPem: publicKey.export({ type: "pkcs1", format: "pem" }).toString(),
    fingerprint: rsaFingerprint(publicKey),
  };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** Loads the key pair from `stateDir` (PEM files) or creates a 2048-bit one (e = 65537) and stores it there. */
export async function loadOrCreateRsaKey(
  stateDir?: string,
): Promise<RsaKeyPair> {
  const stored = stateDir
    ? await readIfExists(join(stateDir, PRIVATE_FILE))
    : undefined;
  if (stored) return pairFromPrivate(createPrivateKey(stored));
  let pair: RsaKeyPair;
  do {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicExponent: 65537,
    });
    pair = pairFromPrivate(privateKey);
  } while (!mtcuteCanFind(pair.fingerprint));
  if (stateDir) {
    await Deno.mkdir(stateDir, { recursive: true });
    await Deno.writeTextFile(join(stateDir, PRIVATE_FILE), pair.privateKeyPem, {
      mode: 0o600,
    });
    await Deno.writeTextFile(join(stateDir, PUBLIC_FILE), pair.publicKeyPem);
  }
  return pair;
}
