/**
 * Frees mtcute's large short-lived buffers as soon as they are dead, instead
 * of leaving them to the garbage collector.
 *
 * mtcute 0.30.3 copies each upload part about eight times on its way out
 * (read, serialise the request, serialise the message, pad, concatenate for
 * the message key, encrypt, prepend the key, frame), each copy a fresh
 * ArrayBuffer. V8 frees those only in a full collection, which it starts once
 * a thread's external memory has grown by ~64 MiB: a 200 MiB upload made
 * ~1.6 GB of buffers in the worker, and the gateway either held +125 MiB or
 * (with `--file-gc 4`) spent a third of its time in forced collections.
 * Detaching an ArrayBuffer (`transfer(0)`) frees its memory at once. This
 * detaches the copies that are provably dead when the next one exists: the
 * message, its padded form, the message-key input and the IGE output after
 * encryption; the encrypted packet and its framed copy once the socket took
 * them; an upload part and its serialised request once Telegram confirmed
 * it; a received frame once decrypted, and the message-key source made to
 * check it. What
 * stays to the collector: the small objects, and on downloads the decrypted
 * message that holds each chunk. Measured in BENCHMARKS.md, "Files at full
 * speed (issue 19)".
 */
import { typed, u8 } from "@fuman/utils";
import { SessionConnection } from "@mtcute/core";
import type { RpcCallMiddleware } from "@mtcute/core";
import type { ICryptoProvider } from "@mtcute/core/utils.js";
import { createAesIgeForMessage } from "@mtcute/core/utils.js";

/** Buffers below this are never detached: small ones may be slices of a shared pool. */
const RELEASE_MIN_BYTES = 64 * 1024;

let releasedTotal = 0;

/** Bytes `releaseBuffer` has freed in this thread so far. */
export function releasedBytes(): number {
  return releasedTotal;
}

/**
 * Frees the memory under `view` now, when `view` is a large buffer of its
 * own (it spans all of its ArrayBuffer); anything else is left alone.
 */
export function releaseBuffer(view: Uint8Array | undefined): void {
  if (!view) return;
  const buffer = view.buffer;
  if (
    !(buffer instanceof ArrayBuffer) || buffer.byteLength < RELEASE_MIN_BYTES ||
    view.byteOffset !== 0 || view.byteLength !== buffer.byteLength ||
    buffer.detached
  ) {
    return;
  }
  releasedTotal += buffer.byteLength;
  buffer.transfer(0);
}

/** What the patch uses of mtcute's AuthKey (not exported by mtcute). */
interface AuthKeyLike {
  ready: boolean;
  key: Uint8Array;
  id: Uint8Array;
  clientSalt: Uint8Array;
  _crypto: ICryptoProvider;
  encryptMessage(
    message: Uint8Array,
    serverSalt: { low: number; high: number },
    sessionId: { low: number; high: number },
  ): Uint8Array;
  decryptMessage(data: Uint8Array, sessionId: unknown, callback: unknown): void;
}

/** Providers whose sha256 frees its input, by the provider they wrap. */
const hashReleasing = new WeakMap<ICryptoProvider, ICryptoProvider>();

/**
 * `crypto`, but its sha256 frees a large input once hashed. Only for
 * `AuthKey.decryptMessage`, whose one large hash input is a concatenation
 * made for it (the message key's source); its small ones are left alone.
 */
function releasingHashes(crypto: ICryptoProvider): ICryptoProvider {
  let wrapped = hashReleasing.get(crypto);
  if (!wrapped) {
    wrapped = Object.create(crypto, {
      sha256: {
        value(data: Uint8Array) {
          const digest = crypto.sha256(data);
          releaseBuffer(data);
          return digest;
        },
      },
    }) as ICryptoProvider;
    hashReleasing.set(crypto, wrapped);
  }
  return wrapped;
}

/** What the patch uses of mtcute's MtprotoSession (not exported by mtcute). */
interface SessionLike {
  _authKey: AuthKeyLike;
  encryptMessage(message: Uint8Array): Uint8Array;
  decryptMessage(data: Uint8Array, callback: unknown): void;
}

/**
 * mtcute's `AuthKey.encryptMessage` (MTProto 2.0), unchanged but for freeing
 * its three temporaries once the result exists.
 */
function encryptMessage(
  this: AuthKeyLike,
  message: Uint8Array,
  serverSalt: { low: number; high: number },
  sessionId: { low: number; high: number },
): Uint8Array {
  if (!this.ready) throw new Error("Keys are not set up!");
  let padding = (16 + message.length + 12) % 16;
  padding = 12 + (padding ? 16 - padding : 0);
  const buf = u8.alloc(16 + message.length + padding);
  const dv = typed.toDataView(buf);
  dv.setInt32(0, serverSalt.low, true);
  dv.setInt32(4, serverSalt.high, true);
  dv.setInt32(8, sessionId.low, true);
  dv.setInt32(12, sessionId.high, true);
  buf.set(message, 16);
  this._crypto.randomFill(
    buf.subarray(16 + message.length, 16 + message.length + padding),
  );
  const keyInput = u8.concat2(this.clientSalt, buf);
  const messageKey = this._crypto.sha256(keyInput).subarray(8, 24);
  releaseBuffer(keyInput);
  const ige = createAesIgeForMessage(this._crypto, this.key, messageKey, true);
  const encryptedData = ige.encrypt(buf);
  releaseBuffer(buf);
  const packet = u8.concat3(this.id, messageKey, encryptedData);
  releaseBuffer(encryptedData);
  return packet;
}

