/** The handshake's number theory: Telegram's DH group, the safety range for g_a/g_b, and pq. */
import { bigintFromBytes, modPow, randomBytes } from "./crypto.ts";

/** Telegram's 2048-bit safe prime for the handshake's Diffie-Hellman exchange. */
export const DH_PRIME = BigInt(
  "0xC71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F48198A0AA7C14058229493D22530F4DBFA336F6E0AC925139543AED44CCE7C3720FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F642477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4A4A695811051907E162753B56B0F6B410DBA74D8A84B2A14B3144E0EF1284754FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959D956850CE929851F0D8115F635B105EE2E4E15D04B2454BF6F4FADF034B10403119CD8E3B92FCC5B",
);
/** The generator Telegram uses with DH_PRIME (DH_PRIME mod 3 = 2, so 3 generates the prime-order subgroup). */
export const DH_G = 3;
/** g_a and g_b must lie in (2^{2048-64}, dh_prime - 2^{2048-64}). */
export const DH_SAFETY_MARGIN = 2n ** (2048n - 64n);

function isProbablePrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const small of [2n, 3n, 5n, 7n, 11n, 13n]) {
    if (n % small === 0n) return n === small;
  }
  let d = n - 1n;
  let s = 0;
  while (d % 2n === 0n) (d /= 2n, s++);
  // These bases make Miller-Rabin deterministic below 3.4e14, far above the 31-bit factors used here.
  witness: for (const a of [2n, 3n, 5n, 7n, 11n, 13n, 17n]) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 1; i < s; i++) {
      x = (x * x) % n;
      if (x === n - 1n) continue witness;
    }
    return false;
  }
  return true;
}

function randomPrime31(): bigint {
  for (;;) {
    const candidate = (bigintFromBytes(randomBytes(4)) & 0x3fffffffn) |
      0x40000001n;
    if (isProbablePrime(candidate)) return candidate;
  }
}

/** Two distinct ~31-bit primes, smaller first; their product is the pq a client must factor. */
export function generatePq(): { p: bigint; q: bigint } {
  for (;;) {
    const [p, q] = [randomPrime31(), randomPrime31()].sort((
      x,
      y,
    ) => (x < y ? -1 : x > y ? 1 : 0));
    if (p !== q) return { p, q };
  }
}

/** 1 < x < p - 1 and, tighter, 2^{2048-64} < x < p - 2^{2048-64}. */
export function inSafeRange(x: bigint): boolean {
  return x > 1n && x < DH_PRIME - 1n && x > DH_SAFETY_MARGIN &&
    x < DH_PRIME - DH_SAFETY_MARGIN;
}
