/**
 * One MTProto session (auth key + client-chosen session id): checks every
 * client message (msg_id, seqno, salt), answers the service messages, runs
 * RPC queries through the world's handler and queues the answers.
 */
import { Long } from "@mtcute/core";
import { TlBinaryReader } from "@mtcute/core/utils.js";
import type { RpcCall, RpcHandler, Session } from "../contract.ts";
import { CallDropped } from "../contract.ts";
import { getSchema } from "../../../src/tl/schema.ts";
import type { AuthKeyRecord } from "./auth_keys.ts";
import { randomBytes } from "./crypto.ts";
import type { DecryptedMessage } from "./envelope.ts";
import {
  DecodeError,
  decodeTlObject,
  GZIP_PACKED_ID,
  isFunctionId,
  type TlObject,
  unpackGzip,
} from "./method_reader.ts";
import {
  IGNORED,
  isRpcFailure,
  MSG_CONTAINER_ID,
  parseContainer,
  unwrap,
} from "./incoming.ts";
import { BadMsg, type ReceivedMessage, ReceivedMessages } from "./msg_ids.ts";
import { Outbox } from "./outbox.ts";
import {
  futureSalts,
  rpcError,
  rpcResult,
  serializeObject,
  serializeResult,
} from "./result_writer.ts";
import { unixNow } from "./salts.ts";

/** A TCP connection as a session sees it. */
export interface Link {
  readonly open: boolean;
  send(packet: Uint8Array): void;
  close(): void;
  /** ping_delay_disconnect: close the connection unless another such ping comes within `seconds`. */
  closeUnlessPingedWithin(seconds: number): void;
}

/** What a session needs from the server. */
export interface SessionHost {
  readonly handler: RpcHandler;
  /** Forgets another session of the same auth key; whether there was one. */
  destroySession(authKey: AuthKeyRecord, sessionId: Long): boolean;
  destroyAuthKey(authKey: AuthKeyRecord): void;
  connectionChanged(session: MtprotoSession): void;
  debug(message: string, error?: unknown): void;
}

/** One session, as the server runs it and as the world sees it. */
export class MtprotoSession implements Session {
  readonly authKeyId: string;
  readonly sessionId: string;
  private link: Link | undefined;
  private readonly received = new ReceivedMessages();
  private readonly outbox: Outbox;
  private announced = false;
  private flushQueued = false;
  private destroyed = false;

  constructor(
    readonly authKey: AuthKeyRecord,
    readonly id: Long,
    private readonly host: SessionHost,
  ) {
    this.authKeyId = authKey.idHex;
    this.sessionId = id.toString();
    this.outbox = new Outbox(authKey, id);
  }

  get accountId(): number | undefined {
    return this.authKey.accountId;
  }

  get connected(): boolean {
    return this.link?.open ?? false;
  }

  /** Sends an Updates object if a connection is attached; otherwise it is dropped, as the contract says. */
  push(object: { _: string }): void {
    if (!this.connected) return;
    this.outbox.add(serializeObject(object), {
      contentRelated: true,
      isResponse: false,
    });
    this.scheduleFlush();
  }

  disconnect(): void {
    this.link?.close();
  }

  /** Handles one decrypted packet that arrived on `link`. */
  receive(link: Link, message: DecryptedMessage): void {
    this.attach(link);
    this.handleMessage(
      message.msgId,
      message.seqNo,
      message.body,
      message.salt,
    );
    this.flush();
  }

  /** The connection closed; the session stays, waiting for the client to come back. */
  detach(link: Link): void {
    if (this.link !== link) return;
    this.link = undefined;
    this.outbox.discardTransient();
    this.host.connectionChanged(this);
  }

  /** The session is forgotten (destroy_session / destroy_auth_key): answers still running go nowhere. */
  destroy(): void {
    this.destroyed = true;
    this.link = undefined;
  }

  private attach(link: Link): void {
    if (this.link === link) return;
    const moved = this.announced;
    this.link = link;
    // Whatever the client did not acknowledge may have died with the previous connection.
    if (moved) this.outbox.resendUnacked();
    this.host.connectionChanged(this);
  }