function patchSession(session: SessionLike): void {
  const authKey = Object.getPrototypeOf(session._authKey) as AuthKeyLike;
  authKey.encryptMessage = encryptMessage;
  const decryptWithKey = authKey.decryptMessage;
  // Its message-key source (salt + the whole decrypted message) is dead once hashed.
  authKey.decryptMessage = function (data, sessionId, callback) {
    const crypto = this._crypto;
    this._crypto = releasingHashes(crypto);
    try {
      return decryptWithKey.call(this, data, sessionId, callback);
    } finally {
      this._crypto = crypto;
    }
  };
  const prototype = Object.getPrototypeOf(session) as SessionLike;
  const encrypt = prototype.encryptMessage;
  // The message is a fresh writer's buffer (SessionConnection#_flush), dead once encrypted.
  prototype.encryptMessage = function (message) {
    const packet = encrypt.call(this, message);
    releaseBuffer(message);
    return packet;
  };
  const decrypt = prototype.decryptMessage;
  // The frame is the transport's own copy; the decrypted message is a new buffer.
  prototype.decryptMessage = function (data, callback) {
    decrypt.call(this, data, callback);
    releaseBuffer(data);
  };
}

/** What the patch uses of mtcute's pending RPC (SessionConnection#sendRpc). */
interface PendingRpc {
  method: string;
  data: Uint8Array;
  promise: { promise: Promise<unknown> };
}

/** The requests whose parts are large and dead once answered. */
const UPLOAD_PARTS = new Set(["upload.saveBigFilePart", "upload.saveFilePart"]);

/** RPCs already watched (one is queued again after a reconnection). */
const watched = new WeakSet<PendingRpc>();

let patched = false;

/** Installs the patch (mtcute's session prototypes are reached through the first connection). */
export function releaseDeadBuffers(): void {
  if (patched) return;
  patched = true;
  const connection = SessionConnection.prototype as unknown as {
    _session: SessionLike & { queuedRpc: { includes(rpc: unknown): boolean } };
    _flush(): void;
    _enqueueRpc(rpc: PendingRpc, force: boolean): void;
  };
  const enqueue = connection._enqueueRpc;
  // An upload part's serialised request is kept for resends until its answer; dead after it.
  connection._enqueueRpc = function (rpc, force) {
    if (UPLOAD_PARTS.has(rpc.method) && !watched.has(rpc)) {
      watched.add(rpc);
      rpc.promise.promise.then(() => {
        if (!this._session.queuedRpc.includes(rpc)) releaseBuffer(rpc.data);
      }, () => {});
    }
    return enqueue.call(this, rpc, force);
  };
  const flush = connection._flush;
  // MtprotoSession and AuthKey are not exported: their prototypes are taken from
  // the first connection that sends. (Connections bind _flush when they are made,
  // so the wrapper stays.)
  let sessionPatched = false;
  connection._flush = function () {
    if (!sessionPatched) {
      sessionPatched = true;
      patchSession(this._session);
    }
    return flush.call(this);
  };
  // SessionConnection's base class, mtcute's PersistentConnection (not exported).
  const persistent = Object.getPrototypeOf(SessionConnection.prototype) as {
    _sendOnceConnected: Uint8Array[];
    send(data: Uint8Array): Promise<void>;
    _onOpen(conn: { write(bytes: Uint8Array): Promise<void> }): Promise<void>;
  };
  const onOpen = persistent._onOpen;
  // @fuman/io's FramedWriter writes a fresh copy of each frame: dead once written.
  persistent._onOpen = function (conn) {
    const write = conn.write.bind(conn);
    conn.write = async (bytes) => {
      await write(bytes);
      releaseBuffer(bytes);
    };
    return onOpen.call(this, conn);
  };
  const send = persistent.send;
  persistent.send = async function (data) {
    await send.call(this, data);
    // Unless it waits for a reconnection, the packet is on the socket (or in its own copy).
    if (!this._sendOnceConnected.includes(data)) releaseBuffer(data);
  };
}

/**
 * Frees each upload part once Telegram has confirmed it: mtcute's
 * `uploadFile` only reads its length after the call (hence the timer: that
 * continuation runs first), and retries happen inside the call (so this must
 * come before the retrying middlewares).
 */
export const releaseUploadedParts: RpcCallMiddleware = async (
  context,
  next,
) => {
  const result = await next(context);
  const request = context.request as { _: string; bytes?: Uint8Array };
  if (
    request._ === "upload.saveBigFilePart" ||
    request._ === "upload.saveFilePart"
  ) {
    setTimeout(releaseBuffer, 0, request.bytes);
  }
  return result;
};
