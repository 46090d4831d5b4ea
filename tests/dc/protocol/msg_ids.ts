/**
 * Message identifiers and sequence numbers: the server's own (time-based,
 * increasing, odd) and the bookkeeping of the client's that drives
 * bad_msg_notification and msgs_state_info.
 */
import { Long } from "@mtcute/core";

/** bad_msg_notification error codes (core.telegram.org/mtproto/service_messages_about_messages). */
export const BadMsg = {
  /** msg_id too low: the client's clock is behind, or the message is older than 300 s. */
  MsgIdTooLow: 16,
  /** msg_id too high: more than 30 s in the future. */
  MsgIdTooHigh: 17,
  /** The two lower bits of a client msg_id must be zero. */
  MsgIdNotDivisibleBy4: 18,
  /** A container reused the msg_id of a received message. */
  ContainerMsgIdReused: 19,
  /** Too old to tell whether it was already received. */
  MsgTooOld: 20,
  SeqNoTooLow: 32,
  SeqNoTooHigh: 33,
  /** Irrelevant (not content-related) message with an odd seqno. */
  EvenSeqNoExpected: 34,
  /** Content-related message with an even seqno. */
  OddSeqNoExpected: 35,
  /** Sent as bad_server_salt. */
  BadServerSalt: 48,
  InvalidContainer: 64,
} as const;

/** How far a client msg_id may lag behind / run ahead of the server clock, in seconds. */
const MAX_PAST = 300;
const MAX_FUTURE = 30;
/** Received msg_ids remembered per session; older ones answer 20 (too old to verify). */
const REMEMBERED = 4096;

function toBigInt(id: Long): bigint {
  return BigInt(id.toString());
}

/** Generates the server's msg_ids for one session: unix time × 2^32, ≡ 1 (mod 4) for responses, 3 otherwise. */
export class ServerMessageIds {
  private last = 0n;

  next(isResponse: boolean): Long {
    const nowMs = Date.now();
    const fraction = BigInt(Math.floor((nowMs % 1000) / 1000 * 2 ** 32));
    let id = (BigInt(Math.floor(nowMs / 1000)) << 32n) | fraction;
    id = (id & ~3n) | (isResponse ? 1n : 3n);
    while (id <= this.last) id += 4n;
    this.last = id;
    return Long.fromString(id.toString());
  }
}

/** Counts the server's content-related messages: seqno = 2 × count (+1 and count++ for content-related ones). */
export class SeqNoCounter {
  private contentRelated = 0;
  next(isContentRelated: boolean): number {
    return isContentRelated
      ? this.contentRelated++ * 2 + 1
      : this.contentRelated * 2;
  }
}

/** What the server knows about one received client message. */
export interface ReceivedMessage {
  seqNo: number;
  contentRelated: boolean;
  /** The server acknowledged it (msgs_ack or an answer). */
  acked: boolean;
  /** An RPC query: being processed or done. */
  rpc: boolean;
  /** A content-related answer was generated. */
  answered: boolean;
  /** For RPC queries: settles with whether the call succeeded (invokeAfterMsg waits on it). */
  outcome?: Promise<boolean>;
  /** rpc_drop_answer asked to drop the answer of this running query. */
  dropped?: boolean;
  /** msg_id of the rpc_result, once sent. */
  answerMsgId?: Long;
}

/** The client messages of one session, ordered by msg_id. */
export class ReceivedMessages {
  private readonly ids: bigint[] = [];
  private readonly byId = new Map<bigint, ReceivedMessage>();
  private forgottenBelow = 0n;

  private indexAbove(id: bigint): number {
    let low = 0, high = this.ids.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ids[mid] <= id) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Checks a new message: a bad_msg_notification code, "duplicate" for an
   * already received one, or undefined when it is acceptable.
   * `contentRelated` is undefined when the kind of message does not fix it.
   */
  check(
    msgId: Long,
    seqNo: number,
    kind: { contentRelated?: boolean; container?: boolean },
    nowMs = Date.now(),
  ) {
    const id = toBigInt(msgId);
    const seconds = Number(id >> 32n);
    const now = nowMs / 1000;
    if (seconds < now - MAX_PAST) return BadMsg.MsgIdTooLow;
    if (seconds > now + MAX_FUTURE) return BadMsg.MsgIdTooHigh;
    if (id % 4n !== 0n) return BadMsg.MsgIdNotDivisibleBy4;
    if (this.byId.has(id)) {
      return kind.container ? BadMsg.ContainerMsgIdReused : "duplicate";
    }
    if (id < this.forgottenBelow) return BadMsg.MsgTooOld;
    const odd = seqNo % 2 === 1;
    if (kind.contentRelated && !odd) return BadMsg.OddSeqNoExpected;
    if ((kind.container || kind.contentRelated === false) && odd) {
      return BadMsg.EvenSeqNoExpected;
    }
    // seqno must not decrease with msg_id, and two messages cannot claim the same odd (content-related) seqno.
    const above = this.indexAbove(id);
    const before = above > 0 ? this.byId.get(this.ids[above - 1]) : undefined;
    const after = above < this.ids.length
      ? this.byId.get(this.ids[above])
      : undefined;
    if (before && (before.seqNo > seqNo || (before.seqNo === seqNo && odd))) {
      return BadMsg.SeqNoTooLow;
    }
    if (after && (after.seqNo < seqNo || (after.seqNo === seqNo && odd))) {
      return BadMsg.SeqNoTooHigh;
    }
    return undefined;
  }

  /** Records an accepted message. */
  add(msgId: Long, message: ReceivedMessage): ReceivedMessage {
    const id = toBigInt(msgId);
    this.ids.splice(this.indexAbove(id), 0, id);
    this.byId.set(id, message);
    while (this.ids.length > REMEMBERED) {
      const oldest = this.ids.shift()!;
      this.byId.delete(oldest);
      this.forgottenBelow = oldest + 1n;
    }
    return message;
  }

  /** Forgets a message, as if it never arrived (its sender may send it again). */
  forget(msgId: Long): void {
    const id = toBigInt(msgId);
    if (!this.byId.delete(id)) return;
    this.ids.splice(this.indexAbove(id) - 1, 1);
  }

  get(msgId: Long): ReceivedMessage | undefined {
    return this.byId.get(toBigInt(msgId));
  }

  /** The msgs_state_info status byte of a client msg_id. */
  status(msgId: Long, nowMs = Date.now()): number {
    const id = toBigInt(msgId);
    const message = this.byId.get(id);
    if (message) {
      return 4 | (message.acked ? 8 : 0) | (message.contentRelated ? 0 : 16) |
        (message.rpc ? 32 : 0) |
        (message.answered ? 64 : 0);
    }
    if (
      id < this.forgottenBelow || Number(id >> 32n) < nowMs / 1000 - MAX_PAST
    ) return 1;
    const highest = this.ids.at(-1);
    return highest === undefined || id > highest ? 3 : 2;
  }
}