  private scheduleFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.destroyed) return;
    const link = this.link;
    if (!link?.open) return this.outbox.discardTransient();
    for (const packet of this.outbox.drain()) link.send(packet);
  }

  private notify(
    object: TlObject,
    kind: { contentRelated: boolean; isResponse: boolean },
  ): void {
    this.outbox.add(serializeObject(object), kind);
  }

  private badMsg(msgId: Long, seqNo: number, errorCode: number): void {
    const fields = { badMsgId: msgId, badMsgSeqno: seqNo, errorCode };
    if (errorCode === BadMsg.BadServerSalt) {
      this.notify({
        _: "mt_bad_server_salt",
        ...fields,
        newServerSalt: this.authKey.salts.current(),
      }, {
        contentRelated: false,
        isResponse: true,
      });
    } else {
      this.notify({ _: "mt_bad_msg_notification", ...fields }, {
        contentRelated: false,
        isResponse: true,
      });
    }
  }

  private handleMessage(
    msgId: Long,
    seqNo: number,
    body: Uint8Array,
    salt?: Long,
  ): void {
    if (body.length < 4) {
      return this.badMsg(msgId, seqNo, BadMsg.InvalidContainer);
    }
    const id = new DataView(body.buffer, body.byteOffset, 4).getUint32(0, true);
    const container = id === MSG_CONTAINER_ID;
    const items = container ? parseContainer(body) : undefined;
    if (container && (!items || salt === undefined)) {
      return this.badMsg(msgId, seqNo, BadMsg.InvalidContainer);
    }
    const verdict = this.received.check(msgId, seqNo, {
      container,
      contentRelated: isFunctionId(id) ? true : undefined,
    });
    if (verdict === "duplicate") return;
    if (verdict !== undefined) return this.badMsg(msgId, seqNo, verdict);
    if (salt && !this.authKey.salts.isValid(salt)) {
      return this.badMsg(msgId, seqNo, BadMsg.BadServerSalt);
    }
    const record = this.received.add(msgId, {
      seqNo,
      contentRelated: seqNo % 2 === 1,
      acked: false,
      rpc: false,
      answered: false,
    });
    if (!this.announced) {
      this.announced = true;
      this.notify(
        {
          _: "mt_new_session_created",
          firstMsgId: msgId,
          uniqueId: Long.fromBytesLE([...randomBytes(8)]),
          serverSalt: this.authKey.salts.current(),
        },
        { contentRelated: true, isResponse: false },
      );
    }
    if (items) {
      for (const item of items) {
        this.handleMessage(item.msgId, item.seqNo, item.body);
      }
      return;
    }
    this.handleContent(
      msgId,
      record,
      id === GZIP_PACKED_ID ? this.unpack(body) : body,
    );
  }

  private unpack(body: Uint8Array): Uint8Array {
    try {
      return unpackGzip(TlBinaryReader.manual(body, 4).bytes());
    } catch {
      return new Uint8Array(0);
    }
  }

  private handleContent(
    msgId: Long,
    record: ReceivedMessage,
    body: Uint8Array,
  ): void {
    let object: TlObject;
    try {
      object = decodeTlObject(body) as TlObject;
    } catch (error) {
      // A query we cannot read still gets an answer, as on Telegram; broken service messages are dropped.
      const id = body.length >= 4
        ? new DataView(body.buffer, body.byteOffset, 4).getUint32(0, true)
        : 0;
      const text = !getSchema().byId.has(id)
        ? "INPUT_METHOD_INVALID"
        : error instanceof DecodeError
        ? error.text
        : "INPUT_FETCH_ERROR";
      if (!getSchema().byId.has(id) || isFunctionId(id)) {
        this.answer(record, rpcResult(msgId, rpcError(400, text)));
      }
      this.host.debug(`undecodable message ${msgId}`, error);
      return;
    }
    if (IGNORED.has(object._)) return;
    switch (object._) {
      case "mt_msgs_ack":
        return this.outbox.acknowledged(object.msgIds as Long[]);
      case "mt_msgs_state_req": {
        const info = Uint8Array.from(
          (object.msgIds as Long[]).map((id) => this.received.status(id)),
        );
        return this.notify({ _: "mt_msgs_state_info", reqMsgId: msgId, info }, {
          contentRelated: false,
          isResponse: true,
        });
      }
      case "mt_msg_resend_req":
        return this.outbox.resend(object.msgIds as Long[]);
    }
    const service = this.serviceAnswer(msgId, object);
    if (service) {
      this.answer(
        record,
        service.rpc ? rpcResult(msgId, service.body) : service.body,
        service.contentRelated,
      );
      if (object._ === "mt_destroy_auth_key") {
        this.flush();
        this.host.destroyAuthKey(this.authKey);
      }
      return;
    }
    if (!isFunctionId(getSchema().byName.get(object._)?.id ?? 0)) {
      // A constructor is not a request; sent as content, it still gets the error Telegram answers
      // for a query it cannot run (without one, the client would wait forever).
      if (record.contentRelated) {
        this.answer(
          record,
          rpcResult(msgId, rpcError(400, "INPUT_METHOD_INVALID")),
        );
      }
      return;
    }
    record.rpc = true;
    record.acked = true;
    this.outbox.acknowledge(msgId);
    record.outcome = this.runRpc(msgId, record, object);
  }

  /**
   * Answers the MTProto service functions. Sent on their own they get their
   * bare answer (pong, future_salts, ...), except rpc_drop_answer, which the
   * protocol answers with rpc_result (`rpc: true`).
   */
  private serviceAnswer(
    msgId: Long,
    request: TlObject,
  ): { body: Uint8Array; rpc: boolean; contentRelated?: boolean } | undefined {
    switch (request._) {
      case "mt_ping_delay_disconnect":
        this.link?.closeUnlessPingedWithin(request.disconnectDelay as number);
        // falls through: it is answered like a ping
      case "mt_ping":
        return {
          body: serializeObject({
            _: "mt_pong",
            msgId,
            pingId: request.pingId,
          }),
          rpc: false,
          // "These messages do not require acknowledgments" (MTProto's service messages).
          contentRelated: false,
        };
      case "mt_get_future_salts":
        return {
          body: futureSalts(
            msgId,
            unixNow(),
            this.authKey.salts.future(request.num as number),
          ),
          rpc: false,
        };
      case "mt_destroy_session": {
        const other = request.sessionId as Long;
        const existed = !other.eq(this.id) &&
          this.host.destroySession(this.authKey, other);
        const result = existed
          ? "mt_destroy_session_ok"
          : "mt_destroy_session_none";
        return {
          body: serializeObject({ _: result, sessionId: other }),
          rpc: false,
        };
      }
      case "mt_destroy_auth_key":
        return {
          body: serializeObject({ _: "mt_destroy_auth_key_ok" }),
          rpc: false,
        };
      case "mt_rpc_drop_answer":
        return {
          body: serializeObject(this.dropAnswer(request.reqMsgId as Long)),
          rpc: true,
        };
    }
    return undefined;
  }

  private dropAnswer(reqMsgId: Long): TlObject {
    const target = this.received.get(reqMsgId);
    if (!target?.rpc) return { _: "mt_rpc_answer_unknown" };
    if (!target.answerMsgId) {
      target.dropped = true;
      return { _: "mt_rpc_answer_dropped_running" };
    }
    const answer = this.outbox.unackedMessage(target.answerMsgId);
    if (!answer) return { _: "mt_rpc_answer_unknown" };
    this.outbox.drop(answer.msgId);
    return {
      _: "mt_rpc_answer_dropped",
      msgId: answer.msgId,
      seqNo: answer.seqNo,
      bytes: answer.body.length,
    };
  }

  private answer(
    record: ReceivedMessage,
    body: Uint8Array,
    contentRelated = true,
  ): void {
    record.acked = true;
    record.answered = true;
    if (record.dropped || this.destroyed) return;
    record.answerMsgId =
      this.outbox.add(body, { contentRelated, isResponse: true }).msgId;
  }

  private async runRpc(
    msgId: Long,
    record: ReceivedMessage,
    request: TlObject,
  ): Promise<boolean> {
    const { query, withoutUpdates, after } = unwrap(request);
    const finish = (body: Uint8Array, ok: boolean) => {
      // File chunks do not compress; trying would only cost time.
      this.answer(
        record,
        rpcResult(msgId, body, { compress: query._ !== "upload.getFile" }),
      );
      this.scheduleFlush();
      return ok;
    };
    for (const earlier of after) {
      const outcome = this.received.get(earlier)?.outcome;
      if (outcome && !(await outcome)) {
        return finish(rpcError(400, "MSG_WAIT_FAILED"), false);
      }
    }
    if (!isFunctionId(getSchema().byName.get(query._)?.id ?? 0)) {
      return finish(rpcError(400, "INPUT_METHOD_INVALID"), false);
    }
    // A service function keeps its own answer inside a wrapper: a bare pong (it names the ping's
    // msg_id), future_salts, ...; only rpc_drop_answer is answered with rpc_result.
    const service = query._ !== "mt_destroy_auth_key"
      ? this.serviceAnswer(msgId, query)
      : undefined;
    if (service) {
      this.answer(
        record,
        service.rpc ? rpcResult(msgId, service.body) : service.body,
        service.contentRelated,
      );
      this.scheduleFlush();
      return true;
    }
    const call: RpcCall = {
      session: this,
      method: query._,
      params: query,
      withoutUpdates,
      authorize: (accountId) => {
        this.authKey.accountId = accountId;
      },
    };
    try {
      const result = await this.host.handler.call(call);
      return finish(serializeResult(query._, result), true);
    } catch (error) {
      if (error instanceof CallDropped) {
        this.received.forget(msgId);
        return false;
      }
      if (isRpcFailure(error)) {
        return finish(rpcError(error.code, error.text), false);
      }
      this.host.debug(`${query._} failed`, error);
      return finish(rpcError(500, "INTERNAL"), false);
    }
  }
}
