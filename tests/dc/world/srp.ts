/**
 * The server side of Telegram's 2FA SRP (core.telegram.org/api/srp), algorithm
 * `passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow`.
 * The server keeps only the verifier v = g^x mod p, never the password.
 */
import { createHash, pbkdf2, randomBytes, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { Long, type tl } from "@mtcute/core";

const pbkdf2Async = promisify(pbkdf2);

/** The 2048-bit safe prime Telegram uses for both DH and SRP. */
const SRP_PRIME =
  0xC71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F48198A0AA7C14058229493D22530F4DBFA336F6E0AC925139543AED44CCE7C3720FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F642477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4A4A695811051907E162753B56B0F6B410DBA74D8A84B2A14B3144E0EF1284754FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959D956850CE929851F0D8115F635B105EE2E4E15D04B2454BF6F4FADF034B10403119CD8E3B92FCC5Bn;
const SRP_GENERATOR = 3;
const NUMBER_BYTES = 256;

/** What the server stores for a 2FA password. */
export interface PasswordVerifier {
  salt1: Uint8Array;
  salt2: Uint8Array;
  verifier: bigint;
  hint?: string;
}

/** One `account.getPassword` answer's secret half, kept until `auth.checkPassword`. */
export interface SrpChallenge {
  srpId: Long;
  b: bigint;
  srpB: Uint8Array;
}

function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(
    "0x" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""),
  );
}

function toBytes(value: bigint, length = NUMBER_BYTES): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, "0");
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= 1n;
  }
  return result;
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((byte, i) => byte ^ b[i]);
}

/** x = PH2(password, salt1, salt2), the client's secret exponent. */
async function passwordExponent(
  password: string,
  salt1: Uint8Array,
  salt2: Uint8Array,
): Promise<bigint> {
  const saltedHash = (data: Uint8Array, salt: Uint8Array) =>
    sha256(salt, data, salt);
  const ph1 = saltedHash(
    saltedHash(new TextEncoder().encode(password), salt1),
    salt2,
  );
  const stretched = new Uint8Array(
    await pbkdf2Async(ph1, salt1, 100_000, 64, "sha512"),
  );
  return toBigInt(saltedHash(stretched, salt2));
}

const generatorBytes = toBytes(BigInt(SRP_GENERATOR));
const primeBytes = toBytes(SRP_PRIME);
/** k = H(p | g), SRP's multiplier parameter. */
const multiplier = toBigInt(sha256(primeBytes, generatorBytes));

/** Creates the verifier for a new password (random salts, like a client setting 2FA up). */
export async function createPasswordVerifier(
  password: string,
  hint?: string,
): Promise<PasswordVerifier> {
  const salt1 = new Uint8Array(randomBytes(40));
  const salt2 = new Uint8Array(randomBytes(16));
  const x = await passwordExponent(password, salt1, salt2);
  return {
    salt1,
    salt2,
    verifier: modPow(BigInt(SRP_GENERATOR), x, SRP_PRIME),
    hint,
  };
}

/** The algorithm description clients need to hash the password. */
export function passwordAlgo(
  verifier?: Pick<PasswordVerifier, "salt1" | "salt2">,
): tl.RawPasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow {
  return {
    _: "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow",
    // a new password's salt1 is extended by the client with 32 random bytes
    salt1: verifier?.salt1 ?? new Uint8Array(randomBytes(8)),
    salt2: verifier?.salt2 ?? new Uint8Array(randomBytes(16)),
    g: SRP_GENERATOR,
    p: primeBytes,
  };
}

/** Starts a login attempt: B = k·v + g^b mod p. */
export function createSrpChallenge(password: PasswordVerifier): SrpChallenge {
  const b = toBigInt(new Uint8Array(randomBytes(NUMBER_BYTES))) % SRP_PRIME;
  const gB = (multiplier * password.verifier +
    modPow(BigInt(SRP_GENERATOR), b, SRP_PRIME)) % SRP_PRIME;
  const srpId = Long.fromBytesLE([...randomBytes(8)]);
  return { srpId, b, srpB: toBytes(gB) };
}

/** Checks the client's proof M1 for A, recomputing S = (A·v^u)^b mod p on the server side. */
export function verifySrpProof(
  password: PasswordVerifier,
  challenge: SrpChallenge,
  proof: { A: Uint8Array; M1: Uint8Array },
): boolean {
  const a = toBigInt(proof.A);
  if (a <= 1n || a >= SRP_PRIME - 1n) return false;
  const paddedA = toBytes(a);
  const u = toBigInt(sha256(paddedA, challenge.srpB));
  const s = modPow(
    (a * modPow(password.verifier, u, SRP_PRIME)) % SRP_PRIME,
    challenge.b,
    SRP_PRIME,
  );
  const sessionKey = sha256(toBytes(s));
  const expected = sha256(
    xor(sha256(primeBytes), sha256(generatorBytes)),
    sha256(password.salt1),
    sha256(password.salt2),
    paddedA,
    challenge.srpB,
    sessionKey,
  );
  return proof.M1.length === expected.length &&
    timingSafeEqual(proof.M1, expected);
}
