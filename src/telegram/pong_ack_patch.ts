/**
 * mtcute 0.30.3 acknowledges every message it receives but a few service
 * ones, pongs included, though MTProto says pongs need no acknowledgment.
 * The ack waits up to 30 s for company and, on an idle connection, goes
 * alone: every 60 s keep-alive ping then costs two encrypted packets out
 * instead of one, and as many timers, reads and writes on the server's side.
 * With thousands of idle clients per worker that ack was about a third of
 * their CPU (BENCHMARKS.md, "Density"). Here a pong is handled as before, but
 * queues no ack.
 */
import { SessionConnection } from "@mtcute/core";

interface HandlesMessages {
  _handleMessage(messageId: unknown, message: { _: string }): void;
  _sendAck(messageId: unknown): void;
}

let patched = false;
/** The id of the pong being handled, whose ack is left out. */
let handlingPong: unknown;

/** Stops connections from acknowledging pongs; a no-op after the first call. */
export function skipPongAcks(): void {
  if (patched) return;
  patched = true;
  const prototype = SessionConnection.prototype as unknown as HandlesMessages;
  const handleMessage = prototype._handleMessage;
  const sendAck = prototype._sendAck;
  prototype._handleMessage = function (
    this: HandlesMessages,
    messageId,
    message,
  ) {
    if (message?._ !== "mt_pong") {
      return handleMessage.call(this, messageId, message);
    }
    handlingPong = messageId;
    try {
      return handleMessage.call(this, messageId, message);
    } finally {
      handlingPong = undefined;
    }
  };
  prototype._sendAck = function (this: HandlesMessages, messageId) {
    if (messageId !== handlingPong) sendAck.call(this, messageId);
  };
}
