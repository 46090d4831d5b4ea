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
 * detaches the copies that are provably dead when the next one exists,
 * around mtcute's own code rather than in a copy of it: the message, once
 * encrypted; its padded form, its message-key source and their encryption,
 * freed by the crypto provider the auth key is handed while it encrypts;
 * the encrypted packet and its framed copy once the socket took them; an
 * upload part and its serialised request once Telegram confirmed it; a
 * received frame once decrypted, and the message-key source made to check
 * it. What stays to the collector: the small objects, and on downloads the
 * decrypted message that holds each chunk. Measured in BENCHMARKS.md, "Files
 * at full speed (issue 19)".
 */
import { SessionConnection } from "@mtcute/core";
import type { RpcCallMiddleware } from "@mtcute/core";
import type { ICryptoProvider, IEncryptionScheme } from "@mtcute/core/utils.js";

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

/** Encryption outputs of the `AuthKey.encryptMessage` running now, freed once it returns. */
const encryptedCopies: Uint8Array[] = [];

/** Providers that free what `AuthKey`'s methods make for them, by the provider they wrap. */
const releasing = new WeakMap<ICryptoProvider, ICryptoProvider>();

/**
 * `crypto`, but for `AuthKey`'s use alone: its sha256 frees a large input
 * once hashed (the message key's source, a concatenation made for it; the
 * small inputs of the key derivation are left alone), and its AES-IGE
 * encryption frees its input (the padded plaintext, made for it) and keeps
 * its output for `encryptMessage` to free once the packet holds a copy.
 */
function releasingCrypto(crypto: ICryptoProvider): ICryptoProvider {
  let wrapped = releasing.get(crypto);
  if (!wrapped) {
    wrapped = Object.create(crypto, {
      sha256: {
        value(data: Uint8Array) {
          const digest = crypto.sha256(data);
          releaseBuffer(data);
          return digest;
        },
      },
      createAesIge: {
        value(key: Uint8Array, iv: Uint8Array): IEncryptionScheme {
          const ige = crypto.createAesIge(key, iv);
          return {
            encrypt(data) {
              const encrypted = ige.encrypt(data);
              releaseBuffer(data);
              encryptedCopies.push(encrypted);
              return encrypted;
            },
            decrypt: (data) => ige.decrypt(data),
          };
        },
      },
    }) as ICryptoProvider;
    releasing.set(crypto, wrapped);
  }
  return wrapped;
}

/** What the patch uses of mtcute's MtprotoSession (not exported by mtcute). */
interface SessionLike {
  _authKey: AuthKeyLike;
  encryptMessage(message: Uint8Array): Uint8Array;
  decryptMessage(data: Uint8Array, callback: unknown): void;
}

/** Runs `fn` with `key` using the releasing provider (mtcute's own code, its temporaries freed). */
function withReleasingCrypto<T>(key: AuthKeyLike, fn: () => T): T {
  const crypto = key._crypto;
  key._crypto = releasingCrypto(crypto);
  try {
    return fn();
  } finally {
    key._crypto = crypto;
  }
}

function patchSession(session: SessionLike): void {
  const authKey = Object.getPrototypeOf(session._authKey) as AuthKeyLike;
  const encryptWithKey = authKey.encryptMessage;
  // The padded message, its message-key source and its encryption are dead once the packet exists.
  authKey.encryptMessage = function (message, serverSalt, sessionId) {
    try {
      return withReleasingCrypto(
        this,
        () => encryptWithKey.call(this, message, serverSalt, sessionId),
      );
    } finally {
      for (const copy of encryptedCopies) releaseBuffer(copy);
      encryptedCopies.length = 0;
    }
  };
  const decryptWithKey = authKey.decryptMessage;
  // Its message-key source (salt + the whole decrypted message) is dead once hashed.
  authKey.decryptMessage = function (data, sessionId, callback) {
    return withReleasingCrypto(
      this,
      () => decryptWithKey.call(this, data, sessionId, callback),
    );
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
