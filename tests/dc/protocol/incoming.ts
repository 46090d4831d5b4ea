/**
 * The shapes of what a client sends inside a session, before any state is
 * involved: msg_container, the invoke wrappers around a query, and how a
 * handler signals an RPC error.
 */
import type { Long } from "@mtcute/core";
import { TlBinaryReader } from "@mtcute/core/utils.js";
import { getSchema } from "../../../src/tl/schema.ts";
import type { TlObject } from "./method_reader.ts";

export const MSG_CONTAINER_ID = 0x73f1f8dc;
/** Service messages that need no answer and no acknowledgment. */
export const IGNORED = new Set([
  "mt_msgs_state_info",
  "mt_msgs_all_info",
  "mt_msg_detailed_info",
  "mt_msg_new_detailed_info",
  "mt_http_wait",
]);

/** One message inside a container. */
export interface ContainerItem {
  msgId: Long;
  seqNo: number;
  body: Uint8Array;
}

/** Splits a msg_container body; undefined if it is malformed. */
export function parseContainer(body: Uint8Array): ContainerItem[] | undefined {
  try {
    const reader = TlBinaryReader.manual(body, 4);
    const count = reader.uint();
    const items: ContainerItem[] = [];
    for (let i = 0; i < count; i++) {
      const msgId = reader.long();
      const seqNo = reader.uint();
      const length = reader.uint();
      if (length % 4 !== 0 || length < 4 || reader.pos + length > body.length) {
        return undefined;
      }
      items.push({ msgId, seqNo, body: reader.raw(length) });
    }
    return reader.pos === body.length ? items : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a handler threw an RpcFailure (duck-typed: the world may hold its own copy of the class). */
export function isRpcFailure(
  error: unknown,
): error is { code: number; text: string } {
  const candidate = error as
    | { name?: unknown; code?: unknown; text?: unknown }
    | null;
  return candidate?.name === "RpcFailure" &&
    typeof candidate.code === "number" && typeof candidate.text === "string";
}

/** Peels wrappers (`invokeWithLayer`, `initConnection`, `invokeWithoutUpdates`, `invokeAfterMsg(s)`, and any other `X`-typed function with a `query`). */
export function unwrap(
  request: TlObject,
): { query: TlObject; withoutUpdates: boolean; after: Long[] } {
  let query = request;
  let withoutUpdates = false;
  const after: Long[] = [];
  for (;;) {
    const entry = getSchema().byName.get(query._);
    if (
      entry?.type !== "X" || typeof query.query !== "object" ||
      query.query === null
    ) {
      return { query, withoutUpdates, after };
    }
    if (query._ === "invokeWithoutUpdates") withoutUpdates = true;
    if (query._ === "invokeAfterMsg") after.push(query.msgId as Long);
    if (query._ === "invokeAfterMsgs") after.push(...(query.msgIds as Long[]));
    query = query.query as TlObject;
  }
}
