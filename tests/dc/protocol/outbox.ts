/**
 * The server → client half of one session: assigns msg_ids and seqnos,
 * batches queued messages (and pending acks) into msg_containers, encrypts
 * them, and keeps content-related messages until the client acknowledges
 * them so they can be resent.
 */
import { Long } from "@mtcute/core";
import type { AuthKeyRecord } from "./auth_keys.ts";
import { concat } from "./crypto.ts";
import { encryptServerPacket, frameMessage } from "./envelope.ts";
import { SeqNoCounter, ServerMessageIds } from "./msg_ids.ts";
import { serializeObject } from "./result_writer.ts";

/** One server message. */
export interface Outgoing {
  readonly msgId: Long;
  readonly seqNo: number;
  readonly body: Uint8Array;
  readonly contentRelated: boolean;
}

const MSG_CONTAINER_ID = 0x73f1f8dc;
/** Telegram's limits for a container. */
const MAX_CONTAINER_MESSAGES = 1020;
const MAX_CONTAINER_BYTES = 1 << 20;
/** Unacknowledged messages kept for resending; the oldest beyond this are forgotten. */
const MAX_UNACKED = 1024;

/** Outgoing messages of one session. */
export class Outbox {
  private readonly ids = new ServerMessageIds();
  private readonly seqNos = new SeqNoCounter();
  private queue: Outgoing[] = [];
  private readonly unacked = new Map<string, Outgoing>();
  private acks: Long[] = [];

  constructor(
    private readonly authKey: AuthKeyRecord,
    private readonly sessionId: Long,
  ) {}

  /** Queues a message; `isResponse` picks the msg_id residue (1 for answers to the client, 3 otherwise). */
  add(
    body: Uint8Array,
    kind: { contentRelated: boolean; isResponse: boolean },
  ): Outgoing {
    const message = {
      msgId: this.ids.next(kind.isResponse),
      seqNo: this.seqNos.next(kind.contentRelated),
      body,
      contentRelated: kind.contentRelated,
    };
    this.queue.push(message);
    if (message.contentRelated) {
      this.unacked.set(message.msgId.toString(), message);
      if (this.unacked.size > MAX_UNACKED) {
        this.unacked.delete(this.unacked.keys().next().value!);
      }
    }
    return message;
  }

  /** Queues an acknowledgment of a client message for the next flush. */
  acknowledge(clientMsgId: Long): void {
    this.acks.push(clientMsgId);
  }

  /** The client acknowledged these server messages. */
  acknowledged(msgIds: Long[]): void {
    for (const id of msgIds) this.unacked.delete(id.toString());
  }

  /** An unacknowledged message by msg_id. */
  unackedMessage(msgId: Long): Outgoing | undefined {
    return this.unacked.get(msgId.toString());
  }

  /** Forgets a message (rpc_drop_answer): it will neither be sent nor resent. */
  drop(msgId: Long): void {
    this.unacked.delete(msgId.toString());
    this.queue = this.queue.filter((message) => !message.msgId.eq(msgId));
  }

  /** Queues the given messages again, keeping their msg_ids (the client deduplicates). */
  resend(msgIds: Long[]): void {
    for (const id of msgIds) {
      const message = this.unacked.get(id.toString());
      if (message && !this.queue.includes(message)) this.queue.push(message);
    }
  }

  /** Queues every unacknowledged message again, e.g. for a session that moved to a new connection. */
  resendUnacked(): void {
    const queued = new Set(this.queue);
    const again = [...this.unacked.values()].filter((message) =>
      !queued.has(message)
    );
    this.queue = [...again, ...this.queue];
  }

  /** Nobody is connected: drops what only makes sense on a live connection, keeps answers and notices. */
  discardTransient(): void {
    this.acks = [];
    this.queue = this.queue.filter((message) => message.contentRelated);
  }

  get isEmpty(): boolean {
    return this.queue.length === 0 && this.acks.length === 0;
  }

  /** Turns everything queued into encrypted packets, several messages per msg_container. */
  drain(): Uint8Array[] {
    if (this.acks.length) {
      const acks = this.acks;
      this.acks = [];
      this.add(serializeObject({ _: "mt_msgs_ack", msgIds: acks }), {
        contentRelated: false,
        isResponse: true,
      });
    }
    const queue = this.queue;
    this.queue = [];
    const packets: Uint8Array[] = [];
    let batch: Outgoing[] = [];
    let batchBytes = 0;
    const flushBatch = () => {
      if (batch.length) packets.push(this.encrypt(batch));
      batch = [];
      batchBytes = 0;
    };
    for (const message of queue) {
      const size = message.body.length + 16;
      if (
        batch.length >= MAX_CONTAINER_MESSAGES ||
        (batch.length && batchBytes + size > MAX_CONTAINER_BYTES)
      ) flushBatch();
      batch.push(message);
      batchBytes += size;
    }
    flushBatch();
    return packets;
  }

  private encrypt(messages: Outgoing[]): Uint8Array {
    let framed: Uint8Array;
    if (messages.length === 1) {
      const [only] = messages;
      framed = frameMessage(only.msgId, only.seqNo, only.body);
    } else {
      const header = new Uint8Array(8);
      const view = new DataView(header.buffer);
      view.setUint32(0, MSG_CONTAINER_ID, true);
      view.setUint32(4, messages.length, true);
      const body = concat(
        header,
        ...messages.map((m) => frameMessage(m.msgId, m.seqNo, m.body)),
      );
      // The container's msg_id comes after its messages' ones; it is not content-related itself.
      framed = frameMessage(this.ids.next(true), this.seqNos.next(false), body);
    }
    return encryptServerPacket(
      this.authKey.key,
      this.authKey.id,
      this.authKey.salts.current(),
      this.sessionId,
      framed,
    );
  }
}
