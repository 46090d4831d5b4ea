/**
 * Creating an auth key (core.telegram.org/mtproto/auth_key), server side:
 * req_pq(_multi) → resPQ, req_DH_params → server_DH_params_ok,
 * set_client_DH_params → dh_gen_ok / dh_gen_retry / dh_gen_fail.
 */
import { Long } from "@mtcute/core";
import { __tlReaderMap, TlBinaryReader } from "@mtcute/core/utils.js";
import { createPrivateKey, type KeyObject } from "node:crypto";
import type { RsaKeyPair } from "../contract.ts";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  bigintFromBytes,
  bigintToBytes,
  bytesEqual,
  concat,
  modPow,
  nonceAesKeyIv,
  randomBytes,
  rsaDecryptRaw,
  sha1,
  toHex,
  xor,
} from "./crypto.ts";
import { DH_G, DH_PRIME, generatePq, inSafeRange } from "./dh.ts";
import {
  type InnerData,
  unwrapRsaPad,
  unwrapSha1Padding,
} from "./inner_data.ts";
import { decodeTlObject, type TlObject } from "./method_reader.ts";
import { serializeObject } from "./result_writer.ts";
import { unixNow } from "./salts.ts";

/** The client broke the handshake; the connection should be closed. */
export class HandshakeViolation extends Error {
  override name = "HandshakeViolation";
}

const REQ_PQ_ID = 0x60469778;
/** A connection may run this many handshakes at once; older ones are forgotten. */
const MAX_PENDING = 4;

/** A freshly created auth key. */
export interface CreatedAuthKey {
  key: Uint8Array;
  /** SHA1(key)[12:20], the auth_key_id on the wire. */
  id: Uint8Array;
  /** The first server salt: new_nonce[0:8] XOR server_nonce[0:8]. */
  serverSalt: Long;
  /** Seconds, for temporary keys (p_q_inner_data_temp*). */
  expiresIn?: number;
  /** The DC the client asked for (negative for media DCs), if it said. */
  dc?: number;
}

interface PendingHandshake {
  nonce: Uint8Array;
  serverNonce: Uint8Array;
  pq: Uint8Array;
  p: bigint;
  q: bigint;
  dh?: {
    newNonce: Uint8Array;
    a: bigint;
    key: Uint8Array;
    iv: Uint8Array;
    retryId: Long;
    inner: InnerData;
  };
}

function nonceHash(
  newNonce: Uint8Array,
  number: 1 | 2 | 3,
  authKeyAuxHash: Uint8Array,
): Uint8Array {
  return sha1(newNonce, Uint8Array.of(number), authKeyAuxHash).subarray(4, 20);
}

function longFromLe(bytes: Uint8Array): Long {
  return Long.fromBytesLE(Array.from(bytes));
}

function unsignedLong(value: Long): bigint {
  return BigInt.asUintN(64, BigInt(value.toString()));
}

/** One connection's handshakes in progress. */
export class Handshaker {
  private readonly pending = new Map<string, PendingHandshake>();
  private readonly privateKey: KeyObject;

  /** `isKeyIdTaken` tells whether an auth_key_id is in use (then the client must retry). */
  constructor(
    private readonly rsa: RsaKeyPair,
    private readonly isKeyIdTaken: (id: Uint8Array) => boolean,
  ) {
    this.privateKey = createPrivateKey(rsa.privateKeyPem);
  }

  /** Answers one unencrypted message body; throws `HandshakeViolation`. */
  handle(body: Uint8Array): { response: TlObject; authKey?: CreatedAuthKey } {
    const id = new DataView(body.buffer, body.byteOffset, body.byteLength)
      .getUint32(0, true);
    if (id === REQ_PQ_ID && body.length >= 20) {
      return { response: this.reqPq(body.slice(4, 20)) };
    }
    let request: TlObject;
    try {
      request = decodeTlObject(body) as TlObject;
    } catch (error) {
      throw new HandshakeViolation(
        `undecodable handshake message: ${(error as Error).message}`,
      );
    }
    switch (request._) {
      case "mt_req_pq_multi":
        return { response: this.reqPq(request.nonce as Uint8Array) };
      case "mt_req_DH_params":
        return { response: this.reqDhParams(request) };
      case "mt_set_client_DH_params":
        return this.setClientDhParams(request);
    }
    throw new HandshakeViolation(
      `${request._} is not allowed without an auth key`,
    );
  }

  private reqPq(nonce: Uint8Array): TlObject {
    const { p, q } = generatePq();
    const state = {
      nonce,
      serverNonce: randomBytes(16),
      pq: bigintToBytes(p * q),
      p,
      q,
    };
    this.pending.delete(toHex(nonce));
    this.pending.set(toHex(nonce), state);
    if (this.pending.size > MAX_PENDING) {
      this.pending.delete(this.pending.keys().next().value!);
    }
    return {
      _: "mt_resPQ",
      nonce,
      serverNonce: state.serverNonce,
      pq: state.pq,
      serverPublicKeyFingerprints: [
        Long.fromString(this.rsa.fingerprint.toString(), true).toSigned(),
      ],
    };
  }

  private stateFor(request: TlObject): PendingHandshake {
    const state = this.pending.get(toHex(request.nonce as Uint8Array));
    if (
      !state ||
      !bytesEqual(state.serverNonce, request.serverNonce as Uint8Array)
    ) {
      throw new HandshakeViolation("unknown nonce or server_nonce");
    }
    return state;
  }

