/**
 * MTProto 2.0 encrypted messages (core.telegram.org/mtproto/description):
 * auth_key_id + msg_key + AES-IGE(salt, session_id, msg_id, seq_no, length,
 * body, 12..1024 bytes of padding), and the unencrypted form used by the
 * handshake.
 */
import { Long } from "@mtcute/core";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  bytesEqual,
  concat,
  messageAesKeyIv,
  messageKey,
  randomBytes,
} from "./crypto.ts";

/** One decrypted client message. */
export interface DecryptedMessage {
  salt: Long;
  sessionId: Long;
  msgId: Long;
  seqNo: number;
  body: Uint8Array;
}

const HEADER = 32; // salt, session_id, msg_id, seq_no, length
const MIN_PADDING = 12;
const MAX_PADDING = 1024;

function readLong(view: DataView, offset: number): Long {
  return new Long(view.getInt32(offset, true), view.getInt32(offset + 4, true));
}

function writeLong(view: DataView, offset: number, value: Long): void {
  view.setInt32(offset, value.low, true);
  view.setInt32(offset + 4, value.high, true);
}

/** The 8-byte auth_key_id at the start of a packet (all zeros for unencrypted messages). */
export function packetAuthKeyId(packet: Uint8Array): Uint8Array | undefined {
  return packet.length >= 8 ? packet.subarray(0, 8) : undefined;
}

/**
 * Decrypts and verifies a client packet; undefined if msg_key, length or
 * padding do not check out. Trailing bytes beyond a multiple of 16 are
 * ignored, which is what the padded intermediate transport needs.
 */
export function decryptClientPacket(
  authKey: Uint8Array,
  packet: Uint8Array,
): DecryptedMessage | undefined {
  const msgKey = packet.subarray(8, 24);
  const encrypted = packet.subarray(
    24,
    24 + Math.floor((packet.length - 24) / 16) * 16,
  );
  if (packet.length < 24 || encrypted.length < HEADER + MIN_PADDING + 4) {
    return undefined;
  }
  const { key, iv } = messageAesKeyIv(authKey, msgKey, "client");
  const plaintext = aesIgeDecrypt(encrypted, key, iv);
  if (!bytesEqual(messageKey(authKey, plaintext, "client"), msgKey)) {
    return undefined;
  }
  const view = new DataView(
    plaintext.buffer,
    plaintext.byteOffset,
    plaintext.byteLength,
  );
  const length = view.getUint32(28, true);
  const padding = plaintext.length - HEADER - length;
  if (length % 4 !== 0 || padding < MIN_PADDING || padding > MAX_PADDING) {
    return undefined;
  }
  return {
    salt: readLong(view, 0),
    sessionId: readLong(view, 8),
    msgId: readLong(view, 16),
    seqNo: view.getUint32(24, true),
    body: plaintext.slice(HEADER, HEADER + length),
  };
}

/** Serializes the inner message header + body: msg_id, seq_no, length, body. */
export function frameMessage(
  msgId: Long,
  seqNo: number,
  body: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(16 + body.length);
  const view = new DataView(out.buffer);
  writeLong(view, 0, msgId);
  view.setUint32(8, seqNo, true);
  view.setUint32(12, body.length, true);
  out.set(body, 16);
  return out;
}

/** Encrypts a framed message (see `frameMessage`) for the client with the server's direction of the key. */
export function encryptServerPacket(
  authKey: Uint8Array,
  authKeyId: Uint8Array,
  salt: Long,
  sessionId: Long,
  framed: Uint8Array,
): Uint8Array {
  const unpadded = 16 + framed.length;
  const padding = MIN_PADDING + (16 - (unpadded + MIN_PADDING) % 16) % 16;
  const plaintext = new Uint8Array(unpadded + padding);
  const view = new DataView(plaintext.buffer);
  writeLong(view, 0, salt);
  writeLong(view, 8, sessionId);
  plaintext.set(framed, 16);
  plaintext.set(randomBytes(padding), unpadded);
  const msgKey = messageKey(authKey, plaintext, "server");
  const { key, iv } = messageAesKeyIv(authKey, msgKey, "server");
  return concat(authKeyId, msgKey, aesIgeEncrypt(plaintext, key, iv));
}

/** An unencrypted message: auth_key_id = 0, msg_id, length, body. */
export function unencryptedPacket(msgId: Long, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(20 + body.length);
  const view = new DataView(out.buffer);
  writeLong(view, 8, msgId);
  view.setUint32(16, body.length, true);
  out.set(body, 20);
  return out;
}

/** Splits an unencrypted packet; undefined when its length field does not fit. */
export function parseUnencryptedPacket(
  packet: Uint8Array,
): { msgId: Long; body: Uint8Array } | undefined {
  if (packet.length < 20) return undefined;
  const view = new DataView(
    packet.buffer,
    packet.byteOffset,
    packet.byteLength,
  );
  const length = view.getUint32(16, true);
  if (length > packet.length - 20) return undefined;
  return { msgId: readLong(view, 8), body: packet.slice(20, 20 + length) };
}
