/**
 * The boundary between the emulator's MTProto layer (`protocol/`) and its
 * Telegram world (`world/`). The protocol layer decodes requests into
 * mtcute-style objects (`_` plus camelCase fields, `Long` for `long`, numbers
 * for `int53`, `Uint8Array` for `bytes`) and encodes results the same way with
 * mtcute's writer map; the world never sees bytes on the wire.
 */
import type { tl } from "@mtcute/core";

/** One MTProto session (auth key + session id) as the world sees it. */
export interface Session {
  /** The auth key id, as 16 hex digits. */
  readonly authKeyId: string;
  /** The session id chosen by the client, as a decimal string. */
  readonly sessionId: string;
  /** The account this session's auth key is logged in as, if any. */
  readonly accountId: number | undefined;
  /** Whether a TCP connection is attached to this session right now. */
  readonly connected: boolean;
  /** Sends a server-initiated message (an `Updates` object) to the client, if connected. */
  push(object: tl.TypeUpdates): void;
  /** Closes the session's current connection (fault injection). */
  disconnect(): void;
}

/** One API call, with `invokeWithLayer`/`initConnection`/`invokeWithoutUpdates` already unwrapped. */
export interface RpcCall {
  readonly session: Session;
  /** The function's name as in `_`, e.g. `messages.sendMessage`. */
  readonly method: string;
  /** The decoded function object (`_` is the method name). */
  readonly params: { _: string; [field: string]: unknown };
  /** Whether the client wrapped the call in `invokeWithoutUpdates`. */
  readonly withoutUpdates: boolean;
  /** Logs this call's auth key in as `accountId`, or out with `undefined`. */
  authorize(accountId: number | undefined): void;
}

/** Thrown by a handler to answer with `rpc_error`. */
export class RpcFailure extends Error {
  override name = "RpcFailure";
  constructor(readonly code: number, readonly text: string) {
    super(`${code} ${text}`);
  }
}

/**
 * Thrown by a handler that dropped the connection instead of answering
 * (fault injection): the call gets no answer at all, as if it never arrived,
 * so the client's state request hears "not received" and it sends again.
 */
export class CallDropped extends Error {
  override name = "CallDropped";
}

/** What the protocol layer calls for every API function. */
export interface RpcHandler {
  /** Answers one call with an mtcute-style result object (or number/boolean/array per the schema); throws `RpcFailure`. */
  call(call: RpcCall): Promise<unknown>;
  /** Told when a session's connection attaches or detaches. */
  connectionChanged?(session: Session): void;
}

/** The emulator's RSA key pair. */
export interface RsaKeyPair {
  /** PKCS#8 PEM of the private key. */
  privateKeyPem: string;
  /** PKCS#1 PEM (`-----BEGIN RSA PUBLIC KEY-----`), the form clients are given. */
  publicKeyPem: string;
  /** Telegram's fingerprint of the public key: the lower 64 bits of SHA1(n as TL bytes + e as TL bytes). */
  fingerprint: bigint;
}

/** Options of the MTProto TCP server. */
export interface MtprotoServerOptions {
  /** Default `127.0.0.1`. */
  hostname?: string;
  /** 0 picks a free port. */
  port: number;
  rsa: RsaKeyPair;
  handler: RpcHandler;
  /** Largest accepted transport packet; bigger ones close the connection. Default 4 MiB. */
  maxPacketBytes?: number;
}

/** A running MTProto server. */
export interface MtprotoServer {
  readonly port: number;
  /** Every session the server knows about. */
  sessions(): Session[];
  close(): Promise<void>;
}