  private reqDhParams(request: TlObject): TlObject {
    const state = this.stateFor(request);
    if (
      bigintFromBytes(request.p as Uint8Array) !== state.p ||
      bigintFromBytes(request.q as Uint8Array) !== state.q
    ) {
      throw new HandshakeViolation("wrong factorization of pq");
    }
    if (
      unsignedLong(request.publicKeyFingerprint as Long) !==
        this.rsa.fingerprint
    ) {
      throw new HandshakeViolation("unknown public key fingerprint");
    }
    const encrypted = request.encryptedData as Uint8Array;
    if (encrypted.length > 256) {
      throw new HandshakeViolation("encrypted_data longer than the key");
    }
    let decrypted: Uint8Array;
    try {
      decrypted = rsaDecryptRaw(
        this.privateKey,
        bigintToBytes(bigintFromBytes(encrypted), 256),
      );
    } catch {
      throw new HandshakeViolation("encrypted_data is not below the modulus");
    }
    const inner = unwrapRsaPad(decrypted) ?? unwrapSha1Padding(decrypted);
    if (!inner) {
      throw new HandshakeViolation(
        "encrypted_data does not decrypt to p_q_inner_data",
      );
    }
    if (
      !bytesEqual(inner.nonce, state.nonce) ||
      !bytesEqual(inner.serverNonce, state.serverNonce) ||
      !bytesEqual(inner.pq, state.pq) || bigintFromBytes(inner.p) !== state.p ||
      bigintFromBytes(inner.q) !== state.q
    ) {
      throw new HandshakeViolation(
        "p_q_inner_data does not match the handshake",
      );
    }
    let a: bigint, gA: bigint;
    do {
      a = bigintFromBytes(randomBytes(256));
      gA = modPow(BigInt(DH_G), a, DH_PRIME);
    } while (!inSafeRange(gA));
    const answer = serializeObject({
      _: "mt_server_DH_inner_data",
      nonce: state.nonce,
      serverNonce: state.serverNonce,
      g: DH_G,
      dhPrime: bigintToBytes(DH_PRIME),
      gA: bigintToBytes(gA, 256),
      serverTime: unixNow(),
    });
    const withHash = concat(sha1(answer), answer);
    const padded = concat(
      withHash,
      randomBytes((16 - withHash.length % 16) % 16),
    );
    const { key, iv } = nonceAesKeyIv(inner.newNonce, state.serverNonce);
    state.dh = {
      newNonce: inner.newNonce,
      a,
      key,
      iv,
      retryId: Long.ZERO,
      inner,
    };
    return {
      _: "mt_server_DH_params_ok",
      nonce: state.nonce,
      serverNonce: state.serverNonce,
      encryptedAnswer: aesIgeEncrypt(padded, key, iv),
    };
  }

  private setClientDhParams(
    request: TlObject,
  ): { response: TlObject; authKey?: CreatedAuthKey } {
    const state = this.stateFor(request);
    const dh = state.dh;
    const encrypted = request.encryptedData as Uint8Array;
    if (!dh || encrypted.length % 16 !== 0 || encrypted.length < 48) {
      throw new HandshakeViolation(
        "set_client_DH_params out of order or malformed",
      );
    }
    const decrypted = aesIgeDecrypt(encrypted, dh.key, dh.iv);
    let inner: TlObject;
    const reader = new TlBinaryReader(__tlReaderMap, decrypted, 20);
    try {
      inner = reader.object() as TlObject;
    } catch {
      throw new HandshakeViolation("undecodable client_DH_inner_data");
    }
    if (
      inner._ !== "mt_client_DH_inner_data" || reader.pos > decrypted.length ||
      !bytesEqual(
        sha1(decrypted.subarray(20, reader.pos)),
        decrypted.subarray(0, 20),
      ) ||
      !bytesEqual(inner.nonce as Uint8Array, state.nonce) ||
      !bytesEqual(inner.serverNonce as Uint8Array, state.serverNonce)
    ) {
      throw new HandshakeViolation(
        "client_DH_inner_data does not match the handshake",
      );
    }
    if (!(inner.retryId as Long).eq(dh.retryId)) {
      throw new HandshakeViolation("wrong retry_id");
    }
    const gB = bigintFromBytes(inner.gB as Uint8Array);
    const authKey = bigintToBytes(modPow(gB, dh.a, DH_PRIME), 256);
    const keyHash = sha1(authKey);
    const auxHash = keyHash.subarray(0, 8);
    const answerBase = { nonce: state.nonce, serverNonce: state.serverNonce };
    if (!inSafeRange(gB)) {
      this.pending.delete(toHex(state.nonce));
      return {
        response: {
          _: "mt_dh_gen_fail",
          ...answerBase,
          newNonceHash3: nonceHash(dh.newNonce, 3, auxHash),
        },
      };
    }
    const id = keyHash.subarray(12, 20);
    if (this.isKeyIdTaken(id)) {
      dh.retryId = longFromLe(auxHash);
      return {
        response: {
          _: "mt_dh_gen_retry",
          ...answerBase,
          newNonceHash2: nonceHash(dh.newNonce, 2, auxHash),
        },
      };
    }
    this.pending.delete(toHex(state.nonce));
    return {
      response: {
        _: "mt_dh_gen_ok",
        ...answerBase,
        newNonceHash1: nonceHash(dh.newNonce, 1, auxHash),
      },
      authKey: {
        key: authKey,
        id: id.slice(),
        serverSalt: longFromLe(
          xor(dh.newNonce.subarray(0, 8), state.serverNonce.subarray(0, 8)),
        ),
        expiresIn: dh.inner.expiresIn,
        dc: dh.inner.dc,
      },
    };
  }
}
