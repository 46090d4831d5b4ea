/** The crypto primitives against published vectors and against mtcute's independent implementations. */
import {
  createAesIgeForMessage,
  generateKeyAndIvFromNonce,
  parsePublicKey,
} from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import {
  constants,
  createCipheriv,
  createPublicKey,
  publicEncrypt,
} from "node:crypto";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  bigintFromBytes,
  bigintToBytes,
  messageAesKeyIv,
  messageKey,
  modPow,
  nonceAesKeyIv,
  randomBytes,
  rsaDecryptRaw,
  sha256,
  toHex,
} from "./crypto.ts";
import { createPrivateKey } from "node:crypto";
import { assertEquals } from "../../assert.ts";
import { testRsaKey } from "./_test_support.ts";

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

async function mtcuteCrypto(): Promise<NodeCryptoProvider> {
  const provider = new NodeCryptoProvider();
  await provider.initialize();
  return provider;
}

Deno.test("AES-256-IGE of one block with a zero iv is the FIPS-197 AES-256 vector", () => {
  // FIPS-197 appendix C.3; with y_0 = x_0 = 0, IGE of a single block is the bare block cipher.
  const key = fromHex(
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
  );
  const plain = fromHex("00112233445566778899aabbccddeeff");
  const cipher = aesIgeEncrypt(plain, key, new Uint8Array(32));
  assertEquals(toHex(cipher), "8ea2b7ca516745bfeafc49904b496089");
  assertEquals(aesIgeDecrypt(cipher, key, new Uint8Array(32)), plain);
});

/** IGE straight from its definition over node:crypto's raw block cipher: an independent reference. */
function igeReference(
  data: Uint8Array,
  key: Uint8Array,
  iv: Uint8Array,
): Uint8Array {
  // y_i = E(x_i ^ y_{i-1}) ^ x_{i-1}, with y_0 = iv[0:16] and x_0 = iv[16:32].
  const cipher = createCipheriv("aes-256-ecb", key, null).setAutoPadding(false);
  const xor = (a: Uint8Array, b: Uint8Array) => a.map((byte, i) => byte ^ b[i]);
  const out = new Uint8Array(data.length);
  let prevOut = iv.subarray(0, 16);
  let prevIn = iv.subarray(16);
  for (let offset = 0; offset < data.length; offset += 16) {
    const input = data.subarray(offset, offset + 16);
    const output = xor(
      new Uint8Array(cipher.update(xor(input, prevOut))),
      prevIn,
    );
    out.set(output, offset);
    prevOut = output;
    prevIn = input;
  }
  return out;
}

Deno.test("AES-256-IGE chains blocks as the definition says, and decrypts back", () => {
  for (const blocks of [1, 2, 7, 64]) {
    const key = randomBytes(32),
      iv = randomBytes(32),
      plain = randomBytes(blocks * 16);
    const ours = aesIgeEncrypt(plain, key, iv);
    assertEquals(toHex(ours), toHex(igeReference(plain, key, iv)));
    assertEquals(aesIgeDecrypt(ours, key, iv), plain);
  }
});

Deno.test("message key and AES key/iv derivation match mtcute in both directions", async () => {
  const provider = await mtcuteCrypto();
  const authKey = randomBytes(256);
  const plain = randomBytes(96);
  for (const direction of ["client", "server"] as const) {
    const msgKey = messageKey(authKey, plain, direction);
    const x = direction === "client" ? 0 : 8;
    assertEquals(
      msgKey,
      sha256(authKey.subarray(88 + x, 120 + x), plain).subarray(8, 24),
    );
    const { key, iv } = messageAesKeyIv(authKey, msgKey, direction);
    const theirs = createAesIgeForMessage(
      provider,
      authKey,
      msgKey,
      direction === "client",
    );
    assertEquals(
      toHex(aesIgeEncrypt(plain, key, iv)),
      toHex(theirs.encrypt(plain)),
    );
  }
});

Deno.test("handshake nonce key/iv match mtcute", async () => {
  const provider = await mtcuteCrypto();
  const newNonce = randomBytes(32), serverNonce = randomBytes(16);
  const [key, iv] = generateKeyAndIvFromNonce(provider, serverNonce, newNonce);
  assertEquals(nonceAesKeyIv(newNonce, serverNonce), {
    key: new Uint8Array(key),
    iv: new Uint8Array(iv),
  });
});

Deno.test("big integers: bytes round trip and modPow", () => {
  const value = bigintFromBytes(randomBytes(40));
  assertEquals(bigintFromBytes(bigintToBytes(value)), value);
  assertEquals(bigintToBytes(1n, 4), Uint8Array.of(0, 0, 0, 1));
  assertEquals(modPow(3n, 200n, 1000007n), 3n ** 200n % 1000007n);
});

Deno.test("raw RSA decryption inverts textbook encryption; fingerprint matches mtcute's", async () => {
  const rsa = await testRsaKey();
  const provider = await mtcuteCrypto();
  const message = new Uint8Array(256);
  message.set(randomBytes(255), 1);
  const encrypted = publicEncrypt({
    key: createPublicKey(rsa.publicKeyPem),
    padding: constants.RSA_NO_PADDING,
  }, message);
  assertEquals(
    rsaDecryptRaw(
      createPrivateKey(rsa.privateKeyPem),
      new Uint8Array(encrypted),
    ),
    message,
  );
  const parsed = parsePublicKey(provider, rsa.publicKeyPem);
  assertEquals(
    rsa.fingerprint.toString(16).padStart(16, "0"),
    parsed.fingerprint.padStart(16, "0"),
  );
});
